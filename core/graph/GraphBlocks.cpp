// Graph's blocks: a tree of named groups over the layers. Graph keeps the derived indexes
// (block id -> index, layer -> innermost block) and nothing else; GraphModel validates edits.
#include "Graph.h"

#include <QCoreApplication>
#include <QSet>

namespace naqsh {

void Graph::rebuildBlockIndex()
{
    m_blockIndex.clear();
    m_layerBlock.clear();
    for (int i = 0; i < m_blocks.size(); ++i) {
        m_blockIndex.insert(m_blocks[i].id, i);
        for (LayerId l : m_blocks[i].layers)
            m_layerBlock.insert(l, m_blocks[i].id);
        m_nextBlockId = std::max(m_nextBlockId, m_blocks[i].id.value + 1);
    }
}

const Block *Graph::block(BlockId id) const
{
    const int i = m_blockIndex.value(id, -1);
    return i < 0 ? nullptr : &m_blocks[i];
}

Block *Graph::mutableBlock(BlockId id)
{
    const int i = m_blockIndex.value(id, -1);
    return i < 0 ? nullptr : &m_blocks[i];
}

QVector<BlockId> Graph::childBlocks(BlockId id) const
{
    QVector<BlockId> children;
    for (const Block &b : m_blocks)
        if (b.parent == id)
            children.append(b.id);
    return children;
}

bool Graph::blockWithin(BlockId inner, BlockId outer) const
{
    // The nesting depth is bounded by the number of blocks (setBlocks takes only trees).
    for (int guard = 0; inner.isValid() && guard <= m_blocks.size(); ++guard) {
        if (inner == outer)
            return true;
        const Block *b = block(inner);
        inner = b ? b->parent : BlockId();
    }
    return false;
}

QVector<LayerId> Graph::blockLayers(BlockId id) const
{
    QVector<LayerId> layers;
    if (!block(id))
        return layers;
    for (LayerId l : m_order) {
        const BlockId b = blockOf(l);
        if (b.isValid() && blockWithin(b, id))
            layers.append(l);
    }
    return layers;
}

BlockId Graph::collapsedBlockOf(LayerId layer) const
{
    BlockId outermost;
    BlockId b = blockOf(layer);
    for (int guard = 0; b.isValid() && guard <= m_blocks.size(); ++guard) {
        const Block *blk = block(b);
        if (!blk)
            break;
        if (blk->collapsed)
            outermost = b;
        b = blk->parent;
    }
    return outermost;
}

int Graph::blockDepth(BlockId id) const
{
    int depth = 0;
    const Block *b = block(id);
    while (b && b->parent.isValid() && depth <= m_blocks.size()) {
        ++depth;
        b = block(b->parent);
    }
    return depth;
}

void Graph::setBlocks(const QVector<Block> &blocks)
{
    m_blocks = blocks;
    rebuildBlockIndex();
}

BlockId Graph::addBlock(Block block)
{
    if (!block.id.isValid())
        block.id = BlockId(m_nextBlockId);
    if (m_blockIndex.contains(block.id))
        return {};
    for (LayerId l : std::as_const(block.layers))
        if (Block *old = mutableBlock(blockOf(l)))
            old->layers.removeAll(l);
    const BlockId id = block.id;
    m_blocks.append(std::move(block));
    rebuildBlockIndex();
    return id;
}

bool Graph::removeBlock(BlockId id)
{
    const int i = m_blockIndex.value(id, -1);
    if (i < 0)
        return false;
    const Block removed = m_blocks[i];
    m_blocks.removeAt(i);
    for (Block &b : m_blocks)
        if (b.parent == id)
            b.parent = removed.parent;
    rebuildBlockIndex();
    if (Block *parent = mutableBlock(removed.parent)) {
        parent->layers += removed.layers;
        rebuildBlockIndex();
    }
    return true;
}

bool Graph::dropFromBlocks(LayerId id)
{
    BlockId b = blockOf(id);
    Block *blk = mutableBlock(b);
    if (!blk)
        return false;
    blk->layers.removeAll(id);
    m_layerBlock.remove(id);
    // A block with nothing left in it goes, and so may its parent.
    while (blk && blk->layers.isEmpty() && childBlocks(b).isEmpty()) {
        const BlockId parent = blk->parent;
        m_blocks.removeAt(m_blockIndex.value(b));
        rebuildBlockIndex();
        b = parent;
        blk = mutableBlock(b);
    }
    return true;
}

QString Graph::checkBlocks(const QVector<Block> &blocks, int *index, QString *field) const
{
    auto fail = [&](int i, const QString &f, const QString &message) {
        if (index)
            *index = i;
        if (field)
            *field = f;
        return message;
    };
    QHash<BlockId, int> ids;
    QHash<LayerId, int> owner;
    for (int i = 0; i < blocks.size(); ++i) {
        const Block &b = blocks[i];
        if (!b.id.isValid())
            return fail(i, QStringLiteral("id"),
                        QCoreApplication::translate(
                            "naqsh::Blocks", "expected a block id (a positive whole number)"));
        if (ids.contains(b.id))
            return fail(i, QStringLiteral("id"),
                        QCoreApplication::translate("naqsh::Blocks", "block id %1 is used twice")
                            .arg(b.id.value));
        ids.insert(b.id, i);
        if (b.name.trimmed().isEmpty())
            return fail(i, QStringLiteral("name"),
                        QCoreApplication::translate("naqsh::Blocks", "expected a non-empty name"));
        for (int k = 0; k < b.layers.size(); ++k) {
            const QString f = QStringLiteral("layers[%1]").arg(k);
            const Layer *l = layer(b.layers[k]);
            if (!l)
                return fail(i, f,
                            QCoreApplication::translate("naqsh::Blocks",
                                                        "no layer has id %1; a block holds layers")
                                .arg(b.layers[k].value));
            if (owner.contains(l->id)) {
                const Block &other = blocks[owner.value(l->id)];
                return fail(i, f,
                            other.id == b.id
                                ? QCoreApplication::translate(
                                      "naqsh::Blocks", "layer '%1' is listed twice in this block")
                                      .arg(l->name)
                                : QCoreApplication::translate(
                                      "naqsh::Blocks",
                                      "layer '%1' is already in block '%2'; a layer is in at "
                                      "most one innermost block")
                                      .arg(l->name, other.name));
            }
            owner.insert(l->id, i);
        }
    }
    QSet<BlockId> parents;
    for (int i = 0; i < blocks.size(); ++i) {
        const Block &b = blocks[i];
        if (!b.parent.isValid())
            continue;
        if (!ids.contains(b.parent))
            return fail(i, QStringLiteral("parent"),
                        QCoreApplication::translate("naqsh::Blocks", "no block has id %1")
                            .arg(b.parent.value));
        parents.insert(b.parent);
        // Follow the parents: coming back to this block means the nesting is a cycle.
        QStringList chain{b.name};
        BlockId up = b.parent;
        for (int steps = 0; up.isValid() && steps <= blocks.size(); ++steps) {
            const Block &p = blocks[ids.value(up)];
            chain << p.name;
            if (p.id == b.id)
                return fail(
                    i, QStringLiteral("parent"),
                    QCoreApplication::translate(
                        "naqsh::Blocks", "the blocks nest in a cycle (%1); blocks must form a tree")
                        .arg(chain.join(QStringLiteral(" ⊂ "))));
            up = ids.contains(p.parent) ? p.parent : BlockId();
        }
    }
    for (int i = 0; i < blocks.size(); ++i)
        if (blocks[i].layers.isEmpty() && !parents.contains(blocks[i].id))
            return fail(i, QStringLiteral("layers"),
                        QCoreApplication::translate(
                            "naqsh::Blocks", "a block must hold at least one layer or block"));
    return {};
}

} // namespace naqsh
