// ChartsPanel's sweep tab: totals against one parameter swept over a range, per variant.
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
#include <QTabWidget>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace naqsh {

using namespace chartsdetail;

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

void ChartsPanel::setSweepMetric(SweepMetric metric)
{
    m_metric = metric;
    m_metricCombo->setCurrentIndex(m_metricCombo->findData(int(metric)));
    rebuildSweepChart();
}

QCPGraph *ChartsPanel::sweepGraph(int variant) const
{
    return m_sweepGraphs.value(variant, nullptr);
}

// ---- grouped bars ----

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

} // namespace naqsh
