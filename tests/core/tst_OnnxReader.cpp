#include "io/OnnxReader.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <onnx/onnx_pb.h>

#include <cctype>
#include <string>
#include <vector>

using namespace naqsh;

namespace {

void setTensorType(onnx::ValueInfoProto *vi, const std::string &name, int elemType,
                   const std::vector<std::string> &dims, bool withShape = true)
{
    vi->set_name(name);
    auto *tt = vi->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(elemType);
    if (!withShape)
        return;
    auto *shape = tt->mutable_shape();
    for (const std::string &d : dims) {
        auto *dim = shape->add_dim();
        if (!d.empty() && (std::isdigit(uchar(d[0])) || d[0] == '-'))
            dim->set_dim_value(std::stoll(d));
        else if (!d.empty())
            dim->set_dim_param(d);
    }
}

onnx::NodeProto *addNode(onnx::GraphProto *g, const std::string &name, const std::string &op,
                         const std::vector<std::string> &inputs,
                         const std::vector<std::string> &outputs)
{
    onnx::NodeProto *n = g->add_node();
    n->set_name(name);
    n->set_op_type(op);
    for (const auto &s : inputs)
        n->add_input(s);
    for (const auto &s : outputs)
        n->add_output(s);
    return n;
}

onnx::AttributeProto *addAttr(onnx::NodeProto *n, const std::string &name,
                              onnx::AttributeProto::AttributeType type)
{
    onnx::AttributeProto *a = n->add_attribute();
    a->set_name(name);
    a->set_type(type);
    return a;
}

constexpr int kOutChannels = 16;

/**
 * input[N,3,8,8] -> Conv(W[16,3,3,3] raw, B[16]) -> Relu -> LeakyRelu -> Reshape(shape from a
 * Constant) -> flat (output declared without a shape). Two dangling Constants carry the Floats
 * and Strings attribute kinds; an unused raw int64 initializer tests value decoding.
 */
onnx::ModelProto makeFixture()
{
    onnx::ModelProto m;
    m.set_ir_version(8);
    m.set_producer_name("naqsh-test");
    m.set_producer_version("1.0");
    auto *opset = m.add_opset_import();
    opset->set_domain("");
    opset->set_version(13);

    onnx::GraphProto *g = m.mutable_graph();
    g->set_name("tiny");
    setTensorType(g->add_input(), "input", onnx::TensorProto::FLOAT, {"N", "3", "8", "8"});

    onnx::TensorProto *w = g->add_initializer();
    w->set_name("W");
    w->set_data_type(onnx::TensorProto::FLOAT);
    for (int d : {kOutChannels, 3, 3, 3})
        w->add_dims(d);
    std::vector<float> weights(kOutChannels * 27);
    for (size_t i = 0; i < weights.size(); ++i)
        weights[i] = float(i) * 0.01f;
    w->set_raw_data(std::string(reinterpret_cast<const char *>(weights.data()),
                                weights.size() * sizeof(float)));

    onnx::TensorProto *b = g->add_initializer();
    b->set_name("B");
    b->set_data_type(onnx::TensorProto::FLOAT);
    b->add_dims(kOutChannels);
    for (int i = 0; i < kOutChannels; ++i)
        b->add_float_data(0.5f * float(i));

    onnx::TensorProto *pads = g->add_initializer();
    pads->set_name("pads_init");
    pads->set_data_type(onnx::TensorProto::INT64);
    pads->add_dims(4);
    const qint64 padValues[4] = {0, 0, 1, -1};
    pads->set_raw_data(std::string(reinterpret_cast<const char *>(padValues), sizeof(padValues)));

    onnx::NodeProto *conv = addNode(g, "conv1", "Conv", {"input", "W", "B"}, {"conv_out"});
    auto *kernel = addAttr(conv, "kernel_shape", onnx::AttributeProto::INTS);
    kernel->add_ints(3);
    kernel->add_ints(3);
    auto *padsAttr = addAttr(conv, "pads", onnx::AttributeProto::INTS);
    for (int p : {1, 1, 1, 1})
        padsAttr->add_ints(p);
    auto *strides = addAttr(conv, "strides", onnx::AttributeProto::INTS);
    strides->add_ints(1);
    strides->add_ints(1);
    addAttr(conv, "group", onnx::AttributeProto::INT)->set_i(1);
    addAttr(conv, "auto_pad", onnx::AttributeProto::STRING)->set_s("NOTSET");

    addNode(g, "relu1", "Relu", {"conv_out"}, {"relu_out"});
    onnx::NodeProto *leaky = addNode(g, "leaky", "LeakyRelu", {"relu_out"}, {"leaky_out"});
    addAttr(leaky, "alpha", onnx::AttributeProto::FLOAT)->set_f(0.25f);

    onnx::NodeProto *shapeConst = addNode(g, "shape_const", "Constant", {}, {"shape"});
    onnx::TensorProto *shapeValue =
        addAttr(shapeConst, "value", onnx::AttributeProto::TENSOR)->mutable_t();
    shapeValue->set_data_type(onnx::TensorProto::INT64);
    shapeValue->add_dims(2);
    shapeValue->add_int64_data(0);
    shapeValue->add_int64_data(-1);

    addNode(g, "flatten", "Reshape", {"leaky_out", "shape"}, {"flat"});

    onnx::NodeProto *floatsConst = addNode(g, "", "Constant", {}, {"scales"});
    auto *floats = addAttr(floatsConst, "value_floats", onnx::AttributeProto::FLOATS);
    floats->add_floats(0.5f);
    floats->add_floats(2.0f);
    onnx::NodeProto *stringsConst = addNode(g, "labels_const", "Constant", {}, {"labels"});
    auto *strings = addAttr(stringsConst, "value_strings", onnx::AttributeProto::STRINGS);
    strings->add_strings("cat");
    strings->add_strings("\xd8\xb4\xdb\x8c\xd8\xb1"); // Persian "lion", UTF-8

    setTensorType(g->add_output(), "flat", onnx::TensorProto::FLOAT, {}, false);
    return m;
}

QByteArray serialize(const onnx::ModelProto &m)
{
    std::string s;
    if (!m.SerializeToString(&s))
        return {};
    return QByteArray(s.data(), qsizetype(s.size()));
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

const OnnxNode *findNode(const OnnxModel &m, const QString &name)
{
    for (const OnnxNode &n : m.nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

// Peak resident memory in kB, after resetting it (Linux), or -1 when unavailable.
qint64 resetPeakMemory()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (!clear.open(QIODevice::WriteOnly) || clear.write("5") != 1)
        return -1;
    return 0;
}

qint64 peakMemoryKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

class TestOnnxReader : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void attributesOfEachKind();
    void initializersKeepDimsNotData();
    void initializersAreNotInputs();
    void bigConstantNodeKeepsDims();
    void shapeInferenceFillsIntermediates();
    void shapeInferenceFailureIsAWarning();
    void fileMatchesBytes();
    void progressAndCancel();
    void bigWeightsAreNotLoaded();
    void truncatedBytesFail();
    void randomBytesAreNotOnnx();
    void mutatedBytesNeverCrash();
    void missingFile();
    void directoryIsNotAModel();
    void undefinedNodeInput();
    void graphWithoutNodes();
    void absurdDims_data();
    void absurdDims();
    void symbolicMinusOneIsUnknown();
    void outOfOrderNodesWarn();
};

void TestOnnxReader::roundTrip()
{
    const OnnxReadResult r = readOnnxBytes(serialize(makeFixture()));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    const OnnxModel &m = r.model;
    QCOMPARE(m.irVersion, 8);
    QCOMPARE(m.producer, QStringLiteral("naqsh-test"));
    QCOMPARE(m.producerVersion, QStringLiteral("1.0"));
    QCOMPARE(m.opsetVersion, 13);
    QCOMPARE(m.opsetImports.value(QString()), 13);
    QCOMPARE(m.graphName, QStringLiteral("tiny"));

    QCOMPARE(m.inputs.size(), 1);
    QCOMPARE(m.inputs[0].name, QStringLiteral("input"));
    QCOMPARE(m.inputs[0].dims, (QVector<qint64>{-1, 3, 8, 8}));
    QCOMPARE(m.inputs[0].dimParams.first(), QStringLiteral("N"));
    QCOMPARE(m.inputs[0].elemType, 1);
    QVERIFY(m.inputs[0].rankKnown);
    QCOMPARE(m.inputs[0].elementCount(), -1);

    QCOMPARE(m.outputs.size(), 1);
    QCOMPARE(m.outputs[0].name, QStringLiteral("flat"));

    QCOMPARE(m.nodes.size(), 7);
    const QStringList ops = {"Conv",    "Relu",     "LeakyRelu", "Constant",
                             "Reshape", "Constant", "Constant"};
    for (int i = 0; i < ops.size(); ++i)
        QCOMPARE(m.nodes[i].opType, ops[i]);
    const OnnxNode &conv = m.nodes[0];
    QCOMPARE(conv.name, QStringLiteral("conv1"));
    QVERIFY(conv.isStandardDomain());
    QCOMPARE(conv.inputs, (QStringList{"input", "W", "B"}));
    QCOMPARE(conv.outputs, QStringList{"conv_out"});
    QCOMPARE(m.nodes[4].inputs, (QStringList{"leaky_out", "shape"}));
    QCOMPARE(m.nodes[5].displayName(5), QStringLiteral("#5 (Constant)"));
    QCOMPARE(conv.displayName(0), QStringLiteral("'conv1' (Conv)"));
    QVERIFY(m.warnings.isEmpty());
}

void TestOnnxReader::attributesOfEachKind()
{
    const OnnxReadResult r = readOnnxBytes(serialize(makeFixture()));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    const OnnxNode &conv = r.model.nodes[0];
    QCOMPARE(conv.attributes.size(), 5);

    const OnnxAttribute *kernel = conv.attribute(u"kernel_shape");
    QVERIFY(kernel);
    QCOMPARE(kernel->kind, OnnxAttribute::Kind::Ints);
    QCOMPARE(kernel->ints, (QVector<qint64>{3, 3}));
    QCOMPARE(conv.attrInts(u"pads"), (QVector<qint64>{1, 1, 1, 1}));
    QCOMPARE(conv.attribute(u"group")->kind, OnnxAttribute::Kind::Int);
    QCOMPARE(conv.attrInt(u"group", 7), 1);
    QCOMPARE(conv.attribute(u"auto_pad")->kind, OnnxAttribute::Kind::String);
    QCOMPARE(conv.attrString(u"auto_pad"), QStringLiteral("NOTSET"));
    // Defaults for absent attributes and for a kind mismatch.
    QCOMPARE(conv.attrInts(u"dilations", {1, 1}), (QVector<qint64>{1, 1}));
    QCOMPARE(conv.attrInt(u"auto_pad", -5), -5);
    QVERIFY(!conv.hasAttribute(u"dilations"));

    const OnnxNode *leaky = findNode(r.model, QStringLiteral("leaky"));
    QVERIFY(leaky);
    QCOMPARE(leaky->attribute(u"alpha")->kind, OnnxAttribute::Kind::Float);
    QCOMPARE(leaky->attrFloat(u"alpha"), 0.25);

    const OnnxNode *shapeConst = findNode(r.model, QStringLiteral("shape_const"));
    QVERIFY(shapeConst);
    const OnnxAttribute *value = shapeConst->attribute(u"value");
    QCOMPARE(value->kind, OnnxAttribute::Kind::Tensor);
    QCOMPARE(value->tensor.dims, QVector<qint64>{2});
    QCOMPARE(value->tensor.elemType, 7);
    QVERIFY(value->tensor.hasValues);
    QCOMPARE(value->tensor.ints, (QVector<qint64>{0, -1}));

    const OnnxNode &floatsConst = r.model.nodes[5];
    QCOMPARE(floatsConst.attribute(u"value_floats")->kind, OnnxAttribute::Kind::Floats);
    QCOMPARE(floatsConst.attrFloats(u"value_floats"), (QVector<double>{0.5, 2.0}));

    const OnnxNode *labels = findNode(r.model, QStringLiteral("labels_const"));
    QCOMPARE(labels->attribute(u"value_strings")->kind, OnnxAttribute::Kind::Strings);
    QCOMPARE(labels->attrStrings(u"value_strings"),
             (QStringList{QStringLiteral("cat"), QStringLiteral("\u0634\u06cc\u0631")}));
}

void TestOnnxReader::initializersKeepDimsNotData()
{
    const OnnxReadResult r = readOnnxBytes(serialize(makeFixture()));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    const auto &inits = r.model.initializers;
    QCOMPARE(inits.size(), 3);

    const OnnxTensorInfo w = inits.value(QStringLiteral("W"));
    QCOMPARE(w.dims, (QVector<qint64>{kOutChannels, 3, 3, 3}));
    QCOMPARE(w.elemType, 1);
    QCOMPARE(w.elementCount(), kOutChannels * 27);
    QVERIFY(!w.hasValues);
    QVERIFY(w.floats.isEmpty());
    QVERIFY(w.ints.isEmpty());

    const OnnxTensorInfo b = inits.value(QStringLiteral("B"));
    QCOMPARE(b.dims, QVector<qint64>{kOutChannels});
    QVERIFY(b.hasValues); // 16 <= kOnnxMaxKeptValues
    QCOMPARE(b.floats.size(), kOutChannels);
    QCOMPARE(b.floats[3], 1.5);

    const OnnxTensorInfo pads = inits.value(QStringLiteral("pads_init"));
    QVERIFY(pads.hasValues);
    QCOMPARE(pads.ints, (QVector<qint64>{0, 0, 1, -1}));
}

void TestOnnxReader::initializersAreNotInputs()
{
    // IR version 3 exporters list every initializer as a graph input too.
    onnx::ModelProto m = makeFixture();
    m.set_ir_version(3);
    setTensorType(m.mutable_graph()->add_input(), "W", onnx::TensorProto::FLOAT,
                  {std::to_string(kOutChannels), "3", "3", "3"});
    const OnnxReadResult r = readOnnxBytes(serialize(m));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.model.inputs.size(), 1);
    QCOMPARE(r.model.inputs[0].name, QStringLiteral("input"));
    QVERIFY(r.model.initializers.contains(QStringLiteral("W")));
}

void TestOnnxReader::bigConstantNodeKeepsDims()
{
    // Converters from TensorFlow often store weights in Constant nodes instead of initializers.
    onnx::ModelProto m = makeFixture();
    onnx::NodeProto *c = addNode(m.mutable_graph(), "w_const", "Constant", {}, {"w_const_out"});
    onnx::TensorProto *t = addAttr(c, "value", onnx::AttributeProto::TENSOR)->mutable_t();
    t->set_data_type(onnx::TensorProto::FLOAT);
    t->add_dims(10);
    t->add_dims(100);
    for (int i = 0; i < 1000; ++i)
        t->add_float_data(float(i));
    const OnnxReadResult r = readOnnxBytes(serialize(m));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    const OnnxAttribute *value = r.model.nodes.last().attribute(u"value");
    QVERIFY(value);
    QCOMPARE(value->tensor.dims, (QVector<qint64>{10, 100}));
    QCOMPARE(value->tensor.elemType, 1);
    QVERIFY(!value->tensor.hasValues);
    QCOMPARE(r.model.valueInfo.value(QStringLiteral("w_const_out")).dims,
             (QVector<qint64>{10, 100}));
}

void TestOnnxReader::shapeInferenceFillsIntermediates()
{
    const OnnxReadResult r = readOnnxBytes(serialize(makeFixture()));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    const auto &vi = r.model.valueInfo;

    QVERIFY(vi.contains(QStringLiteral("conv_out")));
    const OnnxTensorInfo conv = vi.value(QStringLiteral("conv_out"));
    QVERIFY(conv.rankKnown);
    QCOMPARE(conv.dims, (QVector<qint64>{-1, kOutChannels, 8, 8}));
    QCOMPARE(conv.dimParams[0], QStringLiteral("N"));
    QCOMPARE(conv.elemType, 1);
    QCOMPARE(vi.value(QStringLiteral("leaky_out")).dims, conv.dims);

    // Reshape to [0, -1] with a symbolic batch: rank 2 is known, the second size is not.
    const OnnxTensorInfo flat = vi.value(QStringLiteral("flat"));
    QVERIFY(flat.rankKnown);
    QCOMPARE(flat.dims.size(), 2);
    QCOMPARE(r.model.outputs[0].dims.size(), 2);

    // With a concrete batch every size is known.
    onnx::ModelProto m = makeFixture();
    m.mutable_graph()
        ->mutable_input(0)
        ->mutable_type()
        ->mutable_tensor_type()
        ->mutable_shape()
        ->mutable_dim(0)
        ->set_dim_value(2);
    const OnnxReadResult fixed = readOnnxBytes(serialize(m));
    QVERIFY2(fixed.ok(), qPrintable(fixed.errorMessage));
    QCOMPARE(fixed.model.valueInfo.value(QStringLiteral("flat")).dims,
             (QVector<qint64>{2, kOutChannels * 64}));
    QCOMPARE(fixed.model.outputs[0].dims, (QVector<qint64>{2, kOutChannels * 64}));
}

void TestOnnxReader::shapeInferenceFailureIsAWarning()
{
    // A value_info that contradicts the inferred rank makes ONNX shape inference throw.
    onnx::ModelProto m = makeFixture();
    setTensorType(m.mutable_graph()->add_value_info(), "relu_out", onnx::TensorProto::FLOAT,
                  {"1", "2", "3"});
    const OnnxReadResult r = readOnnxBytes(serialize(m));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.model.warnings.size(), 1);
    QVERIFY2(r.model.warnings[0].startsWith(QStringLiteral("shape inference stopped early")),
             qPrintable(r.model.warnings[0]));
    QCOMPARE(r.model.nodes.size(), 7);

    // A node ONNX rejects is named in a warning; nodes downstream of it add no noise.
    onnx::ModelProto badAxis = makeFixture();
    onnx::NodeProto *node = badAxis.mutable_graph()->mutable_node(1);
    node->set_op_type("Softmax");
    addAttr(node, "axis", onnx::AttributeProto::INT)->set_i(9);
    const OnnxReadResult b = readOnnxBytes(serialize(badAxis));
    QVERIFY2(b.ok(), qPrintable(b.errorMessage));
    QCOMPARE(b.model.warnings,
             QStringList{QStringLiteral("node 'relu1' (Softmax): shape inference failed: "
                                        "[ShapeInferenceError] 'axis' must be in [-4 , 3]. Its "
                                        "actual value is: 9")});
    QVERIFY(b.model.valueInfo.value(QStringLiteral("conv_out")).rankKnown);
}

void TestOnnxReader::fileMatchesBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray bytes = serialize(makeFixture());
    const QString path = writeFile(dir, QStringLiteral("tiny.onnx"), bytes);
    QVERIFY(!path.isEmpty());
    const OnnxReadResult fromFile = readOnnxFile(path);
    QVERIFY2(fromFile.ok(), qPrintable(fromFile.errorMessage));
    const OnnxReadResult fromBytes = readOnnxBytes(bytes);
    QCOMPARE(fromFile.model.nodes.size(), fromBytes.model.nodes.size());
    QCOMPARE(fromFile.model.initializers.value(QStringLiteral("W")).dims,
             fromBytes.model.initializers.value(QStringLiteral("W")).dims);
    QCOMPARE(fromFile.model.valueInfo.size(), fromBytes.model.valueInfo.size());
}

void TestOnnxReader::progressAndCancel()
{
    QTemporaryDir dir;
    const QByteArray bytes = serialize(makeFixture());
    const QString path = writeFile(dir, QStringLiteral("tiny.onnx"), bytes);

    QList<OnnxReadStage> stages;
    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    const OnnxReadResult r =
        readOnnxFile(path, [&](OnnxReadStage stage, qint64 done, qint64 total) {
            if (stages.isEmpty() || stages.last() != stage)
                stages << stage;
            if (stage == OnnxReadStage::Reading) {
                lastDone = done;
                lastTotal = total;
            }
            return true;
        });
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(stages, (QList<OnnxReadStage>{OnnxReadStage::Reading, OnnxReadStage::InferringShapes,
                                           OnnxReadStage::Converting}));
    QCOMPARE(lastTotal, bytes.size());
    QCOMPARE(lastDone, bytes.size());

    for (OnnxReadStage cancelAt :
         {OnnxReadStage::Reading, OnnxReadStage::InferringShapes, OnnxReadStage::Converting}) {
        const OnnxReadResult c = readOnnxBytes(
            bytes, [&](OnnxReadStage stage, qint64, qint64) { return stage != cancelAt; });
        QCOMPARE(c.error, OnnxReadError::Cancelled);
        QCOMPARE(c.errorMessage, QStringLiteral("reading was cancelled"));
        QVERIFY(c.model.nodes.isEmpty());
    }
}

void TestOnnxReader::bigWeightsAreNotLoaded()
{
    // A 64 MB weight must be seeked over: peak memory while reading stays far below it.
    constexpr qint64 kRows = 4096;
    constexpr qint64 kCols = 4096;
    QTemporaryDir dir;
    QString path;
    {
        onnx::ModelProto m = makeFixture();
        onnx::TensorProto *big = m.mutable_graph()->add_initializer();
        big->set_name("fc_big");
        big->set_data_type(onnx::TensorProto::FLOAT);
        big->add_dims(kRows);
        big->add_dims(kCols);
        big->mutable_raw_data()->assign(size_t(kRows * kCols * 4), '\x01');
        path = writeFile(dir, QStringLiteral("big.onnx"), serialize(m));
    }
    QVERIFY(!path.isEmpty());
    QVERIFY(QFileInfo(path).size() > kRows * kCols * 4);

    const bool canMeasure = resetPeakMemory() == 0;
    const qint64 before = peakMemoryKb();
    qint64 progressCalls = 0;
    const OnnxReadResult r = readOnnxFile(path, [&](OnnxReadStage, qint64, qint64) {
        ++progressCalls;
        return true;
    });
    const qint64 after = peakMemoryKb();
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    const OnnxTensorInfo big = r.model.initializers.value(QStringLiteral("fc_big"));
    QCOMPARE(big.dims, (QVector<qint64>{kRows, kCols}));
    QVERIFY(!big.hasValues);
    QVERIFY(progressCalls >= 3);
    if (!canMeasure || before < 0 || after < 0)
        QSKIP("peak memory cannot be measured on this system");
    qDebug("peak memory grew by %lld kB while reading a %lld MB file", after - before,
           QFileInfo(path).size() >> 20);
    QVERIFY2(after - before < 16 * 1024, qPrintable(QString::number(after - before)));
}

void TestOnnxReader::truncatedBytesFail()
{
    const QByteArray bytes = serialize(makeFixture());
    QVERIFY(bytes.size() > 1000);
    int truncatedCode = 0;
    for (qsizetype n = 0; n < bytes.size(); n += 37) {
        const OnnxReadResult r = readOnnxBytes(QByteArrayView(bytes).first(n));
        QVERIFY2(!r.ok(), qPrintable(QString::number(n)));
        QVERIFY(!r.errorMessage.isEmpty());
        QVERIFY(r.model.nodes.isEmpty());
        if (r.error == OnnxReadError::Truncated)
            ++truncatedCode;
    }
    const OnnxReadResult last = readOnnxBytes(QByteArrayView(bytes).first(bytes.size() - 1));
    QCOMPARE(last.error, OnnxReadError::Truncated);
    QVERIFY2(last.errorMessage.startsWith(QStringLiteral("the file is truncated")),
             qPrintable(last.errorMessage));
    QVERIFY(truncatedCode > bytes.size() / 37 / 2);
}

void TestOnnxReader::randomBytesAreNotOnnx()
{
    QRandomGenerator rng(1234);
    for (int round = 0; round < 200; ++round) {
        QByteArray noise(1 + int(rng.bounded(8192)), Qt::Uninitialized);
        for (char &c : noise)
            c = char(rng.bounded(256));
        const OnnxReadResult r = readOnnxBytes(noise);
        QCOMPARE(r.error, OnnxReadError::NotOnnx);
        QVERIFY2(r.errorMessage.startsWith(QStringLiteral("not an ONNX model")),
                 qPrintable(r.errorMessage));
    }
    QCOMPARE(readOnnxBytes(QByteArray()).error, OnnxReadError::NotOnnx);
    const QByteArray prototxt("name: \"LeNet\"\nlayer { type: \"Convolution\" }\n");
    QCOMPARE(readOnnxBytes(prototxt).error, OnnxReadError::NotOnnx);
}

void TestOnnxReader::mutatedBytesNeverCrash()
{
    // Damage inside the graph reaches protobuf, validation and shape inference; any outcome but
    // a crash (or a sanitizer report) is fine.
    const QByteArray bytes = serialize(makeFixture());
    QRandomGenerator rng(99);
    int ok = 0;
    // Under the sanitizers each read is tens of times slower: fewer rounds there (the libFuzzer
    // target fuzz_onnx runs millions of mutations).
#ifdef NAQSH_SANITIZED
    const int rounds = 200;
#else
    const int rounds = 1500;
#endif
    for (int round = 0; round < rounds; ++round) {
        QByteArray b = bytes;
        const int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits; ++e)
            b[int(rng.bounded(int(b.size())))] = char(rng.bounded(256));
        const OnnxReadResult r = readOnnxBytes(b);
        if (r.ok())
            ++ok;
        else
            QVERIFY(!r.errorMessage.isEmpty());
    }
    QVERIFY(ok > 0);
}

void TestOnnxReader::missingFile()
{
    const QString path = QStringLiteral("/nonexistent/dir/model.onnx");
    const OnnxReadResult r = readOnnxFile(path);
    QCOMPARE(r.error, OnnxReadError::FileError);
    QVERIFY2(r.errorMessage.contains(path), qPrintable(r.errorMessage));
    QVERIFY(r.errorMessage.contains(QStringLiteral("does not exist")));
}

void TestOnnxReader::directoryIsNotAModel()
{
    QTemporaryDir dir;
    const OnnxReadResult r = readOnnxFile(dir.path());
    QCOMPARE(r.error, OnnxReadError::FileError);
    QVERIFY(r.errorMessage.contains(dir.path()));
}

void TestOnnxReader::undefinedNodeInput()
{
    onnx::ModelProto m = makeFixture();
    m.mutable_graph()->mutable_node(1)->set_input(0, "ghost");
    const OnnxReadResult r = readOnnxBytes(serialize(m));
    QCOMPARE(r.error, OnnxReadError::InvalidModel);
    QCOMPARE(r.errorMessage,
             QStringLiteral("node 'relu1' (Relu): input 'ghost' is not produced by any node and is "
                            "not a graph input or initializer"));

    // Empty names mark omitted optional inputs and are fine.
    onnx::ModelProto optional = makeFixture();
    optional.mutable_graph()->mutable_node(0)->set_input(2, "");
    QVERIFY(readOnnxBytes(serialize(optional)).ok());

    onnx::ModelProto badOutput = makeFixture();
    badOutput.mutable_graph()->mutable_output(0)->set_name("nowhere");
    const OnnxReadResult o = readOnnxBytes(serialize(badOutput));
    QCOMPARE(o.error, OnnxReadError::InvalidModel);
    QVERIFY(o.errorMessage.contains(QStringLiteral("'nowhere'")));
}

void TestOnnxReader::graphWithoutNodes()
{
    onnx::ModelProto m = makeFixture();
    m.mutable_graph()->clear_node();
    m.mutable_graph()->clear_output();
    const OnnxReadResult r = readOnnxBytes(serialize(m));
    QCOMPARE(r.error, OnnxReadError::InvalidModel);
    QCOMPARE(r.errorMessage, QStringLiteral("graph 'tiny' has no nodes"));

    onnx::ModelProto noGraph = makeFixture();
    noGraph.clear_graph();
    QCOMPARE(readOnnxBytes(serialize(noGraph)).error, OnnxReadError::InvalidModel);

    onnx::ModelProto noOpset = makeFixture();
    noOpset.clear_opset_import();
    QCOMPARE(readOnnxBytes(serialize(noOpset)).error, OnnxReadError::InvalidModel);
}

void TestOnnxReader::absurdDims_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<qint64>("dim");
    QTest::addColumn<QString>("message");

    QTest::newRow("negative initializer dim")
        << "initializer" << qint64(-3) << "initializer 'B': negative dimension -3";
    QTest::newRow("minus one initializer dim")
        << "initializer" << qint64(-1) << "initializer 'B': negative dimension -1";
    QTest::newRow("huge initializer dim")
        << "initializer" << (qint64(1) << 40)
        << "initializer 'B': dimension 1099511627776 is larger than 2^31";
    QTest::newRow("negative input dim")
        << "input" << qint64(-2) << "graph input 'input': negative dimension -2";
    QTest::newRow("huge input dim")
        << "input" << (qint64(1) << 31) + 1
        << "graph input 'input': dimension 2147483649 is larger than 2^31";
    QTest::newRow("huge attribute tensor dim")
        << "attribute" << (qint64(1) << 33)
        << "node 'shape_const' (Constant), attribute 'value': dimension 8589934592 is larger "
           "than 2^31";
}

void TestOnnxReader::absurdDims()
{
    QFETCH(QString, where);
    QFETCH(qint64, dim);
    QFETCH(QString, message);
    onnx::ModelProto m = makeFixture();
    onnx::GraphProto *g = m.mutable_graph();
    if (where == u"initializer") {
        g->mutable_initializer(1)->set_dims(0, dim);
    } else if (where == u"input") {
        g->mutable_input(0)
            ->mutable_type()
            ->mutable_tensor_type()
            ->mutable_shape()
            ->mutable_dim(2)
            ->set_dim_value(dim);
    } else {
        g->mutable_node(3)->mutable_attribute(0)->mutable_t()->set_dims(0, dim);
    }
    const OnnxReadResult r = readOnnxBytes(serialize(m));
    QCOMPARE(r.error, OnnxReadError::InvalidModel);
    QCOMPARE(r.errorMessage, message);
}

void TestOnnxReader::symbolicMinusOneIsUnknown()
{
    onnx::ModelProto m = makeFixture();
    m.mutable_graph()
        ->mutable_input(0)
        ->mutable_type()
        ->mutable_tensor_type()
        ->mutable_shape()
        ->mutable_dim(0)
        ->set_dim_value(-1);
    const OnnxReadResult r = readOnnxBytes(serialize(m));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.model.inputs[0].dims, (QVector<qint64>{-1, 3, 8, 8}));
    QCOMPARE(r.model.inputs[0].dimParams[0], QString());
}

void TestOnnxReader::outOfOrderNodesWarn()
{
    onnx::ModelProto m = makeFixture();
    m.mutable_graph()->mutable_node()->SwapElements(0, 1);
    const OnnxReadResult r = readOnnxBytes(serialize(m));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QVERIFY(!r.model.warnings.isEmpty());
    QCOMPARE(r.model.warnings[0],
             QStringLiteral("node 'relu1' (Relu) uses 'conv_out' before the node that produces "
                            "it; nodes are not in topological order"));
    QCOMPARE(r.model.nodes[0].opType, QStringLiteral("Relu"));
}

QTEST_GUILESS_MAIN(TestOnnxReader)
#include "tst_OnnxReader.moc"
