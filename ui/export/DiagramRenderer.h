#pragma once

#include "SvgText.h"

#include "analysis/NumberFormat.h"
#include "graph/LayerId.h"
#include "layout/LayeredLayout.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPainterPath>
#include <QRectF>
#include <QStringList>
#include <QVector>

class QPainter;

namespace naqsh {

class Graph;
class LayerRegistry;
struct AnalysisResult;

/// What a diagram export shows and how. The same options drive the SVG, PNG, PDF and clipboard
/// outputs, the export dialog's preview and `naqsh-cli export --diagram`.
struct DiagramOptions
{
    enum class Style {
        Screen, ///< category colour strips, soft shadows, grey edges
        Print,  ///< black on white, thin lines, no shadows, no colour
    };
    enum class Placement {
        Layered,        ///< laid out afresh by layeredLayout() in @c direction
        CanvasPositions ///< the document's own node positions (edges run top to bottom)
    };

    bool showShapes = true; ///< tensor shapes on the edges (one label per producing layer)
    bool showCosts = true;  ///< "153.6 K params · 120 M MACs" on the nodes, totals in the legend
    QString title;          ///< drawn above the diagram; empty: none
    bool legend = true;     ///< categories, notation and totals below the diagram
    LayoutDirection direction = LayoutDirection::TopDown;
    Placement placement = Placement::Layered;
    Style style = Style::Screen;
    bool transparentBackground = false; ///< otherwise white
    /// Text drawn as glyph outlines (QPainterPath) instead of text elements: an SVG then looks
    /// the same in every viewer, but its text is no longer searchable. PDF and PNG ignore it.
    bool textAsPaths = false;
    /// Digits of the numbers and shapes (Persian digits in Persian).
    NumberFormat format;
    /// Right-to-left text (Persian): cards put their colour strip and align their text on the
    /// right, and a font with Persian glyphs is chosen. Shapes still read left to right.
    bool rightToLeft = false;
    /// The layers to draw, with the connections among them; empty: the whole graph.
    QVector<LayerId> layers;
    /// PNG and clipboard images: device pixels per logical pixel, unless @c dpi is set.
    double scale = 2.0;
    /// PNG: > 0 sets the resolution instead of @c scale (a logical pixel is 1/96 inch), and is
    /// written into the file.
    int dpi = 0;
    /// Base font family; empty: the application's font, or a Persian-capable one (Vazirmatn,
    /// Vazir, DejaVu Sans, Noto Sans Arabic) when the text needs one.
    QString fontFamily;

    /// Device pixels per logical pixel for raster output.
    double pixelRatio() const { return dpi > 0 ? dpi / 96.0 : scale; }
};

/// Draws a network diagram for slides and reports with QPainter on any paint device (SVG
/// generator, PDF writer, image, widget), independently of the interactive canvas. The
/// constructor copies everything it needs (names, numbers, geometry), so a renderer stays valid
/// after the graph changes. Coordinates are logical pixels (CSS pixels, 1/96 inch) with the
/// top-left corner at (0, 0); size() is in whole pixels.
class DiagramRenderer
{
public:
    DiagramRenderer(const Graph &graph, const AnalysisResult &result, const LayerRegistry &registry,
                    const DiagramOptions &options);

    QSizeF size() const { return m_size; }
    /// Paints the whole diagram into the rectangle (0, 0, size()) of @p painter's coordinates.
    void paint(QPainter *painter) const;

    /// One line of text, for writers that set text themselves (SVG): the whole line in logical
    /// order, so that the viewer applies the bidirectional algorithm to the line as Qt did.
    using TextLine = SvgText::Line;
    /// Paints everything but the text (unless options().textAsPaths) and returns the text lines
    /// in @p texts, positioned in the painter's device coordinates.
    void paint(QPainter *painter, QVector<TextLine> *texts) const;

    const DiagramOptions &options() const { return m_options; }
    /// The drawn layers, in data-flow order.
    QVector<LayerId> layers() const;
    /// Where layer @p id's card is, in logical pixels; empty if it is not drawn.
    QRectF nodeRect(LayerId id) const;
    /// The font family the text is set in.
    QString fontFamily() const { return m_font.family(); }

    /// The font a diagram uses: @p family if given, else the application's font, or the first
    /// installed Persian-capable family when @p persian.
    static QFont baseFont(bool persian, const QString &family = {});

private:
    struct Node
    {
        LayerId id;
        QRectF rect;
        QString name;
        QString typeLine;
        QString costLine;
        QString error;
        QString shape; ///< output shape label, empty if none
        QSizeF shapeSize;
        QColor accent;
        bool terminal = false; ///< an Output layer: a pill, no costs
    };
    struct Edge
    {
        int from = -1, to = -1;
        QPainterPath path;
        QPointF tip;
        QPointF direction; ///< unit vector of the arrow
    };
    struct LegendEntry
    {
        enum class Kind { Swatch, Pill, Text } kind = Kind::Text;
        QColor color;
        QString sample; ///< text in the pill
        QString text;
        QRectF rect; ///< of the whole entry
    };
    struct Colors
    {
        QColor background, cardFill, cardBorder, shadow, text, secondary, muted, edge;
        QColor pillFill, pillBorder, pillText, error, legendFill, legendBorder;
        double cardPen = 1.0, edgePen = 1.6, arrowLength = 8.0, arrowHalfWidth = 4.5;
        bool strips = true, shadows = true;
    };

    void buildNodes(const Graph &graph, const AnalysisResult &result,
                    const LayerRegistry &registry);
    void placeNodes(const Graph &graph);
    void buildLegend(const Graph &graph, const AnalysisResult &result,
                     const LayerRegistry &registry);
    void finishGeometry();
    QPainterPath edgePath(const QVector<QPointF> &route, const Node &source, QPointF *tip,
                          QPointF *direction) const;

    void drawNode(QPainter *p, const Node &n) const;
    void drawPill(QPainter *p, const QRectF &r, const QString &text) const;
    void drawLegend(QPainter *p) const;
    /// One line of text in @p box, vertically centred; glyph outlines when textAsPaths.
    void drawText(QPainter *p, const QRectF &box, const QString &text, const QFont &font,
                  const QColor &color, Qt::Alignment horizontal) const;
    double textWidth(const QString &text, const QFont &font) const;
    Qt::Alignment leading() const;

    DiagramOptions m_options;
    mutable QVector<TextLine> *m_textOut = nullptr; ///< set while paint() collects text lines
    Colors m_colors;
    QFont m_font, m_nameFont, m_typeFont, m_metaFont, m_pillFont, m_titleFont, m_legendFont;
    double m_lineName = 0, m_lineType = 0, m_lineMeta = 0, m_pillHeight = 0;
    QVector<Node> m_nodes;
    QHash<LayerId, int> m_index;
    QVector<QPair<int, int>> m_links;
    QVector<Edge> m_edges;
    QVector<LegendEntry> m_legend;
    QRectF m_legendRect;
    QRectF m_titleRect;
    QPointF m_diagramOffset;
    QSizeF m_diagramSize;
    QSizeF m_size;
};

} // namespace naqsh
