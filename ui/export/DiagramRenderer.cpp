#include "DiagramRenderer.h"

#include "analysis/AnalysisResult.h"
#include "canvas/CanvasStyle.h"
#include "graph/Graph.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QGuiApplication>
#include <QPainter>
#include <QRawFont>
#include <QSet>
#include <QTextLayout>
#include <QtMath>

namespace naqsh {

namespace {

// Geometry in logical pixels. Cards follow the canvas's look (ui/canvas/NodeItem) at slide size.
constexpr double kMargin = 28;
constexpr double kPadX = 12;
constexpr double kPadY = 9;
constexpr double kLineGap = 3;
constexpr double kStrip = 5;
constexpr double kRadius = 8;
constexpr double kMinCardWidth = 156;
constexpr double kMaxCardWidth = 300;
constexpr double kPillPadX = 7;
constexpr double kStemGap = 5;  ///< between a card and its shape label
constexpr double kRankGap = 30; ///< free edge length between ranks, beyond the shape label
constexpr double kTitleGap = 18;
constexpr double kLegendGap = 22;
constexpr double kLegendPad = 12;
constexpr double kSwatch = 12;

bool hasArabicScript(const QString &s)
{
    for (QChar c : s)
        if (c.script() == QChar::Script_Arabic)
            return true;
    return false;
}

QString isolate(const QString &s, bool rtl)
{
    return rtl && !s.isEmpty() ? QChar(0x2066) + s + QChar(0x2069) : s;
}

double along(const QPointF &p, LayoutDirection d)
{
    return d == LayoutDirection::TopDown ? p.y() : p.x();
}

double across(const QPointF &p, LayoutDirection d)
{
    return d == LayoutDirection::TopDown ? p.x() : p.y();
}

QPointF fromAxes(double alongValue, double acrossValue, LayoutDirection d)
{
    return d == LayoutDirection::TopDown ? QPointF(acrossValue, alongValue)
                                         : QPointF(alongValue, acrossValue);
}

} // namespace

QFont DiagramRenderer::baseFont(bool persian, const QString &family)
{
    QFont font = QGuiApplication::font();
    if (!family.isEmpty()) {
        font = QFont(family);
    } else if (persian) {
        const QStringList installed = QFontDatabase::families();
        for (const char *name :
             {"Vazirmatn", "Vazir", "DejaVu Sans", "Noto Sans Arabic", "Noto Naskh Arabic"}) {
            const QString n = QString::fromLatin1(name);
            if (installed.contains(n) &&
                QFontDatabase::writingSystems(n).contains(QFontDatabase::Arabic)) {
                font = QFont(n);
                break;
            }
        }
    }
    // Name the family that is really used ("Noto Sans", not "Sans Serif"): SVG viewers look
    // the name up themselves.
    font.setFamily(QFontInfo(font).family());
    // Unhinted outlines scale evenly, so every device lays text out alike.
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setKerning(true);
    return font;
}

DiagramRenderer::DiagramRenderer(const Graph &graph, const AnalysisResult &result,
                                 const LayerRegistry &registry, const DiagramOptions &options)
    : m_options(options)
{
    Colors &c = m_colors;
    if (options.style == DiagramOptions::Style::Print) {
        c.background = Qt::white;
        c.cardFill = Qt::white;
        c.cardBorder = Qt::black;
        c.text = Qt::black;
        c.secondary = QColor(0x20, 0x20, 0x20);
        c.muted = QColor(0x38, 0x38, 0x38);
        c.edge = Qt::black;
        c.pillFill = Qt::white;
        c.pillBorder = Qt::black;
        c.pillText = Qt::black;
        c.error = Qt::black;
        c.legendFill = Qt::white;
        c.legendBorder = Qt::black;
        c.cardPen = 0.75;
        c.edgePen = 0.75;
        c.arrowLength = 6.5;
        c.arrowHalfWidth = 3.2;
        c.strips = false;
        c.shadows = false;
    } else {
        c.background = Qt::white;
        c.cardFill = Qt::white;
        c.cardBorder = QColor(0xcb, 0xd2, 0xdc);
        c.shadow = QColor(15, 23, 42, 30);
        c.text = QColor(0x11, 0x18, 0x27);
        c.secondary = QColor(0x37, 0x41, 0x51);
        c.muted = QColor(0x5b, 0x64, 0x72);
        c.edge = QColor(0x7b, 0x85, 0x94);
        c.pillFill = QColor(0xf3, 0xf5, 0xf8);
        c.pillBorder = QColor(0xcf, 0xd6, 0xdf);
        c.pillText = QColor(0x33, 0x3d, 0x4b);
        c.error = QColor(0xdc, 0x26, 0x26);
        c.legendFill = QColor(0xfa, 0xfb, 0xfc);
        c.legendBorder = QColor(0xe2, 0xe6, 0xec);
    }

    // Persian UI or Persian labels: a font that has the glyphs (Qt draws nothing without one).
    bool needsArabic =
        options.rightToLeft || hasArabicScript(options.title) || hasArabicScript(graph.name);
    for (int i = 0; i < graph.size() && !needsArabic; ++i)
        needsArabic = hasArabicScript(graph.layerAt(i).name);
    m_font = baseFont(needsArabic, options.fontFamily);
    auto sized = [&](int px, QFont::Weight weight) {
        QFont f = m_font;
        f.setPixelSize(px);
        f.setWeight(weight);
        return f;
    };
    m_nameFont = sized(14, QFont::DemiBold);
    m_typeFont = sized(12, QFont::Normal);
    m_metaFont = sized(11, QFont::Normal);
    m_pillFont = sized(11, QFont::Normal);
    m_titleFont = sized(22, QFont::Bold);
    m_legendFont = sized(12, QFont::Normal);
    m_lineName = qCeil(QFontMetricsF(m_nameFont).height());
    m_lineType = qCeil(QFontMetricsF(m_typeFont).height());
    m_lineMeta = qCeil(QFontMetricsF(m_metaFont).height());
    m_pillHeight = qCeil(QFontMetricsF(m_pillFont).height()) + 5;

    buildNodes(graph, result, registry);
    placeNodes(graph);
    buildLegend(graph, result, registry);
    finishGeometry();
}

QVector<LayerId> DiagramRenderer::layers() const
{
    QVector<LayerId> ids;
    for (const Node &n : m_nodes)
        ids.append(n.id);
    return ids;
}

QRectF DiagramRenderer::nodeRect(LayerId id) const
{
    const int i = m_index.value(id, -1);
    return i < 0 ? QRectF() : m_nodes[i].rect.translated(m_diagramOffset);
}

Qt::Alignment DiagramRenderer::leading() const
{
    return Qt::AlignAbsolute | (m_options.rightToLeft ? Qt::AlignRight : Qt::AlignLeft);
}

double DiagramRenderer::textWidth(const QString &text, const QFont &font) const
{
    return QFontMetricsF(font).horizontalAdvance(text);
}

void DiagramRenderer::buildNodes(const Graph &graph, const AnalysisResult &result,
                                 const LayerRegistry &registry)
{
    const NumberFormat &fmt = m_options.format;
    const bool rtl = m_options.rightToLeft;
    const CanvasStyle palette = CanvasStyle::fromPalette(QPalette(Qt::white), m_font);

    QSet<LayerId> wanted(m_options.layers.begin(), m_options.layers.end());
    QVector<LayerId> order = result.order;
    const QSet<LayerId> scheduled(order.begin(), order.end());
    for (LayerId id : graph.layerIds())
        if (!scheduled.contains(id))
            order.append(id);
    for (LayerId id : order) {
        if (!graph.contains(id) || (!wanted.isEmpty() && !wanted.contains(id)))
            continue;
        m_index.insert(id, int(m_nodes.size()));
        m_nodes.append(Node{});
        m_nodes.last().id = id;
    }
    for (Node &n : m_nodes) {
        const Layer *l = graph.layer(n.id);
        for (LayerId in : l->inputs)
            if (m_index.contains(in))
                m_links.append({m_index.value(in), m_index.value(n.id)});
    }

    QSet<int> producers;
    for (const QPair<int, int> &link : m_links)
        producers.insert(link.first);
    const double innerMax = kMaxCardWidth - 2 * kPadX - (m_colors.strips ? kStrip : 0);
    for (Node &n : m_nodes) {
        const Layer *l = graph.layer(n.id);
        const LayerType *type = registry.find(l->type);
        const LayerResult *r = result.layer(n.id);
        n.name = l->name;
        n.terminal = type && !type->hasOutput;
        n.typeLine = type ? type->translatedShortName() : l->type;
        if (type && type->summary) {
            const QString summary = type->summary(l->params);
            if (!summary.isEmpty()) {
                QString text = fmt.digits(summary);
                if (!fmt.latinDigits() && fmt.locale().textDirection() == Qt::RightToLeft)
                    text.replace(fmt.locale().groupSeparator() + QLatin1Char(' '),
                                 QStringLiteral("\u060C ")); // "5×5، 32"
                n.typeLine += QLatin1Char(' ') + isolate(text, rtl);
            }
        }
        n.accent = palette.categoryColor(type ? type->category : nullptr);
        const bool source = type && type->maxInputs == 0; // Input layers: nothing to count
        if (r && r->hasNumbers()) {
            if (m_options.showCosts && !n.terminal && !source) {
                // Exact counts: students check them against their own arithmetic.
                const QString macs = type && !type->costKnown
                                         ? QCoreApplication::translate("naqsh::Diagram", "unknown")
                                         : fmt.integer(r->costs.macs.value());
                n.costLine = QCoreApplication::translate("naqsh::Diagram", "%1 params · %2 MACs")
                                 .arg(fmt.integer(r->costs.params().value()), macs);
            }
            if (m_options.showShapes && type && type->hasOutput &&
                producers.contains(m_index.value(n.id))) {
                n.shape = fmt.shape(r->output, rtl);
                for (const TensorShape &more : r->extraOutputs) // Split, Chunk
                    n.shape += QStringLiteral(", ") + fmt.shape(more, rtl);
                n.shapeSize =
                    QSizeF(qCeil(textWidth(n.shape, m_pillFont)) + 2 * kPillPadX, m_pillHeight);
            }
        } else if (r) {
            n.error =
                r->error.isEmpty()
                    ? result.errorText(graph, n.id) // names the layer upstream at fault
                    : QCoreApplication::translate("naqsh::Diagram", "error: %1").arg(r->error);
        }
        const double inner =
            qBound(kMinCardWidth - 2 * kPadX - (m_colors.strips ? kStrip : 0),
                   std::max({textWidth(n.name, m_nameFont), textWidth(n.typeLine, m_typeFont),
                             textWidth(n.costLine, m_metaFont), textWidth(n.error, m_metaFont)}),
                   innerMax);
        n.name = QFontMetricsF(m_nameFont).elidedText(n.name, Qt::ElideRight, inner);
        n.typeLine = QFontMetricsF(m_typeFont).elidedText(n.typeLine, Qt::ElideRight, inner);
        n.costLine = QFontMetricsF(m_metaFont).elidedText(n.costLine, Qt::ElideRight, inner);
        n.error = QFontMetricsF(m_metaFont).elidedText(n.error, Qt::ElideRight, inner);
        double height = kPadY + m_lineName + kLineGap + m_lineType + kPadY;
        if (!n.costLine.isEmpty() || !n.error.isEmpty())
            height += kLineGap + m_lineMeta;
        const double width =
            qCeil(inner + 2 * kPadX + (m_colors.strips && !n.terminal ? kStrip : 0));
        n.rect = QRectF(0, 0, width, qCeil(height));
    }
}

QPainterPath DiagramRenderer::edgePath(const QVector<QPointF> &route, const Node &source,
                                       QPointF *tip, QPointF *direction) const
{
    const LayoutDirection d = m_options.placement == DiagramOptions::Placement::CanvasPositions
                                  ? LayoutDirection::TopDown
                                  : m_options.direction;
    QVector<QPointF> points;
    points.append(route.first());
    int next = 1;
    if (!source.shape.isEmpty()) {
        // The edge leaves through its shape label: a straight stem first, then the curve.
        const double labelDepth =
            d == LayoutDirection::TopDown ? source.shapeSize.height() : source.shapeSize.width();
        const double stemEnd = along(route.first(), d) + kStemGap + labelDepth + 4;
        while (next < route.size() - 1 && across(route[next], d) == across(route.first(), d) &&
               along(route[next], d) <= stemEnd)
            ++next;
        if (next < route.size() && along(route[next], d) > stemEnd)
            points.append(fromAxes(stemEnd, across(route.first(), d), d));
    }
    for (int i = next; i < route.size(); ++i)
        points.append(route[i]);
    if (points.size() < 2)
        points.append(route.last());

    // Segments along the rank axis stay straight; the others are S-curves that leave and enter
    // along the axis, so the arrow at the end always points along the final tangent.
    auto straight = [&](const QPointF &a, const QPointF &b) {
        return std::abs(across(a, d) - across(b, d)) < 0.01;
    };
    const QPointF a = points[points.size() - 2], b = points.last();
    QPointF dir = straight(a, b) ? b - a : fromAxes(along(b, d) >= along(a, d) ? 1 : -1, 0, d);
    const double len = std::hypot(dir.x(), dir.y());
    *direction = len > 0 ? dir / len : fromAxes(1, 0, d);
    *tip = b;
    // The line stops inside the arrowhead, so that its end never shows past the tip.
    points.last() = b - *direction * (m_colors.arrowLength * 0.7);

    QPainterPath path(points.first());
    for (int i = 1; i < points.size(); ++i) {
        const QPointF p = points[i - 1], q = points[i];
        if (straight(p, q)) {
            path.lineTo(q);
            continue;
        }
        const double mid = (along(p, d) + along(q, d)) / 2;
        path.cubicTo(fromAxes(mid, across(p, d), d), fromAxes(mid, across(q, d), d), q);
    }
    return path;
}

void DiagramRenderer::placeNodes(const Graph &graph)
{
    QVector<QVector<QPointF>> routes(m_links.size());
    if (m_options.placement == DiagramOptions::Placement::CanvasPositions) {
        for (Node &n : m_nodes)
            n.rect.moveTopLeft(graph.layer(n.id)->position);
        for (int i = 0; i < m_links.size(); ++i) {
            const QRectF a = m_nodes[m_links[i].first].rect, b = m_nodes[m_links[i].second].rect;
            routes[i] = {QPointF(a.center().x(), a.bottom()), QPointF(b.center().x(), b.top())};
        }
    } else {
        const bool topDown = m_options.direction == LayoutDirection::TopDown;
        double label = 0;
        for (const Node &n : m_nodes)
            label = std::max(label, topDown ? n.shapeSize.height() : n.shapeSize.width());
        LayoutOptions lo;
        lo.direction = m_options.direction;
        lo.layerSpacing = (label > 0 ? kStemGap + label + 4 : 0) + kRankGap + (topDown ? 4 : 10);
        lo.nodeSpacing = topDown ? 30 : 22;
        QVector<QSizeF> sizes;
        for (const Node &n : m_nodes)
            sizes.append(n.rect.size());
        const LayeredLayoutResult layout = computeLayeredLayout(sizes, m_links, lo);
        for (int i = 0; i < m_nodes.size(); ++i)
            m_nodes[i].rect.moveTopLeft(layout.positions.value(i));
        routes = layout.edgeRoutes;
    }

    m_edges.clear();
    for (int i = 0; i < m_links.size(); ++i) {
        if (routes.value(i).size() < 2)
            continue;
        Edge e;
        e.from = m_links[i].first;
        e.to = m_links[i].second;
        e.path = edgePath(routes[i], m_nodes[e.from], &e.tip, &e.direction);
        m_edges.append(e);
    }

    // Normalise: the drawing's bounding box (cards, edges, labels) starts at (0, 0).
    QRectF box;
    for (const Node &n : m_nodes)
        box = box.isNull() ? n.rect : box.united(n.rect);
    for (const Edge &e : m_edges)
        box = box.united(e.path.boundingRect());
    const QPointF shift = -box.topLeft();
    for (Node &n : m_nodes)
        n.rect.translate(shift);
    for (Edge &e : m_edges) {
        e.path.translate(shift);
        e.tip += shift;
    }
    m_diagramSize = QSizeF(qCeil(box.width()), qCeil(box.height()));
}

void DiagramRenderer::buildLegend(const Graph &graph, const AnalysisResult &result,
                                  const LayerRegistry &registry)
{
    m_legend.clear();
    if (!m_options.legend || m_nodes.isEmpty())
        return;
    const NumberFormat &fmt = m_options.format;
    const CanvasStyle palette = CanvasStyle::fromPalette(QPalette(Qt::white), m_font);

    if (m_colors.strips) {
        QSet<QByteArray> used;
        for (const Node &n : m_nodes)
            if (const LayerType *t = registry.find(graph.layer(n.id)->type))
                used.insert(QByteArray(t->category));
        for (const char *category : registry.categories())
            if (used.contains(QByteArray(category)))
                m_legend.append({LegendEntry::Kind::Swatch,
                                 palette.categoryColor(category),
                                 {},
                                 layerTr(category),
                                 {}});
    }
    if (m_options.showShapes) {
        const QString sample = QCoreApplication::translate("naqsh::Diagram", "N×C×H×W");
        m_legend.append(
            {LegendEntry::Kind::Pill,
             {},
             isolate(sample, m_options.rightToLeft),
             QCoreApplication::translate(
                 "naqsh::Diagram", "tensor shape on an edge: batch × channels × height × width"),
             {}});
    }
    if (m_options.showCosts) {
        m_legend.append(
            {LegendEntry::Kind::Text,
             {},
             {},
             QCoreApplication::translate(
                 "naqsh::Diagram", "params: learned weights and biases · MACs: "
                                   "multiply-accumulates (one multiplication and one addition)"),
             {}});
        Costs total;
        int unknown = 0;
        for (const Node &n : m_nodes) {
            const LayerResult *r = result.layer(n.id);
            if (r && r->hasNumbers())
                total += r->costs;
            const LayerType *t = registry.find(graph.layer(n.id)->type);
            if (t && !t->costKnown)
                ++unknown;
        }
        const bool whole = m_nodes.size() == graph.size();
        const QString totals =
            whole ? QCoreApplication::translate("naqsh::Diagram", "Total: %1 parameters, %2 MACs")
                  : QCoreApplication::translate(
                        "naqsh::Diagram", "Total of the layers shown: %1 parameters, %2 MACs");
        m_legend.append(
            {LegendEntry::Kind::Text,
             {},
             {},
             totals.arg(fmt.integer(total.params().value()), fmt.integer(total.macs.value())),
             {}});
        if (unknown > 0)
            m_legend.append({LegendEntry::Kind::Text,
                             {},
                             {},
                             QCoreApplication::translate(
                                 "naqsh::Diagram",
                                 "%n layer(s) with unknown operations are not counted in MACs",
                                 nullptr, unknown),
                             {}});
    }
}

void DiagramRenderer::finishGeometry()
{
    const QFontMetricsF legendFm(m_legendFont);
    const double row = std::max(qCeil(legendFm.height()), int(m_pillHeight)) + 4;

    // Width of each legend entry; swatches flow side by side, other entries take a row each.
    double contentWidth = std::max(m_diagramSize.width(), 360.0);
    for (const LegendEntry &e : m_legend) {
        double w = textWidth(e.text, m_legendFont);
        if (e.kind == LegendEntry::Kind::Swatch)
            w += kSwatch + 6;
        if (e.kind == LegendEntry::Kind::Pill)
            w += textWidth(e.sample, m_pillFont) + 2 * kPillPadX + 8;
        if (e.kind != LegendEntry::Kind::Swatch)
            contentWidth = std::max(contentWidth, w + 2 * kLegendPad);
    }
    if (!m_options.title.isEmpty())
        contentWidth = std::max(contentWidth, textWidth(m_options.title, m_titleFont));
    contentWidth = qCeil(contentWidth);

    double y = kMargin;
    if (!m_options.title.isEmpty()) {
        m_titleRect = QRectF(kMargin, y, contentWidth, qCeil(QFontMetricsF(m_titleFont).height()));
        y += m_titleRect.height() + kTitleGap;
    }
    m_diagramOffset = QPointF(kMargin + qRound((contentWidth - m_diagramSize.width()) / 2), y);
    y += m_diagramSize.height();

    m_legendRect = QRectF();
    if (!m_legend.isEmpty()) {
        y += kLegendGap;
        const double inner = contentWidth - 2 * kLegendPad;
        double x = 0, ly = 0;
        bool inFlow = false;
        for (LegendEntry &e : m_legend) {
            double w = textWidth(e.text, m_legendFont);
            if (e.kind == LegendEntry::Kind::Swatch)
                w += kSwatch + 6;
            if (e.kind == LegendEntry::Kind::Pill)
                w += textWidth(e.sample, m_pillFont) + 2 * kPillPadX + 8;
            w = qCeil(w);
            if (e.kind == LegendEntry::Kind::Swatch) {
                if (inFlow && x + w > inner) {
                    x = 0;
                    ly += row;
                }
                inFlow = true;
            } else if (inFlow || x > 0) {
                x = 0;
                ly += row;
                inFlow = false;
            }
            double left = x;
            if (m_options.rightToLeft)
                left = inner - x - w;
            e.rect = QRectF(kLegendPad + left, kLegendPad + ly, w, row);
            x += w + 18;
            if (e.kind != LegendEntry::Kind::Swatch) {
                x = 0;
                ly += row;
            }
        }
        if (x > 0)
            ly += row;
        // The box fits its entries and sits centred under the drawing.
        double used = 0;
        for (const LegendEntry &e : m_legend)
            used = std::max(used, m_options.rightToLeft ? inner - e.rect.left() + kLegendPad
                                                        : e.rect.right() - kLegendPad);
        const double width = qCeil(used + 2 * kLegendPad);
        if (m_options.rightToLeft)
            for (LegendEntry &e : m_legend)
                e.rect.translate(width - contentWidth, 0);
        m_legendRect = QRectF(kMargin + qRound((contentWidth - width) / 2), y, width,
                              qCeil(ly + 2 * kLegendPad - 4));
        y += m_legendRect.height();
    }
    m_size = QSizeF(qCeil(contentWidth + 2 * kMargin), qCeil(y + kMargin));
}

void DiagramRenderer::drawText(QPainter *p, const QRectF &box, const QString &text,
                               const QFont &font, const QColor &color,
                               Qt::Alignment horizontal) const
{
    if (text.isEmpty())
        return;
    QTextLayout layout(text, font);
    QTextOption option(horizontal | Qt::AlignAbsolute);
    option.setTextDirection(Qt::LayoutDirectionAuto);
    option.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (!line.isValid()) {
        layout.endLayout();
        return;
    }
    line.setLineWidth(box.width());
    line.setPosition(QPointF(0, 0));
    layout.endLayout();
    const QPointF origin(box.left(), box.top() + (box.height() - line.height()) / 2);
    if (m_textOut && !m_options.textAsPaths) {
        // The whole line, with its direction and where it starts: SVG viewers (librsvg,
        // browsers) then order the words and punctuation themselves. Qt's own runs, written
        // one by one in logical order at their left edges, come out with spaces and
        // punctuation at the wrong end of a right-to-left run.
        TextLine t;
        t.text = text;
        t.font = font;
        t.color = color;
        t.rtl = text.isRightToLeft();
        t.centred = horizontal & Qt::AlignHCenter;
        const QRectF ink = line.naturalTextRect();
        const double x = t.centred ? ink.center().x() : t.rtl ? ink.right() : ink.left();
        const QTransform &m = p->transform();
        t.anchor = m.map(origin + QPointF(x, line.ascent()));
        const double size = font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * 96 / 72;
        t.pixelSize = size * std::sqrt(std::abs(m.determinant()));
        m_textOut->append(t);
        return;
    }
    if (!m_options.textAsPaths) {
        p->setPen(color);
        layout.draw(p, origin);
        return;
    }
    QPainterPath outlines;
    outlines.setFillRule(
        Qt::WindingFill); // glyph contours may overlap (bold, joined Persian letters)
    const QList<QGlyphRun> runs = layout.glyphRuns();
    for (const QGlyphRun &run : runs) {
        const QRawFont raw = run.rawFont();
        const QVector<quint32> glyphs = run.glyphIndexes();
        const QVector<QPointF> positions = run.positions();
        for (int i = 0; i < glyphs.size() && i < positions.size(); ++i) {
            QPainterPath glyph = raw.pathForGlyph(glyphs[i]);
            glyph.translate(origin + positions[i]);
            outlines.addPath(glyph);
        }
    }
    p->fillPath(outlines, color);
}

void DiagramRenderer::drawPill(QPainter *p, const QRectF &r, const QString &text) const
{
    p->setPen(QPen(m_colors.pillBorder, m_colors.cardPen * 0.8));
    p->setBrush(m_colors.pillFill);
    p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    drawText(p, r, text, m_pillFont, m_colors.pillText, Qt::AlignHCenter);
}

void DiagramRenderer::drawNode(QPainter *p, const Node &n) const
{
    const QRectF card = n.rect;
    const double radius = n.terminal ? card.height() / 2 : kRadius;
    QPainterPath shape;
    shape.addRoundedRect(card, radius, radius);
    if (m_colors.shadows) {
        p->setPen(Qt::NoPen);
        p->setBrush(m_colors.shadow);
        p->drawRoundedRect(card.translated(0, 2).adjusted(-0.5, 0, 0.5, 0.5), radius + 0.5,
                           radius + 0.5);
    }
    p->setPen(Qt::NoPen);
    p->setBrush(m_colors.cardFill);
    p->drawPath(shape);

    const bool rtl = m_options.rightToLeft;
    double strip = 0;
    if (m_colors.strips) {
        if (n.terminal) {
            // Output pills: a thin ring in the category colour instead of a strip.
            p->setPen(QPen(n.accent, 2.0));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(card.adjusted(1, 1, -1, -1), radius - 1, radius - 1);
        } else {
            strip = kStrip;
            QPainterPath band;
            band.addRect(rtl ? QRectF(card.right() - kStrip, card.top(), kStrip, card.height())
                             : QRectF(card.left(), card.top(), kStrip, card.height()));
            p->setPen(Qt::NoPen);
            p->setBrush(n.accent);
            p->drawPath(shape.intersected(band));
        }
    }
    const bool error = !n.error.isEmpty();
    p->setPen(QPen(error ? m_colors.error : m_colors.cardBorder, error ? 1.5 : m_colors.cardPen));
    p->setBrush(Qt::NoBrush);
    const double inset = p->pen().widthF() / 2;
    p->drawRoundedRect(card.adjusted(inset, inset, -inset, -inset), radius - inset, radius - inset);

    const Qt::Alignment align = n.terminal ? Qt::AlignHCenter : leading();
    const double left = card.left() + kPadX + (rtl ? 0 : strip);
    const double width = card.width() - 2 * kPadX - strip;
    double y = card.top() + kPadY;
    drawText(p, QRectF(left, y, width, m_lineName), n.name, m_nameFont, m_colors.text, align);
    y += m_lineName + kLineGap;
    drawText(p, QRectF(left, y, width, m_lineType), n.typeLine, m_typeFont, m_colors.secondary,
             align);
    y += m_lineType + kLineGap;
    if (error)
        drawText(p, QRectF(left, y, width, m_lineMeta), n.error, m_metaFont, m_colors.error, align);
    else if (!n.costLine.isEmpty())
        drawText(p, QRectF(left, y, width, m_lineMeta), n.costLine, m_metaFont, m_colors.muted,
                 align);
}

void DiagramRenderer::drawLegend(QPainter *p) const
{
    if (m_legend.isEmpty())
        return;
    p->setPen(QPen(m_colors.legendBorder, m_colors.cardPen * 0.8));
    p->setBrush(m_options.transparentBackground && m_options.style == DiagramOptions::Style::Print
                    ? QBrush(Qt::NoBrush)
                    : QBrush(m_colors.legendFill));
    p->drawRoundedRect(m_legendRect, 6, 6);
    const bool rtl = m_options.rightToLeft;
    for (const LegendEntry &e : m_legend) {
        QRectF r = e.rect.translated(m_legendRect.topLeft());
        double lead = 0;
        if (e.kind == LegendEntry::Kind::Swatch) {
            const QRectF swatch(rtl ? r.right() - kSwatch : r.left(), r.center().y() - kSwatch / 2,
                                kSwatch, kSwatch);
            p->setPen(Qt::NoPen);
            p->setBrush(e.color);
            p->drawRoundedRect(swatch, 3, 3);
            lead = kSwatch + 6;
        } else if (e.kind == LegendEntry::Kind::Pill) {
            const double w = qCeil(textWidth(e.sample, m_pillFont)) + 2 * kPillPadX;
            const QRectF pill(rtl ? r.right() - w : r.left(), r.center().y() - m_pillHeight / 2, w,
                              m_pillHeight);
            drawPill(p, pill, e.sample);
            lead = w + 8;
        }
        r = rtl ? r.adjusted(0, 0, -lead, 0) : r.adjusted(lead, 0, 0, 0);
        drawText(p, r, e.text, m_legendFont, m_colors.secondary, leading());
    }
}

void DiagramRenderer::paint(QPainter *p, QVector<TextLine> *texts) const
{
    m_textOut = texts;
    paint(p);
    m_textOut = nullptr;
}

void DiagramRenderer::paint(QPainter *p) const
{
    p->save();
    p->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                      QPainter::SmoothPixmapTransform);
    if (!m_options.transparentBackground)
        p->fillRect(QRectF(QPointF(0, 0), m_size), m_colors.background);
    if (!m_options.title.isEmpty())
        drawText(p, m_titleRect, m_options.title, m_titleFont, m_colors.text, Qt::AlignHCenter);

    p->save();
    p->translate(m_diagramOffset);
    QPen edgePen(m_colors.edge, m_colors.edgePen, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    for (const Edge &e : m_edges) {
        p->setPen(edgePen);
        p->setBrush(Qt::NoBrush);
        p->drawPath(e.path);
        const QPointF normal(-e.direction.y(), e.direction.x());
        const QPointF base = e.tip - e.direction * m_colors.arrowLength;
        QPolygonF arrow{e.tip, base + normal * m_colors.arrowHalfWidth,
                        base - normal * m_colors.arrowHalfWidth};
        p->setPen(Qt::NoPen);
        p->setBrush(m_colors.edge);
        p->drawPolygon(arrow);
    }
    const LayoutDirection d = m_options.placement == DiagramOptions::Placement::CanvasPositions
                                  ? LayoutDirection::TopDown
                                  : m_options.direction;
    for (const Node &n : m_nodes) {
        if (n.shape.isEmpty())
            continue;
        const QSizeF s = n.shapeSize;
        const QPointF c =
            d == LayoutDirection::TopDown
                ? QPointF(n.rect.center().x(), n.rect.bottom() + kStemGap + s.height() / 2)
                : QPointF(n.rect.right() + kStemGap + s.width() / 2, n.rect.center().y());
        drawPill(p, QRectF(c.x() - s.width() / 2, c.y() - s.height() / 2, s.width(), s.height()),
                 n.shape);
    }
    for (const Node &n : m_nodes)
        drawNode(p, n);
    p->restore();

    drawLegend(p);
    p->restore();
}

} // namespace naqsh
