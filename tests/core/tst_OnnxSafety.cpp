// ONNX files that crashed or hung libonnx's shape inference (issue 12, finding 3), rebuilt by
// tests/data/onnx/unsafe/make_unsafe.py: the reader, the importer and the real naqsh-cli must
// refuse each one with the node and attribute named, and the isolation around the library's
// inference must contain a crash, a hang and a Cancel even when Naqsh's checks are turned off.

#include "io/DocumentLoader.h"
#include "io/IsolatedRun.h"
#include "io/OnnxImporter.h"
#include "io/OnnxReader.h"
#include "layers/LayerRegistry.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>

#include <csignal>

using namespace naqsh;

class tst_OnnxSafety : public QObject
{
    Q_OBJECT

private slots:
    void refusedWithReason_data();
    void refusedWithReason();
    void cliRefusesWithReason_data() { refusedWithReason_data(); }
    void cliRefusesWithReason();
    void validModelStillInfersShapes();
    void isolationContainsCrash_data();
    void isolationContainsCrash();
    void isolationStopsHang();
    void cancelStopsHangingInference();
    void isolatedRunReturnsOutput();

private:
    static QString unsafe(const QString &name)
    {
        return QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/onnx/unsafe/") + name;
    }
};

void tst_OnnxSafety::refusedWithReason_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("MaxPool strides=[1,0] (SIGFPE)")
        << "maxpool_stride0.onnx"
        << "node 'pool' (MaxPool), attribute 'strides': [1, 0] has a value out of range: every "
           "value must be from 1 to 4611686018427387904";
    QTest::newRow("Conv, 3-D input, 4-D weight (SIGSEGV)")
        << "conv_weight_rank4_input3d.onnx"
        << "node 'conv' (Conv): weight 'w' has 4 dimensions but input 'x' has 3; they must have "
           "the same number of dimensions";
    QTest::newRow("Conv, 4-D input, 6-D weight (SIGSEGV)")
        << "conv_weight_rank6.onnx"
        << "node 'conv' (Conv): weight 'w' has 6 dimensions but input 'x' has 4";
    QTest::newRow("ConvTranspose/DepthToSpace cycle")
        << "cycle_convtranspose_depthtospace.onnx"
        << "the graph has a cycle: node 'deconv' (ConvTranspose) needs 't1' from node 'd2s' "
           "(DepthToSpace)";
    QTest::newRow("the 5-D GlobalMaxPool/Conv/AveragePool hang")
        << "hang_pads_overflow.onnx"
        << "node #1 (Conv): weight 'w1' has 4 dimensions but input 'a' has 5";
    QTest::newRow("Conv pads=[0,1,1,2^63-1]")
        << "conv_pads_overflow.onnx"
        << "node 'conv' (Conv), attribute 'pads': [0, 1, 1, 9223372036854775807] has a value out "
           "of range: every value must be from 0 to 2147483648";
    QTest::newRow("AveragePool auto_pad=X")
        << "averagepool_auto_pad_unknown.onnx"
        << "node 'avg' (AveragePool), attribute 'auto_pad': 'X' is not one of NOTSET, "
           "SAME_UPPER, SAME_LOWER, VALID";
    QTest::newRow("Split without outputs (SIGFPE)") << "split_no_outputs.onnx"
                                                    << "node 'split' (Split) has no outputs";
}

void tst_OnnxSafety::refusedWithReason()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const QString path = unsafe(file);
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));

    const OnnxReadResult read = readOnnxFile(path);
    QCOMPARE(read.error, OnnxReadError::InvalidModel);
    QVERIFY2(read.errorMessage.contains(reason), qPrintable(read.errorMessage));
    QCOMPARE(read.inference, OnnxInferenceStatus::NotRun);

    const ImportResult imported = importOnnxFile(path, LayerRegistry::builtin());
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error.contains(reason), qPrintable(imported.error));

    // The designer's File › Import goes through loadDocument.
    const ImportResult loaded = loadDocument(path, LayerRegistry::builtin());
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error.contains(reason), qPrintable(loaded.error));
}

void tst_OnnxSafety::cliRefusesWithReason()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const QString path = unsafe(file);
    for (const QString &command : {QStringLiteral("analyze"), QStringLiteral("convert")}) {
        QProcess cli;
        QStringList args = {command, path};
        if (command == u"convert")
            args << QStringLiteral("-o") << QDir::temp().filePath(QStringLiteral("unused.naqsh"));
        QElapsedTimer clock;
        clock.start();
        cli.start(QStringLiteral(NAQSH_CLI_PATH), args);
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 2);
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(err.contains(path + QStringLiteral(": ")), qPrintable(err));
        QVERIFY2(err.contains(reason), qPrintable(err));
        QVERIFY2(cli.readAllStandardOutput().isEmpty(), qPrintable(command));
        QVERIFY(clock.elapsed() < 30000);
    }
}

void tst_OnnxSafety::validModelStillInfersShapes()
{
    // small_cnn.onnx declares no intermediate shapes: every one comes from the library's
    // inference, now run in a child process. Conv 3->8 3x3 pad 1 keeps 32x32; MaxPool 2 halves it.
    const OnnxReadResult r =
        readOnnxFile(QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/onnx/small_cnn.onnx"));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.inference, OnnxInferenceStatus::Done);
    int inferred = 0;
    for (const OnnxNode &n : r.model.nodes) {
        for (const QString &out : n.outputs) {
            if (r.model.valueInfo.value(out).rankKnown)
                ++inferred;
        }
    }
    QVERIFY2(inferred >= r.model.nodes.size(), qPrintable(QString::number(inferred)));
}

void tst_OnnxSafety::isolationContainsCrash_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGFPE") << "maxpool_stride0.onnx" << int(SIGFPE);
    QTest::newRow("SIGSEGV") << "conv_weight_rank6.onnx" << int(SIGSEGV);
    QTest::newRow("SIGFPE in Split") << "split_no_outputs.onnx" << int(SIGFPE);
}

void tst_OnnxSafety::isolationContainsCrash()
{
    // With Naqsh's checks off, the library really crashes — in the child process only.
    QFETCH(QString, file);
    QFETCH(int, signal);
    OnnxReadOptions options;
    options.validateBeforeInference = false;
    const OnnxReadResult r = readOnnxFile(unsafe(file), {}, options);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.inference, OnnxInferenceStatus::Crashed);
    const QString warning = QStringLiteral("the library stopped with signal %1").arg(signal);
    QVERIFY2(r.model.warnings.join(u'\n').contains(warning),
             qPrintable(r.model.warnings.join(u'\n')));
}

void tst_OnnxSafety::isolationStopsHang()
{
    OnnxReadOptions options;
    options.validateBeforeInference = false;
    options.inferenceTimeoutMs = 1500;
    QElapsedTimer clock;
    clock.start();
    const OnnxReadResult r =
        readOnnxFile(unsafe(QStringLiteral("hang_pads_overflow.onnx")), {}, options);
    const qint64 ms = clock.elapsed();
    QVERIFY2(r.ok(), qPrintable(r.errorMessage));
    QCOMPARE(r.inference, OnnxInferenceStatus::TimedOut);
    QVERIFY2(ms >= 1500 && ms < 10000, qPrintable(QString::number(ms)));
    QVERIFY2(r.model.warnings.join(u'\n').contains(
                 QStringLiteral("took longer than 1 second(s) and was stopped")),
             qPrintable(r.model.warnings.join(u'\n')));
}

void tst_OnnxSafety::cancelStopsHangingInference()
{
    // The designer's Cancel: the progress callback returns false while inference runs.
    OnnxReadOptions options;
    options.validateBeforeInference = false;
    options.inferenceTimeoutMs = 600000;
    int inferenceReports = 0;
    QElapsedTimer clock;
    clock.start();
    const OnnxReadResult r = readOnnxFile(
        unsafe(QStringLiteral("hang_pads_overflow.onnx")),
        [&](OnnxReadStage stage, qint64 done, qint64 total) {
            if (stage != OnnxReadStage::InferringShapes)
                return true;
            ++inferenceReports;
            if (total != 600000)
                return true;
            return done < 400; // the user presses Cancel after 0.4 s
        },
        options);
    const qint64 ms = clock.elapsed();
    QCOMPARE(r.error, OnnxReadError::Cancelled);
    QVERIFY2(inferenceReports >= 3, qPrintable(QString::number(inferenceReports)));
    QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
}

void tst_OnnxSafety::isolatedRunReturnsOutput()
{
    const QByteArray big(3 << 20, 'x');
    const IsolatedRunResult ok = runIsolated([&] { return big; }, 20000);
    QCOMPARE(ok.status, IsolatedRunResult::Status::Finished);
    QCOMPARE(ok.output, big);
    const IsolatedRunResult thrown =
        runIsolated([]() -> QByteArray { throw std::runtime_error("no"); }, 20000);
    QCOMPARE(thrown.status, IsolatedRunResult::Status::Crashed);
    const IsolatedRunResult tooMuch = runIsolated([&] { return big; }, 20000, {}, 1 << 20);
    QCOMPARE(tooMuch.status, IsolatedRunResult::Status::TooMuchOutput);
}

QTEST_GUILESS_MAIN(tst_OnnxSafety)
#include "tst_OnnxSafety.moc"
