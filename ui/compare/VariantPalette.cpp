#include "VariantPalette.h"

#include <QPainter>
#include <QPixmap>
#include <array>

namespace naqsh {

QColor VariantPalette::color(int slot)
{
    // Seaborn's "deep" palette: distinct in hue and lightness, and kind to colour-blind eyes
    // for the first two (blue and orange), which are the A/B pair of every lesson.
    static const std::array<QRgb, 8> colors{0x4C72B0, 0xDD8452, 0x55A868, 0xC44E52,
                                            0x8172B3, 0x937860, 0xDA8BC3, 0x8C8C8C};
    return QColor::fromRgb(colors[size_t(std::max(slot, 0)) % colors.size()]);
}

int VariantPalette::slotOf(int index, int a, int b)
{
    if (index == a)
        return 0;
    if (index == b)
        return 1;
    // The others in list order, after the two pair colours.
    int slot = 2 + index;
    if (a >= 0 && a < index)
        --slot;
    if (b >= 0 && b < index)
        --slot;
    return slot;
}

QColor VariantPalette::shade(int slot, int segment, int count)
{
    const QColor base = color(slot);
    if (count <= 1)
        return base;
    // Blend towards white: the bottom segment keeps the full colour, the top one is a tint.
    const double t = 0.6 * double(segment) / double(count - 1);
    return QColor::fromRgbF(float(base.redF() + (1 - base.redF()) * t),
                            float(base.greenF() + (1 - base.greenF()) * t),
                            float(base.blueF() + (1 - base.blueF()) * t));
}

QIcon VariantPalette::swatch(int slot, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(color(slot).darker(130));
    p.setBrush(color(slot));
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 2, 2);
    return QIcon(pixmap);
}

QColor VariantPalette::textOn(const QColor &background)
{
    const double luma =
        0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return luma > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace naqsh
