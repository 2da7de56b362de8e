#include "LayerIcons.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <cmath>
#include <cstring>

namespace naqsh {

namespace {

enum class Glyph {
    Conv,
    Pool,
    Norm,
    Activation,
    Linear,
    Merge,
    Utility,
    InOut,
    Imported,
    Detection,
    Block,
    Other
};

Glyph glyphFor(const char *category)
{
    // Keys are the untranslated category literals of core/layers (stable, never shown).
    static const struct
    {
        const char *category;
        Glyph glyph;
    } known[] = {
        {"Input and output", Glyph::InOut},
        {"Convolution", Glyph::Conv},
        {"Pooling", Glyph::Pool},
        {"Normalization", Glyph::Norm},
        {"Activation", Glyph::Activation},
        {"Linear", Glyph::Linear},
        {"Merge", Glyph::Merge},
        {"Shape and utility", Glyph::Utility},
        {"Imported", Glyph::Imported},
        {"Detection", Glyph::Detection},
        {"Blocks", Glyph::Block},
    };
    for (const auto &k : known)
        if (category && std::strcmp(k.category, category) == 0)
            return k.glyph;
    return Glyph::Other;
}

QColor withAlpha(QColor c, double alpha)
{
    c.setAlphaF(float(alpha));
    return c;
}

void arrowHead(QPainter &p, QPointF tip, QPointF direction, const QColor &color)
{
    const double len = std::hypot(direction.x(), direction.y());
    const QPointF d = direction / len;
    const QPointF n(-d.y(), d.x());
    const QPointF base = tip - d * 3.6;
    const QPolygonF head{tip, base + n * 2.6, base - n * 2.6};
    p.setBrush(color);
    p.drawPolygon(head);
    p.setBrush(Qt::NoBrush);
}

/// Draws the glyph on a 24×24 grid.
void drawGlyph(QPainter &p, Glyph glyph, const QColor &ink)
{
    const QColor soft = withAlpha(ink, 0.22);
    QPen pen(ink, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (glyph) {
    case Glyph::Conv: {
        // A 3×3 kernel with its centre tap highlighted.
        p.fillRect(QRectF(10, 10, 4, 4), soft);
        p.drawRect(QRectF(6, 6, 12, 12));
        for (double v : {10.0, 14.0}) {
            p.drawLine(QPointF(v, 6), QPointF(v, 18));
            p.drawLine(QPointF(6, v), QPointF(18, v));
        }
        break;
    }
    case Glyph::Pool: {
        QPainterPath funnel;
        funnel.moveTo(5, 6);
        funnel.lineTo(19, 6);
        funnel.lineTo(13.6, 12.5);
        funnel.lineTo(13.6, 18.5);
        funnel.lineTo(10.4, 19.8);
        funnel.lineTo(10.4, 12.5);
        funnel.closeSubpath();
        p.setBrush(soft);
        p.drawPath(funnel);
        break;
    }
    case Glyph::Norm: {
        QPainterPath bell;
        for (int i = 0; i <= 40; ++i) {
            const double x = 4.0 + 16.0 * i / 40.0;
            const double y = 18.0 - 11.0 * std::exp(-std::pow((x - 12.0) / 3.3, 2.0));
            if (i == 0)
                bell.moveTo(x, y);
            else
                bell.lineTo(x, y);
        }
        QPainterPath area = bell;
        area.lineTo(20, 18);
        area.lineTo(4, 18);
        area.closeSubpath();
        p.fillPath(area, soft);
        p.drawPath(bell);
        p.drawLine(QPointF(4, 18.8), QPointF(20, 18.8));
        break;
    }
    case Glyph::Activation: {
        p.setPen(QPen(withAlpha(ink, 0.45), 1.0));
        p.drawLine(QPointF(4, 12), QPointF(20, 12));
        p.drawLine(QPointF(12, 4.5), QPointF(12, 19.5));
        p.setPen(pen);
        QPainterPath curve;
        for (int i = 0; i <= 40; ++i) {
            const double x = 4.0 + 16.0 * i / 40.0;
            const double y = 18.5 - 13.0 / (1.0 + std::exp(-(x - 12.0) * 0.75));
            if (i == 0)
                curve.moveTo(x, y);
            else
                curve.lineTo(x, y);
        }
        p.setPen(QPen(ink, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(curve);
        break;
    }
    case Glyph::Linear: {
        const QPointF left[] = {{6.5, 6.5}, {6.5, 12}, {6.5, 17.5}};
        const QPointF right[] = {{17.5, 9}, {17.5, 15}};
        p.setPen(QPen(withAlpha(ink, 0.6), 0.9));
        for (const QPointF &a : left)
            for (const QPointF &b : right)
                p.drawLine(a, b);
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        for (const QPointF &a : left)
            p.drawEllipse(a, 2.0, 2.0);
        for (const QPointF &b : right)
            p.drawEllipse(b, 2.0, 2.0);
        break;
    }
    case Glyph::Merge: {
        QPainterPath paths;
        paths.moveTo(6.5, 4.5);
        paths.cubicTo(6.5, 10, 12, 8.5, 12, 13);
        paths.moveTo(17.5, 4.5);
        paths.cubicTo(17.5, 10, 12, 8.5, 12, 13);
        paths.moveTo(12, 13);
        paths.lineTo(12, 17);
        p.drawPath(paths);
        p.setPen(Qt::NoPen);
        arrowHead(p, QPointF(12, 20.5), QPointF(0, 1), ink);
        break;
    }
    case Glyph::Utility: {
        const QPolygonF top{{12, 4.5}, {19, 8}, {12, 11.5}, {5, 8}};
        const QPolygonF leftFace{{5, 8}, {12, 11.5}, {12, 19.5}, {5, 16}};
        const QPolygonF rightFace{{12, 11.5}, {19, 8}, {19, 16}, {12, 19.5}};
        p.setBrush(withAlpha(ink, 0.12));
        p.drawPolygon(top);
        p.setBrush(withAlpha(ink, 0.30));
        p.drawPolygon(leftFace);
        p.setBrush(withAlpha(ink, 0.20));
        p.drawPolygon(rightFace);
        break;
    }
    case Glyph::InOut: {
        p.drawLine(QPointF(3.5, 12), QPointF(7.5, 12));
        p.drawLine(QPointF(15.5, 12), QPointF(18.5, 12));
        p.setPen(Qt::NoPen);
        arrowHead(p, QPointF(10, 12), QPointF(1, 0), ink);
        arrowHead(p, QPointF(21, 12), QPointF(1, 0), ink);
        p.setBrush(ink);
        p.drawRoundedRect(QRectF(11, 5.5, 3, 13), 1, 1);
        break;
    }
    case Glyph::Detection: {
        // A picture with two detection boxes, one drawn over the other.
        p.setBrush(withAlpha(ink, 0.10));
        p.drawRect(QRectF(4.5, 5.5, 15, 13));
        p.setBrush(soft);
        p.drawRect(QRectF(6.5, 8.5, 7, 7));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(10.5, 7.5, 7, 9));
        break;
    }
    case Glyph::Imported: {
        QPainterPath doc;
        doc.moveTo(7, 4.5);
        doc.lineTo(14, 4.5);
        doc.lineTo(18, 8.5);
        doc.lineTo(18, 19.5);
        doc.lineTo(7, 19.5);
        doc.closeSubpath();
        p.setBrush(withAlpha(ink, 0.12));
        p.drawPath(doc);
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(QPolygonF{{14, 4.5}, {14, 8.5}, {18, 8.5}});
        p.drawLine(QPointF(12.5, 9.5), QPointF(12.5, 14.5));
        p.setPen(Qt::NoPen);
        arrowHead(p, QPointF(12.5, 17.5), QPointF(0, 1), ink);
        break;
    }
    case Glyph::Block: {
        // A dashed frame around three small layers: one unit made of parts.
        QPen dashed(ink, 1.2, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin);
        dashed.setDashPattern({2.0, 1.6});
        p.setPen(dashed);
        p.drawRoundedRect(QRectF(3.5, 3.5, 17, 17), 3, 3);
        p.setPen(pen);
        p.setBrush(soft);
        for (double y : {6.5, 10.5, 14.5})
            p.drawRoundedRect(QRectF(7, y, 10, 3), 1, 1);
        p.setBrush(Qt::NoBrush);
        break;
    }
    case Glyph::Other:
        p.setBrush(soft);
        p.drawEllipse(QPointF(12, 12), 5, 5);
        break;
    }
}

class CategoryIconEngine : public QIconEngine
{
public:
    CategoryIconEngine(Glyph glyph, const QColor &color)
        : m_glyph(glyph)
        , m_color(color)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QColor ink = m_color;
        if (mode == QIcon::Disabled) {
            const int g = qGray(ink.rgb());
            ink = QColor(g, g, g, 150);
        }
        const double side = qMin(rect.width(), rect.height());
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.x() + (rect.width() - side) / 2.0,
                           rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / 24.0, side / 24.0);
        painter->setPen(QPen(withAlpha(ink, 0.35), 0.8));
        painter->setBrush(withAlpha(ink, mode == QIcon::Selected ? 0.22 : 0.10));
        painter->drawRoundedRect(QRectF(0.5, 0.5, 23, 23), 5, 5);
        drawGlyph(*painter, m_glyph, ink);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    QIconEngine *clone() const override { return new CategoryIconEngine(m_glyph, m_color); }

private:
    Glyph m_glyph;
    QColor m_color;
};

} // namespace

QIcon categoryIcon(const char *category, const QColor &color)
{
    return QIcon(new CategoryIconEngine(glyphFor(category), color));
}

} // namespace naqsh
