#include "BlockItem.h"

#include "CanvasStyle.h"
#include "GraphScene.h"
#include "graph/GraphModel.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace naqsh {

namespace {
/// Padding between a frame and what it holds.
constexpr qreal kFramePad = 14;
} // namespace

BlockItem::BlockItem(GraphScene *scene, BlockId id)
    : m_scene(scene)
    , m_id(id)
{
    setAcceptHoverEvents(true);
}

const CanvasStyle &BlockItem::style() const
{
    return m_scene->style();
}

qreal BlockItem::titleHeight() const
{
    const CanvasStyle &s = style();
    return s.nameHeight + s.padY;
}

void BlockItem::setFrame(const QRectF &content)
{
    const qreal title = titleHeight();
    const QPointF topLeft = content.topLeft() - QPointF(kFramePad, kFramePad + title);
    const QRectF rect(0, 0, content.width() + 2 * kFramePad,
                      content.height() + 2 * kFramePad + title);
    if (rect != m_rect)
        prepareGeometryChange();
    m_rect = rect;
    setPos(topLeft);
    // Outer frames lie behind inner ones, all behind the edges (z -1) and the nodes (z 0).
    setZValue(-5 + 0.01 * m_depth);
    setSelected(false);
    setFlag(ItemIsSelectable, false); // a frame's layers are selected themselves
}

void BlockItem::setCard(QPointF topLeft)
{
    const CanvasStyle &s = style();
    const QRectF rect(0, 0, s.nodeWidth * 1.3,
                      2 * s.padY + s.nameHeight + 3 * (s.metaHeight + s.lineGap));
    if (rect != m_rect)
        prepareGeometryChange();
    m_rect = rect;
    setPos(topLeft);
    setZValue(0.5);
    // A card stands for its hidden layers: selecting it selects them (GraphScene).
    setFlag(ItemIsSelectable, true);
}

QRectF BlockItem::titleRect() const
{
    if (m_collapsed)
        return m_rect;
    return QRectF(m_rect.left(), m_rect.top(), m_rect.width(), titleHeight());
}

QPointF BlockItem::inputAnchor() const
{
    return mapToScene(QPointF(m_rect.center().x(), m_rect.top()));
}

QPointF BlockItem::outputAnchor() const
{
    return mapToScene(QPointF(m_rect.center().x(), m_rect.bottom()));
}

void BlockItem::setLines(const QStringList &lines, const QString &tip, bool collapsed, int depth)
{
    const bool changed = lines != m_lines || collapsed != m_collapsed || depth != m_depth;
    m_collapsed = collapsed;
    m_depth = depth;
    setToolTip(tip);
    if (!changed)
        return;
    m_lines = lines;
    update();
}

QRectF BlockItem::boundingRect() const
{
    return m_rect.adjusted(-6, -6, 6, 6);
}

QPainterPath BlockItem::shape() const
{
    // Expanded, only the title bar takes clicks: the layers inside the frame stay reachable.
    QPainterPath p;
    p.addRoundedRect(titleRect(), style().radius, style().radius);
    return p;
}

void BlockItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const CanvasStyle &s = style();
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_collapsed)
        paintCard(painter, s, option->levelOfDetailFromTransform(painter->worldTransform()));
    else
        paintFrame(painter, s);
}

void BlockItem::paintFrame(QPainter *painter, const CanvasStyle &s) const
{
    const QColor accent = mixColors(s.nodeBorder, s.selection, 0.55);
    QColor fill = mixColors(s.background, s.selection, s.dark ? 0.10 : 0.05);
    painter->setPen(QPen(m_hovered ? s.selection : accent, 1.4, Qt::DashLine));
    painter->setBrush(fill);
    painter->drawRoundedRect(m_rect, s.radius + 4, s.radius + 4);
    // Title bar: a chevron pointing down (expanded) and the name.
    const QRectF title = titleRect();
    painter->setPen(Qt::NoPen);
    painter->setBrush(mixColors(s.background, s.selection, s.dark ? 0.22 : 0.14));
    QPainterPath bar;
    bar.addRoundedRect(title, s.radius + 4, s.radius + 4);
    painter->drawPath(bar);
    const bool rtl = QGuiApplication::isRightToLeft();
    painter->setPen(s.text);
    painter->setFont(s.nameFont);
    const QString text = QStringLiteral("▾ ") + m_lines.value(0);
    const QRectF textRect = title.adjusted(s.padX, 0, -s.padX, 0);
    const QString shown =
        QFontMetricsF(s.nameFont).elidedText(text, Qt::ElideRight, textRect.width());
    painter->drawText(textRect, Qt::AlignVCenter | (rtl ? Qt::AlignRight : Qt::AlignLeft), shown);
}

void BlockItem::paintCard(QPainter *painter, const CanvasStyle &s, qreal lod) const
{
    // A stack of cards: one shadow card behind, offset, so a block reads as "several layers".
    const QColor border =
        m_hovered || isSelected() ? s.selection : mixColors(s.nodeBorder, s.selection, 0.55);
    painter->setPen(QPen(border, 1.2));
    painter->setBrush(mixColors(s.nodeFill, s.selection, 0.10));
    painter->drawRoundedRect(m_rect.translated(5, 5), s.radius, s.radius);
    painter->setBrush(s.nodeFill);
    painter->setPen(QPen(border, isSelected() ? 2.4 : 1.6));
    painter->drawRoundedRect(m_rect, s.radius, s.radius);
    const bool rtl = QGuiApplication::isRightToLeft();
    const Qt::Alignment align = Qt::AlignVCenter | (rtl ? Qt::AlignRight : Qt::AlignLeft);
    const qreal width = m_rect.width() - 2 * s.padX;
    qreal y = s.padY;
    painter->setPen(s.text);
    if (lod < CanvasStyle::kNameOnlyLod) {
        painter->setFont(s.overviewFont);
        painter->drawText(m_rect.adjusted(s.padX, 0, -s.padX, 0),
                          Qt::AlignCenter | Qt::TextWrapAnywhere, m_lines.value(0));
        return;
    }
    painter->setFont(s.nameFont);
    // The chevron points along the reading direction.
    const QString name = (rtl ? QStringLiteral("◂ ") : QStringLiteral("▸ ")) + m_lines.value(0);
    painter->drawText(QRectF(s.padX, y, width, s.nameHeight), align,
                      QFontMetricsF(s.nameFont).elidedText(name, Qt::ElideRight, width));
    y += s.nameHeight + s.lineGap;
    painter->setFont(s.metaFont);
    const QFontMetricsF meta(s.metaFont);
    for (int i = 1; i < m_lines.size(); ++i) {
        painter->setPen(i == 1 ? s.text : s.textMuted);
        painter->drawText(QRectF(s.padX, y, width, s.metaHeight), align,
                          meta.elidedText(m_lines[i], Qt::ElideRight, width));
        y += s.metaHeight + s.lineGap;
    }
}

void BlockItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // A click on the title (or the card) selects the block's layers.
    if (event->button() == Qt::LeftButton) {
        m_scene->selectBlock(m_id, event->modifiers() & Qt::ControlModifier);
        m_pressPos = event->scenePos();
        m_dragging = false;
        event->accept();
        return;
    }
    QGraphicsItem::mousePressEvent(event);
}

void BlockItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const QPointF delta = event->scenePos() - m_pressPos;
    if (!m_dragging && delta.manhattanLength() < QApplication::startDragDistance())
        return;
    m_dragging = true;
    m_scene->dragBlock(m_id, delta, false);
}

void BlockItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        m_scene->dragBlock(m_id, event->scenePos() - m_pressPos, true);
    }
    event->accept();
}

void BlockItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_scene->toggleBlock(m_id);
        event->accept();
        return;
    }
    QGraphicsItem::mouseDoubleClickEvent(event);
}

void BlockItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void BlockItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace naqsh
