#include "LayeredLayout.h"
#include "LayeredGraph.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>
#include <vector>

namespace naqsh {

using namespace layered;

namespace {

// straight between their first and last bend (Gansner et al. weight the same way in dot).
constexpr double kDummySegmentWeight = 4.0;

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
        orderLayers(g, std::max(0, options.orderingSweeps));
        placeNodes(g, nodeSpacing);

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
