#include "AnalysisEngine.h"

#include "graph/Graph.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QVarLengthArray>
#include <queue>

namespace naqsh {

QString AnalysisResult::errorText(const Graph &graph, LayerId id) const
{
    const LayerResult *r = layer(id);
    if (!r || r->hasNumbers())
        return {};
    if (!r->error.isEmpty())
        return r->error;
    const Layer *source = graph.layer(r->errorSource);
    return QCoreApplication::translate("naqsh::Analysis", "no numbers: layer '%1' upstream has an error")
        .arg(source ? source->name : QString::number(r->errorSource.value));
}

QVector<TensorShape> AnalysisResult::inputShapes(const Graph &graph, LayerId id) const
{
    QVector<TensorShape> shapes;
    if (const Layer *l = graph.layer(id)) {
        for (LayerId in : l->inputs) {
            const LayerResult *r = layer(in);
            shapes.append(r && r->hasNumbers() ? r->output : TensorShape{});
        }
    }
    return shapes;
}

AnalysisEngine::AnalysisEngine(const LayerRegistry &registry, RuleContext context)
    : m_registry(registry)
    , m_context(context)
{
}

AnalysisResult AnalysisEngine::analyze(const Graph &graph, const LayerRegistry &registry,
                                       const RuleContext &context)
{
    AnalysisEngine engine(registry, context);
    engine.analyzeAll(graph);
    return engine.m_result;
}

void AnalysisEngine::markRemoved(LayerId id)
{
    auto it = m_result.layers.find(id);
    if (it != m_result.layers.end()) {
        addToTotals(it.value(), -1);
        m_result.layers.erase(it);
    }
    m_dirty.remove(id);
    m_structureDirty = true;
}

void AnalysisEngine::addToTotals(const LayerResult &r, int sign)
{
    if (!r.hasNumbers()) {
        m_result.errorCount += sign;
        return;
    }
    if (sign > 0)
        m_result.totals += r.costs;
    else
        m_result.totals -= r.costs;
}

void AnalysisEngine::recomputeTotals()
{
    m_result.totals = Costs();
    m_result.errorCount = 0;
    for (const LayerResult &r : std::as_const(m_result.layers))
        addToTotals(r, +1);
}

void AnalysisEngine::rebuildOrder(const Graph &graph)
{
    QVector<LayerId> cyclic;
    m_result.order = graph.topologicalOrder(&cyclic);
    m_position.clear();
    m_position.reserve(m_result.order.size());
    for (int i = 0; i < m_result.order.size(); ++i)
        m_position.insert(m_result.order[i], i);
    const QSet<LayerId> newCyclic(cyclic.begin(), cyclic.end());
    // Layers that join or leave a cycle change outcome; recompute them.
    for (LayerId id : newCyclic)
        if (!m_cyclic.contains(id))
            m_dirty.insert(id);
    for (LayerId id : std::as_const(m_cyclic))
        if (!newCyclic.contains(id) && graph.contains(id))
            m_dirty.insert(id);
    m_cyclic = newCyclic;
    m_structureDirty = false;
}

bool AnalysisEngine::compute(const Graph &graph, LayerId id, bool *changed)
{
    const Layer *layer = graph.layer(id);
    LayerResult next;
    const LayerType *type = layer ? m_registry.find(layer->type) : nullptr;
    if (!type) {
        next.error = QCoreApplication::translate("naqsh::Analysis", "unknown layer type \"%1\"")
                         .arg(layer ? layer->type : QString());
    } else if (m_cyclic.contains(id)) {
        next.error = QCoreApplication::translate("naqsh::Analysis", "this layer is part of a cycle: data would flow in a loop");
    } else if (layer->inputs.size() < type->minInputs) {
        next.error = type->minInputs == 1 && type->maxInputs == 1
                         ? QCoreApplication::translate("naqsh::Analysis", "no input: connect a layer to it")
                         : QCoreApplication::translate("naqsh::Analysis", "needs at least %n input(s)", nullptr, type->minInputs);
    } else if (type->maxInputs >= 0 && layer->inputs.size() > type->maxInputs) {
        next.error = QCoreApplication::translate("naqsh::Analysis", "takes at most %n input(s)", nullptr, type->maxInputs);
    } else {
        QVarLengthArray<TensorShape, 4> inputs;
        for (LayerId in : layer->inputs) {
            const LayerResult *r = m_result.layer(in);
            if (!r || !r->hasNumbers()) {
                next.errorSource = r && r->errorSource.isValid() ? r->errorSource : in;
                break;
            }
            inputs.append(r->output);
        }
        if (!next.errorSource.isValid()) {
            const std::span<const TensorShape> span(inputs.data(), size_t(inputs.size()));
            ShapeResult shape = type->shape(layer->params, span, m_context);
            if (!shape.isOk()) {
                next.error = shape.error;
            } else {
                next.output = shape.shape;
                next.costs = type->cost(layer->params, span, next.output);
                if (next.costs.overflowed() || next.output.elements().overflowed()) {
                    next.costs = Costs();
                    next.output = TensorShape();
                    next.error = QCoreApplication::translate("naqsh::Analysis", "the costs of this layer are too large to count in 64 bits");
                }
            }
        }
    }

    auto it = m_result.layers.find(id);
    if (it == m_result.layers.end()) {
        addToTotals(next, +1);
        m_result.layers.insert(id, next);
        *changed = true;
        return true;
    }
    LayerResult &prev = it.value();
    const bool outcomeChanged = !prev.sameOutcome(next);
    const Costs &pc = prev.costs, &nc = next.costs;
    const bool costsChanged = pc.weights.value() != nc.weights.value() || pc.bias.value() != nc.bias.value() ||
                              pc.buffers.value() != nc.buffers.value() || pc.macs.value() != nc.macs.value() ||
                              pc.biasAdds.value() != nc.biasAdds.value() || pc.adds.value() != nc.adds.value() ||
                              pc.muls.value() != nc.muls.value() || pc.divs.value() != nc.divs.value() ||
                              pc.exps.value() != nc.exps.value() || pc.comps.value() != nc.comps.value() ||
                              pc.activations.value() != nc.activations.value();
    *changed = outcomeChanged || costsChanged;
    if (*changed) {
        addToTotals(prev, -1);
        addToTotals(next, +1);
        prev = std::move(next);
    }
    return outcomeChanged;
}

void AnalysisEngine::recomputePeak(const Graph &graph)
{
    // Walk the schedule: a tensor is live from its producer until its last consumer has run.
    QHash<LayerId, int> remaining;
    remaining.reserve(m_result.order.size());
    CheckedInt live = 0, peak = 0;
    for (LayerId id : std::as_const(m_result.order)) {
        const Layer *l = graph.layer(id);
        const LayerResult *r = m_result.layer(id);
        if (!l || !r)
            continue;
        const qint64 own = r->hasNumbers() ? r->costs.activations.value() : 0;
        live += own;
        if (live.value() > peak.value() || live.overflowed())
            peak = live;
        remaining.insert(id, int(l->consumers.size()));
        for (LayerId in : l->inputs) {
            auto it = remaining.find(in);
            if (it != remaining.end() && --it.value() == 0) {
                const LayerResult *ir = m_result.layer(in);
                live = live - (ir && ir->hasNumbers() ? ir->costs.activations.value() : 0);
            }
        }
        if (l->consumers.isEmpty())
            live = live - own;
    }
    m_result.peakActivations = peak;
}

QVector<LayerId> AnalysisEngine::analyzeAll(const Graph &graph)
{
    m_result = AnalysisResult();
    m_cyclic.clear();
    m_dirty.clear();
    m_result.layers.reserve(graph.size());
    rebuildOrder(graph);
    bool changed = false;
    for (LayerId id : std::as_const(m_result.order))
        compute(graph, id, &changed);
    for (LayerId id : std::as_const(m_cyclic))
        compute(graph, id, &changed);
    m_dirty.clear();
    if (m_result.totals.overflowed())
        recomputeTotals();
    recomputePeak(graph);
    return graph.layerIds();
}

QVector<LayerId> AnalysisEngine::update(const Graph &graph)
{
    const bool structure = m_structureDirty;
    if (m_structureDirty)
        rebuildOrder(graph);
    QVector<LayerId> changedIds;
    bool activationsChanged = structure;

    using Item = std::pair<int, LayerId>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    QSet<LayerId> queued;
    for (LayerId id : std::as_const(m_dirty)) {
        if (!graph.contains(id))
            continue;
        if (m_cyclic.contains(id)) {
            bool changed = false;
            compute(graph, id, &changed);
            if (changed)
                changedIds.append(id);
            continue;
        }
        heap.push({m_position.value(id), id});
        queued.insert(id);
    }
    m_dirty.clear();
    while (!heap.empty()) {
        const LayerId id = heap.top().second;
        heap.pop();
        const LayerResult *before = m_result.layer(id);
        const qint64 oldActivations = before ? before->costs.activations.value() : -1;
        bool changed = false;
        const bool propagate = compute(graph, id, &changed);
        if (changed) {
            changedIds.append(id);
            if (m_result.layer(id)->costs.activations.value() != oldActivations || propagate)
                activationsChanged = true;
        }
        if (!propagate)
            continue;
        for (LayerId c : graph.layer(id)->consumers) {
            if (queued.contains(c) || m_cyclic.contains(c))
                continue;
            queued.insert(c);
            heap.push({m_position.value(c), c});
        }
    }
    if (m_result.totals.overflowed())
        recomputeTotals();
    if (activationsChanged)
        recomputePeak(graph);
    return changedIds;
}

} // namespace naqsh
