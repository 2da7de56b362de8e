// The machinery shared by composite blocks: running the parts through their own rules, and
// planning the layers that replace a block on "Expand into layers".
#include "Composite.h"

#include "LayerRegistry.h"
#include "analysis/AnalysisResult.h"
#include "graph/Graph.h"

#include <QCoreApplication>

namespace naqsh {

QString evaluateComposite(const LayerRegistry &registry, const CompositeExpansion &expansion,
                          std::span<const TensorShape> inputs, const RuleContext &context,
                          QVector<EvaluatedPart> *parts)
{
    parts->clear();
    if (!expansion.error.isEmpty())
        return expansion.error;
    if (expansion.parts.isEmpty())
        return QCoreApplication::translate("naqsh::layers", "the block has no parts");
    parts->reserve(expansion.parts.size());
    for (int i = 0; i < expansion.parts.size(); ++i) {
        const CompositePart &part = expansion.parts[i];
        EvaluatedPart e;
        e.type = registry.find(part.type);
        if (!e.type || !e.type->shape || !e.type->cost)
            return QCoreApplication::translate("naqsh::layers", "part %1: unknown layer type %2")
                .arg(part.name, part.type);
        e.params = e.type->defaultParams();
        for (auto it = part.params.begin(); it != part.params.end(); ++it) {
            const int k = e.type->paramIndex(it.key());
            QString why;
            const QVariant v =
                k >= 0 ? validateParam(e.type->params[k], it.value(), &why) : QVariant();
            if (!v.isValid())
                return QCoreApplication::translate("naqsh::layers", "part %1: %2")
                    .arg(part.name, k >= 0 ? why : it.key());
            e.params.set(k, v);
        }
        for (int producer : part.inputs) {
            if (producer == CompositeExpansion::kBlockInput) {
                if (inputs.empty())
                    return QCoreApplication::translate("naqsh::layers",
                                                       "the block has no input: connect a layer "
                                                       "to it");
                e.inputs.append(inputs[0]);
            } else if (producer >= 0 && producer < i) {
                e.inputs.append(parts->at(producer).output);
            } else {
                return QCoreApplication::translate("naqsh::layers",
                                                   "part %1 reads a part that comes after it")
                    .arg(part.name);
            }
        }
        const std::span<const TensorShape> span(e.inputs.data(), size_t(e.inputs.size()));
        const ShapeResult r = e.type->shape(e.params, span, context);
        if (!r.isOk())
            return QCoreApplication::translate("naqsh::layers", "inside the block, %1: %2")
                .arg(part.name, r.error);
        e.output = r.shape;
        e.costs = e.type->cost(e.params, span, e.output);
        parts->append(std::move(e));
    }
    return {};
}

QString planCompositeExpansion(const Graph &graph, const LayerRegistry &registry,
                               const AnalysisResult &analysis, LayerId id, QVector<Layer> *layers,
                               QVector<Connection> *connections)
{
    layers->clear();
    connections->clear();
    const Layer *block = graph.layer(id);
    const LayerType *type = block ? registry.find(block->type) : nullptr;
    if (!type || !type->expand)
        return QCoreApplication::translate("naqsh::layers", "%1 is not a composite block")
            .arg(block ? block->name : QString());
    const LayerResult *r = analysis.layer(id);
    if (!r || !r->hasNumbers())
        return QCoreApplication::translate("naqsh::layers",
                                           "%1 has no shape yet: connect its input and fix its "
                                           "errors before expanding it")
            .arg(block->name);
    const QVector<TensorShape> inputs = analysis.inputShapes(graph, id);
    const std::span<const TensorShape> span(inputs.data(), size_t(inputs.size()));
    const CompositeExpansion expansion = type->expand(block->params, span);
    QVector<EvaluatedPart> parts;
    if (QString e = evaluateComposite(registry, expansion, span, RuleContext{}, &parts);
        !e.isEmpty())
        return e;

    // Parts are placed in rows below the block's position; parts that read the same producer
    // (Q, K and V) sit side by side.
    QVector<int> row(parts.size(), 0), column(parts.size(), 0);
    QHash<int, int> perRow;
    quint64 next = graph.nextId();
    for (int i = 0; i < parts.size(); ++i) {
        const CompositePart &part = expansion.parts[i];
        for (int p : part.inputs)
            if (p >= 0)
                row[i] = std::max(row[i], row[p] + 1);
        column[i] = perRow[row[i]]++;
        Layer l;
        l.id = LayerId(next++);
        l.type = part.type;
        l.name = block->name + QLatin1Char('_') + part.name;
        l.params = parts[i].params;
        l.position = block->position + QPointF(260.0 * column[i], 110.0 * row[i]);
        layers->append(l);
    }
    for (int i = 0; i < parts.size(); ++i) {
        const CompositePart &part = expansion.parts[i];
        for (int k = 0; k < part.inputs.size(); ++k) {
            Connection c;
            c.to = layers->at(i).id;
            c.slot = k;
            if (part.inputs[k] == CompositeExpansion::kBlockInput) {
                c.from = block->inputs.value(0);
                c.output = block->inputPorts.value(0);
            } else {
                c.from = layers->at(part.inputs[k]).id;
            }
            connections->append(c);
        }
    }
    // The block's consumers read the last part, in the same slots.
    for (const Connection &c : graph.connections())
        if (c.from == id)
            connections->append({layers->last().id, c.to, c.slot, 0});
    return {};
}

} // namespace naqsh
