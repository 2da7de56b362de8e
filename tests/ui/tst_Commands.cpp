// Undo commands: push -> check -> undo -> check -> redo -> check, for every kind of edit.
#include "Document.h"
#include "analysis/Analyzer.h"
#include "commands/GraphCommands.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QUndoStack>
#include <QtTest>

using namespace naqsh;

class tst_Commands : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void addLayer();
    void removeRestoresExactly();
    void connectAndDisconnect();
    void connectSecondOutput();
    void setParamMergesAndUndoes();
    void refusedParamIsNotPushed();
    void renameAndMove();
    void insertOnEdge();
    void copyPasteKeepsInnerConnections();
    void variants();
    void modifiedFollowsUndo();

private:
    QByteArray snapshot() const
    {
        return NaqshFile::toJson(m_doc->model()->graph(), LayerRegistry::builtin());
    }
    std::unique_ptr<Document> m_doc;
    GraphModel *m = nullptr;
    QUndoStack *u = nullptr;
};

void tst_Commands::init()
{
    m_doc = std::make_unique<Document>(LayerRegistry::builtin());
    QString error;
    QVERIFY2(
        m_doc->load(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"), &error),
        qPrintable(error));
    m = m_doc->model();
    u = m_doc->undoStack();
}

void tst_Commands::addLayer()
{
    const QByteArray before = snapshot();
    Layer l;
    l.type = QStringLiteral("relu");
    l.params = LayerRegistry::builtin().find(l.type)->defaultParams();
    l.position = QPointF(100, 700);
    const LayerId concat = m->graph().findByName(QStringLiteral("concat"));
    auto *cmd = new AddItemsCommand(m, {l}, {}, QStringLiteral("Add ReLU"));
    u->push(cmd);
    const LayerId id = cmd->layerIds().first();
    QVERIFY(id.isValid());
    QCOMPARE(m->graph().size(), 7);
    QCOMPARE(m->graph().layer(id)->position, QPointF(100, 700));
    u->push(new ConnectPortsCommand(m, concat, id));
    m_doc->analyzer()->flush();
    QCOMPARE(m_doc->analyzer()->result().layer(id)->output, TensorShape::nchw(1, 64, 28, 28));
    const QByteArray after = snapshot();
    u->undo();
    u->undo();
    QCOMPARE(snapshot(), before);
    u->redo();
    u->redo();
    QCOMPARE(snapshot(), after); // same id, same place
}

void tst_Commands::removeRestoresExactly()
{
    const QByteArray before = snapshot();
    // The 1×1 sits in the middle: removing it drops two connections; the concat keeps its order.
    const LayerId red = m->graph().findByName(QStringLiteral("reduce1x1"));
    u->push(new RemoveItemsCommand(m, {red}, {}));
    QCOMPARE(m->graph().size(), 5);
    QVERIFY(!m->graph().contains(red));
    u->undo();
    QCOMPARE(snapshot(), before);
    u->redo();
    QVERIFY(!m->graph().contains(red));
    // Removing the plain 5×5 changes the concat's input order on undo unless slots are kept.
    u->undo();
    const LayerId plain = m->graph().findByName(QStringLiteral("conv5x5"));
    u->push(new RemoveItemsCommand(m, {plain}, {}));
    u->undo();
    QCOMPARE(snapshot(), before);
}

void tst_Commands::connectSecondOutput()
{
    // A Split has two outputs; a connection from the second one survives undo, redo, removal
    // and its undo with its output index.
    const LayerId in = m->graph().findByName(QStringLiteral("input"));
    Layer split, relu;
    split.type = QStringLiteral("split");
    split.params = LayerRegistry::builtin().find(split.type)->defaultParams();
    relu.type = QStringLiteral("relu");
    relu.params = LayerRegistry::builtin().find(relu.type)->defaultParams();
    auto *add = new AddItemsCommand(m, {split, relu}, {}, QStringLiteral("Add"));
    u->push(add);
    const LayerId s = add->layerIds()[0], r = add->layerIds()[1];
    u->push(new ConnectPortsCommand(m, in, s));
    const QByteArray before = snapshot();
    QString why;
    QVERIFY(!m->canConnect({s, PortRef::Side::Output, 2}, {r, PortRef::Side::Input}, &why));
    QVERIFY2(why.contains(QStringLiteral("has no output 3")), qPrintable(why));
    u->push(new ConnectPortsCommand(m, s, r, -1, nullptr, 1));
    QCOMPARE(m->graph().layer(r)->inputPorts, QVector<int>{1});
    m_doc->analyzer()->flush();
    // The lesson's input is 1×192×28×28: two halves of 96 channels.
    QCOMPARE(m_doc->analyzer()->result().layer(s)->outputAt(1), TensorShape::nchw(1, 96, 28, 28));
    QCOMPARE(m_doc->analyzer()->result().layer(r)->output, TensorShape::nchw(1, 96, 28, 28));
    const QByteArray after = snapshot();
    QVERIFY(after.contains("\"output\": 1"));
    u->undo();
    QCOMPARE(snapshot(), before);
    u->redo();
    QCOMPARE(snapshot(), after);
    u->push(new RemoveItemsCommand(m, {s}, {}));
    u->undo();
    QCOMPARE(snapshot(), after);
    QCOMPARE(m->graph().layer(r)->inputPorts, QVector<int>{1});
}

void tst_Commands::connectAndDisconnect()
{
    const LayerId cat = m->graph().findByName(QStringLiteral("concat"));
    const LayerId in = m->graph().findByName(QStringLiteral("input"));
    const QByteArray before = snapshot();
    u->push(new ConnectPortsCommand(m, in, cat));
    m_doc->analyzer()->flush();
    QCOMPARE(m_doc->analyzer()->result().layer(cat)->output.c(), qint64(32 + 32 + 192));
    u->undo();
    QCOMPARE(snapshot(), before);
    const Connection first{m->graph().findByName(QStringLiteral("conv5x5")), cat, 0};
    u->push(new DisconnectPortsCommand(m, first));
    QCOMPARE(m->graph().layer(cat)->inputs.size(), 1);
    u->undo();
    QCOMPARE(snapshot(), before);
}

void tst_Commands::setParamMergesAndUndoes()
{
    const LayerId red = m->graph().findByName(QStringLiteral("reduce1x1"));
    const QByteArray before = snapshot();
    for (int c = 17; c <= 24; ++c)
        u->push(new SetLayerParamCommand(m, red, {{QStringLiteral("out_channels"), c}}));
    QCOMPARE(u->count(), 1); // one undo step for the whole spin
    m_doc->analyzer()->flush();
    QCOMPARE(m_doc->analyzer()->result().layer(red)->costs.weights.value(), qint64(192 * 24));
    u->undo();
    QCOMPARE(snapshot(), before);
    m_doc->analyzer()->flush();
    QCOMPARE(m_doc->analyzer()->result().layer(red)->costs.weights.value(), qint64(192 * 16));
    u->redo();
    QCOMPARE(m->graph().layer(red)->params.integer(0), qint64(24));
    // A different key does not merge.
    u->push(new SetLayerParamCommand(m, red, {{QStringLiteral("bias"), true}}));
    QCOMPARE(u->count(), 2);
}

void tst_Commands::refusedParamIsNotPushed()
{
    const LayerId red = m->graph().findByName(QStringLiteral("reduce1x1"));
    const QByteArray before = snapshot();
    u->push(new SetLayerParamCommand(m, red, {{QStringLiteral("stride_h"), 0}}));
    QCOMPARE(u->count(), 0); // obsolete commands are dropped by the stack
    QCOMPARE(snapshot(), before);
}

void tst_Commands::renameAndMove()
{
    const LayerId red = m->graph().findByName(QStringLiteral("reduce1x1"));
    const QPointF p = m->graph().layer(red)->position;
    u->push(new RenameLayerCommand(m, red, QStringLiteral("squeeze")));
    u->push(new MoveLayersCommand(m, {{red, p}}, {{red, p + QPointF(40, 10)}}));
    QCOMPARE(m->graph().layer(red)->name, QStringLiteral("squeeze"));
    QCOMPARE(m->graph().layer(red)->position, p + QPointF(40, 10));
    u->undo();
    QCOMPARE(m->graph().layer(red)->position, p);
    u->undo();
    QCOMPARE(m->graph().layer(red)->name, QStringLiteral("reduce1x1"));
    u->redo();
    u->redo();
    QCOMPARE(m->graph().layer(red)->position, p + QPointF(40, 10));
}

void tst_Commands::insertOnEdge()
{
    const QByteArray before = snapshot();
    const LayerId red = m->graph().findByName(QStringLiteral("reduce1x1"));
    const LayerId red5 = m->graph().findByName(QStringLiteral("conv5x5_after_1x1"));
    const LayerId relu = m->addLayer(QStringLiteral("relu"), QStringLiteral("act")); // unconnected
    u->clear();
    QString why;
    QUndoCommand *cmd = makeInsertOnEdgeCommand(m, {red, red5, 0}, relu, &why);
    QVERIFY2(cmd, qPrintable(why));
    u->push(cmd);
    QCOMPARE(u->count(), 1);
    QCOMPARE(m->graph().layer(red5)->inputs, QVector<LayerId>{relu});
    QCOMPARE(m->graph().layer(relu)->inputs, QVector<LayerId>{red});
    u->undo();
    QCOMPARE(m->graph().layer(red5)->inputs, QVector<LayerId>{red});
    QVERIFY(m->graph().layer(relu)->inputs.isEmpty());
    Q_UNUSED(before);
    // A connected layer cannot be dropped in.
    QVERIFY(!makeInsertOnEdgeCommand(m, {red, red5, 0},
                                     m->graph().findByName(QStringLiteral("conv5x5")), &why));
    QVERIFY(why.contains(QStringLiteral("unconnected")));
}

void tst_Commands::copyPasteKeepsInnerConnections()
{
    const LayerId red = m->graph().findByName(QStringLiteral("reduce1x1"));
    const LayerId red5 = m->graph().findByName(QStringLiteral("conv5x5_after_1x1"));
    const LayerId cat = m->graph().findByName(QStringLiteral("concat"));
    const QByteArray data = copyLayers(*m, {red, red5, cat});
    QVector<Layer> layers;
    QVector<Connection> conns;
    QVERIFY(parseCopiedLayers(*m, data, QPointF(30, 30), &layers, &conns));
    QCOMPARE(layers.size(), 3);
    QCOMPARE(conns.size(), 2); // 1×1 → 5×5 and 5×5 → concat; the input and plain path stay out
    const QPointF orig = m->graph().layer(red)->position;
    auto *paste = new AddItemsCommand(m, layers, conns, QStringLiteral("Paste"));
    u->push(paste);
    QCOMPARE(m->graph().size(), 9);
    const QVector<LayerId> ids = paste->layerIds();
    QCOMPARE(m->graph().layer(ids[0])->position, orig + QPointF(30, 30));
    QCOMPARE(m->graph().layer(ids[0])->name, QStringLiteral("reduce1x1_2"));
    QCOMPARE(m->graph().layer(ids[1])->inputs, QVector<LayerId>{ids[0]});
    QCOMPARE(m->graph().layer(ids[2])->inputs, QVector<LayerId>{ids[1]});
    u->undo();
    QCOMPARE(m->graph().size(), 6);
    u->redo();
    QCOMPARE(m->graph().layer(ids[2])->inputs, QVector<LayerId>{ids[1]});
}

void tst_Commands::variants()
{
    const QVector<Variant> before = m->graph().variants;
    QVector<Variant> after = before;
    after.removeLast();
    u->push(new SetVariantsCommand(m, after, QStringLiteral("Remove comparison")));
    QCOMPARE(m->graph().variants.size(), 1);
    u->undo();
    QCOMPARE(m->graph().variants, before);
}

void tst_Commands::modifiedFollowsUndo()
{
    QVERIFY(!m_doc->isModified());
    const LayerId red = m->graph().findByName(QStringLiteral("reduce1x1"));
    u->push(new RenameLayerCommand(m, red, QStringLiteral("x")));
    QVERIFY(m_doc->isModified());
    u->undo();
    QVERIFY(!m_doc->isModified());
}

QTEST_MAIN(tst_Commands)
#include "tst_Commands.moc"
