#include "ChartExporter.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QSvgGenerator>
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

bool ChartExporter::save(QCustomPlot *plot, const QString &path, Format format, int dpi, QSize size,
                         QString *error)
{
    if (size.isEmpty())
        size = plot->isVisible() ? plot->size() : QSize(900, 560);
    const int w = size.width(), h = size.height();
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
                           QFileInfo(path).completeBaseName());
        break;
    case Format::Svg: {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QFileInfo(path).completeBaseName());
        svg.setDescription(QStringLiteral("Naqsh chart"));
        QCPPainter painter;
        if (painter.begin(&svg)) {
            plot->toPainter(&painter, w, h);
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
        break;
    }
    }
    if (!ok && error)
        *error = QCoreApplication::translate("naqsh::ChartExporter", "could not write %1")
                     .arg(QFileInfo(path).fileName());
    return ok;
}

QString ChartExporter::exportInteractively(QCustomPlot *plot, Format format,
                                           const QString &baseName, QWidget *parent)
{
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
    if (!save(plot, path, format, dpi, {}, &error)) {
        QMessageBox::warning(
            parent, QCoreApplication::translate("naqsh::ChartExporter", "Export chart"), error);
        return {};
    }
    return path;
}

} // namespace naqsh
