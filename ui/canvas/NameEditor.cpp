#include "NameEditor.h"

#include "CanvasStyle.h"
#include "GraphScene.h"
#include "NodeItem.h"

#include <QFocusEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTextCursor>
#include <QTextDocument>

namespace naqsh {

NameEditor::NameEditor(NodeItem *node, const QString &name)
    : QGraphicsTextItem(node)
    , m_node(node)
{
    const CanvasStyle &s = node->graphScene()->style();
    setFont(s.nameFont);
    setDefaultTextColor(s.text);
    setPlainText(name);
    setTextInteractionFlags(Qt::TextEditorInteraction);
    document()->setDocumentMargin(1);
    const QRectF r = node->nameRect();
    setTextWidth(r.width());
    setPos(r.left() - 1, r.top() + (r.height() - boundingRect().height()) / 2);
    setZValue(2);
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    setTextCursor(cursor);
}

void NameEditor::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        finish(true);
        event->accept();
        return;
    case Qt::Key_Escape:
        finish(false);
        event->accept();
        return;
    default:
        break;
    }
    QGraphicsTextItem::keyPressEvent(event);
}

void NameEditor::focusOutEvent(QFocusEvent *event)
{
    QGraphicsTextItem::focusOutEvent(event);
    // Clicking elsewhere keeps what was typed, as in most editors; a popup (the text
    // item's own context menu) is not a real focus loss.
    if (event->reason() != Qt::PopupFocusReason)
        finish(true);
}

void NameEditor::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const CanvasStyle &s = m_node->graphScene()->style();
    const QRectF r = boundingRect();
    painter->setPen(QPen(s.selection, 1));
    painter->setBrush(s.nodeFill);
    painter->drawRoundedRect(r.adjusted(-1, 0, 1, 0), 3, 3);
    // Without the focus frame QGraphicsTextItem would draw for a selected item.
    QStyleOptionGraphicsItem plain(*option);
    plain.state &= ~(QStyle::State_Selected | QStyle::State_HasFocus);
    QGraphicsTextItem::paint(painter, &plain, widget);
}

void NameEditor::finish(bool commit)
{
    if (m_done)
        return;
    m_done = true;
    if (commit)
        emit committed(toPlainText().simplified());
    else
        emit cancelled();
}

} // namespace naqsh
