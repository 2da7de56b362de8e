#include "LayeredGraph.h"

#include <algorithm>
#include <vector>

namespace naqsh::layered {

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

} // namespace naqsh::layered
