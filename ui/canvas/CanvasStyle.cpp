#include "CanvasStyle.h"

#include <QFontMetricsF>
#include <QHash>
#include <QtMath>
#include <cstring>

namespace naqsh {

QColor mixColors(const QColor &a, const QColor &b, double t)
{
    const double u = 1.0 - t;
    return QColor::fromRgbF(
        float(a.redF() * u + b.redF() * t), float(a.greenF() * u + b.greenF() * t),
        float(a.blueF() * u + b.blueF() * t), float(a.alphaF() * u + b.alphaF() * t));
}

CanvasStyle CanvasStyle::fromPalette(const QPalette &palette, const QFont &font)
{
    CanvasStyle s;
    const QColor window = palette.color(QPalette::Window);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::WindowText);
    s.dark = window.lightnessF() < 0.5;

    // Cards sit above the canvas: lighter than it in both themes (a dark theme's Base is
    // usually darker than its Window, so it cannot be the card colour there).
    if (s.dark) {
        s.background = window.darker(135);
        s.nodeFill = mixColors(window, text, 0.07);
        s.nodeShadow = QColor(0, 0, 0, 110);
    } else {
        s.background = mixColors(window, base, 0.35).darker(103);
        s.nodeFill = base;
        s.nodeShadow = QColor(15, 23, 42, 34);
    }
    s.gridDot = mixColors(s.background, text, s.dark ? 0.16 : 0.14);
    s.gridDotMajor = mixColors(s.background, text, s.dark ? 0.28 : 0.26);
    s.nodeBorder = mixColors(s.nodeFill, text, s.dark ? 0.22 : 0.16);
    s.selection = palette.color(QPalette::Highlight);
    if (qAbs(s.selection.lightnessF() - s.background.lightnessF()) < 0.2)
        s.selection = s.dark ? QColor(96, 165, 250) : QColor(37, 99, 235);
    s.hover = mixColors(s.nodeBorder, s.selection, 0.5);

    s.text = palette.color(QPalette::Text);
    if (s.dark != (s.text.lightnessF() > 0.5))
        s.text = text;
    s.textSecondary = mixColors(s.text, s.nodeFill, 0.3);
    s.textMuted = mixColors(s.text, s.nodeFill, 0.45);

    s.edge = mixColors(s.background, text, s.dark ? 0.5 : 0.42);
    s.edgeLabelFill =
        s.dark ? mixColors(s.background, text, 0.1) : mixColors(s.background, base, 0.7);
    s.edgeLabelBorder = mixColors(s.edgeLabelFill, text, 0.15);
    s.edgeLabelText = mixColors(s.text, s.edgeLabelFill, 0.25);
    s.portFill = s.nodeFill;
    s.portBorder = mixColors(s.nodeFill, text, 0.45);
    s.portValid = s.dark ? QColor(74, 222, 128) : QColor(22, 163, 74);
    s.error = s.dark ? QColor(248, 113, 113) : QColor(220, 38, 38);
    s.errorOnBadge = Qt::white;

    // Fonts: the application font (Persian-capable), sizes relative to it.
    const qreal basePt = font.pointSizeF() > 0 ? font.pointSizeF() : 9.0;
    s.typeFont = font;
    s.nameFont = font;
    s.nameFont.setWeight(QFont::DemiBold);
    s.metaFont = font;
    s.metaFont.setPointSizeF(basePt * 0.88);
    s.edgeFont = s.metaFont;
    s.overviewFont = font;
    s.overviewFont.setWeight(QFont::DemiBold);
    s.overviewFont.setPointSizeF(basePt * 2.4);
    s.badgeFont = font;
    s.badgeFont.setWeight(QFont::Bold);
    s.badgeFont.setPointSizeF(basePt * 0.9);

    const QFontMetricsF nameFm(s.nameFont), typeFm(s.typeFont), metaFm(s.metaFont);
    s.nameHeight = qCeil(nameFm.height());
    s.typeHeight = qCeil(typeFm.height());
    s.metaHeight = qCeil(metaFm.height());
    s.padX = qRound(typeFm.averageCharWidth() * 1.4);
    s.padY = qRound(typeFm.height() * 0.5);
    s.lineGap = qRound(typeFm.height() * 0.2);
    s.nodeWidth = qMax<qreal>(176, qRound(typeFm.averageCharWidth() * 25));
    s.nodeHeight = s.padY + s.nameHeight + s.typeHeight + s.lineGap + 2 * s.metaHeight + s.padY;
    s.radius = qRound(typeFm.height() * 0.55);
    s.badgeRadius = qMax<qreal>(7, qRound(metaFm.height() * 0.62));
    return s;
}

QColor CanvasStyle::categoryColor(const char *category) const
{
    struct Known
    {
        const char *category;
        QRgb light;
        QRgb dark;
    };
    // The palette's categories (untranslated literals from core/layers). Hues are spread so
    // that neighbouring kinds of layer differ; red is left to errors.
    static const Known known[] = {
        {"Input and output", 0x0d9488, 0x2dd4bf},
        {"Convolution", 0x2563eb, 0x60a5fa},
        {"Pooling", 0x7c3aed, 0xa78bfa},
        {"Normalization", 0xd97706, 0xfbbf24},
        {"Activation", 0x16a34a, 0x4ade80},
        {"Linear", 0xdb2777, 0xf472b6},
        {"Merge", 0xea580c, 0xfb923c},
        {"Shape and utility", 0x64748b, 0x94a3b8},
        {"Detection", 0x0891b2, 0x22d3ee},
        {"Imported", 0x92400e, 0xd6a46b},
    };
    if (!category)
        return textMuted;
    for (const Known &k : known)
        if (std::strcmp(k.category, category) == 0)
            return QColor::fromRgb(dark ? k.dark : k.light);
    const int hue = int(qHash(QByteArray(category)) % 360);
    return QColor::fromHsl(hue, 150, dark ? 160 : 110);
}

double CanvasStyle::heatLevel(double share)
{
    if (!(share > 0))
        return 0;
    // 0.1% -> 0.10, 1% -> 0.35, 10% -> 0.67, 50% -> 0.90, 100% -> 1.
    return qBound(0.0, std::log10(1.0 + 999.0 * qMin(share, 1.0)) / 3.0, 1.0);
}

QColor CanvasStyle::heatColor(double level) const
{
    // Amber to deep orange: warm enough to read as "hot", never the red of an error.
    const QColor cool = dark ? QColor(253, 224, 71) : QColor(250, 204, 21);
    const QColor warm = dark ? QColor(251, 146, 60) : QColor(249, 115, 22);
    const QColor hot = dark ? QColor(249, 95, 40) : QColor(234, 72, 12);
    if (level < 0.5)
        return mixColors(cool, warm, level * 2.0);
    return mixColors(warm, hot, (level - 0.5) * 2.0);
}

QColor CanvasStyle::heatFill(double level) const
{
    if (level <= 0)
        return nodeFill;
    return mixColors(nodeFill, heatColor(level), (dark ? 0.14 : 0.10) + 0.36 * level);
}

} // namespace naqsh
