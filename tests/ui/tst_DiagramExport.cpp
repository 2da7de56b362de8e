// Diagram export: SVG (real text and text as paths), PNG sizes, PDF pages and fonts, Persian
// glyphs, options and clipboard data.
#include "analysis/AnalysisEngine.h"
#include "export/DiagramExport.h"
#include "graph/Graph.h"
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QGlyphRun>
#include <QMimeData>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QXmlStreamReader>
#include <QtTest>

using namespace naqsh;

class tst_DiagramExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void svgParsesBackAndNamesEveryLayer();
    void svgTextAsPaths();
    void pngHasRequestedSize_data();
    void pngHasRequestedSize();
    void pngBackground();
    void pdfHasOnePageAndEmbeddedFonts();
    void persianLabels();
    void persianSvgLinesInLibrsvg();
    void selectionOnly();
    void optionsChangeTheDrawing();
    void printStyleIsBlackOnWhite();
    void canvasPositions();
    void exportByFileName();
    void clipboardData();
    void emptyGraphAndErrors();

private:
    static QStringList svgTexts(const QByteArray &svg);
    static int darkPixels(const QImage &image, const QRect &area);
    /// First and last column of @p area holding a dark pixel (-1, -1 if none).
    static QPair<int, int> inkColumns(const QImage &image, const QRect &area);
    QImage renderSvg(const QByteArray &svg, const QSize &size) const;

    Graph m_lesson;
    AnalysisResult m_result;
    const LayerRegistry &m_registry = LayerRegistry::builtin();
};

void tst_DiagramExport::initTestCase()
{
    const auto r = NaqshFile::read(
        QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"), m_registry);
    QVERIFY2(r.ok(), qPrintable(r.error));
    m_lesson = r.graph;
    m_result = AnalysisEngine::analyze(m_lesson, m_registry);
}

QStringList tst_DiagramExport::svgTexts(const QByteArray &svg)
{
    QStringList texts;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    return texts;
}

int tst_DiagramExport::darkPixels(const QImage &image, const QRect &area)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (qGray(image.pixel(x, y)) < 128 && qAlpha(image.pixel(x, y)) > 128)
                ++n;
    return n;
}

QPair<int, int> tst_DiagramExport::inkColumns(const QImage &image, const QRect &area)
{
    int first = -1, last = -1;
    for (int x = area.left(); x <= area.right(); ++x)
        for (int y = area.top(); y <= area.bottom(); ++y)
            if (qGray(image.pixel(x, y)) < 128 && qAlpha(image.pixel(x, y)) > 128) {
                if (first < 0)
                    first = x;
                last = x;
                break;
            }
    return {first, last};
}

QImage tst_DiagramExport::renderSvg(const QByteArray &svg, const QSize &size) const
{
    QSvgRenderer renderer(svg);
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
    p.end();
    return image;
}

void tst_DiagramExport::svgParsesBackAndNamesEveryLayer()
{
    DiagramOptions o;
    o.title = QStringLiteral("The lesson");
    const DiagramRenderer renderer(m_lesson, m_result, m_registry, o);
    const QByteArray svg = DiagramExport::svg(renderer);
    QSvgRenderer back(svg);
    QVERIFY(back.isValid());
    QCOMPARE(back.viewBoxF().size(), renderer.size());
    QVERIFY(svg.contains("<title>The lesson</title>"));
    const QStringList texts = svgTexts(svg);
    for (LayerId id : m_lesson.layerIds()) {
        const QString name = m_lesson.layer(id)->name;
        QVERIFY2(texts.contains(name),
                 qPrintable(name + QStringLiteral(" not among ") + texts.join(QLatin1Char('|'))));
    }
    QVERIFY(texts.contains(QStringLiteral("The lesson")));
    // Shapes on the edges and costs on the nodes, with the lesson's numbers.
    QVERIFY(texts.contains(QString::fromUtf8("1×192×28×28")));
    QVERIFY(texts.contains(QString::fromUtf8("153,600 params · 120,422,400 MACs")));
    QVERIFY(texts.contains(QStringLiteral("Total: 169,472 parameters, 132,866,048 MACs")));
    // The real family is named, not a generic alias that viewers do not know.
    QVERIFY(!svg.contains("font-family=\"Sans Serif\" font-size=\"14\""));
}

void tst_DiagramExport::svgTextAsPaths()
{
    DiagramOptions o;
    o.textAsPaths = true;
    const DiagramRenderer renderer(m_lesson, m_result, m_registry, o);
    const QByteArray svg = DiagramExport::svg(renderer);
    QVERIFY(QSvgRenderer(svg).isValid());
    QVERIFY(!svg.contains("<text"));
    QVERIFY(svgTexts(svg).isEmpty());
    // The outlines are really there: the name line of conv5x5's card has ink, as with real text.
    const QImage paths = renderSvg(svg, renderer.size().toSize());
    o.textAsPaths = false;
    const QImage text =
        renderSvg(DiagramExport::svg(DiagramRenderer(m_lesson, m_result, m_registry, o)),
                  renderer.size().toSize());
    const QRectF card = renderer.nodeRect(m_lesson.findByName(QStringLiteral("conv5x5")));
    const QRect nameLine =
        QRectF(card.left() + 18, card.top() + 8, card.width() - 30, 18).toAlignedRect();
    const int inkPaths = darkPixels(paths, nameLine), inkText = darkPixels(text, nameLine);
    QVERIFY2(inkText > 40, qPrintable(QString::number(inkText)));
    QVERIFY2(qAbs(inkPaths - inkText) < inkText / 3,
             qPrintable(QStringLiteral("%1 vs %2").arg(inkPaths).arg(inkText)));
}

void tst_DiagramExport::pngHasRequestedSize_data()
{
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<double>("pixelsPerUnit"); // by hand: scale, or dpi / 96
    QTest::newRow("scale 1") << 1.0 << 0 << 1.0;
    QTest::newRow("scale 2") << 2.0 << 0 << 2.0;
    QTest::newRow("scale 1.5") << 1.5 << 0 << 1.5;
    QTest::newRow("150 dpi") << 2.0 << 150 << 150.0 / 96.0;
    QTest::newRow("300 dpi") << 1.0 << 300 << 300.0 / 96.0;
}

void tst_DiagramExport::pngHasRequestedSize()
{
    QFETCH(double, scale);
    QFETCH(int, dpi);
    QFETCH(double, pixelsPerUnit);
    DiagramOptions o;
    o.scale = scale;
    o.dpi = dpi;
    const DiagramRenderer renderer(m_lesson, m_result, m_registry, o);
    const QSizeF logical = renderer.size();
    QVERIFY(logical.width() > 300 && logical.height() > 500);
    QCOMPARE(logical.width(), std::floor(logical.width())); // whole logical pixels
    const QByteArray png = DiagramExport::png(renderer);
    QImage image;
    QVERIFY(image.loadFromData(png, "PNG"));
    QCOMPARE(image.width(), int(std::ceil(logical.width() * pixelsPerUnit)));
    QCOMPARE(image.height(), int(std::ceil(logical.height() * pixelsPerUnit)));
    // The resolution is in the file: 96 dpi per unit of scale.
    QCOMPARE(image.dotsPerMeterX(), qRound(96.0 * pixelsPerUnit / 0.0254));
    QCOMPARE(image.text(QStringLiteral("Software")), QStringLiteral("Naqsh"));
}

void tst_DiagramExport::pngBackground()
{
    DiagramOptions o;
    o.scale = 1;
    const QImage white = DiagramExport::image(DiagramRenderer(m_lesson, m_result, m_registry, o));
    QCOMPARE(white.pixelColor(1, 1), QColor(Qt::white));
    o.transparentBackground = true;
    const QImage clear = DiagramExport::image(DiagramRenderer(m_lesson, m_result, m_registry, o));
    QCOMPARE(qAlpha(clear.pixel(1, 1)), 0);
    QVERIFY(clear.hasAlphaChannel());
    // Cards stay opaque on a transparent background.
    const QRectF card = DiagramRenderer(m_lesson, m_result, m_registry, o)
                            .nodeRect(m_lesson.findByName(QStringLiteral("concat")));
    QCOMPARE(qAlpha(clear.pixel(card.center().toPoint())), 255);
}

void tst_DiagramExport::pdfHasOnePageAndEmbeddedFonts()
{
    const DiagramRenderer renderer(m_lesson, m_result, m_registry, DiagramOptions());
    const QByteArray pdf = DiagramExport::pdf(renderer, m_lesson.name);
    QVERIFY(pdf.startsWith("%PDF-"));
    const QString text = QString::fromLatin1(pdf);
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    QCOMPARE(text.count(page), 1);
    QVERIFY(pdf.contains("/FontFile2") || pdf.contains("/FontFile3"));
    // The page is the drawing: 1 logical pixel = 0.75 pt.
    static const QRegularExpression box(
        QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]"));
    const QRegularExpressionMatch m = box.match(text);
    QVERIFY(m.hasMatch());
    QVERIFY(qAbs(m.captured(1).toDouble() - renderer.size().width() * 0.75) < 1.0);
    QVERIFY(qAbs(m.captured(2).toDouble() - renderer.size().height() * 0.75) < 1.0);
}

void tst_DiagramExport::persianLabels()
{
    Graph g = m_lesson;
    g.name = QString::fromUtf8("درس یک در یک");
    const QString persianName = QString::fromUtf8("کانولوشن پنج در پنج");
    g.mutableLayer(g.findByName(QStringLiteral("conv5x5")))->name = persianName;
    DiagramOptions o;
    o.rightToLeft = true;
    o.format = NumberFormat(QLocale(QLocale::Persian, QLocale::Iran));
    o.title = g.name;
    const DiagramRenderer renderer(g, m_result, m_registry, o);

    // The chosen font has every glyph: Qt draws nothing at all for a missing Persian glyph.
    QFont font(renderer.fontFamily());
    font.setPixelSize(14);
    for (const QString &label : {persianName, g.name, QString::fromUtf8("۱۲۰٬۴۲۲٬۴۰۰")}) {
        QTextLayout layout(label, font);
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        const QList<QGlyphRun> runs = layout.glyphRuns();
        QVERIFY(!runs.isEmpty());
        for (const QGlyphRun &run : runs)
            for (quint32 glyph : run.glyphIndexes())
                QVERIFY2(glyph != 0,
                         qPrintable(label + QStringLiteral(" in ") + renderer.fontFamily()));
    }

    const QByteArray svg = DiagramExport::svg(renderer);
    QVERIFY(QSvgRenderer(svg).isValid());
    QVERIFY2(svgTexts(svg).join(QString()).contains(persianName),
             qPrintable(svgTexts(svg).join(QLatin1Char('|'))));
    // Persian digits in the costs and in the shapes, which keep their left-to-right order.
    QVERIFY(svgTexts(svg).join(QString()).contains(QString::fromUtf8("۱۲۰٬۴۲۲٬۴۰۰")));
    QVERIFY(svgTexts(svg).contains(QString::fromUtf8("\u2066۱×۱۹۲×۲۸×۲۸\u2069")));
    // The colour strip is on the right (leading) edge of a card in right-to-left text.
    const QImage image = DiagramExport::image(renderer);
    const QRectF card = renderer.nodeRect(g.findByName(persianName));
    const double ratio = o.pixelRatio();
    const QColor right = image.pixelColor(
        QPointF((card.right() - 2.5) * ratio, card.center().y() * ratio).toPoint());
    const QColor left =
        image.pixelColor(QPointF((card.left() + 2.5) * ratio, card.center().y() * ratio).toPoint());
    QVERIFY2(right.saturation() > 100, qPrintable(right.name()));
    QVERIFY2(left.saturation() < 30, qPrintable(left.name()));
    // Text as paths draws the Persian text too (outlines where glyphs are).
    o.textAsPaths = true;
    const DiagramRenderer outlined(g, m_result, m_registry, o);
    const QImage drawn = renderSvg(DiagramExport::svg(outlined), outlined.size().toSize());
    const QRectF c = outlined.nodeRect(g.findByName(persianName));
    QVERIFY(darkPixels(drawn,
                       QRectF(c.left() + 8, c.top() + 8, c.width() - 20, 18).toAlignedRect()) > 40);
}

void tst_DiagramExport::persianSvgLinesInLibrsvg()
{
    // Names and a title with spaces and punctuation that belong at the left end of a
    // right-to-left line.
    Graph g = m_lesson;
    const QString title = QString::fromUtf8("درس: یک در یک (آزمایشی).");
    const QString name = QString::fromUtf8("لایهٔ اول، پنج در پنج!");
    g.mutableLayer(g.findByName(QStringLiteral("conv5x5")))->name = name;
    DiagramOptions o;
    o.rightToLeft = true;
    o.format = NumberFormat(QLocale(QLocale::Persian, QLocale::Iran));
    o.title = title;
    const DiagramRenderer renderer(g, m_result, m_registry, o);
    const QByteArray svg = DiagramExport::svg(renderer);

    // Each line is one <text>, whole, right to left, starting at its right edge.
    QXmlStreamReader xml(svg);
    int found = 0;
    const QRectF card = renderer.nodeRect(g.findByName(name));
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != QLatin1String("text"))
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        const QString text = xml.readElementText();
        if (text != title && text != name)
            continue;
        ++found;
        QCOMPARE(a.value(QLatin1String("direction")), QLatin1String("rtl"));
        QCOMPARE(a.value(QLatin1String("xml:space")), QLatin1String("preserve"));
        const double x = a.value(QLatin1String("x")).toDouble();
        if (text == name) {
            QCOMPARE(a.value(QLatin1String("text-anchor")), QLatin1String("start"));
            QVERIFY2(x > card.center().x() && x < card.right(), qPrintable(QString::number(x)));
        } else {
            QCOMPARE(a.value(QLatin1String("text-anchor")), QLatin1String("middle"));
            QVERIFY(qAbs(x - renderer.size().width() / 2) < 2);
        }
    }
    QCOMPARE(found, 2);

    // librsvg puts the ink where Qt does: the same left and right ends of each line, which a
    // space or a full stop at the wrong end moves by its width.
    const QString rsvg = QStandardPaths::findExecutable(QStringLiteral("rsvg-convert"));
    if (rsvg.isEmpty())
        QSKIP("rsvg-convert (librsvg2-bin) is not installed: the rendering half is skipped");
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("d.svg")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(svg);
    file.close();
    QProcess process;
    process.start(rsvg,
                  {QStringLiteral("-o"), dir.filePath(QStringLiteral("d.png")), file.fileName()});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QImage librsvg =
        QImage(dir.filePath(QStringLiteral("d.png"))).convertToFormat(QImage::Format_ARGB32);
    o.dpi = 96;
    const DiagramRenderer plain(g, m_result, m_registry, o);
    const QImage qt = DiagramExport::image(plain).convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(librsvg.size(), qt.size());
    const QRect nameLine =
        QRectF(card.left() + 4, card.top() + 6, card.width() - 12, 20).toAlignedRect();
    const QRect titleLine = QRect(0, 4, qt.width(), 30);
    for (const QRect &line : {nameLine, titleLine}) {
        const QPair<int, int> want = inkColumns(qt, line);
        const QPair<int, int> got = inkColumns(librsvg, line);
        QVERIFY(want.first >= 0);
        const QString what = QStringLiteral("Qt draws columns %1-%2, librsvg %3-%4")
                                 .arg(want.first)
                                 .arg(want.second)
                                 .arg(got.first)
                                 .arg(got.second);
        QVERIFY2(qAbs(want.first - got.first) <= 3, qPrintable(what));
        QVERIFY2(qAbs(want.second - got.second) <= 3, qPrintable(what));
    }
}

void tst_DiagramExport::selectionOnly()
{
    DiagramOptions o;
    o.layers = {m_lesson.findByName(QStringLiteral("conv5x5_after_1x1")),
                m_lesson.findByName(QStringLiteral("reduce1x1"))};
    const DiagramRenderer renderer(m_lesson, m_result, m_registry, o);
    // Data-flow order, whatever the order of the selection.
    QCOMPARE(renderer.layers(),
             (QVector<LayerId>{m_lesson.findByName(QStringLiteral("reduce1x1")),
                               m_lesson.findByName(QStringLiteral("conv5x5_after_1x1"))}));
    const QStringList texts = svgTexts(DiagramExport::svg(renderer));
    QVERIFY(texts.contains(QStringLiteral("reduce1x1")));
    QVERIFY(texts.contains(QStringLiteral("conv5x5_after_1x1")));
    QVERIFY(!texts.contains(QStringLiteral("conv5x5")));
    QVERIFY(!texts.contains(QStringLiteral("input")));
    // Only the edge between the two is drawn, labelled with reduce1x1's output.
    QVERIFY(texts.contains(QString::fromUtf8("1×16×28×28")));
    QVERIFY(!texts.contains(QString::fromUtf8("1×32×28×28")));
    QVERIFY(texts.contains(
        QStringLiteral("Total of the layers shown: 15,872 parameters, 12,443,648 MACs")));
    QVERIFY(renderer.nodeRect(m_lesson.findByName(QStringLiteral("conv5x5"))).isNull());
}

void tst_DiagramExport::optionsChangeTheDrawing()
{
    DiagramOptions o;
    const DiagramRenderer full(m_lesson, m_result, m_registry, o);
    o.title = QStringLiteral("Title");
    const DiagramRenderer titled(m_lesson, m_result, m_registry, o);
    QVERIFY(titled.size().height() > full.size().height() + 20);
    o.legend = false;
    const DiagramRenderer noLegend(m_lesson, m_result, m_registry, o);
    QVERIFY(noLegend.size().height() < titled.size().height() - 60);
    o.showShapes = false;
    o.showCosts = false;
    const DiagramRenderer bare(m_lesson, m_result, m_registry, o);
    const QStringList texts = svgTexts(DiagramExport::svg(bare));
    QVERIFY(!texts.contains(QString::fromUtf8("1×192×28×28")));
    QVERIFY(texts.contains(QString::fromUtf8("Input 192×28×28"))); // the type line stays
    QVERIFY(!texts.join(QString()).contains(QStringLiteral("MACs")));
    QVERIFY(texts.contains(QStringLiteral("conv5x5")));
    QVERIFY(bare.size().height() < noLegend.size().height());
    // Left to right: the ranks run across, so the lesson is wider than tall.
    o.direction = LayoutDirection::LeftRight;
    const DiagramRenderer across(m_lesson, m_result, m_registry, o);
    QVERIFY(across.size().width() > across.size().height());
    const QRectF in = across.nodeRect(m_lesson.findByName(QStringLiteral("input")));
    const QRectF out = across.nodeRect(m_lesson.findByName(QStringLiteral("output")));
    QVERIFY(in.right() < out.left());
    QVERIFY(qAbs(in.center().y() - out.center().y()) < 1.0);
    // Top-down, every edge points down: each layer is below its inputs.
    const DiagramRenderer down(m_lesson, m_result, m_registry, DiagramOptions());
    for (const Connection &c : m_lesson.connections())
        QVERIFY(down.nodeRect(c.from).bottom() < down.nodeRect(c.to).top());
}

void tst_DiagramExport::printStyleIsBlackOnWhite()
{
    DiagramOptions o;
    o.style = DiagramOptions::Style::Print;
    o.scale = 1;
    const QImage image = DiagramExport::image(DiagramRenderer(m_lesson, m_result, m_registry, o));
    int colored = 0, dark = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.saturation() > 10)
                ++colored;
            if (c.lightness() < 60)
                ++dark;
        }
    QCOMPARE(colored, 0);
    QVERIFY(dark > 1000);
    o.style = DiagramOptions::Style::Screen;
    const QImage screen = DiagramExport::image(DiagramRenderer(m_lesson, m_result, m_registry, o));
    int screenColored = 0;
    for (int y = 0; y < screen.height(); ++y)
        for (int x = 0; x < screen.width(); ++x)
            if (screen.pixelColor(x, y).saturation() > 100)
                ++screenColored;
    QVERIFY(screenColored > 200); // the category strips
}

void tst_DiagramExport::canvasPositions()
{
    DiagramOptions o;
    o.placement = DiagramOptions::Placement::CanvasPositions;
    const DiagramRenderer renderer(m_lesson, m_result, m_registry, o);
    // lesson.naqsh puts conv5x5 at (60, 200) and reduce1x1 at (460, 140).
    const QRectF a = renderer.nodeRect(m_lesson.findByName(QStringLiteral("conv5x5")));
    const QRectF b = renderer.nodeRect(m_lesson.findByName(QStringLiteral("reduce1x1")));
    QCOMPARE(b.left() - a.left(), 400.0);
    QCOMPARE(b.top() - a.top(), -60.0);
}

void tst_DiagramExport::exportByFileName()
{
    QTemporaryDir dir;
    DiagramOptions o;
    QString error;
    for (const char *suffix : {"svg", "png", "pdf"}) {
        const QString path = dir.filePath(QStringLiteral("d.") + QLatin1String(suffix));
        QVERIFY2(DiagramExport::exportDiagram(path, m_lesson, m_result, m_registry, o, &error),
                 qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray head = f.read(8);
        if (qstrcmp(suffix, "svg") == 0)
            QVERIFY(head.startsWith("<?xml"));
        else if (qstrcmp(suffix, "png") == 0)
            QVERIFY(head.startsWith("\x89PNG"));
        else
            QVERIFY(head.startsWith("%PDF"));
    }
    QVERIFY(!DiagramExport::exportDiagram(dir.filePath(QStringLiteral("d.bmp")), m_lesson, m_result,
                                          m_registry, o, &error));
    QVERIFY(error.contains(QStringLiteral("bmp")));
    QVERIFY(!DiagramExport::exportDiagram(QStringLiteral("/nonexistent-dir/d.svg"), m_lesson,
                                          m_result, m_registry, o, &error));
    QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/d.svg")));
}

void tst_DiagramExport::clipboardData()
{
    DiagramOptions o;
    o.scale = 2;
    std::unique_ptr<QMimeData> mime(
        DiagramExport::diagramMimeData(m_lesson, m_result, m_registry, o));
    QVERIFY(mime->hasImage());
    QVERIFY(mime->hasFormat(QStringLiteral("image/png")));
    QVERIFY(mime->hasFormat(QStringLiteral("image/svg+xml")));
    QVERIFY(mime->hasHtml());
    QImage png;
    QVERIFY(png.loadFromData(mime->data(QStringLiteral("image/png")), "PNG"));
    const DiagramRenderer renderer(m_lesson, m_result, m_registry, o);
    QCOMPARE(png.size(),
             QSize(int(renderer.size().width() * 2), int(renderer.size().height() * 2)));
    QVERIFY(QSvgRenderer(mime->data(QStringLiteral("image/svg+xml"))).isValid());
    QVERIFY(mime->html().startsWith(QStringLiteral("<img src=\"data:image/png;base64,")));
}

void tst_DiagramExport::emptyGraphAndErrors()
{
    const Graph empty;
    const AnalysisResult none = AnalysisEngine::analyze(empty, m_registry);
    DiagramOptions o;
    o.title = QStringLiteral("Nothing yet");
    const DiagramRenderer blank(empty, none, m_registry, o);
    QVERIFY(blank.size().width() > 0 && blank.size().height() > 0);
    QVERIFY(blank.layers().isEmpty());
    QVERIFY(QSvgRenderer(DiagramExport::svg(blank)).isValid());
    QVERIFY(!DiagramExport::image(blank).isNull());
    QVERIFY(DiagramExport::pdf(blank).startsWith("%PDF-"));

    // A layer with an error says so on its card; the layer after it names the one at fault.
    const auto broken = NaqshFile::read(
        QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/naqsh/broken_kernel.naqsh"), m_registry);
    QVERIFY(broken.ok());
    const AnalysisResult result = AnalysisEngine::analyze(broken.graph, m_registry);
    const QString texts =
        svgTexts(
            DiagramExport::svg(DiagramRenderer(broken.graph, result, m_registry, DiagramOptions())))
            .join(QLatin1Char('|'));
    QVERIFY2(texts.contains(QStringLiteral("error: kernel 7 is larger than the padded input 5")),
             qPrintable(texts));
    QVERIFY2(texts.contains(QStringLiteral("layer 'conv7' upstream has an error")),
             qPrintable(texts));
}

QTEST_MAIN(tst_DiagramExport)
#include "tst_DiagramExport.moc"
