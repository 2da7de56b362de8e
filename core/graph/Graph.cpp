#include "Graph.h"

#include <QSet>

namespace naqsh {

const Layer *Graph::layer(LayerId id) const
{
    auto it = m_layers.constFind(id);
    return it == m_layers.cend() ? nullptr : &it.value();
}

Layer *Graph::mutableLayer(LayerId id)
{
    auto it = m_layers.find(id);
    return it == m_layers.end() ? nullptr : &it.value();
}

QVector<Connection> Graph::connections() const
{
    QVector<Connection> result;
    for (LayerId id : m_order) {
        const Layer &l = m_layers[id];
        for (int slot = 0; slot < l.inputs.size(); ++slot)
            result.append({l.inputs[slot], id, slot});
    }
    return result;
}

QVector<LayerId> Graph::consumers(LayerId id) const
{
    const Layer *l = layer(id);
    return l ? l->consumers : QVector<LayerId>{};
}

LayerId Graph::findByName(const QString &name) const
{
    for (LayerId id : m_order)
        if (m_layers[id].name == name)
            return id;
    return {};
}

LayerId Graph::addLayer(Layer layer)
{
    if (!layer.id.isValid())
        layer.id = LayerId(m_nextId);
    if (m_layers.contains(layer.id))
        return {};
    m_nextId = std::max(m_nextId, layer.id.value + 1);
    layer.inputs.clear();
    layer.consumers.clear();
    const LayerId id = layer.id;
    m_layers.insert(id, std::move(layer));
    m_order.append(id);
    return id;
}

bool Graph::removeLayer(LayerId id)
{
    Layer *l = mutableLayer(id);
    if (!l)
        return false;
    // Remove outgoing connections from the highest slot down so that slot indexes stay valid.
    const QVector<LayerId> consumersCopy = l->consumers;
    for (LayerId c : consumersCopy) {
        Layer *cl = mutableLayer(c);
        if (!cl)
            continue;
        for (int slot = int(cl->inputs.size()) - 1; slot >= 0; --slot)
            if (cl->inputs[slot] == id)
                removeConnection({id, c, slot});
    }
    l = mutableLayer(id);
    for (int slot = int(l->inputs.size()) - 1; slot >= 0; --slot)
        removeConnection({l->inputs[slot], id, slot});
    m_layers.remove(id);
    m_order.removeOne(id);
    return true;
}

bool Graph::insertConnection(const Connection &c)
{
    Layer *from = mutableLayer(c.from);
    Layer *to = mutableLayer(c.to);
    if (!from || !to || c.slot < 0 || c.slot > to->inputs.size())
        return false;
    to->inputs.insert(c.slot, c.from);
    from->consumers.append(c.to);
    return true;
}

bool Graph::removeConnection(const Connection &c)
{
    Layer *from = mutableLayer(c.from);
    Layer *to = mutableLayer(c.to);
    if (!from || !to || c.slot < 0 || c.slot >= to->inputs.size() || to->inputs[c.slot] != c.from)
        return false;
    to->inputs.removeAt(c.slot);
    from->consumers.removeOne(c.to);
    return true;
}

void Graph::clear()
{
    m_layers.clear();
    m_order.clear();
    variants.clear();
    name.clear();
    m_nextId = 1;
}

bool Graph::reaches(LayerId from, LayerId to) const
{
    if (from == to)
        return true;
    QVector<LayerId> stack{from};
    QSet<LayerId> seen{from};
    while (!stack.isEmpty()) {
        const LayerId cur = stack.takeLast();
        const Layer *l = layer(cur);
        if (!l)
            continue;
        for (LayerId next : l->consumers) {
            if (next == to)
                return true;
            if (!seen.contains(next)) {
                seen.insert(next);
                stack.append(next);
            }
        }
    }
    return false;
}

QVector<LayerId> Graph::topologicalOrder(QVector<LayerId> *cyclic) const
{
    // Kahn's algorithm, seeded in insertion order so that the schedule is deterministic.
    QHash<LayerId, int> indegree;
    indegree.reserve(m_order.size());
    for (LayerId id : m_order)
        indegree.insert(id, int(m_layers[id].inputs.size()));
    QVector<LayerId> ready;
    for (LayerId id : m_order)
        if (indegree[id] == 0)
            ready.append(id);
    QVector<LayerId> order;
    order.reserve(m_order.size());
    for (int head = 0; head < ready.size(); ++head) {
        const LayerId id = ready[head];
        order.append(id);
        for (LayerId c : m_layers[id].consumers)
            if (--indegree[c] == 0)
                ready.append(c);
    }
    if (cyclic) {
        cyclic->clear();
        if (order.size() != m_order.size())
            for (LayerId id : m_order)
                if (indegree[id] > 0)
                    cyclic->append(id);
    }
    return order;
}

bool Graph::operator==(const Graph &other) const
{
    if (name != other.name || variants != other.variants || m_order != other.m_order)
        return false;
    for (LayerId id : m_order) {
        const Layer &a = m_layers[id];
        const Layer &b = other.m_layers[id];
        if (a.type != b.type || a.name != b.name || !(a.params == b.params) ||
            a.position != b.position || a.inputs != b.inputs)
            return false;
    }
    return true;
}

} // namespace naqsh
