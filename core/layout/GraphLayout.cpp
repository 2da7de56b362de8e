#include "GraphLayout.h"

#include "graph/Graph.h"

namespace naqsh {

void layoutGraph(Graph &graph, LayoutDirection direction)
{
    const int n = graph.size();
    if (n == 0)
        return;
    const QVector<QSizeF> sizes(n, kLayoutNodeSize);
    QVector<QPair<int, int>> edges;
    for (int slot = 0; slot < n; ++slot) {
        for (int from : graph.layerAt(slot).inputSlots)
            edges.append({from, slot});
    }
    LayoutOptions options;
    options.direction = direction;
    const QVector<QPointF> positions = layeredLayout(sizes, edges, options);
    const QVector<LayerId> ids = graph.layerIds();
    for (int slot = 0; slot < n && slot < positions.size(); ++slot)
        graph.mutableLayer(ids[slot])->position = positions[slot];
}

} // namespace naqsh
