#include "PortItem.h"

#include "CanvasStyle.h"
#include "GraphScene.h"
#include "NodeItem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace naqsh {

PortItem::PortItem(NodeItem *node, PortRef::Side side, int output)
    : QGraphicsItem(node)
    , m_node(node)
    , m_side(side)
    , m_output(output)
{
    setFlag(ItemHasNoContents);
    setAcceptHoverEvents(true);
    setCursor(Qt::CrossCursor);
    setZValue(1);
}

void PortItem::changed()
{
    // The node draws its ports into its own cache.
    m_node->update();
}

PortRef PortItem::portRef() const
{
    return PortRef{m_node->layerId(), m_side, m_output};
}

qreal PortItem::halfWidth() const
{
    const CanvasStyle &s = m_node->graphScene()->style();
    if (!m_many)
        return s.portRadius;
    // A pill with room for every edge plus one more: new inputs append on the trailing side.
    const qreal spacing = s.portRadius * 2.2;
    return qMin(s.nodeWidth / 2 - s.radius - s.portRadius,
                qMax(s.portRadius * 2.8, spacing * (m_connections + 1) / 2));
}

QPointF PortItem::anchor(int slot, int count) const
{
    if (m_side == PortRef::Side::Output || !m_many || count <= 1)
        return scenePos();
    const qreal hw = halfWidth();
    const qreal step = 2 * hw / (count + 1);
    return mapToScene(QPointF(-hw + step * (slot + 1), 0));
}

void PortItem::setConnections(int count, bool many)
{
    if (count == m_connections && many == m_many)
        return;
    prepareGeometryChange();
    m_node->portGeometryChanged();
    m_connections = count;
    m_many = many;
    changed();
}

void PortItem::setHighlight(Highlight h)
{
    if (h == m_highlight)
        return;
    m_highlight = h;
    changed();
}

QRectF PortItem::boundingRect() const
{
    const CanvasStyle &s = m_node->graphScene()->style();
    const qreal hit = m_node->graphScene()->portHitRadius();
    const qreal hw = halfWidth() + hit - s.portRadius;
    return QRectF(-hw, -hit, 2 * hw, 2 * hit);
}

QPainterPath PortItem::shape() const
{
    // Generous hit area: ports are small targets.
    QPainterPath p;
    const QRectF r = boundingRect();
    p.addRoundedRect(r, r.height() / 2, r.height() / 2);
    return p;
}

QRectF PortItem::visualRect() const
{
    const CanvasStyle &s = m_node->graphScene()->style();
    const qreal grow = 6; // the halo of a connection target
    const qreal hw = halfWidth() + grow;
    const qreal h = s.portRadius + grow;
    return QRectF(pos().x() - hw, pos().y() - h, 2 * hw, 2 * h);
}

void PortItem::paint(QPainter *, const QStyleOptionGraphicsItem *, QWidget *)
{
    // ItemHasNoContents: NodeItem::paint draws ports through paintPort.
}

void PortItem::paintPort(QPainter *painter, qreal lod) const
{
    if (lod < CanvasStyle::kBoxesOnlyLod && m_highlight == Highlight::None)
        return;
    const CanvasStyle &s = m_node->graphScene()->style();
    const qreal pr = s.portRadius;
    const qreal hw = halfWidth();
    const QPointF c = pos();
    const QRectF body(c.x() - hw, c.y() - pr, 2 * hw, 2 * pr);

    if (m_highlight != Highlight::None) {
        QColor halo = s.portValid;
        halo.setAlpha(m_highlight == Highlight::Target ? 110 : 60);
        painter->setPen(Qt::NoPen);
        painter->setBrush(halo);
        const qreal grow = m_highlight == Highlight::Target ? 6 : 4;
        const QRectF h = body.adjusted(-grow, -grow, grow, grow);
        painter->drawRoundedRect(h, h.height() / 2, h.height() / 2);
    }
    const bool connected = m_connections > 0;
    QColor border = m_hovered ? s.selection : s.portBorder;
    QColor fill = connected ? s.portBorder : s.portFill;
    if (m_highlight != Highlight::None) {
        border = s.portValid;
        fill = connected ? s.portValid : s.portFill;
    }
    painter->setPen(QPen(border, 1.5));
    painter->setBrush(fill);
    painter->drawRoundedRect(body, pr, pr);
    if (m_many && lod >= CanvasStyle::kNameOnlyLod) {
        // Tick marks where the existing inputs attach, in slot order.
        painter->setPen(QPen(connected ? s.portFill : s.portBorder, 1.2));
        const qreal step = 2 * hw / (m_connections + 1);
        for (int i = 0; i < m_connections; ++i) {
            const qreal x = c.x() - hw + step * (i + 1);
            painter->drawLine(QPointF(x, c.y() - pr * 0.45), QPointF(x, c.y() + pr * 0.45));
        }
    }
}

void PortItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    changed();
    QGraphicsItem::hoverEnterEvent(event);
}

void PortItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    changed();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace naqsh
