// naqsh-cli when things go wrong (issue 12): every file it writes on a full disk, a read-only
// file system, a device, a symbolic link to a device and a folder; endless inputs; numbers too
// large for 64 bits; odd options.
#include "../FaultFs.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace naqsh::test;

class tst_CliFaults : public QObject
{
    Q_OBJECT
private slots:
    void fullDiskEveryOutput_data();
    void fullDiskEveryOutput();
    void readOnlyEveryOutput_data();
    void readOnlyEveryOutput();
    void deviceOutputs_data();
    void deviceOutputs();
    void folderOutputRefused();
    void fullDiskReasonInPersian();
    void flopsOverflowAnEveryConvention_data();
    void flopsOverflowAnEveryConvention();
    void totalsOverflowOfLayersThatFit();
    void compareOverflow();
    void compareWithErrorsHasNoRatios();
    void devZeroInputsRefused_data();
    void devZeroInputsRefused();
    void scaleNanRefused();
    void hugePngAndPdfRefusedUpFront();
    void emptyLayersListRefused();
    void missingComparisonLayerIsAWarning();

private:
    struct Run
    {
        int code;
        QString out, err;
    };
    static Run run(const QStringList &args, int timeoutMs = 60000);
    static QString example(const char *name)
    {
        return QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/") + QLatin1String(name);
    }
    static QString data(const char *dir, const char *name)
    {
        return QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/") + QLatin1String(dir) +
               QLatin1Char('/') + QLatin1String(name);
    }
    /// Every command that writes a file, with OUT where the output path goes.
    static void outputCommands();
};

tst_CliFaults::Run tst_CliFaults::run(const QStringList &args, int timeoutMs)
{
    QProcess p;
    // NAQSH_CLI runs another build (to show that these tests fail on an older naqsh-cli).
    p.start(qEnvironmentVariable("NAQSH_CLI", QStringLiteral(NAQSH_CLI_PATH)), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, QString(), QStringLiteral("timed out")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void tst_CliFaults::outputCommands()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("name");
    const QString lesson = example("lesson.naqsh");
    auto add = [&](const char *tag, QStringList args, const char *name) {
        QTest::newRow(tag) << args << QString::fromLatin1(name);
    };
    add("layout -o",
        {QStringLiteral("layout"), lesson, QStringLiteral("-o"), QStringLiteral("OUT")},
        "out.naqsh");
    add("convert -o",
        {QStringLiteral("convert"), data("caffe", "googlenet_stem.prototxt"), QStringLiteral("-o"),
         QStringLiteral("OUT")},
        "out.naqsh");
    add("convert onnx -o",
        {QStringLiteral("convert"), data("onnx", "small_cnn.onnx"), QStringLiteral("-o"),
         QStringLiteral("OUT")},
        "out.naqsh");
    for (const char *ext : {"csv", "md", "tex", "html"}) {
        const QByteArray tag = QByteArray("--table ") + ext;
        add(tag.constData(),
            {QStringLiteral("export"), lesson, QStringLiteral("--table"), QStringLiteral("OUT")},
            (QByteArray("out.") + ext).constData());
        const QByteArray ctag = QByteArray("--compare-table ") + ext;
        add(ctag.constData(),
            {QStringLiteral("export"), lesson, QStringLiteral("--compare-table"),
             QStringLiteral("OUT")},
            (QByteArray("out.") + ext).constData());
    }
    add("--code",
        {QStringLiteral("export"), lesson, QStringLiteral("--code"), QStringLiteral("OUT")},
        "out.py");
    for (const char *ext : {"svg", "png", "pdf"}) {
        const QByteArray tag = QByteArray("--diagram ") + ext;
        add(tag.constData(),
            {QStringLiteral("export"), lesson, QStringLiteral("--diagram"), QStringLiteral("OUT")},
            (QByteArray("out.") + ext).constData());
    }
}

void tst_CliFaults::fullDiskEveryOutput_data()
{
    outputCommands();
}

void tst_CliFaults::fullDiskEveryOutput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, name);
    SmallTmpfs fs(1024); // room for the largest output (the PNG) once freed
    if (!fs.isMounted())
        QSKIP(qPrintable(fs.why()));
    const QString out = fs.filePath(name);
    const QByteArray before = "the previous file, which must survive\n";
    QVERIFY(writeBytes(out, before));
    QVERIFY(fs.fill());
    args.replaceInStrings(QStringLiteral("OUT"), out);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("cannot write %1: the disk is full").arg(out)),
             qPrintable(r.err));
    QVERIFY2(!r.out.contains(QStringLiteral("wrote")), qPrintable(r.out));
    QCOMPARE(readBytes(out), before);
    QCOMPARE(QDir(fs.path()).entryList(QDir::Files).size(), 1); // no temporary file left

    // With room, the same command writes the file (the failure above was the disk).
    fs.unfill();
    const Run ok = run(args);
    QVERIFY2(ok.code == 0, qPrintable(ok.err));
    QVERIFY(readBytes(out) != before);
    QVERIFY(QFileInfo(out).size() > 100);
}

void tst_CliFaults::readOnlyEveryOutput_data()
{
    outputCommands();
}

void tst_CliFaults::readOnlyEveryOutput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, name);
    SmallTmpfs fs(256);
    if (!fs.isMounted())
        QSKIP(qPrintable(fs.why()));
    const QString out = fs.filePath(name);
    QVERIFY(writeBytes(out, "old"));
    QVERIFY(fs.setReadOnly(true));
    args.replaceInStrings(QStringLiteral("OUT"), out);
    const Run r = run(args);
    QVERIFY(fs.setReadOnly(false));
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("the file system is read-only")), qPrintable(r.err));
    QCOMPARE(readBytes(out), QByteArray("old"));
}

void tst_CliFaults::deviceOutputs_data()
{
    outputCommands();
}

void tst_CliFaults::deviceOutputs()
{
    QFETCH(QStringList, args);
    QFETCH(QString, name);
    QTemporaryDir dir;
    // The test's own copy of /dev/null when root (see privateDevice): a symbolic link to it named
    // like the export, and the device itself where the format does not come from the file name.
    const QString null = privateDevice(dir, "null", 3);
    const QString link = dir.filePath(name);
    QVERIFY(QFile::link(null, link));
    QStringList targets{link};
    const bool plain =
        name.endsWith(QLatin1String(".py")) || name.endsWith(QLatin1String(".naqsh"));
    if (plain)
        targets << null;
    for (const QString &target : targets) {
        QStringList a = args;
        a.replaceInStrings(QStringLiteral("OUT"), target);
        const Run r = run(a);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(isCharDevice(null), "the device was replaced by a file");
        QVERIFY(QFileInfo(link).isSymLink());
    }
    // A device that is always full: the write fails and says so.
    const QString fullDevice = privateDevice(dir, "full", 7);
    if (QFileInfo::exists(fullDevice)) {
        const QString full = dir.filePath(QStringLiteral("full-") + name);
        QVERIFY(QFile::link(fullDevice, full));
        QStringList a = args;
        a.replaceInStrings(QStringLiteral("OUT"), full);
        const Run r = run(a);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("cannot write %1: the disk is full").arg(full)),
                 qPrintable(r.err));
        QVERIFY(QFileInfo(full).isSymLink());
        QVERIFY(isCharDevice(fullDevice));
    }
}

void tst_CliFaults::fullDiskReasonInPersian()
{
    // The operating system's reason in the user's language.
    SmallTmpfs fs(64);
    if (!fs.isMounted())
        QSKIP(qPrintable(fs.why()));
    const QString out = fs.filePath(QStringLiteral("model.py"));
    QVERIFY(writeBytes(out, "old"));
    QVERIFY(fs.fill());
    const Run r = run({QStringLiteral("export"), example("lesson.naqsh"), QStringLiteral("--code"),
                       out, QStringLiteral("--lang"), QStringLiteral("fa")});
    QCOMPARE(r.code, 2);
    QVERIFY2(
        r.err.contains(
            QStringLiteral("نمی‌توان در %1 نوشت: دیسک پر است").arg(out)),
        qPrintable(r.err));
    QCOMPARE(readBytes(out), QByteArray("old"));
}

void tst_CliFaults::folderOutputRefused()
{
    QTemporaryDir dir;
    const Run r = run(
        {QStringLiteral("export"), example("lesson.naqsh"), QStringLiteral("--code"), dir.path()});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("it is a folder")), qPrintable(r.err));
    QVERIFY(QFileInfo(dir.path()).isDir());
    const Run l =
        run({QStringLiteral("layout"), example("lesson.naqsh"), QStringLiteral("-o"), dir.path()});
    QCOMPARE(l.code, 2);
    QVERIFY2(l.err.contains(QStringLiteral("it is a folder")), qPrintable(l.err));
}

namespace {
/// A number printed as negative (the wrapped INT64_MIN of an overflow) in any digits.
bool hasNegativeNumber(const QString &text)
{
    // Grouped (-9,223,…; Persian ۹٬۲۲۳) or long plain runs of digits after a minus sign.
    static const QRegularExpression grouped(
        QStringLiteral("[-\u2212] ?[0-9\u06F0-\u06F9]{1,3}[,\u066C][0-9\u06F0-\u06F9]{3}"));
    static const QRegularExpression plain(QStringLiteral("[-\u2212] ?[0-9\u06F0-\u06F9]{5,}"));
    return text.contains(grouped) || text.contains(plain);
}
} // namespace

void tst_CliFaults::flopsOverflowAnEveryConvention_data()
{
    QTest::addColumn<QString>("convention");
    QTest::addColumn<bool>("overflows");
    // MACs = 5 × 10^12 × 10^6 = 5 × 10^18 fit (the limit is 9,223,372,036,854,775,807);
    // 2 × MACs do not.
    QTest::newRow("flops") << QStringLiteral("flops") << true;
    QTest::newRow("2macs") << QStringLiteral("2macs") << true;
    QTest::newRow("macs") << QStringLiteral("macs") << false;
    QTest::newRow("torchinfo") << QStringLiteral("torchinfo") << false;
}

void tst_CliFaults::flopsOverflowAnEveryConvention()
{
    QFETCH(QString, convention);
    QFETCH(bool, overflows);
    const QString file = data("naqsh", "overflow_flops.naqsh");
    for (const QString &format : {QStringLiteral("table"), QStringLiteral("csv"),
                                  QStringLiteral("markdown"), QStringLiteral("json")}) {
        const Run r = run({QStringLiteral("analyze"), file, QStringLiteral("--format"), format,
                           QStringLiteral("--convention"), convention});
        QVERIFY2(!hasNegativeNumber(r.out), qPrintable(r.out));
        QCOMPARE(r.code, overflows ? 1 : 0);
        if (format == QLatin1String("json")) {
            const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
            const QJsonObject huge = root.value(QStringLiteral("layers")).toArray()[2].toObject();
            QCOMPARE(huge.value(QStringLiteral("macs")).toInteger(),
                     qint64(5'000'000'000'000'000'000));
            if (overflows) {
                QVERIFY(huge.value(QStringLiteral("flops")).isNull());
                QVERIFY(root.value(QStringLiteral("totals"))
                            .toObject()
                            .value(QStringLiteral("flops"))
                            .isNull());
            } else {
                // macs: FLOPs = MACs; torchinfo: MACs + one per biased output (5 × 10^6).
                QCOMPARE(huge.value(QStringLiteral("flops")).toInteger(),
                         convention == QLatin1String("macs") ? qint64(5'000'000'000'000'000'000)
                                                             : qint64(5'000'000'000'005'000'000));
            }
        } else if (overflows) {
            QVERIFY2(r.out.contains(QStringLiteral("too large to count in 64 bits")),
                     qPrintable(r.out));
        }
        if (overflows)
            QVERIFY2(r.err.contains(QStringLiteral("error: layer 'huge' (")) &&
                         r.err.contains(QStringLiteral("): FLOPs too large to count in 64 bits")),
                     qPrintable(r.err));
        else
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }
    // The exported tables say the same, and the export exits 1.
    QTemporaryDir dir;
    for (const char *ext : {"csv", "md", "tex", "html"}) {
        const QString out = dir.filePath(QStringLiteral("t.") + QLatin1String(ext));
        const Run r = run({QStringLiteral("export"), file, QStringLiteral("--table"), out,
                           QStringLiteral("--convention"), convention});
        QCOMPARE(r.code, overflows ? 1 : 0);
        const QString text = QString::fromUtf8(readBytes(out));
        QVERIFY2(!hasNegativeNumber(text.section(QStringLiteral("<svg"), 0, 0)), qPrintable(text));
        QCOMPARE(text.contains(QStringLiteral("too large to count in 64 bits")), overflows);
    }
    // Persian says it in Persian, with no negative number either.
    const Run fa = run({QStringLiteral("analyze"), file, QStringLiteral("--lang"),
                        QStringLiteral("fa"), QStringLiteral("--convention"), convention});
    QCOMPARE(fa.code, overflows ? 1 : 0);
    QVERIFY(!hasNegativeNumber(fa.out));
}

void tst_CliFaults::totalsOverflowOfLayersThatFit()
{
    // Each linear: 3 × 10^12 × 10^6 = 3 × 10^18 MACs and 6,000,000,000,003,000,000 FLOPs, both
    // fit; four of them sum to 1.2 × 10^19 MACs, which does not.
    const QString file = data("naqsh", "overflow_totals.naqsh");
    const Run r =
        run({QStringLiteral("analyze"), file, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 1);
    QVERIFY(!hasNegativeNumber(r.out));
    const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
    for (const QJsonValue &l : root.value(QStringLiteral("layers")).toArray()) {
        const QJsonObject o = l.toObject();
        if (!o.value(QStringLiteral("name")).toString().startsWith(QStringLiteral("fc")))
            continue;
        QCOMPARE(o.value(QStringLiteral("macs")).toInteger(), qint64(3'000'000'000'000'000'000));
        QCOMPARE(o.value(QStringLiteral("flops")).toInteger(), qint64(6'000'000'000'003'000'000));
    }
    const QJsonObject totals = root.value(QStringLiteral("totals")).toObject();
    QVERIFY(totals.value(QStringLiteral("macs")).isNull());
    QVERIFY(totals.value(QStringLiteral("flops")).isNull());
    // Parameters: 4 × (10^18 + 10^6) fit.
    QCOMPARE(totals.value(QStringLiteral("params")).toInteger(), qint64(4'000'000'000'004'000'000));
    QVERIFY2(r.err.contains(QStringLiteral("error: total MACs: too large to count in 64 bits")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("error: total FLOPs: too large to count in 64 bits")),
             qPrintable(r.err));
    const Run t = run({QStringLiteral("analyze"), file});
    QCOMPARE(t.code, 1);
    QVERIFY(!hasNegativeNumber(t.out));
    QVERIFY(t.out.contains(QStringLiteral("too large to count in 64 bits")));
}

void tst_CliFaults::compareOverflow()
{
    const QString file = data("naqsh", "overflow_totals.naqsh");
    for (const QString &format : {QStringLiteral("table"), QStringLiteral("json"),
                                  QStringLiteral("csv"), QStringLiteral("markdown")}) {
        const Run r = run({QStringLiteral("compare"), file, QStringLiteral("--format"), format});
        QCOMPARE(r.code, 1);
        QVERIFY2(!hasNegativeNumber(r.out), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("All four: MACs too large to count in 64 bits")),
                 qPrintable(r.err));
        if (format == QLatin1String("json")) {
            const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
            QVERIFY(
                root.value(QStringLiteral("b")).toObject().value(QStringLiteral("macs")).isNull());
            QVERIFY(root.value(QStringLiteral("b_relative_to_a"))
                        .toObject()
                        .value(QStringLiteral("macs"))
                        .isNull());
            // Parameters fit: 4 × (10^18 + 10^6) against 10^18 + 10^6, four times more.
            QCOMPARE(root.value(QStringLiteral("b_relative_to_a"))
                         .toObject()
                         .value(QStringLiteral("params"))
                         .toObject()
                         .value(QStringLiteral("ratio"))
                         .toDouble(),
                     4.0);
        }
    }
}

void tst_CliFaults::compareWithErrorsHasNoRatios()
{
    const QString file = data("naqsh", "compare_with_errors.naqsh");
    for (const QString &format : {QStringLiteral("table"), QStringLiteral("json"),
                                  QStringLiteral("csv"), QStringLiteral("markdown")}) {
        const Run r = run({QStringLiteral("compare"), file, QStringLiteral("--format"), format});
        QCOMPARE(r.code, 1);
        QVERIFY2(!r.out.contains(QStringLiteral("fewer")) &&
                     !r.out.contains(QStringLiteral("more")),
                 qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("have errors")), qPrintable(r.out));
        QVERIFY2(
            r.err.contains(QStringLiteral("Broken: 2 layer(s) have errors and are not counted")),
            qPrintable(r.err));
        if (format == QLatin1String("table") || format == QLatin1String("markdown"))
            QVERIFY2(r.out.contains(QStringLiteral("not compared: a variant has errors")),
                     qPrintable(r.out));
    }
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("c.md"));
    const Run e = run({QStringLiteral("export"), file, QStringLiteral("--compare-table"), out});
    QCOMPARE(e.code, 1);
    QVERIFY(!QString::fromUtf8(readBytes(out)).contains(QStringLiteral("fewer")));
}

void tst_CliFaults::devZeroInputsRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("document") << QStringList{QStringLiteral("analyze"), QStringLiteral("/dev/zero")}
                              << QStringLiteral("too large to be a Naqsh document");
    QTest::newRow("prototxt") << QStringList{QStringLiteral("analyze"),
                                             QStringLiteral("ZERO.prototxt")}
                              << QStringLiteral("too large to be a network description");
    QTest::newRow("comparison document")
        << QStringList{QStringLiteral("compare"), QStringLiteral("DOC")}
        << QStringLiteral("too large to be a Naqsh document");
}

void tst_CliFaults::devZeroInputsRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString proto = dir.filePath(QStringLiteral("zero.prototxt"));
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), proto));
    const QString doc = dir.filePath(QStringLiteral("doc.naqsh"));
    QVERIFY(writeBytes(doc, QByteArray(R"({"format": "naqsh", "version": 1, "layers": [
        {"id": 1, "type": "input", "name": "in"}],
        "comparisons": [{"name": "Mine", "kind": "layers", "layers": [1]},
                        {"name": "Endless", "kind": "document", "path": "/dev/zero"}]})")));
    args.replaceInStrings(QStringLiteral("ZERO.prototxt"), proto);
    args.replaceInStrings(QStringLiteral("DOC"), doc);
    QElapsedTimer t;
    t.start();
    const Run r = run(args, 60000);
    QVERIFY2(t.elapsed() < 30000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
}

void tst_CliFaults::scaleNanRefused()
{
    QTemporaryDir dir;
    for (const char *scale : {"nan", "NaN", "inf", "-inf", "0", "17"}) {
        for (const char *ext : {"svg", "pdf", "png"}) {
            const QString out = dir.filePath(QStringLiteral("d.") + QLatin1String(ext));
            const Run r =
                run({QStringLiteral("export"), example("lesson.naqsh"), QStringLiteral("--diagram"),
                     out, QStringLiteral("--scale"), QString::fromLatin1(scale)});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(QStringLiteral("--scale must be a number from 0.1 to 16")),
                     qPrintable(r.err));
            QVERIFY(!QFileInfo::exists(out));
        }
    }
}

void tst_CliFaults::hugePngAndPdfRefusedUpFront()
{
    // A chain of 600 layers: drawn top-down it is far taller than a PNG or a PDF page can be.
    QTemporaryDir dir;
    QByteArray json = R"({"format": "naqsh", "version": 1, "name": "tall", "layers": [
        {"id": 1, "type": "input", "name": "in", "params": {"channels": 3, "height": 8, "width": 8}})";
    QByteArray connections;
    for (int i = 2; i <= 600; ++i) {
        json += ",\n{\"id\": " + QByteArray::number(i) + ", \"type\": \"relu\", \"name\": \"r" +
                QByteArray::number(i) + "\"}";
        connections += QByteArray(i > 2 ? ", " : "") + "{\"from\": " + QByteArray::number(i - 1) +
                       ", \"to\": " + QByteArray::number(i) + "}";
    }
    json += "], \"connections\": [" + connections + "]}";
    const QString doc = dir.filePath(QStringLiteral("tall.naqsh"));
    QVERIFY(writeBytes(doc, json));
    const QString png = dir.filePath(QStringLiteral("tall.png"));
    QElapsedTimer t;
    t.start();
    Run r = run({QStringLiteral("export"), doc, QStringLiteral("--diagram"), png});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("the PNG would be")), qPrintable(r.err));
    QVERIFY2(r.err.size() < 2000, qPrintable(r.err.left(2000))); // no painter warnings
    QVERIFY(!r.err.contains(QStringLiteral("QPainter")));
    QVERIFY(!QFileInfo::exists(png));
    QVERIFY(t.elapsed() < 30000);

    const QString pdf = dir.filePath(QStringLiteral("tall.pdf"));
    r = run({QStringLiteral("export"), doc, QStringLiteral("--diagram"), pdf});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("the PDF page would be")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(pdf));
    // SVG has no such limit; and a part of the chain fits a page.
    r = run({QStringLiteral("export"), doc, QStringLiteral("--diagram"),
             dir.filePath(QStringLiteral("tall.svg"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = run({QStringLiteral("export"), doc, QStringLiteral("--diagram"), pdf,
             QStringLiteral("--layers"), QStringLiteral("r2,r3,r4")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFileInfo(pdf).size() > 500);
}

void tst_CliFaults::emptyLayersListRefused()
{
    QTemporaryDir dir;
    for (const char *list : {",", " , ", ""}) {
        const QString out = dir.filePath(QStringLiteral("d.svg"));
        const Run r =
            run({QStringLiteral("export"), example("lesson.naqsh"), QStringLiteral("--diagram"),
                 out, QStringLiteral("--layers"), QString::fromLatin1(list)});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--layers needs at least one layer name")),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
    }
}

void tst_CliFaults::missingComparisonLayerIsAWarning()
{
    // A document saved before comparisons followed deleted layers still opens: the comparison
    // naming a missing layer is left out, with a warning naming it.
    const Run r = run({QStringLiteral("analyze"), data("naqsh", "missing_comparison_layer.naqsh")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(QStringLiteral(
                 "warning: comparisons[1].from: the comparison \"Gone\" names layer id 3")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("the comparison \"Gone set\" names layer id 9")),
             qPrintable(r.err));
    const Run c = run({QStringLiteral("compare"), data("naqsh", "missing_comparison_layer.naqsh")});
    QCOMPARE(c.code, 2); // only one comparison is left
    QVERIFY2(c.err.contains(QStringLiteral("fewer than two comparisons")), qPrintable(c.err));
}

QTEST_GUILESS_MAIN(tst_CliFaults)
#include "tst_CliFaults.moc"
