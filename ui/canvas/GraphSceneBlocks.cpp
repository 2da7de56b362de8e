// GraphScene's block gestures: Group, Ungroup, Rename Block, Collapse/Expand, and selecting a
// block by its title or card. Each edit is one command on the document's undo stack.
#include "GraphScene.h"

#include "BlockItem.h"
#include "BlockOverlay.h"
#include "Document.h"
#include "LayerSelection.h"
#include "NodeItem.h"
#include "commands/BlockCommands.h"
#include "commands/GraphCommands.h"

#include <QGraphicsView>
#include <QInputDialog>
#include <QMenu>
#include <QUndoStack>

namespace naqsh {

BlockItem *GraphScene::blockItem(BlockId id) const
{
    return m_blocks->item(id);
}

BlockItem *GraphScene::collapsedBlockItem(LayerId layer) const
{
    return m_blocks->count() > 0 ? m_blocks->collapsedItemOf(layer) : nullptr;
}

void GraphScene::onBlocksChanged()
{
    m_blocks->sync();
    // Layers that were just hidden or shown change what the selection can hold.
    if (!m_syncingSelection)
        onLayerSelectionChanged();
}

BlockId GraphScene::selectedBlock() const
{
    const Graph &g = m_model->graph();
    const QVector<LayerId> layers = selectedLayers();
    if (layers.isEmpty())
        return {};
    QVector<LayerId> sorted = layers;
    std::sort(sorted.begin(), sorted.end());
    auto holdsExactly = [&](BlockId b) {
        QVector<LayerId> own = g.blockLayers(b);
        std::sort(own.begin(), own.end());
        return own == sorted;
    };
    if (g.block(m_pickedBlock) && holdsExactly(m_pickedBlock))
        return m_pickedBlock;
    for (QGraphicsItem *i : selectedItems())
        if (auto *card = qgraphicsitem_cast<BlockItem *>(i); card && holdsExactly(card->blockId()))
            return card->blockId();
    // The innermost block around the first selected layer that holds all of them.
    const QSet<LayerId> chosen(layers.begin(), layers.end());
    for (BlockId b = g.blockOf(layers.first()); b.isValid(); b = g.block(b)->parent) {
        const QVector<LayerId> own = g.blockLayers(b);
        const QSet<LayerId> set(own.begin(), own.end());
        if (set.contains(chosen))
            return b;
    }
    return {};
}

BlockId GraphScene::groupSelection(const QString &name)
{
    const QVector<LayerId> layers = selectedLayers();
    const QString blockName = name.trimmed().isEmpty() ? m_model->uniqueBlockName(QString()) : name;
    QVector<Block> planned;
    QString why;
    if (!m_model->planGroup(layers, blockName, &planned, &why).isValid()) {
        emit statusMessage(why);
        return {};
    }
    auto *cmd = new GroupLayersCommand(m_model, layers, blockName);
    m_doc->undoStack()->push(cmd); // checked above: not refused, so not deleted by the push
    const BlockId id = cmd->blockId();
    m_pickedBlock = id;
    return id;
}

void GraphScene::ungroupSelection()
{
    const BlockId b = selectedBlock();
    if (!b.isValid()) {
        emit statusMessage(tr("select a block (or layers inside one) to ungroup"));
        return;
    }
    m_doc->undoStack()->push(new UngroupCommand(m_model, b));
}

void GraphScene::toggleBlock(BlockId id)
{
    const Block *b = m_model->graph().block(id);
    if (!b)
        return;
    m_doc->undoStack()->push(new SetBlockCollapsedCommand(m_model, id, !b->collapsed));
}

void GraphScene::renameBlock(BlockId id)
{
    const Block *b = m_model->graph().block(id);
    if (!b)
        return;
    QWidget *parent = views().isEmpty() ? nullptr : views().first();
    bool ok = false;
    const QString name = QInputDialog::getText(parent, tr("Rename Block"), tr("Block name:"),
                                               QLineEdit::Normal, b->name, &ok);
    if (!ok)
        return;
    if (name.trimmed().isEmpty()) {
        emit statusMessage(tr("a block name cannot be empty"));
        return;
    }
    m_doc->undoStack()->push(new RenameBlockCommand(m_model, id, name));
}

void GraphScene::selectBlock(BlockId id, bool add)
{
    const Graph &g = m_model->graph();
    if (!g.block(id))
        return;
    QVector<LayerId> layers = add ? selectedLayers() : QVector<LayerId>();
    for (LayerId l : g.blockLayers(id))
        if (!layers.contains(l))
            layers.append(l);
    m_pickedBlock = id;
    m_selection->setSelection(layers);
}

void GraphScene::dragBlock(BlockId id, QPointF delta, bool done)
{
    const Block *b = m_model->graph().block(id);
    if (!b)
        return;
    if (m_blockDragStart.isEmpty())
        for (LayerId l : m_model->graph().blockLayers(id))
            if (const NodeItem *n = m_nodes.value(l))
                m_blockDragStart.insert(l, n->pos());
    for (auto it = m_blockDragStart.cbegin(); it != m_blockDragStart.cend(); ++it)
        if (NodeItem *n = m_nodes.value(it.key()))
            n->setPos(it.value() + delta);
    m_blocks->updateGeometry();
    if (!done)
        return;
    QHash<LayerId, QPointF> from, to;
    for (auto it = m_blockDragStart.cbegin(); it != m_blockDragStart.cend(); ++it)
        if (const NodeItem *n = m_nodes.value(it.key()); n && n->pos() != it.value()) {
            from.insert(it.key(), toModel(it.value()));
            to.insert(it.key(), toModel(n->pos()));
        }
    m_blockDragStart.clear();
    if (!to.isEmpty())
        m_doc->undoStack()->push(
            new MoveLayersCommand(m_model, from, to, tr("Move block %1").arg(b->name)));
}

void GraphScene::selectCollapsedCards(const QSet<LayerId> &wanted)
{
    const Graph &g = m_model->graph();
    for (const Block &b : g.blocks()) {
        BlockItem *card = m_blocks->item(b.id);
        if (!card || !b.collapsed || !card->isVisible())
            continue;
        const QVector<LayerId> own = g.blockLayers(b.id);
        bool all = !own.isEmpty();
        for (LayerId l : own)
            all = all && wanted.contains(l);
        card->setSelected(all);
    }
}

void GraphScene::addBlockActions(QMenu *menu, BlockId block, bool onLayers)
{
    auto add = [menu](const QString &text, const char *name, auto slot) {
        QAction *a = menu->addAction(text);
        a->setObjectName(QLatin1String(name));
        QObject::connect(a, &QAction::triggered, menu, slot);
        return a;
    };
    if (onLayers) {
        add(tr("&Group"), "groupAction", [this] {
            groupSelection();
        })->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
        add(tr("U&ngroup"), "ungroupAction", [this] {
            ungroupSelection();
        })->setEnabled(selectedBlock().isValid());
        return;
    }
    const Block *b = m_model->graph().block(block);
    if (!b)
        return;
    selectBlock(block);
    add(b->collapsed ? tr("E&xpand Block") : tr("&Collapse Block"), "toggleBlockAction",
        [this, block] { toggleBlock(block); });
    add(tr("&Rename Block…"), "renameBlockAction", [this, block] { renameBlock(block); });
    add(tr("U&ngroup"), "ungroupAction",
        [this, block] { m_doc->undoStack()->push(new UngroupCommand(m_model, block)); });
}

} // namespace naqsh
