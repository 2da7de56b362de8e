// ONNX import speed. Target (issue 7): naqsh-cli analyses ResNet-50's .onnx in under 0.5 s.
// A ResNet-50 v1.5 (torchvision layout: 53 convolutions, 53 batch norms, 175 nodes, 25.5 M
// float weights = 102 MB) is synthesised with the ONNX C++ API and written to a temporary file;
// the benchmark times read + import + analysis of that file and prints the median.
// Run: ./build/tests/bench_OnnxImport (Release). Set NAQSH_RESNET50_ONNX=/path/resnet50.onnx to
// also keep the file (e.g. to time `naqsh-cli analyze` on it). Timings are never asserted.
#include "analysis/AnalysisEngine.h"
#include "io/OnnxImporter.h"
#include "io/OnnxReader.h"
#include "layers/LayerRegistry.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace naqsh;

namespace {

class ResNet50
{
public:
    ResNet50()
    {
        m.set_ir_version(8);
        m.set_producer_name("pytorch");
        auto *op = m.add_opset_import();
        op->set_domain("");
        op->set_version(13);
        g = m.mutable_graph();
        g->set_name("resnet50");
        auto *input = g->add_input();
        input->set_name("input");
        auto *tt = input->mutable_type()->mutable_tensor_type();
        tt->set_elem_type(onnx::TensorProto::FLOAT);
        tt->mutable_shape()->add_dim()->set_dim_param("batch_size");
        for (int d : {3, 224, 224})
            tt->mutable_shape()->add_dim()->set_dim_value(d);

        std::string x = convBn("conv1", "bn1", "input", 3, 64, 7, 2, 3);
        x = relu("/relu/Relu", x);
        auto *pool = node("MaxPool", "/maxpool/MaxPool", {x}, "/maxpool/MaxPool_output_0");
        ints(pool, "kernel_shape", {3, 3});
        ints(pool, "strides", {2, 2});
        ints(pool, "pads", {1, 1, 1, 1});
        x = "/maxpool/MaxPool_output_0";
        qint64 in = 64;
        const int blocks[4] = {3, 4, 6, 3};
        for (int stage = 0; stage < 4; ++stage) {
            const qint64 width = qint64(64) << stage;
            for (int b = 0; b < blocks[stage]; ++b) {
                const std::string p = "layer" + std::to_string(stage + 1) + "." + std::to_string(b);
                const qint64 stride = (b == 0 && stage > 0) ? 2 : 1;
                std::string t = relu("/" + p + "/relu1",
                                     convBn(p + ".conv1", p + ".bn1", x, in, width, 1, 1, 0));
                t = relu("/" + p + "/relu2",
                         convBn(p + ".conv2", p + ".bn2", t, width, width, 3, stride, 1));
                t = convBn(p + ".conv3", p + ".bn3", t, width, width * 4, 1, 1, 0);
                std::string shortcut = x;
                if (b == 0)
                    shortcut = convBn(p + ".downsample.0", p + ".downsample.1", x, in, width * 4, 1,
                                      stride, 0);
                node("Add", "/" + p + "/Add", {t, shortcut}, "/" + p + "/Add_output_0");
                x = relu("/" + p + "/relu3", "/" + p + "/Add_output_0");
                in = width * 4;
            }
        }
        node("GlobalAveragePool", "/avgpool/GlobalAveragePool", {x}, "/avgpool/out");
        auto *flat = node("Flatten", "/Flatten", {"/avgpool/out"}, "/Flatten_output_0");
        auto *axis = flat->add_attribute();
        axis->set_name("axis");
        axis->set_type(onnx::AttributeProto::INT);
        axis->set_i(1);
        weight("fc.weight", {1000, 2048});
        weight("fc.bias", {1000});
        auto *fc =
            node("Gemm", "/fc/Gemm", {"/Flatten_output_0", "fc.weight", "fc.bias"}, "output");
        auto *transB = fc->add_attribute();
        transB->set_name("transB");
        transB->set_type(onnx::AttributeProto::INT);
        transB->set_i(1);
        auto *out = g->add_output();
        out->set_name("output");
        out->mutable_type()->mutable_tensor_type()->set_elem_type(onnx::TensorProto::FLOAT);
    }

    QByteArray bytes() const
    {
        std::string s;
        m.SerializeToString(&s);
        return QByteArray(s.data(), qsizetype(s.size()));
    }
    int nodes() const { return g->node_size(); }

private:
    void weight(const std::string &name, const std::vector<qint64> &dims)
    {
        onnx::TensorProto *t = g->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::FLOAT);
        qint64 count = 1;
        for (qint64 d : dims) {
            t->add_dims(d);
            count *= d;
        }
        t->set_raw_data(std::string(size_t(count) * sizeof(float), '\x01'));
    }
    onnx::NodeProto *node(const std::string &op, const std::string &name,
                          const std::vector<std::string> &inputs, const std::string &output)
    {
        onnx::NodeProto *n = g->add_node();
        n->set_op_type(op);
        n->set_name(name);
        for (const auto &s : inputs)
            n->add_input(s);
        n->add_output(output);
        return n;
    }
    static void ints(onnx::NodeProto *n, const std::string &key, const std::vector<qint64> &v)
    {
        auto *a = n->add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::INTS);
        for (qint64 x : v)
            a->add_ints(x);
    }
    std::string relu(const std::string &name, const std::string &x)
    {
        node("Relu", name, {x}, name + "_output_0");
        return name + "_output_0";
    }
    std::string convBn(const std::string &conv, const std::string &bn, const std::string &x,
                       qint64 in, qint64 out, qint64 k, qint64 stride, qint64 pad)
    {
        weight(conv + ".weight", {out, in, k, k});
        auto *c = node("Conv", "/" + conv + "/Conv", {x, conv + ".weight"}, "/" + conv + "/out");
        ints(c, "kernel_shape", {k, k});
        ints(c, "strides", {stride, stride});
        ints(c, "pads", {pad, pad, pad, pad});
        ints(c, "dilations", {1, 1});
        std::vector<std::string> inputs{"/" + conv + "/out"};
        for (const char *p : {".weight", ".bias", ".running_mean", ".running_var"}) {
            weight(bn + p, {out});
            inputs.push_back(bn + p);
        }
        node("BatchNormalization", "/" + bn + "/BatchNormalization", inputs, "/" + bn + "/out");
        return "/" + bn + "/out";
    }

    onnx::ModelProto m;
    onnx::GraphProto *g = nullptr;
};

} // namespace

class bench_OnnxImport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void readImportAnalyzeResNet50();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::vector<qint64> m_times;
};

void bench_OnnxImport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const ResNet50 model;
    const QByteArray bytes = model.bytes();
    QVERIFY(bytes.size() > 100'000'000);
    m_path = qEnvironmentVariableIsSet("NAQSH_RESNET50_ONNX")
                 ? qEnvironmentVariable("NAQSH_RESNET50_ONNX")
                 : m_dir.filePath(QStringLiteral("resnet50.onnx"));
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();
    qInfo("synthetic ResNet-50: %d nodes, %.1f MB", model.nodes(), double(bytes.size()) / 1e6);

    // Correctness at scale: torchvision's published parameter count for ResNet-50.
    const ImportResult r = importOnnxFile(m_path, LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    QCOMPARE(a.totals.params().value(), qint64(25557032));
    qInfo("ResNet-50: %lld params, %lld MACs, %d layers", qlonglong(a.totals.params().value()),
          qlonglong(a.totals.macs.value()), r.graph.size());
}

void bench_OnnxImport::readImportAnalyzeResNet50()
{
    const LayerRegistry &registry = LayerRegistry::builtin();
    QBENCHMARK
    {
        QElapsedTimer t;
        t.start();
        const ImportResult r = importOnnxFile(m_path, registry);
        const AnalysisResult a = AnalysisEngine::analyze(r.graph, registry);
        m_times.push_back(t.nsecsElapsed());
        QVERIFY(r.ok() && a.errorCount == 0);
    }
}

void bench_OnnxImport::cleanupTestCase()
{
    if (m_times.empty())
        return;
    std::sort(m_times.begin(), m_times.end());
    qInfo("read + import + analyse ResNet-50 (102 MB): median %.1f ms over %zu runs (target < 500 "
          "ms)",
          double(m_times[m_times.size() / 2]) / 1e6, m_times.size());
}

QTEST_GUILESS_MAIN(bench_OnnxImport)
#include "bench_OnnxImport.moc"
