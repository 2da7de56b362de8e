#include "LayeredGraph.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

namespace naqsh::layered {

namespace {

// Nodes with no neighbour on the side being considered keep their place, but only weakly, so
// they move aside for neighbours that do have a target.
constexpr double kAnchorWeight = 1e-3;
// How much the lone edge on one side of a fan-out or fan-in node pulls on it, relative to
// the edges of the fan.
constexpr double kSingleSidePull = 0.1;
constexpr int kMaxPlacementSweeps = 64;
constexpr double kPlacementTolerance = 0.05;

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

} // namespace

void placeNodes(LayerGraph &g, double nodeSpacing)
{
    Placer(g, nodeSpacing).run();
}

} // namespace naqsh::layered
