// Where Caffe files put the input size: data layers of train_val files (crop_size, new_height,
// input_param, memory/dummy data, resize_param, batch sizes), Input layers, net-level inputs,
// the V1 format and type names in any case. Expected numbers are worked out by hand here.
#include "analysis/AnalysisEngine.h"
#include "io/CaffeImporter.h"
#include "layers/LayerRegistry.h"

#include <QtTest>

using namespace naqsh;

namespace {

ImportResult import(const QByteArray &text)
{
    return importPrototxt(text, LayerRegistry::builtin());
}

const LayerResult *resultOf(const Graph &g, const AnalysisResult &r, const char *name)
{
    const LayerId id = g.findByName(QString::fromUtf8(name));
    return id.isValid() ? r.layer(id) : nullptr;
}

QString shapeOf(const Graph &g, const AnalysisResult &a, const char *name)
{
    const LayerResult *r = resultOf(g, a, name);
    if (!r || !r->hasNumbers())
        return QStringLiteral("none");
    QStringList dims;
    for (qint64 d : r->output.toVector())
        dims << QString::number(d);
    return dims.join(QLatin1Char('x'));
}

bool anyContains(const QStringList &list, const QString &needle)
{
    for (const QString &s : list) {
        if (s.contains(needle))
            return true;
    }
    return false;
}

// The body of a small CaffeNet-like classifier after its input blob "data" (BVLC zoo style).
const char *kBody = R"(
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1"
  param { lr_mult: 1 decay_mult: 1 } param { lr_mult: 2 decay_mult: 0 }
  convolution_param { num_output: 96 kernel_size: 11 stride: 4 } }
layer { name: "relu1" type: "ReLU" bottom: "conv1" top: "conv1" }
layer { name: "pool1" type: "Pooling" bottom: "conv1" top: "pool1"
  pooling_param { pool: MAX kernel_size: 3 stride: 2 } }
layer { name: "fc8" type: "InnerProduct" bottom: "pool1" top: "fc8"
  inner_product_param { num_output: 1000 } }
)";

// Hand calculation for a C×S×S input and batch N. conv1: (S − 11)/4 + 1 = O; MACs per image
// O·O·96·11·11·C. pool1: ceil((O − 3)/2) + 1 = P. fc8: 96·P·P·1000 MACs per image.
struct Expected
{
    qint64 params = 0;
    qint64 macs = 0;
    QString pool1;
};

Expected expected(qint64 n, qint64 c, qint64 s)
{
    const qint64 o = (s - 11) / 4 + 1;
    const qint64 p = (o - 3 + 1) / 2 + 1; // ceil((o − 3)/2) + 1
    Expected e;
    e.params = 96 * 11 * 11 * c + 96 + 96 * p * p * 1000 + 1000;
    e.macs = n * (o * o * 96 * 11 * 11 * c + 96 * p * p * 1000);
    e.pool1 = QStringLiteral("%1x96x%2x%2").arg(n).arg(p);
    return e;
}

} // namespace

class tst_CaffeInputs : public QObject
{
    Q_OBJECT
private slots:
    void dataLayerSizes_data();
    void dataLayerSizes();
    void dataLayerEqualsInputLayer();
    void noSizeAnywhereIsAssumedAndEditable();
    void dummyDataShapes();
    void v1FormatAndTypeCase();
    void trainPhaseOnlyFile();
};

void tst_CaffeInputs::dataLayerSizes_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<qint64>("c");
    QTest::addColumn<qint64>("s");
    // BVLC train_val: TRAIN and TEST data layers, the TEST one (batch 50) is the deploy.
    QTest::newRow("Data crop_size, TEST batch")
        << QByteArray(R"(layer { name: "data" type: "Data" top: "data" top: "label"
  include { phase: TRAIN } transform_param { mirror: true crop_size: 227 }
  data_param { source: "train_lmdb" batch_size: 256 backend: LMDB } }
layer { name: "data" type: "Data" top: "data" top: "label" include { phase: TEST }
  transform_param { mirror: false crop_size: 227 mean_file: "mean.binaryproto" }
  data_param { source: "val_lmdb" batch_size: 50 backend: LMDB } })")
        << qint64(50) << qint64(3) << qint64(227);
    // The TEST layer first, then the TRAIN layer: still the TEST one.
    QTest::newRow("TEST layer first")
        << QByteArray(R"(layer { name: "data" type: "Data" top: "data" top: "label"
  include { phase: TEST } transform_param { crop_size: 99 } data_param { batch_size: 2 } }
layer { name: "data" type: "Data" top: "data" top: "label"
  include { phase: TRAIN } transform_param { crop_size: 227 } data_param { batch_size: 256 } })")
        << qint64(2) << qint64(3) << qint64(99);
    QTest::newRow("ImageData new size, gray")
        << QByteArray(R"(layer { name: "data" type: "ImageData" top: "data" top: "label"
  image_data_param { source: "list.txt" batch_size: 1 new_height: 67 new_width: 67 is_color: false } })")
        << qint64(1) << qint64(1) << qint64(67);
    QTest::newRow("ImageData crop wins over resize")
        << QByteArray(R"(layer { name: "data" type: "ImageData" top: "data" top: "label"
  transform_param { crop_size: 63 }
  image_data_param { source: "list.txt" batch_size: 4 new_height: 256 new_width: 256 } })")
        << qint64(4) << qint64(3) << qint64(63);
    QTest::newRow("WindowData (R-CNN)")
        << QByteArray(R"(layer { name: "data" type: "WindowData" top: "data" top: "label"
  transform_param { mirror: true crop_size: 227 mean_file: "mean.binaryproto" }
  window_data_param { source: "window_file.txt" batch_size: 128 fg_threshold: 0.5 } })")
        << qint64(128) << qint64(3) << qint64(227);
    QTest::newRow("MemoryData")
        << QByteArray(R"(layer { name: "data" type: "MemoryData" top: "data" top: "label"
  memory_data_param { batch_size: 3 channels: 2 height: 51 width: 51 } })")
        << qint64(3) << qint64(2) << qint64(51);
    QTest::newRow("Data with input_param, lower-case type (web analysers)")
        << QByteArray(R"(layer { name: "data" type: "data" top: "data"
  input_param { shape: { dim: 1 dim: 3 dim: 43 dim: 43 } } })")
        << qint64(1) << qint64(3) << qint64(43);
    QTest::newRow("AnnotatedData resize_param (SSD)")
        << QByteArray(R"(layer { name: "data" type: "AnnotatedData" top: "data" top: "label"
  include { phase: TEST }
  transform_param { mean_value: 104 mean_value: 117 mean_value: 123
    resize_param { prob: 1 resize_mode: WARP height: 75 width: 75 interp_mode: LINEAR } }
  data_param { source: "test_lmdb" batch_size: 8 backend: LMDB } })")
        << qint64(8) << qint64(3) << qint64(75);
    QTest::newRow("net-level input_dim")
        << QByteArray("input: \"data\"\ninput_dim: 10\ninput_dim: 3\ninput_dim: 227\ninput_dim: "
                      "227\n")
        << qint64(10) << qint64(3) << qint64(227);
    QTest::newRow("Input layer") << QByteArray(R"(layer { name: "data" type: "Input" top: "data"
  input_param { shape { dim: 1 dim: 3 dim: 224 dim: 224 } } })")
                                 << qint64(1) << qint64(3) << qint64(224);
}

void tst_CaffeInputs::dataLayerSizes()
{
    QFETCH(QByteArray, head);
    QFETCH(qint64, n);
    QFETCH(qint64, c);
    QFETCH(qint64, s);
    const ImportResult r = import("name: \"net\"\n" + head + kBody);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(!anyContains(r.warnings, QStringLiteral("assumes")),
             qPrintable(r.warnings.join('\n')));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    QCOMPARE(shapeOf(r.graph, a, "data"), QStringLiteral("%1x%2x%3x%3").arg(n).arg(c).arg(s));
    const Expected e = expected(n, c, s);
    QCOMPARE(shapeOf(r.graph, a, "pool1"), e.pool1);
    QCOMPARE(a.totals.params().value(), e.params);
    QCOMPARE(a.totals.macs.value(), e.macs);
}

void tst_CaffeInputs::dataLayerEqualsInputLayer()
{
    // The same classifier as a train_val (Data layer, crop 227, TEST batch 10) and as a deploy
    // (Input 10×3×227×227): the same numbers, layer by layer.
    const ImportResult trainVal = import(
        QByteArray(R"(name: "CaffeNet"
layer { name: "data" type: "Data" top: "data" top: "label" include { phase: TEST }
  transform_param { crop_size: 227 } data_param { source: "val_lmdb" batch_size: 10 } }
)") + kBody +
        R"(layer { name: "accuracy" type: "Accuracy" bottom: "fc8" bottom: "label" top: "accuracy"
  include { phase: TEST } }
layer { name: "loss" type: "SoftmaxWithLoss" bottom: "fc8" bottom: "label" top: "loss" })");
    const ImportResult deploy = import(QByteArray(R"(name: "CaffeNet"
layer { name: "data" type: "Input" top: "data"
  input_param { shape: { dim: 10 dim: 3 dim: 227 dim: 227 } } }
)") + kBody + R"(layer { name: "prob" type: "Softmax" bottom: "fc8" top: "prob" })");
    QVERIFY2(trainVal.ok(), qPrintable(trainVal.error));
    QVERIFY2(deploy.ok(), qPrintable(deploy.error));
    const AnalysisResult a = AnalysisEngine::analyze(trainVal.graph, LayerRegistry::builtin());
    const AnalysisResult b = AnalysisEngine::analyze(deploy.graph, LayerRegistry::builtin());
    const Expected e = expected(10, 3, 227);
    for (const AnalysisResult *x : {&a, &b}) {
        QCOMPARE(x->errorCount, 0);
        QCOMPARE(x->totals.params().value(), e.params);
    }
    for (const char *layer : {"data", "conv1", "relu1", "pool1", "fc8"}) {
        QCOMPARE(shapeOf(trainVal.graph, a, layer), shapeOf(deploy.graph, b, layer));
        QCOMPARE(resultOf(trainVal.graph, a, layer)->costs.macs.value(),
                 resultOf(deploy.graph, b, layer)->costs.macs.value());
    }
    QCOMPARE(a.totals.macs.value(), e.macs);
    // The deploy's Softmax is the only difference.
    QCOMPARE(b.totals.macs.value(), e.macs);
}

void tst_CaffeInputs::noSizeAnywhereIsAssumedAndEditable()
{
    const ImportResult r = import(QByteArray(R"(name: "net"
layer { name: "data" type: "Data" top: "data" top: "label"
  data_param { source: "train_lmdb" batch_size: 1 } })") +
                                  kBody);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(anyContains(r.warnings,
                         QStringLiteral("data layer 'data' (Data) does not give the image size")),
             qPrintable(r.warnings.join('\n')));
    QVERIFY(anyContains(r.warnings, QStringLiteral("the Input layer 'data' assumes 1×3×224×224; "
                                                   "set the real size on that layer")));
    Graph g = r.graph;
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(shapeOf(g, a, "data"), QStringLiteral("1x3x224x224"));
    QCOMPARE(a.totals.macs.value(), expected(1, 3, 224).macs);
    // The assumed size is an ordinary Input layer: editing it gives the real numbers.
    Layer *in = g.mutableLayer(g.findByName(QStringLiteral("data")));
    QCOMPARE(in->type, QStringLiteral("input"));
    const LayerType *t = LayerRegistry::builtin().find(in->type);
    in->params.set(t->paramIndex(u"height"), qint64(227));
    in->params.set(t->paramIndex(u"width"), qint64(227));
    const AnalysisResult edited = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(edited.totals.macs.value(), expected(1, 3, 227).macs);

    // HDF5 files do not say either.
    const ImportResult h5 = import(QByteArray(R"(layer { name: "data" type: "HDF5Data"
  top: "data" top: "label" hdf5_data_param { source: "train.txt" batch_size: 64 } })") +
                                   kBody);
    QVERIFY2(h5.ok(), qPrintable(h5.error));
    QVERIFY(anyContains(h5.warnings, QStringLiteral("assumes 64×3×224×224")));
}

void tst_CaffeInputs::dummyDataShapes()
{
    const ImportResult r = import(QByteArray(R"(layer { name: "data" type: "DummyData"
  top: "data" top: "rois"
  dummy_data_param { shape { dim: 2 dim: 3 dim: 35 dim: 35 } shape { dim: 300 dim: 5 } } }
layer { name: "relu" type: "ReLU" bottom: "data" top: "relu" }
layer { name: "ip" type: "InnerProduct" bottom: "rois" top: "ip" inner_product_param { num_output: 2 } }
layer { name: "legacy" type: "DummyData" top: "legacy"
  dummy_data_param { num: 1 channels: 8 height: 5 width: 7 } }
layer { name: "relu2" type: "ReLU" bottom: "legacy" top: "relu2" })"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    QCOMPARE(shapeOf(r.graph, a, "relu"), QStringLiteral("2x3x35x35"));
    QCOMPARE(shapeOf(r.graph, a, "ip"), QStringLiteral("300x2"));
    QCOMPARE(shapeOf(r.graph, a, "relu2"), QStringLiteral("1x8x5x7"));
}

void tst_CaffeInputs::v1FormatAndTypeCase()
{
    // LeNet's V1 train_test: DATA layers per phase, enum types; and the same in lower case.
    const QByteArray v1 = R"(name: "LeNet"
layers { name: "mnist" type: DATA top: "data" top: "label"
  data_param { source: "mnist_train_lmdb" backend: LMDB batch_size: 64 }
  transform_param { scale: 0.00390625 } include: { phase: TRAIN } }
layers { name: "mnist" type: DATA top: "data" top: "label"
  data_param { source: "mnist_test_lmdb" backend: LMDB batch_size: 100 }
  transform_param { scale: 0.00390625 } include: { phase: TEST } }
layers { name: "conv1" type: CONVOLUTION bottom: "data" top: "conv1"
  blobs_lr: 1 blobs_lr: 2 convolution_param { num_output: 20 kernel_size: 5 stride: 1 } }
layers { name: "pool1" type: POOLING bottom: "conv1" top: "pool1"
  pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layers { name: "ip1" type: INNER_PRODUCT bottom: "pool1" top: "ip1"
  inner_product_param { num_output: 500 } }
layers { name: "relu1" type: RELU bottom: "ip1" top: "ip1" }
layers { name: "ip2" type: INNER_PRODUCT bottom: "ip1" top: "ip2"
  inner_product_param { num_output: 10 } }
layers { name: "accuracy" type: ACCURACY bottom: "ip2" bottom: "label" top: "accuracy"
  include: { phase: TEST } }
layers { name: "loss" type: SOFTMAX_LOSS bottom: "ip2" bottom: "label" top: "loss" }
)";
    const ImportResult r = import(v1);
    QVERIFY2(r.ok(), qPrintable(r.error));
    // MNIST's data layers give no size: the 224 assumption is named.
    QVERIFY(anyContains(r.warnings, QStringLiteral("assumes 100×3×224×224")));
    Graph g = r.graph;
    Layer *in = g.mutableLayer(g.findByName(QStringLiteral("data")));
    const LayerType *t = LayerRegistry::builtin().find(in->type);
    in->params.set(t->paramIndex(u"batch"), qint64(1));
    in->params.set(t->paramIndex(u"channels"), qint64(1));
    in->params.set(t->paramIndex(u"height"), qint64(28));
    in->params.set(t->paramIndex(u"width"), qint64(28));
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // LeNet: conv1 20·25 + 20 = 520; ip1 20·12·12·500 + 500 = 1,440,500; ip2 5,010.
    QCOMPARE(a.totals.params().value(), qint64(520 + 1440500 + 5010));
    QCOMPARE(g.layer(g.findByName(QStringLiteral("conv1")))->type, QStringLiteral("conv2d"));
    QVERIFY(!g.findByName(QStringLiteral("accuracy")).isValid());

    // Type names in any case: lower-case V1 names and lower-case V2 names.
    QByteArray lower = v1;
    for (const char *t : {"DATA", "CONVOLUTION", "POOLING", "INNER_PRODUCT", "RELU"})
        lower.replace(QByteArray("type: ") + t,
                      QByteArray("type: \"") + QByteArray(t).toLower() + '"');
    lower.replace("\"inner_product\"", "\"innerproduct\"");
    const ImportResult rl = import(lower);
    QVERIFY2(rl.ok(), qPrintable(rl.error));
    QCOMPARE(rl.graph.layer(rl.graph.findByName(QStringLiteral("ip1")))->type,
             QStringLiteral("linear"));
    QCOMPARE(rl.graph.layer(rl.graph.findByName(QStringLiteral("pool1")))->type,
             QStringLiteral("maxpool2d"));
}

void tst_CaffeInputs::trainPhaseOnlyFile()
{
    // A train.prototxt has only the TRAIN data layer: its size and batch are the input.
    const ImportResult r = import(QByteArray(R"(layer { name: "data" type: "Data" top: "data"
  top: "label" include { phase: TRAIN } transform_param { crop_size: 227 }
  data_param { batch_size: 32 } })") +
                                  kBody);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.totals.macs.value(), expected(32, 3, 227).macs);
}

QTEST_GUILESS_MAIN(tst_CaffeInputs)
#include "tst_CaffeInputs.moc"
