// The inspector's small helpers: pair captions, the padlock icon, section and muted labels.
#include "InspectorFields.h"

#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPainterPath>
#include <QPixmap>

namespace naqsh::inspector {

namespace {

/// The pairs' row captions, keyed by the first key of each pair (a stable file key).
/// Pairs not listed here use their first parameter's label.
struct PairCaption
{
    const char *firstKey;
    const char *caption;
};
const PairCaption kPairCaptions[] = {
    {"kernel_h", QT_TRANSLATE_NOOP("naqsh::InspectorWidget", "Kernel")},
    {"stride_h", QT_TRANSLATE_NOOP("naqsh::InspectorWidget", "Stride")},
    {"dilation_h", QT_TRANSLATE_NOOP("naqsh::InspectorWidget", "Dilation")},
    {"pad_h", QT_TRANSLATE_NOOP("naqsh::InspectorWidget", "Padding")},
    {"output_pad_h", QT_TRANSLATE_NOOP("naqsh::InspectorWidget", "Output padding")},
    {"output_h", QT_TRANSLATE_NOOP("naqsh::InspectorWidget", "Output size")},
    {"scale_h", QT_TRANSLATE_NOOP("naqsh::InspectorWidget", "Scale")},
    {"height", QT_TRANSLATE_NOOP("naqsh::InspectorWidget", "Image size")},
};

} // namespace

QString pairCaption(const ParamSpec &first)
{
    for (const PairCaption &p : kPairCaptions)
        if (first.key == QLatin1String(p.firstKey))
            return QCoreApplication::translate("naqsh::InspectorWidget", p.caption);
    return layerTr(first.label);
}

QIcon lockIcon(const QColor &ink)
{
    QIcon icon;
    for (bool closed : {true, false}) {
        for (qreal dpr : {1.0, 2.0}) {
            QPixmap pm(QSize(16, 16) * dpr);
            pm.setDevicePixelRatio(dpr);
            pm.fill(Qt::transparent);
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(ink, 1.5, Qt::SolidLine, Qt::RoundCap));
            QPainterPath shackle;
            if (closed) {
                shackle.moveTo(5, 7.5);
                shackle.lineTo(5, 5);
                shackle.arcTo(QRectF(5, 1.75, 6, 6.5), 180, -180);
                shackle.lineTo(11, 7.5);
            } else {
                shackle.moveTo(5, 7.5);
                shackle.lineTo(5, 4);
                shackle.arcTo(QRectF(5, 0.75, 6, 6.5), 180, -180);
                shackle.lineTo(11, 4.5);
            }
            p.drawPath(shackle);
            p.setPen(Qt::NoPen);
            p.setBrush(closed ? ink : QColor(ink.red(), ink.green(), ink.blue(), 150));
            p.drawRoundedRect(QRectF(3, 7.5, 10, 7), 1.5, 1.5);
            p.end();
            icon.addPixmap(pm, QIcon::Normal, closed ? QIcon::On : QIcon::Off);
        }
    }
    return icon;
}

QLabel *makeSectionHeader(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont f = label->font();
    f.setWeight(QFont::DemiBold);
    label->setFont(f);
    label->setContentsMargins(0, 8, 0, 2);
    return label;
}

QLabel *makeMuted(QWidget *parent, qreal scale)
{
    auto *label = new QLabel(parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    if (scale != 1.0) {
        QFont f = label->font();
        f.setPointSizeF(f.pointSizeF() * scale);
        label->setFont(f);
    }
    return label;
}

} // namespace naqsh::inspector
