// ChartsPanel's layer-by-layer tab: one stacked bar per variant, its largest layers as segments.
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

QVector<QCPBars *> ChartsPanel::segments(int variant) const
{
    return m_segments.value(variant);
}

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

} // namespace naqsh
