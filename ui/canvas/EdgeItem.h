#pragma once

#include "ItemTypes.h"
#include "graph/LayerId.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace naqsh {

class GraphScene;
class NodeItem;

/// One connection on the canvas: a smooth curve from the producer's output port to an input
/// slot of the consumer, labelled with the tensor shape it carries (the producer's output
/// shape, isolated so that right-to-left text never reverses it). Geometry follows the node
/// items (so an edge tracks a node while it is dragged); the label follows the analysis.
/// An edge whose direct curve would cross another node is routed around the nodes instead
/// (GraphScene::edgeRouter()): straight down through the gaps between nodes, smooth bends
/// between the rows. The scene decides whether the label shows (GraphScene::rerouteEdges()).
class EdgeItem : public QGraphicsItem
{
public:
    enum { Type = int(ItemType::Edge) };

    EdgeItem(GraphScene *scene, const Connection &connection);
    ~EdgeItem() override;

    int type() const override { return Type; }
    const Connection &connection() const { return m_connection; }
    /// Slots shift when another input of the same layer is removed or inserted.
    void setSlot(int slot);

    /// Recomputes the curve from the current node positions.
    void adjust();
    /// Re-reads the shape label from the latest analysis; repaints only if it changed.
    void refresh();
    /// Re-reads the style's fonts and sizes.
    void styleChanged();

    /// The shape text on the label (empty when the producer has no numbers).
    QString labelText() const { return m_label; }
    /// The middle of the curve, where the label sits (scene coordinates); on a routed edge the
    /// middle of its first bend, near the producer.
    QPointF midPoint() const { return m_mid; }
    /// The route's points in scene coordinates: the two ends for a direct curve, else the
    /// corners of the route around the nodes (EdgeRouter::route()).
    const QVector<QPointF> &route() const { return m_route; }
    QPointF startPoint() const { return m_route.value(0); }
    QPointF endPoint() const { return m_end; }
    /// Where the shape label is drawn (scene coordinates), shown or not.
    QRectF labelRect() const;
    /// Whether the label is drawn (the tooltip always names the shape).
    void setLabelShown(bool on);
    bool labelShown() const { return m_labelShown; }

    /// Marks the edge as the target of a node being dropped onto it.
    void setDropTarget(bool on);
    bool isDropTarget() const { return m_dropTarget; }

    /// The curve from an output anchor to an input anchor, shared with the rubber edge.
    static QPainterPath curve(QPointF from, QPointF to);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    GraphScene *m_scene;
    Connection m_connection;
    QPainterPath m_path;
    QVector<QPointF> m_route;
    QPointF m_mid;
    QPointF m_end;
    QPointF m_endDirection;
    QString m_label;
    qreal m_labelWidth = 0;
    bool m_hasNumbers = false;
    bool m_refreshed = false;
    bool m_hovered = false;
    bool m_dropTarget = false;
    bool m_labelShown = true;
    QRectF m_bounds;
};

} // namespace naqsh
