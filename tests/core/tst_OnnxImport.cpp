// ONNX import: fixtures built with the ONNX C++ API, numbers worked out by hand in each test
// (never taken from the code under test), and malformed inputs that must give a message.
#include "analysis/AnalysisEngine.h"
#include "io/NaqshFile.h"
#include "io/OnnxImporter.h"
#include "io/OnnxReader.h"
#include "io/Report.h"
#include "layers/LayerRegistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <onnx/onnx_pb.h>

#include <functional>
#include <string>
#include <vector>

using namespace naqsh;

namespace {

using Dims = std::vector<qint64>;

/// Builds an onnx::ModelProto piece by piece, the way exporters lay one out.
class Model
{
public:
    explicit Model(int opset = 13)
    {
        m.set_ir_version(8);
        m.set_producer_name("naqsh-test");
        auto *op = m.add_opset_import();
        op->set_domain("");
        op->set_version(opset);
        g = m.mutable_graph();
        g->set_name("fixture");
    }

    void input(const std::string &name, const std::vector<std::string> &dims)
    {
        valueInfo(g->add_input(), name, dims);
    }
    void output(const std::string &name)
    {
        auto *o = g->add_output();
        o->set_name(name);
        o->mutable_type()->mutable_tensor_type()->set_elem_type(onnx::TensorProto::FLOAT);
    }
    void valueInfo(onnx::ValueInfoProto *vi, const std::string &name,
                   const std::vector<std::string> &dims)
    {
        vi->set_name(name);
        auto *tt = vi->mutable_type()->mutable_tensor_type();
        tt->set_elem_type(onnx::TensorProto::FLOAT);
        auto *shape = tt->mutable_shape();
        for (const std::string &d : dims) {
            auto *dim = shape->add_dim();
            if (!d.empty() && (std::isdigit(uchar(d[0])) != 0))
                dim->set_dim_value(std::stoll(d));
            else
                dim->set_dim_param(d);
        }
    }
    /// A float initializer; with @p data, real (zero) weight bytes as an exporter writes them.
    void weight(const std::string &name, const Dims &dims, bool data = true)
    {
        onnx::TensorProto *t = g->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::FLOAT);
        qint64 count = 1;
        for (qint64 d : dims) {
            t->add_dims(d);
            count *= d;
        }
        if (data)
            t->set_raw_data(std::string(size_t(count) * sizeof(float), '\0'));
    }
    void ints(const std::string &name, const Dims &values)
    {
        onnx::TensorProto *t = g->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::INT64);
        t->add_dims(qint64(values.size()));
        for (qint64 v : values)
            t->add_int64_data(v);
    }
    void floats(const std::string &name, const std::vector<float> &values, const Dims &dims = {})
    {
        onnx::TensorProto *t = g->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::FLOAT);
        if (dims.empty())
            t->add_dims(qint64(values.size()));
        for (qint64 d : dims)
            t->add_dims(d);
        for (float v : values)
            t->add_float_data(v);
    }
    onnx::NodeProto *node(const std::string &op, const std::string &name,
                          const std::vector<std::string> &inputs,
                          const std::vector<std::string> &outputs)
    {
        onnx::NodeProto *n = g->add_node();
        n->set_op_type(op);
        n->set_name(name);
        for (const auto &s : inputs)
            n->add_input(s);
        for (const auto &s : outputs)
            n->add_output(s);
        return n;
    }
    static void attr(onnx::NodeProto *n, const std::string &key, const Dims &values)
    {
        auto *a = n->add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::INTS);
        for (qint64 v : values)
            a->add_ints(v);
    }
    static void attr(onnx::NodeProto *n, const std::string &key, qint64 value)
    {
        auto *a = n->add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(value);
    }
    static void attrF(onnx::NodeProto *n, const std::string &key, float value)
    {
        auto *a = n->add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::FLOAT);
        a->set_f(value);
    }
    static void attrS(onnx::NodeProto *n, const std::string &key, const std::string &value)
    {
        auto *a = n->add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::STRING);
        a->set_s(value);
    }

    /// Conv with a [out, in/group, k, k] weight initializer (and a bias when asked).
    std::string conv(const std::string &name, const std::string &x, qint64 in, qint64 out, qint64 k,
                     qint64 stride = 1, qint64 pad = 0, qint64 group = 1, bool bias = true)
    {
        weight(name + ".weight", {out, in / group, k, k});
        std::vector<std::string> inputs{x, name + ".weight"};
        if (bias) {
            weight(name + ".bias", {out});
            inputs.push_back(name + ".bias");
        }
        onnx::NodeProto *n = node("Conv", name, inputs, {name + "_out"});
        attr(n, "kernel_shape", {k, k});
        attr(n, "strides", {stride, stride});
        attr(n, "pads", {pad, pad, pad, pad});
        attr(n, "dilations", {1, 1});
        attr(n, "group", group);
        return name + "_out";
    }
    std::string bn(const std::string &name, const std::string &x, qint64 c, std::string out = {})
    {
        if (out.empty())
            out = name + "_out";
        for (const char *p : {".weight", ".bias", ".running_mean", ".running_var"})
            weight(name + p, {c});
        node("BatchNormalization", name,
             {x, name + ".weight", name + ".bias", name + ".running_mean", name + ".running_var"},
             {out});
        return out;
    }
    std::string unary(const std::string &op, const std::string &name, const std::string &x)
    {
        node(op, name, {x}, {name + "_out"});
        return name + "_out";
    }

    QByteArray bytes() const
    {
        std::string s;
        m.SerializeToString(&s);
        return QByteArray(s.data(), qsizetype(s.size()));
    }

    onnx::ModelProto m;
    onnx::GraphProto *g = nullptr;
};

ImportResult import(const Model &model)
{
    return importOnnxBytes(model.bytes(), LayerRegistry::builtin());
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

/// The lesson's two paths side by side on 28×28×192.
Model lessonModel()
{
    Model m;
    m.input("x", {"1", "192", "28", "28"});
    const std::string plain = m.conv("conv5x5", "x", 192, 32, 5, 1, 2, 1, false);
    const std::string reduce = m.conv("reduce1x1", "x", 192, 16, 1, 1, 0, 1, false);
    const std::string after = m.conv("conv5x5_after_1x1", reduce, 16, 32, 5, 1, 2, 1, false);
    m.node("Concat", "cat", {plain, after}, {"y"});
    Model::attr(m.g->mutable_node(m.g->node_size() - 1), "axis", 1);
    m.output("y");
    return m;
}

/// GoogLeNet inception (3a) on 28×28×192, biases on, ReLU after every convolution.
Model inceptionModel()
{
    Model m;
    m.input("x", {"1", "192", "28", "28"});
    const std::string b1 = m.unary("Relu", "relu_1x1", m.conv("1x1", "x", 192, 64, 1));
    const std::string r3 =
        m.unary("Relu", "relu_3x3_reduce", m.conv("3x3_reduce", "x", 192, 96, 1));
    const std::string b2 = m.unary("Relu", "relu_3x3", m.conv("3x3", r3, 96, 128, 3, 1, 1));
    const std::string r5 =
        m.unary("Relu", "relu_5x5_reduce", m.conv("5x5_reduce", "x", 192, 16, 1));
    const std::string b3 = m.unary("Relu", "relu_5x5", m.conv("5x5", r5, 16, 32, 5, 1, 2));
    onnx::NodeProto *pool = m.node("MaxPool", "pool", {"x"}, {"pool_out"});
    Model::attr(pool, "kernel_shape", {3, 3});
    Model::attr(pool, "strides", {1, 1});
    Model::attr(pool, "pads", {1, 1, 1, 1});
    const std::string b4 =
        m.unary("Relu", "relu_pool_proj", m.conv("pool_proj", "pool_out", 192, 32, 1));
    onnx::NodeProto *cat = m.node("Concat", "output_concat", {b1, b2, b3, b4}, {"y"});
    Model::attr(cat, "axis", 1);
    m.output("y");
    return m;
}

/// torchvision resnet50.layer1[0]: bottleneck with a projection shortcut, on 56×56×64.
Model bottleneckModel()
{
    Model m(11);
    m.input("x", {"N", "64", "56", "56"});
    std::string t =
        m.unary("Relu", "relu1", m.bn("bn1", m.conv("conv1", "x", 64, 64, 1, 1, 0, 1, false), 64));
    t = m.unary("Relu", "relu2", m.bn("bn2", m.conv("conv2", t, 64, 64, 3, 1, 1, 1, false), 64));
    t = m.bn("bn3", m.conv("conv3", t, 64, 256, 1, 1, 0, 1, false), 256);
    const std::string d =
        m.bn("downsample.1", m.conv("downsample.0", "x", 64, 256, 1, 1, 0, 1, false), 256);
    m.node("Add", "add", {t, d}, {"sum"});
    m.unary("Relu", "relu3", "sum");
    m.output("relu3_out");
    return m;
}

} // namespace

class tst_OnnxImport : public QObject
{
    Q_OBJECT
private slots:
    void lessonPaths();
    void inception3a();
    void resnetBottleneck();
    void depthwiseSeparable();
    void groupedAndTransposed();
    void operators_data();
    void operators();
    void matMulAddFoldsIntoLinear();
    void convAddFoldsIntoBias();
    void identityAliasesInitializer();
    void reshapeFromShapeSubgraph();
    void sliceFromShapeSubgraph();
    void layerNormAndGeluFromPrimitives();
    void gatherOneIndexAndLiteralOperand();
    void opaqueOperators();
    void opaqueReportShowsUnknown();
    void unregisteredStandardOperator();
    void symbolicBatchAndDynamicSize();
    void uniqueNames();
    void roundTripsThroughNaqsh();
    void fileConvenience();
    void malformed_data();
    void malformed();
    void cycleInHandBuiltModel();
    void absurdWeightBecomesOpaque();
    void mutatedBytesNeverCrash();
};

void tst_OnnxImport::lessonPaths()
{
    const ImportResult r = import(lessonModel());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
    QVERIFY(r.opaqueOperators.isEmpty());
    const Graph &g = r.graph;
    QCOMPARE(g.name, QStringLiteral("fixture"));
    QCOMPARE(typeOf(g, "x"), QStringLiteral("input"));
    QCOMPARE(typeOf(g, "y"), QStringLiteral("output"));
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // 5×5×192×32 = 153,600 weights; 28·28·32·5·5·192 = 120,422,400 MACs.
    QCOMPARE(resultOf(g, a, "conv5x5")->costs.weights.value(), qint64(153600));
    QCOMPARE(resultOf(g, a, "conv5x5")->costs.macs.value(), qint64(120422400));
    QCOMPARE(resultOf(g, a, "conv5x5")->output, TensorShape::nchw(1, 32, 28, 28));
    // 192·16 = 3,072 and 5·5·16·32 = 12,800 weights; 28·28·16·192 = 2,408,448 and
    // 28·28·32·25·16 = 10,035,200 MACs.
    const Costs &one = resultOf(g, a, "reduce1x1")->costs;
    const Costs &five = resultOf(g, a, "conv5x5_after_1x1")->costs;
    QCOMPARE(one.weights.value(), qint64(3072));
    QCOMPARE(five.weights.value(), qint64(12800));
    QCOMPARE(one.macs.value(), qint64(2408448));
    QCOMPARE(five.macs.value(), qint64(10035200));
    QCOMPARE(one.weights.value() + five.weights.value(), qint64(15872));
    QCOMPARE(one.macs.value() + five.macs.value(), qint64(12443648));
    QCOMPARE(resultOf(g, a, "cat")->output, TensorShape::nchw(1, 64, 28, 28));
}

void tst_OnnxImport::inception3a()
{
    const ImportResult r = import(inceptionModel());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.warnings.isEmpty());
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // Params with bias: 12,352 + 18,528 + 110,720 + 3,088 + 12,832 + 6,176 = 163,696.
    QCOMPARE(a.totals.params().value(), qint64(163696));
    // MACs: 784 · (12,288 + 18,432 + 110,592 + 3,072 + 12,800 + 6,144) = 128,049,152.
    QCOMPARE(a.totals.macs.value(), qint64(128049152));
    QCOMPARE(resultOf(r.graph, a, "output_concat")->output, TensorShape::nchw(1, 256, 28, 28));
    QCOMPARE(countType(r.graph, "conv2d"), 6);
    QCOMPARE(countType(r.graph, "relu"), 6);
    QCOMPARE(typeOf(r.graph, "pool"), QStringLiteral("maxpool2d"));
}

void tst_OnnxImport::resnetBottleneck()
{
    const ImportResult r = import(bottleneckModel());
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // 4,096 + 36,864 + 16,384 + 16,384 conv weights + 2·(64 + 64 + 256 + 256) BN = 75,008.
    QCOMPARE(a.totals.params().value(), qint64(75008));
    QCOMPARE(a.totals.buffers.value(), qint64(2 * (64 + 64 + 256 + 256)));
    // 3,136 positions · (64·64 + 64·64·9 + 64·256 + 64·256) = 231,211,008.
    QCOMPARE(a.totals.macs.value(), qint64(231211008));
    QCOMPARE(typeOf(r.graph, "add"), QStringLiteral("add"));
    QCOMPARE(resultOf(r.graph, a, "add")->output, TensorShape::nchw(1, 256, 56, 56));
    QCOMPARE(countType(r.graph, "batchnorm2d"), 4);
    QCOMPARE(param(r.graph, "bn1", "affine").toBool(), true);
    // The symbolic batch "N" becomes 1.
    QCOMPARE(resultOf(r.graph, a, "x")->output, TensorShape::nchw(1, 64, 56, 56));
}

void tst_OnnxImport::depthwiseSeparable()
{
    Model m(13);
    m.input("x", {"1", "32", "112", "112"});
    m.floats("zero", {0.0f}, {});
    m.floats("six", {6.0f}, {});
    std::string t = m.bn("dw_bn", m.conv("dw", "x", 32, 32, 3, 1, 1, 32, false), 32);
    m.node("Clip", "dw_relu6", {t, "zero", "six"}, {"dw_act"});
    t = m.bn("pw_bn", m.conv("pw", "dw_act", 32, 64, 1, 1, 0, 1, false), 64);
    m.node("Clip", "pw_relu6", {t, "zero", "six"}, {"y"});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(typeOf(r.graph, "dw_relu6"), QStringLiteral("relu6"));
    QCOMPARE(typeOf(r.graph, "pw_relu6"), QStringLiteral("relu6"));
    QCOMPARE(param(r.graph, "dw", "groups").toLongLong(), 32);
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // Depthwise: 3·3·1·32 = 288 weights, 112·112·32·9 = 3,612,672 MACs; pointwise: 32·64 = 2,048
    // weights, 112·112·64·32 = 25,690,112 MACs.
    QCOMPARE(resultOf(r.graph, a, "dw")->costs.weights.value(), qint64(288));
    QCOMPARE(resultOf(r.graph, a, "dw")->costs.macs.value(), qint64(3612672));
    QCOMPARE(resultOf(r.graph, a, "pw")->costs.weights.value(), qint64(2048));
    QCOMPARE(resultOf(r.graph, a, "pw")->costs.macs.value(), qint64(25690112));
    QCOMPARE(resultOf(r.graph, a, "pw_relu6")->output, TensorShape::nchw(1, 64, 112, 112));
}

void tst_OnnxImport::groupedAndTransposed()
{
    Model m(13);
    m.input("x", {"1", "32", "56", "56"});
    m.conv("grouped", "x", 32, 64, 3, 1, 1, 4);
    m.input("z", {"1", "64", "14", "14"});
    m.weight("up.weight", {64, 32, 4, 4});
    onnx::NodeProto *up = m.node("ConvTranspose", "up", {"z", "up.weight"}, {"up_out"});
    Model::attr(up, "kernel_shape", {4, 4});
    Model::attr(up, "strides", {2, 2});
    Model::attr(up, "pads", {1, 1, 1, 1});
    m.input("s", {"1", "16", "8", "8"});
    m.weight("gup.weight", {16, 8, 2, 2});
    m.weight("gup.bias", {32});
    onnx::NodeProto *gup =
        m.node("ConvTranspose", "gup", {"s", "gup.weight", "gup.bias"}, {"gup_out"});
    Model::attr(gup, "strides", {2, 2});
    Model::attr(gup, "group", 4);
    m.weight("same.weight", {64, 8, 3, 3});
    onnx::NodeProto *same = m.node("ConvTranspose", "same", {"z", "same.weight"}, {"same_out"});
    Model::attr(same, "strides", {2, 2});
    Model::attrS(same, "auto_pad", "SAME_UPPER");
    m.weight("fixed.weight", {64, 8, 3, 3});
    onnx::NodeProto *fixed = m.node("ConvTranspose", "fixed", {"z", "fixed.weight"}, {"fixed_out"});
    Model::attr(fixed, "strides", {2, 2});
    Model::attr(fixed, "output_shape", {29, 29});
    for (const char *o : {"grouped_out", "up_out", "gup_out", "same_out", "fixed_out"})
        m.output(o);
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    // Grouped: 3·3·(32/4)·64 = 4,608 weights; 56·56·64·72 = 14,450,688 MACs.
    QCOMPARE(resultOf(r.graph, a, "grouped")->costs.weights.value(), qint64(4608));
    QCOMPARE(resultOf(r.graph, a, "grouped")->costs.macs.value(), qint64(14450688));
    QCOMPARE(resultOf(r.graph, a, "grouped")->output, TensorShape::nchw(1, 64, 56, 56));
    // Transposed k4 s2 p1: (14 − 1)·2 − 2 + 4 = 28; 64·32·16 = 32,768 weights; MACs on the
    // input grid 14·14·64·16·32 = 6,422,528.
    QCOMPARE(typeOf(r.graph, "up"), QStringLiteral("conv_transpose2d"));
    QCOMPARE(resultOf(r.graph, a, "up")->output, TensorShape::nchw(1, 32, 28, 28));
    QCOMPARE(resultOf(r.graph, a, "up")->costs.weights.value(), qint64(32768));
    QCOMPARE(resultOf(r.graph, a, "up")->costs.macs.value(), qint64(6422528));
    // Grouped transposed: out = 8·4 = 32 channels, (8 − 1)·2 + 2 = 16; 16·8·2·2 = 512 weights,
    // 8·8·16·4·8 = 32,768 MACs, 32 biases.
    QCOMPARE(resultOf(r.graph, a, "gup")->output, TensorShape::nchw(1, 32, 16, 16));
    QCOMPARE(resultOf(r.graph, a, "gup")->costs.weights.value(), qint64(512));
    QCOMPARE(resultOf(r.graph, a, "gup")->costs.bias.value(), qint64(32));
    QCOMPARE(resultOf(r.graph, a, "gup")->costs.macs.value(), qint64(32768));
    // SAME_UPPER: output = input × stride = 28.
    QCOMPARE(resultOf(r.graph, a, "same")->output, TensorShape::nchw(1, 8, 28, 28));
    // output_shape 29×29 from 14 with k3 s2: total padding 26 + 3 − 29 = 0.
    QCOMPARE(resultOf(r.graph, a, "fixed")->output, TensorShape::nchw(1, 8, 29, 29));
}

namespace {

struct OpCase
{
    const char *name;
    std::vector<std::string> input; ///< shape of graph input "x"
    int opset;
    std::function<void(Model &)> build; ///< adds node(s) ending in tensor "y", layer "op"
    const char *type;                   ///< Naqsh type of layer "op"
    const char *shape;                  ///< expected output shape of "op"
    qint64 params;
    qint64 macs;
};

const std::vector<OpCase> &opCases()
{
    static const std::vector<OpCase> cases = {
        {"Gemm transB",
         {"1", "512"},
         13,
         [](Model &m) {
             m.weight("w", {10, 512});
             m.weight("b", {10});
             Model::attr(m.node("Gemm", "op", {"x", "w", "b"}, {"y"}), "transB", 1);
         },
         "linear",
         "1x10",
         5130,
         5120},
        {"Gemm no bias",
         {"2", "64"},
         13,
         [](Model &m) {
             m.weight("w", {64, 8});
             m.node("Gemm", "op", {"x", "w"}, {"y"});
         },
         "linear",
         "2x8",
         512,
         2 * 512},
        {"MatMul",
         {"1", "100"},
         13,
         [](Model &m) {
             m.weight("w", {100, 20});
             m.node("MatMul", "op", {"x", "w"}, {"y"});
         },
         "linear",
         "1x20",
         2000,
         2000},
        // (112 + 2 − 3)/2 + 1 = 56
        {"MaxPool",
         {"1", "64", "112", "112"},
         13,
         [](Model &m) {
             auto *n = m.node("MaxPool", "op", {"x"}, {"y"});
             Model::attr(n, "kernel_shape", {3, 3});
             Model::attr(n, "strides", {2, 2});
             Model::attr(n, "pads", {1, 1, 1, 1});
         },
         "maxpool2d",
         "1x64x56x56",
         0,
         0},
        // ceil((112 − 3)/2) + 1 = 56 (floor would give 55)
        {"MaxPool ceil_mode",
         {"1", "64", "112", "112"},
         13,
         [](Model &m) {
             auto *n = m.node("MaxPool", "op", {"x"}, {"y"});
             Model::attr(n, "kernel_shape", {3, 3});
             Model::attr(n, "strides", {2, 2});
             Model::attr(n, "ceil_mode", 1);
         },
         "maxpool2d",
         "1x64x56x56",
         0,
         0},
        // SAME_UPPER on 112, k3 s2: ceil(112/2) = 56, padding 0 before and 1 after
        {"MaxPool SAME_UPPER",
         {"1", "8", "112", "112"},
         13,
         [](Model &m) {
             auto *n = m.node("MaxPool", "op", {"x"}, {"y"});
             Model::attr(n, "kernel_shape", {3, 3});
             Model::attr(n, "strides", {2, 2});
             Model::attrS(n, "auto_pad", "SAME_UPPER");
         },
         "maxpool2d",
         "1x8x56x56",
         0,
         0},
        // TF-style asymmetric padding (0, 1) on 7, k2 s2: (7 + 1 − 2)/2 + 1 = 4
        {"AveragePool asymmetric",
         {"1", "8", "7", "7"},
         13,
         [](Model &m) {
             auto *n = m.node("AveragePool", "op", {"x"}, {"y"});
             Model::attr(n, "kernel_shape", {2, 2});
             Model::attr(n, "strides", {2, 2});
             Model::attr(n, "pads", {0, 0, 1, 1});
         },
         "avgpool2d",
         "1x8x4x4",
         0,
         0},
        {"GlobalAveragePool",
         {"1", "512", "7", "7"},
         13,
         [](Model &m) { m.node("GlobalAveragePool", "op", {"x"}, {"y"}); },
         "global_avgpool",
         "1x512x1x1",
         0,
         0},
        {"ReduceMean keepdims",
         {"1", "512", "7", "7"},
         13,
         [](Model &m) {
             Model::attr(m.node("ReduceMean", "op", {"x"}, {"y"}), "axes", {2, 3});
         },
         "global_avgpool",
         "1x512x1x1",
         0,
         0},
        {"ReduceMean opset 18",
         {"1", "512", "7", "7"},
         18,
         [](Model &m) {
             m.ints("axes", {-1, -2});
             m.node("ReduceMean", "op", {"x", "axes"}, {"y"});
         },
         "global_avgpool",
         "1x512x1x1",
         0,
         0},
        {"BatchNormalization",
         {"1", "64", "8", "8"},
         13,
         [](Model &m) { m.bn("op", "x", 64, "y"); },
         "batchnorm2d",
         "1x64x8x8",
         128,
         0},
        {"Relu",
         {"1", "10"},
         13,
         [](Model &m) { m.node("Relu", "op", {"x"}, {"y"}); },
         "relu",
         "1x10",
         0,
         0},
        {"Clip opset 6",
         {"1", "10"},
         6,
         [](Model &m) {
             auto *n = m.node("Clip", "op", {"x"}, {"y"});
             Model::attrF(n, "min", 0.0f);
             Model::attrF(n, "max", 6.0f);
         },
         "relu6",
         "1x10",
         0,
         0},
        {"Clip opset 11 min only",
         {"1", "10"},
         11,
         [](Model &m) {
             m.floats("lo", {0.0f}, {});
             m.node("Clip", "op", {"x", "lo"}, {"y"});
         },
         "relu",
         "1x10",
         0,
         0},
        // F.normalize's floor under a norm (Swin V2's cosine attention): a clamp.
        {"Clip opset 13 floor",
         {"49", "1", "64", "1"},
         13,
         [](Model &m) {
             m.floats("eps", {1e-12f}, {});
             m.node("Clip", "op", {"x", "eps"}, {"y"});
         },
         "clamp",
         "49x1x64x1",
         0,
         0},
        {"Expand",
         {"49", "1", "64", "1"},
         13,
         [](Model &m) {
             m.ints("sizes", {49, 1, 64, 32});
             m.node("Expand", "op", {"x", "sizes"}, {"y"});
         },
         "expand",
         "49x1x64x32",
         0,
         0},
        // Swin pads its N×H×W×C map to whole windows: H and W of a rank-4 tensor at index 1, 2.
        {"Pad tokens",
         {"1", "28", "28", "96"},
         13,
         [](Model &m) {
             m.ints("pads", {0, 0, 0, 0, 0, 4, 4, 0});
             m.node("Pad", "op", {"x", "pads"}, {"y"});
         },
         "pad",
         "1x32x32x96",
         0,
         0},
        {"LeakyRelu",
         {"1", "10"},
         13,
         [](Model &m) { Model::attrF(m.node("LeakyRelu", "op", {"x"}, {"y"}), "alpha", 0.2f); },
         "leaky_relu",
         "1x10",
         0,
         0},
        // One slope per channel: 16 parameters.
        {"PRelu",
         {"1", "16", "4", "4"},
         13,
         [](Model &m) {
             m.weight("slope", {16, 1, 1});
             m.node("PRelu", "op", {"x", "slope"}, {"y"});
         },
         "prelu",
         "1x16x4x4",
         16,
         0},
        {"Sigmoid",
         {"1", "10"},
         13,
         [](Model &m) { m.node("Sigmoid", "op", {"x"}, {"y"}); },
         "sigmoid",
         "1x10",
         0,
         0},
        {"Tanh",
         {"1", "10"},
         13,
         [](Model &m) { m.node("Tanh", "op", {"x"}, {"y"}); },
         "tanh",
         "1x10",
         0,
         0},
        {"Softmax",
         {"1", "1000"},
         13,
         [](Model &m) { m.node("Softmax", "op", {"x"}, {"y"}); },
         "softmax",
         "1x1000",
         0,
         0},
        {"Concat",
         {"1", "8", "4", "4"},
         13,
         [](Model &m) {
             Model::attr(m.node("Concat", "op", {"x", "x"}, {"y"}), "axis", -3);
         },
         "concat",
         "1x16x4x4",
         0,
         0},
        {"Flatten",
         {"1", "512", "7", "7"},
         13,
         [](Model &m) { m.node("Flatten", "op", {"x"}, {"y"}); },
         "flatten",
         "1x25088",
         0,
         0},
        {"Reshape (0, -1)",
         {"1", "512", "7", "7"},
         13,
         [](Model &m) {
             m.ints("shape", {0, -1});
             m.node("Reshape", "op", {"x", "shape"}, {"y"});
         },
         "flatten",
         "1x25088",
         0,
         0},
        {"Reshape (1, C·H·W)",
         {"1", "512", "7", "7"},
         13,
         [](Model &m) {
             m.ints("shape", {1, 25088});
             m.node("Reshape", "op", {"x", "shape"}, {"y"});
         },
         "flatten",
         "1x25088",
         0,
         0},
        {"Reshape not flattening",
         {"1", "512", "7", "7"},
         13,
         [](Model &m) {
             m.ints("shape", {1, 128, 4, 49});
             m.node("Reshape", "op", {"x", "shape"}, {"y"});
         },
         "reshape",
         "1x128x4x49",
         0,
         0},
        // Shape operators of any rank; expected shapes by ONNX's definitions, worked by hand.
        {"Reshape to tokens (0, 768, -1)",
         {"1", "768", "14", "14"},
         13,
         [](Model &m) {
             m.ints("shape", {0, 768, -1});
             m.node("Reshape", "op", {"x", "shape"}, {"y"});
         },
         "reshape",
         "1x768x196",
         0,
         0},
        {"Squeeze (axes input)",
         {"1", "64", "1", "1"},
         13,
         [](Model &m) {
             m.ints("axes", {2, 3});
             m.node("Squeeze", "op", {"x", "axes"}, {"y"});
         },
         "squeeze",
         "1x64",
         0,
         0},
        {"Squeeze (axes attribute)",
         {"2", "64", "1", "1"},
         11,
         [](Model &m) {
             Model::attr(m.node("Squeeze", "op", {"x"}, {"y"}), "axes", {-1, -2});
         },
         "squeeze",
         "2x64",
         0,
         0},
        {"Unsqueeze",
         {"2", "64"},
         13,
         [](Model &m) {
             m.ints("axes", {2, 3});
             m.node("Unsqueeze", "op", {"x", "axes"}, {"y"});
         },
         "unsqueeze",
         "2x64x1x1",
         0,
         0},
        {"Slice class token",
         {"1", "197", "768"},
         13,
         [](Model &m) {
             m.ints("starts", {0});
             m.ints("ends", {1});
             m.ints("axes", {1});
             m.node("Slice", "op", {"x", "starts", "ends", "axes"}, {"y"});
         },
         "slice",
         "1x1x768",
         0,
         0},
        {"Slice to the end with a step",
         {"1", "116", "28", "28"},
         13,
         [](Model &m) {
             m.ints("starts", {58});
             m.ints("ends", {std::numeric_limits<qint64>::max()});
             m.ints("axes", {1});
             m.ints("steps", {2});
             m.node("Slice", "op", {"x", "starts", "ends", "axes", "steps"}, {"y"});
         },
         "slice",
         "1x29x28x28",
         0,
         0},
        {"Concat on tokens",
         {"1", "196", "768"},
         13,
         [](Model &m) {
             m.node("Concat", "op", {"x", "x"}, {"y"});
             Model::attr(m.g->mutable_node(m.g->node_size() - 1), "axis", -2);
         },
         "concat",
         "1x392x768",
         0,
         0},
        {"Flatten axis 2",
         {"2", "3", "4", "5"},
         13,
         [](Model &m) { Model::attr(m.node("Flatten", "op", {"x"}, {"y"}), "axis", 2); },
         "reshape",
         "6x20",
         0,
         0},
        // Split becomes one Slice per output (ShuffleNet v2 halves the channels).
        {"Split (sizes input)",
         {"1", "116", "28", "28"},
         13,
         [](Model &m) {
             m.ints("split", {58, 58});
             Model::attr(m.node("Split", "op", {"x", "split"}, {"y", "z"}), "axis", 1);
             m.output("z");
         },
         "slice",
         "1x58x28x28",
         0,
         0},
        {"Split (equal parts, opset 11)",
         {"1", "6", "6"},
         11,
         [](Model &m) {
             Model::attr(m.node("Split", "op", {"x"}, {"y", "z", "w"}), "axis", -1);
             m.output("z");
             m.output("w");
         },
         "slice",
         "1x6x2",
         0,
         0},
        // Element-wise arithmetic, the new activations and normalisations.
        {"Mul (squeeze-and-excitation gate)",
         {"1", "8", "4", "4"},
         13,
         [](Model &m) {
             m.node("GlobalAveragePool", "gap", {"x"}, {"g"});
             m.node("Mul", "op", {"x", "g"}, {"y"});
         },
         "mul",
         "1x8x4x4",
         0,
         0},
        {"Mul by a constant",
         {"1", "8", "4", "4"},
         13,
         [](Model &m) {
             m.weight("scale", {1, 8, 1, 1});
             m.node("Mul", "op", {"x", "scale"}, {"y"});
         },
         "mul",
         "1x8x4x4",
         8, // the constant's elements are parameters of the file
         0},
        {"Div by a constant",
         {"1", "8"},
         13,
         [](Model &m) {
             m.floats("two", {2.0f}, {1});
             m.node("Div", "op", {"x", "two"}, {"y"});
         },
         "div",
         "1x8",
         1,
         0},
        {"HardSwish",
         {"1", "16", "8", "8"},
         14,
         [](Model &m) { m.node("HardSwish", "op", {"x"}, {"y"}); },
         "hardswish",
         "1x16x8x8",
         0,
         0},
        {"HardSigmoid",
         {"1", "16", "1", "1"},
         13,
         [](Model &m) { m.node("HardSigmoid", "op", {"x"}, {"y"}); },
         "hardsigmoid",
         "1x16x1x1",
         0,
         0},
        {"Softplus",
         {"1", "16"},
         13,
         [](Model &m) { m.node("Softplus", "op", {"x"}, {"y"}); },
         "softplus",
         "1x16",
         0,
         0},
        {"LayerNormalization",
         {"1", "197", "768"},
         17,
         [](Model &m) {
             m.weight("gamma", {768});
             m.weight("beta", {768});
             m.node("LayerNormalization", "op", {"x", "gamma", "beta"}, {"y"});
         },
         "layernorm",
         "1x197x768",
         2 * 768,
         0},
        {"InstanceNormalization",
         {"1", "3", "8", "8"},
         13,
         [](Model &m) {
             m.weight("scale", {3});
             m.weight("bias", {3});
             m.node("InstanceNormalization", "op", {"x", "scale", "bias"}, {"y"});
         },
         "instancenorm",
         "1x3x8x8",
         6,
         0},
        {"MatMul of two activations (attention scores)",
         {"1", "12", "197", "64"},
         13,
         [](Model &m) {
             Model::attr(m.node("Transpose", "kt", {"x"}, {"xt"}), "perm", Dims{0, 1, 3, 2});
             m.node("MatMul", "op", {"x", "xt"}, {"y"});
         },
         "matmul",
         "1x12x197x197",
         0,
         qint64(12) * 197 * 197 * 64},
        {"MatMul on tokens (Linear)",
         {"1", "197", "768"},
         13,
         [](Model &m) {
             m.weight("w", {768, 3072});
             m.node("MatMul", "op", {"x", "w"}, {"y"});
         },
         "linear",
         "1x197x3072",
         768 * 3072,
         qint64(197) * 768 * 3072},
        {"Conv1d",
         {"2", "4", "50"},
         13,
         [](Model &m) {
             m.weight("w", {8, 4, 5});
             onnx::NodeProto *n = m.node("Conv", "op", {"x", "w"}, {"y"});
             Model::attr(n, "strides", Dims{2});
             Model::attr(n, "pads", Dims{2, 2});
         },
         "conv1d",
         "2x8x25",
         8 * 4 * 5,
         2 * 25 * 8 * 5 * 4},
        {"Conv3d",
         {"1", "3", "8", "16", "16"},
         13,
         [](Model &m) {
             m.weight("w", {4, 3, 3, 3, 3});
             m.weight("b", {4});
             Model::attr(m.node("Conv", "op", {"x", "w", "b"}, {"y"}), "pads",
                         Dims{1, 1, 1, 1, 1, 1});
         },
         "conv3d",
         "1x4x8x16x16",
         4 * 3 * 27 + 4,
         8 * 16 * 16 * 4 * 27 * 3},
        {"Softmax on the last axis",
         {"1", "12", "197", "197"},
         13,
         [](Model &m) { m.node("Softmax", "op", {"x"}, {"y"}); },
         "softmax",
         "1x12x197x197",
         0,
         0},
        {"DepthToSpace",
         {"1", "16", "5", "6"},
         13,
         [](Model &m) { Model::attr(m.node("DepthToSpace", "op", {"x"}, {"y"}), "blocksize", 2); },
         "pixel_shuffle",
         "1x4x10x12",
         0,
         0},
        {"ReduceMean over features",
         {"1", "197", "768"},
         13,
         [](Model &m) { Model::attr(m.node("ReduceMean", "op", {"x"}, {"y"}), "axes", Dims{-1}); },
         "reduce_mean",
         "1x197x1",
         0,
         0},
        {"ReduceSum (axes input, no keepdims)",
         {"2", "3", "4"},
         13,
         [](Model &m) {
             m.ints("axes", {1});
             onnx::NodeProto *n = m.node("ReduceSum", "op", {"x", "axes"}, {"y"});
             Model::attr(n, "keepdims", qint64(0));
         },
         "reduce_sum",
         "2x4",
         0,
         0},
        {"ReduceMax",
         {"1", "8", "4", "4"},
         13,
         [](Model &m) { Model::attr(m.node("ReduceMax", "op", {"x"}, {"y"}), "axes", Dims{1}); },
         "reduce_max",
         "1x1x4x4",
         0,
         0},
        {"ReduceL2",
         {"49", "3", "64", "32"},
         14,
         [](Model &m) { Model::attr(m.node("ReduceL2", "op", {"x"}, {"y"}), "axes", Dims{-1}); },
         "reduce_l2",
         "49x3x64x1",
         0,
         0},
        {"Dropout",
         {"1", "4096"},
         13,
         [](Model &m) { m.node("Dropout", "op", {"x"}, {"y"}); },
         "dropout",
         "1x4096",
         0,
         0},
        {"Identity",
         {"1", "4"},
         13,
         [](Model &m) { m.node("Identity", "op", {"x"}, {"y"}); },
         "identity",
         "1x4",
         0,
         0},
        // Pads (N, C, H, W) begin then end: H 1 + 2, W 3 + 4.
        {"Pad",
         {"1", "3", "10", "10"},
         13,
         [](Model &m) {
             m.ints("pads", {0, 0, 1, 3, 0, 0, 2, 4});
             m.node("Pad", "op", {"x", "pads"}, {"y"});
         },
         "zeropad2d",
         "1x3x13x17",
         0,
         0},
        {"Pad opset 2",
         {"1", "3", "10", "10"},
         2,
         [](Model &m) {
             Model::attr(m.node("Pad", "op", {"x"}, {"y"}), "pads", {0, 0, 1, 1, 0, 0, 1, 1});
         },
         "zeropad2d",
         "1x3x12x12",
         0,
         0},
        {"Pad reflect",
         {"1", "3", "10", "10"},
         13,
         [](Model &m) {
             m.ints("pads", {0, 0, 1, 1, 0, 0, 1, 1});
             Model::attrS(m.node("Pad", "op", {"x", "pads"}, {"y"}), "mode", "reflect");
         },
         "opaque",
         "1x3x12x12",
         0,
         0},
        {"LRN",
         {"1", "64", "56", "56"},
         13,
         [](Model &m) { Model::attr(m.node("LRN", "op", {"x"}, {"y"}), "size", 5); },
         "lrn",
         "1x64x56x56",
         0,
         0},
        {"Upsample opset 9",
         {"1", "16", "10", "10"},
         9,
         [](Model &m) {
             m.floats("scales", {1, 1, 2, 2});
             m.node("Upsample", "op", {"x", "scales"}, {"y"});
         },
         "upsample",
         "1x16x20x20",
         0,
         0},
        {"Resize scales linear",
         {"1", "16", "10", "10"},
         13,
         [](Model &m) {
             m.floats("scales", {1, 1, 1.5f, 1.5f});
             Model::attrS(m.node("Resize", "op", {"x", "", "scales"}, {"y"}), "mode", "linear");
         },
         "upsample",
         "1x16x15x15",
         0,
         0},
        {"Resize sizes",
         {"1", "16", "3", "3"},
         13,
         [](Model &m) {
             m.ints("sizes", {1, 16, 7, 7});
             m.node("Resize", "op", {"x", "", "", "sizes"}, {"y"});
         },
         "upsample",
         "1x16x7x7",
         0,
         0},
        {"Transpose",
         {"1", "3", "4", "5"},
         13,
         [](Model &m) {
             Model::attr(m.node("Transpose", "op", {"x"}, {"y"}), "perm", {0, 2, 3, 1});
         },
         "permute",
         "1x4x5x3",
         0,
         0},
    };
    return cases;
}

} // namespace

void tst_OnnxImport::operators_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(opCases().size()); ++i)
        QTest::newRow(opCases()[size_t(i)].name) << i;
}

void tst_OnnxImport::operators()
{
    QFETCH(int, index);
    const OpCase &c = opCases()[size_t(index)];
    Model m(c.opset);
    m.input("x", c.input);
    c.build(m);
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(typeOf(r.graph, "op"), QString::fromLatin1(c.type));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    const LayerResult *op = resultOf(r.graph, a, "op");
    QVERIFY(op);
    QStringList dims;
    for (qint64 d : op->output.toVector())
        dims << QString::number(d);
    QCOMPARE(dims.join(QLatin1Char('x')), QString::fromLatin1(c.shape));
    QCOMPARE(op->costs.params().value(), c.params);
    QCOMPARE(op->costs.macs.value(), c.macs);
}

void tst_OnnxImport::matMulAddFoldsIntoLinear()
{
    Model m(13);
    m.input("x", {"1", "784"});
    m.weight("w", {784, 10});
    m.weight("b", {10});
    m.node("MatMul", "fc", {"x", "w"}, {"mm"});
    m.node("Add", "fc_bias", {"mm", "b"}, {"y"});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.graph.size(), 3); // input, fc, output: the Add became the bias
    QCOMPARE(param(r.graph, "fc", "bias").toBool(), true);
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(resultOf(r.graph, a, "fc")->costs.params().value(), qint64(7850));

    // When the product is used elsewhere too, the Add stays a separate layer with a constant
    // operand, whose elements are parameters.
    Model shared(13);
    shared.input("x", {"1", "784"});
    shared.weight("w", {784, 10});
    shared.weight("b", {10});
    shared.node("MatMul", "fc", {"x", "w"}, {"mm"});
    shared.node("Add", "fc_bias", {"mm", "b"}, {"y"});
    shared.node("Relu", "side", {"mm"}, {"z"});
    shared.output("y");
    shared.output("z");
    const ImportResult s = import(shared);
    QVERIFY2(s.ok(), qPrintable(s.error));
    QCOMPARE(param(s.graph, "fc", "bias").toBool(), false);
    QCOMPARE(typeOf(s.graph, "fc_bias"), QStringLiteral("add"));
    QCOMPARE(param(s.graph, "fc_bias", "params").toLongLong(), 10);
    const AnalysisResult sa = AnalysisEngine::analyze(s.graph, LayerRegistry::builtin());
    QCOMPARE(sa.totals.params().value(), qint64(7850));
    QCOMPARE(resultOf(s.graph, sa, "fc_bias")->costs.adds.value(), qint64(10));
}

void tst_OnnxImport::convAddFoldsIntoBias()
{
    // TensorFlow converters write the bias as an Add of a C×1×1 constant.
    Model m(13);
    m.input("x", {"1", "3", "32", "32"});
    const std::string c = m.conv("conv", "x", 3, 16, 3, 1, 1, 1, false);
    m.weight("bias", {16, 1, 1});
    m.node("Add", "bias_add", {c, "bias"}, {"y"});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(param(r.graph, "conv", "bias").toBool(), true);
    QVERIFY(!r.graph.findByName(QStringLiteral("bias_add")).isValid());
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.totals.params().value(), qint64(3 * 3 * 3 * 16 + 16));
}

void tst_OnnxImport::identityAliasesInitializer()
{
    // Some exporters route shared weights through Identity nodes.
    Model m(13);
    m.input("x", {"1", "3", "8", "8"});
    m.weight("w", {8, 3, 3, 3});
    m.node("Identity", "w_alias", {"w"}, {"w2"});
    auto *n = m.node("Conv", "conv", {"x", "w2"}, {"y"});
    Model::attr(n, "kernel_shape", {3, 3});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(!r.graph.findByName(QStringLiteral("w_alias")).isValid());
    QCOMPARE(param(r.graph, "conv", "out_channels").toLongLong(), 8);
    QCOMPARE(param(r.graph, "conv", "bias").toBool(), false);
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(resultOf(r.graph, a, "conv")->output, TensorShape::nchw(1, 8, 6, 6));
}

void tst_OnnxImport::reshapeFromShapeSubgraph()
{
    // x.view(x.size(0), -1) as old PyTorch exported it: Shape → Gather → Unsqueeze → Concat.
    Model m(11);
    m.input("x", {"1", "64", "2", "2"});
    m.node("Shape", "shape", {"x"}, {"s"});
    m.ints("zero", {0});
    m.node("Gather", "gather", {"s", "zero"}, {"n"});
    m.ints("minus1", {-1});
    m.node("Concat", "cat", {"n", "minus1"}, {"target"});
    Model::attr(m.g->mutable_node(m.g->node_size() - 1), "axis", 0);
    m.node("Reshape", "view", {"x", "target"}, {"y"});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    // The batch is fixed (1), so the arithmetic folds to [1, −1]: nothing is assumed.
    QVERIFY(!anyContains(r.warnings, QStringLiteral("Naqsh assumes it flattens")));
    QCOMPARE(r.graph.size(), 3); // x, view, output: the shape arithmetic is not a layer
    QCOMPARE(typeOf(r.graph, "view"), QStringLiteral("flatten"));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(resultOf(r.graph, a, "view")->output, TensorShape::nf(1, 256));

    // With a symbolic batch the values stay unknown, and the importer says what it assumes.
    Model sym(11);
    sym.input("x", {"N", "64", "2", "2"});
    sym.node("Shape", "shape", {"x"}, {"s"});
    sym.ints("zero", {0});
    sym.node("Gather", "gather", {"s", "zero"}, {"n"});
    sym.ints("minus1", {-1});
    sym.node("Concat", "cat", {"n", "minus1"}, {"target"});
    Model::attr(sym.g->mutable_node(sym.g->node_size() - 1), "axis", 0);
    sym.node("Reshape", "view", {"x", "target"}, {"y"});
    sym.output("y");
    const ImportResult rs = import(sym);
    QVERIFY2(rs.ok(), qPrintable(rs.error));
    QCOMPARE(typeOf(rs.graph, "view"), QStringLiteral("flatten"));
}

void tst_OnnxImport::sliceFromShapeSubgraph()
{
    // torch.chunk(x, 2, dim=1) exported at opset 14 (ShuffleNet v2's channel split): the ends
    // are (shape[1] + 1) / 2 · 1 and · 2, computed from the tensor's shape.
    Model m(14);
    m.input("x", {"1", "48", "28", "28"});
    m.node("Shape", "shape", {"x"}, {"s"});
    m.ints("one", {1});
    m.node("Gather", "gather", {"s", "one"}, {"c"});
    m.node("Add", "plus1", {"c", "one"}, {"c1"});
    m.ints("two", {2});
    m.node("Div", "half", {"c1", "two"}, {"h"});
    m.node("Mul", "end1", {"h", "one"}, {"e1"});
    m.node("Mul", "end2", {"h", "two"}, {"e2"});
    m.ints("zero", {0});
    m.node("Slice", "first", {"x", "zero", "e1", "one"}, {"a"});
    m.node("Slice", "second", {"x", "e1", "e2", "one"}, {"b"});
    m.conv("conv", "b", 24, 24, 1, 1, 0, 1, false);
    m.node("Concat", "cat", {"a", "conv_out"}, {"y"});
    Model::attr(m.g->mutable_node(m.g->node_size() - 1), "axis", 1);
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.opaqueOperators.isEmpty(), qPrintable(r.opaqueOperators.join(u',')));
    QCOMPARE(typeOf(r.graph, "second"), QStringLiteral("slice"));
    QCOMPARE(param(r.graph, "second", "start").toLongLong(), qint64(24));
    QCOMPARE(param(r.graph, "second", "end").toLongLong(), qint64(48));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(resultOf(r.graph, a, "first")->output, TensorShape::nchw(1, 24, 28, 28));
    // The 1×1 convolution on the second half: 24·24·28·28 = 451,584 MACs.
    QCOMPARE(resultOf(r.graph, a, "conv")->costs.macs.value(), qint64(451584));
    QCOMPARE(resultOf(r.graph, a, "cat")->output, TensorShape::nchw(1, 48, 28, 28));
    QCOMPARE(a.layersWithoutNumbers(), 0);
}

/// LayerNorm over the last axis as PyTorch exports it below opset 17, on tensor @p x.
std::string primitiveLayerNorm(Model &m, const std::string &name, const std::string &x,
                               qint64 features, bool extraUse = false)
{
    auto *mean = m.node("ReduceMean", name + "/mean", {x}, {name + "/m"});
    Model::attr(mean, "axes", Dims{-1});
    m.node("Sub", name + "/sub", {x, name + "/m"}, {name + "/d"});
    m.floats(name + "/two", {2.0f});
    m.node("Pow", name + "/pow", {name + "/d", name + "/two"}, {name + "/p"});
    auto *var = m.node("ReduceMean", name + "/var", {name + "/p"}, {name + "/v"});
    Model::attr(var, "axes", Dims{-1});
    m.floats(name + "/eps", {1e-6f});
    m.node("Add", name + "/add_eps", {name + "/v", name + "/eps"}, {name + "/ve"});
    m.node("Sqrt", name + "/sqrt", {name + "/ve"}, {name + "/s"});
    m.node("Div", name + "/div", {name + "/d", name + "/s"}, {name + "/n"});
    m.weight(name + ".weight", {features});
    m.weight(name + ".bias", {features});
    m.node("Mul", name + "/mul", {name + "/n", name + ".weight"}, {name + "/g"});
    m.node("Add", name + "/shift", {name + "/g", name + ".bias"}, {name + "/out"});
    if (extraUse)
        m.output(name + "/d"); // the centred values are used outside: not one LayerNorm
    return name + "/out";
}

void tst_OnnxImport::layerNormAndGeluFromPrimitives()
{
    // ConvNeXt's channels-last MLP on 8 channels of 2×4: to N×H×W×C, LayerNorm, Linear 8 → 16,
    // exact GELU, each written in primitives (opset 14 has neither LayerNormalization nor Gelu).
    Model m(14);
    m.input("image", {"1", "8", "2", "4"});
    Model::attr(m.node("Transpose", "nhwc", {"image"}, {"x"}), "perm", Dims{0, 2, 3, 1});
    const std::string ln = primitiveLayerNorm(m, "ln", "x", 8);
    m.weight("fc.weight", {8, 16});
    m.weight("fc.bias", {16});
    m.node("MatMul", "fc", {ln, "fc.weight"}, {"h0"});
    m.node("Add", "fc_bias", {"fc.bias", "h0"}, {"h"});
    m.floats("sqrt2", {1.4142135f});
    m.node("Div", "gelu/div", {"h", "sqrt2"}, {"g1"});
    m.node("Erf", "gelu/erf", {"g1"}, {"g2"});
    m.floats("one", {1.0f});
    m.node("Add", "gelu/add", {"g2", "one"}, {"g3"});
    m.node("Mul", "gelu/mul", {"h", "g3"}, {"g4"});
    m.floats("half", {0.5f});
    m.node("Mul", "gelu/half", {"g4", "half"}, {"y"});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.opaqueOperators.isEmpty(), qPrintable(r.opaqueOperators.join(u',')));
    // image, nhwc, LayerNorm, Linear (bias folded), GELU, output.
    QCOMPARE(r.graph.size(), 6);
    QCOMPARE(typeOf(r.graph, "ln/LayerNorm"), QStringLiteral("layernorm"));
    QCOMPARE(param(r.graph, "ln/LayerNorm", "dims").toLongLong(), qint64(1));
    QVERIFY(qAbs(param(r.graph, "ln/LayerNorm", "eps").toDouble() - 1e-6) < 1e-9);
    QCOMPARE(param(r.graph, "ln/LayerNorm", "affine").toBool(), true);
    QCOMPARE(typeOf(r.graph, "gelu/Gelu"), QStringLiteral("gelu"));
    // The exact (erf) form: the first of the type's choices, "none".
    const LayerType *gelu = LayerRegistry::builtin().find(QStringLiteral("gelu"));
    QCOMPARE(gelu->params[gelu->paramIndex(QStringLiteral("approximate"))].choices.value(
                 param(r.graph, "gelu/Gelu", "approximate").toInt()),
             QStringLiteral("none"));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.layersWithoutNumbers(), 0);
    // γ and β: 8 + 8 = 16 parameters; the Linear 8·16 + 16 = 144 and 2·4·8·16 = 1,024 MACs.
    QCOMPARE(resultOf(r.graph, a, "ln/LayerNorm")->costs.params().value(), qint64(16));
    QCOMPARE(resultOf(r.graph, a, "fc")->costs.macs.value(), qint64(1024));
    QCOMPARE(a.totals.params().value(), qint64(160));
    QCOMPARE(resultOf(r.graph, a, "gelu/Gelu")->output.dims[3], qint64(16));

    // When an intermediate value is used elsewhere, the primitives stay as they are.
    Model shared(14);
    shared.input("x", {"1", "2", "4", "8"});
    shared.output(primitiveLayerNorm(shared, "ln", "x", 8, true));
    const ImportResult rs = import(shared);
    QVERIFY2(rs.ok(), qPrintable(rs.error));
    QCOMPARE(countType(rs.graph, "layernorm"), 0);
    QVERIFY(rs.opaqueOperators.contains(QStringLiteral("Pow")));
}

void tst_OnnxImport::gatherOneIndexAndLiteralOperand()
{
    // x[:, -1] on 1×3×4×5 picks the last of 3: a Slice 2..3 and a Squeeze of axis 1 → 1×4×5.
    // Then · 0.5 (a literal of the code, a Constant node: no parameters) and · s (a learned
    // initializer of 5 values: 5 parameters). A Pad by nothing is an identity.
    Model m(14);
    m.input("x", {"1", "3", "4", "5"});
    auto *idx = m.node("Constant", "minus1", {}, {"i"});
    auto *a = idx->add_attribute();
    a->set_name("value");
    a->set_type(onnx::AttributeProto::TENSOR);
    a->mutable_t()->set_data_type(onnx::TensorProto::INT64);
    a->mutable_t()->add_int64_data(-1);
    Model::attr(m.node("Gather", "last", {"x", "i"}, {"g"}), "axis", 1);
    auto *half = m.node("Constant", "half", {}, {"h"});
    Model::attrF(half, "value_float", 0.5f);
    m.node("Mul", "halve", {"g", "h"}, {"g2"});
    m.weight("scale", {5});
    m.node("Mul", "scale_mul", {"g2", "scale"}, {"g3"});
    m.ints("nopads", {0, 0, 0, 0, 0, 0});
    m.node("Pad", "pad", {"g3", "nopads"}, {"y"});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.opaqueOperators.isEmpty(), qPrintable(r.opaqueOperators.join(u',')));
    QCOMPARE(typeOf(r.graph, "last"), QStringLiteral("slice"));
    QCOMPARE(param(r.graph, "last", "start").toLongLong(), qint64(2));
    QCOMPARE(param(r.graph, "last", "end").toLongLong(), qint64(3));
    QCOMPARE(typeOf(r.graph, "last_squeeze"), QStringLiteral("squeeze"));
    QCOMPARE(typeOf(r.graph, "pad"), QStringLiteral("identity"));
    const AnalysisResult an = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(an.layersWithoutNumbers(), 0);
    const TensorShape picked = resultOf(r.graph, an, "last_squeeze")->output;
    QCOMPARE(picked.rank, 3);
    QCOMPARE(picked.dims[0], qint64(1));
    QCOMPARE(picked.dims[1], qint64(4));
    QCOMPARE(picked.dims[2], qint64(5));
    QCOMPARE(resultOf(r.graph, an, "halve")->costs.params().value(), qint64(0));
    QCOMPARE(resultOf(r.graph, an, "scale_mul")->costs.params().value(), qint64(5));
}

void tst_OnnxImport::opaqueOperators()
{
    Model m(14); // Erf: a standard operator Naqsh does not model
    m.input("x", {"1", "16", "8", "8"});
    m.node("Erf", "hs", {"x"}, {"a"});
    // A custom operator: ONNX cannot infer it, so the file declares its output.
    auto *custom = m.node("DeformableConv", "deform", {"a"}, {"b"});
    custom->set_domain("com.example");
    auto *op = m.m.add_opset_import();
    op->set_domain("com.example");
    op->set_version(1);
    m.valueInfo(m.g->add_value_info(), "b", {"1", "32", "4", "4"});
    m.conv("conv", "b", 32, 8, 1);
    // Nothing tells the output of this one.
    auto *mystery = m.node("Mystery", "mystery", {"conv_out"}, {"c"});
    mystery->set_domain("com.example");
    m.node("Relu", "after", {"c"}, {"y"});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.opaqueOperators,
             (QStringList{"Erf", "com.example.DeformableConv", "com.example.Mystery"}));
    QVERIFY(anyContains(r.warnings, QStringLiteral("operator Erf is not modelled by Naqsh")));
    QVERIFY(anyContains(r.warnings, QStringLiteral("(deform)")));
    QVERIFY(anyContains(r.warnings,
                        QStringLiteral("'mystery' (Mystery): the output shape is unknown")));
    QCOMPARE(typeOf(r.graph, "hs"), QStringLiteral("opaque"));
    QCOMPARE(param(r.graph, "deform", "op_type").toString(),
             QStringLiteral("com.example.DeformableConv"));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    // Shape inference gives Erf's output; the file gives the custom one's.
    QCOMPARE(resultOf(r.graph, a, "hs")->output, TensorShape::nchw(1, 16, 8, 8));
    QCOMPARE(resultOf(r.graph, a, "deform")->output, TensorShape::nchw(1, 32, 4, 4));
    // The layers after a known shape are analysed: 32·8 + 8 = 264 params, 16·32·8 = 4,096 MACs.
    QCOMPARE(resultOf(r.graph, a, "conv")->costs.params().value(), qint64(264));
    QCOMPARE(resultOf(r.graph, a, "conv")->costs.macs.value(), qint64(4096));
    QVERIFY(resultOf(r.graph, a, "mystery")->error.contains(QStringLiteral("unknown")));
    QVERIFY(!resultOf(r.graph, a, "after")->hasNumbers());
    // A batch given on the command line flows through an opaque layer.
    RuleContext batch4;
    batch4.batchOverride = 4;
    const AnalysisResult b = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin(), batch4);
    QCOMPARE(resultOf(r.graph, b, "deform")->output, TensorShape::nchw(4, 32, 4, 4));
}

void tst_OnnxImport::unregisteredStandardOperator()
{
    // An operator ONNX itself does not know: the reader warns, the importer keeps the node.
    Model m(13);
    m.input("x", {"1", "8", "4", "4"});
    m.node("FooBar", "foo", {"x"}, {"a"});
    m.node("Relu", "relu", {"a"}, {"y"});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.opaqueOperators, QStringList{"FooBar"});
    QVERIFY2(anyContains(r.warnings, QStringLiteral("FooBar")),
             qPrintable(r.warnings.join(QLatin1Char('\n'))));
    QVERIFY(anyContains(r.warnings,
                        QStringLiteral("node 'foo' (FooBar): the output shape is unknown")));
    QCOMPARE(typeOf(r.graph, "foo"), QStringLiteral("opaque"));
    QCOMPARE(param(r.graph, "foo", "shape").toInt(), 2); // unknown
}

void tst_OnnxImport::opaqueReportShowsUnknown()
{
    Model m(14); // Erf: a standard operator Naqsh does not model
    m.input("x", {"1", "16", "8", "8"});
    m.node("Erf", "hs", {"x"}, {"a"});
    m.node("Relu", "relu", {"a"}, {"y"});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    const ReportOptions o;
    const QString table = Report::table(r.graph, LayerRegistry::builtin(), a, o);
    QVERIFY2(table.contains(QStringLiteral("1 layer(s) have unknown cost (ops: Erf)")),
             qPrintable(table));
    const QStringList lines = table.split(QLatin1Char('\n'));
    const int hs = int(lines.indexOf(QRegularExpression(QStringLiteral("^hs .*"))));
    QVERIFY(hs >= 0);
    QCOMPARE(lines[hs].count(QStringLiteral("unknown")), 3); // MACs, FLOPs, share
    const QJsonObject json =
        QJsonDocument::fromJson(Report::json(r.graph, LayerRegistry::builtin(), a, o)).object();
    QCOMPARE(json.value(QStringLiteral("totals"))
                 .toObject()
                 .value(QStringLiteral("unknown_cost_layers"))
                 .toInt(),
             1);
    for (const QJsonValue &v : json.value(QStringLiteral("layers")).toArray()) {
        const QJsonObject l = v.toObject();
        const bool isHs = l.value(QStringLiteral("name")).toString() == QLatin1String("hs");
        QCOMPARE(l.value(QStringLiteral("cost_known")).toBool(), !isHs);
        if (isHs) {
            QVERIFY(l.value(QStringLiteral("macs")).isNull());
            QCOMPARE(l.value(QStringLiteral("op_type")).toString(), QStringLiteral("Erf"));
        }
    }
    const QString csv = Report::csv(r.graph, LayerRegistry::builtin(), a, o);
    QVERIFY(csv.contains(
        QStringLiteral("hs,Imported operator,1×16×8×8,0,unknown,unknown,1024,unknown,")));
    const QString md = Report::markdown(r.graph, LayerRegistry::builtin(), a, o);
    QVERIFY(md.contains(QStringLiteral("have unknown cost (ops: Erf)")));
}

void tst_OnnxImport::symbolicBatchAndDynamicSize()
{
    Model m(13);
    m.input("images", {"batch", "3", "height", "width"});
    m.conv("conv", "images", 3, 8, 3, 2, 1);
    m.output("conv_out");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(anyContains(
        r.warnings,
        QStringLiteral("graph input 'images' has no fixed height ('height'); Naqsh assumes 224")));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(resultOf(r.graph, a, "images")->output, TensorShape::nchw(1, 3, 224, 224));
    QCOMPARE(resultOf(r.graph, a, "conv")->output, TensorShape::nchw(1, 8, 112, 112));
}

void tst_OnnxImport::uniqueNames()
{
    Model m(13);
    m.input("x", {"1", "4"});
    m.node("Relu", "act", {"x"}, {"a"});
    m.node("Relu", "act", {"a"}, {"b"});
    m.node("Sigmoid", "", {"b"}, {"y"});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.graph.findByName(QStringLiteral("act")).isValid());
    QVERIFY(r.graph.findByName(QStringLiteral("act_2")).isValid());
    QCOMPARE(typeOf(r.graph, "Sigmoid_2"), QStringLiteral("sigmoid"));
}

void tst_OnnxImport::roundTripsThroughNaqsh()
{
    Model m(14); // Erf: a standard operator Naqsh does not model
    m.input("x", {"1", "16", "8", "8"});
    m.node("Erf", "hs", {"x"}, {"y"});
    m.output("y");
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QByteArray json = NaqshFile::toJson(r.graph, LayerRegistry::builtin());
    QVERIFY(json.contains("\"op_type\": \"Erf\""));
    const NaqshFile::ReadResult back = NaqshFile::fromJson(json, LayerRegistry::builtin());
    QVERIFY2(back.ok(), qPrintable(back.error));
    QVERIFY(back.graph == r.graph);
}

void tst_OnnxImport::fileConvenience()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Model m = inceptionModel();
    m.g->set_name("");
    const QString path = dir.filePath(QStringLiteral("inception_3a.onnx"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m.bytes());
    f.close();
    const ImportResult r = importOnnxFile(path, LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.graph.name, QStringLiteral("inception_3a"));
    const ImportResult missing =
        importOnnxFile(dir.filePath(QStringLiteral("nope.onnx")), LayerRegistry::builtin());
    QVERIFY(missing.error.contains(QStringLiteral("does not exist")));
    QVERIFY(missing.graph.isEmpty());
}

void tst_OnnxImport::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");

    const QByteArray good = lessonModel().bytes();
    QTest::newRow("truncated protobuf") << good.left(good.size() / 2) << "the file is truncated";
    static const char zip[] = "PK\x03\x04 this is a zip, not a model";
    QTest::newRow("wrong magic") << QByteArray(zip, sizeof(zip) - 1) << "not an ONNX model";
    QTest::newRow("text file") << QByteArray("name: \"caffe net\"\nlayer { }\n")
                               << "not an ONNX model";
    QTest::newRow("empty") << QByteArray() << "not an ONNX model";

    {
        Model m;
        m.input("x", {"1", "3", "8", "8"});
        auto *n = m.node("Conv", "conv1", {"x", "W"}, {"y"});
        Model::attr(n, "kernel_shape", {3, 3});
        m.output("y");
        QTest::newRow("missing initializer")
            << m.bytes() << "node 'conv1' (Conv): input 'W' is not produced by any node";
    }
    {
        // IR 3 style: the weight is a graph input, but nothing gives its size.
        Model m;
        m.input("x", {"1", "3", "8", "8"});
        auto *w = m.g->add_input();
        w->set_name("W");
        w->mutable_type()->mutable_tensor_type()->set_elem_type(onnx::TensorProto::FLOAT);
        auto *n = m.node("Conv", "conv1", {"x", "W"}, {"y"});
        Model::attr(n, "kernel_shape", {3, 3});
        m.output("y");
        QTest::newRow("weight without initializer or shape")
            << m.bytes()
            << "node 'conv1' (Conv): weight 'W' has no initializer and its shape is unknown";
    }
    {
        Model m;
        m.input("x", {"1", "4"});
        m.node("Add", "a", {"x", "b_out"}, {"a_out"});
        m.node("Relu", "b", {"a_out"}, {"b_out"});
        m.output("b_out");
        QTest::newRow("cycle") << m.bytes() << "the graph has a cycle: node 'a' (Add)";
    }
    {
        Model m;
        m.input("x", {"1", "3", "5000000", "5000000"});
        m.node("Relu", "r", {"x"}, {"y"});
        m.output("y");
        QTest::newRow("absurd input size")
            << m.bytes() << "graph input 'x': Height must be between 1 and 1000000, not 5000000";
    }
    {
        Model m;
        m.input("x", {"1", "3", "99999999999", "8"});
        m.node("Relu", "r", {"x"}, {"y"});
        m.output("y");
        QTest::newRow("dimension beyond 2^31") << m.bytes() << "larger than 2^31";
    }
    {
        Model m;
        auto *x = m.g->add_input();
        x->set_name("x");
        x->mutable_type()->mutable_tensor_type()->set_elem_type(onnx::TensorProto::FLOAT);
        m.node("Relu", "r", {"x"}, {"y"});
        m.output("y");
        QTest::newRow("input without shape")
            << m.bytes() << "graph input 'x' has no declared shape";
    }
    {
        Model m;
        m.input("x", {"1", "2", "3", "4", "5", "6"});
        m.node("Relu", "r", {"x"}, {"y"});
        m.output("y");
        // Rank 5 is a volume N×C×D×H×W now; rank 6 still has no Input layout.
        QTest::newRow("input of rank 6") << m.bytes() << "graph input 'x' has rank 6";
    }
    {
        Model m;
        m.input("x", {"1", "3", "8", "8"});
        m.weight("c", {4});
        m.node("Add", "only_constants", {"c", "c"}, {"y"});
        m.output("y");
        QTest::newRow("nothing but constants") << m.bytes() << "the model has no layers to import";
    }
}

void tst_OnnxImport::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const ImportResult r = importOnnxBytes(bytes, LayerRegistry::builtin());
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QVERIFY(r.graph.isEmpty()); // never half a graph
}

void tst_OnnxImport::cycleInHandBuiltModel()
{
    // importOnnx also takes models that did not come through the reader's checks.
    OnnxModel m;
    m.opsetVersion = 13;
    OnnxTensorInfo x;
    x.name = QStringLiteral("x");
    x.rankKnown = true;
    x.dims = {1, 4};
    x.dimParams = {QString(), QString()};
    m.inputs = {x};
    OnnxNode a;
    a.name = QStringLiteral("a");
    a.opType = QStringLiteral("Relu");
    a.inputs = {QStringLiteral("b_out")};
    a.outputs = {QStringLiteral("a_out")};
    OnnxNode b = a;
    b.name = QStringLiteral("b");
    b.inputs = {QStringLiteral("a_out")};
    b.outputs = {QStringLiteral("b_out")};
    m.nodes = {a, b};
    const ImportResult r = importOnnx(m, LayerRegistry::builtin());
    QVERIFY2(r.error.contains(QStringLiteral("the graph has a cycle: node 'a' (Relu)")),
             qPrintable(r.error));

    OnnxNode c = a;
    c.inputs = {QStringLiteral("nowhere")};
    m.nodes = {c};
    const ImportResult undefined = importOnnx(m, LayerRegistry::builtin());
    QVERIFY2(undefined.error.contains(QStringLiteral("input 'nowhere' is not produced")),
             qPrintable(undefined.error));
}

void tst_OnnxImport::absurdWeightBecomesOpaque()
{
    // A convolution Naqsh cannot represent (2,000,000 filters, a 3000-wide kernel, a stride of
    // 10^18) is kept as an opaque layer and the user is told why.
    Model m;
    m.input("x", {"1", "3", "8", "8"});
    m.weight("w", {2000000, 3, 1, 1}, false);
    Model::attr(m.node("Conv", "huge", {"x", "w"}, {"a"}), "kernel_shape", {1, 1});
    m.weight("k", {4, 3, 3000, 1}, false);
    m.node("Conv", "wide", {"x", "k"}, {"b"});
    m.weight("t", {3, 4, 2, 2}, false);
    Model::attr(m.node("ConvTranspose", "stride", {"x", "t"}, {"c"}), "strides",
                {1000000000000000000, 1});
    Model::attr(m.node("MaxPool", "pool", {"x"}, {"d"}), "kernel_shape", {4611686018427387904, 2});
    for (const char *o : {"a", "b", "c", "d"})
        m.output(o);
    const ImportResult r = import(m);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(typeOf(r.graph, "huge"), QStringLiteral("opaque"));
    QCOMPARE(typeOf(r.graph, "wide"), QStringLiteral("opaque"));
    QCOMPARE(typeOf(r.graph, "stride"), QStringLiteral("opaque"));
    QCOMPARE(typeOf(r.graph, "pool"), QStringLiteral("opaque"));
    QVERIFY(anyContains(
        r.warnings,
        QStringLiteral(
            "node 'huge' (Conv): Filters (output channels) must be between 1 and 1000000")));
    QVERIFY(anyContains(
        r.warnings,
        QStringLiteral("node 'wide' (Conv): Kernel height must be between 1 and 1024")));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    Q_UNUSED(a);
}

void tst_OnnxImport::mutatedBytesNeverCrash()
{
    const QByteArray good = bottleneckModel().bytes();
    QRandomGenerator rng(20240607);
    int imported = 0;
    for (int round = 0; round < 300; ++round) {
        QByteArray bytes = good;
        const int flips = 1 + int(rng.bounded(8));
        for (int k = 0; k < flips; ++k)
            bytes[int(rng.bounded(int(bytes.size())))] = char(rng.bounded(256));
        if (round % 10 == 0)
            bytes.truncate(int(rng.bounded(int(bytes.size()))));
        const ImportResult r = importOnnxBytes(bytes, LayerRegistry::builtin());
        if (r.ok()) {
            ++imported;
            AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
        } else {
            QVERIFY(r.graph.isEmpty());
        }
    }
    qDebug("%d of 300 mutated models still imported", imported);
}

QTEST_GUILESS_MAIN(tst_OnnxImport)
#include "tst_OnnxImport.moc"
