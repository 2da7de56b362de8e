#pragma once

#include "ItemTypes.h"

#include <QGraphicsTextItem>

namespace naqsh {

class NodeItem;

/// The in-place editor of a layer's name (F2): a one-line text item over the node's name.
/// Enter commits, Escape cancels, losing focus commits. Emits exactly one of committed or
/// cancelled; the owner deletes it afterwards (deleteLater).
class NameEditor : public QGraphicsTextItem
{
    Q_OBJECT
public:
    enum { Type = int(ItemType::NameEditor) };

    NameEditor(NodeItem *node, const QString &name);
    int type() const override { return Type; }
    NodeItem *node() const { return m_node; }

signals:
    void committed(const QString &name);
    void cancelled();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void finish(bool commit);

    NodeItem *m_node;
    bool m_done = false;
};

} // namespace naqsh
