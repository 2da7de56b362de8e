#pragma once

#include "DiagramRenderer.h"

#include <QByteArray>
#include <QImage>
#include <QString>

class QMimeData;

namespace naqsh {

/// File formats of a diagram export.
enum class DiagramFormat { Svg, Png, Pdf };

/// Diagram files and clipboard data, drawn by DiagramRenderer. The app's export dialog and
/// `naqsh-cli export --diagram` both call these, so they give the same output.
namespace DiagramExport {

/// The format for a file name or bare suffix ("out.svg", "PNG"); false if unknown.
bool formatFromPath(const QString &pathOrSuffix, DiagramFormat *out);
QString suffix(DiagramFormat format);

/// An SVG 1.2 Tiny document (QSvgGenerator) of the diagram's logical size, with a <title>
/// (the options' title, or @p fallbackTitle) and a <desc>. Real text unless textAsPaths.
QByteArray svg(const DiagramRenderer &renderer, const QString &fallbackTitle = {});
/// The diagram as an image of ceil(size × options.pixelRatio()) pixels, white or transparent,
/// with its resolution (dots per metre) set to 96 × pixelRatio dpi.
QImage image(const DiagramRenderer &renderer);
/// PNG bytes of image(), with Title and Software text chunks.
QByteArray png(const DiagramRenderer &renderer, const QString &fallbackTitle = {});
/// A one-page vector PDF (QPdfWriter) whose page is exactly the drawing (1 logical pixel =
/// 0.75 pt), fonts embedded as subsets.
QByteArray pdf(const DiagramRenderer &renderer, const QString &fallbackTitle = {});

/// Largest PNG Naqsh draws: QPainter stops at 32,767 pixels per side; 256 megapixels is 1 GiB.
inline constexpr int kMaxPngSide = 32767;
inline constexpr qint64 kMaxPngPixels = qint64(256) * 1024 * 1024;
/// Largest PDF page side in points (200 inches), the limit of PDF viewers.
inline constexpr double kMaxPdfPoints = 14400;

/// False, with a message naming the size and what to do, when @p format cannot hold the
/// drawing: a PNG beyond kMaxPngSide / kMaxPngPixels, a PDF page beyond kMaxPdfPoints. Checked
/// before anything is drawn.
bool checkSize(const DiagramRenderer &renderer, DiagramFormat format, QString *error);

/// Renders the graph with @p options and writes @p path in the format of its suffix (.svg,
/// .png, .pdf). Returns false with a message in @p error on an unknown suffix or a write error.
bool exportDiagram(const QString &path, const Graph &graph, const AnalysisResult &result,
                   const LayerRegistry &registry, const DiagramOptions &options, QString *error);

/// Clipboard data for pasting into slides: image/png (and the platform image), image/svg+xml,
/// and text/html holding the PNG as an <img>. The caller owns the result (QClipboard::setMimeData
/// takes it).
QMimeData *diagramMimeData(const Graph &graph, const AnalysisResult &result,
                           const LayerRegistry &registry, const DiagramOptions &options);

} // namespace DiagramExport
} // namespace naqsh
