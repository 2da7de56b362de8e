// naqsh-cli as a user runs it: output formats, numbers, exit codes and messages.
#include "analysis/AnalysisEngine.h"
#include "io/NaqshFile.h"
#include "io/TableExport.h"
#include "layers/LayerRegistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointF>
#include <QProcess>
#include <QTemporaryDir>
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
    void analyzePrototxt();
    void analyzeTrainValWarns();
    void analyzeOnnx();
    void compareImported();
    void convertPrototxt();
    void convertOnnxRight();
    void layoutDocument();
    void importErrorsExitTwo_data();
    void importErrorsExitTwo();
    void sweepJson();
    void sweepCsvAndTable();
    void sweepErrorsExitTwo_data();
    void sweepErrorsExitTwo();
    void exportFormats_data();
    void exportFormats();
    void exportPngSize();
    void exportPersianTable();
    void exportSameAsLibrary();
    void exportModelErrorsExitOne();
    void exportErrorsExitTwo_data();
    void exportErrorsExitTwo();

private:
    struct Run
    {
        int code;
        QString out, err;
    };
    static Run run(const QStringList &args);
    static QString example(const char *name)
    {
        return QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/") + QLatin1String(name);
    }
    static QString data(const char *name)
    {
        return QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/naqsh/") + QLatin1String(name);
    }
    static QString onnx(const char *name)
    {
        return QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/onnx/") + QLatin1String(name);
    }
    static QString caffe(const char *name)
    {
        return QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/caffe/") + QLatin1String(name);
    }
    static QJsonObject layerNamed(const QJsonArray &layers, const QString &name);
    static QJsonObject readJson(const QString &path);
};

tst_Cli::Run tst_Cli::run(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(NAQSH_CLI_PATH), args);
    if (!p.waitForFinished(60000))
        qFatal("naqsh-cli did not finish");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
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
    const Run r = run({QStringLiteral("analyze"), example("lesson.naqsh"),
                       QStringLiteral("--format"), QStringLiteral("json")});
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
    QCOMPARE(totals.value(QStringLiteral("peak_activation_bytes")).toInteger(),
             (150528 + 25088 + 12544) * 4);
}

void tst_Cli::analyzeCsv()
{
    const Run r =
        run({QStringLiteral("analyze"), example("inception_3a.naqsh"), QStringLiteral("--format"),
             QStringLiteral("csv"), QStringLiteral("--convention"), QStringLiteral("macs")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.first(),
             QStringLiteral("Layer,Type,Output shape,Params,MACs,FLOPs,Activations (elements),Share,Error"));
    const QStringList total = lines.last().split(QLatin1Char(','));
    QCOMPARE(total[0], QStringLiteral("Total"));
    QCOMPARE(total[3], QStringLiteral("163696"));
    QCOMPARE(total[4], QStringLiteral("128049152"));
    QCOMPARE(total[5], QStringLiteral("128049152")); // MACs-only convention
}

void tst_Cli::analyzeMarkdown()
{
    const Run r = run({QStringLiteral("analyze"), example("lesson.naqsh"),
                       QStringLiteral("--format"), QStringLiteral("markdown")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("| Layer | Type | Output shape |")));
    QVERIFY(r.out.contains(QStringLiteral("| conv5x5 | Conv2d | 1×32×28×28 | 153,600 | 120,422,400 "
                                          "| 240,844,800 | 25,088 | 90.6% |")));
    QVERIFY(r.out.contains(QStringLiteral("| **Total** |")));
}

void tst_Cli::batchAndDtype()
{
    const Run r =
        run({QStringLiteral("analyze"), example("lesson.naqsh"), QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("--batch"), QStringLiteral("4"),
             QStringLiteral("--dtype"), QStringLiteral("fp16")});
    QCOMPARE(r.code, 0);
    const QJsonObject totals =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("totals")).toObject();
    QCOMPARE(totals.value(QStringLiteral("macs")).toInteger(), qint64(4) * (120422400 + 12443648));
    QCOMPARE(totals.value(QStringLiteral("params")).toInteger(), 153600 + 15872);
    QCOMPARE(totals.value(QStringLiteral("activation_bytes")).toInteger(), qint64(4) * 263424 * 2);
}

void tst_Cli::modelErrorsExitOne()
{
    const Run r = run({QStringLiteral("analyze"), data("broken_kernel.naqsh"),
                       QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral(
                 "error: layer 'conv7' (conv2d): kernel 7 is larger than the padded input 5")),
             qPrintable(r.err));
    const QJsonArray layers =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 4);
    for (const QJsonValue &v : layers) {
        const QJsonObject l = v.toObject();
        const QString name = l.value(QStringLiteral("name")).toString();
        if (name == QLatin1String("side"))
            QCOMPARE(l.value(QStringLiteral("activation_elements")).toInteger(),
                     75); // the rest still gets numbers
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
    QTest::newRow("missing file") << QStringList{"analyze", "/nonexistent/x.naqsh"}
                                  << "cannot open /nonexistent/x.naqsh";
    QTest::newRow("truncated") << QStringList{"analyze", data("truncated.naqsh")}
                               << "not valid JSON at line 1";
    QTest::newRow("bad format") << QStringList{"analyze", example("lesson.naqsh"), "--format",
                                               "xml"}
                                << "unknown format \"xml\"";
    QTest::newRow("bad convention")
        << QStringList{"analyze", example("lesson.naqsh"), "--convention", "gflops"}
        << "unknown convention \"gflops\"";
    QTest::newRow("bad batch") << QStringList{"analyze", example("lesson.naqsh"), "--batch", "0"}
                               << "--batch must be";
    QTest::newRow("two files") << QStringList{"analyze", "a", "b"} << "exactly one file";
    QTest::newRow("no such variant")
        << QStringList{"compare", example("lesson.naqsh"), "--a", "Nope"}
        << "no comparison named \"Nope\"";
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
    const Run r =
        run({QStringLiteral("compare"), example("lesson.naqsh"), QStringLiteral("--a"),
             QStringLiteral("1×1 then 5×5"), QStringLiteral("--b"), QStringLiteral("Plain 5×5"),
             QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("a")).toObject().value(QStringLiteral("macs")).toInteger(),
             12443648);
    QCOMPARE(o.value(QStringLiteral("b")).toObject().value(QStringLiteral("macs")).toInteger(),
             120422400);
    const QJsonObject macs = o.value(QStringLiteral("b_relative_to_a"))
                                 .toObject()
                                 .value(QStringLiteral("macs"))
                                 .toObject();
    QCOMPARE(macs.value(QStringLiteral("direction")).toString(), QStringLiteral("more"));
    QCOMPARE(macs.value(QStringLiteral("text")).toString(), QStringLiteral("9.68× more MACs"));
}

void tst_Cli::compareTwoDocuments()
{
    const Run r =
        run({QStringLiteral("compare"), example("lesson.naqsh"), example("inception_3a.naqsh"),
             QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("macs,132866048,128049152,")), qPrintable(r.out));
}

void tst_Cli::persianDigits()
{
    const Run r = run({QStringLiteral("analyze"), example("lesson.naqsh"), QStringLiteral("--lang"),
                       QStringLiteral("fa")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QString::fromUtf8("۱۲۰٬۴۲۲٬۴۰۰")));
    // Headers and messages in Persian too.
    QVERIFY2(r.out.contains(QString::fromUtf8("پارامترها")), qPrintable(r.out));
    const Run missing = run({QStringLiteral("analyze"), QStringLiteral("/nonexistent/x.naqsh"),
                             QStringLiteral("--lang"), QStringLiteral("fa")});
    QCOMPARE(missing.code, 2);
    QVERIFY2(missing.err.contains(QString::fromUtf8("باز کرد")), qPrintable(missing.err));
    const Run csv =
        run({QStringLiteral("analyze"), example("lesson.naqsh"), QStringLiteral("--lang"),
             QStringLiteral("fa"), QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY(csv.out.contains(QStringLiteral("120422400"))); // CSV stays machine-readable
}

QJsonObject tst_Cli::layerNamed(const QJsonArray &layers, const QString &name)
{
    for (const QJsonValue &v : layers)
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    return {};
}

QJsonObject tst_Cli::readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void tst_Cli::analyzePrototxt()
{
    // GoogLeNet's stem per image: conv1 7·7·3·64 + 64 = 9,472; conv2/3x3_reduce 64·64 + 64 = 4,160;
    // conv2/3x3 9·64·192 + 192 = 110,784. Caffe rounds pooling up: 112 → 56 and 56 → 28.
    const Run r = run({QStringLiteral("analyze"), caffe("googlenet_stem.prototxt"),
                       QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("--batch"), QStringLiteral("1")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(QStringLiteral(
                 "warning: input 'data' has batch size 10, as written in input_dim")),
             qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("model")).toString(), QStringLiteral("GoogleNet stem"));
    QCOMPARE(
        o.value(QStringLiteral("totals")).toObject().value(QStringLiteral("params")).toInteger(),
        9472 + 4160 + 110784);
    const QJsonArray layers = o.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layerNamed(layers, QStringLiteral("pool1/3x3_s2"))
                 .value(QStringLiteral("output_shape"))
                 .toArray(),
             (QJsonArray{1, 64, 56, 56}));
    QCOMPARE(layerNamed(layers, QStringLiteral("pool2/3x3_s2"))
                 .value(QStringLiteral("output_shape"))
                 .toArray(),
             (QJsonArray{1, 192, 28, 28}));
    // 112·112·64·7·7·3 = 118,013,952 MACs.
    QCOMPARE(layerNamed(layers, QStringLiteral("conv1/7x7_s2"))
                 .value(QStringLiteral("macs"))
                 .toInteger(),
             118013952);
    // In-place ReLU: conv2/3x3 reads the ReLU that rewrote conv2/3x3_reduce.
    const int relu = layerNamed(layers, QStringLiteral("conv2/relu_3x3_reduce"))
                         .value(QStringLiteral("id"))
                         .toInt();
    QCOMPARE(
        layerNamed(layers, QStringLiteral("conv2/3x3")).value(QStringLiteral("inputs")).toArray(),
        QJsonArray{relu});
}

void tst_Cli::analyzeTrainValWarns()
{
    const Run r = run({QStringLiteral("analyze"), caffe("lenet_train_val.prototxt")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(
                 QStringLiteral("warning: skipped 3 training-only layer(s): 'mnist' (Data) "
                                "(TRAIN phase), 'accuracy' (Accuracy), 'loss' (SoftmaxWithLoss)")),
             qPrintable(r.err));
    // MNIST's LMDB data layer states no image size: the assumed one is named.
    QVERIFY(
        r.err.contains(QStringLiteral("data layer 'mnist' (Data) does not give the image size")));
    QVERIFY(r.err.contains(QStringLiteral("the Input layer 'data' assumes 100×3×224×224")));
    QVERIFY(r.out.contains(QStringLiteral("ip2")));
    QVERIFY(!r.out.contains(QStringLiteral("accuracy")));
}

void tst_Cli::analyzeOnnx()
{
    // small_cnn.onnx: conv1 3·3·3·8 + 8 = 224 params, 32·32·8·27 = 221,184 MACs; conv2 3·3·8·16 +
    // 16 = 1,168, 16·16·16·72 = 294,912; fc 16·10 + 10 = 170, 160. Erf is not modelled.
    const Run r = run({QStringLiteral("analyze"), onnx("small_cnn.onnx"),
                       QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(
                 QStringLiteral("warning: operator Erf is not modelled by Naqsh: 1 node(s) "
                                "imported as opaque layers with unknown cost (erf)")),
             qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject totals = o.value(QStringLiteral("totals")).toObject();
    QCOMPARE(totals.value(QStringLiteral("params")).toInteger(), 224 + 1168 + 170);
    QCOMPARE(totals.value(QStringLiteral("macs")).toInteger(), 221184 + 294912 + 160);
    QCOMPARE(totals.value(QStringLiteral("unknown_cost_layers")).toInt(), 1);
    // The same count as for Caffe files: erf has numbers but no cost, nothing after it fails.
    QCOMPARE(totals.value(QStringLiteral("layers_without_numbers")).toInt(), 1);
    QCOMPARE(totals.value(QStringLiteral("first_layer_without_numbers")).toString(),
             QStringLiteral("erf"));
    const QJsonArray layers = o.value(QStringLiteral("layers")).toArray();
    const QJsonObject hs = layerNamed(layers, QStringLiteral("erf"));
    QCOMPARE(hs.value(QStringLiteral("cost_known")).toBool(), false);
    QVERIFY(hs.value(QStringLiteral("macs")).isNull());
    QCOMPARE(hs.value(QStringLiteral("output_shape")).toArray(), (QJsonArray{1, 16, 16, 16}));
    QCOMPARE(
        layerNamed(layers, QStringLiteral("image")).value(QStringLiteral("output_shape")).toArray(),
        (QJsonArray{1, 3, 32, 32}));

    const Run table = run({QStringLiteral("analyze"), onnx("small_cnn.onnx")});
    QCOMPARE(table.code, 0);
    QVERIFY(table.out.contains(QStringLiteral("1 layer(s) have unknown cost (ops: Erf)")));
    const QStringList lines = table.out.split(QLatin1Char('\n'));
    const int hsLine = int(lines.indexOf(QRegularExpression(QStringLiteral("^erf .*"))));
    QVERIFY(hsLine >= 0);
    QCOMPARE(lines[hsLine].count(QStringLiteral("unknown")), 3);
}

void tst_Cli::compareImported()
{
    const Run r = run({QStringLiteral("compare"), onnx("small_cnn.onnx"),
                       caffe("googlenet_stem.prototxt"), QStringLiteral("--format"),
                       QStringLiteral("csv"), QStringLiteral("--batch"), QStringLiteral("1")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("params,1562,124416,")), qPrintable(r.out));
}

void tst_Cli::convertPrototxt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("stem.naqsh"));
    const Run r = run(
        {QStringLiteral("convert"), caffe("googlenet_stem.prototxt"), QStringLiteral("-o"), out});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("wrote %1: 12 layer(s)").arg(out)), qPrintable(r.out));
    // The document opens and analyses like the original (per image).
    const Run again = run({QStringLiteral("analyze"), out, QStringLiteral("--format"),
                           QStringLiteral("json"), QStringLiteral("--batch"), QStringLiteral("1")});
    QCOMPARE(again.code, 0);
    QVERIFY(again.err.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(again.out.toUtf8())
                 .object()
                 .value(QStringLiteral("totals"))
                 .toObject()
                 .value(QStringLiteral("params"))
                 .toInteger(),
             124416);
    // Laid out top-down: every layer below the one feeding it, no two in the same place.
    const QJsonObject doc = readJson(out);
    QCOMPARE(doc.value(QStringLiteral("format")).toString(), QStringLiteral("naqsh"));
    QHash<qint64, QPointF> pos;
    for (const QJsonValue &v : doc.value(QStringLiteral("layers")).toArray()) {
        const QJsonArray p = v.toObject().value(QStringLiteral("position")).toArray();
        const QPointF point(p[0].toDouble(), p[1].toDouble());
        for (const QPointF &other : std::as_const(pos))
            QVERIFY(other != point);
        pos.insert(v.toObject().value(QStringLiteral("id")).toInteger(), point);
    }
    for (const QJsonValue &v : doc.value(QStringLiteral("connections")).toArray()) {
        const QJsonObject c = v.toObject();
        QVERIFY(pos.value(c.value(QStringLiteral("from")).toInteger()).y() <
                pos.value(c.value(QStringLiteral("to")).toInteger()).y());
    }
}

void tst_Cli::convertOnnxRight()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("small.naqsh"));
    const Run r = run({QStringLiteral("convert"), onnx("small_cnn.onnx"), QStringLiteral("-o"), out,
                       QStringLiteral("--direction"), QStringLiteral("right")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("operators with unknown cost: Erf")));
    QVERIFY(r.err.contains(QStringLiteral("Erf")));
    const QJsonObject doc = readJson(out);
    QHash<qint64, double> x;
    for (const QJsonValue &v : doc.value(QStringLiteral("layers")).toArray())
        x.insert(v.toObject().value(QStringLiteral("id")).toInteger(),
                 v.toObject().value(QStringLiteral("position")).toArray()[0].toDouble());
    QCOMPARE(x.size(), 11);
    for (const QJsonValue &v : doc.value(QStringLiteral("connections")).toArray()) {
        const QJsonObject c = v.toObject();
        QVERIFY(x.value(c.value(QStringLiteral("from")).toInteger()) <
                x.value(c.value(QStringLiteral("to")).toInteger()));
    }
    const Run again =
        run({QStringLiteral("analyze"), out, QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(again.code, 0);
    QVERIFY(again.out.contains(
        QStringLiteral("erf,Imported operator,1×16×16×16,0,unknown,unknown,4096,unknown,")));
}

void tst_Cli::layoutDocument()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("lesson.naqsh"));
    const Run r =
        run({QStringLiteral("layout"), example("lesson.naqsh"), QStringLiteral("-o"), out});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("6 layer(s)")));
    const QJsonObject before = readJson(example("lesson.naqsh")), after = readJson(out);
    // Only positions change: same layers, parameters, connections and comparisons.
    const QJsonArray a = before.value(QStringLiteral("layers")).toArray(),
                     b = after.value(QStringLiteral("layers")).toArray();
    QCOMPARE(a.size(), b.size());
    for (int i = 0; i < a.size(); ++i) {
        const QJsonObject x = a[i].toObject(), y = b[i].toObject();
        for (const char *key : {"id", "name", "type"})
            QCOMPARE(y.value(QLatin1String(key)), x.value(QLatin1String(key)));
        // The writer spells out defaults the example leaves implicit.
        const QJsonObject px = x.value(QStringLiteral("params")).toObject(),
                          py = y.value(QStringLiteral("params")).toObject();
        for (auto it = px.begin(); it != px.end(); ++it)
            QCOMPARE(py.value(it.key()), it.value());
    }
    // Same connections, and the same input order at every layer (Concat's order matters).
    auto byTarget = [](const QJsonObject &doc) {
        QMap<qint64, QList<qint64>> inputs;
        for (const QJsonValue &v : doc.value(QStringLiteral("connections")).toArray())
            inputs[v.toObject().value(QStringLiteral("to")).toInteger()]
                << v.toObject().value(QStringLiteral("from")).toInteger();
        return inputs;
    };
    QCOMPARE(byTarget(after), byTarget(before));
    QCOMPARE(after.value(QStringLiteral("comparisons")),
             before.value(QStringLiteral("comparisons")));
    const Run compare = run({QStringLiteral("compare"), out});
    QCOMPARE(compare.code, 0);
    QVERIFY(compare.out.contains(QStringLiteral("9.68× fewer MACs")));
}

void tst_Cli::importErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated onnx")
        << QStringList{"analyze", onnx("truncated.onnx")} << "the file is truncated";
    QTest::newRow("prototxt error position")
        << QStringList{"analyze", caffe("broken.prototxt")}
        << "broken.prototxt: line 9, column 51: layer 'conv1' (Convolution): Kernel height must be "
           "between 1 and 1024, not 0";
    QTest::newRow("naqsh file as onnx")
        << QStringList{"convert",
                       example("lesson.naqsh")
                           .replace(QLatin1String(".naqsh"), QLatin1String(".onnx")),
                       "-o", "/tmp/x.naqsh"}
        << "the file does not exist";
    QTest::newRow("convert without -o") << QStringList{"convert", onnx("small_cnn.onnx")}
                                        << "convert needs an output file: -o OUT.naqsh";
    QTest::newRow("bad direction")
        << QStringList{"convert", onnx("small_cnn.onnx"), "-o", "/tmp/x.naqsh", "--direction", "up"}
        << "unknown direction \"up\"; use down or right";
    QTest::newRow("layout two files")
        << QStringList{"layout", "a.naqsh", "b.naqsh", "-o", "c.naqsh"}
        << "layout takes exactly one input file";
    QTest::newRow("unwritable output")
        << QStringList{"convert", onnx("small_cnn.onnx"), "-o", "/nonexistent/dir/x.naqsh"}
        << "cannot write /nonexistent/dir/x.naqsh";
}

void tst_Cli::importErrorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

// `naqsh-cli sweep`: the series the sweep chart draws, and the break-even point. Over the 1×1's
// output channels c, the reduced path costs 784·c·192 + 784·32·25·c = 777,728·c MACs against
// the plain path's 120,422,400: it stops paying off at c = 120,422,400 / 777,728 ≈ 154.84.
void tst_Cli::sweepJson()
{
    const Run r =
        run({QStringLiteral("sweep"), example("lesson.naqsh"), QStringLiteral("--layer"),
             QStringLiteral("reduce1x1"), QStringLiteral("--param"), QStringLiteral("out_channels"),
             QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"),
             QStringLiteral("192"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("current")).toInteger(), 16);
    const QJsonObject be = o.value(QStringLiteral("break_even")).toObject();
    QCOMPARE(be.value(QStringLiteral("reference")).toString(), QStringLiteral("Plain 5×5"));
    QCOMPARE(be.value(QStringLiteral("candidate")).toString(), QStringLiteral("1×1 then 5×5"));
    QVERIFY(qAbs(be.value(QStringLiteral("macs")).toDouble() - 120422400.0 / 777728.0) < 1e-9);
    QVERIFY(qAbs(be.value(QStringLiteral("params")).toDouble() - 153600.0 / 992.0) < 1e-9);
    const QJsonArray series = o.value(QStringLiteral("series")).toArray();
    QCOMPARE(series.size(), 2);
    const QJsonObject reduced = series[1].toObject();
    QCOMPARE(reduced.value(QStringLiteral("x")).toArray().size(), 192);
    QCOMPARE(reduced.value(QStringLiteral("macs")).toArray()[15].toInteger(), 12443648); // c = 16
    QCOMPARE(reduced.value(QStringLiteral("params")).toArray()[15].toInteger(), 15872);
    QCOMPARE(series[0].toObject().value(QStringLiteral("macs")).toArray()[191].toInteger(),
             120422400);
}

void tst_Cli::sweepCsvAndTable()
{
    const QStringList args{
        QStringLiteral("sweep"),     example("lesson.naqsh"),   QStringLiteral("--layer"),
        QStringLiteral("reduce1x1"), QStringLiteral("--param"), QStringLiteral("out_channels"),
        QStringLiteral("--from"),    QStringLiteral("8"),       QStringLiteral("--to"),
        QStringLiteral("32"),        QStringLiteral("--step"),  QStringLiteral("8")};
    const Run csv = run(args + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(csv.code, 0);
    const QStringList lines = csv.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 5);
    QCOMPARE(
        lines[0],
        QStringLiteral("x,Plain 5×5 macs,Plain 5×5 params,Plain 5×5 activation_elements,"
                       "1×1 then 5×5 macs,1×1 then 5×5 params,1×1 then 5×5 activation_elements"));
    QCOMPARE(lines[2], QStringLiteral("16,120422400,153600,25088,12443648,15872,37632"));
    QCOMPARE(lines[4], QStringLiteral("32,120422400,153600,25088,24887296,31744,50176"));
    const Run table = run(args);
    QCOMPARE(table.code, 0);
    QVERIFY2(table.out.contains(QStringLiteral("12,443,648")), qPrintable(table.out));
    QVERIFY(table.out.contains(QStringLiteral("no MACs break-even in this range")));
    // A kernel sweep sets both sizes of both 5×5 convolutions; with --lang fa the digits are
    // Persian.
    const Run kernel = run(
        {QStringLiteral("sweep"), example("lesson.naqsh"), QStringLiteral("--layer"),
         QStringLiteral("conv5x5"), QStringLiteral("--layer"), QStringLiteral("conv5x5_after_1x1"),
         QStringLiteral("--param"), QStringLiteral("kernel_h,kernel_w"), QStringLiteral("--from"),
         QStringLiteral("3"), QStringLiteral("--to"), QStringLiteral("3"),
         QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(kernel.code, 0);
    QVERIFY2(kernel.out.contains(QStringLiteral("\n3,43352064,55296,25088,")),
             qPrintable(kernel.out)); // 784·32·9·192
}

void tst_Cli::sweepErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QStringList base{"sweep", example("lesson.naqsh"), "--from", "1", "--to", "8"};
    QTest::newRow("bad param") << base + QStringList{"--layer", "reduce1x1", "--param", "padding"}
                               << "layer 'reduce1x1' (conv2d) has no whole-number parameter "
                                  "\"padding\"; it has: out_channels, kernel_h";
    QTest::newRow("bad layer") << base + QStringList{"--layer", "conv9", "--param", "out_channels"}
                               << "no layer named \"conv9\"";
    QTest::newRow("no param") << base + QStringList{"--layer", "reduce1x1"}
                              << "sweep needs --layer NAME and --param KEY";
    QTest::newRow("no range") << QStringList{"sweep",   example("lesson.naqsh"),
                                             "--layer", "reduce1x1",
                                             "--param", "out_channels"}
                              << "sweep needs a range: --from A --to B";
    QTest::newRow("bad number") << QStringList{"sweep",   example("lesson.naqsh"),
                                               "--layer", "reduce1x1",
                                               "--param", "out_channels",
                                               "--from",  "one",
                                               "--to",    "8"}
                                << "--from must be a whole number, not \"one\"";
    QTest::newRow("downward range") << QStringList{"sweep",   example("lesson.naqsh"),
                                                   "--layer", "reduce1x1",
                                                   "--param", "out_channels",
                                                   "--from",  "8",
                                                   "--to",    "1"}
                                    << "the range must go upwards";
    QTest::newRow("bad format") << base + QStringList{"--layer",      "reduce1x1", "--param",
                                                      "out_channels", "--format",  "markdown"}
                                << "sweep writes table, json or csv";
}

void tst_Cli::sweepErrorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

// ---- export ----

void tst_Cli::exportFormats_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("starts");   // the file's first bytes
    QTest::addColumn<QByteArray>("contains"); // something the lesson's file must hold
    QTest::newRow("svg") << "--diagram"
                         << "d.svg" << QByteArray("<?xml")
                         << QByteArray(">conv5x5_after_1x1</text>");
    QTest::newRow("png") << "--diagram"
                         << "d.png" << QByteArray("\x89PNG\r\n") << QByteArray("IHDR");
    QTest::newRow("pdf") << "--diagram"
                         << "d.pdf" << QByteArray("%PDF-") << QByteArray("/FontFile2");
    QTest::newRow("csv") << "--table"
                         << "t.csv" << QByteArray("\xEF\xBB\xBFLayer,Type,")
                         << QByteArray("conv5x5,Conv2d,1\xC3\x97"
                                       "32\xC3\x97"
                                       "28\xC3\x97"
                                       "28,153600,120422400,240844800,25088,");
    QTest::newRow("markdown") << "--table"
                              << "t.md" << QByteArray("**")
                              << QByteArray("| conv5x5 | Conv2d | 1\xC3\x97"
                                            "32\xC3\x97"
                                            "28\xC3\x97"
                                            "28 | 153,600 | 120,422,400 |");
    QTest::newRow("latex") << "--table"
                           << "t.tex" << QByteArray("% Naqsh cost table")
                           << QByteArray("\\toprule");
    QTest::newRow("html") << "--table"
                          << "t.html" << QByteArray("<!DOCTYPE html>")
                          << QByteArray("<figure class=\"diagram\">\n<svg");
    QTest::newRow("comparison")
        << "--compare-table"
        << "c.md" << QByteArray("**")
        << QByteArray("| MACs | 120,422,400 | 12,443,648 | 9.68\xC3\x97 fewer MACs |");
    QTest::newRow("pytorch")
        << "--code"
        << "m.py" << QByteArray("# Generated by Naqsh")
        << QByteArray("self.reduce1x1 = nn.Conv2d(192, 16, kernel_size=1, bias=False)");
}

void tst_Cli::exportFormats()
{
    QFETCH(QString, option);
    QFETCH(QString, file);
    QFETCH(QByteArray, starts);
    QFETCH(QByteArray, contains);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    const Run r = run({QStringLiteral("export"), example("lesson.naqsh"), option, path});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("wrote %1\n").arg(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY2(bytes.startsWith(starts), bytes.left(40).constData());
    QVERIFY2(bytes.contains(contains), bytes.left(2000).constData());
}

/// Width and height from a PNG's IHDR chunk (big-endian, right after the signature).
static QSize pngSize(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray h = f.read(24);
    auto be = [&](int at) {
        return int((uchar(h[at]) << 24) | (uchar(h[at + 1]) << 16) | (uchar(h[at + 2]) << 8) |
                   uchar(h[at + 3]));
    };
    return h.size() == 24 ? QSize(be(16), be(20)) : QSize();
}

void tst_Cli::exportPngSize()
{
    QTemporaryDir dir;
    const QString one = dir.filePath(QStringLiteral("one.png")),
                  dpi = dir.filePath(QStringLiteral("dpi.png")),
                  three = dir.filePath(QStringLiteral("three.png"));
    QCOMPARE(run({"export", example("lesson.naqsh"), "--diagram", one, "--scale", "1"}).code, 0);
    QCOMPARE(run({"export", example("lesson.naqsh"), "--diagram", dpi, "--dpi", "192"}).code, 0);
    QCOMPARE(run({"export", example("lesson.naqsh"), "--diagram", three, "--scale", "3"}).code, 0);
    const QSize base = pngSize(one);
    QVERIFY(base.width() > 300 && base.height() > 500);
    QCOMPARE(pngSize(dpi), base * 2); // 192 dpi = 2 pixels per 1/96 inch
    QCOMPARE(pngSize(three), base * 3);
}

void tst_Cli::exportPersianTable()
{
    QTemporaryDir dir;
    const QString md = dir.filePath(QStringLiteral("t.md")),
                  csv = dir.filePath(QStringLiteral("t.csv")),
                  html = dir.filePath(QStringLiteral("t.html"));
    for (const QString &path : {md, csv, html})
        QCOMPARE(run({"export", example("lesson.naqsh"), "--lang", "fa", "--table", path}).code, 0);
    QFile m(md), c(csv), h(html);
    QVERIFY(m.open(QIODevice::ReadOnly) && c.open(QIODevice::ReadOnly) &&
            h.open(QIODevice::ReadOnly));
    const QString mdText = QString::fromUtf8(m.readAll());
    QVERIFY2(mdText.contains(QString::fromUtf8("| ۱۵۳٬۶۰۰ | ۱۲۰٬۴۲۲٬۴۰۰ | ۲۴۰٬۸۴۴٬۸۰۰ | ۲۵٬۰۸۸ |")),
             qPrintable(mdText));
    QVERIFY(!mdText.contains(QStringLiteral("120,422,400")));
    const QString csvText = QString::fromUtf8(c.readAll());
    QVERIFY(csvText.contains(
        QStringLiteral(",153600,120422400,240844800,25088,"))); // machine numbers stay
    QVERIFY(!csvText.contains(QString::fromUtf8("۱۲۰")));
    const QString page = QString::fromUtf8(h.readAll());
    QVERIFY(page.contains(QStringLiteral("<html lang=\"fa\" dir=\"rtl\">")));
    QVERIFY(page.contains(QString::fromUtf8("۱۲۰٬۴۲۲٬۴۰۰")));
    // --latin-digits keeps 0-9 in a Persian export.
    const QString latin = dir.filePath(QStringLiteral("latin.md"));
    QCOMPARE(
        run({"export", example("lesson.naqsh"), "--lang", "fa", "--latin-digits", "--table", latin})
            .code,
        0);
    QFile l(latin);
    QVERIFY(l.open(QIODevice::ReadOnly));
    QVERIFY(l.readAll().contains("120,422,400"));
}

void tst_Cli::exportSameAsLibrary()
{
    // The CLI writes exactly what the library (and so the app) produces.
    QTemporaryDir dir;
    const QString md = dir.filePath(QStringLiteral("t.md")),
                  tex = dir.filePath(QStringLiteral("t.tex"));
    QCOMPARE(run({"export", example("lesson.naqsh"), "--table", md, "--convention", "macs"}).code,
             0);
    QCOMPARE(run({"export", example("lesson.naqsh"), "--table", tex, "--dtype", "fp16"}).code, 0);
    const auto file =
        naqsh::NaqshFile::read(example("lesson.naqsh"), naqsh::LayerRegistry::builtin());
    QVERIFY(file.ok());
    const naqsh::AnalysisResult result =
        naqsh::AnalysisEngine::analyze(file.graph, naqsh::LayerRegistry::builtin());
    naqsh::TableExportOptions o;
    o.report.modelName = file.graph.name;
    o.report.convention = naqsh::FlopConvention::MacsOnly;
    QFile m(md), t(tex);
    QVERIFY(m.open(QIODevice::ReadOnly) && t.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(m.readAll()),
             naqsh::TableExport::markdown(file.graph, naqsh::LayerRegistry::builtin(), result, o));
    o.report.convention = naqsh::FlopConvention::Flops;
    o.report.dtype = naqsh::DType::FP16;
    QCOMPARE(QString::fromUtf8(t.readAll()),
             naqsh::TableExport::latex(file.graph, naqsh::LayerRegistry::builtin(), result, o));
}

void tst_Cli::exportModelErrorsExitOne()
{
    QTemporaryDir dir;
    const QString md = dir.filePath(QStringLiteral("t.md")),
                  svg = dir.filePath(QStringLiteral("d.svg"));
    const Run r = run({"export", data("broken_kernel.naqsh"), "--table", md, "--diagram", svg});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral(
                 "error: layer 'conv7' (conv2d): kernel 7 is larger than the padded input 5")),
             qPrintable(r.err));
    QVERIFY(QFile::exists(md)); // the files are still written, with the error in the table
    QVERIFY(QFile::exists(svg));
}

void tst_Cli::exportErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString lesson = example("lesson.naqsh");
    QTest::newRow("nothing to write")
        << QStringList{"export", lesson} << "export needs at least one of --diagram";
    QTest::newRow("bad diagram suffix") << QStringList{"export", lesson, "--diagram", "/tmp/x.gif"}
                                        << "unknown diagram format \"gif\"";
    QTest::newRow("bad table suffix") << QStringList{"export", lesson, "--table", "/tmp/x.xlsx"}
                                      << "unknown table format \"xlsx\"";
    QTest::newRow("bad style") << QStringList{"export",     lesson,    "--diagram",
                                              "/tmp/x.svg", "--style", "neon"}
                               << "unknown style \"neon\"";
    QTest::newRow("bad direction")
        << QStringList{"export", lesson, "--diagram", "/tmp/x.svg", "--direction", "up"}
        << "unknown direction \"up\"";
    QTest::newRow("bad language") << QStringList{"export",    lesson,   "--code",
                                                 "/tmp/x.py", "--lang", "de"}
                                  << "unknown language \"de\"";
    QTest::newRow("bad dpi") << QStringList{"export",     lesson,  "--diagram",
                                            "/tmp/x.png", "--dpi", "0"}
                             << "--dpi must be";
    QTest::newRow("no such layer")
        << QStringList{"export", lesson, "--diagram", "/tmp/x.svg", "--layers", "conv5x5,nope"}
        << "no layer named \"nope\"";
    QTest::newRow("missing file") << QStringList{"export", "/nonexistent/x.naqsh", "--code",
                                                 "/tmp/x.py"}
                                  << "/nonexistent/x.naqsh";
    QTest::newRow("no such variant")
        << QStringList{"export", lesson, "--compare-table", "/tmp/x.md", "--a", "Nope"}
        << "no such pair of comparisons";
}

void tst_Cli::exportErrorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_Cli.moc"
