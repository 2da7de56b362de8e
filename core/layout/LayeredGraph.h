#pragma once

// The phases of the layered (Sugiyama) layout, shared by LayeredLayout.cpp (components, result)
// and the files of its phases: LayeredRanking.cpp (cycle removal and ranks),
// LayeredOrdering.cpp (crossing reduction) and LayeredPlacement.cpp (coordinates). Private to
// core/layout.

#include <cmath>
#include <vector>

namespace naqsh::layered {

inline double sanitized(double value)
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

/// Edges that close a cycle in a depth-first search from the sources (reversed before ranking).
std::vector<bool> findBackEdges(int nodeCount, const std::vector<DagEdge> &edges);
/// Longest-path ranks, with each source moved down to just above its highest successor.
std::vector<int> assignRanks(int nodeCount, const std::vector<DagEdge> &dagEdges);
/// Union-find root, halving the path on the way.
int findRoot(std::vector<int> &parent, int v);
/// Orders each layer of @p g to reduce crossings (g.layers and g.order).
void orderLayers(LayerGraph &g, int sweeps);
/// Sets g.centre, keeping @p nodeSpacing between neighbours in a layer.
void placeNodes(LayerGraph &g, double nodeSpacing);

} // namespace naqsh::layered
