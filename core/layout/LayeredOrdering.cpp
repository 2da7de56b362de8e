#include "LayeredGraph.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <tuple>
#include <vector>

namespace naqsh::layered {

namespace {

constexpr int kMaxTransposePasses = 8;
constexpr int kMaxStallingSweeps = 8;
// A second ordering start (from the bottom) wins a few crossings on small graphs but would
// double the time on large ones.
constexpr int kMaxNodesForSecondStart = 4000;

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

} // namespace

void orderLayers(LayerGraph &g, int sweeps)
{
    Orderer(g).run(sweeps);
}

} // namespace naqsh::layered
