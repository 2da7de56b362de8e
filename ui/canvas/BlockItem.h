#pragma once

#include "ItemTypes.h"
#include "graph/Block.h"

#include <QGraphicsItem>
#include <QStringList>

namespace naqsh {

class GraphScene;
struct CanvasStyle;

/// One block on the canvas. Expanded, it is a frame around its layers (and the frames of the
/// blocks inside it) with its name in a title bar; only the title bar takes clicks, so the
/// layers inside stay reachable. Collapsed, it is one card in place of its layers, showing its
/// name, the shapes entering and leaving it, and its rolled-up parameters, MACs and activation
/// memory; edges to its layers attach to the card. Double-clicking the card or the title bar
/// toggles it (one undo step); dragging the card or the title moves the block's layers (one
/// undo step). The item holds the block id and what to show; GraphScene's
/// BlockOverlay sets its geometry and its lines from the model and the analysis.
class BlockItem : public QGraphicsItem
{
public:
    enum { Type = int(ItemType::Block) };

    BlockItem(GraphScene *scene, BlockId id);

    int type() const override { return Type; }
    BlockId blockId() const { return m_id; }
    bool isCollapsed() const { return m_collapsed; }

    /// Expanded: the frame around @p content (scene coordinates, the layers and inner frames).
    void setFrame(const QRectF &content);
    /// Collapsed: the card with its top-left corner at @p topLeft (scene coordinates).
    void setCard(QPointF topLeft);
    /// The frame or the card, in scene coordinates.
    QRectF outline() const { return mapRectToScene(m_rect); }
    /// The title bar (expanded) or the whole card (collapsed), in item coordinates.
    QRectF titleRect() const;
    /// Where edges into and out of a collapsed block attach (scene coordinates).
    QPointF inputAnchor() const;
    QPointF outputAnchor() const;

    /// Sets what is shown (BlockOverlay formats it from the roll-up): the name first, then,
    /// for a collapsed card, the shapes, the costs and the layer count. Repaints on a change.
    void setLines(const QStringList &lines, const QString &tip, bool collapsed, int depth);
    /// The shown lines (name, shapes, costs, layer count), for tests and accessibility.
    QString labelText() const { return m_lines.join(QLatin1Char('\n')); }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    const CanvasStyle &style() const;
    qreal titleHeight() const;
    void paintFrame(QPainter *painter, const CanvasStyle &s) const;
    void paintCard(QPainter *painter, const CanvasStyle &s, qreal lod) const;

    GraphScene *m_scene;
    BlockId m_id;
    bool m_collapsed = false;
    int m_depth = 0;
    QRectF m_rect; ///< frame or card, in item coordinates (the item sits at its top-left)
    QStringList m_lines;
    bool m_hovered = false;
    QPointF m_pressPos; ///< scene position of the left-button press
    bool m_dragging = false;
};

} // namespace naqsh
