// Caffe prototxt import: fixtures written here, numbers worked out by hand in each test, and
// errors that name the line and column.
#include "analysis/AnalysisEngine.h"
#include "io/CaffeImporter.h"
#include "layers/LayerRegistry.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace naqsh;

namespace {

ImportResult import(const char *text)
{
    return importPrototxt(QByteArrayView(text), LayerRegistry::builtin());
}

const LayerResult *resultOf(const Graph &g, const AnalysisResult &r, const char *name)
{
    const LayerId id = g.findByName(QString::fromUtf8(name));
    return id.isValid() ? r.layer(id) : nullptr;
}

QString typeOf(const Graph &g, const char *name)
{
    const Layer *l = g.layer(g.findByName(QString::fromUtf8(name)));
    return l ? l->type : QString();
}

QVariant param(const Graph &g, const char *name, const char *key)
{
    const Layer *l = g.layer(g.findByName(QString::fromUtf8(name)));
    if (!l)
        return {};
    const LayerType *t = LayerRegistry::builtin().find(l->type);
    const int i = t->paramIndex(QString::fromLatin1(key));
    return i < 0 ? QVariant() : l->params.value(i);
}

/// Names of the layers feeding @p name, in slot order.
QStringList inputsOf(const Graph &g, const char *name)
{
    QStringList out;
    if (const Layer *l = g.layer(g.findByName(QString::fromUtf8(name)))) {
        for (LayerId in : l->inputs)
            out << g.layer(in)->name;
    }
    return out;
}

int countType(const Graph &g, const char *type)
{
    int n = 0;
    for (LayerId id : g.layerIds())
        n += g.layer(id)->type == QLatin1String(type) ? 1 : 0;
    return n;
}

bool anyContains(const QStringList &list, const QString &needle)
{
    for (const QString &s : list) {
        if (s.contains(needle))
            return true;
    }
    return false;
}

const char *kLesson = R"(name: "lesson"
input: "data"
input_shape { dim: 1 dim: 192 dim: 28 dim: 28 }
layer {
  name: "conv5x5" type: "Convolution" bottom: "data" top: "conv5x5"
  convolution_param { num_output: 32 kernel_size: 5 pad: 2 bias_term: false }
}
layer {
  name: "reduce1x1" type: "Convolution" bottom: "data" top: "reduce1x1"
  convolution_param { num_output: 16 kernel_size: 1 bias_term: false }
}
layer {
  name: "conv5x5_after_1x1" type: "Convolution" bottom: "reduce1x1" top: "conv5x5_after_1x1"
  convolution_param { num_output: 32 kernel_size: 5 pad: 2 bias_term: false }
}
layer { name: "concat" type: "Concat" bottom: "conv5x5" bottom: "conv5x5_after_1x1" top: "concat" }
)";

// GoogLeNet's deploy.prototxt, inception_3a, with its in-place ReLUs.
const char *kInception = R"(name: "GoogleNet inception_3a"
input: "pool2/3x3_s2"
input_dim: 1
input_dim: 192
input_dim: 28
input_dim: 28
layer { name: "inception_3a/1x1" type: "Convolution" bottom: "pool2/3x3_s2" top: "inception_3a/1x1"
  convolution_param { num_output: 64 kernel_size: 1 } }
layer { name: "inception_3a/relu_1x1" type: "ReLU" bottom: "inception_3a/1x1" top: "inception_3a/1x1" }
layer { name: "inception_3a/3x3_reduce" type: "Convolution" bottom: "pool2/3x3_s2" top: "inception_3a/3x3_reduce"
  convolution_param { num_output: 96 kernel_size: 1 } }
layer { name: "inception_3a/relu_3x3_reduce" type: "ReLU" bottom: "inception_3a/3x3_reduce" top: "inception_3a/3x3_reduce" }
layer { name: "inception_3a/3x3" type: "Convolution" bottom: "inception_3a/3x3_reduce" top: "inception_3a/3x3"
  convolution_param { num_output: 128 pad: 1 kernel_size: 3 } }
layer { name: "inception_3a/relu_3x3" type: "ReLU" bottom: "inception_3a/3x3" top: "inception_3a/3x3" }
layer { name: "inception_3a/5x5_reduce" type: "Convolution" bottom: "pool2/3x3_s2" top: "inception_3a/5x5_reduce"
  convolution_param { num_output: 16 kernel_size: 1 } }
layer { name: "inception_3a/relu_5x5_reduce" type: "ReLU" bottom: "inception_3a/5x5_reduce" top: "inception_3a/5x5_reduce" }
layer { name: "inception_3a/5x5" type: "Convolution" bottom: "inception_3a/5x5_reduce" top: "inception_3a/5x5"
  convolution_param { num_output: 32 pad: 2 kernel_size: 5 } }
layer { name: "inception_3a/relu_5x5" type: "ReLU" bottom: "inception_3a/5x5" top: "inception_3a/5x5" }
layer { name: "inception_3a/pool" type: "Pooling" bottom: "pool2/3x3_s2" top: "inception_3a/pool"
  pooling_param { pool: MAX kernel_size: 3 stride: 1 pad: 1 } }
layer { name: "inception_3a/pool_proj" type: "Convolution" bottom: "inception_3a/pool" top: "inception_3a/pool_proj"
  convolution_param { num_output: 32 kernel_size: 1 } }
layer { name: "inception_3a/relu_pool_proj" type: "ReLU" bottom: "inception_3a/pool_proj" top: "inception_3a/pool_proj" }
layer { name: "inception_3a/output" type: "Concat"
  bottom: "inception_3a/1x1" bottom: "inception_3a/3x3" bottom: "inception_3a/5x5" bottom: "inception_3a/pool_proj"
  top: "inception_3a/output" }
)";

// ResNet-50 res2a as in Kaiming He's deploy file: BatchNorm + Scale after every convolution.
const char *kBottleneck = R"(name: "res2a"
layer { name: "data" type: "Input" top: "data" input_param { shape: { dim: 1 dim: 64 dim: 56 dim: 56 } } }
layer { name: "res2a_branch1" type: "Convolution" bottom: "data" top: "res2a_branch1"
  convolution_param { num_output: 256 kernel_size: 1 stride: 1 bias_term: false } }
layer { name: "bn2a_branch1" type: "BatchNorm" bottom: "res2a_branch1" top: "res2a_branch1"
  batch_norm_param { use_global_stats: true } }
layer { name: "scale2a_branch1" type: "Scale" bottom: "res2a_branch1" top: "res2a_branch1"
  scale_param { bias_term: true } }
layer { name: "res2a_branch2a" type: "Convolution" bottom: "data" top: "res2a_branch2a"
  convolution_param { num_output: 64 kernel_size: 1 bias_term: false } }
layer { name: "bn2a_branch2a" type: "BatchNorm" bottom: "res2a_branch2a" top: "res2a_branch2a" }
layer { name: "scale2a_branch2a" type: "Scale" bottom: "res2a_branch2a" top: "res2a_branch2a"
  scale_param { bias_term: true } }
layer { name: "res2a_branch2a_relu" type: "ReLU" bottom: "res2a_branch2a" top: "res2a_branch2a" }
layer { name: "res2a_branch2b" type: "Convolution" bottom: "res2a_branch2a" top: "res2a_branch2b"
  convolution_param { num_output: 64 kernel_size: 3 pad: 1 bias_term: false } }
layer { name: "bn2a_branch2b" type: "BatchNorm" bottom: "res2a_branch2b" top: "res2a_branch2b" }
layer { name: "scale2a_branch2b" type: "Scale" bottom: "res2a_branch2b" top: "res2a_branch2b"
  scale_param { bias_term: true } }
layer { name: "res2a_branch2b_relu" type: "ReLU" bottom: "res2a_branch2b" top: "res2a_branch2b" }
layer { name: "res2a_branch2c" type: "Convolution" bottom: "res2a_branch2b" top: "res2a_branch2c"
  convolution_param { num_output: 256 kernel_size: 1 bias_term: false } }
layer { name: "bn2a_branch2c" type: "BatchNorm" bottom: "res2a_branch2c" top: "res2a_branch2c" }
layer { name: "scale2a_branch2c" type: "Scale" bottom: "res2a_branch2c" top: "res2a_branch2c"
  scale_param { bias_term: true } }
layer { name: "res2a" type: "Eltwise" bottom: "res2a_branch1" bottom: "res2a_branch2c" top: "res2a" }
layer { name: "res2a_relu" type: "ReLU" bottom: "res2a" top: "res2a" }
)";

const char *kSeparable = R"(name: "separable"
input: "data"
input_shape { dim: 1 dim: 32 dim: 112 dim: 112 }
layer { name: "conv_dw" type: "Convolution" bottom: "data" top: "conv_dw"
  convolution_param { num_output: 32 kernel_size: 3 pad: 1 group: 32 bias_term: false } }
layer { name: "conv_dw/bn" type: "BatchNorm" bottom: "conv_dw" top: "conv_dw" }
layer { name: "conv_dw/scale" type: "Scale" bottom: "conv_dw" top: "conv_dw" scale_param { bias_term: true } }
layer { name: "conv_dw/relu" type: "ReLU" bottom: "conv_dw" top: "conv_dw" }
layer { name: "conv_pw" type: "Convolution" bottom: "conv_dw" top: "conv_pw"
  convolution_param { num_output: 64 kernel_size: 1 bias_term: false } }
layer { name: "conv_pw/relu" type: "ReLU" bottom: "conv_pw" top: "conv_pw" }
)";

const char *kGroupedAndDeconv = R"(input: "x"
input_shape { dim: 1 dim: 32 dim: 56 dim: 56 }
input: "z"
input_shape { dim: 1 dim: 64 dim: 14 dim: 14 }
layer { name: "grouped" type: "Convolution" bottom: "x" top: "grouped"
  convolution_param { num_output: 64 kernel_size: 3 pad: 1 group: 4 } }
layer { name: "up" type: "Deconvolution" bottom: "z" top: "up"
  convolution_param { num_output: 32 kernel_size: 4 stride: 2 pad: 1 bias_term: false } }
layer { name: "up_hw" type: "Deconvolution" bottom: "z" top: "up_hw"
  convolution_param { num_output: 8 kernel_h: 2 kernel_w: 4 stride_h: 2 stride_w: 2 pad_w: 1 group: 8 } }
)";

// GoogLeNet's first layers: pool1 3×3/2 on 112 rounds up to 56.
const char *kGoogLeNetStem = R"(name: "GoogleNet stem"
input: "data"
input_dim: 10
input_dim: 3
input_dim: 224
input_dim: 224
layer { name: "conv1/7x7_s2" type: "Convolution" bottom: "data" top: "conv1/7x7_s2"
  convolution_param { num_output: 64 pad: 3 kernel_size: 7 stride: 2 } }
layer { name: "conv1/relu_7x7" type: "ReLU" bottom: "conv1/7x7_s2" top: "conv1/7x7_s2" }
layer { name: "pool1/3x3_s2" type: "Pooling" bottom: "conv1/7x7_s2" top: "pool1/3x3_s2"
  pooling_param { pool: MAX kernel_size: 3 stride: 2 } }
layer { name: "pool1/norm1" type: "LRN" bottom: "pool1/3x3_s2" top: "pool1/norm1"
  lrn_param { local_size: 5 alpha: 0.0001 beta: 0.75 } }
)";

// A train_val file: two data layers, an in-place dropout, accuracy and loss.
const char *kTrainVal = R"(name: "CaffeNet"
layer { name: "data" type: "Data" top: "data" top: "label" include { phase: TRAIN }
  transform_param { mirror: true crop_size: 227 mean_file: "mean.binaryproto" }
  data_param { source: "train_lmdb" batch_size: 256 backend: LMDB } }
layer { name: "data" type: "Data" top: "data" top: "label" include { phase: TEST }
  transform_param { crop_size: 227 } data_param { source: "val_lmdb" batch_size: 50 } }
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1"
  param { lr_mult: 1 decay_mult: 1 } param { lr_mult: 2 decay_mult: 0 }
  convolution_param { num_output: 96 kernel_size: 11 stride: 4
    weight_filler { type: "gaussian" std: 0.01 } bias_filler { type: "constant" value: 0 } } }
layer { name: "relu1" type: "ReLU" bottom: "conv1" top: "conv1" }
layer { name: "pool1" type: "Pooling" bottom: "conv1" top: "pool1"
  pooling_param { pool: MAX kernel_size: 3 stride: 2 } }
layer { name: "fc6" type: "InnerProduct" bottom: "pool1" top: "fc6" inner_product_param { num_output: 64 } }
layer { name: "drop6" type: "Dropout" bottom: "fc6" top: "fc6" dropout_param { dropout_ratio: 0.5 } }
layer { name: "drop6_train" type: "Dropout" bottom: "fc6" top: "fc6" include { phase: TRAIN } }
layer { name: "fc8" type: "InnerProduct" bottom: "fc6" top: "fc8" inner_product_param { num_output: 10 } }
layer { name: "accuracy" type: "Accuracy" bottom: "fc8" bottom: "label" top: "accuracy" include { phase: TEST } }
layer { name: "loss" type: "SoftmaxWithLoss" bottom: "fc8" bottom: "label" top: "loss" }
)";

// The V1 format (Caffe before 2015): `layers` with enum types.
const char *kV1 = R"(name: "LeNet"
input: "data"
input_dim: 1 input_dim: 1 input_dim: 28 input_dim: 28
layers { name: "conv1" type: CONVOLUTION bottom: "data" top: "conv1"
  convolution_param { num_output: 20 kernel_size: 5 stride: 1 } }
layers { name: "pool1" type: POOLING bottom: "conv1" top: "pool1"
  pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layers { name: "ip1" type: INNER_PRODUCT bottom: "pool1" top: "ip1" inner_product_param { num_output: 500 } }
layers { name: "relu1" type: RELU bottom: "ip1" top: "ip1" }
layers { name: "ip2" type: INNER_PRODUCT bottom: "ip1" top: "ip2" inner_product_param { num_output: 10 } }
layers { name: "prob" type: SOFTMAX bottom: "ip2" top: "prob" }
)";

} // namespace

class tst_CaffeImport : public QObject
{
    Q_OBJECT
private slots:
    void lessonPaths();
    void inception3a();
    void resnetBottleneck();
    void depthwiseSeparable();
    void groupedAndDeconvolution();
    void ceilModePooling();
    void inputForms_data();
    void inputForms();
    void trainValSkipsTrainingLayers();
    void inPlaceChains();
    void v1Format();
    void layerTypes_data();
    void layerTypes();
    void batchNormWithoutScale();
    void eltwiseProductIsOpaque();
    void unknownLayerIsOpaque();
    void splitAliases();
    void fileConvenience();
    void errors_data();
    void errors();
    void randomTextNeverCrashes();
};

void tst_CaffeImport::lessonPaths()
{
    const ImportResult r = import(kLesson);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.warnings.isEmpty());
    QCOMPARE(r.graph.name, QStringLiteral("lesson"));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // 5×5×192×32 = 153,600 weights and 28·28·32·25·192 = 120,422,400 MACs, against
    // 3,072 + 12,800 = 15,872 weights and 2,408,448 + 10,035,200 = 12,443,648 MACs.
    QCOMPARE(resultOf(r.graph, a, "conv5x5")->costs.weights.value(), qint64(153600));
    QCOMPARE(resultOf(r.graph, a, "conv5x5")->costs.macs.value(), qint64(120422400));
    QCOMPARE(resultOf(r.graph, a, "reduce1x1")->costs.weights.value(), qint64(3072));
    QCOMPARE(resultOf(r.graph, a, "reduce1x1")->costs.macs.value(), qint64(2408448));
    QCOMPARE(resultOf(r.graph, a, "conv5x5_after_1x1")->costs.weights.value(), qint64(12800));
    QCOMPARE(resultOf(r.graph, a, "conv5x5_after_1x1")->costs.macs.value(), qint64(10035200));
    QCOMPARE(resultOf(r.graph, a, "conv5x5")->output, TensorShape::nchw(1, 32, 28, 28));
    QCOMPARE(a.totals.params().value(), qint64(153600 + 15872));
    QCOMPARE(typeOf(r.graph, "output"), QStringLiteral("output"));
}

void tst_CaffeImport::inception3a()
{
    const ImportResult r = import(kInception);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // 12,352 + 18,528 + 110,720 + 3,088 + 12,832 + 6,176 = 163,696 params with bias;
    // 784 · 163,328 = 128,049,152 MACs.
    QCOMPARE(a.totals.params().value(), qint64(163696));
    QCOMPARE(a.totals.macs.value(), qint64(128049152));
    QCOMPARE(resultOf(r.graph, a, "inception_3a/output")->output,
             TensorShape::nchw(1, 256, 28, 28));
    // Each in-place ReLU sits between its convolution and the concat.
    QCOMPARE(inputsOf(r.graph, "inception_3a/output"),
             (QStringList{"inception_3a/relu_1x1", "inception_3a/relu_3x3", "inception_3a/relu_5x5",
                          "inception_3a/relu_pool_proj"}));
    QCOMPARE(inputsOf(r.graph, "inception_3a/3x3"), QStringList{"inception_3a/relu_3x3_reduce"});
}

void tst_CaffeImport::resnetBottleneck()
{
    const ImportResult r = import(kBottleneck);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
    // BatchNorm + Scale became one affine BatchNorm2d each: no Scale layers remain.
    QCOMPARE(countType(r.graph, "batchnorm2d"), 4);
    QCOMPARE(countType(r.graph, "opaque"), 0);
    QVERIFY(!r.graph.findByName(QStringLiteral("scale2a_branch1")).isValid());
    QCOMPARE(param(r.graph, "bn2a_branch2a", "affine").toBool(), true);
    QCOMPARE(typeOf(r.graph, "res2a"), QStringLiteral("add"));
    QCOMPARE(inputsOf(r.graph, "res2a"), (QStringList{"bn2a_branch1", "bn2a_branch2c"}));
    QCOMPARE(inputsOf(r.graph, "res2a_branch2b"), QStringList{"res2a_branch2a_relu"});
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // 16,384 + 4,096 + 36,864 + 16,384 conv weights + 2·(256 + 64 + 64 + 256) = 75,008.
    QCOMPARE(a.totals.params().value(), qint64(75008));
    QCOMPARE(a.totals.buffers.value(), qint64(1280));
    QCOMPARE(a.totals.macs.value(), qint64(3136) * (16384 + 4096 + 36864 + 16384));
    QCOMPARE(resultOf(r.graph, a, "res2a_relu")->output, TensorShape::nchw(1, 256, 56, 56));
}

void tst_CaffeImport::depthwiseSeparable()
{
    const ImportResult r = import(kSeparable);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // 288 weights / 3,612,672 MACs depthwise, 2,048 / 25,690,112 pointwise.
    QCOMPARE(resultOf(r.graph, a, "conv_dw")->costs.weights.value(), qint64(288));
    QCOMPARE(resultOf(r.graph, a, "conv_dw")->costs.macs.value(), qint64(3612672));
    QCOMPARE(resultOf(r.graph, a, "conv_pw")->costs.weights.value(), qint64(2048));
    QCOMPARE(resultOf(r.graph, a, "conv_pw")->costs.macs.value(), qint64(25690112));
    QCOMPARE(a.totals.params().value(), qint64(288 + 2 * 32 + 2048));
}

void tst_CaffeImport::groupedAndDeconvolution()
{
    const ImportResult r = import(kGroupedAndDeconv);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // 3·3·8·64 = 4,608 weights + 64 bias; 56·56·64·72 = 14,450,688 MACs.
    QCOMPARE(resultOf(r.graph, a, "grouped")->costs.params().value(), qint64(4608 + 64));
    QCOMPARE(resultOf(r.graph, a, "grouped")->costs.macs.value(), qint64(14450688));
    // Caffe deconvolution: (14 − 1)·2 + 4 − 2 = 28; 64·32·16 weights; 14·14·64·16·32 MACs.
    QCOMPARE(typeOf(r.graph, "up"), QStringLiteral("conv_transpose2d"));
    QCOMPARE(resultOf(r.graph, a, "up")->output, TensorShape::nchw(1, 32, 28, 28));
    QCOMPARE(resultOf(r.graph, a, "up")->costs.params().value(), qint64(32768));
    QCOMPARE(resultOf(r.graph, a, "up")->costs.macs.value(), qint64(6422528));
    // kernel 2×4, pad 0×1, 8 groups: H (14 − 1)·2 + 2 = 28, W (14 − 1)·2 + 4 − 2 = 28;
    // weights 64·(8/8)·2·4 = 512, MACs 14·14·64·8·1 = 100,352.
    QCOMPARE(resultOf(r.graph, a, "up_hw")->output, TensorShape::nchw(1, 8, 28, 28));
    QCOMPARE(resultOf(r.graph, a, "up_hw")->costs.weights.value(), qint64(512));
    QCOMPARE(resultOf(r.graph, a, "up_hw")->costs.macs.value(), qint64(100352));
}

void tst_CaffeImport::ceilModePooling()
{
    const ImportResult r = import(kGoogLeNetStem);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(anyContains(r.warnings,
                        QStringLiteral("input 'data' has batch size 10, as written in input_dim")));
    QCOMPARE(param(r.graph, "pool1/3x3_s2", "ceil_mode").toBool(), true);
    RuleContext one;
    one.batchOverride = 1;
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin(), one);
    QCOMPARE(a.errorCount, 0);
    // conv1: (224 + 6 − 7)/2 + 1 = 112; pool1: ceil((112 − 3)/2) + 1 = 56 (floor gives 55).
    QCOMPARE(resultOf(r.graph, a, "conv1/7x7_s2")->output, TensorShape::nchw(1, 64, 112, 112));
    QCOMPARE(resultOf(r.graph, a, "pool1/3x3_s2")->output, TensorShape::nchw(1, 64, 56, 56));
    QCOMPARE(resultOf(r.graph, a, "pool1/norm1")->output, TensorShape::nchw(1, 64, 56, 56));
    // The file's batch of 10 multiplies the MACs: 112·112·64·49·3 = 118,013,952 per image.
    const AnalysisResult ten = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(resultOf(r.graph, ten, "conv1/7x7_s2")->costs.macs.value(), qint64(1180139520));
}

void tst_CaffeImport::inputForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shape");
    const char *layer = "layer { name: \"relu\" type: \"ReLU\" bottom: \"data\" top: \"relu\" }\n";
    QTest::newRow("input_shape")
        << QString::fromLatin1("input: \"data\"\ninput_shape { dim: 1 dim: 3 dim: 32 dim: 48 }\n") +
               QLatin1String(layer)
        << "1x3x32x48";
    QTest::newRow("input_dim")
        << QString::fromLatin1(
               "input: \"data\" input_dim: 1 input_dim: 3 input_dim: 32 input_dim: 48\n") +
               QLatin1String(layer)
        << "1x3x32x48";
    QTest::newRow("Input layer")
        << QString::fromLatin1("layer { name: \"in\" type: \"Input\" top: \"data\" input_param { "
                               "shape { dim: 1 dim: 3 dim: 32 dim: 48 } } }\n") +
               QLatin1String(layer)
        << "1x3x32x48";
    QTest::newRow("flat input") << QString::fromLatin1(
                                       "input: \"data\"\ninput_shape { dim: 1 dim: 100 }\n") +
                                       QLatin1String(layer)
                                << "1x100";
}

void tst_CaffeImport::inputForms()
{
    QFETCH(QString, text);
    QFETCH(QString, shape);
    const ImportResult r = importPrototxt(text.toUtf8(), LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    QCOMPARE(typeOf(r.graph, "data"), QStringLiteral("input"));
    QStringList dims;
    for (qint64 d : resultOf(r.graph, a, "relu")->output.toVector())
        dims << QString::number(d);
    QCOMPARE(dims.join(QLatin1Char('x')), shape);
}

void tst_CaffeImport::trainValSkipsTrainingLayers()
{
    const ImportResult r = import(kTrainVal);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(anyContains(r.warnings,
                        QStringLiteral("skipped 4 training-only layer(s): 'data' (Data) (TRAIN "
                                       "phase), 'drop6_train' (Dropout) (TRAIN phase), "
                                       "'accuracy' (Accuracy), 'loss' (SoftmaxWithLoss)")));
    // The TEST-phase data layer gives the size (crop 227) and the batch (50); no "assumed" note.
    QVERIFY(anyContains(r.warnings, QStringLiteral("input 'data' has batch size 50, as written in "
                                                   "data_param.batch_size")));
    QVERIFY(!anyContains(r.warnings, QStringLiteral("assumes")));
    QVERIFY(!r.graph.findByName(QStringLiteral("accuracy")).isValid());
    QVERIFY(!r.graph.findByName(QStringLiteral("drop6_train")).isValid());
    QCOMPARE(typeOf(r.graph, "data"), QStringLiteral("input"));
    // InnerProduct on the 4-D pool1 gets an explicit Flatten; fc8 after fc6 does not.
    QCOMPARE(inputsOf(r.graph, "fc6"), QStringList{"fc6_flatten"});
    QCOMPARE(inputsOf(r.graph, "fc8"), QStringList{"drop6"});
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // conv1: (227 − 11)/4 + 1 = 55; pool1: ceil((55 − 3)/2) + 1 = 27; fc6 in 96·27·27 = 69,984.
    QCOMPARE(resultOf(r.graph, a, "pool1")->output, TensorShape::nchw(50, 96, 27, 27));
    QCOMPARE(resultOf(r.graph, a, "fc6")->costs.weights.value(), qint64(69984) * 64);
    QCOMPARE(resultOf(r.graph, a, "fc8")->output, TensorShape::nf(50, 10));
    QCOMPARE(countType(r.graph, "output"), 1);
}

void tst_CaffeImport::inPlaceChains()
{
    const ImportResult r = import(R"(input: "data" input_shape { dim: 1 dim: 8 dim: 4 dim: 4 }
layer { name: "conv" type: "Convolution" bottom: "data" top: "conv" convolution_param { num_output: 8 kernel_size: 1 } }
layer { name: "bn" type: "BatchNorm" bottom: "conv" top: "conv" }
layer { name: "scale" type: "Scale" bottom: "conv" top: "conv" scale_param { bias_term: true } }
layer { name: "relu" type: "ReLU" bottom: "conv" top: "conv" }
layer { name: "drop" type: "Dropout" bottom: "conv" top: "conv" }
layer { name: "side" type: "Sigmoid" bottom: "conv" top: "side" }
layer { name: "sum" type: "Eltwise" bottom: "conv" bottom: "side" top: "sum" eltwise_param { operation: SUM } }
)");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(inputsOf(r.graph, "bn"), QStringList{"conv"});
    QCOMPARE(inputsOf(r.graph, "relu"), QStringList{"bn"});
    QCOMPARE(inputsOf(r.graph, "drop"), QStringList{"relu"});
    QCOMPARE(inputsOf(r.graph, "side"), QStringList{"drop"});
    QCOMPARE(inputsOf(r.graph, "sum"), (QStringList{"drop", "side"}));
    QCOMPARE(inputsOf(r.graph, "output"), QStringList{"sum"});
}

void tst_CaffeImport::v1Format()
{
    const ImportResult r = import(kV1);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // LeNet: conv1 20·25 + 20 = 520; ip1 (20·12·12 = 2,880)·500 + 500 = 1,440,500;
    // ip2 500·10 + 10 = 5,010. Total 1,446,030.
    QCOMPARE(a.totals.params().value(), qint64(1446030));
    QCOMPARE(typeOf(r.graph, "prob"), QStringLiteral("softmax"));
    QCOMPARE(resultOf(r.graph, a, "pool1")->output, TensorShape::nchw(1, 20, 12, 12));
}

void tst_CaffeImport::layerTypes_data()
{
    QTest::addColumn<QString>("layer");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<qint64>("params");
    auto row = [](const char *name, const char *layer, const char *type, const char *shape,
                  qint64 params) {
        QTest::newRow(name) << QString::fromLatin1(layer) << QString::fromLatin1(type)
                            << QString::fromLatin1(shape) << params;
    };
    // Input is 1×16×8×8 in every row.
    row("ReLU", "type: \"ReLU\"", "relu", "1x16x8x8", 0);
    row("leaky ReLU", "type: \"ReLU\" relu_param { negative_slope: 0.1 }", "leaky_relu", "1x16x8x8",
        0);
    row("PReLU", "type: \"PReLU\"", "prelu", "1x16x8x8", 16);
    row("PReLU shared", "type: \"PReLU\" prelu_param { channel_shared: true }", "prelu", "1x16x8x8",
        1);
    row("Sigmoid", "type: \"Sigmoid\"", "sigmoid", "1x16x8x8", 0);
    row("TanH", "type: \"TanH\"", "tanh", "1x16x8x8", 0);
    row("LRN", "type: \"LRN\" lrn_param { local_size: 3 }", "lrn", "1x16x8x8", 0);
    row("Dropout", "type: \"Dropout\" dropout_param { dropout_ratio: 0.3 }", "dropout", "1x16x8x8",
        0);
    row("Softmax", "type: \"Softmax\"", "softmax", "1x16x8x8", 0);
    row("Flatten", "type: \"Flatten\"", "flatten", "1x1024", 0);
    row("Reshape (0, -1)", "type: \"Reshape\" reshape_param { shape { dim: 0 dim: -1 } }",
        "reshape", "1x1024", 0);
    // Caffe's tensor layers on other axes (16·8·8 = 1,024 values throughout).
    row("Reshape (0, 4, -1, 0)",
        "type: \"Reshape\" reshape_param { shape { dim: 0 dim: 4 dim: -1 dim: 0 } }", "reshape",
        "1x4x32x8", 0);
    // axis/num_axes replace only some axes: 16×8 → 128 keeps the last 8; axis 2 replaces 8×8
    // by 64; axis -1 with num_axes 0 appends a 1 (Caffe's start is rank + axis + 1).
    row("Reshape axis 1 num_axes 2",
        "type: \"Reshape\" reshape_param { shape { dim: 128 } axis: 1 num_axes: 2 }", "reshape",
        "1x128x8", 0);
    row("Reshape axis 2", "type: \"Reshape\" reshape_param { shape { dim: 64 } axis: 2 }",
        "reshape", "1x16x64", 0);
    row("Reshape axis -1 num_axes 0",
        "type: \"Reshape\" reshape_param { shape { dim: 1 } axis: -1 num_axes: 0 }", "reshape",
        "1x16x8x8x1", 0);
    row("Flatten axis 2", "type: \"Flatten\" flatten_param { axis: 2 }", "flatten", "1x16x64", 0);
    row("Flatten axis 1 end 2", "type: \"Flatten\" flatten_param { axis: 1 end_axis: 2 }",
        "flatten", "1x128x8", 0);
    row("Permute 0 2 3 1",
        "type: \"Permute\" permute_param { order: 0 order: 2 order: 3 order: 1 }", "permute",
        "1x8x8x16", 0);
    // Axes not listed follow in their order: (0, 3) is (0, 3, 1, 2).
    row("Permute 0 3", "type: \"Permute\" permute_param { order: 0 order: 3 }", "permute",
        "1x8x16x8", 0);
    row("Concat axis 2", "type: \"Concat\" concat_param { axis: 2 }", "concat", "1x16x8x8", 0);
    row("Softmax axis 2", "type: \"Softmax\" softmax_param { axis: 2 }", "softmax", "1x16x8x8", 0);
    // Caffe AVE pooling on 8: ceil((8 + 2 − 3)/2) + 1 = 5 (the 5th window starts at 8, inside
    // the padded input 8 + 1, so it stays).
    row("AVE pooling",
        "type: \"Pooling\" pooling_param { pool: AVE kernel_size: 3 stride: 2 pad: 1 }",
        "avgpool2d", "1x16x5x5", 0);
    row("global pooling", "type: \"Pooling\" pooling_param { pool: AVE global_pooling: true }",
        "global_avgpool", "1x16x1x1", 0);
    row("InnerProduct",
        "type: \"InnerProduct\" inner_product_param { num_output: 10 bias_term: false }", "linear",
        "1x10", 10240);
    row("ConvolutionDepthwise",
        "type: \"ConvolutionDepthwise\" convolution_param { num_output: 16 kernel_size: 3 pad: 1 }",
        "conv2d", "1x16x8x8", 16 * 9 + 16);
    row("ReLU6", "type: \"ReLU6\"", "relu6", "1x16x8x8", 0);
}

void tst_CaffeImport::layerTypes()
{
    QFETCH(QString, layer);
    QFETCH(QString, type);
    QFETCH(QString, shape);
    QFETCH(qint64, params);
    const QString text =
        QStringLiteral("input: \"data\" input_shape { dim: 1 dim: 16 dim: 8 dim: 8 }\n"
                       "layer { name: \"op\" %1 bottom: \"data\" top: \"op\" }\n")
            .arg(layer);
    const ImportResult r = importPrototxt(text.toUtf8(), LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(typeOf(r.graph, "op"), type);
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    QStringList dims;
    for (qint64 d : resultOf(r.graph, a, "op")->output.toVector())
        dims << QString::number(d);
    QCOMPARE(dims.join(QLatin1Char('x')), shape);
    QCOMPARE(resultOf(r.graph, a, "op")->costs.params().value(), params);
}

void tst_CaffeImport::batchNormWithoutScale()
{
    const ImportResult r = import(R"(input: "data" input_shape { dim: 1 dim: 32 dim: 8 dim: 8 }
layer { name: "bn" type: "BatchNorm" bottom: "data" top: "bn" batch_norm_param { eps: 0.001 } }
layer { name: "relu" type: "ReLU" bottom: "bn" top: "bn" }
layer { name: "scale" type: "Scale" bottom: "bn" top: "bn" }
)");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(param(r.graph, "bn", "affine").toBool(), false);
    QCOMPARE(param(r.graph, "bn", "eps").toDouble(), 0.001);
    // The Scale comes after the ReLU, so it is a standalone (opaque) layer.
    QCOMPARE(typeOf(r.graph, "scale"), QStringLiteral("opaque"));
    QVERIFY(anyContains(
        r.warnings,
        QStringLiteral("a Scale layer that does not follow a BatchNorm layer is not modelled")));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(resultOf(r.graph, a, "bn")->costs.params().value(), qint64(0));
    QCOMPARE(resultOf(r.graph, a, "bn")->costs.buffers.value(), qint64(64));
    QCOMPARE(resultOf(r.graph, a, "scale")->output, TensorShape::nchw(1, 32, 8, 8));
}

void tst_CaffeImport::eltwiseProductIsOpaque()
{
    const ImportResult r = import(R"(input: "a" input_shape { dim: 1 dim: 8 dim: 4 dim: 4 }
input: "b" input_shape { dim: 1 dim: 8 dim: 4 dim: 4 }
layer { name: "prod" type: "Eltwise" bottom: "a" bottom: "b" top: "prod" eltwise_param { operation: PROD } }
layer { name: "max" type: "Eltwise" bottom: "a" bottom: "b" top: "max" eltwise_param { operation: 2 } }
)");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(typeOf(r.graph, "prod"), QStringLiteral("opaque"));
    QCOMPARE(typeOf(r.graph, "max"), QStringLiteral("opaque"));
    QCOMPARE(r.opaqueOperators, QStringList{"Eltwise"});
    QVERIFY(anyContains(
        r.warnings,
        QStringLiteral("layer 'prod' (Eltwise): only the SUM operation of Eltwise is modelled (as "
                       "Add); imported as an opaque layer with unknown cost")));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(resultOf(r.graph, a, "prod")->output, TensorShape::nchw(1, 8, 4, 4));
}

void tst_CaffeImport::unknownLayerIsOpaque()
{
    const ImportResult r = import(R"(input: "data" input_shape { dim: 1 dim: 8 dim: 4 dim: 4 }
layer { name: "power" type: "Exp" bottom: "data" top: "power" }
layer { name: "filter" type: "Filter" bottom: "power" top: "s1" top: "s2" }
layer { name: "relu" type: "ReLU" bottom: "s2" top: "relu" }
)");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.opaqueOperators, (QStringList{"Exp", "Filter"}));
    QVERIFY(anyContains(r.warnings,
                        QStringLiteral("layer type Filter is not modelled by Naqsh: 1 layer(s) "
                                       "imported as opaque layers with unknown cost (filter)")));
    QVERIFY(anyContains(r.warnings,
                        QStringLiteral("layer 'filter' (Filter): its output shape is unknown")));
    QCOMPARE(inputsOf(r.graph, "relu"), QStringList{"filter_s2"});
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(resultOf(r.graph, a, "power")->output, TensorShape::nchw(1, 8, 4, 4));
    QVERIFY(!resultOf(r.graph, a, "relu")->hasNumbers());
}

void tst_CaffeImport::splitAliases()
{
    const ImportResult r = import(R"(input: "data" input_shape { dim: 1 dim: 8 }
layer { name: "split" type: "Split" bottom: "data" top: "a" top: "b" }
layer { name: "ip" type: "InnerProduct" bottom: "a" top: "ip" inner_product_param { num_output: 4 } }
layer { name: "sum" type: "Eltwise" bottom: "b" bottom: "b" top: "sum" }
)");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(!r.graph.findByName(QStringLiteral("split")).isValid());
    QCOMPARE(inputsOf(r.graph, "ip"), QStringList{"data"}); // flat input: no Flatten in front
    QCOMPARE(inputsOf(r.graph, "sum"), (QStringList{"data", "data"}));
}

void tst_CaffeImport::fileConvenience()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("deploy.prototxt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(kSeparable).replace("name: \"separable\"\n", ""));
    f.close();
    const ImportResult r = importPrototxtFile(path, LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.graph.name, QStringLiteral("deploy"));
    const ImportResult missing =
        importPrototxtFile(dir.filePath(QStringLiteral("no.prototxt")), LayerRegistry::builtin());
    QVERIFY(missing.error.startsWith(QStringLiteral("cannot open")));
}

void tst_CaffeImport::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    const QByteArray head = "input: \"data\"\ninput_shape { dim: 1 dim: 3 dim: 8 dim: 8 }\n";
    QTest::newRow("syntax")
        << head + "layer { name: \"c\" type: \"ReLU\" bottom: \"data\" top: \"c\"\n"
        << "line 4, column 1: unexpected end of file inside 'layer' (opened at line 3)";
    QTest::newRow("unknown bottom")
        << head + "layer {\n  name: \"conv2\" type: \"ReLU\" bottom: \"nowhere\" top: \"c\" }\n"
        << "line 4, column 38: 'nowhere' is read by layer 'conv2' but no layer or input writes "
           "it";
    // FCN's crop-and-fuse layers with a mistyped bottom: the closest written name is offered.
    QTest::newRow("typo in bottom")
        << head + "layer { name: \"score-pool4\" type: \"Convolution\" bottom: \"data\"\n"
                  "  top: \"score-pool44c\" convolution_param { num_output: 2 kernel_size: 1 } }\n"
                  "layer { name: \"fuse\" type: \"Eltwise\" bottom: \"data\"\n"
                  "  bottom: \"score-pool4c\" top: \"fuse\" }\n"
        << "line 6, column 11: 'score-pool4c' is read by layer 'fuse' but no layer writes it; did "
           "you mean 'score-pool44c'?";
    QTest::newRow("read before written")
        << head + "layer { name: \"a\" type: \"ReLU\" bottom: \"b\" top: \"a\" }\n"
                  "layer { name: \"b\" type: \"ReLU\" bottom: \"data\" top: \"b\" }\n"
        << "line 3, column 40: 'b' is read by layer 'a' before any layer writes it (Caffe runs "
           "the layers in file order)";
    QTest::newRow("kernel 0")
        << head + "layer { name: \"conv1\" type: \"Convolution\" bottom: \"data\" top: \"c\"\n"
                  "  convolution_param { num_output: 8 kernel_size: 0 } }\n"
        << "line 4, column 50: layer 'conv1' (Convolution): Kernel height must be between 1 and "
           "1024, not 0";
    QTest::newRow("wrong kind")
        << head + "layer { name: \"conv1\" type: \"Convolution\" bottom: \"data\" top: \"c\"\n"
                  "  convolution_param { num_output: \"many\" kernel_size: 3 } }\n"
        << "line 4, column 35: layer 'conv1' (Convolution): expected an integer";
    QTest::newRow("no num_output")
        << head + "layer { name: \"conv1\" type: \"Convolution\" bottom: \"data\" top: \"c\"\n"
                  "  convolution_param { kernel_size: 3 } }\n"
        << "line 3, column 1: layer 'conv1' (Convolution): convolution_param.num_output is missing";
    QTest::newRow("3-D kernel")
        << head + "layer { name: \"conv1\" type: \"Convolution\" bottom: \"data\" top: \"c\"\n"
                  "  convolution_param { num_output: 8 kernel_size: 3 kernel_size: 3 kernel_size: "
                  "3 } }\n"
        << "line 4, column 80: layer 'conv1' (Convolution): kernel_size has 3 values";
    QTest::newRow("bad pool method")
        << head + "layer { name: \"p\" type: \"Pooling\" bottom: \"data\" top: \"p\"\n"
                  "  pooling_param { pool: MEDIAN kernel_size: 2 } }\n"
        << "line 4, column 25: layer 'p' (Pooling): pool must be one of MAX, AVE, STOCHASTIC, not "
           "\"MEDIAN\"";
    // More bottoms than the layer type takes (fuzzing finds): refused with the layer's line.
    QTest::newRow("LRN with two bottoms")
        << head +
               "layer { name: \"n\" type: \"LRN\" bottom: \"data\" bottom: \"data\" top: \"n\" }\n"
        << "line 3, column 1: layer 'n' (LRN): takes at most 1 input";
    QTest::newRow("inner product with two bottoms")
        << head + "layer { name: \"ip\" type: \"InnerProduct\" bottom: \"data\" bottom: \"data\"\n"
                  "  top: \"ip\" inner_product_param { num_output: 10 } }\n"
        << "line 3, column 1: layer 'ip' (InnerProduct): takes at most 1 input";
    QTest::newRow("input without shape") << QByteArray("name: \"x\"\ninput: \"data\"\n")
                                         << "line 2, column 8: input 'data' has no shape";
    QTest::newRow("absurd input")
        << QByteArray("input: \"data\"\ninput_shape { dim: 1 dim: 3 dim: 99999999 dim: 8 }\n")
        << "line 1, column 8: input 'data': Height must be between 1 and 1000000, not 99999999";
    QTest::newRow("no layer type") << head + "layer { name: \"x\" bottom: \"data\" }\n"
                                   << "line 3, column 1: layer 'x' (): the layer has no type";
    QTest::newRow("empty") << QByteArray("# nothing here\n")
                           << "line 1, column 1: no inputs and no layers";
    static const char binary[] = "\x08\x07\x12\x04test\x3a\x02\x0a\x00";
    QTest::newRow("binary") << QByteArray(binary, sizeof(binary) - 1)
                            << "line 1, column 1: unexpected byte 0x08";
    QTest::newRow("layer not a block") << head + "layer: \"conv\"\n"
                                       << "line 3, column 1: expected a layer block";
}

void tst_CaffeImport::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const ImportResult r = importPrototxt(text, LayerRegistry::builtin());
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(message), qPrintable(r.error));
    QVERIFY(r.graph.isEmpty());
}

void tst_CaffeImport::randomTextNeverCrashes()
{
    // Mutations of a real file: every one either imports or gives a positioned message.
    const QByteArray good(kTrainVal);
    QRandomGenerator rng(7);
    const QByteArray alphabet = "{}:\"# \n0123456789-.abcdeLayerTRAINTEST_";
    for (int round = 0; round < 400; ++round) {
        QByteArray text = good;
        const int edits = 1 + int(rng.bounded(6));
        for (int k = 0; k < edits; ++k) {
            const int at = int(rng.bounded(int(text.size())));
            switch (rng.bounded(3)) {
            case 0:
                text[at] = alphabet[int(rng.bounded(int(alphabet.size())))];
                break;
            case 1:
                text.remove(at, int(rng.bounded(20)));
                break;
            default:
                text.insert(at, alphabet[int(rng.bounded(int(alphabet.size())))]);
                break;
            }
        }
        const ImportResult r = importPrototxt(text, LayerRegistry::builtin());
        if (r.ok())
            AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
        else
            QVERIFY2(r.error.startsWith(QStringLiteral("line ")), qPrintable(r.error));
    }
}

QTEST_GUILESS_MAIN(tst_CaffeImport)
#include "tst_CaffeImport.moc"
