#pragma once

#include "Graph.h"

#include <QObject>

namespace naqsh {

class LayerRegistry;

/// A port on a layer, as the canvas sees it: one of its outputs, or the input side.
struct PortRef
{
    enum class Side { Input, Output };
    LayerId layer;
    Side side = Side::Output;
    int output = 0; ///< which output (Side::Output only)
};

/// The only writer of graph state. Every mutator validates, changes the Graph, and emits one
/// fine-grained signal per fact, after the change is complete. Undo commands call these
/// mutators, so do, undo and redo travel the same path. Refusals return false with a reason
/// a student understands; the graph is unchanged then.
class GraphModel : public QObject
{
    Q_OBJECT
public:
    explicit GraphModel(const LayerRegistry &registry, QObject *parent = nullptr);

    const Graph &graph() const { return m_graph; }
    const LayerRegistry &registry() const { return m_registry; }

    /// Adds a layer of @p typeId with its default parameters (or @p params if given) and
    /// returns its id; an invalid id and @p why if the type is unknown. An empty name gets a
    /// unique one from the type ("conv2d_3").
    LayerId addLayer(const QString &typeId, const QString &name = {}, QPointF position = {},
                     const ParamValues &params = {}, LayerId id = {}, QString *why = nullptr,
                     int slot = -1);
    /// Restores a layer exactly (id, name, params, position, and its place @p slot in the
    /// layer order), without connections. For undo.
    bool insertLayer(const Layer &layer, int slot = -1, QString *why = nullptr);
    /// Removes a layer and its connections (emitting disconnected for each first).
    bool removeLayer(LayerId id);

    /// Sets one parameter after checking its kind and range. Emits paramsChanged.
    bool setParam(LayerId id, const QString &key, const QVariant &value, QString *why = nullptr);
    /// Sets all parameters at once (already valid values, e.g. from undo).
    bool setParams(LayerId id, const ParamValues &params);
    bool renameLayer(LayerId id, const QString &name, QString *why = nullptr);
    bool moveLayer(LayerId id, QPointF position);

    /// Checks a connection from an output port to an input port, in either order of arguments.
    bool canConnect(const PortRef &a, const PortRef &b, QString *why = nullptr) const;
    /// Connects output @p output of @p from to @p to's input, appended or at @p slot. Refuses
    /// cycles, self-loops, unknown layers, full inputs, layers without an output and outputs a
    /// layer does not have.
    bool connectLayers(LayerId from, LayerId to, int slot = -1, QString *why = nullptr,
                       int output = 0);
    bool connectLayers(const Connection &c, QString *why = nullptr)
    {
        return connectLayers(c.from, c.to, c.slot, why, c.output);
    }
    bool disconnect(const Connection &c);

    // ---- Blocks (GraphModelBlocks.cpp); each emits blocksChanged once ----
    /// Groups @p layers into a new block named @p name, nested in the smallest block holding
    /// them all; blocks entirely among @p layers move inside it. Refuses (with @p why) an empty
    /// or unconnected selection, one that a path leaves and re-enters (the block would have no
    /// clear inputs and outputs), and one that cuts an existing block in part. Returns the id.
    BlockId groupLayers(const QVector<LayerId> &layers, const QString &name, QString *why = nullptr,
                        BlockId id = {});
    /// The blocks groupLayers would make (in @p result) and the new block's id, without
    /// changing anything; an invalid id and @p why if it would refuse.
    BlockId planGroup(const QVector<LayerId> &layers, const QString &name, QVector<Block> *result,
                      QString *why = nullptr, BlockId id = {}) const;
    /// Removes block @p id; its layers and blocks go to the block around it.
    bool ungroup(BlockId id);
    bool renameBlock(BlockId id, const QString &name, QString *why = nullptr);
    bool setBlockCollapsed(BlockId id, bool collapsed);
    /// Replaces every block (undo restoring an earlier state); refused unless checkBlocks
    /// accepts them.
    bool setBlocks(const QVector<Block> &blocks);
    /// A block name not used yet, based on @p base ("block" -> "block 2").
    QString uniqueBlockName(const QString &base) const;

    void setVariants(const QVector<Variant> &variants);
    void setName(const QString &name);

    /// Replaces the whole graph (after a load). Emits graphReset.
    void resetGraph(const Graph &graph);
    void clear();

    /// A name not used by any layer, based on @p base ("conv" -> "conv_2").
    QString uniqueName(const QString &base) const;

signals:
    void layerAdded(naqsh::LayerId id);
    void layerAboutToBeRemoved(naqsh::LayerId id);
    void layerRemoved(naqsh::LayerId id);
    void paramsChanged(naqsh::LayerId id);
    void layerRenamed(naqsh::LayerId id);
    void layerMoved(naqsh::LayerId id);
    void connected(const naqsh::Connection &c);
    void disconnected(const naqsh::Connection &c);
    void variantsChanged();
    /// Any change of blocks: grouping, ungrouping, renaming, collapsing, or a layer leaving
    /// its block when it is removed (emitted after layerRemoved).
    void blocksChanged();
    void nameChanged();
    void graphReset();

private:
    QString layerLabel(LayerId id) const;

    const LayerRegistry &m_registry;
    Graph m_graph;
};

} // namespace naqsh
