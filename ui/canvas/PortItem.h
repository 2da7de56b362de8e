#pragma once

#include "ItemTypes.h"
#include "graph/GraphModel.h"

#include <QGraphicsItem>

namespace naqsh {

class NodeItem;

/// The input (top) or output (bottom) side of a layer's node; a child of its NodeItem. The
/// input port of a layer that takes many inputs (Concat, Add) is a wider pill whose edges
/// attach side by side in slot order. Ports hold no graph state: the node knows the layer.
///
/// A port is an item for hit testing, hover and its cursor, but it has no contents of its own:
/// its node draws it (paintPort) into the node's cache, so that a large graph does not pay for
/// two thousand more items on every repaint.
class PortItem : public QGraphicsItem
{
public:
    enum { Type = int(ItemType::Port) };
    /// How the port looks while a connection is being dragged.
    enum class Highlight { None, Valid, Target };

    PortItem(NodeItem *node, PortRef::Side side, int output = 0);

    int type() const override { return Type; }
    NodeItem *node() const { return m_node; }
    PortRef::Side side() const { return m_side; }
    int output() const { return m_output; }
    PortRef portRef() const;

    /// Where the edge of input slot @p slot of @p count attaches, in scene coordinates (the
    /// output port ignores both).
    QPointF anchor(int slot = 0, int count = 1) const;

    /// Sets the number of connected edges and whether many are allowed; changes the look.
    void setConnections(int count, bool many);
    void setHighlight(Highlight h);
    /// The scene's port hit radius changed (the view zoomed): the hit area follows.
    void hitAreaChanged() { prepareGeometryChange(); }
    Highlight highlight() const { return m_highlight; }

    /// Draws the port at its position, in its node's coordinates, at level of detail @p lod.
    void paintPort(QPainter *painter, qreal lod) const;
    /// How far the drawn port reaches around its centre (for the node's bounding rect).
    QRectF visualRect() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    qreal halfWidth() const;
    void changed();

    NodeItem *m_node;
    PortRef::Side m_side;
    int m_output = 0; ///< which output of the layer (Side::Output)
    int m_connections = 0;
    bool m_many = false;
    bool m_hovered = false;
    Highlight m_highlight = Highlight::None;
};

} // namespace naqsh
