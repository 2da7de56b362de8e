#pragma once
// The inspector's field widgets and small helpers (private to ui/panels/Inspector*.cpp).

#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QPainter>
#include <QWheelEvent>
#include <QWidget>

class QLabel;

namespace naqsh {

struct ParamSpec;

namespace inspector {

inline const QColor kErrorColor(220, 38, 38);

/// Holds a field's editors; paints a red frame around them while the value is refused.
class FieldFrame : public QWidget
{
public:
    explicit FieldFrame(QWidget *parent)
        : QWidget(parent)
        , m_row(new QHBoxLayout(this))
    {
        m_row->setContentsMargins(2, 2, 2, 2);
        m_row->setSpacing(4);
    }
    QHBoxLayout *row() const { return m_row; }
    bool isInvalid() const { return m_invalid; }
    void setInvalid(bool invalid)
    {
        if (invalid != m_invalid) {
            m_invalid = invalid;
            update();
        }
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        if (!m_invalid)
            return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        QColor fill = kErrorColor;
        fill.setAlpha(22);
        p.setPen(QPen(kErrorColor, 1.5));
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(rect()).adjusted(0.75, 0.75, -0.75, -0.75), 4, 4);
    }

private:
    QHBoxLayout *m_row;
    bool m_invalid = false;
};

/// A combo box that leaves wheel events to the scroll area unless it has focus, so that
/// scrolling the inspector never changes a value under the pointer.
class ParamComboBox : public QComboBox
{
public:
    using QComboBox::QComboBox;

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        if (hasFocus())
            QComboBox::wheelEvent(event);
        else
            event->ignore();
    }
};

/// The caption of a pair's row (Kernel, Stride, …), or its first parameter's label.
QString pairCaption(const ParamSpec &first);
/// A padlock, closed (On) and open (Off), drawn in @p ink.
QIcon lockIcon(const QColor &ink);
/// A section's header: a demibold label with room above it.
QLabel *makeSectionHeader(QWidget *parent);
/// A muted (placeholder-coloured) label, its font scaled by @p scale.
QLabel *makeMuted(QWidget *parent, qreal scale = 1.0);

} // namespace inspector
} // namespace naqsh
