#include "BarFit.h"

#include <QFontMetrics>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace naqsh {

namespace {

constexpr int kGap = 4;       ///< pixels between two value labels, or a label and the axis
constexpr int kPadBottom = 3; ///< a value label's distance from its bar (ChartsPanel sets it)

int widestLabel(const QVector<QCPItemText *> &labels)
{
    int widest = 0;
    for (QCPItemText *t : labels)
        widest = std::max(widest, QFontMetrics(t->font()).horizontalAdvance(t->text()));
    return widest;
}

/// The smallest half key range that keeps the outer labels (@p widest pixels) inside a
/// rectangle @p width pixels wide, or 0 when no range can.
double halfRangeForEdges(int n, double step, int width, int widest)
{
    const double room = width / 2.0 - widest / 2.0 - kGap;
    if (room <= 0)
        return 0;
    return n > 1 ? (n - 1) * step * width / (4.0 * room) : 0.5;
}

} // namespace

bool fitBarPanel(const BarPanel &panel, int maxTicks, double minPoints)
{
    QCPAxisRect *rect = panel.rect;
    const int n = int(panel.labels.size());
    if (!rect || rect->width() <= 0 || rect->height() <= 0)
        return false;
    QCPAxis *x = rect->axis(QCPAxis::atBottom);
    QCPAxis *y = rect->axis(QCPAxis::atLeft);
    bool changed = false;

    // Value-axis ticks: a label's height and a half between two of them.
    const int tickLine = QFontMetrics(y->tickLabelFont()).height();
    const int ticks = std::clamp(int(rect->height() / (tickLine * 1.6)), 1, maxTicks);
    if (y->ticker()->tickCount() != ticks) {
        y->ticker()->setTickCount(ticks);
        changed = true;
    }
    if (n == 0)
        return changed;

    // Across: the labels as large as they fit, then on two heights.
    const double step = panel.step;
    const double defaultHalf = n * step / 2.0 + 0.12;
    const int width = rect->width();
    double half = 0;
    bool staggered = false;
    // The key axis's labels (A, B) sit under the bars: they need their room too.
    int tickWidest = 0;
    for (const QString &t : x->tickVectorLabels())
        tickWidest = std::max(tickWidest, QFontMetrics(x->tickLabelFont()).horizontalAdvance(t));
    for (QCPItemText *t : panel.labels) {
        QFont f = t->font();
        f.setPointSizeF(panel.points);
        t->setFont(f);
    }
    bool shown = true;
    for (;;) {
        const int widest = std::max(widestLabel(panel.labels), tickWidest);
        const double edges = halfRangeForEdges(n, step, width, widest);
        half = std::max(defaultHalf, edges);
        const double pxPerKey = width / (2.0 * half);
        const bool fits = edges > 0 && (n == 1 || step * pxPerKey >= widest + kGap);
        if (fits)
            break;
        const QFont font = panel.labels.first()->font();
        if (font.pointSizeF() - 1 >= minPoints) {
            for (QCPItemText *t : panel.labels) {
                QFont f = t->font();
                f.setPointSizeF(f.pointSizeF() - 1);
                t->setFont(f);
            }
            continue;
        }
        // Every other label one line higher: neighbours on the same height are two keys apart.
        staggered = n > 1 && edges > 0 && 2 * step * pxPerKey >= widest + kGap;
        if (!staggered) {
            // No room for the values over the bars: leave them to the tooltips and the
            // comparison cards rather than overlap them.
            shown = false;
            half = std::max(defaultHalf, halfRangeForEdges(n, step, width, tickWidest));
        }
        break;
    }
    const int line = QFontMetrics(panel.labels.first()->font()).height() + 2;
    for (int k = 0; k < n; ++k) {
        panel.labels[k]->setVisible(shown);
        panel.labels[k]->setPadding(
            QMargins(0, 0, 0, kPadBottom + (staggered && k % 2 == 1 ? line : 0)));
    }
    if (std::abs(x->range().size() - 2 * half) > 1e-6) {
        x->setRange(1.0 - half, 1.0 + half);
        changed = true;
    }

    // Up: room over the tallest bar for its label (a linear axis; a log axis has a decade).
    if (!panel.log && panel.maxValue > 0) {
        const int need = shown ? line + kPadBottom + (staggered ? line : 0) : 0;
        const int height = rect->height();
        const double upper =
            std::max(panel.maxValue * 1.18,
                     panel.maxValue * height / std::max(height - need, height * 3 / 10));
        if (std::abs(y->range().upper - upper) > upper * 0.005) {
            y->setRange(0, upper);
            changed = true;
        }
    }
    return changed;
}

} // namespace naqsh
