// naqsh-cli as a user runs it: output formats, numbers, exit codes and messages.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

class tst_Cli : public QObject
{
    Q_OBJECT
private slots:
    void analyzeTable();
    void analyzeJson();
    void analyzeCsv();
    void analyzeMarkdown();
    void batchAndDtype();
    void modelErrorsExitOne();
    void fileErrorsExitTwo_data();
    void fileErrorsExitTwo();
    void compareLesson();
    void compareJsonAndNames();
    void compareTwoDocuments();
    void persianDigits();

private:
    struct Run
    {
        int code;
        QString out, err;
    };
    static Run run(const QStringList &args);
    static QString example(const char *name) { return QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/") + QLatin1String(name); }
    static QString data(const char *name) { return QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/naqsh/") + QLatin1String(name); }
};

tst_Cli::Run tst_Cli::run(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(NAQSH_CLI_PATH), args);
    if (!p.waitForFinished(60000))
        qFatal("naqsh-cli did not finish");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

void tst_Cli::analyzeTable()
{
    const Run r = run({QStringLiteral("analyze"), example("lesson.naqsh")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY(r.out.contains(QStringLiteral("120,422,400")));
    QVERIFY(r.out.contains(QStringLiteral("153,600")));
    QVERIFY(r.out.contains(QStringLiteral("1×32×28×28")));
    // Columns are aligned: every table line up to the totals has the same length.
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    const int header = int(lines.indexOf(QRegularExpression(QStringLiteral("^Layer\\s+Type.*"))));
    QVERIFY(header >= 0);
    const int ruleLength = int(lines[header + 1].size());
    QVERIFY(ruleLength > 60);
    const int conv = int(lines.indexOf(QRegularExpression(QStringLiteral("^conv5x5 .*"))));
    QCOMPARE(lines[conv].size(), ruleLength);
}

void tst_Cli::analyzeJson()
{
    const Run r = run({QStringLiteral("analyze"), example("lesson.naqsh"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &e).object();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(o.value(QStringLiteral("convention")).toString(), QStringLiteral("flops"));
    const QJsonArray layers = o.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 6);
    QJsonObject conv;
    for (const QJsonValue &v : layers)
        if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("conv5x5"))
            conv = v.toObject();
    QCOMPARE(conv.value(QStringLiteral("macs")).toInteger(), 120422400);
    QCOMPARE(conv.value(QStringLiteral("params")).toInteger(), 153600);
    QCOMPARE(conv.value(QStringLiteral("flops")).toInteger(), 240844800);
    QCOMPARE(conv.value(QStringLiteral("activation_elements")).toInteger(), 25088);
    QCOMPARE(conv.value(QStringLiteral("type")).toString(), QStringLiteral("conv2d"));
    QCOMPARE(conv.value(QStringLiteral("inputs")).toArray(), QJsonArray{1});
    QCOMPARE(conv.value(QStringLiteral("output_shape")).toArray(), (QJsonArray{1, 32, 28, 28}));
    QVERIFY(conv.value(QStringLiteral("error")).isNull());
    const QJsonObject totals = o.value(QStringLiteral("totals")).toObject();
    QCOMPARE(totals.value(QStringLiteral("macs")).toInteger(), 120422400 + 12443648);
    QCOMPARE(totals.value(QStringLiteral("params")).toInteger(), 153600 + 15872);
    // Activation elements: input 150,528 + 25,088 + 12,544 + 25,088 + concat 50,176.
    QCOMPARE(totals.value(QStringLiteral("activation_elements")).toInteger(), 263424);
    QCOMPARE(totals.value(QStringLiteral("activation_bytes")).toInteger(), 263424 * 4);
    QCOMPARE(totals.value(QStringLiteral("peak_activation_bytes")).toInteger(), (150528 + 25088 + 12544) * 4);
}

void tst_Cli::analyzeCsv()
{
    const Run r = run({QStringLiteral("analyze"), example("inception_3a.naqsh"), QStringLiteral("--format"), QStringLiteral("csv"),
                       QStringLiteral("--convention"), QStringLiteral("macs")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.first(), QStringLiteral("Layer,Type,Output shape,Params,MACs,FLOPs,Activations,Share,Error"));
    const QStringList total = lines.last().split(QLatin1Char(','));
    QCOMPARE(total[0], QStringLiteral("Total"));
    QCOMPARE(total[3], QStringLiteral("163696"));
    QCOMPARE(total[4], QStringLiteral("128049152"));
    QCOMPARE(total[5], QStringLiteral("128049152")); // MACs-only convention
}

void tst_Cli::analyzeMarkdown()
{
    const Run r = run({QStringLiteral("analyze"), example("lesson.naqsh"), QStringLiteral("--format"), QStringLiteral("markdown")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("| Layer | Type | Output shape |")));
    QVERIFY(r.out.contains(QStringLiteral("| conv5x5 | Conv2d | 1×32×28×28 | 153,600 | 120,422,400 | 240,844,800 | 25,088 | 90.6% |")));
    QVERIFY(r.out.contains(QStringLiteral("| **Total** |")));
}

void tst_Cli::batchAndDtype()
{
    const Run r = run({QStringLiteral("analyze"), example("lesson.naqsh"), QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--dtype"), QStringLiteral("fp16")});
    QCOMPARE(r.code, 0);
    const QJsonObject totals = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("totals")).toObject();
    QCOMPARE(totals.value(QStringLiteral("macs")).toInteger(), qint64(4) * (120422400 + 12443648));
    QCOMPARE(totals.value(QStringLiteral("params")).toInteger(), 153600 + 15872);
    QCOMPARE(totals.value(QStringLiteral("activation_bytes")).toInteger(), qint64(4) * 263424 * 2);
}

void tst_Cli::modelErrorsExitOne()
{
    const Run r = run({QStringLiteral("analyze"), data("broken_kernel.naqsh"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("error: layer 'conv7' (conv2d): kernel 7 is larger than the padded input 5")), qPrintable(r.err));
    const QJsonArray layers = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 4);
    for (const QJsonValue &v : layers) {
        const QJsonObject l = v.toObject();
        const QString name = l.value(QStringLiteral("name")).toString();
        if (name == QLatin1String("side"))
            QCOMPARE(l.value(QStringLiteral("activation_elements")).toInteger(), 75); // the rest still gets numbers
        if (name == QLatin1String("relu")) {
            QVERIFY(l.value(QStringLiteral("macs")).isNull());
            QVERIFY(l.value(QStringLiteral("error")).toString().contains(QStringLiteral("conv7")));
        }
    }
}

void tst_Cli::fileErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << "Usage:";
    QTest::newRow("unknown command") << QStringList{"paint"} << "unknown command \"paint\"";
    QTest::newRow("missing file") << QStringList{"analyze", "/nonexistent/x.naqsh"} << "cannot open /nonexistent/x.naqsh";
    QTest::newRow("truncated") << QStringList{"analyze", data("truncated.naqsh")} << "not valid JSON at line 1";
    QTest::newRow("bad format") << QStringList{"analyze", example("lesson.naqsh"), "--format", "xml"} << "unknown format \"xml\"";
    QTest::newRow("bad convention") << QStringList{"analyze", example("lesson.naqsh"), "--convention", "gflops"} << "unknown convention \"gflops\"";
    QTest::newRow("bad batch") << QStringList{"analyze", example("lesson.naqsh"), "--batch", "0"} << "--batch must be";
    QTest::newRow("two files") << QStringList{"analyze", "a", "b"} << "exactly one file";
    QTest::newRow("no such variant") << QStringList{"compare", example("lesson.naqsh"), "--a", "Nope"} << "no comparison named \"Nope\"";
}

void tst_Cli::fileErrorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void tst_Cli::compareLesson()
{
    const Run r = run({QStringLiteral("compare"), example("lesson.naqsh")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("9.68× fewer MACs")));
    QVERIFY(r.out.contains(QStringLiteral("9.68× fewer parameters")));
    QVERIFY(r.out.contains(QStringLiteral("1.50× more activation memory")));
    QVERIFY(r.out.contains(QStringLiteral("12,443,648")));
}

void tst_Cli::compareJsonAndNames()
{
    const Run r = run({QStringLiteral("compare"), example("lesson.naqsh"), QStringLiteral("--a"), QStringLiteral("1×1 then 5×5"),
                       QStringLiteral("--b"), QStringLiteral("Plain 5×5"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("a")).toObject().value(QStringLiteral("macs")).toInteger(), 12443648);
    QCOMPARE(o.value(QStringLiteral("b")).toObject().value(QStringLiteral("macs")).toInteger(), 120422400);
    const QJsonObject macs = o.value(QStringLiteral("b_relative_to_a")).toObject().value(QStringLiteral("macs")).toObject();
    QCOMPARE(macs.value(QStringLiteral("direction")).toString(), QStringLiteral("more"));
    QCOMPARE(macs.value(QStringLiteral("text")).toString(), QStringLiteral("9.68× more MACs"));
}

void tst_Cli::compareTwoDocuments()
{
    const Run r = run({QStringLiteral("compare"), example("lesson.naqsh"), example("inception_3a.naqsh"),
                       QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("macs,132866048,128049152,")), qPrintable(r.out));
}

void tst_Cli::persianDigits()
{
    const Run r = run({QStringLiteral("analyze"), example("lesson.naqsh"), QStringLiteral("--lang"), QStringLiteral("fa")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QString::fromUtf8("۱۲۰٬۴۲۲٬۴۰۰")));
    const Run csv = run({QStringLiteral("analyze"), example("lesson.naqsh"), QStringLiteral("--lang"), QStringLiteral("fa"),
                         QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY(csv.out.contains(QStringLiteral("120422400"))); // CSV stays machine-readable
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_Cli.moc"
