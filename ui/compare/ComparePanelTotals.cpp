// ComparePanel's figures: the totals table of A and B with the ratios in words, the headline
// cards, and the measured times beside the counted costs.
#include "ComparePanel.h"

#include "DisplayContext.h"
#include "Document.h"
#include "VariantPalette.h"
#include "analysis/Analyzer.h"
#include "analysis/TooLarge.h"
#include "exec/Measurement.h"
#include "graph/GraphModel.h"
#include "io/Report.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>

namespace naqsh {

namespace {

constexpr int kMaxBreakdownLines = 12;
const QColor kFewer(0x2E, 0x7D, 0x32);
const QColor kMore(0xB0, 0x3A, 0x2E);
const QColor kSame(0x60, 0x60, 0x60);

QColor directionColor(qint64 a, qint64 b)
{
    const Ratio r = compareCounts(a, b);
    return r.equal ? kSame : r.fewer ? kFewer : kMore;
}

/// The value of one totals-table row for some costs (the rows of Report::compareQuantities).
qint64 rowValue(int row, const Costs &c, FlopConvention convention, DType dtype)
{
    switch (row) {
    case ComparePanel::ParamsRow:
        return c.params().value();
    case ComparePanel::WeightsRow:
        return c.weights.value();
    case ComparePanel::MacsRow:
        return c.macs.value();
    case ComparePanel::FlopsRow:
        return flops(c, convention).value();
    case ComparePanel::ActivationsRow:
        return c.activations.value();
    case ComparePanel::MemoryRow:
        return activationBytes(c.activations, dtype).value();
    default:
        return 0;
    }
}

} // namespace

void ComparePanel::updateTotals()
{
    const NumberFormat &f = m_display->format();
    const ResolvedVariant *a = m_a >= 0 ? &m_variants[m_a] : nullptr;
    const ResolvedVariant *b = m_b >= 0 ? &m_variants[m_b] : nullptr;
    const bool comparable = a && b && a->ok() && b->ok();

    // Title: "B: 1×1 then 5×5 compared with A: Plain 5×5", with the chart colours.
    auto tag = [&](int index, const QString &letter) {
        const QString color = VariantPalette::color(VariantPalette::slotOf(index, m_a, m_b)).name();
        return QStringLiteral("<span style='color:%1'>■</span>&nbsp;<b>%2</b>&nbsp;%3")
            .arg(color, letter, isolated(m_variants[index].variant.name).toHtmlEscaped());
    };
    const QString dir =
        layoutDirection() == Qt::RightToLeft ? QStringLiteral("rtl") : QStringLiteral("ltr");
    if (a && b)
        m_title->setText(
            QStringLiteral("<div dir='%1'>%2</div>")
                .arg(dir, tr("%1 compared with %2")
                              .arg(tag(m_b, QStringLiteral("B")), tag(m_a, QStringLiteral("A")))));
    else
        m_title->setText(QStringLiteral("<div dir='%1'><b>%2</b></div>")
                             .arg(dir, tr("Compare variants").toHtmlEscaped()));

    Report::CompareInput in;
    if (a)
        in.a = a->summary;
    if (b)
        in.b = b->summary;
    ReportOptions options;
    options.convention = m_display->convention();
    options.dtype = m_display->dtype();
    options.format = f;
    const QVector<Report::CompareQuantity> rows = Report::compareQuantities(in, options);
    Q_ASSERT(rows.size() == RowCount);

    // Headlines: MACs, parameters, activation memory.
    m_headlineFrame->setVisible(comparable);
    const int headlineRows[] = {MacsRow, ParamsRow, MemoryRow};
    for (int i = 0; i < 3 && comparable; ++i) {
        const Report::CompareQuantity &q = rows[headlineRows[i]];
        QLabel *big = m_headlineLabels[i];
        big->setText(phrase(Report::ratioPhrase(q.a, q.b, q.noun, f)));
        big->setStyleSheet(QStringLiteral("color: %1;").arg(directionColor(q.a, q.b).name()));
        const bool memory = headlineRows[i] == MemoryRow;
        m_headlineDetails[i]->setText(tr("A: %1 · B: %2")
                                          .arg(memory ? f.bytes(q.a) : f.integer(q.a),
                                               memory ? f.bytes(q.b) : f.integer(q.b)));
    }
    updateMeasured(comparable ? a : nullptr, comparable ? b : nullptr,
                   Report::ratioPhrase(rows[MacsRow].a, rows[MacsRow].b, rows[MacsRow].noun, f));
    // New phrases: sized again for the panel (presentation).
    fitHeadlines();

    // Table.
    m_table->horizontalHeaderItem(QuantityColumn)->setText(tr("Quantity"));
    m_table->horizontalHeaderItem(AColumn)->setText(
        a ? QStringLiteral("A · %1").arg(isolated(a->variant.name)) : QStringLiteral("A"));
    m_table->horizontalHeaderItem(AColumn)->setIcon(a ? VariantPalette::swatch(0) : QIcon());
    m_table->horizontalHeaderItem(BColumn)->setText(
        b ? QStringLiteral("B · %1").arg(isolated(b->variant.name)) : QStringLiteral("B"));
    m_table->horizontalHeaderItem(BColumn)->setIcon(b ? VariantPalette::swatch(1) : QIcon());
    m_table->horizontalHeaderItem(RatioColumn)->setText(tr("B relative to A"));
    for (int r = 0; r < RowCount; ++r) {
        const Report::CompareQuantity &q = rows[r];
        m_table->item(r, QuantityColumn)->setText(q.label);
        for (int c : {AColumn, BColumn}) {
            const ResolvedVariant *v = c == AColumn ? a : b;
            QTableWidgetItem *item = m_table->item(r, c);
            if (!v || !v->ok()) {
                item->setText(v ? tr("error") : QStringLiteral("—"));
                item->setToolTip(v ? v->summary.error : QString());
                continue;
            }
            const qint64 value = c == AColumn ? q.a : q.b;
            item->setText(f.integer(value));
            // The sum layer by layer: how the total is made.
            QStringList lines;
            for (int p = 0; p < v->parts.size() && p < kMaxBreakdownLines; ++p)
                lines << QStringLiteral("%1: %2").arg(
                    v->parts[p].name,
                    f.integer(rowValue(r, v->parts[p].costs, options.convention, options.dtype)));
            if (v->parts.size() > kMaxBreakdownLines)
                lines << tr("… and %n more layer(s)", nullptr,
                            int(v->parts.size()) - kMaxBreakdownLines);
            lines << QStringLiteral("= %1").arg(f.integer(value));
            if (r == MemoryRow)
                lines << f.bytes(value);
            item->setToolTip(QStringLiteral("<b>%1 — %2</b><br>%3")
                                 .arg(v->variant.name.toHtmlEscaped(), q.label.toHtmlEscaped(),
                                      lines.join(QStringLiteral("<br>"))));
        }
        QTableWidgetItem *ratio = m_table->item(r, RatioColumn);
        ratio->setText(comparable ? phrase(Report::ratioPhrase(q.a, q.b, q.noun, f)) : QString());
        ratio->setForeground(comparable ? directionColor(q.a, q.b) : palette().text().color());
        QFont bold = ratio->font();
        bold.setBold(r == MacsRow || r == ParamsRow || r == MemoryRow);
        ratio->setFont(bold);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);

    // Guidance and errors.
    QString info;
    if (m_variants.isEmpty())
        info = tr("This document has no comparisons yet. Select the layers of one way to do "
                  "something and choose Add ▸ Add selection as variant…, or pick a branch with "
                  "Add ▸ Add path…. The lesson example already defines both paths.");
    else if (m_variants.size() == 1)
        info = tr("Add a second variant to compare it with “%1”.").arg(m_variants[0].variant.name);
    m_info->setText(info);
    m_info->setVisible(!info.isEmpty());
    QStringList errors;
    for (int i = 0; i < m_variants.size(); ++i) {
        const ResolvedVariant &r = m_variants[i];
        const QString letter = i == m_a   ? QStringLiteral("A · ")
                               : i == m_b ? QStringLiteral("B · ")
                                          : QString();
        if (!r.ok())
            errors << tr("⚠ %1%2: %3").arg(letter, r.variant.name, r.summary.error);
        else if (r.summary.errorCount > 0)
            errors << tr("⚠ %1%2: %n layer(s) have errors and are not counted", nullptr,
                         r.summary.errorCount)
                          .arg(letter, r.variant.name);
    }
    m_errors->setText(errors.join(QLatin1Char('\n')));
    m_errors->setVisible(!errors.isEmpty());
}

QString ComparePanel::measuredText() const
{
    return m_measured ? m_measured->text() : QString();
}

void ComparePanel::updateMeasured(const ResolvedVariant *a, const ResolvedVariant *b,
                                  const QString &counted)
{
    m_measuredHeadline.clear();
    const bool local = a && b && a->variant.kind != Variant::Kind::Document &&
                       b->variant.kind != Variant::Kind::Document;
    if (!local) {
        m_measured->hide();
        return;
    }
    m_measured->show();
    const NumberFormat &f = m_display->format();
    if (!m_doc->hasMeasurement()) {
        // The hint stays off the card (which keeps its size): it is the card's tooltip.
        m_measured->setText(tr("Run › Measure on This Computer to time both here"));
        m_measured->hide();
        m_headlineLabels[0]->setToolTip(m_measured->text());
        return;
    }
    m_headlineLabels[0]->setToolTip(QString());
    const StoredMeasurement &m = m_doc->measurement();
    const PathTime ta = pathTime(m, a->summary.layers);
    const PathTime tb = pathTime(m, b->summary.layers);
    if (!ta.valid() || !tb.valid() || ta.medianMs <= 0 || tb.medianMs <= 0) {
        m_measured->setText(tr("not measured: some of their layers did not run"));
        m_measured->setStyleSheet(QStringLiteral("color: palette(dark); font-weight: normal;"));
        m_measured->setToolTip(QString());
        return;
    }
    QString text;
    const double ratio = ta.medianMs / tb.medianMs;
    if (std::abs(ratio - 1.0) < 0.005)
        text = tr("ran as fast here");
    else if (ratio > 1.0)
        text = tr("ran %1 faster here").arg(f.ratio(ratio));
    else {
        const double slower = 1.0 / ratio;
        text = tr("ran %1 slower here").arg(f.ratio(slower));
    }
    const bool stale = m_doc->isMeasurementStale();
    QString shown = QStringLiteral("— ") + text;
    if (stale)
        shown += QLatin1Char(' ') + tr("(before the last edit)");
    m_measured->setText(phrase(shown));
    m_measured->setStyleSheet(stale ? QStringLiteral("color: palette(dark); font-style: italic;")
                              : ratio >= 1.0 ? QStringLiteral("color: #2E7D32;")
                                             : QStringLiteral("color: #B03A2E;"));
    const ExecReport &r = m.report;
    m_measured->setToolTip(
        tr("Measured on this computer (%1): A %2 ms, B %3 ms, the median of %4 runs on %5 "
           "thread(s); each run's time is the sum of the variant's layers.")
            .arg(m.machine, f.real(ta.medianMs, 3), f.real(tb.medianMs, 3), f.integer(r.repeat),
                 f.integer(r.threads)));
    m_measuredHeadline = counted + QStringLiteral(" — ") + text;
}

} // namespace naqsh
