#include "Graph.h"

namespace naqsh {

const Layer *Graph::layer(LayerId id) const
{
    const int s = slotOf(id);
    return s < 0 ? nullptr : &m_layers[s];
}

Layer *Graph::mutableLayer(LayerId id)
{
    const int s = slotOf(id);
    return s < 0 ? nullptr : &m_layers[s];
}

QVector<Connection> Graph::connections() const
{
    QVector<Connection> result;
    for (const Layer &l : m_layers)
        for (int slot = 0; slot < l.inputs.size(); ++slot)
            result.append({l.inputs[slot], l.id, slot, l.inputPorts.value(slot)});
    return result;
}

QVector<LayerId> Graph::consumers(LayerId id) const
{
    const Layer *l = layer(id);
    return l ? l->consumers : QVector<LayerId>{};
}

LayerId Graph::findByName(const QString &name) const
{
    for (const Layer &l : m_layers)
        if (l.name == name)
            return l.id;
    return {};
}

LayerId Graph::addLayer(Layer layer, int slot)
{
    if (!layer.id.isValid())
        layer.id = LayerId(m_nextId);
    if (m_slot.contains(layer.id))
        return {};
    m_nextId = std::max(m_nextId, layer.id.value + 1);
    layer.inputs.clear();
    layer.inputPorts.clear();
    layer.consumers.clear();
    layer.inputSlots.clear();
    layer.consumerSlots.clear();
    const LayerId id = layer.id;
    if (slot < 0 || slot >= m_layers.size()) {
        m_slot.insert(id, int(m_layers.size()));
        m_order.append(id);
        m_layers.append(std::move(layer));
        return id;
    }
    // Inserting in the middle (undo of a removal) renumbers the slots after it.
    for (Layer &other : m_layers) {
        for (int &s : other.inputSlots)
            if (s >= slot)
                ++s;
        for (int &s : other.consumerSlots)
            if (s >= slot)
                ++s;
    }
    m_layers.insert(slot, std::move(layer));
    m_order.insert(slot, id);
    for (int s = slot; s < m_layers.size(); ++s)
        m_slot[m_layers[s].id] = s;
    return id;
}

bool Graph::removeLayer(LayerId id, bool *blocksChanged)
{
    if (!contains(id))
        return false;
    const bool changed = dropFromBlocks(id);
    if (blocksChanged)
        *blocksChanged = changed;
    // Remove the layer's connections from the highest slot down so that indexes stay valid.
    const QVector<LayerId> consumersCopy = layer(id)->consumers;
    for (LayerId c : consumersCopy) {
        const Layer *cl = layer(c);
        for (int slot = int(cl->inputs.size()) - 1; slot >= 0; --slot)
            if (cl->inputs[slot] == id)
                removeConnection({id, c, slot, cl->inputPorts.value(slot)});
    }
    const Layer *l = layer(id);
    for (int slot = int(l->inputs.size()) - 1; slot >= 0; --slot)
        removeConnection({l->inputs[slot], id, slot, l->inputPorts.value(slot)});

    const int removed = slotOf(id);
    m_layers.removeAt(removed);
    m_order.removeAt(removed);
    m_slot.remove(id);
    for (int s = removed; s < m_layers.size(); ++s)
        m_slot[m_layers[s].id] = s;
    for (Layer &other : m_layers) {
        for (int &s : other.inputSlots)
            if (s > removed)
                --s;
        for (int &s : other.consumerSlots)
            if (s > removed)
                --s;
    }
    return true;
}

bool Graph::insertConnection(const Connection &c)
{
    const int fromSlot = slotOf(c.from);
    const int toSlot = slotOf(c.to);
    if (fromSlot < 0 || toSlot < 0)
        return false;
    Layer &from = m_layers[fromSlot];
    Layer &to = m_layers[toSlot];
    if (c.slot < 0 || c.slot > to.inputs.size() || c.output < 0)
        return false;
    to.inputs.insert(c.slot, c.from);
    to.inputPorts.insert(c.slot, c.output);
    to.inputSlots.insert(c.slot, fromSlot);
    from.consumers.append(c.to);
    from.consumerSlots.append(toSlot);
    return true;
}

bool Graph::removeConnection(const Connection &c)
{
    const int fromSlot = slotOf(c.from);
    const int toSlot = slotOf(c.to);
    if (fromSlot < 0 || toSlot < 0)
        return false;
    Layer &from = m_layers[fromSlot];
    Layer &to = m_layers[toSlot];
    if (c.slot < 0 || c.slot >= to.inputs.size() || to.inputs[c.slot] != c.from)
        return false;
    to.inputs.removeAt(c.slot);
    to.inputPorts.removeAt(c.slot);
    to.inputSlots.removeAt(c.slot);
    const int k = int(from.consumers.indexOf(c.to));
    from.consumers.removeAt(k);
    from.consumerSlots.removeAt(k);
    return true;
}

void Graph::clear()
{
    m_layers.clear();
    m_slot.clear();
    m_order.clear();
    variants.clear();
    name.clear();
    m_nextId = 1;
    m_blocks.clear();
    m_blockIndex.clear();
    m_layerBlock.clear();
    m_nextBlockId = 1;
}

bool Graph::reaches(LayerId from, LayerId to) const
{
    const int start = slotOf(from), target = slotOf(to);
    if (start < 0 || target < 0)
        return false;
    if (start == target)
        return true;
    QVector<bool> seen(m_layers.size(), false);
    QVector<int> stack{start};
    seen[start] = true;
    while (!stack.isEmpty()) {
        const int cur = stack.takeLast();
        for (int next : m_layers[cur].consumerSlots) {
            if (next == target)
                return true;
            if (!seen[next]) {
                seen[next] = true;
                stack.append(next);
            }
        }
    }
    return false;
}

QVector<int> Graph::topologicalSlots(QVector<int> *cyclicSlots) const
{
    // Kahn's algorithm, seeded in insertion order so that the schedule is deterministic.
    const int n = int(m_layers.size());
    QVector<int> indegree(n);
    QVector<int> order;
    order.reserve(n);
    for (int i = 0; i < n; ++i) {
        indegree[i] = int(m_layers[i].inputSlots.size());
        if (indegree[i] == 0)
            order.append(i);
    }
    for (int head = 0; head < order.size(); ++head)
        for (int j : m_layers[order[head]].consumerSlots)
            if (--indegree[j] == 0)
                order.append(j);
    if (cyclicSlots) {
        cyclicSlots->clear();
        if (order.size() != n)
            for (int i = 0; i < n; ++i)
                if (indegree[i] > 0)
                    cyclicSlots->append(i);
    }
    return order;
}

QVector<LayerId> Graph::topologicalOrder(QVector<LayerId> *cyclic) const
{
    QVector<int> cyclicSlots;
    const QVector<int> order0 = topologicalSlots(&cyclicSlots);
    QVector<LayerId> order;
    order.reserve(order0.size());
    for (int s : order0)
        order.append(m_layers[s].id);
    if (cyclic) {
        cyclic->clear();
        for (int s : cyclicSlots)
            cyclic->append(m_layers[s].id);
    }
    return order;
}

namespace {
/// QList's own == passes a null pointer to memcmp when one of two empty lists was never
/// allocated (Qt 6.4's QPodArrayOps::compare; UBSan reports it): empty lists are equal first.
template<typename T> bool sameList(const QList<T> &a, const QList<T> &b)
{
    return a.size() == b.size() && (a.isEmpty() || a == b);
}

bool sameBlocks(const QVector<Block> &a, const QVector<Block> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].id || a[i].name != b[i].name || a[i].parent != b[i].parent ||
            a[i].collapsed != b[i].collapsed || !sameList(a[i].layers, b[i].layers))
            return false;
    return true;
}
} // namespace

bool Graph::operator==(const Graph &other) const
{
    if (name != other.name || variants != other.variants || !sameList(m_order, other.m_order) ||
        !sameBlocks(m_blocks, other.m_blocks))
        return false;
    for (int i = 0; i < m_layers.size(); ++i) {
        const Layer &a = m_layers[i];
        const Layer &b = other.m_layers[i];
        if (a.type != b.type || a.name != b.name || !(a.params == b.params) ||
            a.position != b.position || !sameList(a.inputs, b.inputs) ||
            !sameList(a.inputPorts, b.inputPorts))
            return false;
    }
    return true;
}

} // namespace naqsh
