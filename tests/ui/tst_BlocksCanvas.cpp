// Blocks in the designer (issue 16), offscreen: Edit › Group (Ctrl+G) on the lesson's reduce
// path draws a frame; a double-click on its title collapses it to one card with the path's
// shapes and rolled-up numbers, edges attach to the card; a double-click expands it; each is
// one undo step; Ctrl+Shift+G ungroups. The same in Persian.
#include "Document.h"
#include "Language.h"
#include "MainWindow.h"
#include "Recovery.h"
#include "canvas/BlockItem.h"
#include "canvas/EdgeItem.h"
#include "canvas/GraphScene.h"
#include "canvas/GraphView.h"
#include "canvas/NodeItem.h"
#include "graph/GraphModel.h"

#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtTest>

using namespace naqsh;

namespace {
QString plain(QString text)
{
    return text.remove(QChar(0x2066)).remove(QChar(0x2069));
}
} // namespace

class tst_BlocksCanvas : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void groupCollapseExpandUndo();
    void ungroupByShortcutAndMenu();
    void persianCard();

private:
    std::unique_ptr<MainWindow> makeWindow();
    LayerId byName(const char *name) const
    {
        return m_w->document()->model()->graph().findByName(QString::fromLatin1(name));
    }
    NodeItem *node(const char *name) const { return m_w->scene()->nodeItem(byName(name)); }
    /// Selects the reduce path and presses Ctrl+G on the canvas; returns the new block.
    BlockId groupReducePath();
    void doubleClick(QPointF scenePos);

    Language m_language;
    std::unique_ptr<MainWindow> m_w;
};

void tst_BlocksCanvas::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NaqshTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_BlocksCanvas"));
}

void tst_BlocksCanvas::init()
{
    QSettings().clear();
    Recovery::discard();
    m_language.apply(Language::Code::English);
    m_w = makeWindow();
    m_w->openInitialDocument();
    QCOMPARE(m_w->document()->model()->graph().size(), 6);
    m_w->view()->resetZoom();
    m_w->view()->centerOn(QPointF(350, 310));
}

void tst_BlocksCanvas::cleanup()
{
    m_w.reset();
    Recovery::discard();
    m_language.apply(Language::Code::English);
}

std::unique_ptr<MainWindow> tst_BlocksCanvas::makeWindow()
{
    MainWindowOptions o;
    o.restoreLayout = false;
    o.autosaveMs = 3600 * 1000;
    auto w = std::make_unique<MainWindow>(&m_language, nullptr, o);
    w->setSavePrompt([] { return int(QMessageBox::Discard); });
    w->setRecoveryPrompt([](const Recovery::Pending &) { return true; });
    w->resize(1400, 900);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        qWarning("window not exposed");
    return w;
}

BlockId tst_BlocksCanvas::groupReducePath()
{
    GraphScene *scene = m_w->scene();
    scene->clearSelection();
    node("reduce1x1")->setSelected(true);
    node("conv5x5_after_1x1")->setSelected(true);
    const int before = m_w->document()->undoStack()->count();
    m_w->view()->setFocus();
    QTest::keyClick(m_w->view(), Qt::Key_G, Qt::ControlModifier);
    if (m_w->document()->undoStack()->count() != before + 1)
        return {};
    const QVector<Block> &blocks = m_w->document()->model()->graph().blocks();
    return blocks.isEmpty() ? BlockId() : blocks.last().id;
}

void tst_BlocksCanvas::doubleClick(QPointF scenePos)
{
    const QPoint p = m_w->view()->mapFromScene(scenePos);
    QTest::mouseDClick(m_w->view()->viewport(), Qt::LeftButton, Qt::NoModifier, p);
}

void tst_BlocksCanvas::groupCollapseExpandUndo()
{
    GraphScene *scene = m_w->scene();
    QUndoStack *undo = m_w->document()->undoStack();
    const Graph &g = m_w->document()->model()->graph();
    // Edit › Group is Ctrl+G.
    auto *groupAct = m_w->findChild<QAction *>(QStringLiteral("groupAction"));
    QVERIFY(groupAct);
    QCOMPARE(groupAct->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_G));
    const BlockId b = groupReducePath();
    QVERIFY(b.isValid());
    QCOMPARE(g.block(b)->name, QStringLiteral("block"));
    QCOMPARE(g.blockLayers(b),
             (QVector<LayerId>{byName("reduce1x1"), byName("conv5x5_after_1x1")}));

    // Expanded: a frame around both layers, its title above them.
    BlockItem *item = scene->blockItem(b);
    QVERIFY(item && item->isVisible() && !item->isCollapsed());
    const QRectF frame = item->outline();
    for (const char *n : {"reduce1x1", "conv5x5_after_1x1"})
        QVERIFY(frame.contains(node(n)->mapRectToScene(node(n)->cardRect())));
    QVERIFY(!frame.contains(node("conv5x5")->mapRectToScene(node("conv5x5")->cardRect())));
    const int steps = undo->count();

    // Double-click on the title collapses it: one card with the path's shapes and numbers.
    doubleClick(item->mapToScene(item->titleRect().center()));
    QCOMPARE(undo->count(), steps + 1);
    QVERIFY(g.block(b)->collapsed);
    QVERIFY(item->isCollapsed());
    QVERIFY(!node("reduce1x1")->isVisible());
    QVERIFY(!node("conv5x5_after_1x1")->isVisible());
    QVERIFY(node("conv5x5")->isVisible());
    const QStringList lines = plain(item->labelText()).split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("block"));
    QCOMPARE(lines.value(1), QStringLiteral("1×192×28×28 → 1×32×28×28"));
    QCOMPARE(lines.value(2), QStringLiteral("15.9 K params · 12.4 M MACs"));
    QCOMPARE(lines.value(3), QStringLiteral("2 layer(s) · 147.0 KiB activations"));
    // The edge inside is hidden; the edges across the border end and start at the card.
    EdgeItem *inside = scene->edgeItem(byName("reduce1x1"), byName("conv5x5_after_1x1"));
    EdgeItem *in = scene->edgeItem(byName("input"), byName("reduce1x1"));
    EdgeItem *out = scene->edgeItem(byName("conv5x5_after_1x1"), byName("concat"));
    QVERIFY(inside && in && out);
    QVERIFY(!inside->isVisible());
    QVERIFY(in->isVisible() && out->isVisible());
    QVERIFY(in->mapToScene(in->shape().boundingRect())
                .boundingRect()
                .adjusted(-2, -2, 2, 2)
                .contains(item->inputAnchor()));
    QVERIFY(out->mapToScene(out->shape().boundingRect())
                .boundingRect()
                .adjusted(-2, -2, 2, 2)
                .contains(item->outputAnchor()));

    // Double-click on the card expands it again.
    doubleClick(item->mapToScene(item->titleRect().center()));
    QCOMPARE(undo->count(), steps + 2);
    QVERIFY(!g.block(b)->collapsed);
    QVERIFY(node("reduce1x1")->isVisible() && inside->isVisible());

    // Undo walks back: collapsed, expanded, no block at all.
    undo->undo();
    QVERIFY(g.block(b)->collapsed && !node("reduce1x1")->isVisible());
    undo->undo();
    QVERIFY(!g.block(b)->collapsed && node("reduce1x1")->isVisible());
    undo->undo();
    QVERIFY(!g.hasBlocks());
    QVERIFY(!scene->blockItem(b));
    QVERIFY(node("reduce1x1")->isVisible() && inside->isVisible());
    undo->redo();
    undo->redo();
    QVERIFY(scene->blockItem(b) && scene->blockItem(b)->isCollapsed());
    QVERIFY(!node("reduce1x1")->isVisible());

    // Dragging the card moves the block's layers with it: one undo step.
    item = scene->blockItem(b);
    const QPointF reduceAt = g.layer(byName("reduce1x1"))->position;
    const QPointF afterAt = g.layer(byName("conv5x5_after_1x1"))->position;
    const QPointF cardAt = item->pos();
    const int before = undo->index(); // after two redos of three: the push drops the third
    QWidget *v = m_w->view()->viewport();
    const QPoint a = m_w->view()->mapFromScene(item->mapToScene(item->titleRect().center()));
    const QPoint to = a + QPoint(60, 40);
    QTest::mousePress(v, Qt::LeftButton, Qt::NoModifier, a);
    QTest::mouseMove(v, a + QPoint(20, 10));
    QTest::mouseMove(v, to);
    QTest::mouseRelease(v, Qt::LeftButton, Qt::NoModifier, to);
    QCOMPARE(undo->index(), before + 1);
    QCOMPARE(undo->count(), before + 1);
    const QPointF moved = g.layer(byName("reduce1x1"))->position - reduceAt;
    QVERIFY2(qAbs(moved.x() - 60) < 1.5 && qAbs(moved.y() - 40) < 1.5,
             qPrintable(QStringLiteral("%1,%2").arg(moved.x()).arg(moved.y())));
    QCOMPARE(g.layer(byName("conv5x5_after_1x1"))->position - afterAt, moved);
    QCOMPARE(item->pos() - cardAt, moved);
    undo->undo();
    QCOMPARE(g.layer(byName("reduce1x1"))->position, reduceAt);
    QCOMPARE(item->pos(), cardAt);
}

void tst_BlocksCanvas::ungroupByShortcutAndMenu()
{
    GraphScene *scene = m_w->scene();
    const Graph &g = m_w->document()->model()->graph();
    const BlockId b = groupReducePath();
    QVERIFY(b.isValid());
    // Clicking the title selects the block's layers; Ctrl+Shift+G ungroups it.
    BlockItem *item = scene->blockItem(b);
    QTest::mouseClick(m_w->view()->viewport(), Qt::LeftButton, Qt::NoModifier,
                      m_w->view()->mapFromScene(item->mapToScene(item->titleRect().center())));
    QCOMPARE(scene->selectedLayers().size(), 2);
    QCOMPARE(scene->selectedBlock(), b);
    m_w->view()->setFocus();
    QTest::keyClick(m_w->view(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!g.hasBlocks());
    QVERIFY(!scene->blockItem(b));
    m_w->document()->undoStack()->undo();
    QVERIFY(g.block(b));
    item = scene->blockItem(b); // a new item for the block that came back
    QVERIFY(item && item->isVisible());
    // A grouping the model refuses says why in the status bar and pushes nothing.
    QSignalSpy status(scene, &GraphScene::statusMessage);
    scene->clearSelection();
    node("conv5x5")->setSelected(true);
    node("reduce1x1")->setSelected(true);
    const int steps = m_w->document()->undoStack()->count();
    QVERIFY(!scene->groupSelection().isValid());
    QCOMPARE(m_w->document()->undoStack()->count(), steps);
    QVERIFY(!status.isEmpty());
    // The context menu of the frame's title offers collapse, rename and ungroup.
    std::unique_ptr<QMenu> menu(
        scene->createContextMenu(item->mapToScene(item->titleRect().center())));
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("toggleBlockAction")));
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("renameBlockAction")));
    menu->findChild<QAction *>(QStringLiteral("toggleBlockAction"))->trigger();
    QVERIFY(g.block(b)->collapsed);
    // A click on the collapsed card selects it (and so its hidden layers); Ctrl+Shift+G
    // ungroups it.
    QTest::mouseClick(m_w->view()->viewport(), Qt::LeftButton, Qt::NoModifier,
                      m_w->view()->mapFromScene(item->mapToScene(item->titleRect().center())));
    QVERIFY(item->isSelected());
    QCOMPARE(scene->selectedLayers().size(), 2);
    m_w->view()->setFocus();
    QTest::keyClick(m_w->view(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!g.hasBlocks());
    QVERIFY(node("reduce1x1")->isVisible());
}

void tst_BlocksCanvas::persianCard()
{
    m_language.apply(Language::Code::Persian);
    const BlockId b = groupReducePath();
    QVERIFY(b.isValid());
    m_w->scene()->toggleBlock(b);
    const QString text = plain(m_w->scene()->blockItem(b)->labelText());
    // Persian digits and words; shapes keep their order inside their isolates.
    QVERIFY2(text.contains(QStringLiteral("۱×۱۹۲×۲۸×۲۸")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("پارامتر")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("۲ لایه")), qPrintable(text)); // Persian digits
    QVERIFY2(!text.contains(QLatin1Char('2')), qPrintable(text));
}

QTEST_MAIN(tst_BlocksCanvas)
#include "tst_BlocksCanvas.moc"
