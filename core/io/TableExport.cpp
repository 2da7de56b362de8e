#include "TableExport.h"

#include "SafeFile.h"

#include "graph/Graph.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

namespace naqsh {

bool TableExportOptions::rightToLeft() const
{
    return QLocale(language).textDirection() == Qt::RightToLeft;
}

namespace {

const QByteArray kBom("\xEF\xBB\xBF");

/// One table row as text cells, before any format's escaping. Column 2 is the shape.
struct TextRow
{
    QStringList cells;
    bool error = false;
};

QString unknownText()
{
    return QCoreApplication::translate("naqsh::Report", "unknown");
}

QVector<TextRow> textRows(const QVector<ReportRow> &rows, const NumberFormat &f)
{
    QVector<TextRow> out;
    for (const ReportRow &r : rows) {
        TextRow t;
        t.cells = QStringList{r.name, r.type};
        if (r.hasNumbers && !r.costKnown)
            t.cells << f.shape(r.outputShape) << f.integer(r.params) << unknownText()
                    << unknownText() << f.integer(r.activations) << unknownText();
        else if (r.hasNumbers)
            t.cells << f.shape(r.outputShape) << f.integer(r.params) << f.integer(r.macs)
                    << f.integer(r.flops) << f.integer(r.activations) << f.percent(r.share);
        else {
            t.error = true;
            t.cells << QCoreApplication::translate("naqsh::Report", "error: %1").arg(r.error);
        }
        out.append(t);
    }
    return out;
}

QStringList totalCells(const AnalysisResult &result, const ReportOptions &o)
{
    const NumberFormat &f = o.format;
    const Costs &t = result.totals;
    const qint64 totalFlops = flops(t, o.convention).value();
    return {QCoreApplication::translate("naqsh::Report", "Total"),
            QString(),
            QString(),
            f.integer(t.params().value()),
            f.integer(t.macs.value()),
            f.integer(totalFlops),
            f.integer(t.activations.value()),
            f.percent(totalFlops > 0 ? 1.0 : 0.0)};
}

QString conventionCaption(const ReportOptions &o)
{
    return QCoreApplication::translate("naqsh::Report", "Convention: %1; activations in %2.")
        .arg(conventionDisplayName(o.convention), dtypeKey(o.dtype));
}

QString csvField(const QString &s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
        s.contains(QLatin1Char('\n')))
        return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    return s;
}

// ---- Markdown ----

QString mdCell(QString s)
{
    return s.replace(QLatin1Char('|'), QStringLiteral("\\|"))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
}

/// In right-to-left text a shape must keep its left-to-right order: wrap it in an isolate.
QString isolatedShape(const QString &shape, bool rtl)
{
    return rtl && !shape.isEmpty() ? QChar(0x2066) + shape + QChar(0x2069) : shape;
}

QString mdRow(const QStringList &cells)
{
    return QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

// ---- LaTeX ----

QString texEscape(const QString &s)
{
    QString out;
    out.reserve(s.size() + 8);
    for (QChar c : s) {
        switch (c.unicode()) {
        case u'\\':
            out += QStringLiteral("\\textbackslash{}");
            break;
        case u'{':
        case u'}':
        case u'$':
        case u'&':
        case u'#':
        case u'_':
        case u'%':
            out += QLatin1Char('\\') + c;
            break;
        case u'^':
            out += QStringLiteral("\\textasciicircum{}");
            break;
        case u'~':
            out += QStringLiteral("\\textasciitilde{}");
            break;
        case u'<':
            out += QStringLiteral("\\textless{}");
            break;
        case u'>':
            out += QStringLiteral("\\textgreater{}");
            break;
        case 0x00D7: // ×
            out += QStringLiteral("\\texttimes{}");
            break;
        case 0x2192: // →
            out += QStringLiteral("\\textrightarrow{}");
            break;
        case 0x2212: // −
            out += QStringLiteral("\\textminus{}");
            break;
        case 0x00B7: // ·
            out += QStringLiteral("\\textperiodcentered{}");
            break;
        case 0x2066: // isolates: LaTeX uses \lr{} instead
        case 0x2069:
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// A shape for LaTeX; in Persian documents xepersian's \lr keeps it left to right.
QString texShape(const QString &shape, bool rtl)
{
    const QString s = texEscape(shape);
    return rtl && !s.isEmpty() ? QStringLiteral("\\lr{%1}").arg(s) : s;
}

QString texRow(const QStringList &cells)
{
    return QStringLiteral("    ") + cells.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\\n");
}

QString texHeader(const QString &what, const TableExportOptions &o)
{
    QString text = QStringLiteral("% ") + what + QLatin1Char('\n');
    text += QStringLiteral("% Generated by Naqsh. \\input{} this file; the preamble needs "
                           "\\usepackage{booktabs}.\n");
    if (o.rightToLeft())
        text += QStringLiteral(
            "% Persian: compile with XeLaTeX and load \\usepackage{xepersian} last in the "
            "preamble\n% (it provides \\lr{} for left-to-right shapes). Digits are already "
            "Persian.\n");
    return text;
}

QString texLabel(const QString &model, const char *prefix)
{
    QString key;
    for (QChar c : model.toLower())
        key += (c.isLetterOrNumber() && c.unicode() < 128) ? c : QLatin1Char('-');
    while (key.contains(QStringLiteral("--")))
        key.replace(QStringLiteral("--"), QStringLiteral("-"));
    key = key.mid(key.startsWith(QLatin1Char('-')) ? 1 : 0);
    if (key.endsWith(QLatin1Char('-')))
        key.chop(1);
    return QLatin1String(prefix) + (key.isEmpty() ? QStringLiteral("model") : key);
}

// ---- HTML ----

QString htmlEscape(const QString &s)
{
    return s.toHtmlEscaped();
}

/// A name the user gave (model, layer, type, variant) isolated from the text around it: inside
/// a right-to-left page "1×1 then 5×5" would read "then 5×5 1×1", and a title
/// "5×5 vs 1×1 → 5×5 (lesson)" would lose its first "5×5" to the other end.
QString htmlName(const QString &name)
{
    return name.isEmpty() ? QString() : QStringLiteral("<bdi>%1</bdi>").arg(htmlEscape(name));
}

QString htmlShape(const QString &shape)
{
    return shape.isEmpty() ? QString()
                           : QStringLiteral("<span class=\"shape\" dir=\"ltr\">%1</span>")
                                 .arg(htmlEscape(shape));
}

QString htmlPage(const QString &title, const QString &body, const TableExportOptions &o)
{
    const bool rtl = o.rightToLeft();
    QString page;
    page += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\" dir=\"%2\">\n<head>\n")
                .arg(htmlEscape(o.language), rtl ? QStringLiteral("rtl") : QStringLiteral("ltr"));
    page +=
        QStringLiteral("<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"generator\" content=\"Naqsh\">\n");
    page += QStringLiteral("<title>%1</title>\n").arg(htmlEscape(title));
    page += QStringLiteral(
        "<style>\n"
        "body { font-family: Vazirmatn, Vazir, \"DejaVu Sans\", \"Noto Sans Arabic\", "
        "system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; "
        "color: #1f2937; background: #fff; line-height: 1.5; }\n"
        "h1 { font-size: 1.5rem; margin: 0 0 1rem; }\n"
        "figure.diagram { margin: 0 0 2rem; text-align: center; }\n"
        "figure.diagram svg { max-width: 100%; height: auto; font-variant-numeric: normal; }\n"
        "figure.diagram svg text { white-space: pre; }\n"
        "table { border-collapse: collapse; font-variant-numeric: tabular-nums; }\n"
        "caption { caption-side: top; text-align: start; font-weight: 600; color: #374151; "
        "padding-bottom: 0.5rem; }\n"
        "th, td { padding: 0.35rem 0.8rem; text-align: start; border-bottom: 1px solid #e5e7eb; "
        "}\n"
        "thead th { border-top: 2px solid #1f2937; border-bottom: 1px solid #1f2937; }\n"
        "th.num, td.num { text-align: end; white-space: nowrap; }\n"
        ".shape { unicode-bidi: isolate; white-space: nowrap; }\n"
        "tbody tr:nth-child(even) { background: #f9fafb; }\n"
        "tfoot td { font-weight: 700; border-top: 1px solid #1f2937; "
        "border-bottom: 2px solid #1f2937; }\n"
        "tr.error td { color: #b91c1c; }\n"
        "p.note { color: #4b5563; font-size: 0.9rem; }\n"
        "</style>\n</head>\n<body>\n");
    page += body;
    page += QStringLiteral("</body>\n</html>\n");
    return page;
}

QString inlineSvg(const QByteArray &svg)
{
    if (svg.isEmpty())
        return {};
    const qsizetype start = svg.indexOf("<svg");
    if (start < 0)
        return {};
    return QStringLiteral("<figure class=\"diagram\">\n") +
           QString::fromUtf8(svg.mid(start)).trimmed() + QStringLiteral("\n</figure>\n");
}

QString pageTitle(const TableExportOptions &o)
{
    return o.report.modelName.isEmpty() ? QCoreApplication::translate("naqsh::Report", "Cost table")
                                        : o.report.modelName;
}

const QVector<bool> kNumericColumn{false, false, false, true, true, true, true, true};

} // namespace

namespace TableExport {

bool formatFromPath(const QString &pathOrSuffix, TableFormat *out)
{
    const QString s = pathOrSuffix.contains(QLatin1Char('.'))
                          ? QFileInfo(pathOrSuffix).suffix().toLower()
                          : pathOrSuffix.toLower();
    if (s == QLatin1String("csv"))
        *out = TableFormat::Csv;
    else if (s == QLatin1String("md") || s == QLatin1String("markdown"))
        *out = TableFormat::Markdown;
    else if (s == QLatin1String("tex") || s == QLatin1String("latex"))
        *out = TableFormat::Latex;
    else if (s == QLatin1String("html") || s == QLatin1String("htm"))
        *out = TableFormat::Html;
    else
        return false;
    return true;
}

QString suffix(TableFormat format)
{
    switch (format) {
    case TableFormat::Csv:
        return QStringLiteral("csv");
    case TableFormat::Markdown:
        return QStringLiteral("md");
    case TableFormat::Latex:
        return QStringLiteral("tex");
    case TableFormat::Html:
        return QStringLiteral("html");
    }
    return {};
}

QString caption(const TableExportOptions &o)
{
    const QString convention = conventionCaption(o.report);
    if (o.report.modelName.isEmpty())
        return convention;
    return QCoreApplication::translate("naqsh::Report", "%1. %2")
        .arg(o.report.modelName, convention);
}

QByteArray csv(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
               const TableExportOptions &o)
{
    // The same rows as `naqsh-cli analyze --format csv`, plus the BOM and the caption row.
    QString text = Report::csv(graph, registry, result, o.report);
    text += QLatin1Char('\n') + csvField(caption(o)) + QLatin1Char('\n');
    return kBom + text.toUtf8();
}

QString markdown(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
                 const TableExportOptions &o)
{
    const bool rtl = o.rightToLeft();
    const QVector<ReportRow> rows = reportRows(graph, registry, result, o.report);
    QString text;
    if (!o.report.modelName.isEmpty())
        text += QStringLiteral("**%1**\n\n").arg(mdCell(o.report.modelName));
    QStringList headers;
    for (const QString &h : reportHeaders())
        headers << mdCell(h);
    text += mdRow(headers);
    text += QStringLiteral("|---|---|---|---:|---:|---:|---:|---:|\n");
    for (const TextRow &r : textRows(rows, o.report.format)) {
        QStringList cells;
        for (const QString &c : r.cells)
            cells << mdCell(c);
        if (!r.error)
            cells[2] = isolatedShape(cells[2], rtl);
        while (cells.size() < 8)
            cells << QString();
        text += mdRow(cells);
    }
    QStringList total = totalCells(result, o.report);
    for (QString &c : total)
        if (!c.isEmpty())
            c = QStringLiteral("**%1**").arg(mdCell(c));
    text += mdRow(total);
    text += QLatin1Char('\n') + mdCell(caption(o)) + QLatin1Char('\n');
    if (const QString note = Report::unknownCostSummary(rows); !note.isEmpty())
        text += QLatin1Char('\n') + mdCell(note) + QLatin1Char('\n');
    if (const QString note = Report::withoutNumbersNote(graph, result); !note.isEmpty())
        text += QLatin1Char('\n') + mdCell(note) + QLatin1Char('\n');
    return text;
}

QString latex(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
              const TableExportOptions &o)
{
    const bool rtl = o.rightToLeft();
    const QVector<ReportRow> rows = reportRows(graph, registry, result, o.report);
    QString text = texHeader(QStringLiteral("Naqsh cost table: %1").arg(pageTitle(o)), o);
    text += QStringLiteral("\\begin{table}[htbp]\n  \\centering\n");
    text += QStringLiteral("  \\caption{%1}\n").arg(texEscape(caption(o)));
    text += QStringLiteral("  \\label{%1}\n").arg(texLabel(o.report.modelName, "tab:naqsh-"));
    text += QStringLiteral("  \\begin{tabular}{lllrrrrr}\n    \\toprule\n");
    QStringList headers;
    for (const QString &h : reportHeaders())
        headers << texEscape(h);
    text += texRow(headers);
    text += QStringLiteral("    \\midrule\n");
    for (const TextRow &r : textRows(rows, o.report.format)) {
        QStringList cells{texEscape(r.cells[0]), texEscape(r.cells[1])};
        if (r.error) {
            cells << QStringLiteral("\\multicolumn{6}{l}{%1}").arg(texEscape(r.cells[2]));
        } else {
            cells << texShape(r.cells[2], rtl);
            for (int c = 3; c < r.cells.size(); ++c)
                cells << texEscape(r.cells[c]);
        }
        text += texRow(cells);
    }
    text += QStringLiteral("    \\midrule\n");
    QStringList total;
    for (const QString &c : totalCells(result, o.report))
        total << (c.isEmpty() ? QString() : QStringLiteral("\\textbf{%1}").arg(texEscape(c)));
    text += texRow(total);
    text += QStringLiteral("    \\bottomrule\n  \\end{tabular}\n");
    if (const QString note = Report::unknownCostSummary(rows); !note.isEmpty())
        text += QStringLiteral("  \\par\\smallskip\\footnotesize %1\n").arg(texEscape(note));
    if (const QString note = Report::withoutNumbersNote(graph, result); !note.isEmpty())
        text += QStringLiteral("  \\par\\smallskip\\footnotesize %1\n").arg(texEscape(note));
    text += QStringLiteral("\\end{table}\n");
    return text;
}

QString html(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
             const TableExportOptions &o)
{
    const QVector<ReportRow> rows = reportRows(graph, registry, result, o.report);
    QString body = QStringLiteral("<h1>%1</h1>\n").arg(htmlName(pageTitle(o)));
    body += inlineSvg(o.diagramSvg);
    body += QStringLiteral("<table>\n<caption>%1</caption>\n<thead>\n<tr>")
                .arg(htmlEscape(conventionCaption(o.report)));
    const QStringList headers = reportHeaders();
    for (int c = 0; c < headers.size(); ++c)
        body += QStringLiteral("<th%1>%2</th>")
                    .arg(kNumericColumn.value(c) ? QStringLiteral(" class=\"num\"") : QString(),
                         htmlEscape(headers[c]));
    body += QStringLiteral("</tr>\n</thead>\n<tbody>\n");
    for (const TextRow &r : textRows(rows, o.report.format)) {
        if (r.error) {
            body +=
                QStringLiteral(
                    "<tr class=\"error\"><td>%1</td><td>%2</td><td colspan=\"6\">%3</td></tr>\n")
                    .arg(htmlName(r.cells[0]), htmlName(r.cells[1]), htmlEscape(r.cells[2]));
            continue;
        }
        body += QStringLiteral("<tr>");
        for (int c = 0; c < r.cells.size(); ++c) {
            const QString cell = c == 2  ? htmlShape(r.cells[c])
                                 : c < 2 ? htmlName(r.cells[c])
                                         : htmlEscape(r.cells[c]);
            body += QStringLiteral("<td%1>%2</td>")
                        .arg(kNumericColumn.value(c) ? QStringLiteral(" class=\"num\"") : QString(),
                             cell);
        }
        body += QStringLiteral("</tr>\n");
    }
    body += QStringLiteral("</tbody>\n<tfoot>\n<tr>");
    const QStringList total = totalCells(result, o.report);
    for (int c = 0; c < total.size(); ++c)
        body += QStringLiteral("<td%1>%2</td>")
                    .arg(kNumericColumn.value(c) ? QStringLiteral(" class=\"num\"") : QString(),
                         htmlEscape(total[c]));
    body += QStringLiteral("</tr>\n</tfoot>\n</table>\n");
    if (const QString note = Report::unknownCostSummary(rows); !note.isEmpty())
        body += QStringLiteral("<p class=\"note\">%1</p>\n").arg(htmlEscape(note));
    if (const QString note = Report::withoutNumbersNote(graph, result); !note.isEmpty())
        body += QStringLiteral("<p class=\"note\">%1</p>\n").arg(htmlEscape(note));
    return htmlPage(pageTitle(o), body, o);
}

QByteArray table(TableFormat format, const Graph &graph, const LayerRegistry &registry,
                 const AnalysisResult &result, const TableExportOptions &options)
{
    switch (format) {
    case TableFormat::Csv:
        return csv(graph, registry, result, options);
    case TableFormat::Markdown:
        return markdown(graph, registry, result, options).toUtf8();
    case TableFormat::Latex:
        return latex(graph, registry, result, options).toUtf8();
    case TableFormat::Html:
        return html(graph, registry, result, options).toUtf8();
    }
    return {};
}

// ---- comparisons ----

namespace {

QStringList compareHeaders(const Report::CompareInput &in)
{
    return {QCoreApplication::translate("naqsh::Report", "Quantity"), in.a.name, in.b.name,
            QCoreApplication::translate("naqsh::Report", "B relative to A")};
}

QVector<QStringList> compareCells(const Report::CompareInput &in, const ReportOptions &o)
{
    QVector<QStringList> rows;
    for (const Report::CompareQuantity &q : Report::compareQuantities(in, o))
        rows.append({q.label, o.format.integer(q.a), o.format.integer(q.b),
                     Report::ratioCell(in, q.a, q.b, q.noun, o.format)});
    return rows;
}

/// "A: 2 layer(s) have errors and are not counted" lines, as the terminal table prints them.
QStringList compareNotes(const Report::CompareInput &in)
{
    QStringList notes;
    for (const VariantSummary *v : {&in.a, &in.b}) {
        if (!v->error.isEmpty())
            notes << QCoreApplication::translate("naqsh::Report", "%1: %2").arg(v->name, v->error);
        else if (v->errorCount > 0)
            notes << QCoreApplication::translate("naqsh::Report",
                                                 "%1: %n layer(s) have errors and are not counted",
                                                 nullptr, v->errorCount)
                         .arg(v->name);
    }
    return notes;
}

QString compareTitle(const Report::CompareInput &in, const TableExportOptions &o)
{
    const QString versus =
        QCoreApplication::translate("naqsh::Report", "%1 vs %2").arg(in.a.name, in.b.name);
    return o.report.modelName.isEmpty() ? versus
                                        : QCoreApplication::translate("naqsh::Report", "%1: %2")
                                              .arg(o.report.modelName, versus);
}

} // namespace

QByteArray compareCsv(const Report::CompareInput &in, const TableExportOptions &o)
{
    QString text = Report::compareCsv(in, o.report);
    text += QLatin1Char('\n') + csvField(conventionCaption(o.report)) + QLatin1Char('\n');
    return kBom + text.toUtf8();
}

QString compareMarkdown(const Report::CompareInput &in, const TableExportOptions &o)
{
    QString text = QStringLiteral("**%1**\n\n").arg(mdCell(compareTitle(in, o)));
    QStringList headers;
    for (const QString &h : compareHeaders(in))
        headers << mdCell(h);
    text += mdRow(headers);
    text += QStringLiteral("|---|---:|---:|---|\n");
    for (const QStringList &r : compareCells(in, o.report)) {
        QStringList cells;
        for (const QString &c : r)
            cells << mdCell(c);
        text += mdRow(cells);
    }
    text += QLatin1Char('\n') + mdCell(conventionCaption(o.report)) + QLatin1Char('\n');
    for (const QString &note : compareNotes(in))
        text += QLatin1Char('\n') + mdCell(note) + QLatin1Char('\n');
    return text;
}

QString compareLatex(const Report::CompareInput &in, const TableExportOptions &o)
{
    QString text = texHeader(QStringLiteral("Naqsh comparison: %1").arg(compareTitle(in, o)), o);
    text += QStringLiteral("\\begin{table}[htbp]\n  \\centering\n");
    text += QStringLiteral("  \\caption{%1 %2}\n")
                .arg(texEscape(compareTitle(in, o)), texEscape(conventionCaption(o.report)));
    text +=
        QStringLiteral("  \\label{%1}\n").arg(texLabel(compareTitle(in, o), "tab:naqsh-compare-"));
    text += QStringLiteral("  \\begin{tabular}{lrrl}\n    \\toprule\n");
    QStringList headers;
    for (const QString &h : compareHeaders(in))
        headers << texEscape(h);
    text += texRow(headers);
    text += QStringLiteral("    \\midrule\n");
    for (const QStringList &r : compareCells(in, o.report)) {
        QStringList cells;
        for (const QString &c : r)
            cells << texEscape(c);
        text += texRow(cells);
    }
    text += QStringLiteral("    \\bottomrule\n  \\end{tabular}\n");
    for (const QString &note : compareNotes(in))
        text += QStringLiteral("  \\par\\smallskip\\footnotesize %1\n").arg(texEscape(note));
    text += QStringLiteral("\\end{table}\n");
    return text;
}

QString compareHtml(const Report::CompareInput &in, const TableExportOptions &o)
{
    const QString title = compareTitle(in, o);
    // The same title with each name isolated.
    const QString versus = htmlEscape(QCoreApplication::translate("naqsh::Report", "%1 vs %2"))
                               .arg(htmlName(in.a.name), htmlName(in.b.name));
    const QString heading = o.report.modelName.isEmpty()
                                ? versus
                                : htmlEscape(QCoreApplication::translate("naqsh::Report", "%1: %2"))
                                      .arg(htmlName(o.report.modelName), versus);
    QString body = QStringLiteral("<h1>%1</h1>\n").arg(heading);
    body += inlineSvg(o.diagramSvg);
    body += QStringLiteral("<table>\n<caption>%1</caption>\n<thead>\n<tr>")
                .arg(htmlEscape(conventionCaption(o.report)));
    const QStringList headers = compareHeaders(in);
    for (int c = 0; c < headers.size(); ++c)
        body += QStringLiteral("<th%1>%2</th>")
                    .arg(c == 1 || c == 2 ? QStringLiteral(" class=\"num\"") : QString(),
                         c == 1 || c == 2 ? htmlName(headers[c]) : htmlEscape(headers[c]));
    body += QStringLiteral("</tr>\n</thead>\n<tbody>\n");
    for (const QStringList &r : compareCells(in, o.report)) {
        body += QStringLiteral("<tr>");
        for (int c = 0; c < r.size(); ++c)
            body += QStringLiteral("<td%1>%2</td>")
                        .arg(c == 1 || c == 2 ? QStringLiteral(" class=\"num\"") : QString(),
                             htmlEscape(r[c]));
        body += QStringLiteral("</tr>\n");
    }
    body += QStringLiteral("</tbody>\n</table>\n");
    for (const QString &note : compareNotes(in))
        body += QStringLiteral("<p class=\"note\">%1</p>\n").arg(htmlEscape(note));
    return htmlPage(title, body, o);
}

QByteArray comparison(TableFormat format, const Report::CompareInput &in,
                      const TableExportOptions &options)
{
    switch (format) {
    case TableFormat::Csv:
        return compareCsv(in, options);
    case TableFormat::Markdown:
        return compareMarkdown(in, options).toUtf8();
    case TableFormat::Latex:
        return compareLatex(in, options).toUtf8();
    case TableFormat::Html:
        return compareHtml(in, options).toUtf8();
    }
    return {};
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    return SafeFile::write(path, bytes, error);
}

} // namespace TableExport
} // namespace naqsh
