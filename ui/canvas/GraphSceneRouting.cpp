// Edge routes around nodes and the choice of edge labels (GraphScene).
#include "EdgeItem.h"
#include "GraphScene.h"
#include "NodeItem.h"
#include "layout/EdgeRouter.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace naqsh {

namespace {

/// How far routes keep from nodes, in scene units.
constexpr qreal kRouteClearance = 10;

/// Placed label rectangles in a coarse grid, to test a new one against its neighbours only.
class LabelGrid
{
public:
    bool overlaps(const QRectF &r) const
    {
        for (qint64 cy = cell(r.top()); cy <= cell(r.bottom()); ++cy)
            for (qint64 cx = cell(r.left()); cx <= cell(r.right()); ++cx)
                for (const QRectF &other : m_cells.value(key(cx, cy)))
                    if (other.intersects(r))
                        return true;
        return false;
    }
    void add(const QRectF &r)
    {
        for (qint64 cy = cell(r.top()); cy <= cell(r.bottom()); ++cy)
            for (qint64 cx = cell(r.left()); cx <= cell(r.right()); ++cx)
                m_cells[key(cx, cy)].append(r);
    }

private:
    static qint64 cell(qreal v) { return qint64(std::floor(v / 128.0)); }
    static quint64 key(qint64 x, qint64 y) { return (quint64(x) << 32) ^ quint64(y & 0xffffffff); }
    QHash<quint64, QVector<QRectF>> m_cells;
};

} // namespace

const EdgeRouter &GraphScene::edgeRouter() const
{
    if (!m_router) {
        QVector<QRectF> rects;
        m_routerIndex.clear();
        // Sorted by id, so that the router (and every route) does not depend on hash order.
        QVector<LayerId> ids = m_nodes.keys();
        std::sort(ids.begin(), ids.end());
        for (LayerId id : std::as_const(ids)) {
            const NodeItem *n = m_nodes.value(id);
            if (!n->isVisible())
                continue;
            m_routerIndex.insert(n, int(rects.size()));
            rects.append(n->mapRectToScene(n->cardRect()));
        }
        m_router = std::make_unique<EdgeRouter>(rects, kRouteClearance);
    }
    return *m_router;
}

int GraphScene::routerIndex(const NodeItem *node) const
{
    edgeRouter();
    return node ? m_routerIndex.value(node, -1) : -1;
}

void GraphScene::invalidateRoutes()
{
    m_router.reset();
    // Routing every edge again takes tens of milliseconds in a DenseNet: while nodes are being
    // dragged only their own edges follow, the others once the drag ends.
    if (m_rerouteTimer && !m_moving)
        m_rerouteTimer->start();
}

void GraphScene::rerouteEdges()
{
    m_rerouteTimer->stop();
    // Every visible edge, grouped by producer: its layer and output, in id order.
    QVector<EdgeItem *> edges;
    for (NodeItem *n : std::as_const(m_nodes))
        for (EdgeItem *e : n->edges())
            if (e->connection().from == n->layerId() && e->isVisible()) {
                e->adjust();
                edges.append(e);
            }
    auto length = [](const EdgeItem *e) {
        const QPointF d = e->endPoint() - e->startPoint();
        return std::abs(d.x()) + std::abs(d.y());
    };
    std::sort(edges.begin(), edges.end(), [&](const EdgeItem *a, const EdgeItem *b) {
        const Connection &ca = a->connection();
        const Connection &cb = b->connection();
        if (ca.from != cb.from)
            return ca.from < cb.from;
        if (ca.output != cb.output)
            return ca.output < cb.output;
        const qreal la = length(a);
        const qreal lb = length(b);
        if (la != lb)
            return la < lb;
        if (ca.to != cb.to)
            return ca.to < cb.to;
        return ca.slot < cb.slot;
    });

    const EdgeRouter &router = edgeRouter();
    LabelGrid placed;
    qsizetype i = 0;
    while (i < edges.size()) {
        qsizetype end = i;
        const Connection &c = edges[i]->connection();
        while (end < edges.size() && edges[end]->connection().from == c.from &&
               edges[end]->connection().output == c.output)
            ++end;
        bool shown = false;
        for (qsizetype k = i; k < end; ++k) {
            EdgeItem *e = edges[k];
            const QRectF box = e->labelRect();
            const bool fits =
                !shown && !box.isEmpty() && router.isClear(box) && !placed.overlaps(box);
            if (fits) {
                placed.add(box);
                shown = true;
            }
            e->setLabelShown(fits);
        }
        i = end;
    }
}

} // namespace naqsh
