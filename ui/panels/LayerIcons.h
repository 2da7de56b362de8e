#pragma once

#include <QColor>
#include <QIcon>

namespace naqsh {

/// A vector icon for a palette category (an untranslated category literal from core/layers,
/// such as "Convolution"), drawn with QPainter at whatever size and device pixel ratio is asked
/// for: a conv kernel grid, a pooling funnel, a normalisation bell, an activation curve, a dense
/// mesh, merging arrows, a utility box, input/output arrows. Unknown categories get a plain
/// dot. @p color is the category's colour (CanvasStyle::categoryColor, so that the palette and
/// the canvas agree); the glyph is drawn in it on a light tint of it.
QIcon categoryIcon(const char *category, const QColor &color);

} // namespace naqsh
