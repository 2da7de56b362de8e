// The main window as a user meets it: first start on the lesson, title and modified marker,
// autosave and recovery after a crash, run-time language switching with mirroring, step-through,
// presentation mode, and file drops.
#include "CostTableModel.h"
#include "DisplayContext.h"
#include "Document.h"
#include "Language.h"
#include "LayerSelection.h"
#include "MainWindow.h"
#include "Recovery.h"
#include "analysis/Analyzer.h"
#include "canvas/GraphScene.h"
#include "canvas/GraphView.h"
#include "canvas/NodeItem.h"
#include "classroom/ExerciseWidget.h"
#include "classroom/StepThrough.h"
#include "classroom/Theme.h"
#include "commands/GraphCommands.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace naqsh;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstStartOpensTheLesson();
    void titleShowsModified();
    void saveAndReopen();
    void recoveryAfterCrash();
    void declinedRecoveryIsDiscarded();
    void languageSwitchRetranslatesAndMirrors();
    void stepThroughRevealsLayerByLayer();
    void presentationMode();
    void dropOpensFile();
    void unsavedPromptOnClose();
    void exerciseHidesAndChecks();
    void fontSetting();
    void examplesMenuOpensUntitled();
    void examplesOpenWithoutOverlap();

private:
    std::unique_ptr<MainWindow> makeWindow();
    Language m_language;
    QTemporaryDir m_dir;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NaqshTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_MainWindow"));
}

void tst_MainWindow::init()
{
    QSettings().clear();
    Recovery::discard();
    m_language.apply(Language::Code::English);
}

void tst_MainWindow::cleanup()
{
    Recovery::discard();
    m_language.apply(Language::Code::English);
}

std::unique_ptr<MainWindow> tst_MainWindow::makeWindow()
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

void tst_MainWindow::firstStartOpensTheLesson()
{
    auto w = makeWindow();
    w->openInitialDocument();
    QCOMPARE(w->document()->model()->graph().size(), 6);
    w->document()->analyzer()->flush();
    QCOMPARE(w->document()->analyzer()->result().totals.macs.value(), qint64(120422400 + 12443648));
    QVERIFY(!w->document()->isModified());
}

void tst_MainWindow::titleShowsModified()
{
    auto w = makeWindow();
    w->openInitialDocument();
    QVERIFY(w->windowTitle().contains(QStringLiteral("lesson.naqsh")));
    QVERIFY(!w->isWindowModified());
    GraphModel *m = w->document()->model();
    w->document()->undoStack()->push(new RenameLayerCommand(
        m, m->graph().findByName(QStringLiteral("reduce1x1")), QStringLiteral("squeeze")));
    QVERIFY(w->isWindowModified());
    w->document()->undoStack()->undo();
    QVERIFY(!w->isWindowModified());
}

void tst_MainWindow::saveAndReopen()
{
    auto w = makeWindow();
    w->openInitialDocument();
    const QString path = m_dir.filePath(QStringLiteral("mine.naqsh"));
    QString error;
    QVERIFY2(w->saveTo(path, &error), qPrintable(error));
    QVERIFY(w->windowTitle().contains(QStringLiteral("mine.naqsh")));
    auto w2 = makeWindow();
    w2->openInitialDocument(); // the last document now
    QCOMPARE(w2->document()->filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(w2->document()->model()->graph() == w->document()->model()->graph());
}

void tst_MainWindow::recoveryAfterCrash()
{
    const QString path = m_dir.filePath(QStringLiteral("crash.naqsh"));
    {
        auto w = makeWindow();
        w->openInitialDocument();
        QVERIFY(w->saveTo(path));
        GraphModel *m = w->document()->model();
        const LayerId red = m->graph().findByName(QStringLiteral("reduce1x1"));
        w->document()->undoStack()->push(
            new SetLayerParamCommand(m, red, {{QStringLiteral("out_channels"), 24}}));
        QVERIFY(w->recovery()->autosaveNow());
        QVERIFY(QFileInfo::exists(w->recovery()->autosaveFile()));
        // A running designer's work is its own: nobody else is offered it.
        QVERIFY(!Recovery::pending().isValid());
        // A crash: the window goes away without closeEvent, so the recovery file stays.
        w->setAttribute(Qt::WA_DeleteOnClose, false);
        w->hide();
        w.reset(); // no close event, no discard
    }
    QVERIFY(Recovery::pending().isValid());
    QCOMPARE(Recovery::pending().originalPath, QFileInfo(path).absoluteFilePath());
    auto w = makeWindow();
    bool asked = false;
    w->setRecoveryPrompt([&](const Recovery::Pending &p) {
        asked = true;
        return p.originalPath.endsWith(QStringLiteral("crash.naqsh"));
    });
    w->openInitialDocument();
    QVERIFY(asked);
    const Graph &g = w->document()->model()->graph();
    QCOMPARE(g.layer(g.findByName(QStringLiteral("reduce1x1")))->params.integer(0), qint64(24));
    QVERIFY(w->document()->isModified()); // restored work still has to be saved
    QCOMPARE(w->document()->filePath(), QFileInfo(path).absoluteFilePath());
    // The file on disk was never touched by the autosave.
    const auto onDisk = NaqshFile::read(path, LayerRegistry::builtin());
    QCOMPARE(
        onDisk.graph.layer(onDisk.graph.findByName(QStringLiteral("reduce1x1")))->params.integer(0),
        qint64(16));
    QVERIFY(w->saveTo(path));
    QVERIFY(!Recovery::pending().isValid());
}

void tst_MainWindow::declinedRecoveryIsDiscarded()
{
    {
        auto w = makeWindow();
        w->openInitialDocument();
        GraphModel *m = w->document()->model();
        w->document()->undoStack()->push(new RenameLayerCommand(
            m, m->graph().findByName(QStringLiteral("concat")), QStringLiteral("joined")));
        QVERIFY(w->recovery()->autosaveNow());
        w.reset(); // gone without closing
    }
    auto w = makeWindow();
    w->setRecoveryPrompt([](const Recovery::Pending &) { return false; });
    w->openInitialDocument();
    QVERIFY(w->document()->model()->graph().findByName(QStringLiteral("concat")).isValid());
    QVERIFY(!Recovery::pending().isValid());
}

void tst_MainWindow::languageSwitchRetranslatesAndMirrors()
{
    auto w = makeWindow();
    w->openInitialDocument();
    const QString fileEn = w->menuBar()->actions().first()->text();
    QCOMPARE(fileEn, QStringLiteral("&File"));
    QCOMPARE(QApplication::layoutDirection(), Qt::LeftToRight);
    m_language.apply(Language::Code::Persian);
    QCoreApplication::processEvents();
    QCOMPARE(QApplication::layoutDirection(), Qt::RightToLeft);
    QCOMPARE(w->layoutDirection(), Qt::RightToLeft);
    const QString fileFa = w->menuBar()->actions().first()->text();
    QVERIFY2(fileFa != fileEn && fileFa.contains(QChar(0x0641)), qPrintable(fileFa)); // "ف" of فایل
    // Docks' titles follow too, and numbers switch to Persian digits.
    bool persianDock = false;
    for (QDockWidget *d : w->findChildren<QDockWidget *>())
        persianDock = persianDock || d->windowTitle().contains(QChar(0x0644)); // "ل"
    QVERIFY(persianDock);
    QCOMPARE(w->display()->format().integer(153600), QString::fromUtf8("۱۵۳٬۶۰۰"));
    // The palette moves to the right side of the window.
    QDockWidget *palette = w->findChild<QDockWidget *>(QStringLiteral("paletteDock"));
    QCOMPARE(w->dockWidgetArea(palette), Qt::RightDockWidgetArea);
    // Rule messages are re-made in Persian.
    m_language.apply(Language::Code::English);
    QCoreApplication::processEvents();
    QCOMPARE(w->menuBar()->actions().first()->text(), fileEn);
    QCOMPARE(w->dockWidgetArea(palette), Qt::LeftDockWidgetArea);
    QCOMPARE(QApplication::layoutDirection(), Qt::LeftToRight);
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
}

void tst_MainWindow::stepThroughRevealsLayerByLayer()
{
    auto w = makeWindow();
    w->openInitialDocument();
    w->setStepThrough(true);
    QVERIFY(w->stepThrough()->isActive());
    QCOMPARE(w->stepThrough()->step().index, 0);
    QTest::keyClick(w->view()->viewport(), Qt::Key_Right);
    QTest::keyClick(w->view()->viewport(), Qt::Key_Right);
    QTest::keyClick(w->view()->viewport(), Qt::Key_Right);
    // Order: input, conv5x5, reduce1x1, conv5x5_after_1x1, …
    const StepThrough::Step &s = w->stepThrough()->step();
    QCOMPARE(s.index, 3);
    QCOMPARE(w->document()->model()->graph().layer(s.layer)->name,
             QStringLiteral("conv5x5_after_1x1"));
    QCOMPARE(w->selection()->current(), s.layer);
    QCOMPARE(s.running.macs.value(), qint64(120422400 + 12443648));
    QVERIFY2(w->stepCaption().contains(QStringLiteral("Step 4 of 6")),
             qPrintable(w->stepCaption()));
    QVERIFY(w->stepCaption().contains(QStringLiteral("1×16×28×28")));
    QVERIFY(w->stepCaption().contains(QStringLiteral("1×32×28×28")));
    QVERIFY(w->stepCaption().contains(QStringLiteral("+10,035,200 MACs")));
    QTest::keyClick(w->view()->viewport(), Qt::Key_Left);
    QCOMPARE(w->stepThrough()->step().index, 2);
    QTest::keyClick(w->view()->viewport(), Qt::Key_Escape);
    QVERIFY(!w->stepThrough()->isActive());
    QVERIFY(w->stepCaption().isEmpty());
}

void tst_MainWindow::presentationMode()
{
    auto w = makeWindow();
    w->openInitialDocument();
    w->setPresentationMode(true);
    QVERIFY(w->isPresenting());
    QVERIFY(!w->menuBar()->isVisible());
    for (QDockWidget *d : w->findChildren<QDockWidget *>()) {
        const bool keep = d->objectName() == QLatin1String("compareDock") ||
                          d->objectName() == QLatin1String("chartsDock");
        QCOMPARE(d->isVisible(), keep);
    }
    QVERIFY(QApplication::font().pointSize() >= 20);
    w->setPresentationMode(false);
    QVERIFY(w->menuBar()->isVisible());
    QVERIFY(QApplication::font().pointSize() < 20);
}

void tst_MainWindow::dropOpensFile()
{
    auto w = makeWindow();
    w->openInitialDocument();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(
        QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/inception_3a.naqsh"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w.get(), &drop);
    QCOMPARE(w->document()->model()->graph().name, QStringLiteral("GoogLeNet Inception (3a)"));
}

void tst_MainWindow::unsavedPromptOnClose()
{
    auto w = makeWindow();
    w->openInitialDocument();
    GraphModel *m = w->document()->model();
    w->document()->undoStack()->push(new RenameLayerCommand(
        m, m->graph().findByName(QStringLiteral("concat")), QStringLiteral("x")));
    int asked = 0;
    w->setSavePrompt([&] {
        ++asked;
        return int(QMessageBox::Cancel);
    });
    QVERIFY(!w->close()); // cancelled: the window stays
    QCOMPARE(asked, 1);
    w->setSavePrompt([] { return int(QMessageBox::Discard); });
    QVERIFY(w->close());
}

void tst_MainWindow::exerciseHidesAndChecks()
{
    auto w = makeWindow();
    w->openInitialDocument();
    const LayerId red = w->document()->model()->graph().findByName(QStringLiteral("reduce1x1"));
    w->display()->setHidden(DisplayContext::Hidden::Macs | DisplayContext::Hidden::Shapes);
    QCoreApplication::processEvents();
    const QString label = w->scene()->nodeItem(red)->labelText();
    QVERIFY2(!label.contains(QStringLiteral("2.4 M")) && label.contains(QStringLiteral("? MACs")),
             qPrintable(label));
    QVERIFY(!label.contains(QStringLiteral("1×16×28×28")));
    w->selection()->setSelection({red});
    // 1×1 from 192 to 16 channels on 28×28: 28·28·16·192 = 2,408,448 MACs.
    QVERIFY(!w->exerciseWidget()->check(ExerciseWidget::Quantity::Macs, QStringLiteral("2408449")));
    QVERIFY(w->exerciseWidget()
                ->verdict(ExerciseWidget::Quantity::Macs)
                .contains(QStringLiteral("28 × 28 × 16 × 1 × 1 × 192")));
    QVERIFY(
        w->exerciseWidget()->check(ExerciseWidget::Quantity::Macs, QString::fromUtf8("۲٬۴۰۸٬۴۴۸")));
    QVERIFY(
        w->exerciseWidget()->check(ExerciseWidget::Quantity::Shape, QStringLiteral("16x28x28")));
    w->display()->setHidden({});
    QCoreApplication::processEvents();
    QVERIFY(w->scene()->nodeItem(red)->labelText().contains(QStringLiteral("2.4 M")));
}

void tst_MainWindow::fontSetting()
{
    QFont f(QStringLiteral("DejaVu Sans"), 13);
    QSettings().setValue(QStringLiteral("ui/font"), f.toString());
    auto w = makeWindow();
    QCOMPARE(QApplication::font().pointSize(), 13);
    QCOMPARE(QApplication::font().family(), QStringLiteral("DejaVu Sans"));
    Theme::setUserFont(QFont());
    QSettings().remove(QStringLiteral("ui/font"));
}

void tst_MainWindow::examplesMenuOpensUntitled()
{
    auto w = makeWindow();
    w->openInitialDocument();
    QMenu *examples = w->findChild<QMenu *>(QStringLiteral("examplesMenu"));
    QVERIFY(examples);
    QMenu *file = w->menuBar()->actions().first()->menu();
    QVERIFY(file && file->actions().contains(examples->menuAction()));
    QCOMPARE(examples->title(), QStringLiteral("&Examples"));
    // The 1×1 lesson and every block lesson in resources/examples, each readable without errors.
    const QStringList paths = MainWindow::examplePaths();
    const QList<QAction *> actions = examples->actions();
    QCOMPARE(actions.size(), paths.size());
    QCOMPARE(QDir(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples"))
                 .entryList({QStringLiteral("*.naqsh")})
                 .size(),
             paths.size());
    QCOMPARE(paths.first(), MainWindow::lessonPath());
    QAction *shuffle = nullptr;
    for (int i = 0; i < actions.size(); ++i) {
        QCOMPARE(actions[i]->data().toString(), paths[i]);
        QVERIFY(!actions[i]->text().isEmpty());
        const NaqshFile::ReadResult r = NaqshFile::read(paths[i], LayerRegistry::builtin());
        QVERIFY2(r.ok(), qPrintable(paths[i] + QStringLiteral(": ") + r.error));
        if (paths[i].endsWith(QStringLiteral("shufflenet_v2_unit.naqsh")))
            shuffle = actions[i];
    }
    QVERIFY(shuffle);
    QCOMPARE(shuffle->text(), QStringLiteral("ShuffleNet v2 unit (channel shuffle)"));

    // Opened as a new untitled document: nothing to save yet, Save asks for a path.
    shuffle->trigger();
    Document *doc = w->document();
    QVERIFY(doc->filePath().isEmpty());
    QVERIFY(!doc->isModified());
    QVERIFY2(w->windowTitle().startsWith(QStringLiteral("Untitled")), qPrintable(w->windowTitle()));
    doc->analyzer()->flush();
    QCOMPARE(doc->analyzer()->result().errorCount, 0);
    const Graph &g = doc->model()->graph();
    bool shuffles = false;
    for (LayerId id : g.layerIds())
        shuffles = shuffles || g.layer(id)->type == QLatin1String("channel_shuffle");
    QVERIFY(shuffles);
    QVERIFY(doc->undoStack()->count() == 0);

    // Titles in Persian after a language switch.
    m_language.apply(Language::Code::Persian);
    QCoreApplication::processEvents();
    QVERIFY2(examples->title().contains(QChar(0x0646)), qPrintable(examples->title())); // "ن"
    for (QAction *a : examples->actions()) {
        bool persian = false;
        for (QChar c : a->text())
            persian = persian || (c.unicode() >= 0x0600 && c.unicode() <= 0x06FF);
        QVERIFY2(persian, qPrintable(a->text()));
    }
}

void tst_MainWindow::examplesOpenWithoutOverlap()
{
    // Every example, opened from File › Examples, shows no two node cards overlapping in its
    // first view (the block lessons' rows were 60 scene px apart for 80 px cards).
    auto w = makeWindow();
    w->openInitialDocument();
    QMenu *examples = w->findChild<QMenu *>(QStringLiteral("examplesMenu"));
    QVERIFY(examples);
    const QList<QAction *> actions = examples->actions();
    QVERIFY(actions.size() >= 8);
    for (QAction *a : actions) {
        const QString file = QFileInfo(a->data().toString()).fileName();
        a->trigger();
        QCoreApplication::processEvents();
        QVector<QPair<QString, QRectF>> cards;
        for (QGraphicsItem *i : w->scene()->items())
            if (auto *n = qgraphicsitem_cast<NodeItem *>(i))
                cards.append({n->labelText().section(QLatin1Char('\n'), 0, 0),
                              n->mapRectToScene(n->cardRect())});
        QCOMPARE(cards.size(), w->document()->model()->graph().size());
        for (int i = 0; i < cards.size(); ++i)
            for (int j = i + 1; j < cards.size(); ++j)
                QVERIFY2(!cards[i].second.intersects(cards[j].second),
                         qPrintable(QStringLiteral("%1: '%2' and '%3' overlap")
                                        .arg(file, cards[i].first, cards[j].first)));
    }
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
