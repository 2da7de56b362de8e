#pragma once

#include "Language.h"
#include "Recovery.h"

#include <QHash>
#include <QMainWindow>
#include <functional>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QToolBar;
class QUndoView;

namespace naqsh {

class ChartsPanel;
class ComparePanel;
class CostTablePanel;
class DisplayContext;
class ExerciseWidget;
class ExplainPanel;
class StepThrough;
class Document;
class GraphScene;
class GraphView;
class InspectorWidget;
class LayerPalette;
class LayerSelection;
class RunControls;
class StatusTotals;

/// How a MainWindow starts (tests turn off the saved layout and shorten the autosave).
struct MainWindowOptions
{
    bool restoreLayout = true; ///< restore geometry and dock layout from the settings
    int autosaveMs = 30000;
};

/// The designer's main window: palette, canvas, inspector, cost table and undo history, with
/// menus, a toolbar and live totals in the status bar. Owns one Document. Wiring only: every
/// edit goes through the document's undo stack.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    using Options = MainWindowOptions;
    explicit MainWindow(Language *language, QWidget *parent = nullptr, Options options = Options());
    ~MainWindow() override;

    /// Shows the window sized for the screen it is on: maximized on a small screen (1366×768,
    /// 1024×768) or when the saved geometry does not fit, else as saved or 1400×900.
    void showOnScreen();

    Document *document() const { return m_doc; }
    GraphScene *scene() const { return m_scene; }
    GraphView *view() const { return m_view; }
    LayerSelection *selection() const { return m_selection; }
    DisplayContext *display() const { return m_display; }
    Recovery *recovery() const { return m_recovery; }

    /// Opens a .naqsh file (after asking about unsaved changes). Shows errors in a message box
    /// unless @p error is given.
    bool openFile(const QString &path, QString *error = nullptr);
    bool saveTo(const QString &path, QString *error = nullptr);
    /// What the designer opens at start: @p path if given, else the last document, else the lesson.
    void openInitialDocument(const QString &path = {});
    /// If a recovery file exists, asks (through the prompt) and restores it. Returns true if
    /// restored.
    bool offerRecovery();
    /// Replaces the question asked before restoring (tests answer without a modal dialog).
    void setRecoveryPrompt(std::function<bool(const Recovery::Pending &)> prompt)
    {
        m_recoveryPrompt = std::move(prompt);
    }
    /// Replaces the question for a new variant's name (tests answer without a dialog).
    void setVariantNamePrompt(std::function<QString(const QString &suggestion)> prompt)
    {
        m_variantNamePrompt = std::move(prompt);
    }
    /// Compare › Add Selection as A/B: asks the variant's name, then adds it.
    void addSelectionVariant(int role);
    /// Replaces the unsaved-changes question: returns Save, Discard or Cancel.
    void setSavePrompt(std::function<int()> prompt) { m_savePrompt = std::move(prompt); }

    static QString lessonPath() { return QStringLiteral(":/examples/lesson.naqsh"); }
    /// The lessons of File › Examples, in menu order (resource paths).
    static QStringList examplePaths();
    /// Opens a built-in example as a new untitled document (Save asks for a path). Shows
    /// errors in a message box unless @p error is given.
    bool openExample(const QString &path, QString *error = nullptr);

    ComparePanel *comparePanel() const { return m_compare; }
    ChartsPanel *chartsPanel() const { return m_charts; }
    ExplainPanel *explainPanel() const { return m_explain; }
    ExerciseWidget *exerciseWidget() const { return m_exercise; }
    /// Run › Measure on This Computer and the measurement's progress in the status bar.
    RunControls *runControls() const { return m_run; }
    StepThrough *stepThrough() const { return m_steps; }
    bool isPresenting() const { return m_presenting; }
    /// The step-through caption shown over the canvas (for tests and screenshots).
    QString stepCaption() const;
    /// Imports an ONNX or Caffe model as a new, laid-out, unsaved document.
    bool importFile(const QString &path, QString *error = nullptr);

public slots:
    void newDocument();
    void open();
    bool save();
    bool saveAs();
    void import();
    /// Lays the graph out again (top-down, or left to right) as one undo step.
    void tidyLayout(bool leftToRight = false);
    void setPresentationMode(bool on);
    void setStepThrough(bool on);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitToScreen();
    void isolateShortcuts();
    void createActions();
    void createMenus();
    void createDocks();
    void retranslateUi();
    void updateTitle();
    void updateRecentMenu();
    void createExamplesMenu();
    void retranslateExamplesMenu();
    void addRecentFile(const QString &path);
    void applyNumberFormat();
    bool maybeSave();
    void setLanguage(Language::Code code);
    void updateStepHud();
    /// Presentation: fits the graph (or the selection, or the current step) readably.
    void presentCurrent();
    /// Step-through: zooms to the explained layer in presentation and keeps it clear of the
    /// step box.
    void showStepLayer();
    /// Step-through: fades the layers and edges not revealed yet (all back when it stops).
    void dimUnrevealed();
    void mirrorDocks();
    /// The docks in front (not behind a tab, not floating) with their sizes, top to bottom and
    /// start to end: an order that gives tabbed groups and their neighbours the same pixels
    /// back every time (resizeDocks lets the last of two docks sharing a row decide its height).
    struct DockSizes
    {
        QList<QDockWidget *> docks;
        QList<int> widths, heights;
    };
    DockSizes frontDockSizes() const;
    void applyDockSizes(const DockSizes &sizes);
    void applyTheme();
    /// Leaving presentation, once the window manager has given the window its old geometry
    /// back: the docks, their sizes and the view from before.
    void restoreLayoutAndView();

    Language *m_language;
    Document *m_doc;
    LayerSelection *m_selection;
    DisplayContext *m_display;
    GraphScene *m_scene;
    GraphView *m_view;
    LayerPalette *m_palette;
    InspectorWidget *m_inspector;
    CostTablePanel *m_table;
    StatusTotals *m_totals;
    RunControls *m_run;
    QUndoView *m_undoView;
    Recovery *m_recovery;
    QLabel *m_zoomLabel;
    ComparePanel *m_compare;
    ChartsPanel *m_charts;
    ExplainPanel *m_explain;
    ExerciseWidget *m_exercise;
    StepThrough *m_steps;
    QLabel *m_stepHud;
    bool m_presenting = false;
    /// Presentation on a landscape screen: the comparison and the charts in a column beside the
    /// canvas (else under it).
    bool m_presentingColumn = false;
    Qt::LayoutDirection m_dockDirection = Qt::LeftToRight;
    /// What presentation mode restores on exit: docks, window state and the view.
    struct BeforePresenting
    {
        QByteArray state;
        DockSizes dockSizes;
        bool maximized = false;
        QRect geometry; ///< the window's, to know when the window manager has given it back
        double zoom = 1.0;
        QPointF centre; ///< in document coordinates
        bool fitted = false;
    } m_beforePresenting;
    bool m_awaitingRestore = false; ///< left presentation, the window manager not done yet
    bool m_geometryRestored = false;

    QDockWidget *m_paletteDock, *m_inspectorDock, *m_tableDock, *m_historyDock;
    QDockWidget *m_compareDock, *m_chartsDock, *m_explainDock, *m_exerciseDock;
    QMenu *m_examplesMenu = nullptr;
    QMenu *m_fileMenu, *m_recentMenu, *m_editMenu, *m_viewMenu, *m_heatMenu, *m_languageMenu,
        *m_helpMenu;
    QMenu *m_themeMenu, *m_classroomMenu, *m_compareMenu;
    QAction *m_importAct, *m_exportAct = nullptr, *m_tidyAct, *m_tidyRightAct, *m_presentAct,
                          *m_stepAct;
    QAction *m_addAsAAct, *m_addAsBAct, *m_addPathAct, *m_compareDocAct;
    QAction *m_compareBranchesAct = nullptr;
    QAction *m_themeSystemAct, *m_themeLightAct, *m_themeDarkAct;
    QActionGroup *m_themeGroup;
    QToolBar *m_toolBar;
    QAction *m_newAct, *m_openAct, *m_saveAct, *m_saveAsAct, *m_quitAct;
    QAction *m_undoAct, *m_redoAct, *m_cutAct, *m_copyAct, *m_pasteAct, *m_duplicateAct,
        *m_deleteAct, *m_selectAllAct, *m_renameAct, *m_groupAct, *m_ungroupAct;
    QAction *m_zoomInAct, *m_zoomOutAct, *m_zoomFitAct, *m_zoomResetAct, *m_gridAct;
    QAction *m_latinDigitsAct = nullptr;
    QAction *m_heatOffAct, *m_heatMacsAct, *m_heatParamsAct;
    QAction *m_englishAct, *m_persianAct, *m_aboutAct;
    QActionGroup *m_heatGroup, *m_languageGroup;

    std::function<bool(const Recovery::Pending &)> m_recoveryPrompt;
    std::function<int()> m_savePrompt;
    std::function<QString(const QString &)> m_variantNamePrompt;
};

} // namespace naqsh
