// Numerical agreement with PyTorch: each graph runs in the executor; the PyTorch code export,
// the executor's weights and its input go to /usr/bin/python3 (tests/tools/torch_compare.py),
// which loads them into the generated module and compares every layer's output.
#include "analysis/AnalysisEngine.h"
#include "exec/Executor.h"
#include "exec/TorchCheck.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace naqsh;

class tst_ExecutorTorch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void examples_data();
    void examples();
    void everyLayerType();
    void activationsAndArithmetic();
    void normalisations();
    void tensorOperations();
    void attention();
    void visionBlocks();
    void windowAttention();
    void convolutionPaths_data();
    void convolutionPaths();

private:
    /// Runs @p graph in the executor and in PyTorch; fails on any layer that disagrees.
    void agree(const Graph &graph, int expectedLayers);
    bool m_torch = false;
    QTemporaryDir m_dir;
    /// torch_compare.py --serve: PyTorch is imported once for every comparison.
    QProcess m_python;
};

void tst_ExecutorTorch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QStringLiteral("import torch, numpy")});
    m_torch =
        p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!m_torch)
        return;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    m_python.setProcessEnvironment(env);
    m_python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_python.start(QStringLiteral("/usr/bin/python3"),
                   {QStringLiteral(NAQSH_SOURCE_DIR "/tests/tools/torch_compare.py"),
                    QStringLiteral("--serve")});
    QVERIFY(m_python.waitForStarted(60000));
}

void tst_ExecutorTorch::cleanupTestCase()
{
    if (m_python.state() == QProcess::NotRunning)
        return;
    m_python.closeWriteChannel();
    if (!m_python.waitForFinished(30000))
        m_python.kill();
}

void tst_ExecutorTorch::agree(const Graph &graph, int expectedLayers)
{
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot import torch and numpy (scripts/deps --test)");
    const AnalysisResult a = AnalysisEngine::analyze(graph, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    Executor ex(graph, LayerRegistry::builtin(), a);
    QVERIFY(ex.prepare());
    QVERIFY(ex.runOnce());
    static int n = 0;
    const QString dir = m_dir.filePath(QStringLiteral("case%1").arg(++n));
    QString error;
    QVERIFY2(writeTorchCheck(ex, LayerRegistry::builtin(), a, dir, &error), qPrintable(error));

    m_python.write((dir + QLatin1Char('\n')).toUtf8());
    QStringList lines;
    for (bool end = false; !end;) {
        while (!m_python.canReadLine())
            QVERIFY2(m_python.waitForReadyRead(300000), "torch_compare.py stopped answering");
        const QString line = QString::fromUtf8(m_python.readLine()).trimmed();
        end = line == QLatin1String("{\"end\": true}");
        if (!end && !line.isEmpty())
            lines << line;
    }
    QVERIFY(!lines.isEmpty());
    QVERIFY2(!lines.first().startsWith(QLatin1String("{\"error\"")), qPrintable(lines.first()));
    int compared = 0;
    for (const QString &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (o.contains(QStringLiteral("unused_weights"))) {
            QVERIFY2(o.value(QStringLiteral("unused_weights")).toArray().isEmpty(),
                     qPrintable(line));
            QVERIFY2(o.value(QStringLiteral("missing_state")).toArray().isEmpty(),
                     qPrintable(line));
            continue;
        }
        const QString layer = o.value(QStringLiteral("layer")).toString();
        QVERIFY2(!o.contains(QStringLiteral("missing")), qPrintable(layer + " not in forward()"));
        QVERIFY2(o.value(QStringLiteral("shape_ok")).toBool(), qPrintable(layer));
        const double maxAbs = o.value(QStringLiteral("max_abs")).toDouble();
        const double maxRef = o.value(QStringLiteral("max_ref")).toDouble();
        // float32 sums of up to a few thousand products: relative error well below 1e-4.
        const double tolerance = 1e-5 + 2e-4 * maxRef;
        QVERIFY2(maxAbs <= tolerance, qPrintable(QStringLiteral("%1: max |torch − naqsh| = %2, "
                                                                "max |torch| = %3")
                                                     .arg(layer)
                                                     .arg(maxAbs)
                                                     .arg(maxRef)));
        ++compared;
    }
    QCOMPARE(compared, expectedLayers);
}

void tst_ExecutorTorch::examples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("layers"); // layers with an output tensor, inputs excluded
    QTest::newRow("lesson") << "lesson.naqsh" << 4;
    QTest::newRow("inception 3a") << "inception_3a.naqsh" << 14;
    QTest::newRow("resnet bottleneck") << "resnet50_bottleneck.naqsh" << 12;
    QTest::newRow("mobilenet") << "mobilenet_separable.naqsh" << 9;
    QTest::newRow("se block") << "se_block.naqsh" << 10;
    QTest::newRow("shufflenet unit") << "shufflenet_v2_unit.naqsh" << 12; // the chunk's 2
    QTest::newRow("convnext block") << "convnext_block.naqsh" << 9;
    QTest::newRow("vit encoder block") << "vit_encoder_block.naqsh" << 8;
}

void tst_ExecutorTorch::examples()
{
    QFETCH(QString, file);
    QFETCH(int, layers);
    const auto r = NaqshFile::read(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/") + file,
                                   LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    agree(r.graph, layers);
}

namespace {
struct Builder
{
    GraphModel m{LayerRegistry::builtin()};
    LayerId add(const char *type, const char *name, const QVariantMap &params = {},
                QVector<LayerId> inputs = {})
    {
        const LayerId id = m.addLayer(QString::fromLatin1(type), QString::fromLatin1(name));
        if (!id.isValid())
            qFatal("cannot add %s", type);
        for (auto it = params.begin(); it != params.end(); ++it) {
            QString why;
            if (!m.setParam(id, it.key(), it.value(), &why))
                qFatal("%s.%s: %s", name, qPrintable(it.key()), qPrintable(why));
        }
        for (LayerId in : inputs) {
            QString why;
            if (!m.connectLayers(in, id, -1, &why))
                qFatal("%s: %s", name, qPrintable(why));
        }
        return id;
    }
    /// Output @p port of @p from into the next input slot of @p to.
    void connect(LayerId from, int port, LayerId to)
    {
        QString why;
        if (!m.connectLayers(from, to, -1, &why, port))
            qFatal("%s", qPrintable(why));
    }
};
} // namespace

/// One graph with every layer type that has a kernel, with uneven sizes, strides, padding,
/// dilation, groups, ceil mode and broadcasting.
void tst_ExecutorTorch::everyLayerType()
{
    Builder b;
    const LayerId in =
        b.add("input", "image", {{"channels", 3}, {"height", 33}, {"width", 31}, {"batch", 2}});
    const LayerId c1 = b.add("conv2d", "stem conv",
                             {{"out_channels", 16},
                              {"kernel_h", 4},
                              {"kernel_w", 3},
                              {"stride_h", 2},
                              {"stride_w", 2},
                              {"padding", "same"}},
                             {in});
    const LayerId bn = b.add("batchnorm2d", "bn", {{"eps", 0.001}}, {c1});
    const LayerId lr = b.add("leaky_relu", "leaky", {{"negative_slope", 0.2}}, {bn});
    const LayerId mp = b.add("maxpool2d", "pool",
                             {{"kernel_h", 3},
                              {"kernel_w", 3},
                              {"stride_h", 2},
                              {"stride_w", 2},
                              {"pad_h", 1},
                              {"pad_w", 1},
                              {"ceil_mode", true}},
                             {lr});
    const LayerId dw = b.add("conv2d", "depthwise",
                             {{"out_channels", 32},
                              {"kernel_h", 3},
                              {"kernel_w", 3},
                              {"groups", 16},
                              {"dilation_h", 2},
                              {"dilation_w", 2},
                              {"padding", "valid"},
                              {"bias", false}},
                             {mp});
    const LayerId ap = b.add("avgpool2d", "avg",
                             {{"kernel_h", 3},
                              {"kernel_w", 2},
                              {"stride_h", 2},
                              {"stride_w", 1},
                              {"pad_h", 1},
                              {"ceil_mode", true}},
                             {dw});
    const LayerId up =
        b.add("upsample", "up", {{"mode", "bilinear"}, {"scale_h", 2.0}, {"scale_w", 1.5}}, {ap});
    const LayerId up2 = b.add("upsample", "up nearest",
                              {{"mode", "nearest"}, {"scale_h", 2.0}, {"scale_w", 3.0}}, {up});
    const LayerId pad =
        b.add("zeropad2d", "pad", {{"left", 1}, {"right", 2}, {"top", 0}, {"bottom", 3}}, {up2});
    const LayerId ct = b.add("conv_transpose2d", "deconv",
                             {{"out_channels", 8},
                              {"kernel_h", 3},
                              {"kernel_w", 3},
                              {"stride_h", 2},
                              {"stride_w", 2},
                              {"pad_h", 1},
                              {"pad_w", 1},
                              {"output_pad_h", 1},
                              {"output_pad_w", 0},
                              {"groups", 2}},
                             {pad});
    const LayerId pr = b.add("prelu", "prelu", {}, {ct});
    const LayerId lrn = b.add("lrn", "lrn", {{"size", 3}}, {pr});
    const LayerId gap = b.add("global_avgpool", "gap", {}, {lrn});
    const LayerId sum = b.add("add", "broadcast add", {}, {lrn, gap}); // N×8×H×W + N×8×1×1
    const LayerId ad =
        b.add("adaptive_avgpool2d", "adaptive", {{"output_h", 3}, {"output_w", 5}}, {sum});
    const LayerId r6 = b.add("relu6", "relu6", {}, {ad});
    const LayerId sg = b.add("sigmoid", "sig", {}, {r6});
    const LayerId th = b.add("tanh", "tanh", {}, {ad});
    const LayerId ge = b.add("gelu", "gelu", {}, {ad});
    const LayerId three = b.add("add", "three way", {}, {sg, th, ge});
    const LayerId id = b.add("identity", "skip", {}, {three});
    const LayerId fl = b.add("flatten", "flat", {}, {id});
    const LayerId dr = b.add("dropout", "drop", {{"p", 0.25}}, {fl});
    const LayerId fc = b.add("linear", "fc", {{"out_features", 10}}, {dr});
    const LayerId sm = b.add("softmax", "probs", {}, {fc});
    const LayerId rl = b.add("relu", "relu", {}, {fc});
    const LayerId cat = b.add("concat", "cat", {}, {sm, rl});
    b.add("output", "out", {}, {cat});
    agree(b.m.graph(), 27);
}

/// The modern activations and element-wise arithmetic with broadcasting and constant operands.
void tst_ExecutorTorch::activationsAndArithmetic()
{
    Builder b;
    const LayerId x =
        b.add("input", "x", {{"channels", 6}, {"height", 5}, {"width", 7}, {"batch", 2}});
    const LayerId silu = b.add("silu", "silu", {}, {x});
    const LayerId hs = b.add("hardswish", "hswish", {}, {x});
    const LayerId hsig = b.add("hardsigmoid", "hsig", {}, {x});
    const LayerId mish = b.add("mish", "mish", {}, {x});
    const LayerId sp = b.add("softplus", "softplus", {}, {x});
    const LayerId elu = b.add("elu", "elu", {{"alpha", 0.7}}, {x});
    const LayerId gt = b.add("gelu", "gelu tanh", {{"approximate", "tanh"}}, {x});
    const LayerId gap = b.add("global_avgpool", "gap", {}, {x});
    const LayerId gate = b.add("mul", "gate", {}, {silu, gap}); // N×6×5×7 · N×6×1×1
    const LayerId diff = b.add("sub", "diff", {}, {hs, mish});
    const LayerId quot = b.add("div", "quot", {}, {elu, hsig}); // hardsigmoid ≥ 1/3 here
    const LayerId scale = b.add(
        "mul", "layer scale", {{"constant_operand", true}, {"params", 6}, {"value", 1e-6}}, {gate});
    const LayerId half =
        b.add("mul", "half", {{"constant_operand", true}, {"value", 0.125}}, {diff});
    const LayerId sum = b.add("add", "sum", {}, {scale, half, quot, gt, sp});
    b.add("sub", "shift", {{"constant_operand", true}, {"params", 7}}, {sum}); // per column
    agree(b.m.graph(), 15);
}

/// LayerNorm over one and two trailing dimensions, GroupNorm, InstanceNorm with and without
/// the learned scale.
void tst_ExecutorTorch::normalisations()
{
    Builder b;
    const LayerId x =
        b.add("input", "x", {{"channels", 6}, {"height", 5}, {"width", 7}, {"batch", 2}});
    const LayerId gn = b.add("groupnorm", "gn", {{"groups", 3}}, {x});
    const LayerId in1 = b.add("instancenorm", "inorm", {}, {gn});
    const LayerId in2 = b.add("instancenorm", "inorm affine", {{"affine", true}}, {in1});
    const LayerId last = b.add("permute", "channels last", {{"dims", "0, 2, 3, 1"}}, {in2});
    const LayerId ln1 = b.add("layernorm", "ln", {{"eps", 1e-6}}, {last});
    b.add("layernorm", "ln over two", {{"dims", 2}}, {ln1});
    agree(b.m.graph(), 6);
}

/// Reshape (0 and -1), Permute, Squeeze, Unsqueeze, Slice with a step, Chunk and Split (every
/// piece compared), ChannelShuffle, PixelShuffle in both channel orders, the reductions.
void tst_ExecutorTorch::tensorOperations()
{
    Builder b;
    const LayerId x =
        b.add("input", "x", {{"channels", 8}, {"height", 6}, {"width", 4}, {"batch", 2}});
    const LayerId r = b.add("reshape", "reshape", {{"shape", "0, 4, -1"}}, {x});
    const LayerId p = b.add("permute", "permute", {{"dims", "0, 2, 1"}}, {r});
    const LayerId u = b.add("unsqueeze", "unsqueeze", {{"axes", "1"}}, {p});
    const LayerId sq = b.add("squeeze", "squeeze", {{"axes", "1"}}, {u});
    const LayerId sl =
        b.add("slice", "slice", {{"axis", 1}, {"start", 3}, {"end", 40}, {"step", 3}}, {sq});
    b.add("reduce_mean", "mean", {{"axes", "1"}, {"keepdims", false}}, {sl});
    const LayerId ch = b.add("chunk", "chunk", {{"chunks", 2}, {"axis", 1}}, {x});
    const LayerId sp = b.add("split", "split", {{"axis", 2}, {"sizes", "2, -1"}}, {x});
    b.add("channel_shuffle", "shuffle", {{"groups", 4}}, {x});
    b.add("pixel_shuffle", "pixels", {{"upscale_factor", 2}}, {x});
    b.add("pixel_shuffle", "depth to space", {{"upscale_factor", 2}, {"mode", "dcr"}}, {x});
    const LayerId rs = b.add("reduce_sum", "sum", {{"axes", "2, 3"}});
    b.connect(ch, 1, rs);
    const LayerId rx = b.add("reduce_max", "max", {{"axes", "-1"}});
    b.connect(sp, 1, rx);
    b.add("reduce_l2", "norm", {{"axes", "1, 3"}}, {x});
    agree(b.m.graph(), 16);
}

/// Attention by hand (Q·Kᵀ, scale, softmax, A·V, a broadcast batch) and nn.MultiheadAttention
/// with and without biases.
void tst_ExecutorTorch::attention()
{
    Builder b;
    const LayerId t =
        b.add("input", "tokens",
              {{"layout", "sequence"}, {"length", 10}, {"features", 16}, {"batch", 2}});
    const LayerId q = b.add("linear", "q", {{"out_features", 16}}, {t});
    const LayerId k = b.add("linear", "k", {{"out_features", 16}}, {t});
    const LayerId v = b.add("linear", "v", {{"out_features", 16}, {"bias", false}}, {t});
    const LayerId kt = b.add("permute", "k transposed", {{"dims", "0, 2, 1"}}, {k});
    const LayerId scores = b.add("matmul", "scores", {}, {q, kt});
    const LayerId scaled =
        b.add("mul", "scaled", {{"constant_operand", true}, {"value", 0.25}}, {scores});
    const LayerId attn = b.add("softmax", "attn", {{"axis", -1}}, {scaled});
    const LayerId av = b.add("matmul", "av", {}, {attn, v});
    const LayerId vm = b.add("reduce_mean", "v mean", {{"axes", "0"}}, {v}); // 1×10×16
    b.add("matmul", "broadcast batch", {}, {attn, vm});
    b.add("multihead_attention", "mha", {{"heads", 4}}, {t});
    b.add("multihead_attention", "mha no bias", {{"heads", 2}, {"bias", false}}, {av});
    agree(b.m.graph(), 12);
}

/// ViT's patch embedding, class token and position embedding; Conv1d; squeeze-and-excitation;
/// Conv3d on a volume.
void tst_ExecutorTorch::visionBlocks()
{
    Builder b;
    const LayerId x =
        b.add("input", "image", {{"channels", 3}, {"height", 8}, {"width", 8}, {"batch", 2}});
    const LayerId pe =
        b.add("patch_embedding", "patches", {{"patch_size", 4}, {"embed_dim", 12}}, {x});
    const LayerId cls = b.add("class_token", "cls", {}, {pe});
    const LayerId pos = b.add("position_embedding", "pos", {}, {cls});
    const LayerId sig = b.add("permute", "as signal", {{"dims", "0, 2, 1"}}, {pos});
    b.add("conv1d", "conv1d", {{"out_channels", 6}, {"kernel", 3}, {"stride", 2}, {"padding", 1}},
          {sig});
    b.add("squeeze_excitation", "se",
          {{"squeeze_channels", 2}, {"activation", "silu"}, {"gate", "hardsigmoid"}}, {x});
    const LayerId vol = b.add("reshape", "volume", {{"shape", "2, 3, 4, 2, 8"}}, {x});
    b.add("conv3d", "conv3d", {{"out_channels", 4}, {"stride_w", 2}, {"groups", 1}}, {vol});
    agree(b.m.graph(), 8);
}

/// Swin's window attention as torchvision's ShiftedWindowAttention: a map padded to whole
/// windows and shifted (the mask), a shift along one axis only (a window covers the height), and
/// no shift without biases.
void tst_ExecutorTorch::windowAttention()
{
    Builder b;
    const LayerId x =
        b.add("input", "image", {{"channels", 8}, {"height", 5}, {"width", 10}, {"batch", 2}});
    const LayerId last = b.add("permute", "channels last", {{"dims", "0, 2, 3, 1"}}, {x});
    const LayerId w1 =
        b.add("window_attention", "shifted", {{"window", 4}, {"shift", 2}, {"heads", 2}}, {last});
    const LayerId w2 =
        b.add("window_attention", "wide", {{"window", 8}, {"shift", 3}, {"heads", 4}}, {w1});
    b.add("window_attention", "plain", {{"window", 3}, {"shift", 0}, {"heads", 1}, {"bias", false}},
          {w2});
    agree(b.m.graph(), 4);
}

void tst_ExecutorTorch::convolutionPaths_data()
{
    QTest::addColumn<QVariantMap>("conv");
    QTest::addColumn<int>("channels");
    QTest::newRow("1x1 direct") << QVariantMap{{"out_channels", 24},
                                               {"kernel_h", 1},
                                               {"kernel_w", 1}}
                                << 40;
    QTest::newRow("1x1 stride 2 (im2col)") << QVariantMap{{"out_channels", 24},
                                                          {"kernel_h", 1},
                                                          {"kernel_w", 1},
                                                          {"stride_h", 2},
                                                          {"stride_w", 2}}
                                           << 40;
    QTest::newRow("grouped 3x3") << QVariantMap{{"out_channels", 24},
                                                {"kernel_h", 3},
                                                {"kernel_w", 3},
                                                {"groups", 4},
                                                {"padding", "same"}}
                                 << 40;
    QTest::newRow("depthwise x2 stride 2")
        << QVariantMap{{"out_channels", 80}, {"kernel_h", 3}, {"kernel_w", 3}, {"groups", 40},
                       {"stride_h", 2},      {"stride_w", 2}, {"pad_top", 1},  {"pad_left", 1},
                       {"pad_bottom", 1},    {"pad_right", 1}}
        << 40;
    QTest::newRow("7x5 dilated uneven padding")
        << QVariantMap{{"out_channels", 8}, {"kernel_h", 7}, {"kernel_w", 5},
                       {"dilation_h", 2},   {"stride_w", 3}, {"pad_top", 4},
                       {"pad_bottom", 1},   {"pad_left", 0}, {"pad_right", 2}}
        << 6;
}

void tst_ExecutorTorch::convolutionPaths()
{
    QFETCH(QVariantMap, conv);
    QFETCH(int, channels);
    Builder b;
    const LayerId in = b.add("input", "x", {{"channels", channels}, {"height", 19}, {"width", 23}});
    b.add("conv2d", "conv", conv, {in});
    agree(b.m.graph(), 1);
}

QTEST_GUILESS_MAIN(tst_ExecutorTorch)
#include "tst_ExecutorTorch.moc"
