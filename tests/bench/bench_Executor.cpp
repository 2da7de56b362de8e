// Executor figures (issue 17), printed with the machine they ran on:
//  1. the GEMM-bound convolutions (the lesson's 5×5 192→32 on 28×28, ResNet-50's 3×3 convs)
//     against this machine's own Eigen GEMM of the same matrix sizes, single-threaded
//     (target: at least 50 %);
//  2. the lesson's two paths and a ResNet-50 bottleneck against PyTorch's CPU time with the
//     same thread count, measured side by side (target: within 1.5×);
//  3. the wall time of a whole measurement of the lesson (target: under 2 s).
// In CTest it runs once with few repeats; set NAQSH_BENCH_REPEAT (e.g. 30) for the figures.
// Timings are printed, never asserted: the machine may be shared.
#include "analysis/AnalysisEngine.h"
#include "exec/Executor.h"
#include "exec/GemmProbe.h"
#include "exec/TorchCheck.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <Eigen/Core>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace naqsh;

class bench_Executor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void convolutionVsGemm_data();
    void convolutionVsGemm();
    void versusPyTorch_data();
    void versusPyTorch();
    void wholeLessonMeasurement();

private:
    int m_repeat = 3;
    int m_threads = 1;
    bool m_torch = false;
    QTemporaryDir m_dir;
};

static QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    return QStringLiteral("unknown CPU");
}

static QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().trimmed()) : QString();
}

void bench_Executor::initTestCase()
{
    m_repeat = qEnvironmentVariableIntValue("NAQSH_BENCH_REPEAT");
    if (m_repeat <= 0)
        m_repeat = 3;
    m_threads = std::max(qEnvironmentVariableIntValue("NAQSH_BENCH_THREADS"), 1);
    qInfo("machine: %s, %d logical CPUs (nproc), load average %s; threads %d, repeat %d",
          qPrintable(cpuModel()), QThread::idealThreadCount(), qPrintable(loadAverage()), m_threads,
          m_repeat);
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QStringLiteral("import torch, numpy")});
    m_torch =
        p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

namespace {
Graph convGraph(int cin, int hw, int cout, int k)
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId in = m.addLayer(QStringLiteral("input"), QStringLiteral("x"));
    m.setParam(in, QStringLiteral("channels"), cin);
    m.setParam(in, QStringLiteral("height"), hw);
    m.setParam(in, QStringLiteral("width"), hw);
    const LayerId c = m.addLayer(QStringLiteral("conv2d"), QStringLiteral("conv"));
    m.setParam(c, QStringLiteral("out_channels"), cout);
    m.setParam(c, QStringLiteral("kernel_h"), k);
    m.setParam(c, QStringLiteral("kernel_w"), k);
    m.setParam(c, QStringLiteral("padding"), QStringLiteral("same"));
    m.setParam(c, QStringLiteral("bias"), false);
    m.connectLayers(in, c, -1, nullptr);
    return m.graph();
}

Graph lessonPath(bool reduced)
{
    GraphModel m(LayerRegistry::builtin());
    const LayerId in = m.addLayer(QStringLiteral("input"), QStringLiteral("x"));
    m.setParam(in, QStringLiteral("channels"), 192);
    m.setParam(in, QStringLiteral("height"), 28);
    m.setParam(in, QStringLiteral("width"), 28);
    LayerId prev = in;
    if (reduced) {
        const LayerId r = m.addLayer(QStringLiteral("conv2d"), QStringLiteral("reduce1x1"));
        m.setParam(r, QStringLiteral("out_channels"), 16);
        m.setParam(r, QStringLiteral("kernel_h"), 1);
        m.setParam(r, QStringLiteral("kernel_w"), 1);
        m.setParam(r, QStringLiteral("bias"), false);
        m.connectLayers(in, r, -1, nullptr);
        prev = r;
    }
    const LayerId c = m.addLayer(QStringLiteral("conv2d"), QStringLiteral("conv5x5"));
    m.setParam(c, QStringLiteral("out_channels"), 32);
    m.setParam(c, QStringLiteral("kernel_h"), 5);
    m.setParam(c, QStringLiteral("kernel_w"), 5);
    m.setParam(c, QStringLiteral("padding"), QStringLiteral("same"));
    m.setParam(c, QStringLiteral("bias"), false);
    m.connectLayers(prev, c, -1, nullptr);
    return m.graph();
}
} // namespace

void bench_Executor::convolutionVsGemm_data()
{
    QTest::addColumn<int>("cin");
    QTest::addColumn<int>("hw");
    QTest::addColumn<int>("cout");
    QTest::addColumn<int>("k");
    QTest::newRow("lesson 5x5 192->32 28x28") << 192 << 28 << 32 << 5;
    QTest::newRow("resnet50 conv2_x 3x3 64->64 56x56") << 64 << 56 << 64 << 3;
    QTest::newRow("resnet50 conv3_x 3x3 128->128 28x28") << 128 << 28 << 128 << 3;
    QTest::newRow("resnet50 conv4_x 3x3 256->256 14x14") << 256 << 14 << 256 << 3;
    QTest::newRow("resnet50 conv5_x 3x3 512->512 7x7") << 512 << 7 << 512 << 3;
}

void bench_Executor::convolutionVsGemm()
{
    QFETCH(int, cin);
    QFETCH(int, hw);
    QFETCH(int, cout);
    QFETCH(int, k);
    const Graph g = convGraph(cin, hw, cout, k);
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(a.errorCount, 0);
    ExecOptions o;
    o.threads = m_threads;
    o.repeat = m_repeat;
    Executor ex(g, LayerRegistry::builtin(), a, o);
    QVERIFY(ex.prepare());
    const ExecReport r = ex.measure();
    QVERIFY(r.complete());
    const LayerMeasurement &conv = r.layers.last();
    Eigen::setNbThreads(m_threads);
    const double gemmMs = exec::measureGemmMs(cout, qint64(cin) * k * k, qint64(hw) * hw, m_repeat);
    const double macs = double(conv.macs);
    const double gemmGmacs = macs / gemmMs / 1e6;
    qInfo("%s: conv %.3f ms = %.2f GMAC/s (%s); Eigen GEMM %dx%lldx%d %.3f ms = %.2f GMAC/s; "
          "conv reaches %.0f %% of GEMM",
          QTest::currentDataTag(), conv.medianMs, conv.gmacPerSecond(), qPrintable(conv.path), cout,
          qint64(cin) * k * k, hw * hw, gemmMs, gemmGmacs,
          100.0 * conv.gmacPerSecond() / gemmGmacs);
}

void bench_Executor::versusPyTorch_data()
{
    QTest::addColumn<QString>("which");
    QTest::newRow("lesson path 5x5") << QStringLiteral("direct");
    QTest::newRow("lesson path 1x1 -> 5x5") << QStringLiteral("reduced");
    QTest::newRow("resnet50 bottleneck") << QStringLiteral("bottleneck");
}

void bench_Executor::versusPyTorch()
{
    QFETCH(QString, which);
    if (!m_torch)
        QSKIP("/usr/bin/python3 cannot import torch and numpy");
    Graph g;
    if (which == QLatin1String("bottleneck")) {
        const auto f = NaqshFile::read(
            QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/resnet50_bottleneck.naqsh"),
            LayerRegistry::builtin());
        QVERIFY(f.ok());
        g = f.graph;
    } else {
        g = lessonPath(which == QLatin1String("reduced"));
    }
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    ExecOptions o;
    o.threads = m_threads;
    o.repeat = m_repeat;
    Executor ex(g, LayerRegistry::builtin(), a, o);
    QVERIFY(ex.prepare());
    const ExecReport r = ex.measure();
    QVERIFY(r.complete());
    QString error;
    const QString dir = m_dir.filePath(which);
    QVERIFY2(writeTorchCheck(ex, LayerRegistry::builtin(), a, dir, &error), qPrintable(error));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QString::number(m_threads));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral(NAQSH_SOURCE_DIR "/tests/tools/torch_compare.py"), dir,
             QStringLiteral("--time"), QString::number(m_repeat), QString::number(m_threads)});
    QVERIFY(p.waitForFinished(600000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QJsonObject t = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const double torchMs = t.value(QStringLiteral("median_ms")).toDouble();
    qInfo("%s: Naqsh %.3f ms (spread %.3f), PyTorch %.3f ms (spread %.3f): Naqsh takes %.2f× "
          "PyTorch's time; %.2f GMAC/s",
          QTest::currentDataTag(), r.totalMedianMs, r.paths.last().iqrMs, torchMs,
          t.value(QStringLiteral("iqr_ms")).toDouble(), r.totalMedianMs / torchMs,
          double(r.totalMacs) / r.totalMedianMs / 1e6);
}

void bench_Executor::wholeLessonMeasurement()
{
    QElapsedTimer timer;
    timer.start();
    const auto f =
        NaqshFile::read(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"),
                        LayerRegistry::builtin());
    QVERIFY(f.ok());
    const AnalysisResult a = AnalysisEngine::analyze(f.graph, LayerRegistry::builtin());
    Executor ex(f.graph, LayerRegistry::builtin(), a); // the app's defaults: 1 thread, 5 runs
    QVERIFY(ex.prepare());
    const ExecReport r = ex.measure();
    QVERIFY(r.complete());
    qInfo("whole measurement of the lesson (prepare, 1 warm-up, %d runs): %lld ms wall", r.repeat,
          timer.elapsed());
}

QTEST_GUILESS_MAIN(bench_Executor)
#include "bench_Executor.moc"
