#include "BlockCommands.h"

#include "graph/GraphModel.h"

#include <QCoreApplication>

namespace naqsh {

namespace {
QString blockName(const GraphModel *model, BlockId id)
{
    const Block *b = model->graph().block(id);
    return b ? b->name : QString();
}
} // namespace

// ---- GroupLayersCommand ----

GroupLayersCommand::GroupLayersCommand(GraphModel *model, const QVector<LayerId> &layers,
                                       const QString &name, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_layers(layers)
    , m_name(name.trimmed())
{
    setText(QCoreApplication::translate("naqsh::Commands", "Group %n layer(s) as %1", nullptr,
                                        int(layers.size()))
                .arg(m_name));
}

void GroupLayersCommand::redo()
{
    if (m_done) {
        m_model->setBlocks(m_after);
        return;
    }
    m_before = m_model->graph().blocks();
    m_block = m_model->groupLayers(m_layers, m_name, &m_why);
    if (!m_block.isValid()) {
        setObsolete(true);
        return;
    }
    m_after = m_model->graph().blocks();
    m_done = true;
}

void GroupLayersCommand::undo()
{
    m_model->setBlocks(m_before);
}

// ---- UngroupCommand ----

UngroupCommand::UngroupCommand(GraphModel *model, BlockId block, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_block(block)
{
    setText(
        QCoreApplication::translate("naqsh::Commands", "Ungroup %1").arg(blockName(model, block)));
}

void UngroupCommand::redo()
{
    if (m_done) {
        m_model->setBlocks(m_after);
        return;
    }
    m_before = m_model->graph().blocks();
    if (!m_model->ungroup(m_block)) {
        setObsolete(true);
        return;
    }
    m_after = m_model->graph().blocks();
    m_done = true;
}

void UngroupCommand::undo()
{
    m_model->setBlocks(m_before);
}

// ---- RenameBlockCommand ----

RenameBlockCommand::RenameBlockCommand(GraphModel *model, BlockId block, const QString &name,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_block(block)
    , m_old(blockName(model, block))
    , m_new(name.trimmed())
{
    setText(
        QCoreApplication::translate("naqsh::Commands", "Rename block %1 to %2").arg(m_old, m_new));
}

void RenameBlockCommand::redo()
{
    if (m_old == m_new || !m_model->renameBlock(m_block, m_new))
        setObsolete(true);
}

void RenameBlockCommand::undo()
{
    m_model->renameBlock(m_block, m_old);
}

// ---- SetBlockCollapsedCommand ----

SetBlockCollapsedCommand::SetBlockCollapsedCommand(GraphModel *model, BlockId block, bool collapsed,
                                                   QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_block(block)
    , m_collapsed(collapsed)
{
    setText(collapsed ? QCoreApplication::translate("naqsh::Commands", "Collapse %1")
                            .arg(blockName(model, block))
                      : QCoreApplication::translate("naqsh::Commands", "Expand %1")
                            .arg(blockName(model, block)));
}

void SetBlockCollapsedCommand::redo()
{
    const Block *b = m_model->graph().block(m_block);
    if (!b || b->collapsed == m_collapsed) {
        setObsolete(true);
        return;
    }
    m_model->setBlockCollapsed(m_block, m_collapsed);
}

void SetBlockCollapsedCommand::undo()
{
    m_model->setBlockCollapsed(m_block, !m_collapsed);
}

} // namespace naqsh
