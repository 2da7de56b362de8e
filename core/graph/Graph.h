#pragma once

#include "Block.h"
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
    /// Removes the layer and every connection touching it, and takes it out of its block
    /// (a block left empty goes too; @p blocksChanged says whether any block changed).
    bool removeLayer(LayerId id, bool *blocksChanged = nullptr);
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

    // ---- Blocks (GraphBlocks.cpp) ----
    /// Every block, in creation order (the order they are saved in).
    const QVector<Block> &blocks() const { return m_blocks; }
    bool hasBlocks() const { return !m_blocks.isEmpty(); }
    const Block *block(BlockId id) const;
    /// The innermost block holding @p layer, or an invalid id.
    BlockId blockOf(LayerId layer) const { return m_layerBlock.value(layer); }
    /// The blocks directly inside @p id (the top-level blocks for an invalid id), in order.
    QVector<BlockId> childBlocks(BlockId id) const;
    /// Every layer of block @p id, its own and those of the blocks inside it, in layer order.
    QVector<LayerId> blockLayers(BlockId id) const;
    /// True if @p inner is @p outer or lies inside it at any depth.
    bool blockWithin(BlockId inner, BlockId outer) const;
    /// The outermost collapsed block holding @p layer (what the designer draws in its place),
    /// or an invalid id when no block around it is collapsed.
    BlockId collapsedBlockOf(LayerId layer) const;
    /// Nesting depth of @p id: 0 for a top-level block.
    int blockDepth(BlockId id) const;
    /// The next id that addBlock would hand out.
    quint64 nextBlockId() const { return m_nextBlockId; }

    /// Replaces every block at once (a load, or undo restoring an earlier state). The caller
    /// guarantees a valid tree (see checkBlocks).
    void setBlocks(const QVector<Block> &blocks);
    /// Adds @p block (an invalid id gets a fresh one) and returns its id; its layers leave the
    /// block that held them. Invalid if the id is taken.
    BlockId addBlock(Block block);
    /// Removes block @p id, handing its layers and blocks to its parent.
    bool removeBlock(BlockId id);
    Block *mutableBlock(BlockId id);
    /// Checks that @p blocks form a valid tree over this graph's layers; returns an empty
    /// string, or what is wrong with the blocks at @p index (set to the offending block).
    QString checkBlocks(const QVector<Block> &blocks, int *index = nullptr,
                        QString *field = nullptr) const;

    bool operator==(const Graph &other) const;

private:
    /// Takes @p id out of its block; blocks left with no layer and no block are removed, up
    /// the tree. Returns true if any block changed.
    bool dropFromBlocks(LayerId id);
    void rebuildBlockIndex();

    QVector<Layer> m_layers;
    QHash<LayerId, int> m_slot;
    QVector<LayerId> m_order;
    quint64 m_nextId = 1;
    QVector<Block> m_blocks;
    QHash<BlockId, int> m_blockIndex;     ///< id -> index into m_blocks (derived)
    QHash<LayerId, BlockId> m_layerBlock; ///< layer -> innermost block (derived)
    quint64 m_nextBlockId = 1;
};

} // namespace naqsh
