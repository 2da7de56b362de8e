#include "ChartExporter.h"

#include "export/SvgText.h"
#include "io/SafeFile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QSvgGenerator>
#include <QTemporaryDir>
#include <qcustomplot.h>

namespace naqsh {

std::optional<ChartExporter::Format> ChartExporter::formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    return std::nullopt;
}

QSize ChartExporter::shapeSize(Shape shape)
{
    switch (shape) {
    case Shape::Slide16x9:
        return {1280, 720};
    case Shape::Slide4x3:
        return {1024, 768};
    case Shape::AsShown:
        break;
    }
    return {};
}

bool ChartExporter::save(QCustomPlot *plot, const QString &target, Format format, int dpi,
                         QSize size, QString *error)
{
    // QCustomPlot writes to a file name and does not say why it failed: let it write a scratch
    // file, then write that file's bytes to the target with SafeFile (checked, atomic, refuses
    // folders and pipes, keeps devices).
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        if (error)
            *error = QCoreApplication::translate("naqsh::ChartExporter", "cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(target), scratch.errorString());
        return false;
    }
    const QString path =
        scratch.filePath(QStringLiteral("chart.") + QFileInfo(target).suffix().toLower());
    if (size.isEmpty())
        size = plot->isVisible() ? plot->size() : QSize(900, 560);
    const int w = size.width(), h = size.height();
    // A wrapped title (WrappedText) takes its height from the width of the previous layout: lay
    // the chart out once at this size, on a device that draws nothing, before drawing it for
    // real (the first PNG of the sweep at 1280×720 had three lines' room for each one-line title).
    {
        SvgTextRecorder nothing(size, 96);
        QCPPainter painter;
        if (painter.begin(&nothing)) {
            plot->toPainter(&painter, w, h);
            painter.end();
        }
    }
    bool ok = false;
    switch (format) {
    case Format::Png: {
        const double scale = double(std::max(dpi, 1)) / 96.0;
        ok = plot->savePng(path, w, h, scale, -1, dpi, QCP::ruDotsPerInch);
        break;
    }
    case Format::Pdf:
        // Cosmetic pens would print hairline-thin; export them with their real width.
        ok = plot->savePdf(path, w, h, QCP::epNoCosmetic, QStringLiteral("Naqsh"),
                           QFileInfo(target).completeBaseName());
        break;
    case Format::Svg: {
        // 1 user unit = 1 logical pixel at 96 dpi, as the PNG: the fonts' points convert alike.
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setResolution(96);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QFileInfo(target).completeBaseName());
        svg.setDescription(QStringLiteral("Naqsh chart"));
        QCPPainter painter;
        if (painter.begin(&svg)) {
            plot->toPainter(&painter, w, h);
            ok = painter.end();
        }
        // The same chart again, for its text: QSvgGenerator writes runs that librsvg and browsers
        // lay out left to right (Persian punctuation and spaces at the wrong end).
        SvgTextRecorder text(size, 96);
        QCPPainter textPainter;
        if (ok && textPainter.begin(&text)) {
            plot->toPainter(&textPainter, w, h);
            ok = textPainter.end();
        }
        if (ok) {
            QFile file(path);
            ok = file.open(QIODevice::WriteOnly) &&
                 file.write(
                     SvgText::setPixelSize(SvgText::replaceText(bytes, text.lines()), size)) > 0 &&
                 file.flush();
        }
        ok = ok && QFileInfo(path).size() > 0;
        break;
    }
    }
    if (!ok) {
        if (error)
            *error = QCoreApplication::translate("naqsh::ChartExporter", "could not write %1")
                         .arg(QFileInfo(target).fileName());
        return false;
    }
    const SafeFile::ReadResult drawn = SafeFile::readLimited(path, qint64(1) << 31);
    if (!drawn.ok()) {
        if (error)
            *error = QCoreApplication::translate("naqsh::ChartExporter", "cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(target), drawn.reason);
        return false;
    }
    return SafeFile::write(target, drawn.bytes, error);
}

QString ChartExporter::exportInteractively(QCustomPlot *plot, Format format,
                                           const QString &baseName, QWidget *parent)
{
    // A slide wants 16:9 or 4:3, not the dock's strip.
    const QStringList shapes = {
        QCoreApplication::translate("naqsh::ChartExporter", "16:9 (slides)"),
        QCoreApplication::translate("naqsh::ChartExporter", "4:3 (older projectors)"),
        QCoreApplication::translate("naqsh::ChartExporter", "As shown on screen")};
    bool shapeOk = false;
    const QString shapeChoice = QInputDialog::getItem(
        parent, QCoreApplication::translate("naqsh::ChartExporter", "Export chart"),
        QCoreApplication::translate("naqsh::ChartExporter", "Shape of the exported chart:"), shapes,
        0, false, &shapeOk);
    if (!shapeOk)
        return {};
    const QSize size = shapeSize(Shape(std::max<qsizetype>(0, shapes.indexOf(shapeChoice))));
    int dpi = 96;
    QString filter, suffix;
    switch (format) {
    case Format::Png: {
        QStringList choices;
        for (int d : dpiChoices())
            choices << QCoreApplication::translate("naqsh::ChartExporter", "%1 dpi").arg(d);
        bool ok = false;
        const QString choice = QInputDialog::getItem(
            parent, QCoreApplication::translate("naqsh::ChartExporter", "Export PNG"),
            QCoreApplication::translate("naqsh::ChartExporter",
                                        "Resolution (300 dpi for print, 150 for slides):"),
            choices, 1, false, &ok);
        if (!ok)
            return {};
        dpi = dpiChoices().value(int(choices.indexOf(choice)), 150);
        filter = QCoreApplication::translate("naqsh::ChartExporter", "PNG images (*.png)");
        suffix = QStringLiteral("png");
        break;
    }
    case Format::Pdf:
        filter = QCoreApplication::translate("naqsh::ChartExporter", "PDF documents (*.pdf)");
        suffix = QStringLiteral("pdf");
        break;
    case Format::Svg:
        filter = QCoreApplication::translate("naqsh::ChartExporter", "SVG drawings (*.svg)");
        suffix = QStringLiteral("svg");
        break;
    }
    QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("naqsh::ChartExporter", "Export chart"),
        baseName + QLatin1Char('.') + suffix, filter);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    QString error;
    if (!save(plot, path, format, dpi, size, &error)) {
        QMessageBox::warning(
            parent, QCoreApplication::translate("naqsh::ChartExporter", "Export chart"), error);
        return {};
    }
    return path;
}

} // namespace naqsh
