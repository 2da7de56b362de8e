#include "DiagramExport.h"

#include "graph/Graph.h"
#include "io/TableExport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImageWriter>
#include <QLocale>
#include <QMimeData>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QtMath>

#include <cmath>

namespace naqsh::DiagramExport {

namespace {

QString titleOf(const DiagramRenderer &renderer, const QString &fallback)
{
    const QString t = renderer.options().title;
    return t.isEmpty() ? fallback : t;
}

QSize pixelSize(const DiagramRenderer &renderer)
{
    const double ratio = renderer.options().pixelRatio();
    return QSize(qCeil(renderer.size().width() * ratio), qCeil(renderer.size().height() * ratio));
}

} // namespace

bool formatFromPath(const QString &pathOrSuffix, DiagramFormat *out)
{
    const QString s = pathOrSuffix.contains(QLatin1Char('.'))
                          ? QFileInfo(pathOrSuffix).suffix().toLower()
                          : pathOrSuffix.toLower();
    if (s == QLatin1String("svg"))
        *out = DiagramFormat::Svg;
    else if (s == QLatin1String("png"))
        *out = DiagramFormat::Png;
    else if (s == QLatin1String("pdf"))
        *out = DiagramFormat::Pdf;
    else
        return false;
    return true;
}

QString suffix(DiagramFormat format)
{
    switch (format) {
    case DiagramFormat::Svg:
        return QStringLiteral("svg");
    case DiagramFormat::Png:
        return QStringLiteral("png");
    case DiagramFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QByteArray svg(const DiagramRenderer &renderer, const QString &fallbackTitle)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(96);
    const QSizeF size = renderer.size();
    generator.setSize(QSize(qCeil(size.width()), qCeil(size.height())));
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    generator.setTitle(titleOf(renderer, fallbackTitle));
    generator.setDescription(
        QCoreApplication::translate("naqsh::Diagram", "Network diagram made with Naqsh"));
    QPainter painter(&generator);
    QVector<DiagramRenderer::TextLine> texts;
    renderer.paint(&painter, &texts);
    painter.end();
    // The text goes in last (above the cards and edges it was drawn over), one element a line.
    const qsizetype end = bytes.lastIndexOf("</svg>");
    if (end >= 0)
        bytes.insert(end, SvgText::elements(texts));
    // Its size in pixels: QSvgGenerator's millimetres come back a pixel wider in librsvg.
    return SvgText::setPixelSize(bytes, generator.size());
}

QImage image(const DiagramRenderer &renderer)
{
    const DiagramOptions &o = renderer.options();
    QImage img(pixelSize(renderer), QImage::Format_ARGB32_Premultiplied);
    img.fill(o.transparentBackground ? Qt::transparent : Qt::white);
    const int dotsPerMeter = qRound(96.0 * o.pixelRatio() / 0.0254);
    img.setDotsPerMeterX(dotsPerMeter);
    img.setDotsPerMeterY(dotsPerMeter);
    QPainter painter(&img);
    painter.scale(o.pixelRatio(), o.pixelRatio());
    renderer.paint(&painter);
    painter.end();
    return img;
}

QByteArray png(const DiagramRenderer &renderer, const QString &fallbackTitle)
{
    QImage img = image(renderer);
    if (const QString title = titleOf(renderer, fallbackTitle); !title.isEmpty())
        img.setText(QStringLiteral("Title"), title);
    img.setText(QStringLiteral("Software"), QStringLiteral("Naqsh"));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.write(img);
    return bytes;
}

QByteArray pdf(const DiagramRenderer &renderer, const QString &fallbackTitle)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        // 96 device units per inch: one device unit is one logical pixel of the renderer.
        writer.setResolution(96);
        const QSizeF points = renderer.size() * 0.75;
        writer.setPageSize(
            QPageSize(points, QPageSize::Point, QStringLiteral("Naqsh"), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(titleOf(renderer, fallbackTitle));
        writer.setCreator(QStringLiteral("Naqsh"));
        QPainter painter(&writer);
        renderer.paint(&painter);
        painter.end();
    }
    return bytes;
}

bool checkSize(const DiagramRenderer &renderer, DiagramFormat format, QString *error)
{
    if (format == DiagramFormat::Png) {
        // QPainter cannot draw beyond 32,767 pixels per side (it warns for every item instead),
        // and an image of more than 256 megapixels needs more than 1 GiB.
        const double ratio = renderer.options().pixelRatio();
        const double w = std::ceil(renderer.size().width() * ratio);
        const double h = std::ceil(renderer.size().height() * ratio);
        if (!(w <= kMaxPngSide && h <= kMaxPngSide && w * h <= kMaxPngPixels)) {
            if (error)
                *error =
                    QCoreApplication::translate(
                        "naqsh::Diagram",
                        "the PNG would be %1 × %2 pixels; the largest is %3 pixels per side "
                        "and %4 pixels in all: lower the scale or DPI, draw fewer layers, "
                        "or export SVG or PDF")
                        .arg(QLocale::c().toString(w, 'f', 0), QLocale::c().toString(h, 'f', 0),
                             QLocale::c().toString(kMaxPngSide),
                             QLocale::c().toString(kMaxPngPixels));
            return false;
        }
    } else if (format == DiagramFormat::Pdf) {
        // PDF viewers (and the PDF reference's implementation limits) stop at 14,400 points
        // (200 inches) per side.
        const QSizeF points = renderer.size() * 0.75;
        if (!(points.width() <= kMaxPdfPoints && points.height() <= kMaxPdfPoints)) {
            if (error)
                *error = QCoreApplication::translate(
                             "naqsh::Diagram",
                             "the PDF page would be %1 × %2 points; PDF viewers show at most %3 "
                             "points (200 inches) per side: draw fewer layers (--layers), or "
                             "export SVG")
                             .arg(QLocale::c().toString(points.width(), 'f', 0),
                                  QLocale::c().toString(points.height(), 'f', 0),
                                  QLocale::c().toString(kMaxPdfPoints, 'f', 0));
            return false;
        }
    }
    return true;
}

bool exportDiagram(const QString &path, const Graph &graph, const AnalysisResult &result,
                   const LayerRegistry &registry, const DiagramOptions &options, QString *error)
{
    DiagramFormat format;
    if (!formatFromPath(path, &format)) {
        if (error)
            *error = QCoreApplication::translate(
                         "naqsh::Diagram", "unknown diagram format \"%1\"; use .svg, .png or .pdf")
                         .arg(QFileInfo(path).suffix());
        return false;
    }
    const DiagramRenderer renderer(graph, result, registry, options);
    if (!checkSize(renderer, format, error))
        return false;
    QByteArray bytes;
    switch (format) {
    case DiagramFormat::Svg:
        bytes = svg(renderer, graph.name);
        break;
    case DiagramFormat::Png:
        bytes = png(renderer, graph.name);
        break;
    case DiagramFormat::Pdf:
        bytes = pdf(renderer, graph.name);
        break;
    }
    if (bytes.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("naqsh::Diagram", "cannot draw the diagram for %1")
                         .arg(path);
        return false;
    }
    return TableExport::writeFile(path, bytes, error);
}

QMimeData *diagramMimeData(const Graph &graph, const AnalysisResult &result,
                           const LayerRegistry &registry, const DiagramOptions &options)
{
    const DiagramRenderer renderer(graph, result, registry, options);
    auto *mime = new QMimeData;
    mime->setData(QStringLiteral("image/svg+xml"), svg(renderer, graph.name));
    // Too large for an image: the clipboard gets the SVG only (no painter warnings, no
    // gigabytes of pixels).
    if (!checkSize(renderer, DiagramFormat::Png, nullptr))
        return mime;
    const QImage img = image(renderer);
    mime->setImageData(img);
    QByteArray pngBytes;
    {
        QBuffer buffer(&pngBytes);
        buffer.open(QIODevice::WriteOnly);
        img.save(&buffer, "PNG");
    }
    mime->setData(QStringLiteral("image/png"), pngBytes);
    const QString alt = titleOf(renderer, graph.name).toHtmlEscaped();
    mime->setHtml(
        QStringLiteral(
            "<img src=\"data:image/png;base64,%1\" width=\"%2\" height=\"%3\" alt=\"%4\">")
            .arg(QString::fromLatin1(pngBytes.toBase64()))
            .arg(qCeil(renderer.size().width()))
            .arg(qCeil(renderer.size().height()))
            .arg(alt));
    return mime;
}

} // namespace naqsh::DiagramExport
