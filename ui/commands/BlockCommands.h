#pragma once

#include "graph/Block.h"

#include <QUndoCommand>

namespace naqsh {

class GraphModel;

// Undo commands for blocks (named groups of layers): each is one undo step. Grouping and
// ungrouping record every block before and after the first redo, so undo and redo restore the
// tree exactly (ids, names, nesting, collapsed flags).

/// Groups layers into a new named block (Edit › Group).
class GroupLayersCommand : public QUndoCommand
{
public:
    GroupLayersCommand(GraphModel *model, const QVector<LayerId> &layers, const QString &name,
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    /// The new block (valid after a successful first redo).
    BlockId blockId() const { return m_block; }
    /// Why the first redo was refused (then the command is obsolete), or empty.
    QString refusal() const { return m_why; }

private:
    GraphModel *m_model;
    QVector<LayerId> m_layers;
    QString m_name, m_why;
    BlockId m_block;
    QVector<Block> m_before, m_after;
    bool m_done = false;
};

/// Removes a block; its layers and blocks go to the block around it (Edit › Ungroup).
class UngroupCommand : public QUndoCommand
{
public:
    UngroupCommand(GraphModel *model, BlockId block, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphModel *m_model;
    BlockId m_block;
    QVector<Block> m_before, m_after;
    bool m_done = false;
};

class RenameBlockCommand : public QUndoCommand
{
public:
    RenameBlockCommand(GraphModel *model, BlockId block, const QString &name,
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphModel *m_model;
    BlockId m_block;
    QString m_old, m_new;
};

/// Collapses a block to one node, or expands it to a frame around its layers.
class SetBlockCollapsedCommand : public QUndoCommand
{
public:
    SetBlockCollapsedCommand(GraphModel *model, BlockId block, bool collapsed,
                             QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphModel *m_model;
    BlockId m_block;
    bool m_collapsed;
};

} // namespace naqsh
