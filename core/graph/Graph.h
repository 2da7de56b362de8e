#pragma once

#include "Layer.h"
#include "Variant.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace naqsh {

/// The layer graph as plain data: layers in a stable (insertion) order, their ordered input
/// connections, and the document's comparison variants. Graph does no validation beyond keeping
/// its own bookkeeping consistent; GraphModel is the validating, signalling facade that the
/// application edits through. Loaders build a Graph off to the side and hand it over whole.
///
/// Layers live in a dense array; a layer's slot is its index there. Slots are renumbered when
/// a layer is removed, ids never are. Pointers to layers are invalidated by addLayer and
/// removeLayer.
class Graph
{
public:
    QString name;
    QVector<Variant> variants;

    int size() const { return int(m_layers.size()); }
    bool isEmpty() const { return m_layers.isEmpty(); }
    bool contains(LayerId id) const { return m_slot.contains(id); }
    const Layer *layer(LayerId id) const;
    Layer *mutableLayer(LayerId id);
    /// Slot of @p id, or -1.
    int slotOf(LayerId id) const { return m_slot.value(id, -1); }
    const Layer &layerAt(int slot) const { return m_layers[slot]; }
    /// The id to slot map (implicitly shared; cheap to copy).
    const QHash<LayerId, int> &slotMap() const { return m_slot; }
    /// Layer ids in insertion order (stable across save and load).
    const QVector<LayerId> &layerIds() const { return m_order; }
    QVector<Connection> connections() const;
    /// Ids of the layers that consume @p id's output (one entry per connection).
    QVector<LayerId> consumers(LayerId id) const;
    LayerId findByName(const QString &name) const;

    /// Adds @p layer at slot @p slot (the end if -1). An invalid id gets a fresh one. Inputs and
    /// consumers of the given layer are ignored; connect afterwards. Returns the id, or an
    /// invalid id if it is taken.
    LayerId addLayer(Layer layer, int slot = -1);
    /// Removes the layer and every connection touching it.
    bool removeLayer(LayerId id);
    bool insertConnection(const Connection &c);
    bool removeConnection(const Connection &c);

    /// The next id that addLayer would hand out.
    quint64 nextId() const { return m_nextId; }
    void clear();

    /// True if a path leads from @p from to @p to following connections.
    bool reaches(LayerId from, LayerId to) const;
    /// Layers in topological order; layers on a cycle are left out and reported in @p cyclic.
    QVector<LayerId> topologicalOrder(QVector<LayerId> *cyclic = nullptr) const;
    /// The same order as slots; @p cyclicSlots receives the slots on cycles.
    QVector<int> topologicalSlots(QVector<int> *cyclicSlots = nullptr) const;

    bool operator==(const Graph &other) const;

private:
    QVector<Layer> m_layers;
    QHash<LayerId, int> m_slot;
    QVector<LayerId> m_order;
    quint64 m_nextId = 1;
};

} // namespace naqsh
