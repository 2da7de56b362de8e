// The .naqsh format: round trips, atomic saves, and a clear message with the JSON location for
// every kind of bad file.
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace naqsh;

class tst_NaqshFile : public QObject
{
    Q_OBJECT
private slots:
    void roundTripExamples_data();
    void roundTripExamples();
    void writeIsAtomic();
    void badFiles_data();
    void badFiles();
    void everyTruncationIsRefused();
    void missingParamsTakeDefaults();
    void danglingComparisonIsDroppedWithAWarning();
};

void tst_NaqshFile::roundTripExamples_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples"));
    const QStringList files = dir.entryList({QStringLiteral("*.naqsh")});
    QVERIFY(files.size() >= 4);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void tst_NaqshFile::roundTripExamples()
{
    QFETCH(QString, path);
    const LayerRegistry &reg = LayerRegistry::builtin();
    const auto first = NaqshFile::read(path, reg);
    QVERIFY2(first.ok(), qPrintable(first.error));
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("copy.naqsh"));
    QString error;
    QVERIFY2(NaqshFile::write(out, first.graph, reg, &error), qPrintable(error));
    const auto second = NaqshFile::read(out, reg);
    QVERIFY2(second.ok(), qPrintable(second.error));
    QVERIFY(second.graph == first.graph);
    QCOMPARE(second.graph.connections(), first.graph.connections());
    // Writing again gives the same bytes.
    QCOMPARE(NaqshFile::toJson(second.graph, reg), NaqshFile::toJson(first.graph, reg));
}

void tst_NaqshFile::writeIsAtomic()
{
    const LayerRegistry &reg = LayerRegistry::builtin();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("doc.naqsh"));
    Graph g;
    Layer l;
    l.type = QStringLiteral("relu");
    l.name = QStringLiteral("r");
    l.params = reg.find(l.type)->defaultParams();
    g.addLayer(l);
    QVERIFY(NaqshFile::write(path, g, reg));
    const QByteArray before = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    // A failing save (the target's folder is read-only) leaves the old file as it was.
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    QString error;
    g.name = QStringLiteral("changed");
    const bool wrote = NaqshFile::write(path, g, reg, &error);
    QFile::setPermissions(dir.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (wrote)
        QSKIP("running as a user that can write to read-only folders (root)");
    QVERIFY(!error.isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void tst_NaqshFile::badFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray head = R"({"format":"naqsh","version":1,)";
    const QByteArray twoLayers =
        R"("layers":[{"id":1,"type":"input","name":"in"},{"id":2,"type":"relu","name":"r"}],)";
    QTest::newRow("not json") << QByteArray("{\n  \"format\": naqsh\n}")
                              << "not valid JSON at line 2, column";
    QTest::newRow("empty") << QByteArray() << "not valid JSON";
    QTest::newRow("array") << QByteArray("[1,2]") << "top level must be a JSON object";
    QTest::newRow("other format") << QByteArray(R"({"format":"onnx","version":1})")
                                  << "\"format\" must be \"naqsh\"";
    QTest::newRow("newer version")
        << QByteArray(R"({"format":"naqsh","version":7})")
        << "format version 7, written by a newer Naqsh; this version reads up to version 3";
    QTest::newRow("version text") << QByteArray(R"({"format":"naqsh","version":"1"})")
                                  << "version: expected a whole number";
    QTest::newRow("layers not list") << head + R"("layers":{}})"
                                     << "layers: expected a list";
    QTest::newRow("unknown type") << head + R"("layers":[{"id":1,"type":"conv9d","name":"c"}]})"
                                  << "layers[0].type: unknown layer type \"conv9d\"";
    QTest::newRow("id text") << head + R"("layers":[{"id":"a","type":"relu","name":"c"}]})"
                             << "layers[0].id: expected a layer id";
    QTest::newRow("duplicate id")
        << head +
               R"("layers":[{"id":1,"type":"relu","name":"a"},{"id":1,"type":"relu","name":"b"}]})"
        << "layers[1].id: id 1 is used twice";
    QTest::newRow("no name") << head + R"("layers":[{"id":1,"type":"relu"}]})"
                             << "layers[0].name: expected a non-empty name";
    QTest::newRow("wrong value type")
        << head + R"("layers":[{"id":1,"type":"conv2d","name":"c","params":{"kernel_h":"five"}}]})"
        << "layers[0].params.kernel_h: Kernel height must be a whole number";
    QTest::newRow("zero stride")
        << head + R"("layers":[{"id":1,"type":"conv2d","name":"c","params":{"stride_w":0}}]})"
        << "layers[0].params.stride_w: Stride width must be between 1 and 1024, not 0";
    QTest::newRow("negative dim")
        << head + R"("layers":[{"id":1,"type":"input","name":"i","params":{"height":-28}}]})"
        << "layers[0].params.height: Height must be between 1 and 1000000, not -28";
    QTest::newRow("absurd dim")
        << head + R"("layers":[{"id":1,"type":"input","name":"i","params":{"channels":1e12}}]})"
        << "layers[0].params.channels: Channels must be between 1 and 1000000";
    // Numbers beyond 2^63 (or 2^31): casting them to an integer would be undefined behaviour
    // (a libFuzzer find on CI), so they must be refused as numbers first.
    QTest::newRow("int beyond int64")
        << head + R"("layers":[{"id":1,"type":"conv2d","name":"c","params":{"kernel_h":1e300}}]})"
        << "layers[0].params.kernel_h: Kernel height must be a whole number";
    QTest::newRow("int below int64")
        << head + R"("layers":[{"id":1,"type":"conv2d","name":"c","params":{"kernel_w":-1e19}}]})"
        << "layers[0].params.kernel_w: Kernel width must be a whole number";
    QTest::newRow("version beyond int") << QByteArray(R"({"format":"naqsh","version":1e300})")
                                        << "version: expected a whole number";
    QTest::newRow("version beyond int but whole")
        << QByteArray(R"({"format":"naqsh","version":4294967296})")
        << "format version 4294967296, written by a newer Naqsh";
    QTest::newRow("output beyond int")
        << head + twoLayers + R"("connections":[{"from":1,"to":2,"output":4294967296}]})"
        << "connections[0].output: expected an output index from 0 to 0";
    QTest::newRow("unknown param")
        << head + R"("layers":[{"id":1,"type":"relu","name":"r","params":{"slope":1}}]})"
        << "layers[0].params.slope: relu has no parameter \"slope\"";
    QTest::newRow("bad position")
        << head + R"("layers":[{"id":1,"type":"relu","name":"r","position":[1]}]})"
        << "layers[0].position: expected [x, y]";
    QTest::newRow("dangling connection")
        << head + twoLayers + R"("connections":[{"from":1,"to":9}]})"
        << "connections[0].to: no layer has id 9";
    QTest::newRow("connection from sink")
        << head +
               R"("layers":[{"id":1,"type":"output","name":"o"},{"id":2,"type":"relu","name":"r"}],"connections":[{"from":1,"to":2}]})"
        << "connections[0]: layer 'o' (output) has no output";
    QTest::newRow("overfull port")
        << head +
               R"("layers":[{"id":1,"type":"input","name":"a"},{"id":2,"type":"input","name":"b"},{"id":3,"type":"relu","name":"r"}],"connections":[{"from":1,"to":3},{"from":2,"to":3}]})"
        << "connections[1]: layer 'r' (relu) takes at most 1 input";
    QTest::newRow("cycle")
        << head +
               R"("layers":[{"id":1,"type":"add","name":"a"},{"id":2,"type":"add","name":"b"}],"connections":[{"from":1,"to":2},{"from":2,"to":1}]})"
        << "connections[1]: connecting 'b' to 'a' makes a cycle";
    QTest::newRow("self loop")
        << head +
               R"("layers":[{"id":1,"type":"add","name":"a"}],"connections":[{"from":1,"to":1}]})"
        << "connections[0]: connecting 'a' to 'a' makes a cycle";
    QTest::newRow("bad comparison kind")
        << head + twoLayers + R"("comparisons":[{"name":"x","kind":"magic"}]})"
        << "comparisons[0].kind: expected \"path\", \"layers\" or \"document\"";
}

void tst_NaqshFile::badFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const auto r = NaqshFile::fromJson(json, LayerRegistry::builtin());
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QVERIFY(r.graph.isEmpty());
}

void tst_NaqshFile::everyTruncationIsRefused()
{
    QFile f(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll().trimmed();
    for (int n = 0; n < bytes.size(); ++n) {
        const auto r = NaqshFile::fromJson(bytes.left(n), LayerRegistry::builtin());
        QVERIFY2(!r.ok(), qPrintable(QStringLiteral("prefix of %1 bytes was accepted").arg(n)));
        QVERIFY(!r.error.isEmpty());
    }
    QVERIFY(NaqshFile::fromJson(bytes, LayerRegistry::builtin()).ok());
}

void tst_NaqshFile::missingParamsTakeDefaults()
{
    const auto r = NaqshFile::fromJson(
        R"({"format":"naqsh","version":1,"layers":[{"id":4,"type":"conv2d","name":"c"}]})",
        LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    const LayerType *t = LayerRegistry::builtin().find(u"conv2d");
    QVERIFY(r.graph.layer(LayerId(4))->params == t->defaultParams());
    QCOMPARE(r.graph.nextId(), quint64(5));
}

void tst_NaqshFile::danglingComparisonIsDroppedWithAWarning()
{
    // Issue 12, finding 2: a comparison naming a missing layer no longer makes the whole
    // document unreadable; it is left out, and the warning names it.
    const auto r = NaqshFile::fromJson(
        R"({"format":"naqsh","version":1,
            "layers":[{"id":1,"type":"input","name":"in"},{"id":2,"type":"relu","name":"r"}],
            "connections":[{"from":1,"to":2}],
            "comparisons":[{"name":"kept","kind":"path","from":1,"to":2},
                           {"name":"x","kind":"path","from":1,"to":5},
                           {"name":"set","kind":"layers","layers":[2,7]},
                           {"name":"other","kind":"document","path":"b.naqsh"}]})",
        LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.graph.size(), 2);
    QCOMPARE(r.graph.variants.size(), 2);
    QCOMPARE(r.graph.variants[0].name, QStringLiteral("kept"));
    QCOMPARE(r.graph.variants[1].name, QStringLiteral("other"));
    QCOMPARE(r.warnings.size(), 2);
    QVERIFY2(r.warnings[0].startsWith(
                 QStringLiteral("comparisons[1].to: the comparison \"x\" names layer id 5")),
             qPrintable(r.warnings[0]));
    QVERIFY2(r.warnings[1].startsWith(QStringLiteral(
                 "comparisons[2].layers[1]: the comparison \"set\" names layer id 7")),
             qPrintable(r.warnings[1]));
}

QTEST_GUILESS_MAIN(tst_NaqshFile)
#include "tst_NaqshFile.moc"
