#include "SvgText.h"

#include <QFontInfo>
#include <QGlyphRun>
#include <QPaintEngine>
#include <QPainter>
#include <QRegularExpression>
#include <QTextItem>
#include <QTextLayout>

#include <cmath>

namespace naqsh {

namespace {

QString number(double v)
{
    return QString::number(v, 'f', 2);
}

/// The family list for a font: the family Qt resolved it to (what the PNG shows; "Sans Serif"
/// means nothing to a browser), then the generic one.
QString families(const QFont &font, const QStringList &used)
{
    QStringList list;
    for (const QString &f : used + QStringList{QFontInfo(font).family(), font.family()})
        if (!f.isEmpty() && f != QLatin1String("Sans Serif")) {
            const QString quoted =
                QLatin1Char('\'') + QString(f).remove(QLatin1Char('\'')) + QLatin1Char('\'');
            if (!list.contains(quoted))
                list << quoted;
        }
    list << (font.styleHint() == QFont::Monospace || font.styleHint() == QFont::TypeWriter
                 ? QStringLiteral("monospace")
                 : QStringLiteral("sans-serif"));
    return list.join(QStringLiteral(", "));
}

/// Nothing to draw: spaces and direction marks only.
bool blank(const QString &text)
{
    for (QChar c : text)
        if (!c.isSpace() && c.category() != QChar::Other_Format)
            return false;
    return true;
}

} // namespace

QByteArray SvgText::elements(const QVector<Line> &lines)
{
    QString out = QStringLiteral("<g stroke=\"none\">\n");
    for (const Line &t : lines) {
        const QFont &f = t.font;
        QPointF at = t.anchor;
        QString transform;
        if (t.transform.type() <= QTransform::TxTranslate) {
            at = t.transform.map(at);
        } else {
            const QTransform &m = t.transform;
            transform = QStringLiteral(" transform=\"matrix(%1,%2,%3,%4,%5,%6)\"")
                            .arg(QString::number(m.m11(), 'g', 6), QString::number(m.m12(), 'g', 6),
                                 QString::number(m.m21(), 'g', 6), QString::number(m.m22(), 'g', 6),
                                 number(m.dx()), number(m.dy()));
        }
        out += QStringLiteral("<text xml:space=\"preserve\" x=\"%1\" y=\"%2\"%3 fill=\"%4\"")
                   .arg(number(at.x()), number(at.y()), transform, t.color.name());
        if (t.color.alpha() < 255)
            out += QStringLiteral(" fill-opacity=\"%1\"").arg(number(t.color.alphaF()));
        out += QStringLiteral(" font-family=\"%1\" font-size=\"%2\" font-weight=\"%3\""
                              " font-style=\"%4\"")
                   .arg(families(f, t.families).toHtmlEscaped(), number(t.pixelSize),
                        QString::number(f.weight()),
                        f.italic() ? QStringLiteral("italic") : QStringLiteral("normal"));
        out += QStringLiteral(" direction=\"%1\" unicode-bidi=\"%2\" text-anchor=\"%3\">")
                   .arg(t.rtl ? QStringLiteral("rtl") : QStringLiteral("ltr"),
                        t.run ? QStringLiteral("bidi-override") : QStringLiteral("embed"),
                        t.centred ? QStringLiteral("middle") : QStringLiteral("start"));
        out += t.text.toHtmlEscaped() + QStringLiteral("</text>\n");
    }
    out += QStringLiteral("</g>\n");
    return out.toUtf8();
}

QByteArray SvgText::replaceText(const QByteArray &svg, const QVector<Line> &lines)
{
    // QSvgGenerator escapes the text it writes, so a <text> element holds no '<'.
    static const QRegularExpression own(QStringLiteral("<text\\b[^>]*>[^<]*</text>\\s*"));
    QString s = QString::fromUtf8(svg);
    s.remove(own);
    QByteArray out = s.toUtf8();
    const qsizetype end = out.lastIndexOf("</svg>");
    if (end >= 0)
        out.insert(end, elements(lines));
    return out;
}

QByteArray SvgText::setPixelSize(const QByteArray &svg, const QSize &size)
{
    static const QRegularExpression root(QStringLiteral("<svg width=\"[^\"]*\" height=\"[^\"]*\""));
    QString s = QString::fromUtf8(svg);
    const QRegularExpressionMatch m = root.match(s);
    if (m.hasMatch())
        s.replace(
            m.capturedStart(), m.capturedLength(),
            QStringLiteral("<svg width=\"%1\" height=\"%2\"").arg(size.width()).arg(size.height()));
    return s.toUtf8();
}

/// The engine behind SvgTextRecorder: every feature (so that QPainter hands it text runs as they
/// are, never outlines), text recorded, everything else dropped.
class SvgTextRecorderEngine : public QPaintEngine
{
public:
    explicit SvgTextRecorderEngine(int dpi)
        : QPaintEngine(QPaintEngine::AllFeatures)
        , m_dpi(dpi)
    {
    }

    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    Type type() const override { return QPaintEngine::User; }
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawImage(const QRectF &, const QImage &, const QRectF &,
                   Qt::ImageConversionFlags) override
    {
    }
    void drawTiledPixmap(const QRectF &, const QPixmap &, const QPointF &) override {}
    void drawPath(const QPainterPath &) override {}
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawPolygon(const QPoint *, int, PolygonDrawMode) override {}
    void drawLines(const QLineF *, int) override {}
    void drawLines(const QLine *, int) override {}
    void drawRects(const QRectF *, int) override {}
    void drawRects(const QRect *, int) override {}
    void drawPoints(const QPointF *, int) override {}
    void drawPoints(const QPoint *, int) override {}
    void drawEllipse(const QRectF &) override {}
    void drawEllipse(const QRect &) override {}

    void drawTextItem(const QPointF &p, const QTextItem &item) override
    {
        const QString text = item.text();
        if (text.isEmpty() || blank(text))
            return;
        SvgText::Line t;
        t.text = text;
        t.font = item.font();
        const QPainter *painter = this->painter();
        t.color = painter->pen().color();
        if (painter->opacity() < 1)
            t.color.setAlphaF(t.color.alphaF() * painter->opacity());
        t.transform = painter->combinedTransform();
        t.rtl = item.renderFlags().testFlag(QTextItem::RightToLeft);
        t.run = true;
        t.anchor = p;
        // The fonts Qt takes the glyphs from: the same run laid out again on this device.
        QTextLayout layout(text, t.font, painter->device());
        QTextOption option;
        option.setTextDirection(t.rtl ? Qt::RightToLeft : Qt::LeftToRight);
        layout.setTextOption(option);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        layout.endLayout();
        for (const QGlyphRun &glyphs : layout.glyphRuns()) {
            const QString family = glyphs.rawFont().familyName();
            if (!t.families.contains(family))
                t.families << family;
        }
        // Each word at the place Qt gives it: Qt's hinted advances make a long run a few pixels
        // wider than librsvg's or a browser's, which would move the far end of the run (the
        // bracket of "(fp32)") away from its neighbour.
        QVector<Word> words;
        // From the run's start edge, which Qt gives (the width of a neutral run laid out alone
        // can differ: its script, and so its font, came from the text around it).
        const QRectF natural = line.naturalTextRect();
        const double start = t.rtl ? p.x() + item.width() : p.x();
        for (qsizetype i = 0; i < text.size();) {
            if (text.at(i).isSpace()) {
                ++i;
                continue;
            }
            qsizetype end = i;
            while (end < text.size() && !text.at(end).isSpace())
                ++end;
            const QString word = text.mid(i, end - i);
            if (!blank(word))
                words.append({word, t.rtl ? start - (natural.right() - line.cursorToX(int(i)))
                                          : start + (line.cursorToX(int(i)) - natural.left())});
            i = end;
        }
        m_words.append(words);
        m_extents.append({p.x(), p.x() + item.width(), neutral(text)});
        t.pixelSize =
            t.font.pixelSize() > 0 ? t.font.pixelSize() : t.font.pointSizeF() * m_dpi / 72;
        m_lines.append(t);
    }

    /// A run of digits, spaces and punctuation of no script of its own takes, in Qt, the script of
    /// the text before it, and so that script's fallback font ("1×1" inside a Persian title is
    /// drawn in the Persian font, wider than the Latin one): give it the fonts of a touching run
    /// on the same line that has a script.
    void inheritFonts()
    {
        bool changed = true;
        while (changed) {
            changed = false;
            for (qsizetype i = 0; i < m_lines.size(); ++i) {
                if (!m_extents[i].neutral)
                    continue;
                for (qsizetype j : {i - 1, i + 1}) {
                    if (j < 0 || j >= m_lines.size() || m_extents[j].neutral)
                        continue;
                    const SvgText::Line &a = m_lines[i], &b = m_lines[j];
                    const bool touching = qAbs(a.anchor.y() - b.anchor.y()) < 0.01 &&
                                          a.transform == b.transform &&
                                          (qAbs(m_extents[i].left - m_extents[j].right) < 0.5 ||
                                           qAbs(m_extents[i].right - m_extents[j].left) < 0.5);
                    if (!touching)
                        continue;
                    m_lines[i].families = b.families;
                    m_extents[i].neutral = false;
                    changed = true;
                    break;
                }
            }
        }
    }

    /// The runs' words as lines of their own, each at its start edge.
    QVector<SvgText::Line> words()
    {
        inheritFonts();
        QVector<SvgText::Line> out;
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            for (const Word &w : m_words[i]) {
                SvgText::Line t = m_lines[i];
                t.text = w.text;
                t.anchor.setX(w.x);
                out.append(t);
            }
        }
        return out;
    }

    QVector<SvgText::Line> m_lines; ///< the runs

private:
    struct Word
    {
        QString text;
        double x; ///< the start edge: the right one in a right-to-left run
    };
    QVector<QVector<Word>> m_words; ///< of each run
    static bool neutral(const QString &text)
    {
        for (QChar c : text)
            if (c.script() != QChar::Script_Common && c.script() != QChar::Script_Inherited)
                return false;
        return true;
    }

    struct Extent
    {
        double left, right;
        bool neutral;
    };
    QVector<Extent> m_extents;
    int m_dpi;
};

SvgTextRecorder::SvgTextRecorder(const QSize &size, int dpi)
    : m_size(size)
    , m_dpi(dpi)
    , m_engine(std::make_unique<SvgTextRecorderEngine>(dpi))
{
}

SvgTextRecorder::~SvgTextRecorder() = default;

QPaintEngine *SvgTextRecorder::paintEngine() const
{
    return m_engine.get();
}

QVector<SvgText::Line> SvgTextRecorder::lines() const
{
    return m_engine->words();
}

int SvgTextRecorder::metric(PaintDeviceMetric metric) const
{
    switch (metric) {
    case PdmWidth:
        return m_size.width();
    case PdmHeight:
        return m_size.height();
    case PdmWidthMM:
        return qRound(m_size.width() * 25.4 / m_dpi);
    case PdmHeightMM:
        return qRound(m_size.height() * 25.4 / m_dpi);
    case PdmNumColors:
        return INT_MAX;
    case PdmDepth:
        return 32;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY:
        return m_dpi;
    case PdmDevicePixelRatio:
        return 1;
    case PdmDevicePixelRatioScaled:
        return int(devicePixelRatioFScale());
    default:
        break;
    }
    return 0;
}

} // namespace naqsh
