#pragma once

#include "analysis/AnalysisResult.h"
#include "analysis/Convention.h"
#include "analysis/NumberFormat.h"
#include "analysis/VariantSummary.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace naqsh {

class Graph;
class LayerRegistry;

/// Options shared by every table and comparison writer.
struct ReportOptions
{
    FlopConvention convention = FlopConvention::Flops;
    DType dtype = DType::FP32;
    NumberFormat
        format; ///< digits for human formats (table, Markdown); CSV and JSON stay machine-readable
    QString modelName;
};

/// One row of the per-layer cost table, already computed (numbers stay numeric here).
struct ReportRow
{
    LayerId id;
    QString name;
    QString type;  ///< translated display name
    QString shape; ///< formatted output shape, or empty on error
    TensorShape outputShape;
    bool hasNumbers = false;
    /// False for a layer whose operations Naqsh does not model (an opaque imported operator):
    /// its MACs and FLOPs are unknown (shown as such, counted as 0 in totals).
    bool costKnown = true;
    QString opaqueOp; ///< the original operator when costKnown is false
    qint64 params = 0, weights = 0, bias = 0, buffers = 0, macs = 0, flops = 0, activations = 0;
    double share = 0; ///< of total FLOPs under the convention
    QString error;
};

/// Builds the rows for a graph in topological order (layers on cycles last).
QVector<ReportRow> reportRows(const Graph &graph, const LayerRegistry &registry,
                              const AnalysisResult &result, const ReportOptions &options);

/// Translated column headers: layer, type, output shape, params, MACs, FLOPs, activations, share.
QStringList reportHeaders();

namespace Report {
/// Aligned text for a terminal.
QString table(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
              const ReportOptions &options);
/// One JSON object (see README: "naqsh-cli analyze --format json").
QByteArray json(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
                const ReportOptions &options);
/// Each block's name, parent, layers (names, at any depth), the tensors entering and leaving it
/// and its totals under @p options' convention and dtype (ReportBlocks.cpp); "blocks" in json().
QJsonArray blocksJson(const Graph &graph, const LayerRegistry &registry,
                      const AnalysisResult &result, const ReportOptions &options);
/// CSV with plain numbers (no separators, Latin digits) and a header row.
QString csv(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
            const ReportOptions &options);
QString markdown(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result,
                 const ReportOptions &options);

/// Every number of the report that is too large for 64 bits ("layer 'conv' (Conv2d): FLOPs too
/// large to count in 64 bits", "total MACs: too large…"), translated; empty when all fit. The
/// reports show such numbers as tooLargeText() and the CLI exits with 1.
QStringList overflowErrors(const Graph &graph, const LayerRegistry &registry,
                           const AnalysisResult &result, const ReportOptions &options);

/// Two variants side by side with ratios in words ("9.68× fewer MACs").
struct CompareInput
{
    VariantSummary a, b;
};
QString compareTable(const CompareInput &in, const ReportOptions &options);
QByteArray compareJson(const CompareInput &in, const ReportOptions &options);
QString compareCsv(const CompareInput &in, const ReportOptions &options);
QString compareMarkdown(const CompareInput &in, const ReportOptions &options);
/// "9.68× fewer MACs" for b relative to a; "same MACs" when equal; "not compared: too large to
/// count in 64 bits" when either is.
QString ratioPhrase(qint64 a, qint64 b, const QString &quantity, const NumberFormat &format);
/// True when both variants have every number (no errors): only then are ratios shown, since a
/// variant with errors leaves layers out and a ratio would compare a part with a whole.
bool comparable(const CompareInput &in);
/// ratioPhrase(), or "not compared: a variant has errors" when !comparable(in).
QString ratioCell(const CompareInput &in, qint64 a, qint64 b, const QString &quantity,
                  const NumberFormat &format);
/// What is wrong with a comparison, one line each, translated: a variant's error or its layers
/// with errors, and numbers too large for 64 bits. The CLI prints these on stderr and exits 1.
QStringList compareErrors(const CompareInput &in, const ReportOptions &options);

/// One row of a comparison: machine key ("macs"), translated label and noun, and the two
/// counts. The rows every compare writer prints, for other writers (core/io/TableExport).
struct CompareQuantity
{
    QString key;
    QString label;
    QString noun;
    qint64 a = 0, b = 0;
};
QVector<CompareQuantity> compareQuantities(const CompareInput &in, const ReportOptions &options);
/// "2 layer(s) have unknown cost (ops: ...)" for rows of opaque layers, or empty.
QString unknownCostSummary(const QVector<ReportRow> &rows);
/// "5 layer(s) have no numbers and are left out of the totals; the chain breaks at layer 'x':
/// <why>" (AnalysisResult::layersWithoutNumbers), or empty when every layer has numbers.
QString withoutNumbersNote(const Graph &graph, const AnalysisResult &result);
} // namespace Report

} // namespace naqsh
