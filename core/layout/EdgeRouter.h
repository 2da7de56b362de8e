#pragma once

#include <QPointF>
#include <QRectF>
#include <QVector>

#include <array>

namespace naqsh {

/// Routes top-down edges around node rectangles, for a drawing where edges leave a node at its
/// bottom and enter the next one at its top (the canvas, after a layered layout or after the
/// user moved nodes anywhere).
///
/// An edge whose direct curve (edgeCurve()) keeps `clearance` away from every other node is
/// left direct. Any other edge is routed as a polyline: the obstacles between its two ends are
/// grouped into horizontal bands (the ranks of a layered layout); the route crosses each band
/// straight down through a free gap between nodes, the one nearest the line towards the target,
/// and changes its horizontal place only between bands, where there is no node. So no segment
/// passes through a node rectangle other than the edge's own two nodes.
///
/// Deterministic; building the router sorts the rectangles once (O(n log n)), one route then
/// looks only at the rectangles between its two ends.
class EdgeRouter
{
public:
    /// @p nodes are the obstacles (index = node); @p clearance is the distance a route keeps
    /// from them.
    explicit EdgeRouter(QVector<QRectF> nodes, double clearance = 10.0);

    /// The route from @p from (on the bottom of node @p fromNode) to @p to (on the top of node
    /// @p toNode): two points when the direct curve is clear, otherwise the polyline's points.
    /// An edge that goes upwards (to above from: a node dragged up) keeps its direct loop when
    /// that is clear of every node, its own two included; otherwise it goes down out of its
    /// source, sideways to a free column, up it, sideways above its target and down into it,
    /// every leg clear of every node. @p fromNode / @p toNode may be -1.
    QVector<QPointF> route(QPointF from, QPointF to, int fromNode, int toNode) const;

    /// The four control points of the direct curve the canvas draws between two ports: a cubic
    /// that leaves downwards and enters from above.
    static std::array<QPointF, 4> edgeCurve(QPointF from, QPointF to);
    /// @p route as a polyline: a two-point route as its direct curve sampled at @p samples
    /// segments, a longer route as is. The geometry tests check.
    static QVector<QPointF> polyline(const QVector<QPointF> &route, int samples = 24);
    /// True if the segment a-b meets the inside of @p rect.
    static bool segmentHitsRect(QPointF a, QPointF b, const QRectF &rect);

    /// True if @p rect meets no node rectangle.
    bool isClear(const QRectF &rect) const;

    const QVector<QRectF> &nodes() const { return m_nodes; }

private:
    /// Indexes of the nodes whose rectangle, grown by the clearance, meets the rows y0..y1.
    QVector<int> nodesBetween(double y0, double y1, int skipA, int skipB) const;
    /// route() for an edge whose target is not below its source.
    QVector<QPointF> routeBackward(QPointF from, QPointF to, int fromNode, int toNode) const;
    bool polylineClear(const QVector<QPointF> &points, const QVector<int> &candidates) const;

    QVector<QRectF> m_nodes;
    QVector<int> m_byTop; ///< node indexes sorted by the top of their rectangle
    QVector<double> m_tops;
    double m_maxHeight = 0;
    double m_clearance;
};

} // namespace naqsh
