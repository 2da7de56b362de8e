#pragma once

#include <QVector>

class QCPAxisRect;
class QCPItemText;

namespace naqsh {

/// One panel of the grouped-bar chart as laid out: its axis rectangle, the value label over
/// each bar (in drawing order, centred on the keys 1 + (k - (n-1)/2) * step) and the largest
/// value drawn.
struct BarPanel
{
    QCPAxisRect *rect = nullptr;
    QVector<QCPItemText *> labels;
    double maxValue = 0;
    double step = 0.34; ///< key distance between neighbouring bars (bar width + spacing)
    bool log = false;
    double points = 9; ///< the value labels' full size (a fit starts from it again)
};

/// Fits the texts of @p panel to the pixels its rectangle got (call after the layout, before
/// drawing): as many value-axis ticks as their labels have room for (at most @p maxTicks),
/// room above the tallest bar for its value label, and a key range that keeps every value
/// label clear of its neighbours and of the value axis; labels that still do not fit are made
/// smaller, down to @p minPoints, then set on two heights, and hidden when even that overlaps
/// (the tooltips and the comparison cards still give them). Returns whether the tick count or
/// a range changed (the caller replots once more: tick labels move the margins).
bool fitBarPanel(const BarPanel &panel, int maxTicks, double minPoints);

} // namespace naqsh
