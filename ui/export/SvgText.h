#pragma once

#include <QByteArray>
#include <QColor>
#include <QFont>
#include <QPaintDevice>
#include <QPointF>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTransform>
#include <QVector>

#include <memory>

namespace naqsh {

/// Text for SVG files that every viewer lays out as Qt did, Persian included. QSvgGenerator
/// writes each run of a line at its left edge with no direction, so librsvg and browsers lay a
/// right-to-left run out left to right: spaces and punctuation land at the wrong end, brackets
/// are not mirrored. Writers that know their lines (the diagram) pass whole lines; writers that
/// only paint (charts through QCustomPlot) record Qt's runs with SvgTextRecorder.
namespace SvgText {

/// One <text> element.
struct Line
{
    QString text; ///< in logical order
    QFont font;
    /// The families Qt drew the glyphs in, first (its fallback for Persian can differ from
    /// fontconfig's for the same requested family); then the font's own.
    QStringList families;
    double pixelSize = 0; ///< in the coordinates of transform
    QColor color;
    /// On the baseline, in the coordinates of transform: the start edge (the right one when rtl)
    /// or the centre when centred.
    QPointF anchor;
    QTransform transform; ///< from the text's coordinates to the SVG's user units
    bool rtl = false;
    bool centred = false;
    /// A single bidirectional run as Qt laid it out: its characters are drawn strictly in its
    /// direction (unicode-bidi bidi-override), so the viewer cannot reorder them differently.
    bool run = false;
};

/// The lines as <text> elements in a <g>, each with xml:space="preserve", its direction,
/// unicode-bidi and text-anchor, its font (the family Qt really used, then sans-serif) and, if
/// not a plain translation, its transform.
QByteArray elements(const QVector<Line> &lines);

/// @p svg (from QSvgGenerator) with its own <text> elements removed and @p lines added last,
/// above everything else.
QByteArray replaceText(const QByteArray &svg, const QVector<Line> &lines);

/// @p svg (from QSvgGenerator, which gives its size in millimetres) sized @p size pixels.
QByteArray setPixelSize(const QByteArray &svg, const QSize &size);

} // namespace SvgText

class SvgTextRecorderEngine;

/// A paint device that draws nothing and records every run of text painted on it (what
/// QPainter hands its engine: one run of one direction and font, at its left edge), with the
/// painter's transform and pen. Paint the same picture on it as on a QSvgGenerator of the same
/// size and resolution, then SvgText::replaceText().
class SvgTextRecorder : public QPaintDevice
{
public:
    SvgTextRecorder(const QSize &size, int dpi);
    ~SvgTextRecorder() override;

    QPaintEngine *paintEngine() const override;
    /// The text painted so far, one line per word of each run (at the place Qt gave the word),
    /// blank ones left out.
    QVector<SvgText::Line> lines() const;

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    QSize m_size;
    int m_dpi;
    std::unique_ptr<SvgTextRecorderEngine> m_engine;
};

} // namespace naqsh
