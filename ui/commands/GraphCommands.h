#pragma once

#include "graph/Graph.h"

#include <QHash>
#include <QPointF>
#include <QUndoCommand>
#include <QVariantMap>

namespace naqsh {

class GraphModel;
struct AnalysisResult;

// Undo commands: one per user intent. They hold the model, ids and old/new values, never
// graphics items, and only call GraphModel mutators, so do, undo and redo travel the same path
// as every other edit. A command whose redo is refused by the model marks itself obsolete.

/// Adds layers (with their positions and parameters) and connections among them or to existing
/// layers. Used for adding from the palette, paste and duplicate. Ids are taken on the first
/// redo and reused after, so later commands that name them stay valid.
class AddItemsCommand : public QUndoCommand
{
public:
    /// @p layers may carry invalid ids (fresh ones are assigned); @p connections refer to the
    /// layers by their index in @p layers when @p connectionsByIndex is set (paste), or by id.
    AddItemsCommand(GraphModel *model, QVector<Layer> layers, QVector<Connection> connections,
                    const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    /// The ids of the added layers, in the given order (valid after the first redo).
    QVector<LayerId> layerIds() const;

private:
    GraphModel *m_model;
    QVector<Layer> m_layers;
    QVector<Connection> m_connections;
    bool m_done = false;
};

/// Removes layers and connections. Removing a layer removes its connections; everything
/// removed is snapshotted on the first redo so that undo restores ids, names, parameters,
/// positions and input order exactly.
class RemoveItemsCommand : public QUndoCommand
{
public:
    RemoveItemsCommand(GraphModel *model, const QVector<LayerId> &layers,
                       const QVector<Connection> &connections, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphModel *m_model;
    QVector<LayerId> m_layerIds;
    QVector<Connection> m_requestedConnections;
    QVector<Layer> m_layers;           ///< snapshots, in graph order
    QVector<int> m_slots;              ///< each snapshot's place in the layer order
    QVector<Connection> m_connections; ///< every removed connection, in graph order
    QVector<Variant> m_variants;
    QVector<Block> m_blocks; ///< blocks before the removal (a block may lose layers or go)
};

/// Connects an output to an input (appended, or at a slot).
class ConnectPortsCommand : public QUndoCommand
{
public:
    ConnectPortsCommand(GraphModel *model, LayerId from, LayerId to, int slot = -1,
                        QUndoCommand *parent = nullptr, int output = 0);
    void redo() override;
    void undo() override;

private:
    GraphModel *m_model;
    Connection m_connection;
};

/// Removes one connection.
class DisconnectPortsCommand : public QUndoCommand
{
public:
    DisconnectPortsCommand(GraphModel *model, const Connection &connection,
                           QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphModel *m_model;
    Connection m_connection;
};

/// Changes one or more parameters of one layer (e.g. kernel height and width together when the
/// kernel is locked square). Consecutive changes of the same keys of the same layer merge into
/// one undo step, so dragging a spin box is one step.
class SetLayerParamCommand : public QUndoCommand
{
public:
    SetLayerParamCommand(GraphModel *model, LayerId id, const QVariantMap &values,
                         QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    GraphModel *m_model;
    LayerId m_layer;
    QVariantMap m_values;
    ParamValues m_before;
    ParamValues m_after;
    bool m_captured = false;
};

class RenameLayerCommand : public QUndoCommand
{
public:
    RenameLayerCommand(GraphModel *model, LayerId id, const QString &name,
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphModel *m_model;
    LayerId m_layer;
    QString m_old, m_new;
};

/// Moves layers; pushed once on mouse release with the positions recorded on press.
class MoveLayersCommand : public QUndoCommand
{
public:
    MoveLayersCommand(GraphModel *model, const QHash<LayerId, QPointF> &from,
                      const QHash<LayerId, QPointF> &to, const QString &text = {},
                      QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphModel *m_model;
    QHash<LayerId, QPointF> m_from, m_to;
};

/// Replaces the document's comparison variants.
class SetVariantsCommand : public QUndoCommand
{
public:
    SetVariantsCommand(GraphModel *model, const QVector<Variant> &variants, const QString &text,
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphModel *m_model;
    QVector<Variant> m_old, m_new;
};

/// Builds the one undo step that drops an existing layer onto an edge a→b: a→layer→b.
/// Returns nullptr (and @p why) if the layer cannot sit there.
QUndoCommand *makeInsertOnEdgeCommand(GraphModel *model, const Connection &edge, LayerId layer,
                                      QString *why);

/// Builds the one undo step that replaces composite block @p layer (squeeze-and-excitation,
/// attention, …) by the layers it is made of, wired the same way. Returns nullptr (and @p why)
/// if it is not an analysed composite block.
QUndoCommand *makeExpandCompositeCommand(GraphModel *model, const AnalysisResult &analysis,
                                         LayerId layer, QString *why);

/// Serialises layers and the connections among them for the clipboard (JSON, .naqsh-like).
QByteArray copyLayers(const GraphModel &model, const QVector<LayerId> &layers);
/// Parses clipboard data back into layers (fresh ids) and connections by index into them
/// (Connection::from/to hold indexes + 1 as LayerId values). Positions are offset by @p offset.
bool parseCopiedLayers(const GraphModel &model, const QByteArray &data, QPointF offset,
                       QVector<Layer> *layers, QVector<Connection> *connections);

} // namespace naqsh
