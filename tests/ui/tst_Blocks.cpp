// Blocks (issue 16): grouping rules, the undo commands (each one step, undo restores exactly),
// deleting layers inside blocks, and the .naqsh format version 3 with its reader's messages.
#include "Document.h"
#include "commands/BlockCommands.h"
#include "commands/GraphCommands.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace naqsh;

class tst_Blocks : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void groupNestsAndUngroups();
    void groupRefusals();
    void commandsAreOneStepAndUndoExactly();
    void deletingLayersKeepsBlocksConsistent();
    void fileRoundTrip();
    void fileWithoutBlocksKeepsItsVersion();
    void badBlocks_data();
    void badBlocks();

private:
    QByteArray snapshot() const { return NaqshFile::toJson(m->graph(), LayerRegistry::builtin()); }
    LayerId id(const char *name) const { return m->graph().findByName(QLatin1String(name)); }
    /// A chain in -> a -> b -> c -> d -> out of ReLUs, in a fresh model.
    void makeChain();

    std::unique_ptr<Document> m_doc;
    GraphModel *m = nullptr;
    QUndoStack *u = nullptr;
};

void tst_Blocks::init()
{
    m_doc = std::make_unique<Document>(LayerRegistry::builtin());
    QString error;
    QVERIFY2(
        m_doc->load(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"), &error),
        qPrintable(error));
    m = m_doc->model();
    u = m_doc->undoStack();
}

void tst_Blocks::makeChain()
{
    m->clear();
    LayerId prev = m->addLayer(QStringLiteral("input"), QStringLiteral("in"));
    for (const char *n : {"a", "b", "c", "d"}) {
        const LayerId l = m->addLayer(QStringLiteral("relu"), QLatin1String(n));
        QVERIFY(m->connectLayers(prev, l));
        prev = l;
    }
    QVERIFY(m->connectLayers(prev, m->addLayer(QStringLiteral("output"), QStringLiteral("out"))));
}

void tst_Blocks::groupNestsAndUngroups()
{
    makeChain();
    const Graph &g = m->graph();
    QString why;
    const BlockId inner = m->groupLayers({id("b"), id("c")}, QStringLiteral("inner"), &why);
    QVERIFY2(inner.isValid(), qPrintable(why));
    QCOMPARE(g.blockOf(id("b")), inner);
    QVERIFY(!g.blockOf(id("a")).isValid());
    // A block around the inner one takes it as a child and keeps only a and d as its own.
    const BlockId outer =
        m->groupLayers({id("a"), id("b"), id("c"), id("d")}, QStringLiteral("outer"), &why);
    QVERIFY2(outer.isValid(), qPrintable(why));
    QCOMPARE(g.block(inner)->parent, outer);
    QCOMPARE(g.block(outer)->layers, (QVector<LayerId>{id("a"), id("d")}));
    QCOMPARE(g.blockLayers(outer), (QVector<LayerId>{id("a"), id("b"), id("c"), id("d")}));
    QCOMPARE(g.childBlocks(outer), QVector<BlockId>{inner});
    // A block inside the inner one: three levels deep.
    const BlockId third = m->groupLayers({id("c")}, QStringLiteral("third"), &why);
    QVERIFY2(third.isValid(), qPrintable(why));
    QCOMPARE(g.block(third)->parent, inner);
    QCOMPARE(g.blockDepth(third), 2);
    QCOMPARE(g.block(inner)->layers, QVector<LayerId>{id("b")});
    QCOMPARE(g.blockOf(id("c")), third);
    // Collapsing the outer block hides everything inside it behind the outer block.
    QVERIFY(m->setBlockCollapsed(inner, true));
    QCOMPARE(g.collapsedBlockOf(id("c")), inner);
    QVERIFY(m->setBlockCollapsed(outer, true));
    QCOMPARE(g.collapsedBlockOf(id("c")), outer);
    QVERIFY(!g.collapsedBlockOf(id("in")).isValid());
    // Ungrouping the middle block hands its layer and its block to the outer one.
    QVERIFY(m->ungroup(inner));
    QCOMPARE(g.block(third)->parent, outer);
    QCOMPARE(g.block(outer)->layers, (QVector<LayerId>{id("a"), id("d"), id("b")}));
    QVERIFY(g.checkBlocks(g.blocks()).isEmpty());
    // Wrapping a block exactly: the new block goes around it.
    const BlockId wrap = m->groupLayers({id("c")}, QStringLiteral("wrap"), &why);
    QVERIFY2(wrap.isValid(), qPrintable(why));
    QCOMPARE(g.block(third)->parent, wrap);
    QCOMPARE(g.block(wrap)->parent, outer);
    QCOMPARE(m->uniqueBlockName(QStringLiteral("outer")), QStringLiteral("outer 2"));
}

void tst_Blocks::groupRefusals()
{
    const Graph &g = m->graph();
    QString why;
    QVERIFY(!m->groupLayers({}, QStringLiteral("x"), &why).isValid());
    QVERIFY(why.contains(QStringLiteral("select the layers")));
    QVERIFY(!m->groupLayers({id("reduce1x1")}, QStringLiteral("  "), &why).isValid());
    QVERIFY(why.contains(QStringLiteral("name cannot be empty")));
    // The plain 5×5 and the 1×1 only meet through the input: not connected to each other.
    QVERIFY(!m->groupLayers({id("conv5x5"), id("reduce1x1")}, QStringLiteral("x"), &why).isValid());
    QVERIFY2(why.contains(QStringLiteral("not connected")), qPrintable(why));
    // input -> conv5x5 -> concat is connected, but the other branch leaves it and comes back.
    QVERIFY(!m->groupLayers({id("input"), id("conv5x5"), id("concat")}, QStringLiteral("x"), &why)
                 .isValid());
    QVERIFY2(why.contains(QStringLiteral("leaves the selection through 'reduce1x1'")) &&
                 why.contains(QStringLiteral("'concat'")),
             qPrintable(why));
    // A selection that takes part of an existing block is refused, naming the block.
    QVERIFY(m->groupLayers({id("reduce1x1"), id("conv5x5_after_1x1")}, QStringLiteral("reduce"))
                .isValid());
    QVERIFY(!m->groupLayers({id("conv5x5_after_1x1"), id("concat")}, QStringLiteral("x"), &why)
                 .isValid());
    QVERIFY2(why.contains(QStringLiteral("part of block 'reduce'")), qPrintable(why));
    QCOMPARE(g.blocks().size(), 1);
}

void tst_Blocks::commandsAreOneStepAndUndoExactly()
{
    const QByteArray flat = snapshot();
    const QVector<LayerId> path{id("reduce1x1"), id("conv5x5_after_1x1")};
    auto *group = new GroupLayersCommand(m, path, QStringLiteral("reduce path"));
    u->push(group);
    QCOMPARE(u->count(), 1);
    const BlockId b = group->blockId();
    QVERIFY(b.isValid());
    QCOMPARE(m->graph().block(b)->name, QStringLiteral("reduce path"));
    const QByteArray grouped = snapshot();
    u->push(new RenameBlockCommand(m, b, QStringLiteral("bottleneck")));
    u->push(new SetBlockCollapsedCommand(m, b, true));
    QCOMPARE(u->count(), 3);
    QVERIFY(m->graph().block(b)->collapsed);
    QCOMPARE(m->graph().block(b)->name, QStringLiteral("bottleneck"));
    const QByteArray collapsed = snapshot();
    // A second group around the first, then ungroup of the inner one.
    auto *outer = new GroupLayersCommand(
        m, {id("input"), id("conv5x5"), id("reduce1x1"), id("conv5x5_after_1x1"), id("concat")},
        QStringLiteral("module"));
    u->push(outer);
    QCOMPARE(m->graph().block(b)->parent, outer->blockId());
    u->push(new UngroupCommand(m, b));
    QCOMPARE(u->count(), 5);
    QVERIFY(!m->graph().block(b));
    QCOMPARE(m->graph().blockOf(id("reduce1x1")), outer->blockId());
    const QByteArray last = snapshot();
    u->undo();
    u->undo();
    QCOMPARE(snapshot(), collapsed);
    u->undo();
    u->undo();
    QCOMPARE(snapshot(), grouped);
    u->undo();
    QCOMPARE(snapshot(), flat);
    QVERIFY(!m->graph().hasBlocks());
    for (int i = 0; i < 5; ++i)
        u->redo();
    QCOMPARE(snapshot(), last);
    // A refused group is not pushed.
    auto *refused =
        new GroupLayersCommand(m, {id("conv5x5"), id("reduce1x1")}, QStringLiteral("x"));
    u->push(refused);
    QCOMPARE(u->count(), 5);
}

void tst_Blocks::deletingLayersKeepsBlocksConsistent()
{
    makeChain();
    const BlockId inner = m->groupLayers({id("b"), id("c")}, QStringLiteral("inner"));
    const BlockId outer =
        m->groupLayers({id("a"), id("b"), id("c"), id("d")}, QStringLiteral("outer"));
    QVERIFY(inner.isValid() && outer.isValid());
    const QByteArray before = snapshot();
    // Deleting one layer of a block keeps the block with the rest.
    u->push(new RemoveItemsCommand(m, {id("b")}, {}));
    QCOMPARE(m->graph().block(inner)->layers, QVector<LayerId>{id("c")});
    u->undo();
    QCOMPARE(snapshot(), before);
    // Deleting all of a block's layers removes the block; undo brings it back as it was.
    u->push(new RemoveItemsCommand(m, {id("b"), id("c")}, {}));
    QVERIFY(!m->graph().block(inner));
    QVERIFY(m->graph().block(outer));
    QVERIFY(m->graph().checkBlocks(m->graph().blocks()).isEmpty());
    u->push(new RemoveItemsCommand(m, {id("a"), id("d")}, {}));
    QVERIFY(!m->graph().hasBlocks());
    u->undo();
    u->undo();
    QCOMPARE(snapshot(), before);
    u->redo();
    u->redo();
    QVERIFY(!m->graph().hasBlocks());
}

void tst_Blocks::fileRoundTrip()
{
    const LayerRegistry &reg = LayerRegistry::builtin();
    const BlockId inner =
        m->groupLayers({id("reduce1x1"), id("conv5x5_after_1x1")}, QStringLiteral("reduce"));
    const BlockId outer =
        m->groupLayers({id("conv5x5"), id("reduce1x1"), id("conv5x5_after_1x1"), id("concat")},
                       QStringLiteral("Inception-like"));
    QVERIFY(inner.isValid() && outer.isValid());
    QVERIFY(m->setBlockCollapsed(inner, true));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("blocks.naqsh"));
    QVERIFY(NaqshFile::write(path, m->graph(), reg));
    const NaqshFile::ReadResult back = NaqshFile::read(path, reg);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QVERIFY(back.graph == m->graph());
    QCOMPARE(back.graph.blocks(), m->graph().blocks());
    QCOMPARE(back.graph.block(inner)->parent, outer);
    QVERIFY(back.graph.block(inner)->collapsed);
    const QJsonObject root = QJsonDocument::fromJson(snapshot()).object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 3);
    QCOMPARE(NaqshFile::toJson(back.graph, reg), snapshot());
}

void tst_Blocks::fileWithoutBlocksKeepsItsVersion()
{
    const QJsonObject root = QJsonDocument::fromJson(snapshot()).object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    QVERIFY(!root.contains(QStringLiteral("blocks")));
}

void tst_Blocks::badBlocks_data()
{
    QTest::addColumn<QByteArray>("blocks");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a list") << QByteArray(R"({})") << "blocks: expected a list";
    QTest::newRow("member not a layer")
        << QByteArray(R"([{"id":1,"name":"b","layers":[1,9]}])")
        << "blocks[0].layers[1]: no layer has id 9; a block holds layers";
    QTest::newRow("member not a number") << QByteArray(R"([{"id":1,"name":"b","layers":["a"]}])")
                                         << "blocks[0].layers[0]: expected a layer id";
    QTest::newRow("layer in two blocks")
        << QByteArray(R"([{"id":1,"name":"b1","layers":[1,2]},{"id":2,"name":"b2","layers":[2]}])")
        << "blocks[1].layers[0]: layer 'r' is already in block 'b1'";
    QTest::newRow("nesting cycle")
        << QByteArray(
               R"([{"id":1,"name":"p","parent":2,"layers":[1]},{"id":2,"name":"q","parent":1,"layers":[2]}])")
        << "blocks[0].parent: the blocks nest in a cycle (p ⊂ q ⊂ p)";
    QTest::newRow("own parent") << QByteArray(R"([{"id":1,"name":"p","parent":1,"layers":[1]}])")
                                << "blocks[0].parent: the blocks nest in a cycle";
    QTest::newRow("unknown parent")
        << QByteArray(R"([{"id":1,"name":"p","parent":5,"layers":[1]}])")
        << "blocks[0].parent: no block has id 5";
    QTest::newRow("empty block") << QByteArray(R"([{"id":1,"name":"p","layers":[]}])")
                                 << "blocks[0].layers: a block must hold at least one layer";
    QTest::newRow("no name") << QByteArray(R"([{"id":1,"name":" ","layers":[1]}])")
                             << "blocks[0].name: expected a non-empty name";
    QTest::newRow("duplicate id")
        << QByteArray(R"([{"id":1,"name":"p","layers":[1]},{"id":1,"name":"q","layers":[2]}])")
        << "blocks[1].id: block id 1 is used twice";
    QTest::newRow("bad collapsed")
        << QByteArray(R"([{"id":1,"name":"p","layers":[1],"collapsed":"yes"}])")
        << "blocks[0].collapsed: expected true or false";
}

void tst_Blocks::badBlocks()
{
    QFETCH(QByteArray, blocks);
    QFETCH(QString, message);
    const QByteArray json =
        R"({"format":"naqsh","version":3,"layers":[{"id":1,"type":"input","name":"in"},)"
        R"({"id":2,"type":"relu","name":"r"}],"connections":[{"from":1,"to":2}],"blocks":)" +
        blocks + "}";
    const NaqshFile::ReadResult r = NaqshFile::fromJson(json, LayerRegistry::builtin());
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(message), qPrintable(r.error));
}

QTEST_MAIN(tst_Blocks)
#include "tst_Blocks.moc"
