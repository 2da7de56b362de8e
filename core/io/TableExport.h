#pragma once

#include "io/Report.h"

#include <QByteArray>
#include <QString>

namespace naqsh {

/// File formats of the cost-table exports.
enum class TableFormat { Csv, Markdown, Latex, Html };

/// Options shared by every table export.
struct TableExportOptions
{
    /// Convention, dtype, model name, and the digits of human formats (report.format). CSV
    /// ignores the digits: its numbers are always plain Latin integers.
    ReportOptions report;
    /// Language of the document, as a BCP 47 code ("en", "fa"). It sets the HTML page's lang
    /// and dir (Persian is right to left) and the right-to-left handling of shapes; the header
    /// text itself comes from the translator installed in the application.
    QString language = QStringLiteral("en");
    /// HTML only: an SVG document (from ui/export/DiagramExport) shown inline above the table.
    /// An XML prolog or DOCTYPE before the <svg> element is dropped. May be empty.
    QByteArray diagramSvg;

    bool rightToLeft() const;
};

/// Cost tables as files for students and slides: CSV, Markdown, LaTeX (booktabs) and a
/// standalone HTML page. Every writer has the columns layer, type, output shape, params, MACs,
/// FLOPs, activations and share (of the FLOPs), a totals row, and a caption naming the FLOP
/// convention and the activation dtype. Rows come from reportRows(), in data-flow order.
/// Headers are translated in the "naqsh::Report" context; numbers go through report.format.
namespace TableExport {

/// The format for a file name or bare suffix ("out.tex", "md", "HTML"); false if unknown.
bool formatFromPath(const QString &pathOrSuffix, TableFormat *out);
/// The usual suffix of @p format, without the dot ("csv", "md", "tex", "html").
QString suffix(TableFormat format);

/// The caption: "<model>. Convention: ...; activations in fp32." (translated).
QString caption(const TableExportOptions &options);

/// CSV: UTF-8 with a byte-order mark (so that spreadsheets read Persian), a header row, one row
/// per layer, the totals row, then an empty line and the caption as a last one-cell row.
/// Numbers are plain (no separators, Latin digits, share as a fraction with 6 decimals),
/// shapes are "1x32x28x28" written with U+00D7, and the last column holds a layer's error.
QByteArray csv(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
               const TableExportOptions &options);
/// A GitHub/Pandoc pipe table with right-aligned numbers, a bold totals row, and the caption.
QString markdown(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
                 const TableExportOptions &options);
/// A booktabs table float, ready to \input (needs \usepackage{booktabs}; Persian needs XeLaTeX
/// and xepersian, as a comment in the file says). LaTeX specials are escaped.
QString latex(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
              const TableExportOptions &options);
/// A standalone UTF-8 page: a heading, the diagram inline (options.diagramSvg), the styled
/// table with a caption. No scripts, no external files.
QString html(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
             const TableExportOptions &options);

/// The per-layer table in @p format, as the bytes of a file (UTF-8).
QByteArray table(TableFormat format, const Graph &graph, const LayerRegistry &registry,
                 const AnalysisResult &result, const TableExportOptions &options);

/// The comparison of two variants (rows: parameters, weights, MACs, FLOPs, activations,
/// activation memory; columns: A, B, and B relative to A as a ratio phrase), in the same four
/// formats. CSV keeps machine keys, plain numbers and the ratio as a number with a direction.
QByteArray compareCsv(const Report::CompareInput &in, const TableExportOptions &options);
QString compareMarkdown(const Report::CompareInput &in, const TableExportOptions &options);
QString compareLatex(const Report::CompareInput &in, const TableExportOptions &options);
QString compareHtml(const Report::CompareInput &in, const TableExportOptions &options);
QByteArray comparison(TableFormat format, const Report::CompareInput &in,
                      const TableExportOptions &options);

/// Writes @p bytes to @p path with SafeFile::write; on failure returns false with a message.
bool writeFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace TableExport
} // namespace naqsh
