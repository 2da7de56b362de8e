#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

namespace naqsh {

/// Colours, fonts and sizes of the canvas, derived from a QPalette and a font so that a dark
/// system theme stays legible and Persian text gets the application's font. Sizes are in scene
/// units (pixels at 100% zoom) and follow the font's metrics, never fixed pixel guesses for
/// text. One instance lives in the GraphScene; items read it when they paint.
struct CanvasStyle
{
    /// Builds the style for @p palette and @p font (usually the application's).
    static CanvasStyle fromPalette(const QPalette &palette, const QFont &font);

    bool dark = false;

    // Surfaces
    QColor background;   ///< canvas behind everything
    QColor gridDot;      ///< minor grid
    QColor gridDotMajor; ///< every fifth grid line
    QColor nodeFill;     ///< card background
    QColor nodeBorder;
    QColor nodeShadow;
    QColor selection; ///< selected outline, rubber edge, highlighted edge
    QColor hover;     ///< hovered outline

    // Text
    QColor text;          ///< layer names, shapes
    QColor textSecondary; ///< type and key parameters
    QColor textMuted;     ///< costs

    // Edges and ports
    QColor edge;
    QColor edgeLabelFill;
    QColor edgeLabelBorder;
    QColor edgeLabelText;
    QColor portFill;
    QColor portBorder;
    QColor portValid; ///< a port a connection may end on

    // States
    QColor error;        ///< error badge, refused connection
    QColor errorOnBadge; ///< the "!" on the badge

    // Fonts (derived from the application font)
    QFont nameFont;     ///< layer name, semibold
    QFont typeFont;     ///< "Conv 5×5, 32"
    QFont metaFont;     ///< shape and costs, a little smaller
    QFont overviewFont; ///< the name alone, large, when zoomed out
    QFont edgeFont;     ///< shape labels on edges
    QFont badgeFont;

    // Geometry (scene units)
    qreal nodeWidth = 176;
    qreal nodeHeight = 80;
    qreal radius = 8;
    qreal stripWidth = 5; ///< category colour strip on the leading edge
    qreal padX = 10;
    qreal padY = 8;
    qreal nameHeight = 16;
    qreal typeHeight = 15;
    qreal metaHeight = 13;
    qreal lineGap = 3; ///< between the type line and the numbers
    qreal portRadius = 5;
    qreal portHitRadius = 10;
    qreal badgeRadius = 8;
    qreal edgeWidth = 1.6;
    qreal gridSize = 20;

    /// Level of detail below which nodes show their name only, and below which only boxes.
    static constexpr qreal kNameOnlyLod = 0.75;
    static constexpr qreal kBoxesOnlyLod = 0.25;
    /// Edge labels are hidden below this level of detail: they show with the nodes' details
    /// (shapes and costs). Where nodes show their name alone, a label would be drawn at less
    /// than 6 pt on screen (and in presentation, far under its 20 pt).
    static constexpr qreal kEdgeLabelLod = kNameOnlyLod;

    /// Colour of a palette category (an untranslated category literal such as "Convolution").
    /// Known categories have fixed hues; unknown ones get a stable hue from their name.
    QColor categoryColor(const char *category) const;
    /// Maps a share of the total (0..1) onto 0..1 so that small layers still show: log-ish.
    static double heatLevel(double share);
    /// The heat colour at level @p level (0..1): amber to red.
    QColor heatColor(double level) const;
    /// The node background tinted for @p level (0..1); nodeFill for 0.
    QColor heatFill(double level) const;
};

/// Mixes @p a and @p b: 0 gives @p a, 1 gives @p b.
QColor mixColors(const QColor &a, const QColor &b, double t);

} // namespace naqsh
