#include "StatusTotals.h"

#include "DisplayContext.h"
#include "Document.h"
#include "analysis/Analyzer.h"
#include "analysis/TooLarge.h"
#include "graph/GraphModel.h"
#include "io/Report.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace naqsh {

StatusTotals::StatusTotals(Document *document, DisplayContext *display, QWidget *parent)
    : QWidget(parent)
    , m_doc(document)
    , m_display(display)
    , m_label(new QLabel(this))
    , m_errors(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(12);
    m_label->setObjectName(QStringLiteral("totalsText"));
    m_errors->setObjectName(QStringLiteral("totalsErrors"));
    QPalette red = m_errors->palette();
    red.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_errors->setPalette(red);
    layout->addWidget(m_errors);
    layout->addWidget(m_label);
    connect(m_doc->analyzer(), &Analyzer::analysisUpdated, this, &StatusTotals::refresh);
    connect(m_display, &DisplayContext::changed, this, &StatusTotals::refresh);
    refresh();
}

QString StatusTotals::text() const
{
    return m_label->text();
}

QString StatusTotals::errorText() const
{
    return m_errors->isVisibleTo(this) ? m_errors->text() : QString();
}

void StatusTotals::refresh()
{
    const AnalysisResult &r = m_doc->analyzer()->result();
    const NumberFormat &f = m_display->format();
    const Costs &t = r.totals;
    const qint64 totalBytes = activationBytes(t.activations, m_display->dtype()).value();
    const qint64 peakBytes = activationBytes(r.peakActivations, m_display->dtype()).value();
    // The cost table's words and unit: "Activation memory (fp32)", in bytes.
    m_label->setText(tr("Params %1 · MACs %2 · Activation memory (%3) %4 (peak %5)")
                         .arg(f.integer(t.params().value()), f.compact(t.macs.value()),
                              dtypeKey(m_display->dtype()), f.bytes(totalBytes),
                              f.bytes(peakBytes)));
    const qint64 totalFlops = flops(t, m_display->convention()).value();
    QStringList tip;
    tip << tr("Parameters: %1 (weights %2, bias %3)")
               .arg(f.integer(t.params().value()), f.integer(t.weights.value()),
                    f.integer(t.bias.value()));
    if (t.buffers.value() > 0)
        tip << tr("Buffers (not trained): %1").arg(f.integer(t.buffers.value()));
    tip << tr("MACs: %1").arg(f.integer(t.macs.value()));
    tip << tr("FLOPs: %1 (%2)")
               .arg(f.integer(totalFlops), conventionDisplayName(m_display->convention()));
    tip << tr("Activation memory (%1): %2 (%3 values)")
               .arg(dtypeKey(m_display->dtype()), f.bytes(totalBytes),
                    f.integer(t.activations.value()));
    tip << tr("Peak activation memory: %1 (largest set of tensors alive at once)")
               .arg(f.bytes(peakBytes));
    setToolTip(tip.join(QLatin1Char('\n')));
    // Layers with unknown cost count too: the totals leave them out just the same.
    const int missing = r.layersWithoutNumbers();
    m_errors->setText(missing == 1 ? tr("One layer without numbers")
                                   : tr("%1 layers without numbers").arg(f.integer(missing)));
    m_errors->setToolTip(Report::withoutNumbersNote(m_doc->model()->graph(), r));
    m_errors->setVisible(missing > 0);
}

void StatusTotals::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace naqsh
