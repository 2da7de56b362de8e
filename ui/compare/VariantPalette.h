#pragma once

#include <QColor>
#include <QIcon>

namespace naqsh {

/// The colours of comparison variants, the same in every view (compare panel, grouped bars,
/// stacked bars, sweep): A is blue, B orange, the others green, red, purple, ...
class VariantPalette
{
public:
    /// Base colour of palette slot @p slot (cycles after eight): slot 0 is blue, 1 orange.
    static QColor color(int slot);
    /// The palette slot of the variant at @p index when @p a and @p b are the compared pair: A
    /// is always blue and B always orange, in every view; the other variants take the next
    /// colours in list order.
    static int slotOf(int index, int a, int b);
    /// A shade of slot @p slot's colour for segment @p segment of @p count (stacked bars), from
    /// the full colour at the bottom to lighter tints above.
    static QColor shade(int slot, int segment, int count);
    /// A small filled swatch of slot @p slot for lists and combo boxes.
    static QIcon swatch(int slot, int size = 12);
    /// Readable text colour (black or white) on @p background.
    static QColor textOn(const QColor &background);
};

} // namespace naqsh
