#include "EdgeRouter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace naqsh {

namespace {

struct Interval
{
    double lo;
    double hi;
};

/// Sorts and merges overlapping intervals.
QVector<Interval> merged(QVector<Interval> intervals)
{
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval &a, const Interval &b) { return a.lo < b.lo; });
    QVector<Interval> out;
    for (const Interval &iv : std::as_const(intervals)) {
        if (!out.isEmpty() && iv.lo <= out.last().hi)
            out.last().hi = std::max(out.last().hi, iv.hi);
        else
            out.append(iv);
    }
    return out;
}

/// The x nearest @p desired outside every interval of @p blocked (merged, sorted). In a gap
/// narrower than @p narrow between two blocked intervals, the gap's middle.
double nearestFree(const QVector<Interval> &blocked, double desired, double narrow)
{
    for (qsizetype i = 0; i < blocked.size(); ++i) {
        const Interval &iv = blocked[i];
        if (desired <= iv.lo || desired >= iv.hi)
            continue;
        const double leftLo = i > 0 ? blocked[i - 1].hi : -std::numeric_limits<double>::infinity();
        const double rightHi =
            i + 1 < blocked.size() ? blocked[i + 1].lo : std::numeric_limits<double>::infinity();
        const double left = iv.lo - leftLo < narrow ? (leftLo + iv.lo) / 2 : iv.lo;
        const double right = rightHi - iv.hi < narrow ? (iv.hi + rightHi) / 2 : iv.hi;
        return desired - left <= right - desired ? left : right;
    }
    return desired;
}

QPointF cubicAt(const std::array<QPointF, 4> &c, double t)
{
    const double u = 1 - t;
    return u * u * u * c[0] + 3 * u * u * t * c[1] + 3 * u * t * t * c[2] + t * t * t * c[3];
}

/// A bend of a routed edge between bands: leaves and arrives vertically, and stays inside the
/// box of its two ends (so inside the node-free gap between the bands).
std::array<QPointF, 4> bend(QPointF a, QPointF b)
{
    const double pull = (b.y() - a.y()) * 0.5;
    return {a, a + QPointF(0, pull), b - QPointF(0, pull), b};
}

} // namespace

EdgeRouter::EdgeRouter(QVector<QRectF> nodes, double clearance)
    : m_nodes(std::move(nodes))
    , m_clearance(std::isfinite(clearance) && clearance > 0 ? clearance : 0.0)
{
    m_byTop.resize(m_nodes.size());
    for (int i = 0; i < m_nodes.size(); ++i) {
        m_byTop[i] = i;
        m_maxHeight = std::max(m_maxHeight, m_nodes[i].height());
    }
    std::sort(m_byTop.begin(), m_byTop.end(), [this](int a, int b) {
        return m_nodes[a].top() < m_nodes[b].top() ||
               (m_nodes[a].top() == m_nodes[b].top() && a < b);
    });
    m_tops.reserve(m_byTop.size());
    for (int i : std::as_const(m_byTop))
        m_tops.append(m_nodes[i].top());
}

std::array<QPointF, 4> EdgeRouter::edgeCurve(QPointF from, QPointF to)
{
    // Leave the output downwards, enter the input from above. Backward edges (the target above
    // its source) swing wider so they read as loops, not as overlaps.
    const double dy = to.y() - from.y();
    const double pull = dy >= 0 ? std::max(dy * 0.5, 30.0) : std::max(80.0, -dy * 0.5);
    return {from, from + QPointF(0, pull), to - QPointF(0, pull), to};
}

QVector<QPointF> EdgeRouter::polyline(const QVector<QPointF> &route, int samples)
{
    if (route.size() < 2)
        return route;
    samples = std::max(samples, 1);
    QVector<QPointF> out{route.first()};
    auto sample = [&](const std::array<QPointF, 4> &c) {
        for (int k = 1; k <= samples; ++k)
            out.append(cubicAt(c, double(k) / samples));
    };
    if (route.size() == 2) {
        sample(edgeCurve(route[0], route[1]));
        return out;
    }
    for (qsizetype i = 1; i < route.size(); ++i) {
        if (route[i].x() == route[i - 1].x())
            out.append(route[i]);
        else
            sample(bend(route[i - 1], route[i]));
    }
    return out;
}

bool EdgeRouter::segmentHitsRect(QPointF a, QPointF b, const QRectF &rect)
{
    // Liang-Barsky clipping against the open rectangle.
    double t0 = 0;
    double t1 = 1;
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    auto clip = [&](double p, double q) {
        if (p == 0)
            return q > 0;
        const double r = q / p;
        if (p < 0) {
            if (r > t1)
                return false;
            t0 = std::max(t0, r);
        } else {
            if (r < t0)
                return false;
            t1 = std::min(t1, r);
        }
        return true;
    };
    if (!clip(-dx, a.x() - rect.left()) || !clip(dx, rect.right() - a.x()) ||
        !clip(-dy, a.y() - rect.top()) || !clip(dy, rect.bottom() - a.y()))
        return false;
    return (t1 - t0) * std::hypot(dx, dy) > 1e-6;
}

QVector<int> EdgeRouter::nodesBetween(double y0, double y1, int skipA, int skipB) const
{
    QVector<int> out;
    const double c = m_clearance;
    auto first = std::lower_bound(m_tops.cbegin(), m_tops.cend(), y0 - c - m_maxHeight);
    for (auto it = first; it != m_tops.cend() && *it - c < y1; ++it) {
        const int i = m_byTop[int(it - m_tops.cbegin())];
        if (i == skipA || i == skipB)
            continue;
        const QRectF &r = m_nodes[i];
        if (r.bottom() + c > y0 && r.isValid())
            out.append(i);
    }
    return out;
}

bool EdgeRouter::isClear(const QRectF &rect) const
{
    auto first = std::lower_bound(m_tops.cbegin(), m_tops.cend(), rect.top() - m_maxHeight);
    for (auto it = first; it != m_tops.cend() && *it < rect.bottom(); ++it)
        if (m_nodes[m_byTop[int(it - m_tops.cbegin())]].intersects(rect))
            return false;
    return true;
}

bool EdgeRouter::polylineClear(const QVector<QPointF> &points, const QVector<int> &candidates) const
{
    const double c = m_clearance;
    for (int i : candidates) {
        const QRectF grown = m_nodes[i].adjusted(-c, -c, c, c);
        for (qsizetype k = 1; k < points.size(); ++k)
            if (segmentHitsRect(points[k - 1], points[k], grown))
                return false;
    }
    return true;
}

QVector<QPointF> EdgeRouter::routeBackward(QPointF from, QPointF to, int fromNode, int toNode) const
{
    // Every node near the rows from above the target to below the source, the edge's own two
    // ends included: the loop must not cross them either.
    const double c = m_clearance;
    const QVector<int> near = nodesBetween(to.y() - 3 * c, from.y() + 3 * c, -1, -1);
    // The direct loop when it is clear: of the other nodes by the clearance, of its own ends.
    const QVector<QPointF> direct = polyline({from, to});
    auto directClear = [&] {
        for (int i : near) {
            const bool end = i == fromNode || i == toNode;
            const QRectF r = end ? m_nodes[i] : m_nodes[i].adjusted(-c, -c, c, c);
            for (qsizetype k = 1; k < direct.size(); ++k)
                if (segmentHitsRect(direct[k - 1], direct[k], r))
                    return false;
        }
        return true;
    };
    if (directClear())
        return {from, to};

    // Otherwise: down out of the source, sideways to a free column, up it, sideways above the
    // target and down into it. The column is the free x nearest the middle of the two ends.
    auto clear = [&](QPointF a, QPointF b) {
        for (int i : near)
            if (segmentHitsRect(a, b, m_nodes[i].adjusted(-c, -c, c, c)))
                return false;
        return true;
    };
    const double desired = (from.x() + to.x()) / 2;
    for (const double gap : {2 * c, c}) {
        const double below = from.y() + gap;
        const double above = to.y() - gap;
        QVector<Interval> blocked;
        for (int i : near) {
            const QRectF r = m_nodes[i].adjusted(-c, -c, c, c);
            if (r.top() < below && r.bottom() > above)
                blocked.append({r.left(), r.right()});
        }
        blocked = merged(blocked);
        // The candidate columns: the edges of the blocked intervals (the middle of a narrow
        // gap), nearest the desired place first.
        QVector<double> columns;
        for (qsizetype i = 0; i < blocked.size(); ++i) {
            const double lo = blocked[i].lo, hi = blocked[i].hi;
            const double prev =
                i > 0 ? blocked[i - 1].hi : -std::numeric_limits<double>::infinity();
            const double next = i + 1 < blocked.size() ? blocked[i + 1].lo
                                                       : std::numeric_limits<double>::infinity();
            columns.append(lo - prev < 6 * c ? (prev + lo) / 2 : lo);
            columns.append(next - hi < 6 * c ? (hi + next) / 2 : hi);
        }
        if (blocked.isEmpty())
            columns.append(desired);
        std::stable_sort(columns.begin(), columns.end(), [desired](double a, double b) {
            return std::abs(a - desired) < std::abs(b - desired);
        });
        for (const double x : std::as_const(columns)) {
            const QVector<QPointF> points{from,
                                          QPointF(from.x(), below),
                                          QPointF(x, below),
                                          QPointF(x, above),
                                          QPointF(to.x(), above),
                                          to};
            if (!clear(points[1], points[2]) || !clear(points[2], points[3]) ||
                !clear(points[3], points[4]))
                continue;
            QVector<QPointF> out;
            for (const QPointF &pt : points)
                if (out.isEmpty() || pt != out.last())
                    out.append(pt);
            return out;
        }
    }
    return {from, to};
}

QVector<QPointF> EdgeRouter::route(QPointF from, QPointF to, int fromNode, int toNode) const
{
    if (!std::isfinite(from.x()) || !std::isfinite(to.x()) || !std::isfinite(from.y()) ||
        !std::isfinite(to.y()))
        return {from, to};
    if (!(to.y() > from.y()))
        return routeBackward(from, to, fromNode, toNode);
    const QVector<int> candidates = nodesBetween(from.y(), to.y(), fromNode, toNode);
    if (candidates.isEmpty() || polylineClear(polyline({from, to}), candidates))
        return {from, to};

    // Bands: the rows the obstacles occupy between the two ends, merged where they overlap.
    const double c = m_clearance;
    QVector<Interval> rows;
    rows.reserve(candidates.size());
    for (int i : candidates) {
        const QRectF &r = m_nodes[i];
        rows.append({std::max(r.top() - c, from.y()), std::min(r.bottom() + c, to.y())});
    }
    const QVector<Interval> bands = merged(rows);

    QVector<QPointF> points{from};
    QPointF cur = from;
    for (const Interval &band : bands) {
        QVector<Interval> blocked;
        for (int i : candidates) {
            const QRectF &r = m_nodes[i];
            if (r.top() - c < band.hi && r.bottom() + c > band.lo)
                blocked.append({r.left() - c, r.right() + c});
        }
        blocked = merged(blocked);
        const bool noGapBefore = band.lo <= cur.y();
        const bool reachesEnd = band.hi >= to.y();
        double desired = cur.x();
        if (reachesEnd && !noGapBefore) {
            desired = to.x();
        } else if (!noGapBefore) {
            // Head for the target along the straight line from here.
            const double mid = (band.lo + band.hi) / 2;
            desired = cur.x() + (to.x() - cur.x()) * (mid - cur.y()) / (to.y() - cur.y());
        }
        const double x = nearestFree(blocked, desired, 6 * c);
        const QPointF top(x, band.lo);
        if (top != points.last())
            points.append(top);
        points.append(QPointF(x, band.hi));
        cur = points.last();
    }
    if (to != points.last())
        points.append(to);
    return points;
}

} // namespace naqsh
