// The "blocks" part of `naqsh-cli analyze --format json`: each block's members and totals.
#include "Report.h"

#include "analysis/BlockRollup.h"
#include "analysis/TooLarge.h"
#include "graph/Graph.h"

#include <QJsonArray>
#include <QJsonObject>

namespace naqsh::Report {

namespace {
QJsonValue count(CheckedInt v)
{
    return v.overflowed() || isTooLarge(v.value()) ? QJsonValue(QJsonValue::Null)
                                                   : QJsonValue(v.value());
}

QJsonArray tensors(const Graph &graph, const QVector<BlockTensor> &list)
{
    QJsonArray out;
    for (const BlockTensor &t : list) {
        QJsonArray shape;
        if (t.shape.isValid())
            for (qint64 d : t.shape.toVector())
                shape.append(d);
        QJsonObject o{{QStringLiteral("layer"), graph.layer(t.layer)->name},
                      {QStringLiteral("shape"),
                       t.shape.isValid() ? QJsonValue(shape) : QJsonValue(QJsonValue::Null)}};
        if (t.output != 0)
            o.insert(QStringLiteral("output"), t.output);
        out.append(o);
    }
    return out;
}
} // namespace

QJsonArray blocksJson(const Graph &graph, const LayerRegistry &registry,
                      const AnalysisResult &result, const ReportOptions &options)
{
    QJsonArray list;
    const QVector<BlockRollup> rolls = rollUpBlocks(graph, registry, result);
    for (const BlockRollup &r : rolls) {
        const Block *b = graph.block(r.id);
        const Block *parent = graph.block(b->parent);
        QJsonArray members;
        for (LayerId l : r.layers)
            members.append(graph.layer(l)->name);
        QJsonObject totals{
            {QStringLiteral("params"), count(r.costs.params())},
            {QStringLiteral("buffers"), count(r.costs.buffers)},
            {QStringLiteral("macs"), count(r.costs.macs)},
            {QStringLiteral("flops"), count(flops(r.costs, options.convention))},
            {QStringLiteral("activation_elements"), count(r.costs.activations)},
            {QStringLiteral("activation_bytes"),
             count(activationBytes(r.costs.activations, options.dtype))},
            {QStringLiteral("unknown_cost_layers"), r.unknownCostCount},
            {QStringLiteral("layers_without_numbers"), r.errorCount + r.unknownCostCount}};
        list.append(QJsonObject{{QStringLiteral("name"), r.name},
                                {QStringLiteral("parent"),
                                 parent ? QJsonValue(parent->name) : QJsonValue(QJsonValue::Null)},
                                {QStringLiteral("collapsed"), b->collapsed},
                                {QStringLiteral("layers"), members},
                                {QStringLiteral("inputs"), tensors(graph, r.inputs)},
                                {QStringLiteral("outputs"), tensors(graph, r.outputs)},
                                {QStringLiteral("totals"), totals}});
    }
    return list;
}

} // namespace naqsh::Report
