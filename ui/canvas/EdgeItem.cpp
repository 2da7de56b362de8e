#include "EdgeItem.h"

#include "BlockItem.h"
#include "CanvasStyle.h"
#include "DisplayContext.h"
#include "GraphScene.h"
#include "NodeItem.h"
#include "PortItem.h"
#include "analysis/AnalysisResult.h"
#include "graph/GraphModel.h"
#include "layout/EdgeRouter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace naqsh {

EdgeItem::EdgeItem(GraphScene *scene, const Connection &connection)
    : m_scene(scene)
    , m_connection(connection)
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(-1);
}

EdgeItem::~EdgeItem() = default;

void EdgeItem::setSlot(int slot)
{
    if (m_connection.slot == slot)
        return;
    m_connection.slot = slot;
    adjust();
}

QPainterPath EdgeItem::curve(QPointF from, QPointF to)
{
    // Vertical flow: leave the output downwards, enter the input from above.
    const std::array<QPointF, 4> c = EdgeRouter::edgeCurve(from, to);
    QPainterPath p(from);
    p.cubicTo(c[1], c[2], c[3]);
    return p;
}

void EdgeItem::adjust()
{
    const NodeItem *a = m_scene->nodeItem(m_connection.from);
    const NodeItem *b = m_scene->nodeItem(m_connection.to);
    const PortItem *out = a ? a->outputPort(m_connection.output) : nullptr;
    if (!a || !b || !out || !b->inputPort())
        return;
    // An end inside a collapsed block attaches to the block's card.
    const BlockItem *cardA = m_scene->collapsedBlockItem(m_connection.from);
    const BlockItem *cardB = m_scene->collapsedBlockItem(m_connection.to);
    const QPointF p0 = cardA ? cardA->outputAnchor() : out->anchor();
    const QPointF p1 = cardB ? cardB->inputAnchor()
                             : b->inputPort()->anchor(m_connection.slot, b->inputEdgeCount());
    prepareGeometryChange();
    m_route = m_scene->edgeRouter().route(p0, p1, m_scene->routerIndex(cardA ? nullptr : a),
                                          m_scene->routerIndex(cardB ? nullptr : b));
    if (m_route.size() <= 2) {
        m_route = {p0, p1};
        m_path = curve(p0, p1);
        // The label sits at the curve's middle (t = 0.5 of the cubic), between the two nodes.
        const QPainterPath::Element c1 = m_path.elementAt(1);
        const QPainterPath::Element c2 = m_path.elementAt(2);
        m_mid = (p0 + 3 * QPointF(c1.x, c1.y) + 3 * QPointF(c2.x, c2.y) + p1) / 8.0;
    } else {
        // Straight down through the gaps between nodes, a smooth bend (vertical at both ends,
        // inside the node-free rows) wherever the route moves sideways.
        m_path = QPainterPath(m_route[0]);
        m_mid = QPointF();
        bool haveMid = false;
        for (qsizetype i = 1; i < m_route.size(); ++i) {
            const QPointF a = m_route[i - 1];
            const QPointF b = m_route[i];
            if (a.x() == b.x()) {
                m_path.lineTo(b);
                continue;
            }
            const qreal pull = (b.y() - a.y()) / 2;
            m_path.cubicTo(a + QPointF(0, pull), b - QPointF(0, pull), b);
            if (!haveMid) {
                m_mid = (a + b) / 2;
                haveMid = true;
            }
        }
        if (!haveMid)
            m_mid = (m_route[0] + m_route[1]) / 2;
    }
    m_end = p1;
    m_bounds = m_path.boundingRect().united(labelRect()).adjusted(-4, -4, 4, 4);
}

QRectF EdgeItem::labelRect() const
{
    if (m_label.isEmpty())
        return QRectF(m_mid, QSizeF(0, 0));
    const CanvasStyle &s = m_scene->style();
    const qreal h = s.metaHeight + 2;
    const qreal w = m_labelWidth + h * 0.9;
    return QRectF(m_mid.x() - w / 2, m_mid.y() - h / 2, w, h);
}

void EdgeItem::refresh()
{
    const AnalysisResult &result = m_scene->analysis();
    const LayerResult *r = result.layer(m_connection.from);
    const bool has = r && r->hasNumbers();
    const QString label =
        !has ? QString()
        : m_scene->display()->isHidden(DisplayContext::Hidden::Shapes)
            ? DisplayContext::hiddenText()
            : m_scene->display()->format().shape(r->outputAt(m_connection.output), true);
    if (m_refreshed && label == m_label && has == m_hasNumbers)
        return;
    m_refreshed = true;
    prepareGeometryChange();
    m_label = label;
    m_hasNumbers = has;
    const qreal width = QFontMetricsF(m_scene->style().edgeFont).horizontalAdvance(m_label);
    if (width != m_labelWidth)
        m_scene->invalidateRoutes(); // the label's size changed: it may now cover another
    m_labelWidth = width;
    const Graph &g = m_scene->model()->graph();
    const Layer *from = g.layer(m_connection.from);
    const Layer *to = g.layer(m_connection.to);
    if (from && to)
        setToolTip(has ? QCoreApplication::translate("naqsh::EdgeItem", "%1 → %2: %3")
                             .arg(from->name, to->name, label)
                       : QCoreApplication::translate("naqsh::EdgeItem", "%1 → %2")
                             .arg(from->name, to->name));
    m_bounds = m_path.boundingRect().united(labelRect()).adjusted(-4, -4, 4, 4);
    update();
}

void EdgeItem::styleChanged()
{
    m_labelWidth = QFontMetricsF(m_scene->style().edgeFont).horizontalAdvance(m_label);
    adjust();
    update();
}

void EdgeItem::setLabelShown(bool on)
{
    if (on == m_labelShown)
        return;
    prepareGeometryChange();
    m_labelShown = on;
    update();
}

void EdgeItem::setDropTarget(bool on)
{
    if (on == m_dropTarget)
        return;
    m_dropTarget = on;
    update();
}

QRectF EdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    stroker.setCapStyle(Qt::RoundCap);
    QPainterPath p = stroker.createStroke(m_path);
    if (!m_label.isEmpty() && m_labelShown)
        p.addRect(labelRect());
    return p;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const CanvasStyle &s = m_scene->style();
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    QColor colour = s.edge;
    qreal width = s.edgeWidth;
    if (m_hovered)
        colour = s.hover;
    if (isSelected()) {
        colour = s.selection;
        width = 2.5;
    }
    if (m_dropTarget) {
        QColor glow = s.selection;
        glow.setAlpha(60);
        painter->setPen(QPen(glow, 10, Qt::SolidLine, Qt::RoundCap));
        painter->drawPath(m_path);
        colour = s.selection;
        width = 3;
    }
    QPen pen(colour, width, m_hasNumbers ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap);
    if (lod < CanvasStyle::kBoxesOnlyLod) {
        // Far out a straight hairline shows the structure, at a fraction of the cost of
        // flattening and antialiasing a curve.
        pen.setWidthF(1);
        pen.setCosmetic(true);
        const bool aa = painter->testRenderHint(QPainter::Antialiasing);
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(pen);
        painter->drawPolyline(m_route.constData(), int(m_route.size()));
        painter->setRenderHint(QPainter::Antialiasing, aa);
        return;
    }
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);

    if (lod < CanvasStyle::kEdgeLabelLod || m_label.isEmpty() || !m_labelShown)
        return;
    const QRectF box = labelRect();
    painter->setPen(QPen(isSelected() || m_dropTarget ? s.selection : s.edgeLabelBorder, 1));
    painter->setBrush(s.edgeLabelFill);
    painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    painter->setFont(s.edgeFont);
    painter->setPen(s.edgeLabelText);
    painter->drawText(box, Qt::AlignCenter, m_label);
}

void EdgeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void EdgeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace naqsh
