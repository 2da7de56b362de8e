#pragma once
// Helpers shared by ChartsPanel's sources (ChartsPanel.cpp: bars, fonts, tooltips, export;
// ChartsPanelStacked.cpp: the layer-by-layer chart; ChartsPanelSweep.cpp: the sweep chart).
// Private to ui/compare: include only from those files.

#include "analysis/Sweep.h"
#include "analysis/TooLarge.h"
#include "compare/VariantResolver.h"

#include <QColor>
#include <QFont>
#include <qcustomplot.h>

#include <algorithm>

namespace naqsh::chartsdetail {

/// The height a count is drawn at: a count too large for 64 bits is drawn as nothing (its label
/// and tooltip say "too large to count in 64 bits"), never as a negative bar.
inline double plotted(qint64 v)
{
    return isTooLarge(v) ? 0.0 : double(v);
}

inline constexpr int kQuantityCount = 3;
inline constexpr int kMaxSegments = 8; ///< per stacked bar; smaller layers are merged into "others"
inline constexpr int kSweepDelayMs = 60;
inline const QColor kFewer(0x2E, 0x7D, 0x32);
inline const QColor kMore(0xB0, 0x3A, 0x2E);
inline const QColor kSame(0x60, 0x60, 0x60);
inline const QColor kGrid(0xE3, 0xE6, 0xEA);
inline const QColor kAxis(0x70, 0x75, 0x7D);

inline QColor directionColor(qint64 a, qint64 b)
{
    const Ratio r = compareCounts(a, b);
    return r.equal ? kSame : r.fewer ? kFewer : kMore;
}

/// Presentation type is at least this large: no chart text goes below it there.
inline constexpr double kPresentationPoints = 20.0;
/// Value labels over narrow bars may shrink to this size outside presentation.
inline constexpr double kMinLabelPoints = 8.0;

inline QFont scaledFont(const QFont &base, double factor, bool bold = false)
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
inline void addCenteredLegend(QCustomPlot *plot, int row, QCPLegend *legend)
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
inline SweepSeries constantSeries(const ResolvedVariant &v, const QVector<qint64> &x)
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

} // namespace naqsh::chartsdetail
