// The canvas: real GraphScene + GraphView widgets driven with QTest events on the viewport
// (offscreen). Every gesture is checked against the model and the undo stack.
// Set NAQSH_SHOTS_DIR to also save screenshots of the lesson and of a 200-layer graph.
#include "GeneratedGraph.h"

#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "analysis/Analyzer.h"
#include "canvas/CanvasStyle.h"
#include "canvas/EdgeItem.h"
#include "canvas/GraphScene.h"
#include "canvas/GraphView.h"
#include "canvas/NameEditor.h"
#include "canvas/NodeItem.h"
#include "canvas/PortItem.h"
#include "commands/GraphCommands.h"
#include "graph/GraphModel.h"
#include "io/DocumentLoader.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"
#include "layout/EdgeRouter.h"

#include <QClipboard>
#include <QDir>
#include <QMenu>
#include <QMimeData>
#include <QTextLayout>
#include <QUndoStack>
#include <QtTest>

using namespace naqsh;

namespace {

/// @p text without the invisible direction isolates (U+2066, U+2069) the canvas puts around
/// numbers and shapes.
QString plain(QString text)
{
    return text.remove(QChar(0x2066)).remove(QChar(0x2069));
}

} // namespace

class tst_Canvas : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsLessonNodesAndEdges();
    void dropFromPaletteAddsLayer();
    void fileDropIsLeftToTheWindow();
    void connectPortsByDrag();
    void connectOntoNodeBody();
    void manyInputsAppend();
    void refusedConnections();
    void dropOnEmptySpaceCancels();
    void moveIsOneCommand();
    void moveSelectionTogether();
    void labelFollowsParams();
    void errorBadgeAndDimmedDownstream();
    void heatTint();
    void deleteAndUndo();
    void deleteEdge();
    void copyPasteKeepsInnerConnections();
    void duplicateSelection();
    void renameInPlace();
    void renameCancelled();
    void dropNodeOnEdgeInserts();
    void selectionSyncsBothWays();
    void rubberBandSelectsLayers();
    void zoomToFitShowsAllNodes();
    void zoomToFitNeverDrawsTinyDetails();
    void portsAreTwelvePixelTargets();
    void wheelZoomKeepsPointUnderMouse();
    void pinchAndKeysZoom();
    void panWithMiddleMouseAndSpace();
    void contextMenus();
    void addLayerAtCenterConnectsAfterSelection();
    void levelOfDetailRenders();
    void darkPaletteRestyles();
    void persianRightToLeft();
    void importedEdgesGoAroundNodes_data();
    void importedEdgesGoAroundNodes();

private:
    QPoint vp(QPointF scenePos) const { return m_view->mapFromScene(scenePos); }
    LayerId byName(const char *name) const
    {
        return m_doc->model()->graph().findByName(QString::fromLatin1(name));
    }
    NodeItem *node(const char *name) const { return m_scene->nodeItem(byName(name)); }
    QPointF centreOf(const NodeItem *n) const { return n->mapToScene(n->cardRect().center()); }
    void drag(QPointF fromScene, QPointF toScene);
    QByteArray snapshot() const
    {
        return NaqshFile::toJson(m_doc->model()->graph(), LayerRegistry::builtin());
    }
    void flush() { m_doc->analyzer()->flush(); }
    void saveShot(QWidget *w, const QString &name);

    std::unique_ptr<Document> m_doc;
    LayerSelection *m_selection = nullptr;
    DisplayContext *m_display = nullptr;
    GraphScene *m_scene = nullptr;
    GraphView *m_view = nullptr;
    QUndoStack *m_undo = nullptr;
};

void tst_Canvas::initTestCase()
{
    QDir().mkpath(QStringLiteral("/tmp/naqsh-test-runtime"));
}

void tst_Canvas::init()
{
    m_doc = std::make_unique<Document>(LayerRegistry::builtin());
    QString error;
    QVERIFY2(
        m_doc->load(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"), &error),
        qPrintable(error));
    m_undo = m_doc->undoStack();
    m_selection = new LayerSelection(m_doc.get());
    m_display = new DisplayContext(m_doc.get());
    m_scene = new GraphScene(m_doc.get(), m_selection, m_display);
    m_view = new GraphView(m_scene);
    m_view->resize(1200, 800);
    m_view->move(100, 80); // leaves the screen's corner free for the cursor (see below)
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->activateWindow();
    m_view->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(m_view));
    m_view->resetZoom();
    m_view->centerOn(QPointF(350, 310));
    // Keep the cursor off the view so that paste() uses its offset, not the mouse.
    QCursor::setPos(5, 5);
}

void tst_Canvas::cleanup()
{
    delete m_view;
    delete m_scene;
    m_view = nullptr;
    m_scene = nullptr;
    m_doc.reset();
}

void tst_Canvas::drag(QPointF fromScene, QPointF toScene)
{
    QWidget *v = m_view->viewport();
    const QPoint a = vp(fromScene), b = vp(toScene);
    QTest::mousePress(v, Qt::LeftButton, Qt::NoModifier, a);
    QTest::mouseMove(v, a + (b - a) / 3);
    QTest::mouseMove(v, a + (b - a) * 2 / 3);
    QTest::mouseMove(v, b);
    QTest::mouseRelease(v, Qt::LeftButton, Qt::NoModifier, b);
}

void tst_Canvas::saveShot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("NAQSH_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(w->grab().save(dir + QStringLiteral("/canvas-") + name));
}

void tst_Canvas::showsLessonNodesAndEdges()
{
    QCOMPARE(m_scene->nodeCount(), 6);
    const NodeItem *conv = node("conv5x5");
    QVERIFY(conv);
    QCOMPARE(conv->pos(), QPointF(60, 200));
    // Name, "Conv 5×5, 32", the isolated output shape, and the costs of the lesson.
    const QString label = conv->labelText();
    QVERIFY2(plain(label).contains(QStringLiteral("conv5x5\nConv 5×5, 32\n")), qPrintable(label));
    QVERIFY2(label.contains(QStringLiteral("\u20661×32×28×28\u2069")), qPrintable(label));
    QVERIFY2(plain(label).contains(QStringLiteral("154 K params · 120 M MACs")), qPrintable(label));
    // Edges carry the producer's shape.
    const EdgeItem *e = m_scene->edgeItem(byName("input"), byName("reduce1x1"));
    QVERIFY(e);
    QCOMPARE(e->labelText(), QStringLiteral("\u20661×192×28×28\u2069"));
    QCOMPARE(m_scene->edgeItem(byName("concat"), byName("output"))->labelText(),
             QStringLiteral("\u20661×64×28×28\u2069"));
    // Concat takes many inputs; Input takes none; Output has no output port.
    QVERIFY(node("concat")->inputPort());
    QVERIFY(!node("input")->inputPort());
    QVERIFY(!node("output")->outputPort());
    saveShot(m_view, QStringLiteral("lesson.png"));
}

void tst_Canvas::dropFromPaletteAddsLayer()
{
    const QPoint at = vp(QPointF(800, 500));
    const QPointF dropScene = m_view->mapToScene(at);
    QMimeData mime;
    mime.setData(QStringLiteral("application/x-naqsh-layer-type"), QByteArrayLiteral("relu"));
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view->viewport(), &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view->viewport(), &drop);
    QVERIFY(drop.isAccepted());

    QCOMPARE(m_doc->model()->graph().size(), 7);
    QCOMPARE(m_undo->count(), 1);
    const LayerId id = m_doc->model()->graph().layerIds().last();
    const Layer *l = m_doc->model()->graph().layer(id);
    QCOMPARE(l->type, QStringLiteral("relu"));
    const CanvasStyle &s = m_scene->style();
    QCOMPARE(m_view->mapToScene(at), dropScene); // adding did not scroll the view
    QCOMPARE(l->position + QPointF(s.nodeWidth / 2, s.nodeHeight / 2), dropScene);
    NodeItem *n = m_scene->nodeItem(id);
    QVERIFY(n);
    QCOMPARE(n->pos(), l->position);
    QVERIFY(n->isSelected());
    QCOMPARE(m_selection->layers(), QVector<LayerId>{id});
    const QPointF where = l->position;

    m_undo->undo();
    QCOMPARE(m_doc->model()->graph().size(), 6);
    QVERIFY(!m_scene->nodeItem(id));
    QVERIFY(m_selection->layers().isEmpty());
    m_undo->redo();
    QVERIFY(m_scene->nodeItem(id));
    QCOMPARE(m_scene->nodeItem(id)->pos(), where);
    QCOMPARE(m_doc->model()->graph().layer(id)->position, where);
}

void tst_Canvas::fileDropIsLeftToTheWindow()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/other.naqsh"))});
    const QPoint at = vp(QPointF(900, 300));
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(m_view->viewport(), &enter);
    QVERIFY(!enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    drop.setAccepted(false);
    QApplication::sendEvent(m_view->viewport(), &drop);
    QVERIFY(!drop.isAccepted());
    QCOMPARE(m_doc->model()->graph().size(), 6);
}

void tst_Canvas::connectPortsByDrag()
{
    const LayerId relu = m_scene->addLayerAt(QStringLiteral("relu"), QPointF(900, 400));
    QVERIFY(relu.isValid());
    const int steps = m_undo->count();
    NodeItem *conv = node("conv5x5");
    NodeItem *r = m_scene->nodeItem(relu);
    {
        // While dragging, a rubber edge follows the mouse and valid targets light up.
        QWidget *v = m_view->viewport();
        const QPoint from = vp(conv->outputPort()->scenePos());
        QTest::mousePress(v, Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(v, vp(r->inputPort()->scenePos() + QPointF(-60, -40)));
        QCOMPARE(r->inputPort()->highlight(), PortItem::Highlight::Valid);
        QCOMPARE(node("input")->outputPort()->highlight(), PortItem::Highlight::None);
        QCOMPARE(node("reduce1x1")->inputPort()->highlight(), PortItem::Highlight::None); // full
        QTest::mouseMove(v, vp(r->inputPort()->scenePos()));
        QCOMPARE(r->inputPort()->highlight(), PortItem::Highlight::Target);
        saveShot(m_view, QStringLiteral("connecting.png"));
        QTest::mouseMove(v, vp(QPointF(1000, 100)));
        QTest::mouseRelease(v, Qt::LeftButton, Qt::NoModifier, vp(QPointF(1000, 100)));
        QVERIFY(m_doc->model()->graph().layer(relu)->inputs.isEmpty());
        QCOMPARE(r->inputPort()->highlight(), PortItem::Highlight::None);
    }
    drag(conv->outputPort()->scenePos(), r->inputPort()->scenePos());

    const LayerId convId = byName("conv5x5");
    QCOMPARE(m_doc->model()->graph().layer(relu)->inputs, QVector<LayerId>{convId});
    QCOMPARE(m_undo->count(), steps + 1);
    QVERIFY(m_scene->edgeItem(convId, relu));
    flush();
    QVERIFY(plain(r->labelText()).contains(QStringLiteral("1×32×28×28")));
    m_undo->undo();
    QVERIFY(m_doc->model()->graph().layer(relu)->inputs.isEmpty());
    QVERIFY(!m_scene->edgeItem(convId, relu));
    m_undo->redo();
    QCOMPARE(m_doc->model()->graph().layer(relu)->inputs, QVector<LayerId>{convId});
    QVERIFY(m_scene->edgeItem(convId, relu));

    // From an input port to an output port works too.
    const LayerId relu2 = m_scene->addLayerAt(QStringLiteral("relu"), QPointF(900, 650));
    drag(m_scene->nodeItem(relu2)->inputPort()->scenePos(), r->outputPort()->scenePos());
    QCOMPARE(m_doc->model()->graph().layer(relu2)->inputs, QVector<LayerId>{relu});
}

void tst_Canvas::connectOntoNodeBody()
{
    const LayerId relu = m_scene->addLayerAt(QStringLiteral("relu"), QPointF(900, 400));
    drag(node("reduce1x1")->outputPort()->scenePos(), centreOf(m_scene->nodeItem(relu)));
    QCOMPARE(m_doc->model()->graph().layer(relu)->inputs, QVector<LayerId>{byName("reduce1x1")});
}

void tst_Canvas::manyInputsAppend()
{
    const LayerId concat = byName("concat");
    const QVector<LayerId> before = m_doc->model()->graph().layer(concat)->inputs;
    QCOMPARE(before.size(), 2);
    drag(node("reduce1x1")->outputPort()->scenePos(), node("concat")->inputPort()->scenePos());
    const QVector<LayerId> after = m_doc->model()->graph().layer(concat)->inputs;
    QCOMPARE(after, before + QVector<LayerId>{byName("reduce1x1")});
    // The three edges attach side by side, in slot order.
    QVector<qreal> xs;
    for (LayerId from : after)
        xs.append(m_scene->edgeItem(from, concat)->connection().slot);
    QCOMPARE(xs, (QVector<qreal>{0, 1, 2}));
    const PortItem *port = node("concat")->inputPort();
    QVERIFY(port->anchor(0, 3).x() < port->anchor(1, 3).x());
    QVERIFY(port->anchor(1, 3).x() < port->anchor(2, 3).x());
    m_undo->undo();
    QCOMPARE(m_doc->model()->graph().layer(concat)->inputs, before);
}

void tst_Canvas::refusedConnections()
{
    QSignalSpy status(m_scene, &GraphScene::statusMessage);
    // A ReLU after the concat, then try to feed it back into the concat: a cycle.
    const LayerId relu =
        m_scene->addLayerAt(QStringLiteral("relu"), QPointF(700, 560), byName("concat"));
    QCOMPARE(m_doc->model()->graph().layer(relu)->inputs, QVector<LayerId>{byName("concat")});
    const QByteArray before = snapshot();
    const int steps = m_undo->count();

    drag(m_scene->nodeItem(relu)->outputPort()->scenePos(),
         node("concat")->inputPort()->scenePos());
    QCOMPARE(snapshot(), before);
    QCOMPARE(m_undo->count(), steps);
    QCOMPARE(status.count(), 1);
    QVERIFY2(status.last().first().toString().contains(QStringLiteral("cycle")),
             qPrintable(status.last().first().toString()));

    // Output to output.
    drag(node("conv5x5")->outputPort()->scenePos(), node("reduce1x1")->outputPort()->scenePos());
    QCOMPARE(snapshot(), before);
    QCOMPARE(status.count(), 2);
    QVERIFY(status.last().first().toString().contains(QStringLiteral("output to an output")));

    // A full single input.
    drag(node("conv5x5")->outputPort()->scenePos(), node("reduce1x1")->inputPort()->scenePos());
    QCOMPARE(snapshot(), before);
    QCOMPARE(status.count(), 3);
    QVERIFY(status.last().first().toString().contains(QStringLiteral("already connected")));
    QCOMPARE(m_undo->count(), steps);
}

void tst_Canvas::dropOnEmptySpaceCancels()
{
    QSignalSpy status(m_scene, &GraphScene::statusMessage);
    const QByteArray before = snapshot();
    drag(node("conv5x5")->outputPort()->scenePos(), QPointF(1000, 100));
    QCOMPARE(snapshot(), before);
    QCOMPARE(status.count(), 0);
    QCOMPARE(m_undo->count(), 0);
    // No rubber edge or highlight is left behind.
    for (QGraphicsItem *i : m_scene->items())
        if (auto *p = qgraphicsitem_cast<PortItem *>(i))
            QCOMPARE(p->highlight(), PortItem::Highlight::None);
    QCOMPARE(m_scene->items().size(), 6 + 6 + 10); // nodes, edges, ports
}

void tst_Canvas::moveIsOneCommand()
{
    NodeItem *out = node("output");
    const QPointF start = out->pos();
    const QPointF c = centreOf(out);
    drag(c, c + QPointF(40, 25));
    QCOMPARE(m_undo->count(), 1);
    QVERIFY(dynamic_cast<const MoveLayersCommand *>(m_undo->command(0)));
    QCOMPARE(m_doc->model()->graph().layer(byName("output"))->position, start + QPointF(40, 25));
    QCOMPARE(out->pos(), start + QPointF(40, 25));
    // The edge followed the node.
    const EdgeItem *e = m_scene->edgeItem(byName("concat"), byName("output"));
    QCOMPARE(e->boundingRect().contains(out->inputPort()->scenePos()), true);
    m_undo->undo();
    QCOMPARE(m_doc->model()->graph().layer(byName("output"))->position, start);
    QCOMPARE(out->pos(), start);
    m_undo->redo();
    QCOMPARE(out->pos(), start + QPointF(40, 25));

    // With grid snap the result lands on the grid.
    m_scene->setGridSnap(true);
    drag(centreOf(out), centreOf(out) + QPointF(13, 7));
    const QPointF snappedPos = m_doc->model()->graph().layer(byName("output"))->position;
    const qreal g = m_scene->style().gridSize;
    QCOMPARE(std::fmod(snappedPos.x(), g), 0.0);
    QCOMPARE(std::fmod(snappedPos.y(), g), 0.0);
}

void tst_Canvas::moveSelectionTogether()
{
    NodeItem *a = node("reduce1x1");
    NodeItem *b = node("conv5x5_after_1x1");
    a->setSelected(true);
    b->setSelected(true);
    const QPointF pa = a->pos(), pb = b->pos();
    drag(centreOf(a), centreOf(a) + QPointF(60, -20));
    QCOMPARE(m_undo->count(), 1);
    QCOMPARE(a->pos(), pa + QPointF(60, -20));
    QCOMPARE(b->pos(), pb + QPointF(60, -20));
    m_undo->undo();
    QCOMPARE(m_doc->model()->graph().layer(byName("reduce1x1"))->position, pa);
    QCOMPARE(m_doc->model()->graph().layer(byName("conv5x5_after_1x1"))->position, pb);
}

void tst_Canvas::labelFollowsParams()
{
    NodeItem *conv = node("conv5x5");
    m_undo->push(new SetLayerParamCommand(m_doc->model(), byName("conv5x5"),
                                          {{QStringLiteral("out_channels"), 64}}));
    // The key parameters change at once, the numbers with the analysis.
    QVERIFY(plain(conv->labelText()).contains(QStringLiteral("Conv 5×5, 64")));
    flush();
    QVERIFY2(plain(conv->labelText()).contains(QStringLiteral("307 K params · 241 M MACs")),
             qPrintable(conv->labelText()));
    QVERIFY(plain(conv->labelText()).contains(QStringLiteral("1×64×28×28")));
    QCOMPARE(m_scene->edgeItem(byName("conv5x5"), byName("concat"))->labelText(),
             QStringLiteral("\u20661×64×28×28\u2069"));
    QVERIFY(plain(node("concat")->labelText()).contains(QStringLiteral("1×96×28×28")));
    m_undo->undo();
    flush();
    QVERIFY(plain(conv->labelText()).contains(QStringLiteral("154 K params · 120 M MACs")));

    // Persian digits through the one NumberFormat, shapes still left to right.
    m_display->setFormat(NumberFormat(QLocale(QLocale::Persian, QLocale::Iran)));
    QVERIFY2(conv->labelText().contains(QStringLiteral("\u2066۱×۳۲×۲۸×۲۸\u2069")),
             qPrintable(conv->labelText()));
}

void tst_Canvas::errorBadgeAndDimmedDownstream()
{
    m_undo->push(new SetLayerParamCommand(
        m_doc->model(), byName("conv5x5"),
        {{QStringLiteral("kernel_h"), 29}, {QStringLiteral("padding"), QStringLiteral("valid")}}));
    flush();
    NodeItem *conv = node("conv5x5");
    QVERIFY(conv->hasError());
    const QString message =
        m_doc->analyzer()->result().errorText(m_doc->model()->graph(), byName("conv5x5"));
    QVERIFY(!message.isEmpty());
    QCOMPARE(conv->toolTip(), message);
    NodeItem *concat = node("concat");
    QVERIFY(concat->isDimmed());
    QVERIFY2(plain(concat->labelText()).contains(QStringLiteral("'conv5x5' upstream has an error")),
             qPrintable(concat->labelText()));
    QVERIFY(concat->toolTip().contains(QStringLiteral("no numbers")));
    // The edge out of the failing layer carries no shape.
    QVERIFY(m_scene->edgeItem(byName("conv5x5"), byName("concat"))->labelText().isEmpty());
    // Renaming the culprit renames it in the downstream message.
    m_undo->push(new RenameLayerCommand(m_doc->model(), byName("conv5x5"), QStringLiteral("big")));
    flush();
    QVERIFY2(plain(concat->labelText()).contains(QStringLiteral("'big'")),
             qPrintable(concat->labelText()));
    m_undo->undo();
    m_undo->undo();
    flush();
    QVERIFY(!conv->hasError());
    QVERIFY(!concat->isDimmed());
}

void tst_Canvas::heatTint()
{
    QVERIFY(node("conv5x5")->heatText().isEmpty());
    m_display->setHeatMode(DisplayContext::HeatMode::Macs);
    const AnalysisResult &r = m_doc->analyzer()->result();
    const double share =
        double(r.layer(byName("conv5x5"))->costs.macs.value()) / double(r.totals.macs.value());
    QCOMPARE(node("conv5x5")->heatText(), m_display->format().percent(share));
    QCOMPARE(node("input")->heatText(), m_display->format().percent(0));
    saveShot(m_view, QStringLiteral("lesson-heat.png"));
    m_display->setHeatMode(DisplayContext::HeatMode::Params);
    QVERIFY(!node("reduce1x1")->heatText().isEmpty());
    // Shares follow edits: the totals change, so every node re-reads.
    const QString before = node("reduce1x1")->heatText();
    m_undo->push(new SetLayerParamCommand(m_doc->model(), byName("conv5x5"),
                                          {{QStringLiteral("out_channels"), 128}}));
    flush();
    QVERIFY(node("reduce1x1")->heatText() != before);
    m_display->setHeatMode(DisplayContext::HeatMode::Off);
    QVERIFY(node("conv5x5")->heatText().isEmpty());
    QCOMPARE(CanvasStyle::heatLevel(0), 0.0);
    QVERIFY(CanvasStyle::heatLevel(0.01) > 0.3 && CanvasStyle::heatLevel(0.01) < 0.4);
    QCOMPARE(CanvasStyle::heatLevel(1), 1.0);
}

void tst_Canvas::deleteAndUndo()
{
    const QByteArray before = snapshot();
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier,
                      vp(centreOf(node("reduce1x1"))));
    QCOMPARE(m_selection->layers(), QVector<LayerId>{byName("reduce1x1")});
    QTest::keyClick(m_view, Qt::Key_Delete);
    QCOMPARE(m_doc->model()->graph().size(), 5);
    QCOMPARE(m_scene->nodeCount(), 5);
    QVERIFY(m_selection->layers().isEmpty());
    QVERIFY(!m_scene->edgeItem(byName("input"), byName("conv5x5_after_1x1")));
    m_undo->undo();
    QCOMPARE(snapshot(), before);
    QCOMPARE(m_scene->nodeCount(), 6);
    QVERIFY(m_scene->edgeItem(byName("input"), byName("reduce1x1")));
    QVERIFY(m_scene->edgeItem(byName("reduce1x1"), byName("conv5x5_after_1x1")));
    QCOMPARE(node("reduce1x1")->pos(), QPointF(460, 140));
}

void tst_Canvas::deleteEdge()
{
    EdgeItem *e = m_scene->edgeItem(byName("input"), byName("conv5x5"));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, vp(e->midPoint()));
    QVERIFY(e->isSelected());
    QVERIFY(m_selection->layers().isEmpty());
    QTest::keyClick(m_view, Qt::Key_Delete);
    QCOMPARE(m_doc->model()->graph().size(), 6);
    QVERIFY(m_doc->model()->graph().layer(byName("conv5x5"))->inputs.isEmpty());
    QVERIFY(!m_scene->edgeItem(byName("input"), byName("conv5x5")));
    m_undo->undo();
    QVERIFY(m_scene->edgeItem(byName("input"), byName("conv5x5")));
}

void tst_Canvas::copyPasteKeepsInnerConnections()
{
    node("reduce1x1")->setSelected(true);
    node("conv5x5_after_1x1")->setSelected(true);
    QTest::keyClick(m_view, Qt::Key_C, Qt::ControlModifier);
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime->hasFormat(QStringLiteral("application/x-naqsh-fragment")));
    QVERIFY(mime->text().contains(QStringLiteral("reduce1x1")));
    QTest::keyClick(m_view, Qt::Key_V, Qt::ControlModifier);
    const Graph &g = m_doc->model()->graph();
    QCOMPARE(g.size(), 8);
    QCOMPARE(m_undo->count(), 1);
    const LayerId a = g.layerIds()[6], b = g.layerIds()[7];
    QCOMPARE(g.layer(b)->inputs, QVector<LayerId>{a}); // the inner connection
    QVERIFY(g.layer(a)->inputs.isEmpty());             // not the one from outside
    QCOMPARE(g.layer(a)->position, QPointF(460, 140) + QPointF(30, 30));
    QVERIFY(m_scene->edgeItem(a, b));
    QCOMPARE(m_selection->layers(), (QVector<LayerId>{a, b}));
    // Pasting again steps further.
    QTest::keyClick(m_view, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(g.size(), 10);
    QCOMPARE(g.layer(g.layerIds()[8])->position, QPointF(460, 140) + QPointF(60, 60));
    // Paste at a point puts the fragment's centre there.
    m_scene->pasteAt(QPointF(1000, 1000));
    QCOMPARE(g.size(), 12);
    QRectF box;
    for (int i = 10; i < 12; ++i)
        box |= m_scene->nodeItem(g.layerIds()[i])->sceneBoundingRect();
    QVERIFY(box.contains(QPointF(1000, 1000)));
    // Cut removes them and undo restores.
    m_undo->undo();
    m_undo->undo();
    m_undo->undo();
    QCOMPARE(g.size(), 6);
    node("output")->setSelected(true);
    QTest::keyClick(m_view, Qt::Key_X, Qt::ControlModifier);
    QCOMPARE(g.size(), 5);
    m_undo->undo();
    QCOMPARE(g.size(), 6);
}

void tst_Canvas::duplicateSelection()
{
    node("reduce1x1")->setSelected(true);
    node("conv5x5_after_1x1")->setSelected(true);
    m_scene->duplicateSelection();
    const Graph &g = m_doc->model()->graph();
    QCOMPARE(g.size(), 8);
    QCOMPARE(g.layer(g.layerIds()[7])->inputs, QVector<LayerId>{g.layerIds()[6]});
    QCOMPARE(m_undo->count(), 1);
    m_undo->undo();
    QCOMPARE(g.size(), 6);
}

void tst_Canvas::renameInPlace()
{
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier,
                      vp(centreOf(node("concat"))));
    QTest::keyClick(m_view, Qt::Key_F2);
    QVERIFY(m_scene->nameEditor());
    QCOMPARE(m_scene->focusItem(), m_scene->nameEditor());
    QTest::keyClicks(m_view, QStringLiteral("merge"));
    QCOMPARE(m_scene->nameEditor()->toPlainText(), QStringLiteral("merge"));
    saveShot(m_view, QStringLiteral("rename.png"));
    QTest::keyClick(m_view, Qt::Key_Return);
    QVERIFY(!m_scene->nameEditor());
    QCOMPARE(m_doc->model()->graph().layer(byName("merge"))->type, QStringLiteral("concat"));
    QVERIFY(node("merge")->labelText().startsWith(QStringLiteral("merge\n")));
    QCOMPARE(m_undo->count(), 1);
    m_undo->undo();
    QVERIFY(byName("concat").isValid());
    QVERIFY(node("concat")->labelText().startsWith(QStringLiteral("concat\n")));
}

void tst_Canvas::renameCancelled()
{
    node("concat")->setSelected(true);
    m_scene->renameSelected();
    QVERIFY(m_scene->nameEditor());
    QTest::keyClicks(m_view, QStringLiteral("nope"));
    QTest::keyClick(m_view, Qt::Key_Escape);
    QVERIFY(!m_scene->nameEditor());
    QVERIFY(byName("concat").isValid());
    QCOMPARE(m_undo->count(), 0);
    // Keys go back to the canvas: Delete deletes the layer again.
    QTest::keyClick(m_view, Qt::Key_Delete);
    QCOMPARE(m_doc->model()->graph().size(), 5);
}

void tst_Canvas::dropNodeOnEdgeInserts()
{
    const LayerId relu = m_scene->addLayerAt(QStringLiteral("relu"), QPointF(900, 400));
    flush();
    const int steps = m_undo->count();
    NodeItem *r = m_scene->nodeItem(relu);
    const QPointF start = r->pos();
    EdgeItem *edge = m_scene->edgeItem(byName("reduce1x1"), byName("conv5x5_after_1x1"));
    QVERIFY(edge);
    const QPointF target = edge->midPoint();
    // Hovering highlights the edge.
    QWidget *v = m_view->viewport();
    QTest::mousePress(v, Qt::LeftButton, Qt::NoModifier, vp(centreOf(r)));
    QTest::mouseMove(v, vp((centreOf(r) + target) / 2));
    QTest::mouseMove(v, vp(target));
    QVERIFY(edge->isDropTarget());
    QVERIFY(r->opacity() < 1.0); // the edge shows through the node
    saveShot(m_view, QStringLiteral("drop-on-edge.png"));
    QTest::mouseRelease(v, Qt::LeftButton, Qt::NoModifier, vp(target));
    QCOMPARE(r->opacity(), 1.0);
    QCOMPARE(r->zValue(), 0.0);

    const Graph &g = m_doc->model()->graph();
    QCOMPARE(g.layer(relu)->inputs, QVector<LayerId>{byName("reduce1x1")});
    QCOMPARE(g.layer(byName("conv5x5_after_1x1"))->inputs, QVector<LayerId>{relu});
    QCOMPARE(m_undo->count(), steps + 1);
    QVERIFY(!m_scene->edgeItem(byName("reduce1x1"), byName("conv5x5_after_1x1")));
    m_undo->undo();
    QCOMPARE(g.layer(byName("conv5x5_after_1x1"))->inputs, QVector<LayerId>{byName("reduce1x1")});
    QVERIFY(g.layer(relu)->inputs.isEmpty());
    QCOMPARE(r->pos(), start);
    QVERIFY(m_scene->edgeItem(byName("reduce1x1"), byName("conv5x5_after_1x1")));
    m_undo->redo();
    QCOMPARE(g.layer(byName("conv5x5_after_1x1"))->inputs, QVector<LayerId>{relu});
}

void tst_Canvas::selectionSyncsBothWays()
{
    QSignalSpy changed(m_selection, &LayerSelection::selectionChanged);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier,
                      vp(centreOf(node("reduce1x1"))));
    QCOMPARE(m_selection->layers(), QVector<LayerId>{byName("reduce1x1")});
    QCOMPARE(changed.count(), 1);
    // From outside (the table): the canvas follows without echoing back.
    m_selection->setSelection({byName("concat"), byName("output")});
    QCOMPARE(changed.count(), 2);
    QVERIFY(!node("reduce1x1")->isSelected());
    QVERIFY(node("concat")->isSelected());
    QVERIFY(node("output")->isSelected());
    QCOMPARE(m_selection->layers(), (QVector<LayerId>{byName("concat"), byName("output")}));
    // Ctrl+A selects every layer.
    QTest::keyClick(m_view, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_selection->layers().size(), 6);
    QCOMPARE(m_selection->current(), byName("concat"));
    // Clicking empty space clears.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, vp(QPointF(1000, 100)));
    QVERIFY(m_selection->layers().isEmpty());
    // A selection far away scrolls into view.
    const LayerId far = m_scene->addLayerAt(QStringLiteral("relu"), QPointF(4000, 3000));
    m_view->centerOn(0, 0);
    m_selection->setSelection({});
    m_selection->setSelection({far});
    QVERIFY(m_view->mapToScene(m_view->viewport()->rect())
                .boundingRect()
                .intersects(m_scene->nodeItem(far)->sceneBoundingRect()));
}

void tst_Canvas::rubberBandSelectsLayers()
{
    // A band around the two right-hand convolutions (and across edges) selects layers only.
    drag(QPointF(700, 120), QPointF(440, 380));
    QCOMPARE(m_selection->layers().size(), 2);
    QVERIFY(m_selection->contains(byName("reduce1x1")));
    QVERIFY(m_selection->contains(byName("conv5x5_after_1x1")));
    for (QGraphicsItem *i : m_scene->selectedItems())
        QCOMPARE(i->type(), int(NodeItem::Type));
}

void tst_Canvas::zoomToFitShowsAllNodes()
{
    m_scene->addLayerAt(QStringLiteral("relu"), QPointF(3000, 2500));
    m_scene->addLayerAt(QStringLiteral("relu"), QPointF(-1500, -800));
    QSignalSpy zoom(m_view, &GraphView::zoomChanged);
    m_view->zoomToFit();
    QCOMPARE(zoom.count(), 1);
    QVERIFY(m_view->zoom() < 1.0);
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    for (QGraphicsItem *i : m_scene->items())
        if (i->type() == NodeItem::Type)
            QVERIFY(visible.contains(i->sceneBoundingRect()));
    m_view->resetZoom();
    QCOMPARE(m_view->zoom(), 1.0);
    m_view->zoomIn();
    QVERIFY(m_view->zoom() > 1.0);
    m_view->zoomOut();
    QVERIFY(qFuzzyCompare(m_view->zoom(), 1.0));
}

void tst_Canvas::zoomToFitNeverDrawsTinyDetails()
{
    // A maximized 1920x1080 window fitted the lesson at 82 %: the cards' shapes and costs
    // (metaFont, 0.88 of the base font) came out at 6.5 pt. Over window heights from cramped to
    // roomy, a fit shows either the names alone (below the names-only level of detail) or the
    // details at 7.5 pt at least.
    QRectF graph;
    for (QGraphicsItem *i : m_scene->items())
        if (i->type() == NodeItem::Type)
            graph |= i->sceneBoundingRect();
    const double metaPoints = m_scene->style().metaFont.pointSizeF();
    QVERIFY(metaPoints > 0);
    int inBand = 0;
    for (int h = 300; h <= 1100; h += 20) {
        m_view->resize(2400, h);
        const QSize vpSize = m_view->viewport()->size();
        // What a plain fit (40 px of air around the graph) would choose.
        const double plain =
            qMin(vpSize.width() / (graph.width() + 80), vpSize.height() / (graph.height() + 80));
        const bool tiny = plain >= CanvasStyle::kNameOnlyLod && metaPoints * plain < 7.5;
        inBand += tiny;
        m_view->zoomToFit();
        const double z = m_view->zoom();
        QVERIFY2(z < CanvasStyle::kNameOnlyLod || metaPoints * z >= 7.5 - 1e-9,
                 qPrintable(QStringLiteral("height %1: zoom %2 draws details at %3 pt")
                                .arg(h)
                                .arg(z)
                                .arg(metaPoints * z)));
        // Never larger than the plain fit: every node stays in view.
        QVERIFY(z <= plain + 1e-9);
        if (tiny)
            QVERIFY(z > CanvasStyle::kNameOnlyLod * 0.98); // names only, as large as can be
        else
            QVERIFY(qFuzzyCompare(z, qMin(plain, 1.0)));
    }
    QVERIFY2(inBand >= 2, "no height landed in the band of tiny details");
}

void tst_Canvas::portsAreTwelvePixelTargets()
{
    // At every zoom where ports are drawn, a port's hit area is 12 px across on screen at least
    // (it was 20 scene px: 8 px in the first view at 40 %), and a press 4.5 px from its centre
    // finds it.
    for (double zoom : {0.26, 0.4, 0.6, 1.0, 2.0}) {
        m_view->setZoom(zoom);
        m_view->centerOn(centreOf(node("reduce1x1")));
        for (const PortItem *port :
             {node("reduce1x1")->inputPort(), node("reduce1x1")->outputPort()}) {
            const QRect onScreen =
                m_view->mapFromScene(port->mapToScene(port->shape().boundingRect())).boundingRect();
            QVERIFY2(onScreen.width() >= 12 && onScreen.height() >= 12,
                     qPrintable(QStringLiteral("zoom %1: %2×%3 px")
                                    .arg(zoom)
                                    .arg(onScreen.width())
                                    .arg(onScreen.height())));
            const QPointF centre = m_view->mapFromScene(port->scenePos());
            for (QPointF off : {QPointF(0, 4.5), QPointF(0, -4.5)}) {
                const QPoint at = (centre + off).toPoint();
                bool found = false;
                for (QGraphicsItem *i : m_view->items(at))
                    found = found || i == port;
                QVERIFY2(found, qPrintable(QStringLiteral("zoom %1: no port at %2 px from it")
                                               .arg(zoom)
                                               .arg(off.y())));
            }
        }
    }
}

void tst_Canvas::wheelZoomKeepsPointUnderMouse()
{
    const QPoint at = vp(centreOf(node("concat")));
    const QPointF sceneBefore = m_view->mapToScene(at);
    QWheelEvent wheel(at, m_view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &wheel);
    QVERIFY(m_view->zoom() > 1.3);
    const QPointF sceneAfter = m_view->mapToScene(at);
    QVERIFY2((sceneAfter - sceneBefore).manhattanLength() < 2.0,
             qPrintable(QStringLiteral("%1,%2").arg(sceneAfter.x()).arg(sceneAfter.y())));
}

void tst_Canvas::pinchAndKeysZoom()
{
    const QPoint at = vp(centreOf(node("reduce1x1")));
    const QPointF before = m_view->mapToScene(at);
    QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2,
                              at, at, m_view->viewport()->mapToGlobal(at), 0.5, QPointF(), 1);
    QApplication::sendEvent(m_view->viewport(), &pinch);
    QCOMPARE(m_view->zoom(), 1.5);
    QVERIFY((m_view->mapToScene(at) - before).manhattanLength() < 2.0);
    QTest::keyClick(m_view, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(m_view->zoom(), 1.5 / 1.25);
    QTest::keyClick(m_view, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(m_view->zoom(), 1.5);
    m_view->setZoom(100);
    QCOMPARE(m_view->zoom(), GraphView::kMaxZoom);
}

void tst_Canvas::panWithMiddleMouseAndSpace()
{
    const QByteArray before = snapshot();
    QWidget *v = m_view->viewport();
    const QPointF centre = m_view->mapToScene(v->rect().center());
    // Middle button drags the canvas, even when it starts on a node.
    const QPoint a = vp(centreOf(node("concat")));
    QTest::mousePress(v, Qt::MiddleButton, Qt::NoModifier, a);
    QTest::mouseMove(v, a + QPoint(-100, -60));
    QTest::mouseRelease(v, Qt::MiddleButton, Qt::NoModifier, a + QPoint(-100, -60));
    QPointF moved = m_view->mapToScene(v->rect().center()) - centre;
    QVERIFY2(qAbs(moved.x() - 100) < 2 && qAbs(moved.y() - 60) < 2,
             qPrintable(QStringLiteral("%1,%2").arg(moved.x()).arg(moved.y())));
    // Space + left drag pans instead of moving the node under the mouse.
    QTest::keyPress(m_view, Qt::Key_Space);
    const QPoint b = vp(centreOf(node("concat")));
    QTest::mousePress(v, Qt::LeftButton, Qt::NoModifier, b);
    QTest::mouseMove(v, b + QPoint(50, 40));
    QTest::mouseRelease(v, Qt::LeftButton, Qt::NoModifier, b + QPoint(50, 40));
    QTest::keyRelease(m_view, Qt::Key_Space);
    moved = m_view->mapToScene(v->rect().center()) - centre;
    QVERIFY2(qAbs(moved.x() - 50) < 2 && qAbs(moved.y() - 20) < 2,
             qPrintable(QStringLiteral("%1,%2").arg(moved.x()).arg(moved.y())));
    QCOMPARE(snapshot(), before);
    QCOMPARE(m_undo->count(), 0);
}

void tst_Canvas::contextMenus()
{
    // Node menu: rename, duplicate, delete, disconnect all, group and ungroup (issue 16).
    std::unique_ptr<QMenu> menu(m_scene->createContextMenu(centreOf(node("reduce1x1"))));
    QStringList names;
    for (QAction *a : menu->actions())
        if (!a->objectName().isEmpty())
            names << a->objectName();
    QCOMPARE(names,
             (QStringList{QStringLiteral("renameAction"), QStringLiteral("duplicateAction"),
                          QStringLiteral("deleteAction"), QStringLiteral("disconnectAllAction"),
                          QStringLiteral("groupAction"), QStringLiteral("ungroupAction")}));
    // No block holds the layer: nothing to ungroup.
    QVERIFY(!menu->findChild<QAction *>(QStringLiteral("ungroupAction"))->isEnabled());
    QCOMPARE(m_selection->layers(), QVector<LayerId>{byName("reduce1x1")});
    menu->findChild<QAction *>(QStringLiteral("disconnectAllAction"))->trigger();
    QVERIFY(m_doc->model()->graph().layer(byName("reduce1x1"))->inputs.isEmpty());
    QVERIFY(m_doc->model()->graph().consumers(byName("reduce1x1")).isEmpty());
    QCOMPARE(m_undo->count(), 1);
    m_undo->undo();
    QCOMPARE(m_doc->model()->graph().consumers(byName("reduce1x1")).size(), 1);

    // Edge menu: insert a layer into the connection.
    EdgeItem *e = m_scene->edgeItem(byName("concat"), byName("output"));
    menu.reset(m_scene->createContextMenu(e->midPoint()));
    auto *insert = menu->findChild<QMenu *>(QStringLiteral("insertMenu"));
    QVERIFY(insert);
    QAction *relu = nullptr;
    for (QAction *a : insert->actions())
        if (a->data().toString() == QStringLiteral("relu"))
            relu = a;
    QVERIFY(relu);
    relu->trigger();
    const Graph &g = m_doc->model()->graph();
    QCOMPARE(g.size(), 7);
    const LayerId added = g.layerIds().last();
    QCOMPARE(g.layer(added)->inputs, QVector<LayerId>{byName("concat")});
    QCOMPARE(g.layer(byName("output"))->inputs, QVector<LayerId>{added});
    QCOMPARE(m_undo->index(), 1); // one step (it replaced the undone one)
    m_undo->undo();
    QCOMPARE(g.size(), 6);
    QCOMPARE(g.layer(byName("output"))->inputs, QVector<LayerId>{byName("concat")});

    // Background menu: add a layer by category, snap toggle.
    menu.reset(m_scene->createContextMenu(QPointF(1000, 100)));
    QVERIFY(menu->findChild<QMenu *>(QStringLiteral("addLayerMenu")));
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("pasteAction")));
    QAction *snap = menu->findChild<QAction *>(QStringLiteral("gridSnapAction"));
    snap->trigger();
    QVERIFY(m_scene->gridSnap());
}

void tst_Canvas::addLayerAtCenterConnectsAfterSelection()
{
    // Palette double-click: after the selected layer when its output fits.
    m_selection->setSelection({byName("concat")});
    m_view->addLayerAtCenter(QStringLiteral("batchnorm2d"));
    const Graph &g = m_doc->model()->graph();
    const LayerId bn = g.layerIds().last();
    QCOMPARE(g.layer(bn)->inputs, QVector<LayerId>{byName("concat")});
    QCOMPARE(m_selection->layers(), QVector<LayerId>{bn});
    QCOMPARE(m_undo->count(), 1);
    m_undo->undo();
    QCOMPARE(g.size(), 6);
    // A layer that cannot take that output is added unconnected: an Input takes no input.
    m_selection->setSelection({byName("concat")});
    m_view->addLayerAtCenter(QStringLiteral("input"));
    QVERIFY(g.layer(g.layerIds().last())->inputs.isEmpty());
    // A second add does not land on top of the first.
    m_view->addLayerAtCenter(QStringLiteral("relu"));
    const QRectF first = m_scene->nodeItem(g.layerIds()[6])->sceneBoundingRect();
    const QRectF second = m_scene->nodeItem(g.layerIds()[7])->sceneBoundingRect();
    QVERIFY(!first.intersects(second.adjusted(4, 4, -4, -4)));
}

void tst_Canvas::levelOfDetailRenders()
{
    // A 200-layer graph renders at full detail, names only and boxes only, and stays legible
    // (non-background pixels where the nodes are).
    m_doc->setGraph(
        test::generatedGraph(200, QSizeF(m_scene->style().nodeWidth, m_scene->style().nodeHeight)));
    QCOMPARE(m_scene->nodeCount(), 200);
    flush();
    for (double zoom : {1.0, 0.4, 0.15}) {
        m_view->setZoom(zoom);
        m_view->centerOn(centreOf(m_scene->nodeItem(m_doc->model()->graph().layerIds().first())) +
                         QPointF(0, 300));
        QImage image(m_view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        m_view->viewport()->render(&image);
        const QColor bg = m_scene->style().background;
        int differing = 0;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                differing += QColor(image.pixel(x, y)) != bg ? 1 : 0;
        QVERIFY2(differing > 100, qPrintable(QString::number(differing)));
    }
    m_view->resetZoom();
    m_view->centerOn(centreOf(m_scene->nodeItem(m_doc->model()->graph().layerIds()[20])));
    saveShot(m_view, QStringLiteral("generated-100.png"));
    m_view->zoomToFit();
    saveShot(m_view, QStringLiteral("generated-fit.png"));
    m_view->setZoom(0.4);
    saveShot(m_view, QStringLiteral("generated-40.png"));
}

void tst_Canvas::darkPaletteRestyles()
{
    QVERIFY(!m_scene->style().dark);
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(40, 42, 46));
    dark.setColor(QPalette::WindowText, QColor(228, 228, 231));
    dark.setColor(QPalette::Base, QColor(30, 31, 34));
    dark.setColor(QPalette::Text, QColor(228, 228, 231));
    dark.setColor(QPalette::Highlight, QColor(59, 130, 246));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    QApplication::setPalette(dark);
    const CanvasStyle &s = m_scene->style();
    QVERIFY(s.dark);
    // Legible: light text on cards that stand out from the canvas.
    QVERIFY(s.text.lightnessF() - s.nodeFill.lightnessF() > 0.5);
    QVERIFY(s.textMuted.lightnessF() - s.nodeFill.lightnessF() > 0.3);
    QVERIFY(s.nodeFill.lightnessF() > s.background.lightnessF());
    node("reduce1x1")->setSelected(true);
    m_undo->push(new SetLayerParamCommand(
        m_doc->model(), byName("conv5x5"),
        {{QStringLiteral("kernel_h"), 29}, {QStringLiteral("padding"), QStringLiteral("valid")}}));
    flush();
    saveShot(m_view, QStringLiteral("lesson-dark.png"));
    const QImage shot = m_view->grab().toImage();
    int background = 0;
    for (int y = 0; y < 10; ++y)
        for (int x = 0; x < 10; ++x) {
            const QRgb p = shot.pixel(x + 2, y + 2);
            const QColor &b = s.background;
            background +=
                qAbs(qRed(p) - b.red()) + qAbs(qGreen(p) - b.green()) + qAbs(qBlue(p) - b.blue()) <=
                        3
                    ? 1
                    : 0;
        }
    QVERIFY2(background > 80, qPrintable(QString::number(background)));
    QApplication::setPalette(light);
    QVERIFY(!m_scene->style().dark);
}

void tst_Canvas::persianRightToLeft()
{
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    m_display->setFormat(NumberFormat(QLocale(QLocale::Persian, QLocale::Iran)));
    const QString name = QStringLiteral("کانولوشن بزرگ");
    m_undo->push(new RenameLayerCommand(m_doc->model(), byName("conv5x5"), name));
    flush();
    const QString label = m_scene->nodeItem(m_doc->model()->graph().findByName(name))->labelText();
    QVERIFY(label.startsWith(name + QLatin1Char('\n')));
    QVERIFY2(label.contains(QStringLiteral("\u2066۱×۳۲×۲۸×۲۸\u2069")),
             qPrintable(label)); // never reversed
    // Key parameters: Persian digits, each isolated, joined by the Arabic comma.
    QVERIFY2(label.contains(QStringLiteral("\u2066۵×۵\u2069\u060C \u2066۳۲\u2069")),
             qPrintable(label));
    // The canvas font draws Persian (Qt draws nothing at all for missing glyphs).
    QTextLayout layout(name, m_scene->style().nameFont);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    int glyphs = 0;
    for (const QGlyphRun &run : layout.glyphRuns())
        for (quint32 g : run.glyphIndexes()) {
            QVERIFY(g != 0);
            ++glyphs;
        }
    QVERIFY(glyphs > 5);
    m_display->setHeatMode(DisplayContext::HeatMode::Macs);
    saveShot(m_view, QStringLiteral("lesson-fa-rtl.png"));
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
}

void tst_Canvas::importedEdgesGoAroundNodes_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("ResNet-50") << QStringLiteral("resnet50_topology.onnx");
    QTest::newRow("DenseNet-121") << QStringLiteral("densenet121_topology.onnx");
}

void tst_Canvas::importedEdgesGoAroundNodes()
{
    // As drawn on the canvas after an import: no edge through a node other than its own ends,
    // no edge label over a node or another label, and one label per producer at most.
    QFETCH(QString, file);
    const ImportResult r = loadDocument(QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/onnx/") + file,
                                        LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    m_doc->setGraph(r.graph);
    flush();
    QCoreApplication::processEvents(); // the scene routes again and places labels once
    QHash<LayerId, QRectF> rects;
    for (const NodeItem *n : m_scene->nodeItems())
        rects.insert(n->layerId(), n->mapRectToScene(n->cardRect()));
    QVERIFY(rects.size() > 100);
    int edges = 0, routed = 0;
    QVector<QRectF> labels;
    QSet<LayerId> labelled;
    for (const NodeItem *n : m_scene->nodeItems())
        for (const EdgeItem *e : n->edges()) {
            if (e->connection().from != n->layerId())
                continue;
            ++edges;
            routed += e->route().size() > 2;
            const QVector<QPointF> line = EdgeRouter::polyline(e->route());
            for (auto it = rects.cbegin(); it != rects.cend(); ++it) {
                if (it.key() == e->connection().from || it.key() == e->connection().to)
                    continue;
                for (qsizetype k = 1; k < line.size(); ++k)
                    if (EdgeRouter::segmentHitsRect(line[k - 1], line[k], it.value()))
                        QFAIL(qPrintable(
                            QStringLiteral("an edge into %1 crosses %2")
                                .arg(m_doc->model()->graph().layer(e->connection().to)->name,
                                     m_doc->model()->graph().layer(it.key())->name)));
            }
            QVERIFY(!e->labelText().isEmpty());
            if (!e->labelShown())
                continue;
            QVERIFY2(!labelled.contains(e->connection().from), "two labels for one producer");
            labelled.insert(e->connection().from);
            const QRectF box = e->labelRect();
            for (const QRectF &other : std::as_const(labels))
                QVERIFY(!other.intersects(box));
            for (const QRectF &node : std::as_const(rects))
                QVERIFY(!node.intersects(box));
            labels.append(box);
        }
    qInfo("%d edges, %d routed around nodes, %d labels shown", edges, routed, int(labels.size()));
    QVERIFY(routed > 0);
    // Most producers keep their label (a chain's labels all show).
    QVERIFY2(labels.size() * 10 > rects.size() * 7, qPrintable(QString::number(labels.size())));
    m_view->resetZoom();
    const NodeItem *first = m_scene->nodeItem(m_doc->model()->graph().layerIds().at(20));
    m_view->centerOn(first);
    saveShot(m_view, file + QStringLiteral(".png"));
}

QTEST_MAIN(tst_Canvas)

#include "tst_Canvas.moc"
