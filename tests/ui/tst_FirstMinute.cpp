// The first minute and the projector (issue 13), offscreen: what the GUI suite (tests/gui)
// checks on a real screen, checked here on the window's own objects so that it runs everywhere.
#include "Document.h"
#include "Language.h"
#include "LayerSelection.h"
#include "MainWindow.h"
#include "Recovery.h"
#include "canvas/EdgeItem.h"
#include "canvas/GraphScene.h"
#include "canvas/GraphView.h"
#include "canvas/NodeItem.h"
#include "classroom/StepThrough.h"
#include "commands/GraphCommands.h"
#include "compare/ChartExporter.h"
#include "compare/ChartsPanel.h"
#include "compare/ComparePanel.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"
#include "panels/InspectorWidget.h"
#include "panels/NumberSpinBox.h"

#include <QAbstractSpinBox>
#include <QDockWidget>
#include <QGlyphRun>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

using namespace naqsh;

class tst_FirstMinute : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void persianMenusHaveNoInWordMnemonics();
    void qtOwnStringsArePersian();
    void firstViewShowsComparisonAndMacs();
    void presentationSpreadsNodesAndRestores();
    void clickerKeysInBothLanguages();
    void stepBoxArrowFollowsReadingDirection();
    void commandLineOnnxImports();
    void commandLinePrototxtImports();
    void addSelectionAsAAsksAName();
    void undoFromInspectorField();
    void persianUndoTextQuotesLatinNames();
    void languageSwitchKeepsLayoutAndView();
    void chartExportInSlideShapes();
    void paletteDropOnEdgeInsertsAndMakesRoom();

private:
    std::unique_ptr<MainWindow> makeWindow();
    static QVector<QRectF> nodeRects(MainWindow *w);
    Language m_language;
};

void tst_FirstMinute::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NaqshTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_FirstMinute"));
}

void tst_FirstMinute::init()
{
    QSettings().clear();
    Recovery::discard();
    m_language.apply(Language::Code::English);
}

void tst_FirstMinute::cleanup()
{
    m_language.apply(Language::Code::English);
}

std::unique_ptr<MainWindow> tst_FirstMinute::makeWindow()
{
    MainWindowOptions o;
    o.restoreLayout = false;
    o.autosaveMs = 3600 * 1000;
    auto w = std::make_unique<MainWindow>(&m_language, nullptr, o);
    w->setSavePrompt([] { return int(QMessageBox::Discard); });
    w->setRecoveryPrompt([](const Recovery::Pending &) { return false; });
    w->resize(1366, 740);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        qWarning("window not exposed");
    return w;
}

QVector<QRectF> tst_FirstMinute::nodeRects(MainWindow *w)
{
    QVector<QRectF> rects;
    for (QGraphicsItem *i : w->scene()->items())
        if (auto *n = qgraphicsitem_cast<NodeItem *>(i))
            rects.append(n->mapRectToScene(n->cardRect()));
    return rects;
}

void tst_FirstMinute::persianMenusHaveNoInWordMnemonics()
{
    QCOMPARE(MnemonicFreeTranslator::stripInWordMnemonics(QStringLiteral("&فایل")),
             QStringLiteral("فایل"));
    QCOMPARE(MnemonicFreeTranslator::stripInWordMnemonics(QStringLiteral("باز&گردانی")),
             QStringLiteral("بازگردانی"));
    // Latin mnemonics, literal ampersands and HTML entities after Persian text stay.
    QCOMPARE(MnemonicFreeTranslator::stripInWordMnemonics(QStringLiteral("&FLOPs:")),
             QStringLiteral("&FLOPs:"));
    QCOMPARE(MnemonicFreeTranslator::stripInWordMnemonics(QStringLiteral("الف && ب")),
             QStringLiteral("الف && ب"));
    QCOMPARE(MnemonicFreeTranslator::stripInWordMnemonics(QStringLiteral("گام&nbsp;۱")),
             QStringLiteral("گام&nbsp;۱"));

    m_language.apply(Language::Code::Persian);
    auto w = makeWindow();
    const QRegularExpression inWord(QStringLiteral("&\\p{Arabic}"));
    int checked = 0;
    for (QAction *top : w->menuBar()->actions()) {
        QVERIFY2(!inWord.match(top->text()).hasMatch(), qPrintable(top->text()));
        QVERIFY2(!top->text().isEmpty() && top->text().at(0).script() == QChar::Script_Arabic,
                 qPrintable(top->text()));
        for (QAction *a : top->menu()->actions()) {
            QVERIFY2(!inWord.match(a->text()).hasMatch(), qPrintable(a->text()));
            ++checked;
        }
    }
    QVERIFY(checked > 30);
}

void tst_FirstMinute::qtOwnStringsArePersian()
{
    // Qt's own strings (Undo, Redo, Close) come from Qt's Persian catalogue, qtbase_fa.
    m_language.apply(Language::Code::Persian);
    QCOMPARE(QCoreApplication::translate("QUndoStack", "Undo %1"), QStringLiteral("بازگردانی %1"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Close"), QStringLiteral("بستن"));
    auto w = makeWindow();
    w->openInitialDocument();
    QStringList edit;
    for (QAction *top : w->menuBar()->actions())
        for (QAction *a : top->menu()->actions())
            edit << a->text();
    for (const QString &t : std::as_const(edit))
        QVERIFY2(!t.contains(QLatin1String("Undo")) && !t.contains(QLatin1String("Redo")),
                 qPrintable(t));
    // A shortcut ending in a sign is isolated left to right in a right-to-left menu.
    bool isolated = false;
    for (const QString &t : std::as_const(edit))
        isolated |= t.contains(QStringLiteral("\t\u2066")) && t.endsWith(QStringLiteral("+\u2069"));
    QVERIFY(isolated);
}

void tst_FirstMinute::firstViewShowsComparisonAndMacs()
{
    auto w = makeWindow();
    w->openInitialDocument();
    QVERIFY(QTest::qWaitFor([&] { return w->view()->zoom() > 0; }));
    auto *compare = w->findChild<QDockWidget *>(QStringLiteral("compareDock"));
    auto *charts = w->findChild<QDockWidget *>(QStringLiteral("chartsDock"));
    QVERIFY(compare->isVisible() && !compare->visibleRegion().isEmpty());
    QVERIFY(charts->isVisible() && !charts->visibleRegion().isEmpty());
    // The Totals chart measures compute in MACs, as the lesson does: 9.68× fewer MACs.
    const QString cards = [&] {
        QStringList t;
        for (QLabel *l : w->findChildren<QLabel *>(QStringLiteral("headlineBig")))
            t << l->text();
        return t.join(QLatin1Char('|'));
    }();
    QVERIFY2(cards.contains(QStringLiteral("9.68× fewer")), qPrintable(cards));
    // The window's minimum fits a 1024×768 screen with a window manager's frame.
    QVERIFY2(w->minimumSizeHint().height() <= 768 - 60,
             qPrintable(QString::number(w->minimumSizeHint().height())));
    QVERIFY(w->minimumSizeHint().width() <= 1024);
    // Resizing a fitted view fits it again (maximizing refits).
    w->view()->zoomToFit();
    const double before = w->view()->zoom();
    w->resize(1000, 700);
    QTRY_VERIFY(qAbs(w->view()->zoom() - before) > 1e-3);
    QVERIFY(w->view()->isFitted());
}

void tst_FirstMinute::presentationSpreadsNodesAndRestores()
{
    auto w = makeWindow();
    w->openInitialDocument();
    const QVector<QRectF> before = nodeRects(w.get());
    QCOMPARE(before.size(), 6);
    w->view()->setZoom(0.8);
    const double zoom = w->view()->zoom();
    auto docks = [&] {
        QStringList shown;
        for (QDockWidget *d : w->findChildren<QDockWidget *>())
            if (d->isVisible() && !d->visibleRegion().isEmpty())
                shown << QStringLiteral("%1 %2,%3 %4×%5 %6")
                             .arg(d->objectName())
                             .arg(d->x())
                             .arg(d->y())
                             .arg(d->width())
                             .arg(d->height())
                             .arg(d->visibleRegion().isEmpty() ? QStringLiteral("behind")
                                                               : QStringLiteral("front"));
        shown.sort();
        return shown;
    };
    const QStringList layout = docks();
    w->setPresentationMode(true);
    // On a landscape screen the comparison and the charts stand in a column beside the canvas
    // (at its end: the right in English), the comparison on top, so the canvas has the height.
    auto *compare = w->findChild<QDockWidget *>(QStringLiteral("compareDock"));
    auto *charts = w->findChild<QDockWidget *>(QStringLiteral("chartsDock"));
    QVERIFY(compare && charts);
    QCOMPARE(w->dockWidgetArea(compare), Qt::RightDockWidgetArea);
    QCOMPARE(w->dockWidgetArea(charts), Qt::RightDockWidgetArea);
    QTRY_VERIFY(compare->geometry().bottom() < charts->geometry().top());
    const QVector<QRectF> presented = nodeRects(w.get());
    // Nodes are larger in presentation, and none overlaps another.
    QVERIFY(presented[0].width() > before[0].width() * 1.3);
    for (int i = 0; i < presented.size(); ++i)
        for (int j = i + 1; j < presented.size(); ++j)
            QVERIFY2(!presented[i].intersects(presented[j]),
                     qPrintable(QStringLiteral("%1 and %2 overlap").arg(i).arg(j)));
    // Ctrl+T works inside presentation (the menus are hidden).
    QTest::keyClick(w.get(), Qt::Key_T, Qt::ControlModifier);
    QVERIFY(w->stepThrough()->isActive());
    QTest::keyClick(w->view()->viewport(), Qt::Key_Escape);
    QVERIFY(!w->stepThrough()->isActive());
    QTest::keyClick(w->view()->viewport(), Qt::Key_Escape);
    QVERIFY(!w->isPresenting());
    // The window manager gives the old geometry back asynchronously; the window restores the
    // docks and the view once it has (or after a second and a half).
    QElapsedTimer restoring;
    restoring.start();
    QTRY_VERIFY_WITH_TIMEOUT(qFuzzyCompare(w->view()->zoom(), zoom), 3000);
    qInfo("view restored %lld ms after Esc", restoring.elapsed());
    QCOMPARE(docks(), layout);
    QCOMPARE(nodeRects(w.get()), before);
    // The document never moved.
    QVERIFY(!w->document()->isModified());
}

void tst_FirstMinute::clickerKeysInBothLanguages()
{
    for (Language::Code lang : {Language::Code::English, Language::Code::Persian}) {
        m_language.apply(lang);
        auto w = makeWindow();
        w->openInitialDocument();
        w->setStepThrough(true);
        QWidget *vp = w->view()->viewport();
        QTest::keyClick(vp, Qt::Key_Right);
        QTest::keyClick(vp, Qt::Key_PageDown);
        QTest::keyClick(vp, Qt::Key_Space);
        QCOMPARE(w->stepThrough()->step().index, 3);
        QTest::keyClick(vp, Qt::Key_Left);
        QTest::keyClick(vp, Qt::Key_PageUp);
        QCOMPARE(w->stepThrough()->step().index, 1);
        // The hint names the keys.
        QVERIFY2(w->stepCaption().contains(QStringLiteral("→")) &&
                     w->stepCaption().contains(QStringLiteral("←")),
                 qPrintable(w->stepCaption()));
    }
}

void tst_FirstMinute::stepBoxArrowFollowsReadingDirection()
{
    m_language.apply(Language::Code::Persian);
    auto w = makeWindow();
    w->openInitialDocument();
    w->setStepThrough(true);
    QTest::keyClick(w->view()->viewport(), Qt::Key_Right);
    // Right to left, input on the right and output on the left: the arrow points left.
    const QString caption = w->stepCaption();
    QVERIFY2(caption.contains(QStringLiteral(" ← ")) && !caption.contains(QStringLiteral(" → ")),
             qPrintable(caption));
}

/// Closes the "Imported with notes" box a real import may show.
static void dismissMessageBoxes(QObject *context)
{
    auto *timer = new QTimer(context);
    QObject::connect(timer, &QTimer::timeout, [] {
        for (QWidget *top : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(top); box && box->isVisible())
                box->accept();
    });
    timer->start(50);
}

void tst_FirstMinute::commandLineOnnxImports()
{
    auto w = makeWindow();
    dismissMessageBoxes(w.get());
    w->openInitialDocument(QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/onnx/small_cnn.onnx"));
    const Graph &g = w->document()->model()->graph();
    QVERIFY(g.size() > 2);
    bool lesson = false;
    for (LayerId id : g.layerIds())
        lesson |= g.layer(id)->name == QLatin1String("conv5x5_after_1x1");
    QVERIFY(!lesson);
}

void tst_FirstMinute::commandLinePrototxtImports()
{
    auto w = makeWindow();
    dismissMessageBoxes(w.get());
    w->openInitialDocument(
        QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/caffe/googlenet_stem.prototxt"));
    const Graph &g = w->document()->model()->graph();
    QVERIFY(g.size() > 3);
    QVERIFY(!w->windowTitle().contains(QLatin1String("lesson")));
}

void tst_FirstMinute::addSelectionAsAAsksAName()
{
    auto w = makeWindow();
    w->openInitialDocument();
    const Graph &g = w->document()->model()->graph();
    QVector<LayerId> pick;
    for (LayerId id : g.layerIds())
        if (g.layer(id)->name == QLatin1String("conv5x5"))
            pick.append(id);
    QCOMPARE(pick.size(), 1);
    w->selection()->setSelection(pick);
    QString asked;
    w->setVariantNamePrompt([&](const QString &suggestion) {
        asked = suggestion;
        return QStringLiteral("Plain 5×5");
    });
    const int count = int(g.variants.size());
    w->addSelectionVariant(int(ComparePanel::Role::A));
    QCOMPARE(asked, QStringLiteral("conv5x5"));
    QCOMPARE(int(w->document()->model()->graph().variants.size()), count + 1);
    QCOMPARE(w->document()->model()->graph().variants.last().name, QStringLiteral("Plain 5×5"));
}

void tst_FirstMinute::persianUndoTextQuotesLatinNames()
{
    // Persian: «name» around a Latin layer name in the undo text, drawn whole and inside its
    // marks (a name that starts with digits or ends with a full stop was reordered by the
    // right-to-left sentence around it).
    m_language.apply(Language::Code::Persian);
    auto w = makeWindow();
    w->openInitialDocument();
    GraphModel *model = w->document()->model();
    const LayerId conv = model->graph().findByName(QStringLiteral("conv5x5"));
    QVERIFY(conv.isValid());
    const QString renamed = QStringLiteral("3x3 conv.");
    w->document()->undoStack()->push(new RenameLayerCommand(model, conv, renamed));
    QAction *undo = nullptr;
    for (QAction *a : w->findChildren<QAction *>())
        if (a->text().startsWith(QStringLiteral("بازگردانی")))
            undo = a;
    QVERIFY(undo);
    const QString text = undo->text();
    QVERIFY2(text.startsWith(QStringLiteral("بازگردانی")), qPrintable(text));
    QTextLayout layout(text, w->font());
    QTextOption option;
    option.setTextDirection(Qt::RightToLeft);
    layout.setTextOption(option);
    layout.beginLayout();
    layout.createLine().setLineWidth(10000);
    layout.endLayout();
    auto xOf = [&](int i) {
        const QList<QGlyphRun> runs = layout.glyphRuns(i, 1);
        return runs.isEmpty() ? qQNaN() : runs.first().boundingRect().center().x();
    };
    int names = 0;
    for (const QString &name : {QStringLiteral("conv5x5"), renamed}) {
        const int open = text.indexOf(QStringLiteral("«") + QChar(0x2068) + name + QChar(0x2069) +
                                      QStringLiteral("»"));
        QVERIFY2(open >= 0, qPrintable(text));
        const int first = open + 2, close = first + int(name.size()) + 1;
        double previous = -1e9;
        for (int i = first; i < first + name.size(); ++i) {
            if (text.at(i).isSpace())
                continue;
            const double x = xOf(i);
            // Left to right inside the name, between « on its right and » on its left.
            QVERIFY2(
                x > previous && x < xOf(open) && x > xOf(close),
                qPrintable(QStringLiteral("'%1' of %2 at %3").arg(text.at(i)).arg(name).arg(x)));
            previous = x;
        }
        ++names;
    }
    QCOMPARE(names, 2);
}

void tst_FirstMinute::undoFromInspectorField()
{
    auto w = makeWindow();
    w->openInitialDocument();
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    Graph g = w->document()->model()->graph();
    LayerId conv;
    for (LayerId id : g.layerIds())
        if (g.layer(id)->name == QLatin1String("conv5x5"))
            conv = id;
    w->selection()->setSelection({conv});
    auto *inspector = w->findChild<InspectorWidget *>();
    QVERIFY(inspector);
    auto *field =
        qobject_cast<QAbstractSpinBox *>(inspector->editorFor(QStringLiteral("out_channels")));
    QVERIFY(field);
    const int index = LayerRegistry::builtin()
                          .find(g.layer(conv)->type)
                          ->paramIndex(QStringLiteral("out_channels"));
    auto outChannels = [&] {
        return w->document()->model()->graph().layer(conv)->params.integer(index);
    };
    const qint64 was = outChannels();
    field->setFocus();
    QTRY_VERIFY(field->hasFocus());
    field->findChild<QLineEdit *>()->selectAll();
    QTest::keyClicks(field, QStringLiteral("48"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(outChannels(), qint64(48));
    QVERIFY(field->hasFocus());
    // Ctrl+Z with the focus still in the field undoes the document's edit.
    QTest::keyClick(field, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(outChannels(), was);
}

void tst_FirstMinute::languageSwitchKeepsLayoutAndView()
{
    auto w = makeWindow();
    w->openInitialDocument();
    w->view()->setZoom(0.9);
    w->view()->centerOn(300, 120);
    QTest::qWait(50);
    const double zoom = w->view()->zoom();
    const QPointF centre = w->view()->mapToScene(w->view()->viewport()->rect().center());
    QHash<QString, QSize> sizes;
    for (QDockWidget *d : w->findChildren<QDockWidget *>())
        if (d->isVisible() && !d->visibleRegion().isEmpty())
            sizes.insert(d->objectName(), d->size());
    auto *palette = w->findChild<QDockWidget *>(QStringLiteral("paletteDock"));
    QVERIFY(palette->x() < w->width() / 2);
    m_language.apply(Language::Code::Persian);
    QTest::qWait(100);
    // Mirrored: the palette on the right, every dock as large as before, the same view.
    QVERIFY(palette->x() > w->width() / 2);
    // The same docks in front (their sizes follow the Persian texts' own minimum widths).
    for (QDockWidget *d : w->findChildren<QDockWidget *>())
        QCOMPARE(d->isVisible() && !d->visibleRegion().isEmpty(), sizes.contains(d->objectName()));
    QCOMPARE(w->view()->zoom(), zoom);
    const QPointF now = w->view()->mapToScene(w->view()->viewport()->rect().center());
    QVERIFY2(QLineF(now, centre).length() < 3, qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                                                              .arg(now.x())
                                                              .arg(now.y())
                                                              .arg(centre.x())
                                                              .arg(centre.y())));
}

void tst_FirstMinute::chartExportInSlideShapes()
{
    auto w = makeWindow();
    w->openInitialDocument();
    QTemporaryDir dir;
    QCustomPlot *plot = w->chartsPanel()->barsPlot();
    for (auto [shape, expected] : {std::pair{ChartExporter::Shape::Slide16x9, QSize(1280, 720)},
                                   std::pair{ChartExporter::Shape::Slide4x3, QSize(1024, 768)}}) {
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QString error;
        QVERIFY2(ChartExporter::save(plot, path, ChartExporter::Format::Png, 96,
                                     ChartExporter::shapeSize(shape), &error),
                 qPrintable(error));
        QCOMPARE(QImage(path).size(), expected);
    }
}

void tst_FirstMinute::paletteDropOnEdgeInsertsAndMakesRoom()
{
    auto w = makeWindow();
    w->openInitialDocument();
    const Graph before = w->document()->model()->graph();
    LayerId input, reduce;
    for (LayerId id : before.layerIds()) {
        if (before.layer(id)->name == QLatin1String("input"))
            input = id;
        if (before.layer(id)->name == QLatin1String("reduce1x1"))
            reduce = id;
    }
    EdgeItem *edge = w->scene()->edgeItem(input, reduce);
    QVERIFY(edge);
    const LayerId added = w->scene()->dropLayerType(QStringLiteral("relu"), edge->midPoint());
    QVERIFY(added.isValid());
    const Graph &g = w->document()->model()->graph();
    QCOMPARE(g.size(), before.size() + 1);
    bool inFlow = false, outFlow = false;
    for (const Connection &c : g.connections()) {
        inFlow |= c.from == input && c.to == added;
        outFlow |= c.from == added && c.to == reduce;
    }
    QVERIFY(inFlow && outFlow);
    // Room was made: no two nodes overlap.
    const QVector<QRectF> rects = nodeRects(w.get());
    for (int i = 0; i < rects.size(); ++i)
        for (int j = i + 1; j < rects.size(); ++j)
            QVERIFY2(!rects[i].intersects(rects[j]),
                     qPrintable(QStringLiteral("%1 and %2 overlap").arg(i).arg(j)));
    // One undo step puts everything back.
    w->document()->undoStack()->undo();
    QCOMPARE(w->document()->model()->graph().size(), before.size());
    for (LayerId id : before.layerIds())
        QCOMPARE(w->document()->model()->graph().layer(id)->position, before.layer(id)->position);
}

QTEST_MAIN(tst_FirstMinute)
#include "tst_FirstMinute.moc"
