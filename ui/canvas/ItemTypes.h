#pragma once

#include <QGraphicsItem>

namespace naqsh {

/// Every custom graphics item type of the canvas, in one place, for QGraphicsItem::type() and
/// qgraphicsitem_cast. Each item class declares `enum { Type = int(ItemType::...) }`.
enum class ItemType : int {
    Node = QGraphicsItem::UserType + 1, ///< NodeItem: one layer
    Port,                               ///< PortItem: the input or output side of a layer
    Edge,                               ///< EdgeItem: one connection
    RubberEdge,                         ///< the edge that follows the mouse while connecting
    NameEditor,                         ///< NameEditor: in-place rename of a layer
    Block,                              ///< BlockItem: a block, collapsed or framed
};

} // namespace naqsh
