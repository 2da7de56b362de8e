#pragma once

#include <QFont>
#include <QPalette>

namespace naqsh {

/// Light and dark themes that follow the system, both legible when projected, and the
/// large-type, high-contrast look of presentation mode (at least 20 pt, readable from the back
/// of a room).
class Theme
{
public:
    enum class Choice { System, Light, Dark };

    /// Records the system's own palette and font; call once before the first apply().
    static void captureSystemDefaults();
    static bool systemIsDark();
    /// Applies @p choice (and the presentation look when @p presentation) to the application.
    static void apply(Choice choice, bool presentation = false);
    static Choice current();
    static bool isDark();

    static QPalette lightPalette(bool highContrast);
    static QPalette darkPalette(bool highContrast);
    /// The font the user chose (View › Font); an invalid family means the system's. Persian
    /// needs a font with Arabic-script glyphs (DejaVu Sans, Noto Sans Arabic, Vazirmatn…).
    static void setUserFont(const QFont &font);
    static QFont userFont();
    /// The presentation font: the application's family at @p points (20 by default).
    static QFont presentationFont(int points = 20);
};

} // namespace naqsh
