#pragma once

#include <QList>
#include <QSize>
#include <QString>

#include <optional>

class QCustomPlot;
class QWidget;

namespace naqsh {

/// Saves a QCustomPlot chart as PNG (at a chosen DPI), PDF or SVG. PDF and SVG are vector:
/// PDF through QCustomPlot::savePdf, SVG by painting the plot with a QCPPainter on a
/// QSvgGenerator (toPainter), never a grab of the window.
class ChartExporter
{
public:
    enum class Format { Png, Pdf, Svg };

    /// The format a file name asks for (by suffix, case-insensitive), if any.
    static std::optional<Format> formatOf(const QString &path);
    /// The shape of an exported chart: a slide's 16:9 or 4:3, or the panel's own shape.
    enum class Shape { Slide16x9, Slide4x3, AsShown };
    /// The size in logical pixels for @p shape (1280×720, 1024×768; empty for AsShown).
    static QSize shapeSize(Shape shape);
    /// The DPI choices offered for PNG.
    static QList<int> dpiChoices() { return {96, 150, 300, 600}; }

    /// Writes @p plot to @p path in @p format. @p size is the chart's size in logical pixels
    /// (the plot's own size when empty; 900×560 when it was never laid out). PNG images are
    /// scaled by @p dpi / 96 and tagged with @p dpi. Returns false with @p error on failure.
    static bool save(QCustomPlot *plot, const QString &path, Format format, int dpi = 96,
                     QSize size = {}, QString *error = nullptr);

    /// The interactive flow: asks for the shape (16:9 first), a file name (and a DPI for PNG) and
    /// saves.
    /// Returns the path written, or an empty string when cancelled or failed (the failure is
    /// reported in a message box, which is fine: the user asked for it).
    static QString exportInteractively(QCustomPlot *plot, Format format, const QString &baseName,
                                       QWidget *parent);
};

} // namespace naqsh
