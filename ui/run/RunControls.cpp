#include "RunControls.h"

#include "DisplayContext.h"
#include "Document.h"
#include "MeasureRunner.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QToolButton>

namespace naqsh {

RunControls::RunControls(Document *document, DisplayContext *display, QWidget *parent)
    : QWidget(parent)
    , m_doc(document)
    , m_display(display)
    , m_runner(new MeasureRunner(document, this))
    , m_menu(new QMenu(this))
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancelButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("runControls"));
    m_menu->setObjectName(QStringLiteral("runMenu"));
    m_measureAct = m_menu->addAction(QString(), this, &RunControls::measureInteractively);
    m_measureAct->setObjectName(QStringLiteral("measureAction"));
    m_measureAct->setShortcut(QKeySequence(Qt::Key_F5));
    m_measureAct->setIcon(QIcon::fromTheme(QStringLiteral("system-run")));
    m_cancelAct = m_menu->addAction(QString(), m_runner, &MeasureRunner::cancel);
    m_cancelAct->setObjectName(QStringLiteral("cancelMeasureAction"));
    m_menu->addSeparator();
    m_clearAct = m_menu->addAction(QString(), m_doc, &Document::clearMeasurement);
    m_clearAct->setObjectName(QStringLiteral("clearMeasureAction"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancelButton);
    m_bar->setMaximumWidth(160);
    m_bar->setTextVisible(false);
    m_bar->hide();
    m_cancelButton->setAutoRaise(true);
    m_cancelButton->hide();
    connect(m_cancelButton, &QToolButton::clicked, m_runner, &MeasureRunner::cancel);

    connect(m_runner, &MeasureRunner::started, this, [this] {
        show();
        m_startedMs = QDateTime::currentMSecsSinceEpoch();
        m_bar->setRange(0, 0); // busy until the first layer has run
        m_bar->show();
        m_cancelButton->show();
        setStatus(tr("Measuring on this computer…"));
        updateActions();
    });
    connect(m_runner, &MeasureRunner::progress, this, [this](int done, int total) {
        m_bar->setRange(0, std::max(total, 1));
        m_bar->setValue(done);
        const double fraction = total > 0 ? double(done) / double(total) : 0.0;
        setStatus(tr("Measuring on this computer… %1").arg(m_display->format().percent(fraction)));
    });
    connect(m_runner, &MeasureRunner::finished, this, [this] {
        const ExecReport &r = m_doc->measurement().report;
        const double seconds = double(QDateTime::currentMSecsSinceEpoch() - m_startedMs) / 1000.0;
        const NumberFormat &f = m_display->format();
        QString text =
            tr("Measured: %1 ms for the network (median of %2 run(s)), in %3 s", nullptr, r.repeat)
                .arg(f.real(r.totalMedianMs, 2), f.integer(r.repeat), f.real(seconds, 1));
        if (r.notExecuted > 0)
            text += QLatin1Char(' ') +
                    tr("%1 layer(s) could not run (see the cost table).", nullptr, r.notExecuted)
                        .arg(f.integer(r.notExecuted));
        showOutcome(text);
    });
    connect(m_runner, &MeasureRunner::stopped, this, &RunControls::showOutcome);
    connect(m_doc, &Document::measurementChanged, this, &RunControls::updateActions);
    retranslate();
    updateActions();
    hide(); // nothing to say in the status bar before the first measurement
}

QString RunControls::statusText() const
{
    return m_status;
}

void RunControls::setStatus(const QString &text)
{
    // The status bar shares its width with the totals: a long message is elided (whole in the
    // tooltip), so it never widens the window.
    m_status = text;
    const int room = std::max(m_label->fontMetrics().averageCharWidth() * 48, 200);
    m_label->setText(m_label->fontMetrics().elidedText(text, Qt::ElideRight, room));
    m_label->setToolTip(text);
}

void RunControls::showOutcome(const QString &text)
{
    show();
    m_bar->hide();
    m_cancelButton->hide();
    setStatus(text);
    updateActions();
}

void RunControls::updateActions()
{
    m_cancelAct->setEnabled(m_runner->isRunning());
    m_clearAct->setEnabled(m_doc->hasMeasurement() && !m_runner->isRunning());
}

void RunControls::retranslate()
{
    m_menu->setTitle(tr("&Run"));
    m_measureAct->setText(tr("&Measure on This Computer…"));
    m_measureAct->setToolTip(tr("Run the network on this CPU with Eigen and time every layer"));
    m_cancelAct->setText(tr("&Cancel Measurement"));
    m_clearAct->setText(tr("C&lear Measurement"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop the measurement (its numbers are not kept)"));
}

void RunControls::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool RunControls::measure(const MeasureSettings &settings)
{
    ExecOptions o;
    o.threads = std::max(settings.threads, 1);
    o.repeat = std::max(settings.repeat, 1);
    o.warmup = std::max(settings.warmup, 0);
    QString error;
    if (!m_runner->start(o, settings.flushCaches, &error)) {
        showOutcome(error);
        return false;
    }
    return true;
}

void RunControls::measureInteractively()
{
    QSettings s;
    MeasureSettings settings;
    settings.threads = s.value(QStringLiteral("run/threads"), 1).toInt();
    settings.repeat = s.value(QStringLiteral("run/repeat"), 5).toInt();
    settings.warmup = s.value(QStringLiteral("run/warmup"), 1).toInt();
    settings.flushCaches = s.value(QStringLiteral("run/flushCaches"), false).toBool();
    if (!(m_prompt ? m_prompt(settings) : askSettings(settings)))
        return;
    s.setValue(QStringLiteral("run/threads"), settings.threads);
    s.setValue(QStringLiteral("run/repeat"), settings.repeat);
    s.setValue(QStringLiteral("run/warmup"), settings.warmup);
    s.setValue(QStringLiteral("run/flushCaches"), settings.flushCaches);
    measure(settings);
}

bool RunControls::askSettings(MeasureSettings &settings)
{
    QDialog dialog(window());
    dialog.setWindowTitle(tr("Measure on This Computer"));
    auto *form = new QFormLayout(&dialog);
    auto *intro = new QLabel(
        tr("Naqsh runs the network on this CPU with Eigen, on a random input with random "
           "weights, and times every layer. It runs in the background: you can keep editing, "
           "and an edit of the network stops it."),
        &dialog);
    intro->setWordWrap(true);
    form->addRow(intro);
    auto *threads = new QSpinBox(&dialog);
    threads->setRange(1, std::max(QThread::idealThreadCount(), 1));
    threads->setValue(std::clamp(settings.threads, 1, threads->maximum()));
    threads->setToolTip(tr("One thread gives numbers that compare across computers"));
    form->addRow(tr("&Threads:"), threads);
    auto *repeat = new QSpinBox(&dialog);
    repeat->setRange(1, 1000);
    repeat->setValue(std::clamp(settings.repeat, 1, 1000));
    repeat->setToolTip(tr("Timed runs: each layer's time is the median over them, its spread "
                          "the interquartile range"));
    form->addRow(tr("Timed &runs:"), repeat);
    auto *warmup = new QSpinBox(&dialog);
    warmup->setRange(0, 100);
    warmup->setValue(std::clamp(settings.warmup, 0, 100));
    form->addRow(tr("&Warm-up runs:"), warmup);
    auto *flush = new QCheckBox(tr("&Flush the CPU caches before each layer"), &dialog);
    flush->setChecked(settings.flushCaches);
    flush->setToolTip(tr("Each layer then reads its input and weights from memory, as in a "
                         "network too large for the caches"));
    form->addRow(flush);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Measure"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    settings.threads = threads->value();
    settings.repeat = repeat->value();
    settings.warmup = warmup->value();
    settings.flushCaches = flush->isChecked();
    return true;
}

} // namespace naqsh
