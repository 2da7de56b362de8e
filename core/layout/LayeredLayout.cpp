#include "LayeredLayout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>
#include <vector>

namespace naqsh {

namespace {

// Segments inside a long edge pull harder than those touching real nodes, so long edges run
// straight between their first and last bend (Gansner et al. weight the same way in dot).
constexpr double kDummySegmentWeight = 4.0;
// Nodes with no neighbour on the side being considered keep their place, but only weakly, so
// they move aside for neighbours that do have a target.
constexpr double kAnchorWeight = 1e-3;
// How much the lone edge on one side of a fan-out or fan-in node pulls on it, relative to
// the edges of the fan.
constexpr double kSingleSidePull = 0.1;
constexpr int kMaxTransposePasses = 8;
constexpr int kMaxPlacementSweeps = 64;
constexpr double kPlacementTolerance = 0.05;
constexpr int kMaxStallingSweeps = 8;
// A second ordering start (from the bottom) wins a few crossings on small graphs but would
// double the time on large ones.
constexpr int kMaxNodesForSecondStart = 4000;

double sanitized(double value)
{
    return std::isfinite(value) && value > 0.0 ? value : 0.0;
}

struct Neighbour
{
    int node;
    double weight;
};

struct DagEdge
{
    int from;
    int to;
};

/// One connected component with virtual nodes on long edges. Real nodes come first
/// (0 .. realCount-1, in input index order), virtual nodes after them.
struct LayerGraph
{
    int realCount = 0;
    std::vector<int> rank;
    std::vector<double> breadth; // extent across the rank direction
    std::vector<double> depth;   // extent along the rank direction
    std::vector<std::vector<Neighbour>> up;
    std::vector<std::vector<Neighbour>> down;
    std::vector<std::vector<int>> layers;
    std::vector<int> order;     // index within its layer
    std::vector<double> centre; // across the rank direction

    int nodeCount() const { return int(rank.size()); }
    bool isVirtual(int node) const { return node >= realCount; }

    int addNode(int nodeRank, double nodeBreadth, double nodeDepth)
    {
        rank.push_back(nodeRank);
        breadth.push_back(nodeBreadth);
        depth.push_back(nodeDepth);
        up.emplace_back();
        down.emplace_back();
        return nodeCount() - 1;
    }

    void connect(int from, int to, double weight)
    {
        down[from].push_back({to, weight});
        up[to].push_back({from, weight});
    }

    void updateOrder(int layer)
    {
        const std::vector<int> &nodes = layers[layer];
        for (int i = 0; i < int(nodes.size()); ++i)
            order[nodes[i]] = i;
    }
};

// ---------------------------------------------------------------------------------------------
// Cycle removal and ranking on the whole input graph

/// Marks edges that close a cycle in a depth-first search. Searches start at sources so that
/// the natural flow of a network (input -> output) is kept and only true back edges turn.
std::vector<bool> findBackEdges(int nodeCount, const std::vector<DagEdge> &edges)
{
    std::vector<std::vector<int>> outgoing(nodeCount);
    std::vector<int> inDegree(nodeCount, 0);
    for (int e = 0; e < int(edges.size()); ++e) {
        outgoing[edges[e].from].push_back(e);
        ++inDegree[edges[e].to];
    }

    std::vector<int> roots;
    roots.reserve(2 * nodeCount);
    for (int v = 0; v < nodeCount; ++v) {
        if (inDegree[v] == 0)
            roots.push_back(v);
    }
    for (int v = 0; v < nodeCount; ++v)
        roots.push_back(v);

    enum : char { Unvisited, OnStack, Done };
    std::vector<char> state(nodeCount, Unvisited);
    std::vector<bool> back(edges.size(), false);
    std::vector<std::pair<int, int>> stack; // node, next outgoing edge
    for (int root : roots) {
        if (state[root] != Unvisited)
            continue;
        state[root] = OnStack;
        stack.push_back({root, 0});
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            if (next == int(outgoing[node].size())) {
                state[node] = Done;
                stack.pop_back();
                continue;
            }
            const int e = outgoing[node][next++];
            const int target = edges[e].to;
            if (state[target] == OnStack) {
                back[e] = true;
            } else if (state[target] == Unvisited) {
                state[target] = OnStack;
                stack.push_back({target, 0});
            }
        }
    }
    return back;
}

/// Longest-path ranking, then every source moves down to the rank just above its highest
/// successor: longest path puts all sources on rank 0, which stretches the edges of side
/// inputs that are only used late in a network.
std::vector<int> assignRanks(int nodeCount, const std::vector<DagEdge> &dagEdges)
{
    std::vector<std::vector<int>> successors(nodeCount);
    std::vector<int> inDegree(nodeCount, 0);
    for (const DagEdge &e : dagEdges) {
        successors[e.from].push_back(e.to);
        ++inDegree[e.to];
    }

    std::vector<int> topological;
    topological.reserve(nodeCount);
    std::vector<int> remaining = inDegree;
    for (int v = 0; v < nodeCount; ++v) {
        if (remaining[v] == 0)
            topological.push_back(v);
    }
    std::vector<int> rank(nodeCount, 0);
    for (int i = 0; i < int(topological.size()); ++i) {
        const int v = topological[i];
        for (int w : successors[v]) {
            rank[w] = std::max(rank[w], rank[v] + 1);
            if (--remaining[w] == 0)
                topological.push_back(w);
        }
    }

    for (int v = 0; v < nodeCount; ++v) {
        if (inDegree[v] != 0 || successors[v].empty())
            continue;
        int lowest = rank[successors[v].front()];
        for (int w : successors[v])
            lowest = std::min(lowest, rank[w]);
        rank[v] = lowest - 1;
    }
    return rank;
}

int findRoot(std::vector<int> &parent, int v)
{
    while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

// ---------------------------------------------------------------------------------------------
// Crossing reduction

/// Depth-first order from the top ranks down (or from the bottom ranks up): trees and
/// series-parallel blocks come out without crossings, which gives the sweeps a good start.
void initialOrder(LayerGraph &g, bool fromBottom)
{
    int rankCount = 0;
    for (int r : g.rank)
        rankCount = std::max(rankCount, r + 1);
    g.layers.assign(rankCount, {});
    g.order.assign(g.nodeCount(), 0);

    std::vector<int> roots(g.realCount);
    std::iota(roots.begin(), roots.end(), 0);
    std::stable_sort(roots.begin(), roots.end(), [&](int a, int b) {
        return fromBottom ? g.rank[a] > g.rank[b] : g.rank[a] < g.rank[b];
    });
    const std::vector<std::vector<Neighbour>> &next = fromBottom ? g.up : g.down;

    std::vector<bool> visited(g.nodeCount(), false);
    std::vector<std::pair<int, int>> stack;
    auto visit = [&](int v) {
        visited[v] = true;
        g.layers[g.rank[v]].push_back(v);
        stack.push_back({v, 0});
    };
    for (int root : roots) {
        if (visited[root])
            continue;
        visit(root);
        while (!stack.empty()) {
            auto &[node, child] = stack.back();
            if (child == int(next[node].size())) {
                stack.pop_back();
                continue;
            }
            const int v = next[node][child++].node;
            if (!visited[v])
                visit(v);
        }
    }
    for (int r = 0; r < rankCount; ++r)
        g.updateOrder(r);
}

/// Counts crossings with the accumulator tree of Barth, Jünger and Mutzel (2004).
class CrossingCounter
{
public:
    qint64 bandCrossings(const LayerGraph &g, int upper)
    {
        m_south.clear();
        for (int v : g.layers[upper]) {
            const std::size_t first = m_south.size();
            for (const Neighbour &n : g.down[v])
                m_south.push_back(g.order[n.node]);
            std::sort(m_south.begin() + first, m_south.end());
        }
        const int width = int(g.layers[upper + 1].size());
        m_tree.assign(width + 1, 0);
        qint64 crossings = 0;
        for (int i = 0; i < int(m_south.size()); ++i) {
            // Edges already inserted whose south end is strictly right of this one cross it.
            int notRight = 0;
            for (int k = m_south[i] + 1; k > 0; k -= k & -k)
                notRight += m_tree[k];
            crossings += i - notRight;
            for (int k = m_south[i] + 1; k <= width; k += k & -k)
                ++m_tree[k];
        }
        return crossings;
    }

    qint64 total(const LayerGraph &g)
    {
        qint64 sum = 0;
        for (int r = 0; r + 1 < int(g.layers.size()); ++r)
            sum += bandCrossings(g, r);
        return sum;
    }

private:
    std::vector<int> m_south;
    std::vector<int> m_tree;
};

class Orderer
{
public:
    explicit Orderer(LayerGraph &graph)
        : m_g(graph)
    {
    }

    /// Orders every rank, starting from the top and, for graphs small enough to afford it, a
    /// second time from the bottom; keeps the ordering with the fewest crossings.
    void run(int maxSweeps)
    {
        qint64 best = std::numeric_limits<qint64>::max();
        std::vector<std::vector<int>> bestLayers;
        for (bool fromBottom : {false, true}) {
            if (fromBottom && (maxSweeps == 0 || m_g.nodeCount() > kMaxNodesForSecondStart))
                break;
            initialOrder(m_g, fromBottom);
            const qint64 crossings = sweep(maxSweeps, fromBottom);
            if (crossings < best) {
                best = crossings;
                bestLayers = m_g.layers;
            }
            if (best == 0)
                break;
        }
        m_g.layers = std::move(bestLayers);
        for (int r = 0; r < int(m_g.layers.size()); ++r)
            m_g.updateOrder(r);
    }

private:
    /// Median sweeps with transposition from the current order, leaving the best ordering seen
    /// in place. Returns its crossing count.
    qint64 sweep(int maxSweeps, bool upFirst)
    {
        qint64 best = m_counter.total(m_g);
        std::vector<std::vector<int>> bestLayers = m_g.layers;
        const int rankCount = int(m_g.layers.size());
        int stalled = 0;
        for (int i = 0; i < maxSweeps && best > 0 && stalled < kMaxStallingSweeps; ++i) {
            if ((i % 2 == 0) != upFirst) {
                for (int r = 1; r < rankCount; ++r)
                    reorderByMedian(r, true);
            } else {
                for (int r = rankCount - 2; r >= 0; --r)
                    reorderByMedian(r, false);
            }
            transpose(i % 4 >= 2);
            const qint64 crossings = m_counter.total(m_g);
            if (crossings < best) {
                best = crossings;
                bestLayers = m_g.layers;
                stalled = 0;
            } else {
                ++stalled;
            }
        }
        m_g.layers = std::move(bestLayers);
        for (int r = 0; r < rankCount; ++r)
            m_g.updateOrder(r);
        return best;
    }

    /// Weighted median of the neighbours' positions (Gansner et al. 1993): the median is less
    /// swayed than the barycentre by a few far neighbours, which matters for the many long
    /// edges of dense blocks. For an even count the two middle positions are interpolated
    /// towards the side where the neighbours are packed more tightly.
    double medianKey(const std::vector<Neighbour> &neighbours)
    {
        m_positionsV.clear();
        for (const Neighbour &n : neighbours)
            m_positionsV.push_back(m_g.order[n.node]);
        std::sort(m_positionsV.begin(), m_positionsV.end());
        const std::vector<int> &p = m_positionsV;
        const int count = int(p.size());
        const int mid = count / 2;
        if (count % 2 == 1)
            return p[mid];
        if (count == 2)
            return (p[0] + p[1]) / 2.0;
        const double left = p[mid - 1] - p[0];
        const double right = p[count - 1] - p[mid];
        if (left + right == 0.0)
            return (p[mid - 1] + p[mid]) / 2.0;
        return (p[mid - 1] * right + p[mid] * left) / (left + right);
    }

    void reorderByMedian(int layer, bool fromAbove)
    {
        std::vector<int> &nodes = m_g.layers[layer];
        const int width = int(nodes.size());
        m_keyed.clear();
        m_fixedSlot.assign(width, false);
        for (int i = 0; i < width; ++i) {
            const auto &neighbours = fromAbove ? m_g.up[nodes[i]] : m_g.down[nodes[i]];
            if (neighbours.empty())
                m_fixedSlot[i] = true; // nothing pulls it anywhere: it keeps its slot
            else
                m_keyed.push_back({medianKey(neighbours), i});
        }
        std::stable_sort(m_keyed.begin(), m_keyed.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        m_scratch.resize(width);
        int next = 0;
        for (int i = 0; i < width; ++i)
            m_scratch[i] = m_fixedSlot[i] ? nodes[i] : nodes[m_keyed[next++].second];
        nodes.swap(m_scratch);
        m_g.updateOrder(layer);
    }

    /// Crossings among the edges of v and w on one side, with v placed left of w (first) and
    /// with w left of v (second).
    std::pair<qint64, qint64> pairCrossings(const std::vector<Neighbour> &ofV,
                                            const std::vector<Neighbour> &ofW)
    {
        if (ofV.empty() || ofW.empty())
            return {0, 0};
        if (ofV.size() == 1 && ofW.size() == 1) { // the common case: virtual nodes
            const int a = m_g.order[ofV.front().node];
            const int b = m_g.order[ofW.front().node];
            return {a > b ? 1 : 0, b > a ? 1 : 0};
        }
        m_positionsV.clear();
        m_positionsW.clear();
        for (const Neighbour &n : ofV)
            m_positionsV.push_back(m_g.order[n.node]);
        for (const Neighbour &n : ofW)
            m_positionsW.push_back(m_g.order[n.node]);
        std::sort(m_positionsV.begin(), m_positionsV.end());
        std::sort(m_positionsW.begin(), m_positionsW.end());
        qint64 vLeft = 0;
        qint64 wLeft = 0;
        std::size_t below = 0;
        std::size_t notAbove = 0;
        for (int a : m_positionsV) {
            while (below < m_positionsW.size() && m_positionsW[below] < a)
                ++below;
            while (notAbove < m_positionsW.size() && m_positionsW[notAbove] <= a)
                ++notAbove;
            vLeft += qint64(below);
            wLeft += qint64(m_positionsW.size() - notAbove);
        }
        return {vLeft, wLeft};
    }

    /// Swaps neighbours in a rank while that removes crossings (the "transpose" step of dot).
    /// With acceptEqual, swaps that keep the count are taken too, to walk off plateaus.
    void transpose(bool acceptEqual)
    {
        const int rankCount = int(m_g.layers.size());
        // Only ranks next to a rank that changed in the previous pass can gain from a swap.
        m_candidate.assign(rankCount, true);
        for (int pass = 0; pass < kMaxTransposePasses; ++pass) {
            m_changed.assign(rankCount, false);
            bool anyChange = false;
            for (int r = 0; r < rankCount; ++r) {
                if (!m_candidate[r])
                    continue;
                std::vector<int> &nodes = m_g.layers[r];
                for (int i = 0; i + 1 < int(nodes.size()); ++i) {
                    const int v = nodes[i];
                    const int w = nodes[i + 1];
                    const auto [upKeep, upSwap] = pairCrossings(m_g.up[v], m_g.up[w]);
                    const auto [downKeep, downSwap] = pairCrossings(m_g.down[v], m_g.down[w]);
                    const qint64 keep = upKeep + downKeep;
                    const qint64 swapped = upSwap + downSwap;
                    if (swapped < keep || (acceptEqual && keep > 0 && swapped == keep)) {
                        std::swap(nodes[i], nodes[i + 1]);
                        m_g.order[v] = i + 1;
                        m_g.order[w] = i;
                    }
                    // Equal swaps do not count as progress, or two nodes could swap forever.
                    if (swapped < keep) {
                        m_changed[r] = true;
                        anyChange = true;
                    }
                }
            }
            if (!anyChange)
                break;
            for (int r = 0; r < rankCount; ++r) {
                m_candidate[r] = m_changed[r] || (r > 0 && m_changed[r - 1]) ||
                                 (r + 1 < rankCount && m_changed[r + 1]);
            }
        }
    }

    LayerGraph &m_g;
    CrossingCounter m_counter;
    std::vector<std::pair<double, int>> m_keyed;
    std::vector<bool> m_fixedSlot;
    std::vector<int> m_scratch;
    std::vector<int> m_positionsV;
    std::vector<int> m_positionsW;
    std::vector<bool> m_candidate;
    std::vector<bool> m_changed;
};

// ---------------------------------------------------------------------------------------------
// Coordinate assignment

/// Places nodes across the rank direction by minimising the weighted sum of squared edge
/// offsets, sum w (x_u - x_v)^2, subject to the spacing between neighbours in a rank. Each
/// rank is solved exactly with the other ranks fixed (a weighted isotonic regression, solved
/// by pool-adjacent-violators), sweeping down and up until nothing moves. Squared offsets
/// put a node at the mean of its neighbours, so a fan-out node lands centred over its
/// branches and a concat centred under them; spacing can only push nodes apart, never make
/// them overlap.
class Placer
{
public:
    Placer(LayerGraph &graph, double nodeSpacing)
        : m_g(graph)
        , m_nodeSpacing(nodeSpacing)
    {
    }

    void run()
    {
        const int rankCount = int(m_g.layers.size());
        m_g.centre.assign(m_g.nodeCount(), 0.0);
        m_pinned.assign(m_g.nodeCount(), false);
        for (int r = 0; r < rankCount; ++r)
            packCentred(r);

        // One-sided sweeps first: they carry a position through a whole chain in a single
        // pass, which the two-sided sweeps would only diffuse slowly.
        for (int r = 1; r < rankCount; ++r)
            placeLayer(r, true, false);
        for (int r = rankCount - 2; r >= 0; --r)
            placeLayer(r, false, true);
        relax();

        // Squared offsets spread a bend evenly along a chain, which draws a slanted line of
        // nodes; straight chains read better, so chains are pinned straight and the rest of
        // the graph settles around them.
        straightenChains();
        relax();
    }

    /// Minimum centre-to-centre distance of two neighbours in a rank.
    double separation(int a, int b) const
    {
        const bool bothReal = !m_g.isVirtual(a) && !m_g.isVirtual(b);
        const double gap = bothReal ? m_nodeSpacing : m_nodeSpacing / 2.0;
        return (m_g.breadth[a] + m_g.breadth[b]) / 2.0 + gap;
    }

private:
    void relax()
    {
        const int rankCount = int(m_g.layers.size());
        for (int sweep = 0; sweep < kMaxPlacementSweeps; ++sweep) {
            double moved = 0.0;
            if (sweep % 2 == 0) {
                for (int r = 0; r < rankCount; ++r)
                    moved = std::max(moved, placeLayer(r, true, true));
            } else {
                for (int r = rankCount - 1; r >= 0; --r)
                    moved = std::max(moved, placeLayer(r, true, true));
            }
            if (moved < kPlacementTolerance)
                break;
        }
    }

    void packCentred(int layer)
    {
        const std::vector<int> &nodes = m_g.layers[layer];
        if (nodes.empty())
            return;
        double x = 0.0;
        m_g.centre[nodes[0]] = 0.0;
        for (int i = 1; i < int(nodes.size()); ++i) {
            x += separation(nodes[i - 1], nodes[i]);
            m_g.centre[nodes[i]] = x;
        }
        for (int v : nodes)
            m_g.centre[v] -= x / 2.0;
    }

    bool isLink(int v) const { return m_g.up[v].size() == 1 && m_g.down[v].size() == 1; }

    /// A real node that fans out should sit over its children and one that fans in under its
    /// parents, so the lone edge on its other side gives way. With plain squared offsets such
    /// a node would end up halfway between both sides, off-centre to its branches. The
    /// weight stays the same seen from both ends, so the placement still minimises one
    /// objective and the sweeps converge.
    double edgeWeight(int from, int to, double weight) const
    {
        const bool fromFansInOnly =
            !m_g.isVirtual(from) && m_g.up[from].size() >= 2 && m_g.down[from].size() == 1;
        const bool toFansOutOnly =
            !m_g.isVirtual(to) && m_g.down[to].size() >= 2 && m_g.up[to].size() == 1;
        return fromFansInOnly || toFansOutOnly ? weight * kSingleSidePull : weight;
    }

    /// A chain is a maximal vertical run of nodes with exactly one neighbour above and one
    /// below: the virtual nodes of a long edge, or a sequence like conv -> bn -> relu. Each
    /// chain, longest first, moves to one common position: the weighted mean of the nodes at
    /// its two ends, kept where the free nodes between it and the chains pinned before it
    /// still fit. Then it is pinned there.
    void straightenChains()
    {
        std::vector<std::vector<int>> chains;
        for (int v = 0; v < m_g.nodeCount(); ++v) {
            if (!isLink(v) || isLink(m_g.up[v].front().node))
                continue;
            std::vector<int> chain{v};
            while (isLink(m_g.down[chain.back()].front().node))
                chain.push_back(m_g.down[chain.back()].front().node);
            if (chain.size() >= 2)
                chains.push_back(std::move(chain));
        }
        std::stable_sort(chains.begin(), chains.end(),
                         [](const auto &a, const auto &b) { return a.size() > b.size(); });

        // packed[r][i]: centre of node i of rank r when the rank is packed tight from 0, so
        // the room needed between nodes i and j is packed[r][j] - packed[r][i].
        std::vector<std::vector<double>> packed(m_g.layers.size());
        for (std::size_t r = 0; r < m_g.layers.size(); ++r) {
            const std::vector<int> &nodes = m_g.layers[r];
            packed[r].assign(nodes.size(), 0.0);
            for (std::size_t i = 1; i < nodes.size(); ++i)
                packed[r][i] = packed[r][i - 1] + separation(nodes[i - 1], nodes[i]);
        }

        constexpr double infinity = std::numeric_limits<double>::infinity();
        for (const std::vector<int> &chain : chains) {
            double low = -infinity;
            double high = infinity;
            for (int v : chain) {
                const int r = m_g.rank[v];
                const std::vector<int> &nodes = m_g.layers[r];
                const int i = m_g.order[v];
                for (int k = i - 1; k >= 0; --k) {
                    if (m_pinned[nodes[k]]) {
                        low = std::max(low, m_g.centre[nodes[k]] + packed[r][i] - packed[r][k]);
                        break;
                    }
                }
                for (int k = i + 1; k < int(nodes.size()); ++k) {
                    if (m_pinned[nodes[k]]) {
                        high = std::min(high, m_g.centre[nodes[k]] - packed[r][k] + packed[r][i]);
                        break;
                    }
                }
            }
            if (low > high)
                continue;
            const Neighbour &top = m_g.up[chain.front()].front();
            const Neighbour &bottom = m_g.down[chain.back()].front();
            const double target =
                (top.weight * m_g.centre[top.node] + bottom.weight * m_g.centre[bottom.node]) /
                (top.weight + bottom.weight);
            const double x = std::clamp(target, low, high);
            for (int v : chain) {
                m_g.centre[v] = x;
                m_pinned[v] = true;
            }
        }
    }

    /// Places the free nodes of a rank with the other ranks and pinned nodes fixed. Returns the
    /// largest distance a node moved.
    double placeLayer(int layer, bool useUp, bool useDown)
    {
        const std::vector<int> &nodes = m_g.layers[layer];
        const int width = int(nodes.size());
        constexpr double infinity = std::numeric_limits<double>::infinity();
        double moved = 0.0;
        int first = 0;
        while (first < width) {
            if (m_pinned[nodes[first]]) {
                ++first;
                continue;
            }
            int last = first;
            while (last + 1 < width && !m_pinned[nodes[last + 1]])
                ++last;
            const double low = first > 0 ? m_g.centre[nodes[first - 1]] +
                                               separation(nodes[first - 1], nodes[first])
                                         : -infinity;
            const double high = last + 1 < width ? m_g.centre[nodes[last + 1]] -
                                                       separation(nodes[last], nodes[last + 1])
                                                 : infinity;
            moved = std::max(moved, placeRun(nodes, first, last, low, high, useUp, useDown));
            first = last + 1;
        }
        return moved;
    }

    /// Solves one run of free neighbours nodes[first..last] whose first centre must stay at or
    /// above low and whose last centre must stay at or below high.
    double placeRun(const std::vector<int> &nodes, int first, int last, double low, double high,
                    bool useUp, bool useDown)
    {
        m_blocks.clear();
        m_offsets.resize(last - first + 1);
        double offset = 0.0;
        for (int i = first; i <= last; ++i) {
            const int v = nodes[i];
            if (i > first)
                offset += separation(nodes[i - 1], v);
            m_offsets[i - first] = offset;

            double sum = 0.0;
            double weight = 0.0;
            if (useUp) {
                for (const Neighbour &n : m_g.up[v]) {
                    const double w = edgeWeight(n.node, v, n.weight);
                    sum += w * m_g.centre[n.node];
                    weight += w;
                }
            }
            if (useDown) {
                for (const Neighbour &n : m_g.down[v]) {
                    const double w = edgeWeight(v, n.node, n.weight);
                    sum += w * m_g.centre[n.node];
                    weight += w;
                }
            }
            if (weight == 0.0) {
                sum = kAnchorWeight * m_g.centre[v];
                weight = kAnchorWeight;
            }
            // Substituting y_i = x_i - offset_i turns the spacing constraints into y being
            // non-decreasing: a weighted isotonic regression.
            Block block{weight, sum - weight * offset, i + 1};
            while (!m_blocks.empty() && m_blocks.back().mean() >= block.mean()) {
                block.weight += m_blocks.back().weight;
                block.weightedSum += m_blocks.back().weightedSum;
                m_blocks.pop_back();
            }
            m_blocks.push_back(block);
        }

        // With a common bound on every y, clamping the unbounded solution is optimal.
        const double lowY = low;
        const double highY = high - offset;
        double moved = 0.0;
        int i = first;
        for (const Block &block : m_blocks) {
            const double y = std::min(std::max(block.mean(), lowY), highY);
            for (; i < block.end; ++i) {
                const double x = y + m_offsets[i - first];
                moved = std::max(moved, std::abs(x - m_g.centre[nodes[i]]));
                m_g.centre[nodes[i]] = x;
            }
        }
        return moved;
    }

    struct Block
    {
        double weight;
        double weightedSum;
        int end;
        double mean() const { return weightedSum / weight; }
    };

    LayerGraph &m_g;
    double m_nodeSpacing;
    std::vector<bool> m_pinned;
    std::vector<Block> m_blocks;
    std::vector<double> m_offsets;
};

// ---------------------------------------------------------------------------------------------
// Putting it together

QPointF toScene(LayoutDirection direction, double across, double along)
{
    return direction == LayoutDirection::TopDown ? QPointF(across, along) : QPointF(along, across);
}

/// Virtual nodes shared by the long edges that leave (or enter) one node: one per rank from
/// firstRank to lastRank, in the component of that node.
struct Bus
{
    bool fromSource = true; // shared by the edges leaving `end`, or else entering it
    int end = 0;            // input index of the shared node
    int firstRank = 0;
    int lastRank = 0;
    double weight = 0.0;    // total multiplicity of its edges
    std::vector<int> nodes; // layer-graph nodes, from firstRank on
};

/// A laid-out component in its own coordinates: across starts at 0, along starts at 0.
struct PlacedComponent
{
    LayerGraph graph;
    std::vector<double> bandStart;
    std::vector<double> bandDepth;

    double nodeTop(int v) const
    {
        const int r = graph.rank[v];
        return bandStart[r] + (bandDepth[r] - graph.depth[v]) / 2.0;
    }
};

} // namespace

LayeredLayoutResult computeLayeredLayout(const QVector<QSizeF> &sizes,
                                         const QVector<QPair<int, int>> &edges,
                                         const LayoutOptions &options)
{
    LayeredLayoutResult result;
    result.direction = options.direction;
    const int nodeCount = int(sizes.size());
    result.positions.resize(nodeCount);
    result.ranks.resize(nodeCount);
    result.edgeRoutes.resize(edges.size());
    if (nodeCount == 0)
        return result;

    const bool topDown = options.direction == LayoutDirection::TopDown;
    const double layerSpacing = sanitized(options.layerSpacing);
    const double nodeSpacing = sanitized(options.nodeSpacing);

    // Valid input edges, then the same edges with back edges turned round, then those
    // deduplicated (with multiplicity) into the acyclic graph that is laid out.
    std::vector<DagEdge> valid;
    std::vector<int> inputOfValid;
    for (int e = 0; e < int(edges.size()); ++e) {
        const auto [from, to] = edges[e];
        if (from < 0 || to < 0 || from >= nodeCount || to >= nodeCount || from == to)
            continue;
        valid.push_back({from, to});
        inputOfValid.push_back(e);
    }
    const std::vector<bool> reversed = findBackEdges(nodeCount, valid);
    std::vector<DagEdge> oriented(valid.size());
    for (std::size_t i = 0; i < valid.size(); ++i)
        oriented[i] = reversed[i] ? DagEdge{valid[i].to, valid[i].from} : valid[i];

    std::vector<int> byPair(valid.size());
    std::iota(byPair.begin(), byPair.end(), 0);
    std::sort(byPair.begin(), byPair.end(), [&](int a, int b) {
        return std::tie(oriented[a].from, oriented[a].to) <
               std::tie(oriented[b].from, oriented[b].to);
    });
    std::vector<DagEdge> dagEdges;
    std::vector<int> multiplicity;
    std::vector<int> dagOfValid(valid.size());
    for (int i : byPair) {
        if (dagEdges.empty() || dagEdges.back().from != oriented[i].from ||
            dagEdges.back().to != oriented[i].to) {
            dagEdges.push_back(oriented[i]);
            multiplicity.push_back(0);
        }
        ++multiplicity.back();
        dagOfValid[i] = int(dagEdges.size()) - 1;
    }

    const std::vector<int> globalRank = assignRanks(nodeCount, dagEdges);

    std::vector<int> parent(nodeCount);
    std::iota(parent.begin(), parent.end(), 0);
    for (const DagEdge &e : dagEdges)
        parent[findRoot(parent, e.from)] = findRoot(parent, e.to);
    std::vector<int> componentOfRoot(nodeCount, -1);
    std::vector<int> component(nodeCount);
    std::vector<std::vector<int>> members;
    for (int v = 0; v < nodeCount; ++v) {
        const int root = findRoot(parent, v);
        if (componentOfRoot[root] < 0) {
            componentOfRoot[root] = int(members.size());
            members.emplace_back();
        }
        component[v] = componentOfRoot[root];
        members[component[v]].push_back(v);
    }
    std::vector<int> localIndex(nodeCount);
    std::vector<PlacedComponent> placed(members.size());
    for (std::size_t c = 0; c < members.size(); ++c) {
        LayerGraph &g = placed[c].graph;
        int minRank = globalRank[members[c].front()];
        for (int v : members[c])
            minRank = std::min(minRank, globalRank[v]);
        g.realCount = int(members[c].size());
        for (int v : members[c]) {
            const QSizeF size = sizes[v];
            const double w = sanitized(size.width());
            const double h = sanitized(size.height());
            localIndex[v] = g.addNode(globalRank[v] - minRank, topDown ? w : h, topDown ? h : w);
        }
    }

    // Long edges get one virtual node in every rank they cross. Long edges that leave the
    // same node share their virtual nodes, like a bus, and so do long edges that enter the
    // same node (whichever side gathers more of them). A node that feeds every block of a
    // deep network then costs one virtual node per rank instead of one per edge and rank.
    auto localRank = [&](int v) { return placed[component[v]].graph.rank[localIndex[v]]; };
    std::vector<int> longOut(nodeCount, 0);
    std::vector<int> longIn(nodeCount, 0);
    for (const DagEdge &e : dagEdges) {
        if (localRank(e.to) - localRank(e.from) > 1) {
            ++longOut[e.from];
            ++longIn[e.to];
        }
    }
    std::vector<Bus> buses;
    std::vector<int> busOfEdge(dagEdges.size(), -1);
    {
        std::vector<int> sourceBus(nodeCount, -1);
        std::vector<int> targetBus(nodeCount, -1);
        for (std::size_t e = 0; e < dagEdges.size(); ++e) {
            const auto [from, to] = dagEdges[e];
            if (localRank(to) - localRank(from) <= 1)
                continue;
            const bool fromSource = longOut[from] >= longIn[to];
            int &id = fromSource ? sourceBus[from] : targetBus[to];
            if (id < 0) {
                id = int(buses.size());
                Bus bus;
                bus.fromSource = fromSource;
                bus.end = fromSource ? from : to;
                bus.firstRank = localRank(from) + 1;
                bus.lastRank = localRank(to) - 1;
                buses.push_back(std::move(bus));
            }
            Bus &bus = buses[id];
            bus.firstRank = std::min(bus.firstRank, localRank(from) + 1);
            bus.lastRank = std::max(bus.lastRank, localRank(to) - 1);
            bus.weight += multiplicity[e];
            busOfEdge[e] = id;
        }
    }
    std::vector<std::vector<double>> busCoverage(buses.size());
    for (std::size_t b = 0; b < buses.size(); ++b) {
        Bus &bus = buses[b];
        LayerGraph &g = placed[component[bus.end]].graph;
        for (int r = bus.firstRank; r <= bus.lastRank; ++r)
            bus.nodes.push_back(g.addNode(r, 0.0, 0.0));
        busCoverage[b].assign(bus.nodes.size(), 0.0);
    }

    // Connections are made in edge order so that children keep their input order.
    for (std::size_t e = 0; e < dagEdges.size(); ++e) {
        LayerGraph &g = placed[component[dagEdges[e].from]].graph;
        const int from = localIndex[dagEdges[e].from];
        const int to = localIndex[dagEdges[e].to];
        const double weight = multiplicity[e];
        if (busOfEdge[e] < 0) {
            g.connect(from, to, weight);
            continue;
        }
        Bus &bus = buses[busOfEdge[e]];
        const int entry = g.rank[from] + 1 - bus.firstRank;
        const int exit = g.rank[to] - 1 - bus.firstRank;
        std::vector<double> &coverage = busCoverage[busOfEdge[e]];
        coverage[entry] += weight; // difference array of the segments the edge runs along
        coverage[exit] -= weight;
        if (!bus.fromSource) {
            g.connect(from, bus.nodes[entry], weight);
        } else {
            if (g.up[bus.nodes.front()].empty())
                g.connect(from, bus.nodes.front(), bus.weight);
            g.connect(bus.nodes[exit], to, weight);
        }
    }
    for (std::size_t b = 0; b < buses.size(); ++b) {
        const Bus &bus = buses[b];
        LayerGraph &g = placed[component[bus.end]].graph;
        double running = 0.0;
        for (std::size_t k = 0; k + 1 < bus.nodes.size(); ++k) {
            running += busCoverage[b][k];
            g.connect(bus.nodes[k], bus.nodes[k + 1], running * kDummySegmentWeight);
        }
        if (!bus.fromSource)
            g.connect(bus.nodes.back(), localIndex[bus.end], bus.weight);
    }

    double cursor = 0.0;
    std::vector<double> componentOffset(placed.size());
    for (std::size_t c = 0; c < placed.size(); ++c) {
        PlacedComponent &pc = placed[c];
        LayerGraph &g = pc.graph;
        Orderer(g).run(std::max(0, options.orderingSweeps));
        Placer(g, nodeSpacing).run();

        const int rankCount = int(g.layers.size());
        pc.bandDepth.assign(rankCount, 0.0);
        pc.bandStart.assign(rankCount, 0.0);
        for (int v = 0; v < g.nodeCount(); ++v)
            pc.bandDepth[g.rank[v]] = std::max(pc.bandDepth[g.rank[v]], g.depth[v]);
        for (int r = 1; r < rankCount; ++r)
            pc.bandStart[r] = pc.bandStart[r - 1] + pc.bandDepth[r - 1] + layerSpacing;

        double left = g.centre[0] - g.breadth[0] / 2.0;
        double right = g.centre[0] + g.breadth[0] / 2.0;
        for (int v = 1; v < g.nodeCount(); ++v) {
            left = std::min(left, g.centre[v] - g.breadth[v] / 2.0);
            right = std::max(right, g.centre[v] + g.breadth[v] / 2.0);
        }
        componentOffset[c] = cursor - left;
        cursor += right - left + nodeSpacing;
    }

    for (int v = 0; v < nodeCount; ++v) {
        const PlacedComponent &pc = placed[component[v]];
        const int local = localIndex[v];
        const double across =
            pc.graph.centre[local] + componentOffset[component[v]] - pc.graph.breadth[local] / 2.0;
        result.positions[v] = toScene(options.direction, across, pc.nodeTop(local));
        result.ranks[v] = pc.graph.rank[local];
    }

    std::vector<QPointF> route;
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const int e = dagOfValid[i];
        const int c = component[dagEdges[e].from];
        const PlacedComponent &pc = placed[c];
        const LayerGraph &g = pc.graph;
        auto addPoint = [&](int v, double along) {
            const QPointF p = toScene(options.direction, g.centre[v] + componentOffset[c], along);
            if (route.empty() || route.back() != p)
                route.push_back(p);
        };
        // Inside a rank a route runs straight along the rank axis, so it never cuts a node.
        route.clear();
        const int from = localIndex[dagEdges[e].from];
        const int to = localIndex[dagEdges[e].to];
        addPoint(from, pc.nodeTop(from) + g.depth[from]);
        addPoint(from, pc.bandStart[g.rank[from]] + pc.bandDepth[g.rank[from]]);
        if (busOfEdge[e] >= 0) {
            const Bus &bus = buses[busOfEdge[e]];
            for (int r = g.rank[from] + 1; r < g.rank[to]; ++r) {
                const int v = bus.nodes[r - bus.firstRank];
                addPoint(v, pc.bandStart[r]);
                addPoint(v, pc.bandStart[r] + pc.bandDepth[r]);
            }
        }
        addPoint(to, pc.bandStart[g.rank[to]]);
        addPoint(to, pc.nodeTop(to));
        if (reversed[i])
            std::reverse(route.begin(), route.end());
        result.edgeRoutes[inputOfValid[i]] = QVector<QPointF>(route.begin(), route.end());
    }
    return result;
}

QVector<QPointF> layeredLayout(const QVector<QSizeF> &sizes, const QVector<QPair<int, int>> &edges,
                               const LayoutOptions &options)
{
    return computeLayeredLayout(sizes, edges, options).positions;
}

int countCrossings(const LayeredLayoutResult &result)
{
    struct Segment
    {
        double alongStart;
        double alongEnd;
        double acrossStart;
        double acrossEnd;
        bool operator<(const Segment &o) const
        {
            return std::tie(alongStart, alongEnd, acrossStart, acrossEnd) <
                   std::tie(o.alongStart, o.alongEnd, o.acrossStart, o.acrossEnd);
        }
        bool operator==(const Segment &o) const
        {
            return alongStart == o.alongStart && alongEnd == o.alongEnd &&
                   acrossStart == o.acrossStart && acrossEnd == o.acrossEnd;
        }
    };
    const bool topDown = result.direction == LayoutDirection::TopDown;
    std::vector<Segment> segments;
    for (const QVector<QPointF> &route : result.edgeRoutes) {
        for (qsizetype i = 0; i + 1 < route.size(); ++i) {
            QPointF a = route[i];
            QPointF b = route[i + 1];
            if (!topDown) {
                a = a.transposed();
                b = b.transposed();
            }
            if (a.y() == b.y())
                continue;
            if (a.y() > b.y())
                std::swap(a, b);
            segments.push_back({a.y(), b.y(), a.x(), b.x()});
        }
    }
    std::sort(segments.begin(), segments.end());
    segments.erase(std::unique(segments.begin(), segments.end()), segments.end());

    // Within a group sorted by start, every strict inversion of the ends is one crossing;
    // count inversions by merge sort.
    qint64 crossings = 0;
    std::vector<double> ends;
    std::vector<double> buffer;
    std::size_t first = 0;
    while (first < segments.size()) {
        std::size_t last = first;
        while (last < segments.size() && segments[last].alongStart == segments[first].alongStart &&
               segments[last].alongEnd == segments[first].alongEnd)
            ++last;
        ends.clear();
        for (std::size_t i = first; i < last; ++i)
            ends.push_back(segments[i].acrossEnd);
        buffer.resize(ends.size());
        for (std::size_t width = 1; width < ends.size(); width *= 2) {
            for (std::size_t lo = 0; lo < ends.size(); lo += 2 * width) {
                const std::size_t mid = std::min(lo + width, ends.size());
                const std::size_t hi = std::min(lo + 2 * width, ends.size());
                std::size_t i = lo;
                std::size_t j = mid;
                std::size_t k = lo;
                while (i < mid && j < hi) {
                    if (ends[j] < ends[i]) {
                        crossings += qint64(mid - i);
                        buffer[k++] = ends[j++];
                    } else {
                        buffer[k++] = ends[i++];
                    }
                }
                while (i < mid)
                    buffer[k++] = ends[i++];
                while (j < hi)
                    buffer[k++] = ends[j++];
            }
            ends.swap(buffer);
        }
        first = last;
    }
    return int(std::min<qint64>(crossings, std::numeric_limits<int>::max()));
}

} // namespace naqsh
