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
    return QCoreApplication::translate("naqsh::Analysis",
                                       "no numbers: layer '%1' upstream has an error")
        .arg(source ? source->name : QString::number(r->errorSource.value));
}

LayerId AnalysisResult::firstLayerWithoutNumbers() const
{
    if (layersWithoutNumbers() == 0)
        return {};
    auto breaks = [](const LayerResult &r) { return !r.costKnown || !r.error.isEmpty(); };
    for (LayerId id : order) {
        if (const LayerResult *r = layer(id); r && breaks(*r))
            return id;
    }
    for (auto it = slotIndex.cbegin(); it != slotIndex.cend(); ++it) {
        if (it.value() < results.size() && breaks(results[it.value()]))
            return it.key();
    }
    return {};
}

QVector<TensorShape> AnalysisResult::inputShapes(const Graph &graph, LayerId id) const
{
    QVector<TensorShape> shapes;
    if (const Layer *l = graph.layer(id)) {
        for (int k = 0; k < l->inputs.size(); ++k) {
            const LayerResult *r = layer(l->inputs[k]);
            shapes.append(r && r->hasNumbers() ? r->outputAt(l->inputPorts.value(k))
                                               : TensorShape{});
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

void AnalysisEngine::addToTotals(const LayerResult &r, int sign)
{
    if (!r.hasNumbers()) {
        m_result.errorCount += sign;
        return;
    }
    if (!r.costKnown)
        m_result.unknownCostCount += sign;
    if (sign > 0)
        m_result.totals += r.costs;
    else
        m_result.totals -= r.costs;
}

void AnalysisEngine::recomputeTotals()
{
    m_result.totals = Costs();
    m_result.errorCount = 0;
    m_result.unknownCostCount = 0;
    for (const LayerResult &r : std::as_const(m_result.results))
        addToTotals(r, +1);
}

QVector<int> AnalysisEngine::rebuildSchedule(const Graph &graph)
{
    const int n = graph.size();
    QVector<int> cyclic;
    m_orderSlots = graph.topologicalSlots(&cyclic);
    m_position.fill(-1, n);
    m_result.order.resize(m_orderSlots.size());
    for (int i = 0; i < m_orderSlots.size(); ++i) {
        m_position[m_orderSlots[i]] = i;
        m_result.order[i] = m_resultIds[m_orderSlots[i]];
    }
    m_cyclic.fill(false, n);
    for (int s : cyclic)
        m_cyclic[s] = true;
    return cyclic;
}

void AnalysisEngine::restructure(const Graph &graph)
{
    const int n = graph.size();
    // Carry every surviving layer's result to its new slot; take removed layers off the totals.
    QVector<LayerResult> results(n);
    QVector<bool> wasCyclic(n, false);
    m_fresh.fill(true, n);
    for (int old = 0; old < m_result.results.size(); ++old) {
        const int s = graph.slotOf(m_resultIds[old]);
        if (s < 0) {
            addToTotals(m_result.results[old], -1);
            continue;
        }
        results[s] = std::move(m_result.results[old]);
        m_fresh[s] = false;
        wasCyclic[s] = old < m_cyclic.size() && m_cyclic[old];
    }
    m_result.results = std::move(results);
    m_result.slotIndex = graph.slotMap();
    m_resultIds = graph.layerIds();

    const QVector<int> cyclic = rebuildSchedule(graph);
    // New layers, and layers that join or leave a cycle, must be computed.
    for (int s = 0; s < n; ++s)
        if (m_fresh[s] || m_cyclic[s] != wasCyclic[s])
            m_dirty.insert(m_resultIds[s]);
    m_structureDirty = false;
}

const LayerType *AnalysisEngine::typeOf(const QString &id)
{
    // Type strings are shared with the registry, so the data pointer finds them; the compare
    // guards against a pointer reused by another string.
    const void *key = id.constData();
    auto it = m_typeCache.constFind(key);
    if (it != m_typeCache.cend() && it.value()->id == id)
        return it.value();
    const LayerType *type = m_registry.find(id);
    if (type)
        m_typeCache.insert(key, type);
    return type;
}

bool AnalysisEngine::compute(const Graph &graph, int slot, bool fresh, bool *changed)
{
    const Layer &layer = graph.layerAt(slot);
    LayerResult next;
    const LayerType *type = typeOf(layer.type);
    next.costKnown = !type || type->costKnown;
    if (!type) {
        next.error = QCoreApplication::translate("naqsh::Analysis", "unknown layer type \"%1\"")
                         .arg(layer.type);
    } else if (m_cyclic[slot]) {
        next.error = QCoreApplication::translate(
            "naqsh::Analysis", "this layer is part of a cycle: data would flow in a loop");
    } else if (layer.inputs.size() < type->minInputs) {
        next.error =
            type->minInputs == 1 && type->maxInputs == 1
                ? QCoreApplication::translate("naqsh::Analysis", "no input: connect a layer to it")
                : QCoreApplication::translate("naqsh::Analysis", "needs at least %n input(s)",
                                              nullptr, type->minInputs);
    } else if (type->maxInputs >= 0 && layer.inputs.size() > type->maxInputs) {
        next.error = QCoreApplication::translate("naqsh::Analysis", "takes at most %n input(s)",
                                                 nullptr, type->maxInputs);
    } else {
        QVarLengthArray<TensorShape, 4> inputs;
        for (int k = 0; k < layer.inputSlots.size(); ++k) {
            const LayerResult &r = m_result.results[layer.inputSlots[k]];
            if (!r.hasNumbers()) {
                next.errorSource = r.errorSource.isValid() ? r.errorSource : layer.inputs[k];
                break;
            }
            const int port = layer.inputPorts[k];
            if (port != 0 && port >= r.outputCount()) {
                next.error = QCoreApplication::translate(
                                 "naqsh::Analysis",
                                 "input %1 comes from output %2 of '%3', which has only %n "
                                 "output(s)",
                                 nullptr, r.outputCount())
                                 .arg(k + 1)
                                 .arg(port + 1)
                                 .arg(graph.layerAt(layer.inputSlots[k]).name);
                break;
            }
            inputs.append(port == 0 ? r.output : r.extraOutputs[port - 1]);
        }
        if (!next.errorSource.isValid() && next.error.isEmpty()) {
            const std::span<const TensorShape> span(inputs.data(), size_t(inputs.size()));
            ShapeResult shape = type->shape(layer.params, span, m_context);
            if (!shape.isOk()) {
                next.error = shape.error;
            } else {
                next.output = shape.shape;
                next.extraOutputs = std::move(shape.more);
                next.costs = type->cost(layer.params, span, next.output);
                if (next.costs.overflowed() || next.output.elements().overflowed()) {
                    next.costs = Costs();
                    next.output = TensorShape();
                    next.extraOutputs.clear();
                    next.error = QCoreApplication::translate(
                        "naqsh::Analysis",
                        "the costs of this layer are too large to count in 64 bits");
                }
            }
        }
    }

    LayerResult &prev = m_result.results[slot];
    if (fresh) {
        addToTotals(next, +1);
        prev = std::move(next);
        *changed = true;
        return true;
    }
    const bool outcomeChanged = !prev.sameOutcome(next);
    const Costs &pc = prev.costs, &nc = next.costs;
    const bool costsChanged =
        prev.costKnown != next.costKnown || pc.weights.value() != nc.weights.value() ||
        pc.bias.value() != nc.bias.value() || pc.buffers.value() != nc.buffers.value() ||
        pc.macs.value() != nc.macs.value() || pc.biasAdds.value() != nc.biasAdds.value() ||
        pc.adds.value() != nc.adds.value() || pc.muls.value() != nc.muls.value() ||
        pc.divs.value() != nc.divs.value() || pc.exps.value() != nc.exps.value() ||
        pc.comps.value() != nc.comps.value() || pc.activations.value() != nc.activations.value();
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
    const int n = graph.size();
    QVector<int> remaining(n, 0);
    CheckedInt live = 0, peak = 0;
    auto sizeOf = [&](int s) {
        const LayerResult &r = m_result.results[s];
        return r.hasNumbers() ? r.costs.activations.value() : 0;
    };
    for (int s : std::as_const(m_orderSlots)) {
        const Layer &l = graph.layerAt(s);
        const qint64 own = sizeOf(s);
        remaining[s] = int(l.consumerSlots.size());
        live += own;
        if (live.value() > peak.value() || live.overflowed())
            peak = live;
        for (int in : l.inputSlots)
            if (--remaining[in] == 0)
                live = live - sizeOf(in);
        if (l.consumerSlots.isEmpty())
            live = live - own;
    }
    m_result.peakActivations = peak;
}

QVector<LayerId> AnalysisEngine::analyzeAll(const Graph &graph)
{
    m_result = AnalysisResult();
    m_resultIds.clear();
    m_cyclic.clear();
    m_dirty.clear();
    const int n = graph.size();
    m_result.results.resize(n);
    m_result.slotIndex = graph.slotMap();
    m_resultIds = graph.layerIds();
    const QVector<int> cyclic = rebuildSchedule(graph);
    m_fresh.fill(false, n);
    m_structureDirty = false;
    bool changed = false;
    for (int s : std::as_const(m_orderSlots))
        compute(graph, s, true, &changed);
    for (int s : std::as_const(cyclic))
        compute(graph, s, true, &changed);
    if (m_result.totals.overflowed())
        recomputeTotals();
    recomputePeak(graph);
    return m_resultIds;
}

QVector<LayerId> AnalysisEngine::update(const Graph &graph)
{
    const bool structure = m_structureDirty;
    if (m_structureDirty)
        restructure(graph);
    if (m_fresh.size() != graph.size())
        m_fresh.fill(false, graph.size());
    QVector<LayerId> changedIds;
    bool activationsChanged = structure;

    using Item = std::pair<int, int>; // (schedule position, slot)
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    QVector<bool> queued(graph.size(), false);
    for (LayerId id : std::as_const(m_dirty)) {
        const int s = graph.slotOf(id);
        if (s < 0)
            continue;
        if (m_cyclic[s]) {
            bool changed = false;
            compute(graph, s, m_fresh[s], &changed);
            m_fresh[s] = false;
            if (changed)
                changedIds.append(id);
            continue;
        }
        heap.push({m_position[s], s});
        queued[s] = true;
    }
    m_dirty.clear();
    while (!heap.empty()) {
        const int s = heap.top().second;
        heap.pop();
        const qint64 oldActivations = m_result.results[s].costs.activations.value();
        bool changed = false;
        const bool propagate = compute(graph, s, m_fresh[s], &changed);
        m_fresh[s] = false;
        if (changed) {
            changedIds.append(m_resultIds[s]);
            if (m_result.results[s].costs.activations.value() != oldActivations || propagate)
                activationsChanged = true;
        }
        if (!propagate)
            continue;
        for (int c : graph.layerAt(s).consumerSlots) {
            if (queued[c] || m_cyclic[c])
                continue;
            queued[c] = true;
            heap.push({m_position[c], c});
        }
    }
    if (m_result.totals.overflowed())
        recomputeTotals();
    if (activationsChanged)
        recomputePeak(graph);
    return changedIds;
}

} // namespace naqsh
