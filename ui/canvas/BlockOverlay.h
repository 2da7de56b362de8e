#pragma once

#include "graph/Block.h"

#include <QHash>

namespace naqsh {

class BlockItem;
class GraphScene;

/// Keeps the canvas's block items in step with the model's blocks: one BlockItem per block,
/// framed or collapsed; the layers of a collapsed block hidden (and the edges among them), the
/// edges that cross its border attached to its card. Owned by GraphScene, which calls sync()
/// when the blocks change, updateGeometry() when layers move and refreshText() when the
/// analysis or the display settings change.
class BlockOverlay
{
public:
    explicit BlockOverlay(GraphScene *scene);

    /// The scene deleted every item (QGraphicsScene::clear()).
    void forget() { m_items.clear(); }
    /// Creates and removes items to match the blocks, then shows, places and labels them.
    void sync();
    /// Re-fits every frame to its layers and places every card; re-routes edges to a card that
    /// moved.
    void updateGeometry();
    /// Re-reads names and roll-ups.
    void refreshText();

    BlockItem *item(BlockId id) const { return m_items.value(id); }
    int count() const { return int(m_items.size()); }
    /// The card drawn in place of @p layer when a block around it is collapsed, else nullptr.
    BlockItem *collapsedItemOf(LayerId layer) const;

private:
    void updateVisibility();
    /// Re-routes the visible edges (with @p cardsOnly, those that end at a card).
    void adjustEdges(bool cardsOnly);

    GraphScene *m_scene;
    QHash<BlockId, BlockItem *> m_items;
};

} // namespace naqsh
