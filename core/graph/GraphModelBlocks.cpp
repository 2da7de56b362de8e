// GraphModel's block mutators: grouping checks what makes a block readable (connected, entered
// and left at clear places, not cutting another block in part) and says why when it refuses.
#include "GraphModel.h"

#include <QSet>

namespace naqsh {

QString GraphModel::uniqueBlockName(const QString &base) const
{
    const QString stem = base.trimmed().isEmpty() ? tr("block") : base.trimmed();
    QSet<QString> used;
    for (const Block &b : m_graph.blocks())
        used.insert(b.name);
    if (!used.contains(stem))
        return stem;
    for (int i = 2;; ++i) {
        const QString candidate = QStringLiteral("%1 %2").arg(stem).arg(i);
        if (!used.contains(candidate))
            return candidate;
    }
}

BlockId GraphModel::groupLayers(const QVector<LayerId> &layers, const QString &name, QString *why,
                                BlockId id)
{
    QVector<Block> blocks;
    const BlockId added = planGroup(layers, name, &blocks, why, id);
    if (!added.isValid())
        return {};
    m_graph.setBlocks(blocks);
    emit blocksChanged();
    return added;
}

BlockId GraphModel::planGroup(const QVector<LayerId> &layers, const QString &name,
                              QVector<Block> *result, QString *why, BlockId id) const
{
    auto fail = [&](const QString &message) {
        if (why)
            *why = message;
        return BlockId();
    };
    const Graph &g = m_graph;
    QSet<LayerId> chosen;
    for (LayerId l : layers)
        if (g.contains(l))
            chosen.insert(l);
    if (chosen.isEmpty())
        return fail(tr("select the layers to group first"));
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("a block name cannot be empty"));
    if (id.isValid() && g.block(id))
        return fail(tr("a block with id %1 already exists").arg(id.value));

    // Connected: every chosen layer is reached from the first through connections among them.
    {
        QSet<LayerId> seen{*chosen.begin()};
        QVector<LayerId> stack{*chosen.begin()};
        while (!stack.isEmpty()) {
            const Layer *l = g.layer(stack.takeLast());
            for (const QVector<LayerId> *next : {&l->inputs, &l->consumers})
                for (LayerId n : *next)
                    if (chosen.contains(n) && !seen.contains(n)) {
                        seen.insert(n);
                        stack.append(n);
                    }
        }
        if (seen.size() != chosen.size())
            return fail(tr("the selected layers are not connected to each other; a block groups "
                           "connected layers"));
    }

    // No path may leave the selection and come back: collapsed, the block would feed itself.
    {
        QVector<LayerId> stack;
        QHash<LayerId, LayerId> exitOf; // outside layer -> the layer where its path left
        for (LayerId c : chosen)
            for (LayerId n : g.layer(c)->consumers)
                if (!chosen.contains(n) && !exitOf.contains(n)) {
                    exitOf.insert(n, n);
                    stack.append(n);
                }
        while (!stack.isEmpty()) {
            const LayerId cur = stack.takeLast();
            for (LayerId n : g.layer(cur)->consumers) {
                if (chosen.contains(n))
                    return fail(tr("a path leaves the selection through '%1' and comes back into "
                                   "'%2'; select '%1' too, or leave out the layers after it")
                                    .arg(g.layer(exitOf.value(cur))->name, g.layer(n)->name));
                if (!exitOf.contains(n)) {
                    exitOf.insert(n, exitOf.value(cur));
                    stack.append(n);
                }
            }
        }
    }

    // Blocks nest: each existing block holds all of the selection, or lies inside it, or
    // shares none of it.
    QHash<BlockId, QSet<LayerId>> members;
    for (LayerId l : g.layerIds())
        for (BlockId b = g.blockOf(l); b.isValid(); b = g.block(b)->parent)
            members[b].insert(l);
    BlockId parent;
    qsizetype parentSize = -1;
    for (auto it = members.cbegin(); it != members.cend(); ++it) {
        const QSet<LayerId> &set = it.value();
        const bool meets = set.intersects(chosen);
        const bool inside = meets && chosen.contains(set);
        const bool around = set.contains(chosen);
        if (meets && !inside && !around)
            return fail(tr("the selection takes part of block '%1': select all of its layers, or "
                           "only layers inside it")
                            .arg(g.block(it.key())->name));
        if (around && set.size() > chosen.size() && (parentSize < 0 || set.size() < parentSize)) {
            parent = it.key();
            parentSize = set.size();
        }
    }

    QVector<Block> blocks = g.blocks();
    Block block;
    block.id = id.isValid() ? id : BlockId(g.nextBlockId());
    block.name = trimmed;
    block.parent = parent;
    for (LayerId l : g.layerIds())
        if (chosen.contains(l) && g.blockOf(l) == parent)
            block.layers.append(l);
    for (Block &b : blocks) {
        if (b.parent == parent && members.value(b.id).intersects(chosen))
            b.parent = block.id;
        if (b.id == parent)
            for (LayerId l : std::as_const(block.layers))
                b.layers.removeAll(l);
    }
    blocks.append(block);
    *result = std::move(blocks);
    return block.id;
}

bool GraphModel::ungroup(BlockId id)
{
    if (!m_graph.removeBlock(id))
        return false;
    emit blocksChanged();
    return true;
}

bool GraphModel::renameBlock(BlockId id, const QString &name, QString *why)
{
    Block *b = m_graph.mutableBlock(id);
    if (!b)
        return false;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        if (why)
            *why = tr("a block name cannot be empty");
        return false;
    }
    if (b->name == trimmed)
        return true;
    b->name = trimmed;
    emit blocksChanged();
    return true;
}

bool GraphModel::setBlockCollapsed(BlockId id, bool collapsed)
{
    Block *b = m_graph.mutableBlock(id);
    if (!b)
        return false;
    if (b->collapsed == collapsed)
        return true;
    b->collapsed = collapsed;
    emit blocksChanged();
    return true;
}

bool GraphModel::setBlocks(const QVector<Block> &blocks)
{
    if (!m_graph.checkBlocks(blocks).isEmpty())
        return false;
    if (m_graph.blocks() == blocks)
        return true;
    m_graph.setBlocks(blocks);
    emit blocksChanged();
    return true;
}

} // namespace naqsh
