#include "MainWindow.h"

#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "analysis/Analyzer.h"
#include "canvas/EdgeItem.h"
#include "canvas/GraphScene.h"
#include "canvas/GraphView.h"
#include "canvas/NodeItem.h"
#include "classroom/ExerciseWidget.h"
#include "classroom/StepThrough.h"
#include "classroom/Theme.h"
#include "commands/GraphCommands.h"
#include "compare/ChartsPanel.h"
#include "compare/ComparePanel.h"
#include "compare/ExplainPanel.h"
#include "compare/MeasuredChart.h"
#include "export/ExportDialog.h"
#include "graph/GraphModel.h"
#include "io/DocumentLoader.h"
#include "layers/LayerRegistry.h"
#include "layout/GraphLayout.h"
#include "panels/CostTablePanel.h"
#include "panels/InspectorWidget.h"
#include "panels/LayerPalette.h"
#include "panels/StatusTotals.h"
#include "run/MeasureRunner.h"
#include "run/RunControls.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDialog>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>
#include <algorithm>

namespace naqsh {

namespace {
constexpr int kMaxRecent = 8;
/// Room left for a window manager's title bar and borders when sizing the window.
constexpr QSize kFrameAllowance(16, 48);
const char *kRecentKey = "files/recent";
const char *kLastKey = "files/last";
} // namespace

MainWindow::MainWindow(Language *language, QWidget *parent, Options options)
    : QMainWindow(parent)
    , m_language(language)
    , m_doc(new Document(LayerRegistry::builtin(), this))
    , m_selection(new LayerSelection(this))
    , m_display(new DisplayContext(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    applyNumberFormat();
    // The lesson speaks of MACs: the charts and the table start with MACs as the measure of
    // compute (Cost table › FLOPs switches to another convention).
    m_display->setConvention(FlopConvention::MacsOnly);

    m_scene = new GraphScene(m_doc, m_selection, m_display, this);
    m_view = new GraphView(m_scene, this);
    m_view->setObjectName(QStringLiteral("canvas"));
    setCentralWidget(m_view);

    m_recovery = new Recovery(m_doc, this);
    m_recovery->setInterval(options.autosaveMs);
    connect(m_recovery, &Recovery::autosaveFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });

    m_steps = new StepThrough(m_doc, m_selection, this);
    m_stepHud = new QLabel(m_view->viewport());
    m_stepHud->setObjectName(QStringLiteral("stepHud"));
    m_stepHud->setWordWrap(true);
    m_stepHud->setTextFormat(Qt::RichText);
    m_stepHud->setMargin(12);
    m_stepHud->setAutoFillBackground(true);
    m_stepHud->hide();
    connect(m_steps, &StepThrough::stepChanged, this, [this] {
        dimUnrevealed();
        updateStepHud();
        showStepLayer();
    });
    connect(m_steps, &StepThrough::activeChanged, this, [this](bool on) {
        m_stepAct->setChecked(on);
        updateStepHud();
    });
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);
    // Undo and redo from an inspector field (see eventFilter).
    qApp->installEventFilter(this);

    createActions();
    createDocks();
    createMenus();

    m_run = new RunControls(m_doc, m_display, this);
    menuBar()->insertMenu(m_helpMenu->menuAction(), m_run->menu());
    statusBar()->addPermanentWidget(m_run);
    // A measurement the user asked for: show its chart.
    connect(m_run->runner(), &MeasureRunner::finished, this,
            [this] { m_charts->tabs()->setCurrentWidget(m_charts->measuredChart()); });
    m_totals = new StatusTotals(m_doc, m_display, this);
    statusBar()->addPermanentWidget(m_totals);
    m_zoomLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_view, &GraphView::zoomChanged, this,
            [this](double f) { m_zoomLabel->setText(m_display->format().percent(f)); });
    // The readout follows the digits of the language (and Latin digits on or off).
    connect(m_display, &DisplayContext::changed, this,
            [this] { m_zoomLabel->setText(m_display->format().percent(m_view->zoom())); });
    connect(m_scene, &GraphScene::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_palette, &LayerPalette::layerActivated, m_view,
            [this](const QString &typeId) { m_view->addLayerAtCenter(typeId); });
    connect(m_palette, &LayerPalette::layerRequested, m_view, &GraphView::addLayerAtCenter);
    // Typing on the canvas adds a layer through the palette's search ("conv 5x5 32 same").
    connect(m_view, &GraphView::typingStarted, this, [this](const QString &text) {
        if (m_presenting || !m_paletteDock)
            return;
        m_paletteDock->show();
        m_paletteDock->raise();
        m_palette->startTyping(text);
    });
    connect(m_compare, &ComparePanel::pairChanged, m_charts, &ChartsPanel::setPair);
    connect(m_table, &CostTablePanel::layerCellClicked, this, [this](LayerId id, int column) {
        m_explain->showLayer(id, column);
        m_explainDock->show();
        m_explainDock->raise();
    });
    m_charts->setPair(m_compare->variantA(), m_compare->variantB());
    connect(m_selection, &LayerSelection::selectionChanged, this, [this] {
        if (m_selection->layers().size() == 1)
            m_explain->showLayer(m_selection->current());
    });

    connect(m_doc, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_language, &Language::changed, this, [this] {
        mirrorDocks();
        applyNumberFormat();
        // Rule messages are translated when made: analyse again in the new language.
        m_doc->analyzer()->reanalyze();
    });

    retranslateUi();
    mirrorDocks();
    fitToScreen();
    if (options.restoreLayout) {
        QSettings s;
        m_geometryRestored =
            restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
        restoreState(s.value(QStringLiteral("window/state")).toByteArray());
        m_latinDigitsAct->setChecked(s.value(QStringLiteral("ui/latinDigits"), false).toBool());
    }
    if (QFont saved; saved.fromString(QSettings().value(QStringLiteral("ui/font")).toString()))
        Theme::setUserFont(saved);
    if (!m_themeSystemAct->isChecked() || Theme::userFont() != QApplication::font())
        applyTheme();
    updateRecentMenu();
    updateTitle();
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
}

void MainWindow::fitToScreen()
{
    // 1400×900 where there is room; on a classroom laptop (1366×768) or a 1024×768 projector,
    // the available area less the window manager's frame.
    const QScreen *sc = screen() ? screen() : QGuiApplication::primaryScreen();
    const QRect avail = sc ? sc->availableGeometry() : QRect(0, 0, 1400, 900);
    resize(qMin(1400, avail.width() - kFrameAllowance.width()),
           qMin(900, avail.height() - kFrameAllowance.height()));
    move(avail.topLeft() + QPoint((avail.width() - width()) / 2, (avail.height() - height()) / 4));
}

void MainWindow::showOnScreen()
{
    const QScreen *sc = screen() ? screen() : QGuiApplication::primaryScreen();
    const QRect avail = sc ? sc->availableGeometry() : QRect();
    // A small screen (or a saved geometry from a larger one) starts maximized: the window
    // manager then fits it, frame included.
    if (!m_geometryRestored && avail.isValid() &&
        (avail.width() < 1400 + kFrameAllowance.width() ||
         avail.height() < 900 + kFrameAllowance.height()))
        showMaximized();
    else if (m_geometryRestored && avail.isValid() && !avail.contains(frameGeometry()))
        showMaximized();
    else
        show();
    if (!m_geometryRestored)
        // The comparison and the charts take about a third of the height; the canvas the rest,
        // with narrower side docks on a small screen.
        QTimer::singleShot(0, this, [this] {
            if (width() < 1200)
                resizeDocks({m_paletteDock, m_inspectorDock}, {170, 270}, Qt::Horizontal);
            resizeDocks({m_compareDock}, {qMax(220, int(height() * 0.36))}, Qt::Vertical);
            m_view->showDocumentStart();
        });
}

MainWindow::DockSizes MainWindow::frontDockSizes() const
{
    QList<QDockWidget *> docks = findChildren<QDockWidget *>();
    std::stable_sort(docks.begin(), docks.end(), [](const QDockWidget *a, const QDockWidget *b) {
        return a->y() != b->y() ? a->y() < b->y() : a->x() < b->x();
    });
    DockSizes sizes;
    for (QDockWidget *d : std::as_const(docks)) {
        // Docks behind a tab take their group's size: the ones in front say it.
        if (d->isVisible() && !d->isFloating() && !d->visibleRegion().isEmpty()) {
            sizes.docks << d;
            sizes.widths << d->width();
            sizes.heights << d->height();
        }
    }
    return sizes;
}

void MainWindow::applyDockSizes(const DockSizes &sizes)
{
    resizeDocks(sizes.docks, sizes.widths, Qt::Horizontal);
    resizeDocks(sizes.docks, sizes.heights, Qt::Vertical);
}

void MainWindow::mirrorDocks()
{
    // Qt keeps dock areas where they were put; a right-to-left UI wants the palette on the right.
    const Qt::LayoutDirection dir = QApplication::layoutDirection();
    if (dir == m_dockDirection)
        return;
    m_dockDirection = dir;
    // A language switch keeps the layout: the same docks, in the same order, of the same size,
    // the same tabs in front, and the same view of the graph.
    const DockSizes shown = frontDockSizes();
    const bool fitted = m_view->isFitted();
    const double zoom = m_view->zoom();
    const QPointF centre =
        m_scene->toModel(m_view->mapToScene(m_view->viewport()->rect().center()));
    for (QDockWidget *d : findChildren<QDockWidget *>()) {
        const Qt::DockWidgetArea area = dockWidgetArea(d);
        if (area == Qt::LeftDockWidgetArea)
            addDockWidget(Qt::RightDockWidgetArea, d);
        else if (area == Qt::RightDockWidgetArea)
            addDockWidget(Qt::LeftDockWidgetArea, d);
    }
    tabifyDockWidget(m_inspectorDock, m_historyDock);
    tabifyDockWidget(m_inspectorDock, m_exerciseDock);
    // The inspector gets the whole height (a convolution's parameters without scrolling); the
    // explanation is a tab beside it, raised when a cost cell is clicked.
    tabifyDockWidget(m_inspectorDock, m_explainDock);
    m_inspectorDock->raise();
    for (QDockWidget *d : std::as_const(shown.docks))
        d->raise();
    if (shown.docks.isEmpty())
        return;
    applyDockSizes(shown);
    QTimer::singleShot(0, this, [this, fitted, zoom, centre] {
        if (fitted) {
            m_view->zoomToFit();
        } else {
            m_view->setZoom(zoom);
            m_view->centerOn(m_scene->toScene(centre));
        }
    });
}

void MainWindow::applyNumberFormat()
{
    const bool latin = m_latinDigitsAct
                           ? m_latinDigitsAct->isChecked()
                           : QSettings().value(QStringLiteral("ui/latinDigits"), false).toBool();
    const QLocale locale = m_language->current() == Language::Code::Persian
                               ? QLocale(QLocale::Persian, QLocale::Iran)
                               : QLocale::c();
    m_display->setFormat(NumberFormat(locale, latin));
}

void MainWindow::createActions()
{
    auto make = [this](const QKeySequence &key, const char *icon = nullptr) {
        auto *a = new QAction(this);
        if (!key.isEmpty())
            a->setShortcut(key);
        if (icon)
            a->setIcon(QIcon::fromTheme(QLatin1String(icon)));
        return a;
    };
    m_newAct = make(QKeySequence::New, "document-new");
    connect(m_newAct, &QAction::triggered, this, &MainWindow::newDocument);
    m_openAct = make(QKeySequence::Open, "document-open");
    connect(m_openAct, &QAction::triggered, this, &MainWindow::open);
    m_saveAct = make(QKeySequence::Save, "document-save");
    connect(m_saveAct, &QAction::triggered, this, &MainWindow::save);
    m_saveAsAct = make(QKeySequence::SaveAs, "document-save-as");
    connect(m_saveAsAct, &QAction::triggered, this, &MainWindow::saveAs);
    m_importAct = make(QKeySequence(Qt::CTRL | Qt::Key_I), "document-import");
    connect(m_importAct, &QAction::triggered, this, &MainWindow::import);
    m_tidyAct = make(QKeySequence(Qt::CTRL | Qt::Key_L), "format-justify-center");
    connect(m_tidyAct, &QAction::triggered, this, [this] { tidyLayout(); });
    m_tidyRightAct = make({});
    connect(m_tidyRightAct, &QAction::triggered, this, [this] { tidyLayout(true); });
    m_presentAct = make(QKeySequence(Qt::Key_F11), "view-presentation");
    m_presentAct->setCheckable(true);
    connect(m_presentAct, &QAction::toggled, this, &MainWindow::setPresentationMode);
    m_stepAct = make(QKeySequence(Qt::CTRL | Qt::Key_T), "media-playback-start");
    m_stepAct->setCheckable(true);
    connect(m_stepAct, &QAction::triggered, this, &MainWindow::setStepThrough);
    // Presentation hides the menus and the toolbar: the window itself keeps these shortcuts.
    addAction(m_presentAct);
    addAction(m_stepAct);
    m_themeGroup = new QActionGroup(this);
    m_themeSystemAct = make({});
    m_themeLightAct = make({});
    m_themeDarkAct = make({});
    for (QAction *a : {m_themeSystemAct, m_themeLightAct, m_themeDarkAct}) {
        a->setCheckable(true);
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, &MainWindow::applyTheme);
    }
    const int savedTheme = QSettings().value(QStringLiteral("ui/theme"), 0).toInt();
    (savedTheme == 1   ? m_themeLightAct
     : savedTheme == 2 ? m_themeDarkAct
                       : m_themeSystemAct)
        ->setChecked(true);
    m_exportAct = make(QKeySequence(Qt::CTRL | Qt::Key_E), "document-export");
    connect(m_exportAct, &QAction::triggered, this,
            [this] { ExportDialog::run(this, m_doc, m_selection, m_display); });
    m_quitAct = make(QKeySequence::Quit, "application-exit");
    connect(m_quitAct, &QAction::triggered, this, &QWidget::close);

    m_undoAct = m_doc->undoStack()->createUndoAction(this);
    m_undoAct->setShortcut(QKeySequence::Undo);
    m_undoAct->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_redoAct = m_doc->undoStack()->createRedoAction(this);
    m_redoAct->setShortcut(QKeySequence::Redo);
    m_redoAct->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    m_cutAct = make(QKeySequence::Cut, "edit-cut");
    connect(m_cutAct, &QAction::triggered, m_scene, &GraphScene::cutSelection);
    m_copyAct = make(QKeySequence::Copy, "edit-copy");
    connect(m_copyAct, &QAction::triggered, m_scene, &GraphScene::copySelection);
    m_pasteAct = make(QKeySequence::Paste, "edit-paste");
    connect(m_pasteAct, &QAction::triggered, m_scene, &GraphScene::paste);
    m_duplicateAct = make(QKeySequence(Qt::CTRL | Qt::Key_D), "edit-copy");
    connect(m_duplicateAct, &QAction::triggered, m_scene, &GraphScene::duplicateSelection);
    m_deleteAct = make(QKeySequence::Delete, "edit-delete");
    connect(m_deleteAct, &QAction::triggered, m_scene, &GraphScene::deleteSelection);
    m_selectAllAct = make(QKeySequence::SelectAll, "edit-select-all");
    connect(m_selectAllAct, &QAction::triggered, m_scene, &GraphScene::selectAllLayers);
    m_renameAct = make(QKeySequence(Qt::Key_F2), "edit-rename");
    connect(m_renameAct, &QAction::triggered, m_scene, &GraphScene::renameSelected);
    m_groupAct = make(QKeySequence(Qt::CTRL | Qt::Key_G), "object-group");
    m_groupAct->setObjectName(QStringLiteral("groupAction"));
    connect(m_groupAct, &QAction::triggered, m_scene, [this] { m_scene->groupSelection(); });
    m_ungroupAct = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), "object-ungroup");
    m_ungroupAct->setObjectName(QStringLiteral("ungroupAction"));
    connect(m_ungroupAct, &QAction::triggered, m_scene, &GraphScene::ungroupSelection);
    // Editing shortcuts belong to the canvas: a focused spin box must keep its own Delete and
    // Ctrl+A.
    for (QAction *a : {m_cutAct, m_copyAct, m_pasteAct, m_duplicateAct, m_deleteAct, m_selectAllAct,
                       m_renameAct, m_groupAct, m_ungroupAct}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(a);
    }

    m_zoomInAct = make(QKeySequence::ZoomIn, "zoom-in");
    connect(m_zoomInAct, &QAction::triggered, m_view, &GraphView::zoomIn);
    m_zoomOutAct = make(QKeySequence::ZoomOut, "zoom-out");
    connect(m_zoomOutAct, &QAction::triggered, m_view, &GraphView::zoomOut);
    m_zoomFitAct = make(QKeySequence(Qt::CTRL | Qt::Key_0), "zoom-fit-best");
    connect(m_zoomFitAct, &QAction::triggered, m_view, &GraphView::zoomToFit);
    m_zoomResetAct = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_0), "zoom-original");
    connect(m_zoomResetAct, &QAction::triggered, m_view, &GraphView::resetZoom);
    m_gridAct = make({}, nullptr);
    m_gridAct->setCheckable(true);
    connect(m_gridAct, &QAction::toggled, m_scene, &GraphScene::setGridSnap);

    m_heatGroup = new QActionGroup(this);
    m_heatOffAct = make({});
    m_heatMacsAct = make({});
    m_heatParamsAct = make({});
    for (QAction *a : {m_heatOffAct, m_heatMacsAct, m_heatParamsAct}) {
        a->setCheckable(true);
        m_heatGroup->addAction(a);
    }
    m_heatOffAct->setChecked(true);
    connect(m_heatOffAct, &QAction::triggered, this,
            [this] { m_display->setHeatMode(DisplayContext::HeatMode::Off); });
    connect(m_heatMacsAct, &QAction::triggered, this,
            [this] { m_display->setHeatMode(DisplayContext::HeatMode::Macs); });
    connect(m_heatParamsAct, &QAction::triggered, this,
            [this] { m_display->setHeatMode(DisplayContext::HeatMode::Params); });

    m_latinDigitsAct = make({});
    m_latinDigitsAct->setCheckable(true);
    connect(m_latinDigitsAct, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("ui/latinDigits"), on);
        applyNumberFormat();
    });

    m_languageGroup = new QActionGroup(this);
    m_englishAct = make({});
    m_persianAct = make({});
    m_englishAct->setText(QStringLiteral("English"));
    m_persianAct->setText(QStringLiteral("فارسی"));
    for (QAction *a : {m_englishAct, m_persianAct}) {
        a->setCheckable(true);
        m_languageGroup->addAction(a);
    }
    (m_language->current() == Language::Code::Persian ? m_persianAct : m_englishAct)
        ->setChecked(true);
    connect(m_englishAct, &QAction::triggered, this,
            [this] { setLanguage(Language::Code::English); });
    connect(m_persianAct, &QAction::triggered, this,
            [this] { setLanguage(Language::Code::Persian); });

    m_aboutAct = make({}, "help-about");
    connect(m_aboutAct, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Naqsh"),
            tr("<h3>Naqsh %1</h3><p>A visual neural-network designer for the classroom: build a "
               "network, "
               "see every shape and cost as you edit, and ask how each number is computed.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createDocks()
{
    m_compare = new ComparePanel(m_doc, m_selection, m_display, this);
    m_charts = new ChartsPanel(m_doc, m_display, this);
    m_explain = new ExplainPanel(m_doc, m_selection, m_display, this);
    m_exercise = new ExerciseWidget(m_doc, m_selection, m_display, this);
    auto dock = [this](const char *name, QWidget *w, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(w);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                       QDockWidget::DockWidgetClosable);
        addDockWidget(area, d);
        return d;
    };
    // The charts' controls (the sweep's above all) would make the window wider than a 1024×768
    // projector: the panel may be narrower than them, the plots shrink first.
    m_charts->setMinimumSize(330, 200);
    m_palette = new LayerPalette(LayerRegistry::builtin(), this);
    m_inspector = new InspectorWidget(m_doc, m_selection, m_display, this);
    m_table = new CostTablePanel(m_doc, m_selection, m_display, this);
    m_undoView = new QUndoView(m_doc->undoStack(), this);
    // Left and right are logical: in a right-to-left UI the palette docks on the right.
    m_paletteDock = dock("paletteDock", m_palette, Qt::LeftDockWidgetArea);
    m_inspectorDock = dock("inspectorDock", m_inspector, Qt::RightDockWidgetArea);
    m_historyDock = dock("historyDock", m_undoView, Qt::RightDockWidgetArea);
    m_explainDock = dock("explainDock", m_explain, Qt::RightDockWidgetArea);
    m_exerciseDock = dock("exerciseDock", m_exercise, Qt::RightDockWidgetArea);
    m_tableDock = dock("tableDock", m_table, Qt::BottomDockWidgetArea);
    m_compareDock = dock("compareDock", m_compare, Qt::BottomDockWidgetArea);
    m_chartsDock = dock("chartsDock", m_charts, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_inspectorDock, m_historyDock);
    tabifyDockWidget(m_inspectorDock, m_exerciseDock);
    // The inspector gets the whole height (a convolution's parameters without scrolling); the
    // explanation is a tab beside it, raised when a cost cell is clicked.
    tabifyDockWidget(m_inspectorDock, m_explainDock);
    // The charts beside the table and the comparison (split before tabifying: a dock split
    // from a tabbed one would join its tabs).
    splitDockWidget(m_tableDock, m_chartsDock, Qt::Horizontal);
    tabifyDockWidget(m_tableDock, m_compareDock);
    m_inspectorDock->raise();
    // The first view of a lesson: the comparison cards and the charts beside them; the cost
    // table is one click away in the same tab group.
    m_compareDock->raise();
    resizeDocks({m_paletteDock, m_inspectorDock}, {200, 330}, Qt::Horizontal);
    resizeDocks({m_compareDock}, {280}, Qt::Vertical);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_newAct);
    m_fileMenu->addAction(m_openAct);
    m_recentMenu = m_fileMenu->addMenu(QString());
    createExamplesMenu();
    m_fileMenu->addMenu(m_examplesMenu);
    m_fileMenu->addAction(m_importAct);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_saveAct);
    m_fileMenu->addAction(m_saveAsAct);
    if (m_exportAct)
        m_fileMenu->addAction(m_exportAct);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAct);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_undoAct);
    m_editMenu->addAction(m_redoAct);
    m_editMenu->addSeparator();
    for (QAction *a : {m_cutAct, m_copyAct, m_pasteAct, m_duplicateAct, m_deleteAct})
        m_editMenu->addAction(a);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_selectAllAct);
    m_editMenu->addAction(m_renameAct);
    m_editMenu->addAction(m_groupAct);
    m_editMenu->addAction(m_ungroupAct);
    m_editMenu
        ->addAction(QString(), this,
                    [this] { ExportDialog::copyToClipboard(m_doc, m_selection, m_display); })
        ->setObjectName(QStringLiteral("copyDiagramAction"));
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_tidyAct);
    m_editMenu->addAction(m_tidyRightAct);

    m_compareMenu = menuBar()->addMenu(QString());
    m_addAsAAct = m_compareMenu->addAction(
        QString(), this, [this] { addSelectionVariant(int(ComparePanel::Role::A)); });
    m_addAsBAct = m_compareMenu->addAction(
        QString(), this, [this] { addSelectionVariant(int(ComparePanel::Role::B)); });
    m_compareBranchesAct = m_compareMenu->addAction(QString(), this, [this] {
        m_compareDock->show();
        m_compareDock->raise();
        m_compare->compareBranches();
    });
    m_compareBranchesAct->setObjectName(QStringLiteral("compareBranchesAction"));
    m_compareBranchesAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_addPathAct = m_compareMenu->addAction(QString(), m_compare, &ComparePanel::addPath);
    m_compareDocAct =
        m_compareMenu->addAction(QString(), m_compare, &ComparePanel::compareWithDocument);

    m_viewMenu = menuBar()->addMenu(QString());
    for (QAction *a : {m_zoomInAct, m_zoomOutAct, m_zoomFitAct, m_zoomResetAct})
        m_viewMenu->addAction(a);
    m_viewMenu->addAction(m_gridAct);
    m_heatMenu = m_viewMenu->addMenu(QString());
    m_heatMenu->addActions(m_heatGroup->actions());
    m_viewMenu->addSeparator();
    for (QDockWidget *d : {m_paletteDock, m_inspectorDock, m_tableDock, m_historyDock,
                           m_compareDock, m_chartsDock, m_explainDock, m_exerciseDock})
        m_viewMenu->addAction(d->toggleViewAction());
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeMenu->addActions(m_themeGroup->actions());
    m_viewMenu
        ->addAction(QString(), this,
                    [this] {
                        bool ok = false;
                        const QFont font = QFontDialog::getFont(&ok, Theme::userFont(), this,
                                                                tr("Choose the interface font"));
                        if (!ok)
                            return;
                        Theme::setUserFont(font);
                        QSettings().setValue(QStringLiteral("ui/font"), font.toString());
                        applyTheme();
                    })
        ->setObjectName(QStringLiteral("fontAction"));
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addActions(m_languageGroup->actions());
    m_languageMenu->addSeparator();
    m_languageMenu->addAction(m_latinDigitsAct);

    m_classroomMenu = menuBar()->addMenu(QString());
    m_classroomMenu->addAction(m_presentAct);
    m_classroomMenu->addAction(m_stepAct);
    m_classroomMenu->addAction(m_exerciseDock->toggleViewAction());

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAct);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    for (QAction *a : {m_newAct, m_openAct, m_saveAct})
        m_toolBar->addAction(a);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undoAct);
    m_toolBar->addAction(m_redoAct);
    m_toolBar->addSeparator();
    for (QAction *a : {m_zoomInAct, m_zoomOutAct, m_zoomFitAct})
        m_toolBar->addAction(a);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_presentAct);
    m_toolBar->addAction(m_stepAct);
}

void MainWindow::addSelectionVariant(int role)
{
    const QVector<LayerId> layers = m_selection->layers();
    if (layers.isEmpty())
        return;
    // Suggest the first and last selected layer's names; the comparison shows the name.
    const Graph &g = m_doc->model()->graph();
    const Layer *first = g.layer(layers.first());
    const Layer *last = g.layer(layers.last());
    QString suggestion = first ? first->name : QString();
    if (layers.size() > 1 && last)
        suggestion += QStringLiteral(" … ") + last->name;
    QString name = suggestion;
    if (m_variantNamePrompt) {
        name = m_variantNamePrompt(suggestion);
    } else {
        bool ok = false;
        name = QInputDialog::getText(this, tr("Name the variant"),
                                     tr("The comparison shows this part of the network as:"),
                                     QLineEdit::Normal, suggestion, &ok);
        if (!ok)
            return;
    }
    name = name.trimmed();
    if (name.isEmpty())
        name = suggestion;
    m_compare->addLayersVariant(name, layers, ComparePanel::Role(role));
}

void MainWindow::isolateShortcuts()
{
    // In a right-to-left menu a shortcut that ends in a sign ("Ctrl++", "Ctrl+-") would read
    // "++Ctrl": the menu shows it isolated left to right after a tab instead.
    const bool rtl = QApplication::layoutDirection() == Qt::RightToLeft;
    for (QAction *a : {m_zoomInAct, m_zoomOutAct}) {
        const QString title = a->text().section(QLatin1Char('\t'), 0, 0);
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        a->setText(rtl ? title + QLatin1Char('\t') + QChar(0x2066) + keys + QChar(0x2069) : title);
        QString plain = title;
        plain.remove(QLatin1Char('&'));
        a->setIconText(plain);
        a->setToolTip(plain);
    }
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    retranslateExamplesMenu();
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_heatMenu->setTitle(tr("Cost &heat tint"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main toolbar"));
    m_newAct->setText(tr("&New"));
    m_openAct->setText(tr("&Open…"));
    m_saveAct->setText(tr("&Save"));
    m_saveAsAct->setText(tr("Save &As…"));
    m_quitAct->setText(tr("&Quit"));
    m_cutAct->setText(tr("Cu&t"));
    m_copyAct->setText(tr("&Copy"));
    m_pasteAct->setText(tr("&Paste"));
    m_duplicateAct->setText(tr("D&uplicate"));
    m_deleteAct->setText(tr("&Delete"));
    m_selectAllAct->setText(tr("Select &All"));
    m_renameAct->setText(tr("&Rename"));
    m_groupAct->setText(tr("&Group"));
    m_ungroupAct->setText(tr("U&ngroup"));
    m_zoomInAct->setText(tr("Zoom &In"));
    m_zoomOutAct->setText(tr("Zoom &Out"));
    m_zoomFitAct->setText(tr("Zoom to &Fit"));
    m_zoomResetAct->setText(tr("&Actual Size"));
    m_gridAct->setText(tr("Snap to &Grid"));
    m_heatOffAct->setText(tr("Off"));
    m_heatMacsAct->setText(tr("By MACs"));
    m_heatParamsAct->setText(tr("By parameters"));
    m_latinDigitsAct->setText(tr("Latin digits (0-9)"));
    m_aboutAct->setText(tr("&About Naqsh"));
    m_importAct->setText(tr("&Import Model (ONNX, Caffe)…"));
    m_exportAct->setText(tr("&Export…"));
    if (QAction *fontAction = findChild<QAction *>(QStringLiteral("fontAction")))
        fontAction->setText(tr("&Font…"));
    if (QAction *copyDiagram = findChild<QAction *>(QStringLiteral("copyDiagramAction")))
        copyDiagram->setText(tr("Copy &Diagram"));
    m_tidyAct->setText(tr("&Tidy Layout"));
    m_tidyRightAct->setText(tr("Tidy Layout, Left to Right"));
    m_presentAct->setText(tr("&Presentation Mode"));
    m_stepAct->setText(tr("&Step Through Layers"));
    m_stepAct->setToolTip(tr("Reveal the network layer by layer with the arrow keys"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_themeSystemAct->setText(tr("Follow the system"));
    m_themeLightAct->setText(tr("Light"));
    m_themeDarkAct->setText(tr("Dark"));
    m_classroomMenu->setTitle(tr("&Classroom"));
    m_compareMenu->setTitle(tr("C&ompare"));
    m_addAsAAct->setText(tr("Add Selection to Comparison as &A…"));
    m_addAsBAct->setText(tr("Add Selection to Comparison as &B…"));
    m_compareBranchesAct->setText(tr("Compare the B&ranches"));
    m_compareBranchesAct->setToolTip(
        tr("The chains of layers leaving the fork of the selected layer become A and B, named "
           "by what they are"));
    m_addPathAct->setText(tr("Add a &Branch (first and last layer)…"));
    m_compareDocAct->setText(tr("Compare with Another &Document…"));
    m_compareDock->setWindowTitle(tr("Compare"));
    m_chartsDock->setWindowTitle(tr("Charts"));
    m_explainDock->setWindowTitle(tr("How is it computed?"));
    m_exerciseDock->setWindowTitle(tr("Exercise"));
    m_paletteDock->setWindowTitle(tr("Layers"));
    m_inspectorDock->setWindowTitle(tr("Inspector"));
    m_tableDock->setWindowTitle(tr("Cost table"));
    m_historyDock->setWindowTitle(tr("History"));
    m_undoView->setEmptyLabel(tr("<original>"));
    isolateShortcuts();
    m_doc->undoStack()->setUndoLimit(0);
    updateRecentMenu();
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::setLanguage(Language::Code code)
{
    if (code != m_language->current())
        m_language->apply(code);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Naqsh").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &f : files) {
        QAction *a = m_recentMenu->addAction(QFileInfo(f).fileName());
        a->setToolTip(f);
        // Like File > Open: unsaved changes are asked about first (issue 12, finding 5).
        connect(a, &QAction::triggered, this, [this, f] {
            if (maybeSave())
                openFile(f);
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::addRecentFile(const QString &path)
{
    if (path.startsWith(QLatin1Char(':')))
        return;
    QSettings s;
    QStringList files = s.value(QLatin1String(kRecentKey)).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecent)
        files.removeLast();
    s.setValue(QLatin1String(kRecentKey), files);
    s.setValue(QLatin1String(kLastKey), path);
    updateRecentMenu();
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    int answer;
    if (m_savePrompt) {
        answer = m_savePrompt();
    } else {
        answer = QMessageBox::warning(
            this, tr("Unsaved changes"),
            tr("%1 has unsaved changes. Save them?").arg(m_doc->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    }
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::newDocument()
{
    if (!maybeSave())
        return;
    m_doc->clear();
    m_selection->clear();
    // An empty page: the first layer is typed at once ("input 192x28x28", Enter).
    if (m_paletteDock && !m_presenting) {
        m_paletteDock->show();
        m_paletteDock->raise();
        m_palette->searchField()->setFocus(Qt::OtherFocusReason);
    }
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString dir =
        m_doc->filePath().isEmpty() || m_doc->filePath().startsWith(QLatin1Char(':'))
            ? QString()
            : QFileInfo(m_doc->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a network"), dir,
        tr("Networks (*.naqsh *.onnx *.prototxt);;Naqsh documents (*.naqsh);;ONNX models "
           "(*.onnx);;Caffe prototxt (*.prototxt);;All files (*)"));
    if (path.isEmpty())
        return;
    if (documentFormat(path) == DocumentFormat::Naqsh)
        openFile(path);
    else
        importFile(path);
}

bool MainWindow::openFile(const QString &path, QString *error)
{
    QString why;
    QStringList warnings;
    if (!m_doc->load(path, &why, &warnings)) {
        const QString message = tr("Cannot open %1:\n%2").arg(QFileInfo(path).fileName(), why);
        if (error)
            *error = message;
        else
            QMessageBox::warning(this, tr("Cannot open"), message);
        return false;
    }
    m_selection->clear();
    addRecentFile(m_doc->filePath());
    m_view->showDocumentStart();
    if (warnings.isEmpty())
        statusBar()->showMessage(tr("Opened %1").arg(m_doc->displayName()), 4000);
    else
        statusBar()->showMessage(
            tr("Opened %1 (%2)").arg(m_doc->displayName(), warnings.join(QStringLiteral("; "))),
            15000);
    return true;
}

bool MainWindow::save()
{
    if (m_doc->filePath().isEmpty() || m_doc->filePath().startsWith(QLatin1Char(':')))
        return saveAs();
    return saveTo(m_doc->filePath());
}

bool MainWindow::saveAs()
{
    QString suggested =
        m_doc->filePath().startsWith(QLatin1Char(':')) || m_doc->filePath().isEmpty()
            ? m_doc->displayName()
            : m_doc->filePath();
    if (!suggested.endsWith(QLatin1String(".naqsh")))
        suggested += QLatin1String(".naqsh");
    QString path = QFileDialog::getSaveFileName(this, tr("Save the network"), suggested,
                                                tr("Naqsh documents (*.naqsh)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".naqsh")))
        path += QLatin1String(".naqsh");
    return saveTo(path);
}

bool MainWindow::saveTo(const QString &path, QString *error)
{
    QString why;
    if (!m_doc->save(path, &why)) {
        if (error)
            *error = why;
        else
            QMessageBox::critical(this, tr("Cannot save"), why);
        return false;
    }
    m_recovery->discardAutosave();
    addRecentFile(m_doc->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(m_doc->displayName()), 4000);
    return true;
}

void MainWindow::openInitialDocument(const QString &path)
{
    if (offerRecovery())
        return;
    QString error;
    if (!path.isEmpty()) {
        // `naqsh model.onnx` and `naqsh deploy.prototxt` import, as File › Open does.
        if (documentFormat(path) == DocumentFormat::Naqsh ? openFile(path) : importFile(path))
            return;
    } else {
        const QString last = QSettings().value(QLatin1String(kLastKey)).toString();
        if (!last.isEmpty() && QFileInfo::exists(last) && openFile(last, &error))
            return;
    }
    if (m_doc->load(lessonPath(), &error)) {
        // The built-in lesson is read-only: Save asks for a file name.
        m_selection->clear();
        m_view->showDocumentStart();
    }
}

bool MainWindow::offerRecovery()
{
    // The oldest work left by a designer that is no longer running (each running designer keeps
    // its own slot; main() opens a window for every further one).
    const Recovery::Pending p = Recovery::pending();
    if (!p.isValid())
        return false;
    bool restore;
    if (m_recoveryPrompt) {
        restore = m_recoveryPrompt(p);
    } else {
        const QString name = p.originalPath.isEmpty() ? tr("an unsaved document")
                                                      : QFileInfo(p.originalPath).fileName();
        restore =
            QMessageBox::question(
                this, tr("Restore unsaved work?"),
                tr("Naqsh was closed with unsaved changes to %1 (autosaved %2). Restore them?")
                    .arg(name, QLocale().toString(p.savedAt, QLocale::ShortFormat)),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
    }
    if (!restore) {
        Recovery::discard(p);
        return false;
    }
    QString error;
    Document scratch(LayerRegistry::builtin());
    if (!scratch.load(p.recoveryFile, &error)) {
        // Kept aside for inspection, never offered again.
        Recovery::setAside(p);
        const QString message =
            tr("Cannot restore the autosaved work from %1:\n%2")
                .arg(QDir::toNativeSeparators(p.slot + QStringLiteral(".unreadable/") +
                                              QFileInfo(p.recoveryFile).fileName()),
                     error);
        if (m_recoveryPrompt)
            statusBar()->showMessage(message, 15000);
        else
            QMessageBox::warning(this, tr("Cannot restore"), message);
        return false;
    }
    m_doc->setGraph(scratch.model()->graph(),
                    p.originalPath.startsWith(QLatin1Char(':')) ? QString() : p.originalPath);
    // The restored content differs from the file on disk: mark it modified so that it is saved.
    m_doc->undoStack()->resetClean();
    // Into this designer's own slot at once, then the old slot goes.
    if (m_recovery->autosaveNow())
        Recovery::discard(p);
    updateTitle();
    m_view->showDocumentStart();
    statusBar()->showMessage(tr("Restored unsaved changes"), 6000);
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_recovery->discardAutosave();
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    if (!m_doc->filePath().isEmpty() && !m_doc->filePath().startsWith(QLatin1Char(':')))
        s.setValue(QLatin1String(kLastKey), m_doc->filePath());
    event->accept();
}

namespace {
bool isOpenable(const QUrl &url)
{
    if (!url.isLocalFile())
        return false;
    const QString f = url.toLocalFile().toLower();
    return f.endsWith(QLatin1String(".naqsh")) || f.endsWith(QLatin1String(".onnx")) ||
           f.endsWith(QLatin1String(".prototxt"));
}
} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &url : event->mimeData()->urls())
            if (isOpenable(url)) {
                event->acceptProposedAction();
                return;
            }
    }
    QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (isOpenable(url)) {
            event->acceptProposedAction();
            if (!maybeSave())
                return;
            if (documentFormat(url.toLocalFile()) == DocumentFormat::Naqsh)
                openFile(url.toLocalFile());
            else
                importFile(url.toLocalFile());
            return;
        }
    }
    QMainWindow::dropEvent(event);
}

void MainWindow::import()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import a model"), QString(),
        tr("Models (*.onnx *.prototxt);;ONNX models (*.onnx);;Caffe prototxt (*.prototxt)"));
    if (!path.isEmpty())
        importFile(path);
}

bool MainWindow::importFile(const QString &path, QString *error)
{
    // Large models (ResNet-50 is about 100 MB) show progress and can be cancelled.
    QProgressDialog progress(tr("Reading %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0,
                             1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    LoadOptions options;
    options.progress = [&progress](OnnxReadStage, qint64 done, qint64 total) {
        if (total > 0)
            progress.setValue(int(1000 * done / total));
        QCoreApplication::processEvents();
        return !progress.wasCanceled();
    };
    const ImportResult r = loadDocument(path, LayerRegistry::builtin(), options);
    progress.reset();
    if (!r.ok()) {
        const QString message =
            tr("Cannot import %1:\n%2").arg(QFileInfo(path).fileName(), r.error);
        if (error)
            *error = message;
        else
            QMessageBox::warning(this, tr("Cannot import"), message);
        return false;
    }
    Graph g = r.graph;
    if (g.name.isEmpty())
        g.name = QFileInfo(path).completeBaseName();
    m_doc->setGraph(g);
    // An import is a new, unsaved document.
    m_doc->undoStack()->resetClean();
    m_selection->clear();
    updateTitle();
    m_view->showDocumentStart();
    if (!r.warnings.isEmpty() && !error)
        QMessageBox::information(
            this, tr("Imported with notes"),
            tr("%1 was imported. Please note:\n\n• %2")
                .arg(QFileInfo(path).fileName(), r.warnings.join(QStringLiteral("\n• "))));
    statusBar()->showMessage(
        tr("Imported %1 (%n layer(s))", nullptr, g.size()).arg(QFileInfo(path).fileName()), 6000);
    return true;
}

void MainWindow::tidyLayout(bool leftToRight)
{
    Graph g = m_doc->model()->graph();
    layoutGraph(g, leftToRight ? LayoutDirection::LeftRight : LayoutDirection::TopDown);
    QHash<LayerId, QPointF> from, to;
    for (LayerId id : g.layerIds()) {
        from.insert(id, m_doc->model()->graph().layer(id)->position);
        to.insert(id, g.layer(id)->position);
    }
    m_doc->undoStack()->push(
        new MoveLayersCommand(m_doc->model(), from, to,
                              leftToRight ? tr("Tidy layout (left to right)") : tr("Tidy layout")));
    m_view->zoomToFit();
}

void MainWindow::applyTheme()
{
    const int choice = m_themeLightAct->isChecked() ? 1 : m_themeDarkAct->isChecked() ? 2 : 0;
    QSettings().setValue(QStringLiteral("ui/theme"), choice);
    Theme::apply(choice == 1   ? Theme::Choice::Light
                 : choice == 2 ? Theme::Choice::Dark
                               : Theme::Choice::System,
                 m_presenting);
    m_scene->restyle();
    m_charts->setPresenting(m_presenting);
    m_charts->updateFonts();
    m_compare->setPresenting(m_presenting);
}

} // namespace naqsh
