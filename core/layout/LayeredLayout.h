#pragma once

#include <QPair>
#include <QPointF>
#include <QSizeF>
#include <QVector>

namespace naqsh {

/// Which way ranks advance in a layered layout.
enum class LayoutDirection {
    TopDown,   ///< rank 0 at the top, edges point down
    LeftRight, ///< rank 0 at the left, edges point right
};

/// Direction and spacing for layeredLayout(). Distances are in scene pixels; negative or
/// non-finite values are treated as 0.
struct LayoutOptions
{
    LayoutDirection direction = LayoutDirection::TopDown;
    double layerSpacing = 60.0; ///< gap between ranks (pixels)
    double nodeSpacing = 40.0;  ///< gap between neighbours in a rank (pixels)
    /// Upper bound on the ordering sweeps of crossing reduction. 0 keeps the initial
    /// depth-first order (useful to compare against).
    int orderingSweeps = 24;
};

/// Everything a layered layout computes, for callers that also draw the edges.
struct LayeredLayoutResult
{
    LayoutDirection direction = LayoutDirection::TopDown;
    /// Top-left corner of every node, index = node. The bounding box of the nodes and routes
    /// starts at (0, 0).
    QVector<QPointF> positions;
    /// Rank of every node within its connected component (rank 0 = top or left).
    QVector<int> ranks;
    /// One polyline per input edge (same index), from the boundary of the source node that
    /// faces the target's rank to the facing boundary of the target. Between ranks a route is a
    /// single straight segment; inside a rank it only runs straight along the rank axis, so it
    /// never passes through a node. Long edges pass through places reserved for them in the
    /// ranks they cross; long edges leaving the same node (or entering the same node) share
    /// those places, so their routes overlap like a bus until they branch off. Edges turned to
    /// break a cycle are routed against the rank direction. Empty for self-loops and for edges
    /// with an out-of-range node index.
    QVector<QVector<QPointF>> edgeRoutes;
};

/// Computes a layered (Sugiyama-style) drawing of a directed graph.
///
/// Input: the size of every node (index = node) and directed edges (from, to) between node
/// indexes. Edges with an index out of range and self-loops are ignored, duplicate edges
/// count once, and cycles are broken by routing depth-first back edges against the rank
/// direction. Connected components are laid out side by side, in the order of their lowest
/// node index.
///
/// Nodes never overlap: nodes of the same rank are at least nodeSpacing apart and ranks are
/// layerSpacing apart; long edges pass at least nodeSpacing / 2 from nodes. Negative or
/// non-finite sizes count as 0. The result depends only on the input (no randomness, no
/// clock).
LayeredLayoutResult computeLayeredLayout(const QVector<QSizeF> &sizes,
                                         const QVector<QPair<int, int>> &edges,
                                         const LayoutOptions &options = {});

/// Input: node sizes (index = node) and directed edges (from, to) between node indexes.
/// Output: the top-left position of every node. Never overlapping; deterministic.
/// Same as computeLayeredLayout(sizes, edges, options).positions.
QVector<QPointF> layeredLayout(const QVector<QSizeF> &sizes, const QVector<QPair<int, int>> &edges,
                               const LayoutOptions &options = {});

/// Number of edge crossings between adjacent ranks in a result of computeLayeredLayout().
///
/// The count is geometric: it reads only result.edgeRoutes and result.direction. Route segments
/// that span exactly the same interval along the rank axis (the gap between two adjacent
/// ranks, as computeLayeredLayout() routes them) are compared, and a pair counts as one
/// crossing when their ends are in strictly opposite order across the ranks. Segments that
/// share an end, and identical segments of duplicate edges, do not count.
int countCrossings(const LayeredLayoutResult &result);

} // namespace naqsh
