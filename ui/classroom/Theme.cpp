#include "Theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace naqsh {

namespace {
QPalette s_systemPalette;
QFont s_systemFont;
bool s_captured = false;
Theme::Choice s_current = Theme::Choice::System;
bool s_dark = false;
QFont s_userFont;
bool s_hasUserFont = false;

QFont baseFont()
{
    return s_hasUserFont ? s_userFont : s_systemFont;
}
} // namespace

void Theme::setUserFont(const QFont &font)
{
    s_userFont = font;
    s_hasUserFont = !font.family().isEmpty();
}

QFont Theme::userFont()
{
    return baseFont();
}

void Theme::captureSystemDefaults()
{
    s_systemPalette = QApplication::palette();
    s_systemFont = QApplication::font();
    s_captured = true;
}

bool Theme::systemIsDark()
{
    const QPalette p = s_captured ? s_systemPalette : QApplication::palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

QPalette Theme::lightPalette(bool highContrast)
{
    QPalette p;
    const QColor window = highContrast ? QColor(255, 255, 255) : QColor(246, 247, 249);
    const QColor text = highContrast ? QColor(0, 0, 0) : QColor(28, 32, 38);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(255, 255, 255));
    p.setColor(QPalette::AlternateBase, QColor(240, 243, 247));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, highContrast ? QColor(245, 245, 245) : QColor(236, 238, 242));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, highContrast ? QColor(0, 70, 180) : QColor(38, 110, 220));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(255, 253, 230));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(120, 126, 135));
    p.setColor(QPalette::Link, QColor(0, 90, 200));
    p.setColor(QPalette::Mid, QColor(190, 195, 203));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(150, 150, 150));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(150, 150, 150));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(150, 150, 150));
    return p;
}

QPalette Theme::darkPalette(bool highContrast)
{
    QPalette p;
    const QColor window = highContrast ? QColor(0, 0, 0) : QColor(32, 35, 40);
    const QColor text = highContrast ? QColor(255, 255, 255) : QColor(230, 233, 238);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, highContrast ? QColor(10, 10, 10) : QColor(24, 26, 30));
    p.setColor(QPalette::AlternateBase, QColor(40, 44, 50));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, highContrast ? QColor(20, 20, 20) : QColor(45, 49, 56));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, highContrast ? QColor(255, 200, 0) : QColor(70, 140, 240));
    p.setColor(QPalette::HighlightedText, highContrast ? Qt::black : Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(50, 54, 60));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(140, 146, 155));
    p.setColor(QPalette::Link, QColor(120, 180, 255));
    p.setColor(QPalette::Mid, QColor(80, 86, 95));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    return p;
}

QFont Theme::presentationFont(int points)
{
    QFont f = s_captured ? baseFont() : QApplication::font();
    f.setPointSize(std::max(points, 20));
    return f;
}

void Theme::apply(Choice choice, bool presentation)
{
    if (!s_captured)
        captureSystemDefaults();
    s_current = choice;
    s_dark = choice == Choice::Dark || (choice == Choice::System && systemIsDark());
    if (!presentation && choice == Choice::System) {
        QApplication::setPalette(s_systemPalette);
        QApplication::setFont(baseFont());
        return;
    }
    // Fusion draws our palettes faithfully on every platform.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(s_dark ? darkPalette(presentation) : lightPalette(presentation));
    QApplication::setFont(presentation ? presentationFont() : baseFont());
}

Theme::Choice Theme::current()
{
    return s_current;
}

bool Theme::isDark()
{
    return s_dark;
}

} // namespace naqsh
