// PyTorch code export, checked with real PyTorch: the generated module for every example
// document runs with /usr/bin/python3 and prints the output shapes and parameter count that
// Naqsh computes (hand numbers from ../shared/REFERENCE-NUMBERS.md and the layer formulas).
#include "analysis/AnalysisEngine.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "io/PyTorchExport.h"
#include "layers/LayerRegistry.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace naqsh;

class tst_PyTorchExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void examples_data();
    void examples();
    void everyModuleAgreesWithNaqsh();
    void asymmetricPaddingUsesZeroPad();
    void nameSanitization_data();
    void nameSanitization();
    void namesInGeneratedCode();
    void className();
    void unsupportedLayer();
    void unknownTypeId();

private:
    struct PythonRun
    {
        int code = -1;
        QStringList shapes; ///< "1x64x28x28" per output
        qint64 params = -1;
        QString out, err;
    };
    PythonRun runPython(const QString &code);
    static QString python() { return QStringLiteral("/usr/bin/python3"); }

    bool m_torch = false;
    QTemporaryDir m_dir;
};

void tst_PyTorchExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess p;
    p.start(python(), {QStringLiteral("-c"), QStringLiteral("import torch")});
    m_torch =
        p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

tst_PyTorchExport::PythonRun tst_PyTorchExport::runPython(const QString &code)
{
    static int n = 0;
    const QString path = m_dir.filePath(QStringLiteral("model_%1.py").arg(++n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(code.toUtf8());
    f.close();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(python(), {path});
    PythonRun run;
    if (!p.waitForFinished(300000))
        return run;
    run.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    static const QRegularExpression shapeLine(QStringLiteral("^output shape: \\[([0-9, ]*)\\]$"),
                                              QRegularExpression::MultilineOption);
    for (auto it = shapeLine.globalMatch(run.out); it.hasNext();)
        run.shapes << it.next()
                          .captured(1)
                          .remove(QLatin1Char(' '))
                          .replace(QLatin1Char(','), QLatin1Char('x'));
    static const QRegularExpression paramsLine(QStringLiteral("^parameters: ([0-9]+)$"),
                                               QRegularExpression::MultilineOption);
    if (const auto m = paramsLine.match(run.out); m.hasMatch())
        run.params = m.captured(1).toLongLong();
    return run;
}

static Graph example(const QString &name)
{
    const auto r = NaqshFile::read(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/") + name,
                                   LayerRegistry::builtin());
    if (!r.ok())
        qFatal("%s", qPrintable(r.error));
    return r.graph;
}

void tst_PyTorchExport::examples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("shapes");
    QTest::addColumn<qint64>("params");
    // Lesson: 153,600 + 3,072 + 12,800 weights, no bias; concat of 32 + 32 channels.
    QTest::newRow("lesson") << "lesson.naqsh" << QStringList{"1x64x28x28"} << qint64(169472);
    // GoogLeNet 3a: 64 + 128 + 32 + 32 = 256 channels; 163,696 params with bias.
    QTest::newRow("inception 3a") << "inception_3a.naqsh" << QStringList{"1x256x28x28"}
                                  << qint64(163696);
    // ResNet-50 bottleneck with a projection shortcut: 73,728 conv weights + 1,280 BN params.
    QTest::newRow("resnet bottleneck")
        << "resnet50_bottleneck.naqsh" << QStringList{"1x256x56x56"} << qint64(75008);
    // MobileNet: depthwise 288 + BN 64 + pointwise 2,048 + BN 128, and a standard 3x3 18,432 + BN
    // 128.
    QTest::newRow("mobilenet") << "mobilenet_separable.naqsh"
                               << QStringList{"1x64x112x112", "1x64x112x112"} << qint64(21088);
}

void tst_PyTorchExport::examples()
{
    QFETCH(QString, file);
    QFETCH(QStringList, shapes);
    QFETCH(qint64, params);
    const Graph g = example(file);
    const AnalysisResult result = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(result.errorCount, 0);
    QCOMPARE(result.totals.params().value(), params); // Naqsh agrees with the hand number...
    const QString code = toPyTorch(g, LayerRegistry::builtin(), result);
    QVERIFY(code.contains(QStringLiteral("class ")));
    QVERIFY(code.contains(QStringLiteral("if __name__ == \"__main__\":")));
    QVERIFY(!code.contains(QStringLiteral("NotImplementedError")));
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot import torch (install python3-torch: scripts/deps --test)");
    const PythonRun run = runPython(code); // ...and so does PyTorch
    QVERIFY2(run.code == 0, qPrintable(run.err + QStringLiteral("\n") + code));
    QCOMPARE(run.shapes, shapes);
    QCOMPARE(run.params, params);
}

/// A graph using every module the exporter knows; PyTorch must reproduce Naqsh's shapes and
/// parameter count exactly.
void tst_PyTorchExport::everyModuleAgreesWithNaqsh()
{
    GraphModel m(LayerRegistry::builtin());
    auto add = [&](const char *type, const char *name, const QVariantMap &params = {},
                   QVector<LayerId> inputs = {}) {
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
    };
    const LayerId in =
        add("input", "image", {{"channels", 3}, {"height", 33}, {"width", 31}, {"batch", 2}});
    const LayerId c1 = add("conv2d", "stem conv",
                           {{"out_channels", 16},
                            {"kernel_h", 4},
                            {"kernel_w", 3},
                            {"stride_h", 2},
                            {"stride_w", 2},
                            {"padding", "same"}},
                           {in});
    const LayerId bn = add("batchnorm2d", "bn", {{"eps", 0.001}}, {c1});
    const LayerId lr = add("leaky_relu", "leaky", {{"negative_slope", 0.2}}, {bn});
    const LayerId mp = add("maxpool2d", "pool",
                           {{"kernel_h", 3},
                            {"kernel_w", 3},
                            {"stride_h", 2},
                            {"stride_w", 2},
                            {"pad_h", 1},
                            {"pad_w", 1},
                            {"ceil_mode", true}},
                           {lr});
    const LayerId dw = add("conv2d", "depthwise",
                           {{"out_channels", 32},
                            {"kernel_h", 3},
                            {"kernel_w", 3},
                            {"groups", 16},
                            {"dilation_h", 2},
                            {"dilation_w", 2},
                            {"padding", "valid"},
                            {"bias", false}},
                           {mp});
    const LayerId ap =
        add("avgpool2d", "avg",
            {{"kernel_h", 2}, {"kernel_w", 2}, {"stride_h", 1}, {"stride_w", 1}}, {dw});
    const LayerId up =
        add("upsample", "up", {{"mode", "bilinear"}, {"scale_h", 2.0}, {"scale_w", 1.5}}, {ap});
    const LayerId pad =
        add("zeropad2d", "pad", {{"left", 1}, {"right", 2}, {"top", 0}, {"bottom", 3}}, {up});
    const LayerId ct = add("conv_transpose2d", "deconv",
                           {{"out_channels", 8},
                            {"kernel_h", 3},
                            {"kernel_w", 3},
                            {"stride_h", 2},
                            {"stride_w", 2},
                            {"pad_h", 1},
                            {"pad_w", 1},
                            {"output_pad_h", 1},
                            {"output_pad_w", 0}},
                           {pad});
    const LayerId pr = add("prelu", "prelu", {}, {ct});
    const LayerId lrn = add("lrn", "lrn", {{"size", 3}}, {pr});
    const LayerId gap = add("global_avgpool", "gap", {}, {lrn});
    const LayerId sum = add("add", "broadcast add", {}, {lrn, gap}); // N×8×H×W + N×8×1×1
    const LayerId ad =
        add("adaptive_avgpool2d", "adaptive", {{"output_h", 3}, {"output_w", 2}}, {sum});
    const LayerId r6 = add("relu6", "relu6", {}, {ad});
    const LayerId sg = add("sigmoid", "sig", {}, {r6});
    const LayerId th = add("tanh", "tanh", {}, {sg});
    const LayerId ge = add("gelu", "gelu", {}, {th});
    const LayerId id = add("identity", "skip", {}, {ge});
    const LayerId fl = add("flatten", "flat", {}, {id});
    const LayerId dr = add("dropout", "drop", {{"p", 0.25}}, {fl});
    const LayerId fc = add("linear", "fc", {{"out_features", 10}}, {dr});
    const LayerId sm = add("softmax", "probs", {}, {fc});
    const LayerId rl = add("relu", "relu", {}, {sm});
    const LayerId cat = add("concat", "cat", {}, {sm, rl});
    add("output", "out", {}, {cat});
    add("output", "logits", {}, {fc});

    const AnalysisResult result = AnalysisEngine::analyze(m.graph(), LayerRegistry::builtin());
    QCOMPARE(result.errorCount, 0);
    const QString code = toPyTorch(m.graph(), LayerRegistry::builtin(), result);
    QVERIFY2(code.contains(QStringLiteral("self.stem_conv = nn.Sequential(nn.ZeroPad2d((1, 1, 1, "
                                          "2)), nn.Conv2d(3, 16, kernel_size=(4, 3), stride=2))")),
             qPrintable(code));
    QVERIFY(code.contains(QStringLiteral(
        "self.depthwise = nn.Conv2d(16, 32, kernel_size=3, dilation=2, groups=16, bias=False)")));
    QVERIFY(code.contains(
        QStringLiteral("nn.MaxPool2d(kernel_size=3, stride=2, padding=1, ceil_mode=True)")));
    QVERIFY(code.contains(QStringLiteral(
        "nn.Upsample(scale_factor=(2.0, 1.5), mode=\"bilinear\", align_corners=False)")));
    QVERIFY(code.contains(QStringLiteral(
        "nn.ConvTranspose2d(32, 8, kernel_size=3, stride=2, padding=1, output_padding=(1, 0))")));
    QVERIFY(code.contains(QStringLiteral("self.gap = nn.AdaptiveAvgPool2d(1)")));
    QVERIFY(code.contains(QStringLiteral("self.probs = nn.Softmax(dim=1)")));
    QVERIFY(code.contains(QStringLiteral("broadcast_add = lrn + gap")));
    QVERIFY(code.contains(QStringLiteral("cat = torch.cat([probs, relu], dim=1)")));
    QVERIFY(code.contains(QStringLiteral("return (cat, fc)")));
    QVERIFY(code.contains(QStringLiteral("def forward(self, image):")));
    QVERIFY(code.contains(QStringLiteral("torch.zeros(2, 3, 33, 31)")));

    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot import torch");
    const PythonRun run = runPython(code);
    QVERIFY2(run.code == 0, qPrintable(run.err + QStringLiteral("\n") + code));
    const auto shapeOf = [&](LayerId layer) {
        return result.layer(layer)->output.toString().replace(QChar(0x00D7), QLatin1Char('x'));
    };
    QCOMPARE(run.shapes, (QStringList{shapeOf(cat), shapeOf(fc)}));
    QCOMPARE(run.params, result.totals.params().value());
}

void tst_PyTorchExport::asymmetricPaddingUsesZeroPad()
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId in = m.addLayer(QStringLiteral("input"), QStringLiteral("x"));
    const LayerId c = m.addLayer(QStringLiteral("conv2d"), QStringLiteral("conv"));
    QVERIFY(m.setParam(c, QStringLiteral("pad_top"), 1));
    QVERIFY(m.setParam(c, QStringLiteral("pad_bottom"), 2));
    QVERIFY(m.setParam(c, QStringLiteral("pad_left"), 1));
    QVERIFY(m.setParam(c, QStringLiteral("pad_right"), 1));
    QVERIFY(m.connectLayers(in, c));
    const AnalysisResult r = AnalysisEngine::analyze(m.graph(), LayerRegistry::builtin());
    const QString code = toPyTorch(m.graph(), LayerRegistry::builtin(), r);
    QVERIFY2(code.contains(QStringLiteral("self.conv = nn.Sequential(nn.ZeroPad2d((1, 1, 1, 2)), "
                                          "nn.Conv2d(3, 32, kernel_size=3))")),
             qPrintable(code));
    QVERIFY(code.contains(QStringLiteral("return conv"))); // no Output layer: the sink
}

void tst_PyTorchExport::nameSanitization_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("fallbacks");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("valid stays") << QStringList{"conv5x5", "reduce1x1"} << QStringList{}
                                 << QStringList{"conv5x5", "reduce1x1"};
    QTest::newRow("leading digit") << QStringList{"1x1", "3x3_reduce"} << QStringList{}
                                   << QStringList{"layer_1x1", "layer_3x3_reduce"};
    QTest::newRow("punctuation and spaces")
        << QStringList{"conv-1 a", "(pool)", "a..b"} << QStringList{}
        << QStringList{"conv_1_a", "pool", "a_b"};
    QTest::newRow("times sign") << QStringList{"5×5"} << QStringList{} << QStringList{"layer_5x5"};
    QTest::newRow("keywords") << QStringList{"class", "lambda", "None"} << QStringList{}
                              << QStringList{"class_", "lambda_", "None_"};
    QTest::newRow("module members and code names")
        << QStringList{"forward", "training", "to", "self", "torch", "nn"} << QStringList{}
        << QStringList{"forward_", "training_", "to_", "self_", "torch_", "nn_"};
    QTest::newRow("duplicates") << QStringList{"conv", "conv", "conv!", "conv_2"} << QStringList{}
                                << QStringList{"conv", "conv_2", "conv_3", "conv_2_2"};
    QTest::newRow("Persian falls back to the type")
        << QStringList{QString::fromUtf8("کانولوشن"), QString::fromUtf8("کانولوشن ۲"), QString()}
        << QStringList{"conv2d", "conv2d", "relu"} << QStringList{"conv2d", "conv2d_2", "relu"};
    QTest::newRow("nothing at all") << QStringList{"!!!"} << QStringList{} << QStringList{"layer"};
}

void tst_PyTorchExport::nameSanitization()
{
    QFETCH(QStringList, names);
    QFETCH(QStringList, fallbacks);
    QFETCH(QStringList, expected);
    const QStringList got = pythonNames(names, fallbacks);
    QCOMPARE(got, expected);
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (const QString &n : got)
        QVERIFY2(identifier.match(n).hasMatch(), qPrintable(n));
}

void tst_PyTorchExport::namesInGeneratedCode()
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId in = m.addLayer(QStringLiteral("input"), QStringLiteral("input"));
    const LayerId a = m.addLayer(QStringLiteral("conv2d"), QString::fromUtf8("کانولوشن"));
    const LayerId b = m.addLayer(QStringLiteral("relu"), QStringLiteral("class"));
    QVERIFY(m.connectLayers(in, a));
    QVERIFY(m.connectLayers(a, b));
    const AnalysisResult r = AnalysisEngine::analyze(m.graph(), LayerRegistry::builtin());
    const QString code = toPyTorch(m.graph(), LayerRegistry::builtin(), r);
    // The original name stays readable in a comment next to the attribute.
    QVERIFY2(code.contains(QString::fromUtf8(
                 "self.conv2d = nn.Conv2d(3, 32, kernel_size=3)  # \"کانولوشن\"")),
             qPrintable(code));
    QVERIFY(code.contains(QStringLiteral("self.class_ = nn.ReLU()  # \"class\"")));
    QVERIFY(code.contains(QStringLiteral("class_ = self.class_(conv2d)")));
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot import torch");
    const PythonRun run = runPython(code);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.shapes, QStringList{"1x32x222x222"});
    QCOMPARE(run.params, 3 * 3 * 3 * 32 + 32);
}

void tst_PyTorchExport::className()
{
    QCOMPARE(pythonClassName(QStringLiteral("GoogLeNet Inception (3a)")),
             QStringLiteral("GoogLeNetInception3a"));
    QCOMPARE(pythonClassName(QStringLiteral("ResNet-50 bottleneck")),
             QStringLiteral("ResNet50Bottleneck"));
    QCOMPARE(pythonClassName(QString::fromUtf8("5×5 vs 1×1 → 5×5 (lesson)")),
             QStringLiteral("Net5x5Vs1x15x5Lesson"));
    QCOMPARE(pythonClassName(QString::fromUtf8("شبکه")), QStringLiteral("NaqshModel"));
    QCOMPARE(pythonClassName(QString()), QStringLiteral("NaqshModel"));
}

void tst_PyTorchExport::unsupportedLayer()
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId in = m.addLayer(QStringLiteral("input"), QStringLiteral("x"));
    const LayerId op = m.addLayer(QStringLiteral("opaque"), QStringLiteral("nms"));
    QVERIFY(m.setParam(op, QStringLiteral("op_type"), QStringLiteral("NonMaxSuppression")));
    const LayerId relu = m.addLayer(QStringLiteral("relu"), QStringLiteral("relu"));
    const LayerId out = m.addLayer(QStringLiteral("output"), QStringLiteral("out"));
    QVERIFY(m.connectLayers(in, op));
    QVERIFY(m.connectLayers(op, relu));
    QVERIFY(m.connectLayers(relu, out));
    const AnalysisResult r = AnalysisEngine::analyze(m.graph(), LayerRegistry::builtin());
    QCOMPARE(r.errorCount, 0);
    const QString code = toPyTorch(m.graph(), LayerRegistry::builtin(), r);
    QVERIFY2(code.contains(QStringLiteral("        # Naqsh: layer 'nms' (NonMaxSuppression) has no "
                                          "PyTorch equivalent; replace this line\n")),
             qPrintable(code));
    QVERIFY(code.contains(QStringLiteral("        raise NotImplementedError(\"Naqsh: layer 'nms' "
                                         "(NonMaxSuppression) has no PyTorch equivalent\")\n")));
    QVERIFY(!code.contains(QStringLiteral("self.nms =")));
    QVERIFY(code.contains(QStringLiteral("self.relu = nn.ReLU()"))); // the rest is still generated
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot import torch");
    const PythonRun run = runPython(code);
    QVERIFY(run.code != 0); // valid Python that stops with a clear message
    QVERIFY2(run.err.contains(
                 QStringLiteral("NotImplementedError: Naqsh: layer 'nms' (NonMaxSuppression)")),
             qPrintable(run.err));
    QVERIFY(!run.err.contains(QStringLiteral("SyntaxError")));
}

void tst_PyTorchExport::unknownTypeId()
{
    // A type id no registry knows (a file from a newer Naqsh): reported, never guessed.
    Graph g;
    Layer in;
    in.type = QStringLiteral("input");
    in.name = QStringLiteral("x");
    in.params = LayerRegistry::builtin().find(u"input")->defaultParams();
    const LayerId inId = g.addLayer(in);
    Layer odd;
    odd.type = QStringLiteral("hyper_conv");
    odd.name = QStringLiteral("mystery");
    const LayerId oddId = g.addLayer(odd);
    QVERIFY(g.insertConnection({inId, oddId, 0}));
    const AnalysisResult r = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    const QString code = toPyTorch(g, LayerRegistry::builtin(), r);
    QVERIFY2(
        code.contains(QStringLiteral(
            "# Naqsh: layer 'mystery' (hyper_conv) has no PyTorch equivalent; replace this line")),
        qPrintable(code));
    QVERIFY(code.contains(QStringLiteral("raise NotImplementedError(")));
}

QTEST_GUILESS_MAIN(tst_PyTorchExport)
#include "tst_PyTorchExport.moc"
