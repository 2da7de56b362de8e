#include "Report.h"

#include "analysis/TooLarge.h"
#include "graph/Graph.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace naqsh {

namespace {

QString csvField(const QString &s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
        s.contains(QLatin1Char('\n')))
        return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    return s;
}

QString mdCell(QString s)
{
    return s.replace(QLatin1Char('|'), QStringLiteral("\\|"));
}

/// Display width of a string for terminal alignment (combining marks take no column).
int width(const QString &s)
{
    int w = 0;
    for (QChar c : s)
        if (c.category() != QChar::Mark_NonSpacing && c.category() != QChar::Other_Format)
            ++w;
    return w;
}

QString pad(const QString &s, int w, bool right)
{
    const QString fill(std::max(0, w - width(s)), QLatin1Char(' '));
    return right ? fill + s : s + fill;
}

QString alignedTable(const QStringList &headers, const QVector<QStringList> &rows,
                     const QVector<bool> &rightAligned, int totalsFrom)
{
    QVector<int> widths(headers.size(), 0);
    for (int c = 0; c < headers.size(); ++c)
        widths[c] = width(headers[c]);
    for (const QStringList &r : rows)
        for (int c = 0; c < r.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], width(r[c]));
    auto line = [&](const QStringList &cells) {
        QStringList out;
        for (int c = 0; c < headers.size(); ++c)
            out << pad(cells.value(c), widths[c], rightAligned.value(c));
        return out.join(QStringLiteral("  ")).trimmed() + QLatin1Char('\n');
    };
    QString text = line(headers);
    int total = 0;
    for (int w : widths)
        total += w;
    const QString rule =
        QString(total + 2 * (int(widths.size()) - 1), QLatin1Char('-')) + QLatin1Char('\n');
    text += rule;
    for (int i = 0; i < rows.size(); ++i) {
        if (i == totalsFrom)
            text += rule;
        text += line(rows[i]);
    }
    return text;
}

qint64 totalFlops(const AnalysisResult &result, const ReportOptions &o)
{
    return flops(result.totals, o.convention).value();
}

/// A count for JSON: null when it is too large for 64 bits (never a wrapped negative number).
QJsonValue jsonCount(qint64 v)
{
    return isTooLarge(v) ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

QString unknownText()
{
    return QCoreApplication::translate("naqsh::Report", "unknown");
}

/// "2 layers have unknown cost (ops: NonMaxSuppression, TopK) ..." or empty.
QString unknownCostNote(const QVector<ReportRow> &rows)
{
    int count = 0;
    QStringList ops;
    for (const ReportRow &r : rows) {
        if (r.costKnown)
            continue;
        ++count;
        if (!ops.contains(r.opaqueOp))
            ops << r.opaqueOp;
    }
    if (count == 0)
        return {};
    return QCoreApplication::translate(
               "naqsh::Report",
               "%n layer(s) have unknown cost (ops: %1); the totals leave their operations out",
               nullptr, count)
        .arg(ops.join(QStringLiteral(", ")));
}

} // namespace

QStringList reportHeaders()
{
    return {QCoreApplication::translate("naqsh::Report", "Layer"),
            QCoreApplication::translate("naqsh::Report", "Type"),
            QCoreApplication::translate("naqsh::Report", "Output shape"),
            QCoreApplication::translate("naqsh::Report", "Params"),
            QCoreApplication::translate("naqsh::Report", "MACs"),
            QCoreApplication::translate("naqsh::Report", "FLOPs"),
            QCoreApplication::translate("naqsh::Report", "Activations (elements)"),
            QCoreApplication::translate("naqsh::Report", "Share")};
}

QVector<ReportRow> reportRows(const Graph &graph, const LayerRegistry &registry,
                              const AnalysisResult &result, const ReportOptions &options)
{
    QVector<ReportRow> rows;
    QVector<LayerId> ids = result.order;
    for (LayerId id : graph.layerIds())
        if (!ids.contains(id))
            ids.append(id);
    const qint64 total = totalFlops(result, options);
    for (LayerId id : ids) {
        const Layer *l = graph.layer(id);
        const LayerResult *r = result.layer(id);
        if (!l)
            continue;
        ReportRow row;
        row.id = id;
        row.name = l->name;
        const LayerType *type = registry.find(l->type);
        row.type = type ? type->translatedName() : l->type;
        if (type && !type->costKnown) {
            row.costKnown = false;
            row.opaqueOp = type->summary ? type->summary(l->params) : row.type;
        }
        if (r && r->hasNumbers()) {
            row.hasNumbers = true;
            row.outputShape = r->output;
            row.shape = options.format.shape(r->output);
            row.params = r->costs.params().value();
            row.weights = r->costs.weights.value();
            row.bias = r->costs.bias.value();
            row.buffers = r->costs.buffers.value();
            row.macs = r->costs.macs.value();
            row.flops = flops(r->costs, options.convention).value();
            row.activations = r->costs.activations.value();
            row.share =
                total > 0 && !isTooLarge(row.flops) ? double(row.flops) / double(total) : 0.0;
        } else {
            row.error = result.errorText(graph, id);
        }
        rows.append(row);
    }
    return rows;
}

namespace Report {

QStringList overflowErrors(const Graph &graph, const LayerRegistry &registry,
                           const AnalysisResult &result, const ReportOptions &o)
{
    QStringList out;
    const QString tooLarge = tooLargeText();
    for (const ReportRow &r : reportRows(graph, registry, result, o)) {
        if (!r.hasNumbers || !r.costKnown)
            continue;
        if (isTooLarge(r.flops))
            out << QCoreApplication::translate("naqsh::Report", "layer '%1' (%2): FLOPs %3")
                       .arg(r.name, r.type, tooLarge);
    }
    const Costs &t = result.totals;
    const std::pair<QString, CheckedInt> totals[] = {
        {QCoreApplication::translate("naqsh::Report", "parameters"), t.params()},
        {QCoreApplication::translate("naqsh::Report", "buffers"), t.buffers},
        {QCoreApplication::translate("naqsh::Report", "MACs"), t.macs},
        {QCoreApplication::translate("naqsh::Report", "FLOPs"), flops(t, o.convention)},
        {QCoreApplication::translate("naqsh::Report", "activations"), t.activations},
        {QCoreApplication::translate("naqsh::Report", "activation memory"),
         activationBytes(t.activations, o.dtype)},
        {QCoreApplication::translate("naqsh::Report", "peak activation memory"),
         activationBytes(result.peakActivations, o.dtype)},
    };
    for (const auto &[what, value] : totals)
        if (value.overflowed())
            out << QCoreApplication::translate("naqsh::Report", "total %1: %2").arg(what, tooLarge);
    return out;
}

QString table(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
              const ReportOptions &o)
{
    const NumberFormat &f = o.format;
    QVector<QStringList> rows;
    const QVector<ReportRow> reportRowList = reportRows(graph, registry, result, o);
    for (const ReportRow &r : reportRowList) {
        if (r.hasNumbers && !r.costKnown)
            rows.append({r.name, r.type, r.shape, f.integer(r.params), unknownText(), unknownText(),
                         f.integer(r.activations), unknownText()});
        else if (r.hasNumbers)
            rows.append({r.name, r.type, r.shape, f.integer(r.params), f.integer(r.macs),
                         f.integer(r.flops), f.integer(r.activations), f.percent(r.share)});
        else
            rows.append({r.name, r.type, QCoreApplication::translate("naqsh::Report", "error"),
                         QString(), QString(), QString(), QString(), QString()});
    }
    const int totalsFrom = int(rows.size());
    const Costs &t = result.totals;
    rows.append({QCoreApplication::translate("naqsh::Report", "Total"), QString(), QString(),
                 f.integer(t.params().value()), f.integer(t.macs.value()),
                 f.integer(totalFlops(result, o)), f.integer(t.activations.value()),
                 f.percent(totalFlops(result, o) > 0 ? 1.0 : 0.0)});
    QString text;
    if (!o.modelName.isEmpty())
        text += o.modelName + QLatin1Char('\n');
    text += alignedTable(reportHeaders(), rows, {false, false, false, true, true, true, true, true},
                         totalsFrom);
    if (const QString note = unknownCostNote(reportRowList); !note.isEmpty())
        text += note + QLatin1Char('\n');
    if (const QString note = withoutNumbersNote(graph, result); !note.isEmpty())
        text += note + QLatin1Char('\n');
    text += QLatin1Char('\n');
    text += QCoreApplication::translate("naqsh::Report", "Convention: %1")
                .arg(conventionDisplayName(o.convention)) +
            QLatin1Char('\n');
    text += QCoreApplication::translate("naqsh::Report",
                                        "Parameters: %1 (weights %2, bias %3), buffers %4")
                .arg(f.integer(t.params().value()), f.integer(t.weights.value()),
                     f.integer(t.bias.value()), f.integer(t.buffers.value())) +
            QLatin1Char('\n');
    text +=
        QCoreApplication::translate(
            "naqsh::Report", "Activation memory (%1): %2 summed over all layers, %3 at the peak")
            .arg(dtypeKey(o.dtype), f.bytes(activationBytes(t.activations, o.dtype).value()),
                 f.bytes(activationBytes(result.peakActivations, o.dtype).value())) +
        QLatin1Char('\n');
    for (const ReportRow &r : reportRows(graph, registry, result, o))
        if (!r.hasNumbers)
            text += QCoreApplication::translate("naqsh::Report", "error in layer '%1' (%2): %3")
                        .arg(r.name, r.type, r.error) +
                    QLatin1Char('\n');
    return text;
}

QByteArray json(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
                const ReportOptions &o)
{
    QJsonArray layers;
    int unknownCost = 0;
    for (const ReportRow &r : reportRows(graph, registry, result, o)) {
        const Layer *l = graph.layer(r.id);
        QJsonArray inputs;
        for (LayerId in : l->inputs)
            inputs.append(qint64(in.value));
        QJsonObject obj{{QStringLiteral("id"), qint64(r.id.value)},
                        {QStringLiteral("name"), r.name},
                        {QStringLiteral("type"), l->type},
                        {QStringLiteral("inputs"), inputs}};
        if (r.hasNumbers) {
            QJsonArray shape;
            for (qint64 d : r.outputShape.toVector())
                shape.append(d);
            obj.insert(QStringLiteral("output_shape"), shape);
            obj.insert(QStringLiteral("params"), jsonCount(r.params));
            obj.insert(QStringLiteral("buffers"), jsonCount(r.buffers));
            obj.insert(QStringLiteral("macs"),
                       r.costKnown ? jsonCount(r.macs) : QJsonValue(QJsonValue::Null));
            obj.insert(QStringLiteral("flops"),
                       r.costKnown ? jsonCount(r.flops) : QJsonValue(QJsonValue::Null));
            obj.insert(QStringLiteral("activation_elements"), jsonCount(r.activations));
            // A number too large for 64 bits is null here and named in "error".
            QStringList tooLarge;
            if (r.costKnown && isTooLarge(r.flops))
                tooLarge << QStringLiteral("flops");
            obj.insert(QStringLiteral("error"),
                       tooLarge.isEmpty()
                           ? QJsonValue(QJsonValue::Null)
                           : QJsonValue(QStringLiteral("%1: %2").arg(
                                 tooLarge.join(QStringLiteral(", ")), tooLargeText())));
        } else {
            for (const char *k :
                 {"output_shape", "params", "buffers", "macs", "flops", "activation_elements"})
                obj.insert(QLatin1String(k), QJsonValue::Null);
            obj.insert(QStringLiteral("error"), r.error);
        }
        obj.insert(QStringLiteral("cost_known"), r.costKnown);
        if (!r.costKnown)
            obj.insert(QStringLiteral("op_type"), r.opaqueOp);
        layers.append(obj);
        if (!r.costKnown)
            ++unknownCost;
    }
    const Costs &t = result.totals;
    QJsonObject totals{{QStringLiteral("params"), jsonCount(t.params().value())},
                       {QStringLiteral("buffers"), jsonCount(t.buffers.value())},
                       {QStringLiteral("macs"), jsonCount(t.macs.value())},
                       {QStringLiteral("flops"), jsonCount(totalFlops(result, o))},
                       {QStringLiteral("activation_elements"), jsonCount(t.activations.value())},
                       {QStringLiteral("activation_bytes"),
                        jsonCount(activationBytes(t.activations, o.dtype).value())},
                       {QStringLiteral("peak_activation_bytes"),
                        jsonCount(activationBytes(result.peakActivations, o.dtype).value())},
                       {QStringLiteral("unknown_cost_layers"), unknownCost},
                       {QStringLiteral("layers_without_numbers"), result.layersWithoutNumbers()}};
    const Layer *breaks = graph.layer(result.firstLayerWithoutNumbers());
    totals.insert(QStringLiteral("first_layer_without_numbers"),
                  breaks ? QJsonValue(breaks->name) : QJsonValue(QJsonValue::Null));
    if (const QStringList problems = overflowErrors(graph, registry, result, o);
        !problems.isEmpty())
        totals.insert(QStringLiteral("too_large"), QJsonArray::fromStringList(problems));
    QJsonObject root{{QStringLiteral("model"), o.modelName},
                     {QStringLiteral("convention"), conventionKey(o.convention)},
                     {QStringLiteral("dtype"), dtypeKey(o.dtype)},
                     {QStringLiteral("layers"), layers},
                     {QStringLiteral("totals"), totals},
                     {QStringLiteral("errors"), result.errorCount}};
    if (graph.hasBlocks())
        root.insert(QStringLiteral("blocks"), blocksJson(graph, registry, result, o));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString csv(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
            const ReportOptions &o)
{
    QStringList lines;
    QStringList headers = reportHeaders();
    headers << QCoreApplication::translate("naqsh::Report", "Error");
    QStringList h;
    for (const QString &s : headers)
        h << csvField(s);
    lines << h.join(QLatin1Char(','));
    for (const ReportRow &r : reportRows(graph, registry, result, o)) {
        QStringList cells{csvField(r.name), csvField(r.type)};
        if (r.hasNumbers && !r.costKnown)
            cells << r.outputShape.toString() << machineCount(r.params) << csvField(unknownText())
                  << csvField(unknownText()) << machineCount(r.activations)
                  << csvField(unknownText()) << QString();
        else if (r.hasNumbers)
            cells << r.outputShape.toString() << machineCount(r.params) << machineCount(r.macs)
                  << machineCount(r.flops) << machineCount(r.activations)
                  << QString::number(r.share, 'f', 6) << QString();
        else
            cells << QString() << QString() << QString() << QString() << QString() << QString()
                  << csvField(r.error);
        lines << cells.join(QLatin1Char(','));
    }
    const Costs &t = result.totals;
    lines << QStringList{csvField(QCoreApplication::translate("naqsh::Report", "Total")),
                         QString(),
                         QString(),
                         machineCount(t.params().value()),
                         machineCount(t.macs.value()),
                         machineCount(totalFlops(result, o)),
                         machineCount(t.activations.value()),
                         QStringLiteral("1.000000"),
                         QString()}
                 .join(QLatin1Char(','));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString markdown(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
                 const ReportOptions &o)
{
    const NumberFormat &f = o.format;
    QString text;
    const QStringList headers = reportHeaders();
    QStringList hs;
    for (const QString &s : headers)
        hs << mdCell(s);
    text += QStringLiteral("| ") + hs.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    text += QStringLiteral("|---|---|---|---:|---:|---:|---:|---:|\n");
    const QVector<ReportRow> reportRowList = reportRows(graph, registry, result, o);
    for (const ReportRow &r : reportRowList) {
        QStringList cells{mdCell(r.name), mdCell(r.type)};
        if (r.hasNumbers && !r.costKnown)
            cells << r.shape << f.integer(r.params) << unknownText() << unknownText()
                  << f.integer(r.activations) << unknownText();
        else if (r.hasNumbers)
            cells << r.shape << f.integer(r.params) << f.integer(r.macs) << f.integer(r.flops)
                  << f.integer(r.activations) << f.percent(r.share);
        else
            cells << mdCell(QCoreApplication::translate("naqsh::Report", "error: %1").arg(r.error))
                  << QString() << QString() << QString() << QString() << QString();
        text += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    const Costs &t = result.totals;
    text += QStringLiteral("| **%1** | | | **%2** | **%3** | **%4** | **%5** | **%6** |\n")
                .arg(mdCell(QCoreApplication::translate("naqsh::Report", "Total")),
                     f.integer(t.params().value()), f.integer(t.macs.value()),
                     f.integer(totalFlops(result, o)), f.integer(t.activations.value()),
                     f.percent(1.0));
    text += QLatin1Char('\n') +
            QCoreApplication::translate("naqsh::Report", "Convention: %1; activations in %2.")
                .arg(conventionDisplayName(o.convention), dtypeKey(o.dtype)) +
            QLatin1Char('\n');
    if (const QString note = unknownCostNote(reportRowList); !note.isEmpty())
        text += note + QLatin1Char('\n');
    if (const QString note = withoutNumbersNote(graph, result); !note.isEmpty())
        text += mdCell(note) + QLatin1Char('\n');
    return text;
}

// ---- comparisons ----

namespace {

struct Quantity
{
    QString key;   ///< machine key for JSON/CSV
    QString label; ///< translated row label
    QString noun;  ///< translated noun for the phrase ("MACs", "parameters")
    qint64 a, b;
};

QVector<Quantity> quantities(const CompareInput &in, const ReportOptions &o)
{
    const Costs &a = in.a.costs, &b = in.b.costs;
    return {
        {QStringLiteral("params"), QCoreApplication::translate("naqsh::Report", "Parameters"),
         QCoreApplication::translate("naqsh::Report", "parameters"), a.params().value(),
         b.params().value()},
        {QStringLiteral("weights"),
         QCoreApplication::translate("naqsh::Report", "Weights (no bias)"),
         QCoreApplication::translate("naqsh::Report", "weights"), a.weights.value(),
         b.weights.value()},
        {QStringLiteral("macs"), QCoreApplication::translate("naqsh::Report", "MACs"),
         QCoreApplication::translate("naqsh::Report", "MACs"), a.macs.value(), b.macs.value()},
        {QStringLiteral("flops"), QCoreApplication::translate("naqsh::Report", "FLOPs"),
         QCoreApplication::translate("naqsh::Report", "FLOPs"), flops(a, o.convention).value(),
         flops(b, o.convention).value()},
        {QStringLiteral("activation_elements"),
         QCoreApplication::translate("naqsh::Report", "Activations (elements)"),
         QCoreApplication::translate("naqsh::Report", "activations"), a.activations.value(),
         b.activations.value()},
        {QStringLiteral("activation_bytes"),
         QCoreApplication::translate("naqsh::Report", "Activation memory (bytes)"),
         QCoreApplication::translate("naqsh::Report", "activation memory"),
         activationBytes(a.activations, o.dtype).value(),
         activationBytes(b.activations, o.dtype).value()},
    };
}

} // namespace

QVector<CompareQuantity> compareQuantities(const CompareInput &in, const ReportOptions &o)
{
    QVector<CompareQuantity> out;
    for (const Quantity &q : quantities(in, o))
        out.append({q.key, q.label, q.noun, q.a, q.b});
    return out;
}

QString unknownCostSummary(const QVector<ReportRow> &rows)
{
    return unknownCostNote(rows);
}

bool comparable(const CompareInput &in)
{
    return in.a.error.isEmpty() && in.b.error.isEmpty() && in.a.errorCount == 0 &&
           in.b.errorCount == 0;
}

QString ratioCell(const CompareInput &in, qint64 a, qint64 b, const QString &quantity,
                  const NumberFormat &format)
{
    if (!comparable(in))
        return QCoreApplication::translate("naqsh::Report", "not compared: a variant has errors");
    return ratioPhrase(a, b, quantity, format);
}

QString withoutNumbersNote(const Graph &graph, const AnalysisResult &result)
{
    const int count = result.layersWithoutNumbers();
    const LayerId first = result.firstLayerWithoutNumbers();
    const Layer *l = graph.layer(first);
    const LayerResult *r = result.layer(first);
    if (count == 0 || !l || !r)
        return {};
    const QString why =
        r->error.isEmpty()
            ? QCoreApplication::translate("naqsh::Report", "Naqsh cannot count its operations")
            : r->error;
    return QCoreApplication::translate("naqsh::Report",
                                       "%n layer(s) have no numbers and are left out of the "
                                       "totals; the chain breaks at layer '%1': %2",
                                       nullptr, count)
        .arg(l->name, why);
}

QString ratioPhrase(qint64 a, qint64 b, const QString &quantity, const NumberFormat &format)
{
    if (isTooLarge(a) || isTooLarge(b))
        return QCoreApplication::translate("naqsh::Report", "not compared: %1").arg(tooLargeText());
    const Ratio r = compareCounts(a, b);
    if (r.equal)
        return QCoreApplication::translate("naqsh::Report", "same %1").arg(quantity);
    if (r.value == 0)
        return r.fewer ? QCoreApplication::translate("naqsh::Report", "no %1").arg(quantity)
                       : QCoreApplication::translate("naqsh::Report", "%1 where there were none")
                             .arg(quantity);
    return (r.fewer ? QCoreApplication::translate("naqsh::Report", "%1 fewer %2")
                    : QCoreApplication::translate("naqsh::Report", "%1 more %2"))
        .arg(format.ratio(r.value), quantity);
}

QString compareTable(const CompareInput &in, const ReportOptions &o)
{
    const NumberFormat &f = o.format;
    QVector<QStringList> rows;
    for (const Quantity &q : quantities(in, o))
        rows.append({q.label, f.integer(q.a), f.integer(q.b), ratioCell(in, q.a, q.b, q.noun, f)});
    QString text =
        alignedTable({QCoreApplication::translate("naqsh::Report", "Quantity"), in.a.name,
                      in.b.name, QCoreApplication::translate("naqsh::Report", "B relative to A")},
                     rows, {false, true, true, false}, -1);
    text += QCoreApplication::translate("naqsh::Report", "Convention: %1; activations in %2.")
                .arg(conventionDisplayName(o.convention), dtypeKey(o.dtype)) +
            QLatin1Char('\n');
    return text;
}

QStringList compareErrors(const CompareInput &in, const ReportOptions &o)
{
    QStringList out;
    for (const VariantSummary *v : {&in.a, &in.b}) {
        if (!v->error.isEmpty())
            out << QCoreApplication::translate("naqsh::Report", "%1: %2").arg(v->name, v->error);
        else if (v->errorCount > 0)
            out << QCoreApplication::translate("naqsh::Report",
                                               "%1: %n layer(s) have errors and are not counted",
                                               nullptr, v->errorCount)
                       .arg(v->name);
    }
    for (const Quantity &q : quantities(in, o))
        for (const auto &[name, value] : {std::pair{in.a.name, q.a}, std::pair{in.b.name, q.b}})
            if (isTooLarge(value))
                out << QCoreApplication::translate("naqsh::Report", "%1: %2 %3")
                           .arg(name, q.noun, tooLargeText());
    return out;
}

QByteArray compareJson(const CompareInput &in, const ReportOptions &o)
{
    auto variant = [&](const VariantSummary &v, bool first) {
        QJsonObject obj{{QStringLiteral("name"), v.name},
                        {QStringLiteral("layer_count"), int(v.layers.size())},
                        {QStringLiteral("errors"), v.errorCount}};
        for (const Quantity &q : quantities(in, o))
            obj.insert(q.key, jsonCount(first ? q.a : q.b));
        if (!v.error.isEmpty())
            obj.insert(QStringLiteral("error"), v.error);
        return obj;
    };
    // No ratios against a variant with errors, or of numbers too large to count.
    QJsonObject ratios;
    for (const Quantity &q : quantities(in, o)) {
        if (!comparable(in) || isTooLarge(q.a) || isTooLarge(q.b)) {
            ratios.insert(q.key, QJsonValue::Null);
            continue;
        }
        const Ratio r = compareCounts(q.a, q.b);
        ratios.insert(
            q.key,
            QJsonObject{{QStringLiteral("ratio"), r.value},
                        {QStringLiteral("direction"), r.equal   ? QStringLiteral("same")
                                                      : r.fewer ? QStringLiteral("fewer")
                                                                : QStringLiteral("more")},
                        {QStringLiteral("text"), ratioPhrase(q.a, q.b, q.noun, NumberFormat())}});
    }
    QJsonObject root{{QStringLiteral("convention"), conventionKey(o.convention)},
                     {QStringLiteral("dtype"), dtypeKey(o.dtype)},
                     {QStringLiteral("a"), variant(in.a, true)},
                     {QStringLiteral("b"), variant(in.b, false)},
                     {QStringLiteral("b_relative_to_a"), ratios}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString compareCsv(const CompareInput &in, const ReportOptions &o)
{
    QStringList lines{QStringList{QCoreApplication::translate("naqsh::Report", "Quantity"),
                                  csvField(in.a.name), csvField(in.b.name),
                                  QCoreApplication::translate("naqsh::Report", "Ratio"),
                                  QCoreApplication::translate("naqsh::Report", "Direction")}
                          .join(QLatin1Char(','))};
    for (const Quantity &q : quantities(in, o)) {
        const Ratio r = compareCounts(q.a, q.b);
        const bool ratio = comparable(in) && !isTooLarge(q.a) && !isTooLarge(q.b);
        lines << QStringList{q.key, csvField(machineCount(q.a)), csvField(machineCount(q.b)),
                             ratio ? QString::number(r.value, 'f', 4) : QString(),
                             !ratio    ? QString()
                             : r.equal ? QStringLiteral("same")
                             : r.fewer ? QStringLiteral("fewer")
                                       : QStringLiteral("more")}
                     .join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString compareMarkdown(const CompareInput &in, const ReportOptions &o)
{
    const NumberFormat &f = o.format;
    QString text = QStringLiteral("| %1 | %2 | %3 | %4 |\n|---|---:|---:|---|\n")
                       .arg(QCoreApplication::translate("naqsh::Report", "Quantity"),
                            mdCell(in.a.name), mdCell(in.b.name),
                            QCoreApplication::translate("naqsh::Report", "B relative to A"));
    for (const Quantity &q : quantities(in, o))
        text +=
            QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                .arg(q.label, f.integer(q.a), f.integer(q.b), ratioCell(in, q.a, q.b, q.noun, f));
    text += QLatin1Char('\n') +
            QCoreApplication::translate("naqsh::Report", "Convention: %1; activations in %2.")
                .arg(conventionDisplayName(o.convention), dtypeKey(o.dtype)) +
            QLatin1Char('\n');
    return text;
}

} // namespace Report
} // namespace naqsh
