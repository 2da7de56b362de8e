#pragma once

#include "exec/Executor.h"

#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;

namespace naqsh {

class Document;
class DisplayContext;
class MeasureRunner;

/// What the user picks before a measurement.
struct MeasureSettings
{
    int threads = 1; ///< one thread by default, so that numbers compare across machines
    int repeat = 5;
    int warmup = 1;
    bool flushCaches = false;
};

/// The Run menu and the measurement's place in the status bar: Run › Measure on This
/// Computer… asks for the thread and repeat counts, then runs the executor on a worker thread
/// (MeasureRunner) while the user keeps editing. The status bar shows progress with a Cancel
/// button and then the outcome ("Measured in 0.42 s", or why it stopped).
class RunControls : public QWidget
{
    Q_OBJECT
public:
    RunControls(Document *document, DisplayContext *display, QWidget *parent = nullptr);

    QMenu *menu() const { return m_menu; }
    MeasureRunner *runner() const { return m_runner; }
    QAction *measureAction() const { return m_measureAct; }
    QAction *cancelAction() const { return m_cancelAct; }
    QAction *clearAction() const { return m_clearAct; }
    QProgressBar *progressBar() const { return m_bar; }
    /// The status text shown beside the bar (progress, outcome).
    QString statusText() const;

    /// Replaces the settings dialog (tests answer without a modal dialog): returns false to
    /// cancel.
    void setSettingsPrompt(std::function<bool(MeasureSettings &)> prompt)
    {
        m_prompt = std::move(prompt);
    }
    /// Starts a measurement with @p settings (no dialog).
    bool measure(const MeasureSettings &settings);

public slots:
    /// Run › Measure on This Computer…: the settings dialog, then measure().
    void measureInteractively();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateActions();
    void showOutcome(const QString &text);
    void setStatus(const QString &text);
    bool askSettings(MeasureSettings &settings);

    Document *m_doc;
    DisplayContext *m_display;
    MeasureRunner *m_runner;
    QMenu *m_menu;
    QAction *m_measureAct;
    QAction *m_cancelAct;
    QAction *m_clearAct;
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancelButton;
    QString m_status;
    qint64 m_startedMs = 0;
    std::function<bool(MeasureSettings &)> m_prompt;
};

} // namespace naqsh
