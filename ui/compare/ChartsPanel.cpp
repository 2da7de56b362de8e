#include "ChartsPanel.h"

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
#include <QTabWidget>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace naqsh {

namespace {
/// The height a count is drawn at: a count too large for 64 bits is drawn as nothing (its label
/// and tooltip say "too large to count in 64 bits"), never as a negative bar.
double plotted(qint64 v)
{
    return isTooLarge(v) ? 0.0 : double(v);
}

constexpr int kQuantityCount = 3;
constexpr int kMaxSegments = 8; ///< per stacked bar; smaller layers are merged into "others"
constexpr int kSweepDelayMs = 60;
const QColor kFewer(0x2E, 0x7D, 0x32);
const QColor kMore(0xB0, 0x3A, 0x2E);
const QColor kSame(0x60, 0x60, 0x60);
const QColor kGrid(0xE3, 0xE6, 0xEA);
const QColor kAxis(0x70, 0x75, 0x7D);

QColor directionColor(qint64 a, qint64 b)
{
    const Ratio r = compareCounts(a, b);
    return r.equal ? kSame : r.fewer ? kFewer : kMore;
}

/// Presentation type is at least this large: no chart text goes below it there.
constexpr double kPresentationPoints = 20.0;
/// Value labels over narrow bars may shrink to this size outside presentation.
constexpr double kMinLabelPoints = 8.0;

QFont scaledFont(const QFont &base, double factor, bool bold = false)
{
    QFont f = base;
    if (base.pointSizeF() >= kPresentationPoints)
        factor = std::max(factor, 1.0);
    f.setPointSizeF(base.pointSizeF() * factor);
    f.setBold(bold);
    return f;
}

/// Puts @p legend in the middle of row @p row of @p plot's layout, between two empty stretchers,
/// so that its few entries sit together instead of spreading over the whole width.
void addCenteredLegend(QCustomPlot *plot, int row, QCPLegend *legend)
{
    auto *grid = new QCPLayoutGrid;
    plot->plotLayout()->addElement(row, 0, grid);
    grid->addElement(0, 0, new QCPLayoutElement(plot));
    grid->addElement(0, 1, legend);
    grid->addElement(0, 2, new QCPLayoutElement(plot));
    grid->setColumnStretchFactors({1, 0.001, 1});
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setColumnSpacing(18);
}

/// A sweep series for a variant whose totals do not depend on the swept parameter (another
/// document): its totals at every x.
SweepSeries constantSeries(const ResolvedVariant &v, const QVector<qint64> &x)
{
    SweepSeries s;
    s.name = v.variant.name;
    s.x = x;
    s.macs.fill(v.summary.costs.macs.value(), x.size());
    s.params.fill(v.summary.costs.params().value(), x.size());
    s.activations.fill(v.summary.costs.activations.value(), x.size());
    s.valid.fill(true, x.size());
    return s;
}

} // namespace

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

QWidget *ChartsPanel::buildStackedTab()
{
    auto *page = new QWidget(this);
    m_stackedPlot = new QCustomPlot(page);
    m_stackedPlot->setMinimumSize(300, 160);
    m_stackedPlot->setMouseTracking(true);
    QCustomPlot *p = m_stackedPlot;
    styleAxes(p->axisRect());
    p->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    p->xAxis->setTickLength(0, 0);
    p->xAxis->setSubTicks(false);
    // Title on top, legend in a column on the right where long layer names fit.
    p->plotLayout()->insertRow(0);
    m_stackedTitle = new WrappedText(p, scaledFont(font(), 1.1, true));
    p->plotLayout()->addElement(0, 0, m_stackedTitle);
    p->axisRect()->insetLayout()->take(p->legend);
    auto *side = new QCPLayoutGrid;
    p->plotLayout()->addElement(1, 1, side);
    side->addElement(0, 0, p->legend);
    side->addElement(1, 0, new QCPLayoutElement(p));
    side->setRowStretchFactors({0.001, 1});
    p->plotLayout()->setColumnStretchFactor(1, 0.001);
    p->legend->setVisible(true);
    p->legend->setBorderPen(QPen(kGrid));
    p->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    connect(p, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent *e) { onMouseMove(Chart::Stacked, e->pos()); });

    m_stackedLabel = new QLabel(page);
    m_stackedWhat = new QComboBox(page);
    for (Quantity q : {Quantity::Params, Quantity::Compute, Quantity::Memory})
        m_stackedWhat->addItem(QString(), int(q));
    m_stackedWhat->setCurrentIndex(int(m_stackedQuantity));
    m_stackedLabel->setBuddy(m_stackedWhat);
    connect(m_stackedWhat, &QComboBox::activated, this,
            [this](int i) { setStackedQuantity(Quantity(m_stackedWhat->itemData(i).toInt())); });
    m_shareBox = new QCheckBox(page);
    connect(m_shareBox, &QCheckBox::toggled, this, &ChartsPanel::setStackedShares);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_stackedLabel);
    bar->addWidget(m_stackedWhat);
    bar->addWidget(m_shareBox);
    bar->addStretch(1);
    bar->addWidget(makeExportButton(Chart::Stacked));
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(bar);
    layout->addWidget(m_stackedPlot, 1);
    return page;
}

QWidget *ChartsPanel::buildSweepTab()
{
    auto *page = new QWidget(this);
    m_sweepPlot = new QCustomPlot(page);
    m_sweepPlot->setMinimumSize(300, 160);
    m_sweepPlot->setMouseTracking(true);
    QCustomPlot *p = m_sweepPlot;
    styleAxes(p->axisRect());
    p->xAxis->grid()->setVisible(true);
    p->plotLayout()->insertRow(0);
    p->plotLayout()->insertRow(1);
    m_sweepTitle = new WrappedText(p, scaledFont(font(), 1.1, true));
    m_sweepInfo = new WrappedText(p, scaledFont(font(), 1.0));
    p->plotLayout()->addElement(0, 0, m_sweepTitle);
    p->plotLayout()->addElement(1, 0, m_sweepInfo);
    p->axisRect()->insetLayout()->take(p->legend);
    addCenteredLegend(p, 3, p->legend);
    p->plotLayout()->setRowStretchFactors({0.001, 0.001, 1, 0.001});
    p->legend->setVisible(true);
    connect(p, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent *e) { onMouseMove(Chart::Sweep, e->pos()); });

    m_presetLabel = new QLabel(page);
    m_preset = new QComboBox(page);
    m_preset->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_metricLabel = new QLabel(page);
    m_metricCombo = new QComboBox(page);
    m_metricCombo->addItem(QString(), int(SweepMetric::Macs));
    m_metricCombo->addItem(QString(), int(SweepMetric::Params));
    m_layerLabel = new QLabel(page);
    m_layer = new QComboBox(page);
    m_paramLabel = new QLabel(page);
    m_param = new QComboBox(page);
    m_fromLabel = new QLabel(page);
    m_toLabel = new QLabel(page);
    m_stepLabel = new QLabel(page);
    m_from = new QSpinBox(page);
    m_to = new QSpinBox(page);
    m_step = new QSpinBox(page);
    for (QSpinBox *s : {m_from, m_to, m_step}) {
        s->setRange(1, 1'000'000);
        s->setAccelerated(true);
        s->setKeyboardTracking(false);
    }
    m_presetLabel->setBuddy(m_preset);
    m_layerLabel->setBuddy(m_layer);
    m_paramLabel->setBuddy(m_param);
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);
    m_stepLabel->setBuddy(m_step);
    connect(m_preset, &QComboBox::activated, this, [this](int i) {
        if (i < m_presets.size())
            selectSweepPreset(i);
        else
            onCustomSweepEdited();
    });
    connect(m_metricCombo, &QComboBox::activated, this,
            [this](int i) { setSweepMetric(SweepMetric(m_metricCombo->itemData(i).toInt())); });
    connect(m_layer, &QComboBox::activated, this, [this] {
        fillParamCombo();
        onCustomSweepEdited();
    });
    connect(m_param, &QComboBox::activated, this, &ChartsPanel::onCustomSweepEdited);
    for (QSpinBox *s : {m_from, m_to, m_step})
        connect(s, &QSpinBox::valueChanged, this, [this] {
            if (!m_syncing)
                onCustomSweepEdited();
        });

    auto *controls = new QGridLayout;
    controls->addWidget(m_presetLabel, 0, 0);
    auto *row0 = new QHBoxLayout;
    row0->addWidget(m_preset);
    row0->addWidget(m_metricLabel);
    row0->addWidget(m_metricCombo);
    row0->addStretch(1);
    row0->addWidget(makeExportButton(Chart::Sweep));
    controls->addLayout(row0, 0, 1);
    auto *row1 = new QHBoxLayout;
    row1->addWidget(m_layer, 1);
    row1->addWidget(m_paramLabel);
    row1->addWidget(m_param, 1);
    row1->addWidget(m_fromLabel);
    row1->addWidget(m_from);
    row1->addWidget(m_toLabel);
    row1->addWidget(m_to);
    row1->addWidget(m_stepLabel);
    row1->addWidget(m_step);
    controls->addWidget(m_layerLabel, 1, 0);
    controls->addLayout(row1, 1, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(controls);
    layout->addWidget(m_sweepPlot, 1);
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
    // Take the parameters and memory panels out of the Totals grid, or put them back.
    for (int qi : {0, 2}) {
        QCPLayoutElement *parts[3] = {m_barTitles[qi], m_barRatios[qi], m_barRects[qi]};
        for (int row = 0; row < 3; ++row) {
            parts[row]->setVisible(!on);
            if (on)
                m_barPanels->take(parts[row]);
        }
    }
    if (on) {
        m_barPanels->simplify();
    } else {
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

void ChartsPanel::setStackedQuantity(Quantity q)
{
    m_stackedQuantity = q;
    m_stackedWhat->setCurrentIndex(m_stackedWhat->findData(int(q)));
    rebuildStacked();
}

void ChartsPanel::setStackedShares(bool shares)
{
    m_shares = shares;
    {
        const QSignalBlocker block(m_shareBox);
        m_shareBox->setChecked(shares);
    }
    rebuildStacked();
}

void ChartsPanel::setSweepMetric(SweepMetric metric)
{
    m_metric = metric;
    m_metricCombo->setCurrentIndex(m_metricCombo->findData(int(metric)));
    rebuildSweepChart();
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

QVector<QCPBars *> ChartsPanel::segments(int variant) const
{
    return m_segments.value(variant);
}

QCPGraph *ChartsPanel::sweepGraph(int variant) const
{
    return m_sweepGraphs.value(variant, nullptr);
}

// ---- grouped bars ----

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

void ChartsPanel::rebuildStacked()
{
    QCustomPlot *p = m_stackedPlot;
    p->clearPlottables();
    p->clearItems();
    m_segments = QVector<QVector<QCPBars *>>(m_variants.size());
    const NumberFormat &f = m_display->format();
    const Quantity q = m_stackedQuantity;
    const auto style =
        q == Quantity::Memory ? LinearTicker::Style::Bytes : LinearTicker::Style::Compact;
    p->yAxis->setTicker(
        QSharedPointer<LinearTicker>::create(f, m_shares ? LinearTicker::Style::Percent : style));
    m_stackedTitle->setText(phrase(m_shares ? tr("%1, share of each layer").arg(quantityTitle(q))
                                            : tr("%1, layer by layer").arg(quantityTitle(q))));

    const QVector<int> order = drawOrder();
    auto textTicker = QSharedPointer<QCPAxisTickerText>::create();
    double maxTotal = 0;
    for (int vi : order)
        maxTotal = std::max(maxTotal, plotted(quantityValue(q, m_variants[vi].summary.costs)));
    const double yMax = m_shares ? 108.0 : maxTotal > 0 ? maxTotal * 1.12 : 1.0;
    const QFont segmentFont = scaledFont(font(), 0.85);
    const QFont totalFont = scaledFont(font(), 0.95, true);

    for (int k = 0; k < order.size(); ++k) {
        const int vi = order[k];
        const ResolvedVariant &v = m_variants[vi];
        const double key = k;
        textTicker->addTick(key, variantLabel(vi));
        // The largest layers get their own segment (in data-flow order); the rest share one.
        struct Segment
        {
            QString name;
            qint64 value;
            int layerCount;
        };
        QVector<int> idx;
        for (int i = 0; i < v.parts.size(); ++i)
            if (quantityValue(q, v.parts[i].costs) > 0)
                idx.append(i);
        QVector<int> keep = idx;
        if (keep.size() > kMaxSegments) {
            std::stable_sort(keep.begin(), keep.end(), [&](int a, int b) {
                return quantityValue(q, v.parts[a].costs) > quantityValue(q, v.parts[b].costs);
            });
            keep.resize(kMaxSegments - 1);
            std::sort(keep.begin(), keep.end());
        }
        QVector<Segment> segs;
        Segment others{tr("other layers"), 0, 0};
        for (int i : idx) {
            const qint64 value = quantityValue(q, v.parts[i].costs);
            if (keep.contains(i))
                segs.append({v.parts[i].name, value, 1});
            else {
                others.value = (CheckedInt(others.value) + CheckedInt(value)).value();
                ++others.layerCount;
            }
        }
        if (others.layerCount > 0)
            segs.append(others);

        const qint64 total = quantityValue(q, v.summary.costs);
        const double scale = !m_shares ? 1.0 : total > 0 ? 100.0 / double(total) : 0.0;
        const int slot = VariantPalette::slotOf(vi, m_a, m_b);
        QCPBars *below = nullptr;
        double base = 0;
        for (int s = 0; s < segs.size(); ++s) {
            const Segment &seg = segs[s];
            auto *b = new QCPBars(p->xAxis, p->yAxis);
            const bool isOthers = s == segs.size() - 1 && others.layerCount > 0;
            b->setName(isOthers ? tr("%1: %n other layer(s)", nullptr, seg.layerCount)
                                      .arg(vi == m_a   ? QStringLiteral("A")
                                           : vi == m_b ? QStringLiteral("B")
                                                       : v.variant.name)
                                : QStringLiteral("%1: %2").arg(vi == m_a   ? QStringLiteral("A")
                                                               : vi == m_b ? QStringLiteral("B")
                                                                           : v.variant.name,
                                                               seg.name));
            b->setWidth(0.55);
            const QColor c = VariantPalette::shade(slot, s, int(segs.size()));
            b->setBrush(c);
            b->setPen(QPen(Qt::white, 1));
            const double shown = plotted(seg.value) * scale;
            b->setData({key}, {shown});
            b->setProperty("exact", seg.value);
            b->setProperty("variant", vi);
            b->setProperty("layerName", isOthers ? QString() : seg.name);
            b->setProperty("layerCount", seg.layerCount);
            if (below)
                b->moveAbove(below);
            below = b;
            m_segments[vi].append(b);
            // Name, value and share inside the segment, on two lines or one, when it fits.
            const double height = shown / yMax;
            if (height >= 0.035) {
                auto *label = new QCPItemText(p);
                label->position->setCoords(key, base + shown / 2.0);
                label->setPositionAlignment(Qt::AlignCenter);
                label->setFont(segmentFont);
                label->setColor(VariantPalette::textOn(c));
                const QString value =
                    q == Quantity::Memory ? f.bytes(seg.value) : f.compact(seg.value);
                const QString share = f.percent(total > 0 ? plotted(seg.value) / double(total) : 0);
                label->setText(
                    QStringLiteral("%1%2%3 · %4")
                        .arg(seg.name,
                             height >= 0.07 ? QStringLiteral("\n") : QStringLiteral(" · "), value,
                             share));
            }
            base += shown;
        }
        auto *sum = new QCPItemText(p);
        sum->position->setCoords(key, plotted(total) * scale);
        sum->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        sum->setPadding(QMargins(0, 0, 0, 3));
        sum->setFont(totalFont);
        sum->setColor(VariantPalette::color(slot).darker(150));
        sum->setText(q == Quantity::Memory ? f.bytes(total) : f.compact(total));
    }
    p->xAxis->setTicker(textTicker);
    p->xAxis->setRange(-0.6, std::max<double>(order.size(), 1) - 0.4);
    p->yAxis->setRange(0, yMax);
    p->legend->setVisible(!order.isEmpty());
    p->replot(QCustomPlot::rpQueuedReplot);
}

// ---- sweep ----

void ChartsPanel::rebuildSweepControls()
{
    const Graph &g = m_doc->model()->graph();
    m_presets = naqsh::sweepPresets(g, m_doc->analyzer()->result());
    m_syncing = true;
    // Presets, then "Custom".
    m_preset->clear();
    int chosen = -1;
    for (int i = 0; i < m_presets.size(); ++i) {
        m_preset->addItem(isolated(m_presets[i].name));
        if (!m_presetKey.isEmpty() && m_presets[i].spec.keys.join(QLatin1Char(',')) == m_presetKey)
            chosen = i;
    }
    m_preset->addItem(tr("Custom"));
    // The first time (or when the chosen preset disappeared), start from the first preset.
    if (chosen < 0 && (m_presetKey.isEmpty() ? m_spec.layers.isEmpty() : true) &&
        !m_presets.isEmpty())
        chosen = 0;
    if (chosen >= 0) {
        m_presetKey = m_presets[chosen].spec.keys.join(QLatin1Char(','));
        m_spec = m_presets[chosen].spec;
    } else {
        m_presetKey.clear();
    }
    m_preset->setCurrentIndex(chosen >= 0 ? chosen : m_preset->count() - 1);

    // Layers with a whole-number parameter, in data-flow order.
    const LayerRegistry &registry = m_doc->model()->registry();
    m_layer->clear();
    for (LayerId id : m_doc->analyzer()->result().order) {
        const Layer *l = g.layer(id);
        const LayerType *t = l ? registry.find(l->type) : nullptr;
        if (!t)
            continue;
        const bool hasInt = std::any_of(t->params.begin(), t->params.end(), [](const ParamSpec &s) {
            return s.kind == ParamKind::Int;
        });
        if (hasInt)
            m_layer->addItem(isolated(l->name), QVariant::fromValue(id));
    }
    m_layer->setCurrentIndex(m_layer->findData(QVariant::fromValue(m_spec.layers.value(0))));
    fillParamCombo();
    m_param->setCurrentIndex(m_param->findData(m_spec.keys.value(0)));
    for (QSpinBox *s : {m_from, m_to, m_step})
        s->setLocale(m_display->format().locale());
    m_from->setValue(int(m_spec.from));
    m_to->setValue(int(m_spec.to));
    m_step->setValue(int(std::max<qint64>(m_spec.step, 1)));
    m_syncing = false;
}

void ChartsPanel::fillParamCombo()
{
    const QString previous = m_param->currentData().toString();
    m_param->clear();
    const Layer *l = m_doc->model()->graph().layer(m_layer->currentData().value<LayerId>());
    const LayerType *t = l ? m_doc->model()->registry().find(l->type) : nullptr;
    if (!t)
        return;
    for (const ParamSpec &s : t->params)
        if (s.kind == ParamKind::Int)
            m_param->addItem(layerTr(s.label), s.key);
    const int i = m_param->findData(previous);
    if (i >= 0)
        m_param->setCurrentIndex(i);
}

void ChartsPanel::selectSweepPreset(int index)
{
    if (index < 0 || index >= m_presets.size())
        return;
    m_presetKey = m_presets[index].spec.keys.join(QLatin1Char(','));
    m_spec = m_presets[index].spec;
    rebuildSweepControls();
    refreshSweep();
}

void ChartsPanel::setSweepSpec(const SweepSpec &spec)
{
    m_presetKey.clear();
    m_spec = spec;
    rebuildSweepControls();
    refreshSweep();
}

void ChartsPanel::onCustomSweepEdited()
{
    if (m_syncing)
        return;
    SweepSpec spec;
    const LayerId layer = m_layer->currentData().value<LayerId>();
    if (layer.isValid())
        spec.layers = {layer};
    const QString key = m_param->currentData().toString();
    if (!key.isEmpty())
        spec.keys = {key};
    spec.from = m_from->value();
    spec.to = m_to->value();
    spec.step = m_step->value();
    m_presetKey.clear();
    m_spec = spec;
    {
        const QSignalBlocker block(m_preset);
        m_preset->setCurrentIndex(m_preset->count() - 1);
    }
    scheduleSweep();
}

void ChartsPanel::scheduleSweep()
{
    m_sweepTimer->start();
}

void ChartsPanel::refreshSweep()
{
    m_sweepTimer->stop();
    // Document variants do not change with this document's parameters: they are constant
    // reference lines, summed once by the resolver.
    QVector<Variant> variants;
    for (const ResolvedVariant &r : m_variants)
        variants.append(r.variant);
    m_sweep = runSweep(m_doc->model()->graph(), m_doc->model()->registry(), variants, m_spec,
                       m_doc->analyzer()->context());
    for (int i = 0; i < m_variants.size() && i < m_sweep.series.size(); ++i)
        if (m_variants[i].variant.kind == Variant::Kind::Document && m_variants[i].ok())
            m_sweep.series[i] = constantSeries(m_variants[i], m_sweep.series[i].x);
    rebuildSweepChart();
}

QString ChartsPanel::sweepCaption() const
{
    return m_sweepInfo->text();
}

void ChartsPanel::rebuildSweepChart()
{
    QCustomPlot *p = m_sweepPlot;
    p->clearPlottables();
    p->clearItems();
    m_sweepGraphs = QVector<QCPGraph *>(m_variants.size(), nullptr);
    m_breakEven.reset();
    m_breakEvenLine = nullptr;
    m_currentLine = nullptr;
    const NumberFormat &f = m_display->format();
    const bool macs = m_metric == SweepMetric::Macs;
    const QVector<Report::CompareQuantity> rows =
        Report::compareQuantities(Report::CompareInput(), ReportOptions());
    const QString noun = macs ? rows.value(2).noun : rows.value(0).noun;

    // Title: what is swept.
    QString what;
    const Layer *layer = m_doc->model()->graph().layer(m_spec.layers.value(0));
    if (layer) {
        const LayerType *t = m_doc->model()->registry().find(layer->type);
        const int pi = t ? t->paramIndex(m_spec.keys.value(0)) : -1;
        what = pi >= 0 ? QStringLiteral("%1 · %2").arg(layer->name, layerTr(t->params[pi].label))
                       : layer->name;
        if (m_spec.layers.size() > 1)
            what += tr(" (and %n more layer(s))", nullptr, int(m_spec.layers.size()) - 1);
    }
    const int presetIndex = m_preset->currentIndex();
    if (presetIndex >= 0 && presetIndex < m_presets.size())
        what = m_presets[presetIndex].name;
    m_sweepTitle->setText(phrase(tr("%1 as %2 goes from %3 to %4")
                                     .arg(macs ? tr("MACs") : tr("Parameters"), what,
                                          f.integer(m_spec.from), f.integer(m_spec.to))));
    p->yAxis->setTicker(QSharedPointer<LinearTicker>::create(f, LinearTicker::Style::Compact));
    auto xTicker = QSharedPointer<LocalizedTicker<QCPAxisTickerFixed>>::create(
        f, LocalizedTicker<QCPAxisTickerFixed>::Style::Integer);
    xTicker->setTickStep(1.0);
    xTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    p->xAxis->setTicker(xTicker);

    if (!m_sweep.error.isEmpty()) {
        m_sweepInfo->setText(phrase(m_sweep.error));
        m_sweepInfo->setTextColor(kMore);
        p->legend->setVisible(false);
        p->replot(QCustomPlot::rpQueuedReplot);
        return;
    }

    double yMax = 0;
    const QVector<int> order = drawOrder();
    for (int vi : order) {
        if (vi >= m_sweep.series.size())
            continue;
        const SweepSeries &s = m_sweep.series[vi];
        if (std::none_of(s.valid.begin(), s.valid.end(), [](bool v) { return v; }))
            continue;
        QVector<double> keys, values;
        for (int i = 0; i < s.x.size(); ++i) {
            keys.append(double(s.x[i]));
            const qint64 v = macs ? s.macs[i] : s.params[i];
            // Points where the graph has an error (kernel larger than the input…) are gaps.
            values.append(s.valid[i] ? double(v) : qQNaN());
            if (s.valid[i])
                yMax = std::max(yMax, double(v));
        }
        QCPGraph *graph = p->addGraph();
        graph->setData(keys, values, true);
        const QColor c = variantColor(vi);
        const bool reference = vi == m_a;
        graph->setPen(QPen(c,
                           reference   ? 2.0
                           : vi == m_b ? 2.6
                                       : 1.4,
                           reference ? Qt::DashLine : Qt::SolidLine));
        graph->setName(reference ? tr("%1 (reference)").arg(variantLabel(vi)) : variantLabel(vi));
        graph->setProperty("variant", vi);
        m_sweepGraphs[vi] = graph;
    }
    const double x0 = double(m_spec.from), x1 = double(std::max(m_spec.to, m_spec.from + 1));
    p->xAxis->setRange(x0, x1);
    p->yAxis->setRange(0, yMax > 0 ? yMax * 1.12 : 1.0);
    p->legend->setVisible(p->graphCount() > 0);

    // Break-even: where B reaches A (A is the reference).
    const bool pair =
        m_a >= 0 && m_b >= 0 && m_a < m_sweep.series.size() && m_b < m_sweep.series.size();
    QString info;
    QColor infoColor = kSame;
    if (pair) {
        const SweepSeries &ra = m_sweep.series[m_a], &rb = m_sweep.series[m_b];
        // Where B climbs to A (the bottleneck stops paying off), or else where A climbs to B
        // (B is the dearer one until then).
        const BreakEven up = findBreakEven(ra, rb);
        const std::optional<double> upX = macs ? up.macs : up.params;
        std::optional<double> downX;
        if (!upX) {
            const BreakEven down = findBreakEven(rb, ra);
            downX = macs ? down.macs : down.params;
        }
        m_breakEven = upX ? upX : downX;
        if (m_breakEven) {
            const double x = *m_breakEven;
            // Shade where B needs fewer: before the break-even, or after it.
            const double left = upX ? x0 : x, right = upX ? x : x1;
            auto *region = new QCPItemRect(p);
            region->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
            region->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
            region->topLeft->setCoords(left, 0);
            region->bottomRight->setCoords(right, 1);
            region->setPen(Qt::NoPen);
            region->setBrush(QColor(0x2E, 0x7D, 0x32, 22));
            region->setLayer(QStringLiteral("background"));
            auto *regionLabel = new QCPItemText(p);
            regionLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
            regionLabel->position->setCoords((left + right) / 2.0, 0.04);
            regionLabel->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
            regionLabel->setColor(kFewer);
            regionLabel->setFont(scaledFont(font(), 0.95));
            regionLabel->setText(phrase(tr("B needs fewer %1 here").arg(noun)));
            regionLabel->setClipToAxisRect(true);

            m_breakEvenLine = new QCPItemStraightLine(p);
            m_breakEvenLine->point1->setCoords(x, 0);
            m_breakEvenLine->point2->setCoords(x, 1);
            m_breakEvenLine->setPen(QPen(kMore, 1.6, Qt::DashDotLine));
            auto *label = new QCPItemText(p);
            label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
            const bool nearRight = (x - x0) / (x1 - x0) > 0.75;
            label->position->setCoords(x, 0.14);
            label->setPositionAlignment((nearRight ? Qt::AlignRight : Qt::AlignLeft) |
                                        Qt::AlignTop);
            label->setPadding(QMargins(5, 2, 5, 2));
            label->setColor(kMore);
            label->setBrush(QColor(255, 255, 255, 220));
            label->setFont(scaledFont(font(), 1.0, true));
            label->setText(phrase(tr("break-even ≈ %1").arg(f.real(x, 1))));
            info = upX ? tr("B stops paying off at ≈ %1: from there on it needs as many %2 as A.")
                             .arg(f.real(x, 2), noun)
                       : tr("B needs fewer %1 than A from ≈ %2 on.").arg(noun, f.real(x, 2));
            infoColor = upX ? kMore : kFewer;
        } else {
            // No crossing: B is cheaper (or dearer) over the whole range.
            int fewer = 0, valid = 0;
            for (int i = 0; i < rb.x.size(); ++i) {
                if (!ra.valid.value(i) || !rb.valid.value(i))
                    continue;
                ++valid;
                const qint64 va = macs ? ra.macs[i] : ra.params[i];
                const qint64 vb = macs ? rb.macs[i] : rb.params[i];
                fewer += vb < va ? 1 : 0;
            }
            if (valid > 0 && fewer == valid) {
                info = tr("No break-even in this range: B needs fewer %1 throughout.").arg(noun);
                infoColor = kFewer;
            } else if (valid > 0 && fewer == 0) {
                info = tr("No break-even in this range: B never needs fewer %1.").arg(noun);
                infoColor = kMore;
            } else if (valid > 0) {
                info = tr("No single break-even in this range.");
            }
        }
    } else {
        info = tr("Add two variants to the comparison to find the break-even point.");
    }
    m_sweepInfo->setText(info.isEmpty() ? QStringLiteral(" ") : phrase(info));
    m_sweepInfo->setTextColor(infoColor);

    // The document's current value.
    if (m_sweep.current >= m_spec.from && m_sweep.current <= m_spec.to) {
        const double cx = double(m_sweep.current);
        m_currentLine = new QCPItemStraightLine(p);
        m_currentLine->point1->setCoords(cx, 0);
        m_currentLine->point2->setCoords(cx, 1);
        m_currentLine->setPen(QPen(QColor(0x33, 0x33, 0x33), 1.4));
        auto *label = new QCPItemText(p);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(cx, 0.97);
        const bool nearRight = (cx - x0) / (x1 - x0) > 0.75;
        label->setPositionAlignment((nearRight ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignBottom);
        label->setPadding(QMargins(5, 2, 5, 2));
        label->setBrush(QColor(255, 255, 255, 220));
        label->setFont(scaledFont(font(), 0.95, true));
        label->setText(phrase(tr("now: %1").arg(f.integer(m_sweep.current))));
        for (QCPGraph *graph : m_sweepGraphs) {
            if (!graph)
                continue;
            auto *tracer = new QCPItemTracer(p);
            tracer->setGraph(graph);
            tracer->setGraphKey(cx);
            tracer->setInterpolating(true);
            tracer->setStyle(QCPItemTracer::tsCircle);
            tracer->setSize(8);
            tracer->setPen(QPen(graph->pen().color().darker(130), 1.5));
            tracer->setBrush(Qt::white);
        }
    }
    p->replot(QCustomPlot::rpQueuedReplot);
}

// ---- tooltips and export ----

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
