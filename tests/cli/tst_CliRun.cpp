// naqsh-cli run: the JSON, CSV and table of a measurement; layers that cannot run give exit
// code 1 and are named; bad options give exit code 2.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

class tst_CliRun : public QObject
{
    Q_OBJECT
private slots:
    void json();
    void csvAndTable();
    void layerThatCannotRunExitsOne();
    void badOptionsExitTwo_data();
    void badOptionsExitTwo();

private:
    struct Run
    {
        int code;
        QString out, err;
    };
    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(NAQSH_CLI_PATH), args);
        if (!p.waitForFinished(120000))
            qFatal("naqsh-cli did not finish");
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    static QString example(const char *name)
    {
        return QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/") + QLatin1String(name);
    }
};

void tst_CliRun::json()
{
    const Run r = run({QStringLiteral("run"), example("lesson.naqsh"), QStringLiteral("--format"),
                       QStringLiteral("json"), QStringLiteral("--repeat"), QStringLiteral("3"),
                       QStringLiteral("--threads"), QStringLiteral("1")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("threads")).toInt(), 1);
    QCOMPARE(root.value(QStringLiteral("repeat")).toInt(), 3);
    QVERIFY(root.value(QStringLiteral("complete")).toBool());
    QCOMPARE(root.value(QStringLiteral("shape_mismatches")).toInt(), 0);
    // The lesson's MACs by hand: 28·28·32·5·5·192 + 28·28·16·192 + 28·28·32·5·5·16.
    const qint64 direct = 28LL * 28 * 32 * 5 * 5 * 192, reduce = 28LL * 28 * 16 * 192,
                 after = 28LL * 28 * 32 * 5 * 5 * 16;
    QCOMPARE(qint64(root.value(QStringLiteral("total_macs")).toDouble()), direct + reduce + after);
    const QJsonArray layers = root.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 6); // input, three convs, concat, output
    QJsonObject conv5;
    for (const QJsonValue &v : layers)
        if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("conv5x5"))
            conv5 = v.toObject();
    QCOMPARE(qint64(conv5.value(QStringLiteral("macs")).toDouble()), direct);
    QCOMPARE(conv5.value(QStringLiteral("shape")).toArray(), (QJsonArray{1, 32, 28, 28}));
    QVERIFY(conv5.value(QStringLiteral("shape_matches")).toBool());
    QCOMPARE(conv5.value(QStringLiteral("path")).toString(), QStringLiteral("im2col + GEMM"));
    const double ms = conv5.value(QStringLiteral("median_ms")).toDouble();
    QVERIFY(ms > 0);
    QVERIFY(conv5.value(QStringLiteral("min_ms")).toDouble() <= ms);
    QVERIFY(conv5.value(QStringLiteral("max_ms")).toDouble() >= ms);
    // GMAC/s is MACs over the median time.
    QVERIFY(qAbs(conv5.value(QStringLiteral("gmac_per_s")).toDouble() - double(direct) / ms / 1e6) <
            1e-6 * double(direct) / ms);
    // Bytes moved: input 192·28·28, weights 32·192·5·5, output 32·28·28 floats.
    const qint64 bytes = 4 * (192LL * 28 * 28 + 32LL * 192 * 25 + 32LL * 28 * 28);
    QCOMPARE(qint64(conv5.value(QStringLiteral("bytes")).toDouble()), bytes);
    QVERIFY(qAbs(conv5.value(QStringLiteral("macs_per_byte")).toDouble() -
                 double(direct) / double(bytes)) < 1e-9);
    // Paths: the document's two variants, then the whole graph.
    const QJsonArray paths = root.value(QStringLiteral("paths")).toArray();
    QVERIFY(paths.size() >= 1);
    QCOMPARE(paths.last().toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("whole graph"));
}

void tst_CliRun::csvAndTable()
{
    const Run csv = run({QStringLiteral("run"), example("mobilenet_separable.naqsh"),
                         QStringLiteral("--format"), QStringLiteral("csv"),
                         QStringLiteral("--repeat"), QStringLiteral("1")});
    QVERIFY2(csv.code == 0, qPrintable(csv.err));
    const QStringList lines = csv.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.first().startsWith(QStringLiteral("name,type,path,executed,shape,median_ms")));
    QVERIFY(csv.out.contains(QStringLiteral(",depthwise direct,yes,")));
    const Run table = run({QStringLiteral("run"), example("lesson.naqsh"),
                           QStringLiteral("--repeat"), QStringLiteral("1")});
    QVERIFY2(table.code == 0, qPrintable(table.err));
    QVERIFY(table.out.contains(QStringLiteral("GMAC/s")));
    QVERIFY(table.out.contains(QStringLiteral("1×1 GEMM")));
    QVERIFY(table.out.contains(QStringLiteral("Total")));
}

void tst_CliRun::layerThatCannotRunExitsOne()
{
    const QString onnx = QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/naqsh/opaque_run.naqsh");
    const Run r = run({QStringLiteral("run"), onnx, QStringLiteral("--repeat"), QStringLiteral("1"),
                       QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("opaque")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("Einsum")), qPrintable(r.err)); // the operator named
    const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("unsupported_types")).toArray(),
             (QJsonArray{QStringLiteral("opaque")}));
    QVERIFY(!root.value(QStringLiteral("complete")).toBool());
}

void tst_CliRun::badOptionsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("repeat 0") << QStringList{QStringLiteral("--repeat"), QStringLiteral("0")};
    QTest::newRow("threads x") << QStringList{QStringLiteral("--threads"), QStringLiteral("x")};
    QTest::newRow("format xml") << QStringList{QStringLiteral("--format"), QStringLiteral("xml")};
}

void tst_CliRun::badOptionsExitTwo()
{
    QFETCH(QStringList, args);
    const Run r = run(QStringList{QStringLiteral("run"), example("lesson.naqsh")} + args);
    QCOMPARE(r.code, 2);
    QVERIFY(!r.err.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CliRun)
#include "tst_CliRun.moc"
