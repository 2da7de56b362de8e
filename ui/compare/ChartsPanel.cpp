#include "ChartsPanel.h"
#include "ChartsPanelShared.h"

#include "DisplayContext.h"
#include "Document.h"
#include "LocalizedTicker.h"
#include "MeasuredChart.h"
#include "VariantPalette.h"
#include "WrappedText.h"
#include "analysis/Analyzer.h"
#include "analysis/TooLarge.h"
#include "graph/GraphModel.h"
#include "io/Report.h"
#include "layers/LayerRegistry.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace naqsh {

using namespace chartsdetail;

ChartsPanel::ChartsPanel(Document *document, DisplayContext *display, QWidget *parent)
    : QWidget(parent)
    , m_doc(document)
    , m_display(display)
    , m_resolver(document->model()->registry())
    , m_tabs(new QTabWidget(this))
    , m_sweepTimer(new QTimer(this))
{
    m_tabs->addTab(buildBarsTab(), QString());
    m_tabs->addTab(buildStackedTab(), QString());
    m_tabs->addTab(buildSweepTab(), QString());
    m_measured = new MeasuredChart(document, display, this);
    m_tabs->addTab(m_measured, QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    m_sweepTimer->setSingleShot(true);
    m_sweepTimer->setInterval(kSweepDelayMs);
    connect(m_sweepTimer, &QTimer::timeout, this, &ChartsPanel::refreshSweep);

    GraphModel *model = m_doc->model();
    connect(m_doc->analyzer(), &Analyzer::analysisUpdated, this, &ChartsPanel::onDocumentChanged);
    connect(model, &GraphModel::variantsChanged, this, &ChartsPanel::onDocumentChanged);
    connect(model, &GraphModel::graphReset, this, &ChartsPanel::onDocumentChanged);
    connect(model, &GraphModel::layerRenamed, this, &ChartsPanel::onDocumentChanged);
    connect(m_doc, &Document::filePathChanged, this, &ChartsPanel::onDocumentChanged);
    connect(m_display, &DisplayContext::changed, this, &ChartsPanel::refresh);
    retranslate();
}

QCustomPlot *ChartsPanel::plot(Chart chart) const
{
    switch (chart) {
    case Chart::Bars:
        return m_barsPlot;
    case Chart::Stacked:
        return m_stackedPlot;
    case Chart::Sweep:
        return m_sweepPlot;
    }
    return nullptr;
}

// ---- construction ----

QPushButton *ChartsPanel::makeExportButton(Chart chart)
{
    // A push button keeps room for its menu arrow beside the text (a tool button draws the
    // arrow over the end of the text: the last letter of "صدور" in Persian).
    auto *button = new QPushButton(this);
    button->setObjectName(QStringLiteral("chartExport"));
    auto *menu = new QMenu(button);
    for (ChartExporter::Format f :
         {ChartExporter::Format::Png, ChartExporter::Format::Pdf, ChartExporter::Format::Svg})
        menu->addAction(QString(), this, [this, chart, f] {
            ChartExporter::exportInteractively(plot(chart), f, chartBaseName(chart), this);
        });
    button->setMenu(menu);
    m_exportButtons.append(button);
    return button;
}

void ChartsPanel::styleAxes(QCPAxisRect *rect) const
{
    for (QCPAxis *axis : rect->axes()) {
        axis->setBasePen(QPen(kAxis));
        axis->setTickPen(QPen(kAxis));
        axis->setSubTickPen(QPen(kAxis));
        axis->setTickLabelColor(QColor(0x33, 0x33, 0x33));
        axis->grid()->setPen(QPen(kGrid, 1));
        axis->grid()->setSubGridPen(QPen(kGrid.lighter(104), 1, Qt::DotLine));
    }
    rect->axis(QCPAxis::atBottom)->grid()->setVisible(false);
}

QWidget *ChartsPanel::buildBarsTab()
{
    auto *page = new QWidget(this);
    m_barsPlot = new QCustomPlot(page);
    m_barsPlot->setMinimumSize(300, 160);
    m_barsPlot->setMouseTracking(true);
    QCustomPlot *p = m_barsPlot;
    // Layout: a grid of (title, ratio, axis rect) per quantity, and the legend below.
    p->plotLayout()->clear();
    auto *panels = new QCPLayoutGrid;
    m_barPanels = panels;
    p->plotLayout()->addElement(0, 0, panels);
    auto *margins = new QCPMarginGroup(p);
    for (int q = 0; q < kQuantityCount; ++q) {
        auto *title = new WrappedText(p, scaledFont(font(), 1.05, true));
        auto *ratio = new WrappedText(p, scaledFont(font(), 1.05, true));
        auto *rect = new QCPAxisRect(p, true);
        rect->setMarginGroup(QCP::MarginSides(QCP::msTop) | QCP::msBottom, margins);
        styleAxes(rect);
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        x->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
        x->setTickLength(0, 0);
        x->setSubTicks(false);
        rect->axis(QCPAxis::atLeft)->setRange(0, 1);
        panels->addElement(0, q, title);
        panels->addElement(1, q, ratio);
        panels->addElement(2, q, rect);
        auto *group = new QCPBarsGroup(p);
        group->setSpacingType(QCPBarsGroup::stPlotCoords);
        group->setSpacing(0.04);
        m_barTitles.append(title);
        m_barRatios.append(ratio);
        m_barRects.append(rect);
        m_barGroups.append(group);
    }
    panels->setRowStretchFactors({0.001, 0.001, 1});
    auto *legend = new QCPLegend;
    p->legend = legend;
    addCenteredLegend(p, 1, legend);
    legend->setLayer(QStringLiteral("legend"));
    legend->setVisible(true);
    p->plotLayout()->setRowStretchFactors({1, 0.001});
    connect(p, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent *e) { onMouseMove(Chart::Bars, e->pos()); });
    connect(p, &QCustomPlot::afterLayout, this, &ChartsPanel::fitBars);

    m_scaleLabel = new QLabel(page);
    m_scale = new QComboBox(page);
    m_scale->addItem(QString(), false);
    m_scale->addItem(QString(), true);
    m_scaleLabel->setBuddy(m_scale);
    connect(m_scale, &QComboBox::activated, this,
            [this](int i) { setLogScale(m_scale->itemData(i).toBool()); });
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_scaleLabel);
    bar->addWidget(m_scale);
    bar->addStretch(1);
    bar->addWidget(makeExportButton(Chart::Bars));
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(bar);
    layout->addWidget(m_barsPlot, 1);
    return page;
}

void ChartsPanel::retranslate()
{
    m_tabs->setTabText(0, tr("Totals"));
    m_tabs->setTabText(1, tr("Per layer"));
    m_tabs->setTabText(2, tr("Sweep"));
    m_tabs->setTabText(3, tr("Measured"));
    m_tabs->setTabToolTip(3, tr("Measured time against counted MACs, layer by layer (Run › "
                                "Measure on This Computer)"));
    m_tabs->setTabToolTip(0, tr("Parameters, operations and activation memory of each variant"));
    m_tabs->setTabToolTip(1, tr("Each variant's bar split into its layers"));
    m_tabs->setTabToolTip(2, tr("How the variants' costs change with one parameter, and where "
                                "the bottleneck stops paying off"));
    m_scaleLabel->setText(tr("Axis:"));
    m_scale->setItemText(0, tr("Linear"));
    m_scale->setItemText(1, tr("Logarithmic"));
    m_stackedLabel->setText(tr("Show:"));
    m_stackedWhat->setItemText(0, tr("Parameters"));
    m_stackedWhat->setItemText(1, tr("MACs / FLOPs (by the convention)"));
    m_stackedWhat->setItemText(2, tr("Activation memory"));
    m_shareBox->setText(tr("Each bar as 100%"));
    m_shareBox->setToolTip(tr("Show each layer's share of its variant, to compare how the cost "
                              "is spread rather than how large it is"));
    m_presetLabel->setText(tr("Sweep:"));
    m_metricLabel->setText(tr("Show:"));
    m_metricCombo->setItemText(0, tr("MACs"));
    m_metricCombo->setItemText(1, tr("Parameters"));
    m_layerLabel->setText(tr("Layer:"));
    m_paramLabel->setText(tr("Parameter:"));
    m_fromLabel->setText(tr("From:"));
    m_toLabel->setText(tr("To:"));
    m_stepLabel->setText(tr("Step:"));
    for (QPushButton *b : m_exportButtons) {
        b->setText(tr("Export"));
        b->setToolTip(tr("Save this chart as an image or a vector drawing"));
        const QList<QAction *> actions = b->menu()->actions();
        actions[0]->setText(tr("PNG image…"));
        actions[1]->setText(tr("PDF document (vector)…"));
        actions[2]->setText(tr("SVG drawing (vector)…"));
    }
    refresh();
}

void ChartsPanel::setPresenting(bool on)
{
    if (on == m_presenting)
        return;
    m_presenting = on;
    // The scale and export controls stay on the desk, not on the projector.
    m_scaleLabel->setVisible(!on);
    m_scale->setVisible(!on);
    for (QPushButton *b : std::as_const(m_exportButtons))
        b->setVisible(!on);
    // Every tab's name whole (no scroll arrows): the panel asks for the width they need.
    m_tabs->setUsesScrollButtons(
        !on && !style()->styleHint(QStyle::SH_TabBar_PreferNoArrows, nullptr, m_tabs->tabBar()));
    // Take the parameters and memory panels out of the Totals grid, or put them back.
    for (int qi : {0, 2}) {
        QCPLayoutElement *parts[3] = {m_barTitles[qi], m_barRatios[qi], m_barRects[qi]};
        for (int row = 0; row < 3; ++row) {
            parts[row]->setVisible(!on);
            if (on)
                m_barPanels->take(parts[row]);
        }
    }
    // The MACs panel without its ratio line: the cards beside it say it, and its height goes
    // to the bars.
    QCPTextElement *ratio = m_barRatios[int(Quantity::Compute)];
    ratio->setVisible(!on);
    if (on) {
        m_barPanels->take(ratio);
        m_barPanels->simplify();
    } else {
        m_barPanels->insertRow(1);
        m_barPanels->addElement(1, 0, ratio);
        m_barPanels->setRowStretchFactors({0.001, 0.001, 1});
        m_barPanels->insertColumn(0);
        for (int qi : {0, 2})
            for (int row = 0; row < 3; ++row)
                m_barPanels->addElement(row, qi,
                                        row == 0 ? static_cast<QCPLayoutElement *>(m_barTitles[qi])
                                        : row == 1
                                            ? static_cast<QCPLayoutElement *>(m_barRatios[qi])
                                            : m_barRects[qi]);
    }
    refresh();
}

void ChartsPanel::updateFonts()
{
    setFont(QApplication::font());
    applyFonts();
    refresh();
}

void ChartsPanel::applyFonts()
{
    // Titles, ticks, axis labels and the legend follow the panel's font (presentation mode
    // makes it 20 pt); value labels are rebuilt from it on refresh.
    const QFont base = font();
    for (QCustomPlot *p : {m_barsPlot, m_stackedPlot, m_sweepPlot}) {
        for (QCPAxisRect *ar : p->axisRects()) {
            for (QCPAxis *a : ar->axes()) {
                a->setTickLabelFont(scaledFont(base, 0.9));
                a->setLabelFont(scaledFont(base, 0.95));
            }
        }
        if (p->legend)
            p->legend->setFont(scaledFont(base, 0.95));
        for (QCPLayoutElement *e : p->plotLayout()->elements(true))
            if (auto *t = qobject_cast<QCPTextElement *>(e))
                t->setFont(scaledFont(base, 1.05, true));
    }
}

void ChartsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        applyFonts();
        refresh();
    }
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::LayoutDirectionChange)
        refresh();
    QWidget::changeEvent(event);
}

// ---- state ----

void ChartsPanel::setPair(int a, int b)
{
    m_pairSet = true;
    if (a == m_a && b == m_b)
        return;
    m_a = a;
    m_b = b;
    refresh();
}

void ChartsPanel::setLogScale(bool log)
{
    m_log = log;
    m_scale->setCurrentIndex(log ? 1 : 0);
    rebuildBars();
}

void ChartsPanel::onDocumentChanged()
{
    resolve();
    rebuildBars();
    rebuildStacked();
    rebuildSweepControls();
    scheduleSweep();
}

void ChartsPanel::refresh()
{
    resolve();
    rebuildBars();
    rebuildStacked();
    rebuildSweepControls();
    refreshSweep();
}

void ChartsPanel::resolve()
{
    m_doc->analyzer()->flush();
    m_variants = m_resolver.resolve(*m_doc);
    const int n = int(m_variants.size());
    if (!m_pairSet) {
        m_a = n > 0 ? 0 : -1;
        m_b = n > 1 ? 1 : -1;
    }
    if (m_a >= n)
        m_a = -1;
    if (m_b >= n)
        m_b = -1;
}

QVector<int> ChartsPanel::drawOrder() const
{
    // A, then B, then the others in list order; variants that cannot be summed are left out.
    QVector<int> order;
    auto add = [&](int i) {
        if (i >= 0 && i < m_variants.size() && m_variants[i].ok() && !order.contains(i))
            order.append(i);
    };
    add(m_a);
    add(m_b);
    for (int i = 0; i < m_variants.size(); ++i)
        add(i);
    return order;
}

QString ChartsPanel::isolated(const QString &text) const
{
    // Keep names such as "1×1 output channels" in their own direction inside right-to-left
    // widgets (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE).
    if (layoutDirection() != Qt::RightToLeft)
        return text;
    return QChar(0x2068) + text + QChar(0x2069);
}

QString ChartsPanel::phrase(const QString &text) const
{
    // Chart text is drawn with the direction of its first strong letter; a translated phrase
    // that starts with a Latin word ("FLOPs ۹٫۶۸× کمتر") needs a right-to-left mark in front.
    if (layoutDirection() != Qt::RightToLeft)
        return text;
    return QChar(0x200F) + text;
}

QString ChartsPanel::variantLabel(int index) const
{
    const QString name = m_variants.value(index).variant.name;
    if (index == m_a)
        return tr("A · %1").arg(name);
    if (index == m_b)
        return tr("B · %1").arg(name);
    return name;
}

QColor ChartsPanel::variantColor(int index) const
{
    return VariantPalette::color(VariantPalette::slotOf(index, m_a, m_b));
}

qint64 ChartsPanel::quantityValue(Quantity q, const Costs &costs) const
{
    switch (q) {
    case Quantity::Params:
        return costs.params().value();
    case Quantity::Compute:
        return flops(costs, m_display->convention()).value();
    case Quantity::Memory:
        return activationBytes(costs.activations, m_display->dtype()).value();
    }
    return 0;
}

QString ChartsPanel::quantityTitle(Quantity q) const
{
    switch (q) {
    case Quantity::Params:
        return tr("Parameters");
    case Quantity::Compute:
        return m_display->convention() == FlopConvention::MacsOnly
                   ? tr("MACs")
                   : tr("FLOPs (%1)").arg(conventionKey(m_display->convention()));
    case Quantity::Memory:
        return tr("Activation memory (%1)").arg(dtypeKey(m_display->dtype()));
    }
    return {};
}

QString ChartsPanel::quantityNoun(Quantity q) const
{
    // The nouns of the comparison report, so that charts and tables say the same words.
    const QVector<Report::CompareQuantity> rows =
        Report::compareQuantities(Report::CompareInput(), ReportOptions());
    auto noun = [&](const char *key) {
        for (const Report::CompareQuantity &r : rows)
            if (r.key == QLatin1String(key))
                return r.noun;
        return QString();
    };
    switch (q) {
    case Quantity::Params:
        return noun("params");
    case Quantity::Compute:
        return noun(m_display->convention() == FlopConvention::MacsOnly ? "macs" : "flops");
    case Quantity::Memory:
        return noun("activation_bytes");
    }
    return {};
}

QString ChartsPanel::exactValue(Quantity q, qint64 value) const
{
    const NumberFormat &f = m_display->format();
    if (q == Quantity::Memory)
        return tr("%1 bytes (%2)").arg(f.integer(value), f.bytes(value));
    return f.integer(value);
}

QString ChartsPanel::chartBaseName(Chart chart) const
{
    const QString doc = QFileInfo(m_doc->displayName()).completeBaseName();
    switch (chart) {
    case Chart::Bars:
        return doc + QStringLiteral("-totals");
    case Chart::Stacked:
        return doc + QStringLiteral("-per-layer");
    case Chart::Sweep:
        return doc + QStringLiteral("-sweep");
    }
    return doc;
}

QCPBars *ChartsPanel::bars(Quantity q, int variant) const
{
    const QVector<QCPBars *> list = m_barsByQuantity.value(int(q));
    return variant >= 0 && variant < list.size() ? list[variant] : nullptr;
}

void ChartsPanel::rebuildBars()
{
    QCustomPlot *p = m_barsPlot;
    p->clearPlottables();
    p->clearItems();
    m_barsByQuantity.clear();
    m_barFits.clear();
    m_fitPasses = 0;
    const NumberFormat &f = m_display->format();
    const QVector<int> order = drawOrder();
    const int n = int(order.size());
    const double width = n > 0 ? std::min(0.3, 0.9 / n) : 0.3;
    const double spacing = 0.04;
    const QFont labelFont = scaledFont(font(), 0.9);
    const bool pair = m_a >= 0 && m_b >= 0 && m_variants[m_a].ok() && m_variants[m_b].ok();

    // In presentation only the MACs panel is shown (large type leaves room for one).
    const int legendQuantity = m_presenting ? int(Quantity::Compute) : 0;
    for (int qi = 0; qi < kQuantityCount; ++qi) {
        const Quantity q = Quantity(qi);
        if (m_presenting && q != Quantity::Compute)
            continue;
        QCPAxisRect *rect = m_barRects[qi];
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        QCPAxis *y = rect->axis(QCPAxis::atLeft);
        const auto style =
            q == Quantity::Memory ? LinearTicker::Style::Bytes : LinearTicker::Style::Compact;
        if (m_log) {
            auto ticker = QSharedPointer<LogTicker>::create(f, LogTicker::Style(int(style)));
            ticker->setLogBase(10);
            ticker->setSubTickCount(8);
            y->setScaleType(QCPAxis::stLogarithmic);
            y->setTicker(ticker);
        } else {
            y->setScaleType(QCPAxis::stLinear);
            y->setTicker(QSharedPointer<LinearTicker>::create(f, style));
        }
        // Large type in a short panel: fewer ticks, so that their labels never collide.
        y->ticker()->setTickCount(m_presenting ? 3 : 5);
        m_barTitles[qi]->setText(phrase(quantityTitle(q)));

        auto textTicker = QSharedPointer<QCPAxisTickerText>::create();
        QVector<QCPBars *> byVariant(m_variants.size(), nullptr);
        BarPanel fit;
        fit.rect = rect;
        fit.step = width + spacing;
        fit.log = m_log;
        fit.points = labelFont.pointSizeF();
        double maxValue = 0, minPositive = 0;
        int others = 0;
        for (int k = 0; k < n; ++k) {
            const int vi = order[k];
            const qint64 value = quantityValue(q, m_variants[vi].summary.costs);
            auto *b = new QCPBars(x, y);
            b->setName(variantLabel(vi));
            b->setWidthType(QCPBars::wtPlotCoords);
            b->setWidth(width);
            b->setBarsGroup(m_barGroups[qi]);
            b->setData({1.0}, {plotted(value)});
            const QColor c = variantColor(vi);
            b->setBrush(c);
            b->setPen(QPen(c.darker(125), 1));
            b->setProperty("variant", vi);
            b->setProperty("quantity", qi);
            if (qi != legendQuantity)
                b->removeFromLegend();
            byVariant[vi] = b;
            maxValue = std::max(maxValue, plotted(value));
            if (value > 0)
                minPositive =
                    minPositive > 0 ? std::min(minPositive, plotted(value)) : plotted(value);
            // The value above the bar, readable from the back of a classroom.
            const double key = 1.0 + (k - (n - 1) / 2.0) * (width + spacing);
            auto *label = new QCPItemText(p);
            label->setClipAxisRect(rect);
            label->setClipToAxisRect(false);
            label->position->setAxes(x, y);
            label->position->setCoords(key, plotted(value));
            label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            label->setPadding(QMargins(0, 0, 0, 3));
            label->setFont(labelFont);
            label->setColor(c.darker(150));
            label->setText(q == Quantity::Memory ? f.bytes(value) : f.compact(value));
            fit.labels.append(label);
            textTicker->addTick(key, vi == m_a   ? QStringLiteral("A")
                                     : vi == m_b ? QStringLiteral("B")
                                                 : QString(QChar(char16_t(u'C' + others++))));
        }
        m_barsByQuantity.insert(qi, byVariant);
        fit.maxValue = maxValue;
        m_barFits.append(fit);
        x->setTicker(textTicker);
        const double half = n > 0 ? n * (width + spacing) / 2.0 + 0.12 : 0.5;
        x->setRange(1.0 - half, 1.0 + half);
        if (m_log) {
            const double lo =
                minPositive > 0 ? std::pow(10.0, std::floor(std::log10(minPositive))) : 1.0;
            const double hi = maxValue > 0 ? maxValue * 4.0 : 10.0;
            y->setRange(lo, std::max(hi, lo * 10));
        } else {
            y->setRange(0, maxValue > 0 ? maxValue * 1.18 : 1.0);
        }

        // The ratio of B to A in words, coloured by direction.
        QCPTextElement *ratio = m_barRatios[qi];
        if (pair) {
            const qint64 va = quantityValue(q, m_variants[m_a].summary.costs);
            const qint64 vb = quantityValue(q, m_variants[m_b].summary.costs);
            ratio->setText(phrase(Report::ratioPhrase(va, vb, quantityNoun(q), f)));
            ratio->setTextColor(directionColor(va, vb));
        } else {
            ratio->setText(QStringLiteral(" "));
        }
    }
    p->legend->setVisible(n > 0);
    p->replot(QCustomPlot::rpQueuedReplot);
}

void ChartsPanel::fitBars()
{
    // The layout has given each panel its pixels: fit ticks, ranges and value labels to them,
    // and draw once more if that moved anything (a few times at most: ticks move margins).
    bool changed = false;
    for (const BarPanel &panel : m_barFits)
        changed |= fitBarPanel(panel, m_presenting ? 3 : 5,
                               m_presenting ? kPresentationPoints : kMinLabelPoints);
    if (!changed) {
        m_fitPasses = 0;
    } else if (++m_fitPasses <= 3) {
        m_barsPlot->replot(QCustomPlot::rpQueuedReplot);
    }
}

// ---- stacked bars ----

QString ChartsPanel::toolTipAt(Chart chart, const QPoint &pos) const
{
    const NumberFormat &f = m_display->format();
    QCustomPlot *p = plot(chart);
    if (chart == Chart::Sweep) {
        if (!p->axisRect()->rect().contains(pos) || m_sweep.series.isEmpty())
            return {};
        const double key = p->xAxis->pixelToCoord(pos.x());
        const SweepSeries &first = m_sweep.series.first();
        if (first.x.isEmpty())
            return {};
        int best = 0;
        for (int i = 1; i < first.x.size(); ++i)
            if (std::abs(double(first.x[i]) - key) < std::abs(double(first.x[best]) - key))
                best = i;
        QStringList lines{QStringLiteral("<b>%1 = %2</b>")
                              .arg(m_spec.keys.join(QLatin1Char('/')), f.integer(first.x[best]))};
        for (int vi : drawOrder()) {
            if (vi >= m_sweep.series.size())
                continue;
            const SweepSeries &s = m_sweep.series[vi];
            const QString value = !s.valid.value(best) ? tr("error")
                                  : m_metric == SweepMetric::Macs
                                      ? tr("%1 MACs").arg(f.integer(s.macs[best]))
                                      : tr("%1 parameters").arg(f.integer(s.params[best]));
            lines << QStringLiteral("<span style='color:%1'>■</span> %2: %3")
                         .arg(variantColor(vi).name(), variantLabel(vi).toHtmlEscaped(), value);
        }
        return lines.join(QStringLiteral("<br>"));
    }
    auto *bars = qobject_cast<QCPBars *>(p->plottableAt(pos, false));
    if (!bars)
        return {};
    const int vi = bars->property("variant").toInt();
    if (vi < 0 || vi >= m_variants.size() || bars->data()->isEmpty())
        return {};
    const QVariant exact = bars->property("exact");
    const qint64 value =
        exact.isValid() ? exact.toLongLong() : qint64(std::llround(bars->data()->at(0)->value));
    const QString variant = QStringLiteral("<span style='color:%1'>■</span> <b>%2</b>")
                                .arg(variantColor(vi).name(), variantLabel(vi).toHtmlEscaped());
    if (chart == Chart::Bars) {
        const Quantity q = Quantity(bars->property("quantity").toInt());
        QString text = QStringLiteral("%1<br>%2: %3")
                           .arg(variant, quantityTitle(q).toHtmlEscaped(), exactValue(q, value));
        if (vi != m_a && m_a >= 0 && m_variants[m_a].ok())
            text += QStringLiteral("<br>") +
                    tr("%1 than A")
                        .arg(Report::ratioPhrase(quantityValue(q, m_variants[m_a].summary.costs),
                                                 value, quantityNoun(q), f));
        return text;
    }
    const Quantity q = m_stackedQuantity;
    const qint64 total = quantityValue(q, m_variants[vi].summary.costs);
    const QString layer = bars->property("layerName").toString();
    const QString who = layer.isEmpty()
                            ? tr("%n other layer(s)", nullptr, bars->property("layerCount").toInt())
                            : layer;
    return QStringLiteral("<b>%1</b><br>%2<br>%3: %4<br>%5")
        .arg(who.toHtmlEscaped(), variant, quantityTitle(q).toHtmlEscaped(), exactValue(q, value),
             tr("%1 of this variant")
                 .arg(f.percent(total > 0 ? plotted(value) / double(total) : 0)));
}

void ChartsPanel::onMouseMove(Chart chart, const QPoint &pos)
{
    QCustomPlot *p = plot(chart);
    const QString text = toolTipAt(chart, pos);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(p->mapToGlobal(pos), text, p);
}

bool ChartsPanel::exportChart(Chart chart, const QString &path, int dpi, QSize size, QString *error)
{
    const std::optional<ChartExporter::Format> format = ChartExporter::formatOf(path);
    if (!format) {
        if (error)
            *error = tr("unknown image format for %1; use .png, .pdf or .svg")
                         .arg(QFileInfo(path).fileName());
        return false;
    }
    return ChartExporter::save(plot(chart), path, *format, dpi, size, error);
}

} // namespace naqsh
