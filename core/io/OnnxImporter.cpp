#include "OnnxImporterImpl.h"

#include "OnnxEinsum.h"
#include "OnnxFold.h"
#include "analysis/AnalysisEngine.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <new>
#include <queue>

namespace naqsh {
namespace onnximport {

// ---------------------------------------------------------------------------------------------

const Value *OnnxImporter::value(const QString &tensor) const
{
    auto it = m_values.constFind(tensor);
    return it == m_values.cend() ? nullptr : &it.value();
}

bool OnnxImporter::isData(const QString &tensor) const
{
    if (const Value *v = value(tensor))
        return v->kind == Value::Kind::Layer;
    return m_inputs.contains(tensor);
}

const OnnxTensorInfo *OnnxImporter::shapeOf(const QString &tensor) const
{
    auto it = m_model.valueInfo.constFind(tensor);
    if (it == m_model.valueInfo.cend() || !it->rankKnown)
        return nullptr;
    return &it.value();
}

qint64 OnnxImporter::rankOf(const QString &tensor) const
{
    const OnnxTensorInfo *s = shapeOf(tensor);
    return s ? s->dims.size() : -1;
}

QString OnnxImporter::baseName(const OnnxNode &n, int index) const
{
    if (!n.name.trimmed().isEmpty())
        return n.name;
    return QStringLiteral("%1_%2").arg(n.opType).arg(index);
}

LayerId OnnxImporter::materializeInput(const OnnxTensorInfo &in)
{
    if (!in.rankKnown) {
        fail(QCoreApplication::translate("naqsh::Import",
                                         "graph input '%1' has no declared shape; Naqsh needs "
                                         "its size to compute anything")
                 .arg(in.name));
        return {};
    }
    const qint64 rank = in.dims.size();
    auto known = [&](int i) { return in.dims[i] >= 1; };
    LayerDraft d;
    // Every dimension but the batch must be known; fails naming the first unknown one.
    auto sizesKnownAfterBatch = [&]() {
        for (int i = 1; i < rank; ++i) {
            if (!known(i)) {
                fail(QCoreApplication::translate("naqsh::Import",
                                                 "graph input '%1' has an unknown size in "
                                                 "dimension %2")
                         .arg(in.name)
                         .arg(i));
                return false;
            }
        }
        return true;
    };
    if (rank == 4) {
        if (!known(1)) {
            fail(QCoreApplication::translate("naqsh::Import",
                                             "graph input '%1' has an unknown number of channels")
                     .arg(in.name));
            return {};
        }
        d = m_builder.draft("input");
        d.set(u"layout", QStringLiteral("image"));
        d.set(u"batch", known(0) ? in.dims[0] : qint64(1));
        d.set(u"channels", in.dims[1]);
        for (int i : {2, 3}) {
            if (!known(i)) {
                warn(QCoreApplication::translate(
                         "naqsh::Import",
                         "graph input '%1' has no fixed %2 ('%3'); Naqsh assumes 224 (change it "
                         "on the Input layer)")
                         .arg(in.name,
                              i == 2 ? QCoreApplication::translate("naqsh::Import", "height")
                                     : QCoreApplication::translate("naqsh::Import", "width"),
                              in.dimParams.value(i)));
            }
        }
        d.set(u"height", known(2) ? in.dims[2] : qint64(224));
        d.set(u"width", known(3) ? in.dims[3] : qint64(224));
    } else if (rank == 2) {
        if (!known(1)) {
            fail(QCoreApplication::translate("naqsh::Import",
                                             "graph input '%1' has an unknown number of features")
                     .arg(in.name));
            return {};
        }
        d = m_builder.draft("input");
        d.set(u"layout", QStringLiteral("features"));
        d.set(u"batch", known(0) ? in.dims[0] : qint64(1));
        d.set(u"features", in.dims[1]);
    } else if (rank == 5) {
        if (!sizesKnownAfterBatch())
            return {};
        d = m_builder.draft("input");
        d.set(u"layout", QStringLiteral("volume"));
        d.set(u"batch", known(0) ? in.dims[0] : qint64(1));
        d.set(u"channels", in.dims[1]);
        d.set(u"depth", in.dims[2]);
        d.set(u"height", in.dims[3]);
        d.set(u"width", in.dims[4]);
    } else if (rank == 1 || rank == 3) {
        if (!sizesKnownAfterBatch())
            return {};
        d = m_builder.draft("opaque");
        d.set(u"op_type", QStringLiteral("Input"));
        d.set(u"shape", QStringLiteral("given"));
        d.set(u"rank", rank);
        d.set(u"batch_from_input", false);
        for (int i = 0; i < rank; ++i)
            d.set(QStringLiteral("dim%1").arg(i), known(i) ? in.dims[i] : qint64(1));
        warn(QCoreApplication::translate("naqsh::Import",
                                         "graph input '%1' has rank %2, but Naqsh's Input layer "
                                         "takes N×C×H×W or N×F; it is imported as an opaque source")
                 .arg(in.name)
                 .arg(rank));
    } else {
        fail(QCoreApplication::translate("naqsh::Import",
                                         "graph input '%1' has rank %2; Naqsh supports inputs of "
                                         "rank 2 (N×F), 4 (N×C×H×W) or 5 (N×C×D×H×W)")
                 .arg(in.name)
                 .arg(rank));
        return {};
    }
    if (!d.ok()) {
        fail(QCoreApplication::translate("naqsh::Import", "graph input '%1': %2")
                 .arg(in.name, d.problem()));
        return {};
    }
    return m_builder.add(d, in.name, {});
}

LayerId OnnxImporter::layerFor(const QString &tensor)
{
    if (const Value *v = value(tensor))
        return v->kind == Value::Kind::Layer ? v->layer : LayerId();
    const OnnxTensorInfo *in = m_inputs.value(tensor);
    if (!in)
        return {};
    const LayerId id = materializeInput(*in);
    if (id.isValid())
        bind(tensor, Value::ofLayer(id));
    return id;
}

LayerId OnnxImporter::data(const OnnxNode &n, int k)
{
    return hasInput(n, k) ? layerFor(n.inputs[k]) : LayerId();
}

std::optional<OnnxTensorInfo> OnnxImporter::constant(const OnnxNode &n, int k)
{
    if (!hasInput(n, k))
        return std::nullopt;
    const QString &name = n.inputs[k];
    if (const Value *v = value(name)) {
        if (v->kind == Value::Kind::Constant)
            return v->constant;
        return std::nullopt;
    }
    const OnnxTensorInfo *in = m_inputs.value(name);
    if (!in || !in->rankKnown || in->elementCount() < 0)
        return std::nullopt;
    if (!m_declaredWeightWarned.contains(name)) {
        m_declaredWeightWarned.insert(name);
        warn(QCoreApplication::translate("naqsh::Import",
                                         "node %1: '%2' has no initializer; its size is taken "
                                         "from the graph input's declared shape")
                 .arg(n.displayName(m_index), name));
    }
    return *in;
}

// ---------------------------------------------------------------------------------------------

bool OnnxImporter::sortNodes(QVector<int> *order)
{
    const int count = int(m_model.nodes.size());
    QHash<QString, int> producer;
    for (int i = 0; i < count; ++i) {
        for (const QString &out : m_model.nodes[i].outputs) {
            if (!out.isEmpty() && !producer.contains(out))
                producer.insert(out, i);
        }
    }
    QVector<QVector<int>> dependents(count);
    QVector<int> pending(count, 0);
    for (int i = 0; i < count; ++i) {
        const OnnxNode &n = m_model.nodes[i];
        QSet<int> deps;
        for (const QString &in : n.inputs) {
            if (in.isEmpty())
                continue;
            auto it = producer.constFind(in);
            if (it != producer.cend()) {
                deps.insert(it.value());
                continue;
            }
            if (!m_model.initializers.contains(in) && !m_inputs.contains(in)) {
                return fail(QCoreApplication::translate("naqsh::Import",
                                                        "node %1: input '%2' is not produced by "
                                                        "any node and is not a graph input or "
                                                        "initializer")
                                .arg(n.displayName(i), in));
            }
        }
        for (int d : std::as_const(deps)) {
            dependents[d].append(i);
            ++pending[i];
        }
    }
    // File order wherever the dependencies allow it.
    std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
    for (int i = 0; i < count; ++i) {
        if (pending[i] == 0)
            ready.push(i);
    }
    order->reserve(count);
    while (!ready.empty()) {
        const int i = ready.top();
        ready.pop();
        order->append(i);
        for (int d : std::as_const(dependents[i])) {
            if (--pending[d] == 0)
                ready.push(d);
        }
    }
    if (order->size() < count) {
        for (int i = 0; i < count; ++i) {
            if (pending[i] > 0) {
                return fail(QCoreApplication::translate("naqsh::Import",
                                                        "the graph has a cycle: node %1 depends, "
                                                        "directly or through other nodes, on its "
                                                        "own output")
                                .arg(m_model.nodes[i].displayName(i)));
            }
        }
    }
    return true;
}

void OnnxImporter::foldOrBind(const OnnxNode &n)
{
    // Shape and Size read only their input's dims, which a layer's output has too.
    const bool dimsOnly = n.opType == u"Shape" || n.opType == u"Size";
    OnnxTensorInfo computed;
    QVector<const OnnxTensorInfo *> inputs;
    for (int k = 0; k < n.inputs.size(); ++k) {
        const OnnxTensorInfo *info = nullptr;
        if (hasInput(n, k)) {
            const Value *v = value(n.inputs[k]);
            if (v && v->kind == Value::Kind::Constant)
                info = &v->constant;
            else if (dimsOnly && k == 0)
                info = layerShape(n.inputs[k], &computed);
            if (!info) {
                bindConstants(n);
                return;
            }
        }
        inputs << info;
    }
    std::optional<OnnxTensorInfo> folded = foldOnnxNode(n, inputs, m_model.opsetVersion);
    if (!folded || n.outputs.isEmpty() || n.outputs[0].isEmpty()) {
        bindConstants(n);
        return;
    }
    // Dims the folding could not tell (a symbolic size) may be known to shape inference.
    if (const OnnxTensorInfo *s = shapeOf(n.outputs[0]);
        s && s->dims.size() == folded->dims.size()) {
        for (qsizetype i = 0; i < folded->dims.size(); ++i) {
            if (folded->dims[i] < 0)
                folded->dims[i] = s->dims[i];
        }
    }
    bindConstants(n);
    bind(n.outputs[0], Value::ofConstant(*folded, learnedInputs(n)));
}

const OnnxTensorInfo *OnnxImporter::layerShape(const QString &tensor, OnnxTensorInfo *computed)
{
    const OnnxTensorInfo *declared = shapeOf(tensor);
    if (declared && std::all_of(declared->dims.cbegin(), declared->dims.cend(),
                                [](qint64 d) { return d >= 0; }))
        return declared;
    // Shape inference stopped before this tensor (its shape depends on computed values): the
    // layers imported so far tell it.
    const LayerId id = isData(tensor) ? layerFor(tensor) : LayerId();
    if (!id.isValid())
        return declared;
    const AnalysisResult a = AnalysisEngine::analyze(m_builder.graph(), m_registry);
    const LayerResult *r = a.layer(id);
    if (!r || !r->output.isValid())
        return declared;
    computed->rankKnown = true;
    computed->elemType = 1;
    computed->dims.clear();
    for (int i = 0; i < r->output.rank; ++i)
        computed->dims << r->output.dims[i];
    return computed;
}

bool OnnxImporter::learnedInputs(const OnnxNode &n) const
{
    return std::any_of(n.inputs.cbegin(), n.inputs.cend(), [&](const QString &in) {
        const Value *v = value(in);
        return (v && v->kind == Value::Kind::Constant && v->learned) || m_inputs.contains(in);
    });
}

void OnnxImporter::bindConstants(const OnnxNode &n)
{
    // Outputs of constant-only expressions (Transpose of a weight, Shape arithmetic, ...) are
    // constants too: their dims come from shape inference, their values are not computed.
    for (const QString &out : n.outputs) {
        if (out.isEmpty())
            continue;
        OnnxTensorInfo info;
        if (const OnnxTensorInfo *s = shapeOf(out))
            info = *s;
        info.name = out;
        info.hasValues = false;
        info.ints.clear();
        info.floats.clear();
        bind(out, Value::ofConstant(info, learnedInputs(n)));
    }
}

bool OnnxImporter::importFusion(const OnnxFusion &f)
{
    const OnnxNode &last = m_model.nodes[f.nodes.last()];
    LayerDraft d;
    if (f.kind == OnnxFusion::Kind::LayerNorm) {
        d = m_builder.draft("layernorm");
        d.set(u"dims", f.normalizedDims);
        d.set(u"eps", f.eps);
        d.set(u"affine", f.affine);
    } else {
        d = m_builder.draft("gelu");
        d.set(u"approximate", QStringLiteral("none"));
    }
    if (!isData(f.input) || !d.ok()) {
        for (int k : f.nodes) {
            m_fusedAway.remove(k);
            m_fusionAt.remove(k);
        }
        for (int k : f.nodes) {
            if (!importNode(k))
                return false;
        }
        return true;
    }
    // Named after the module the run came from: "/blocks/ln_1/ReduceMean" → "/blocks/ln_1/".
    const QString first = m_model.nodes[f.nodes.first()].name;
    const qsizetype slash = first.lastIndexOf(u'/');
    QString name = f.kind == OnnxFusion::Kind::LayerNorm ? QStringLiteral("LayerNorm")
                                                         : QStringLiteral("Gelu");
    if (slash >= 0)
        name.prepend(first.left(slash + 1));
    const LayerId in = layerFor(f.input);
    if (!in.isValid()) {
        return fail(
            QCoreApplication::translate("naqsh::Import", "node %1: its input '%2' has no layer")
                .arg(last.displayName(f.nodes.last()), f.input));
    }
    const LayerId id = m_builder.add(d, name, {in});
    for (int k = 0; k < last.outputs.size(); ++k) {
        if (!last.outputs[k].isEmpty())
            bind(last.outputs[k], k == 0 ? Value::ofLayer(id)
                                         : Value::unavailable(last.displayName(f.nodes.last())));
    }
    return true;
}

bool OnnxImporter::importNode(int index)
{
    if (m_fusedAway.contains(index))
        return true; // part of a run imported as one layer at its last node
    if (auto it = m_fusionAt.constFind(index); it != m_fusionAt.cend())
        return importFusion(m_fusions[it.value()]);
    const OnnxNode &n = m_model.nodes[index];
    m_index = index;
    if (n.isStandardDomain()) {
        if (n.opType == u"Constant") {
            OnnxTensorInfo info;
            if (const OnnxAttribute *a = n.attribute(u"value");
                a && a->kind == OnnxAttribute::Kind::Tensor) {
                info = a->tensor;
            } else if (const OnnxAttribute *f = n.attribute(u"value_float")) {
                info.rankKnown = true;
                info.elemType = 1;
                info.hasValues = true;
                info.floats = {f->f};
            } else if (const OnnxAttribute *fs = n.attribute(u"value_floats")) {
                info.rankKnown = true;
                info.elemType = 1;
                info.hasValues = true;
                info.floats = fs->floats;
                info.dims = {qint64(fs->floats.size())};
            } else if (const OnnxAttribute *i = n.attribute(u"value_int")) {
                info.rankKnown = true;
                info.elemType = 7;
                info.hasValues = true;
                info.ints = {i->i};
            } else if (const OnnxAttribute *is = n.attribute(u"value_ints")) {
                info.rankKnown = true;
                info.elemType = 7;
                info.hasValues = true;
                info.ints = is->ints;
                info.dims = {qint64(is->ints.size())};
            } else if (const OnnxTensorInfo *s = shapeOf(n.outputs.value(0))) {
                info = *s;
            }
            if (!n.outputs.isEmpty() && !n.outputs[0].isEmpty()) {
                info.name = n.outputs[0];
                bind(n.outputs[0], Value::ofConstant(info));
            }
            return true;
        }
        if (n.opType == u"Shape" || n.opType == u"Size") {
            foldOrBind(n);
            return true;
        }
    }

    bool allConstant = true;
    for (const QString &in : n.inputs) {
        if (in.isEmpty())
            continue;
        const Value *v = value(in);
        if (v && v->kind == Value::Kind::Unavailable) {
            return fail(QCoreApplication::translate("naqsh::Import",
                                                    "node %1 uses '%2', an extra output of %3; "
                                                    "Naqsh imports only the main output of "
                                                    "that operator")
                            .arg(n.displayName(index), in, v->producer));
        }
        if (!v || v->kind != Value::Kind::Constant)
            allConstant = false;
    }
    if (allConstant) {
        if (n.isStandardDomain() && n.opType == u"Identity" && hasInput(n, 0) &&
            !n.outputs.isEmpty()) {
            OnnxTensorInfo info = value(n.inputs[0])->constant;
            info.name = n.outputs[0];
            bind(n.outputs[0], Value::ofConstant(info, learnedInputs(n)));
            return true;
        }
        foldOrBind(n);
        return true;
    }

    const Outcome outcome = n.isStandardDomain() ? dispatch(n, index) : opaque();
    if (!m_error.isEmpty())
        return false;
    switch (outcome) {
    case Outcome::Done:
        return true;
    case Outcome::Failed:
        return false;
    case Outcome::Opaque:
        return importOpaque(n, index, m_reason);
    }
    return false;
}

OnnxImporter::Outcome OnnxImporter::commit(const LayerDraft &draft, const OnnxNode &n, int index,
                                           const QVector<LayerId> &inputs, int output)
{
    if (!draft.ok())
        return opaque(draft.problem());
    if (std::any_of(inputs.cbegin(), inputs.cend(), [](LayerId id) { return !id.isValid(); }))
        return opaque();
    const LayerId id = m_builder.add(draft, baseName(n, index), inputs);
    for (int k = 0; k < n.outputs.size(); ++k) {
        if (n.outputs[k].isEmpty())
            continue;
        bind(n.outputs[k],
             k == output ? Value::ofLayer(id) : Value::unavailable(n.displayName(index)));
    }
    return Outcome::Done;
}

bool OnnxImporter::importOpaque(const OnnxNode &n, int index, const QString &reason)
{
    QVector<LayerId> inputs;
    double params = 0;
    for (int k = 0; k < n.inputs.size(); ++k) {
        if (!hasInput(n, k))
            continue;
        if (isData(n.inputs[k])) {
            const LayerId id = layerFor(n.inputs[k]);
            if (!id.isValid())
                return false;
            inputs.append(id);
        } else if (const Value *v = value(n.inputs[k]); v && v->kind == Value::Kind::Constant) {
            const qint64 count = v->constant.elementCount();
            if (isFloatType(v->constant.elemType) && count > 0 && v->learned)
                params = std::min(params + double(count), kMaxOpaqueParams);
        }
    }
    const OnnxTensorInfo *firstIn = inputs.isEmpty() ? nullptr : shapeOf(n.inputs.value(0));
    const qint64 inputBatch = firstIn && !firstIn->dims.isEmpty() ? firstIn->dims[0] : -1;
    const QString opName =
        n.isStandardDomain() ? n.opType : QStringLiteral("%1.%2").arg(n.domain, n.opType);

    bool created = false;
    bool shapeUnknown = false;
    for (int k = 0; k < n.outputs.size(); ++k) {
        const QString &out = n.outputs[k];
        if (out.isEmpty() || (k > 0 && uses(out) == 0 && !m_graphOutputs.contains(out)))
            continue;
        LayerDraft d = m_builder.draft("opaque");
        d.set(u"op_type", opName.left(200));
        if (!created)
            d.set(u"params", qint64(params));
        const OnnxTensorInfo *s = shapeOf(out);
        const qint64 rank = s ? s->dims.size() : -1;
        const bool sizesKnown = s && std::all_of(s->dims.cbegin() + std::min<qint64>(1, rank),
                                                 s->dims.cend(), [](qint64 v) { return v >= 1; });
        if (s && rank >= 1 && rank <= TensorShape::kMaxRank && sizesKnown) {
            d.set(u"shape", QStringLiteral("given"));
            d.set(u"rank", rank);
            for (int i = 0; i < rank; ++i)
                d.set(QStringLiteral("dim%1").arg(i), s->dims[i] >= 1 ? s->dims[i] : qint64(1));
            d.set(u"batch_from_input",
                  !inputs.isEmpty() && (s->dims[0] < 1 || s->dims[0] == inputBatch));
        } else if (s && rank == 0) {
            d.set(u"shape", QStringLiteral("given"));
            d.set(u"rank", qint64(1));
            d.set(u"batch_from_input", false);
        } else if (isElementwise(n.opType) && !inputs.isEmpty()) {
            d.set(u"shape", QStringLiteral("same_as_input"));
        } else {
            d.set(u"shape", QStringLiteral("unknown"));
            shapeUnknown = true;
        }
        if (!d.ok()) {
            // Sizes beyond what a layer accepts: keep the node, without a shape.
            const QString problem = d.problem();
            d = m_builder.draft("opaque");
            d.set(u"op_type", opName.left(200));
            d.set(u"shape", QStringLiteral("unknown"));
            warn(QCoreApplication::translate("naqsh::Import",
                                             "node %1: output '%2' cannot be recorded (%3); its "
                                             "shape is left unknown")
                     .arg(n.displayName(index), out, problem));
        }
        QString name = baseName(n, index);
        if (k > 0)
            name += QStringLiteral("_out%1").arg(k);
        const LayerId id = m_builder.add(d, name, inputs);
        bind(out, Value::ofLayer(id));
        created = true;
    }
    if (!created)
        return true;

    if (!m_opaqueOperators.contains(opName))
        m_opaqueOperators << opName;
    if (!reason.isEmpty()) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "node %1: %2; imported as an opaque layer with unknown "
                                         "cost")
                 .arg(n.displayName(index), reason));
    } else {
        if (!m_opaqueNodes.contains(opName))
            m_opaqueOrder << opName;
        m_opaqueNodes[opName] << baseName(n, index);
    }
    if (shapeUnknown) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "node %1: the output shape is unknown (neither the file "
                                         "nor ONNX shape inference gives it); layers after it "
                                         "have no numbers until it is set")
                 .arg(n.displayName(index)));
    }
    return true;
}

void OnnxImporter::summarizeOpaque()
{
    for (const QString &op : std::as_const(m_opaqueOrder)) {
        const QStringList &nodes = m_opaqueNodes[op];
        QStringList shown = nodes.mid(0, kNamesInWarning);
        if (nodes.size() > kNamesInWarning)
            shown << QStringLiteral("…");
        warn(QCoreApplication::translate("naqsh::Import",
                                         "operator %1 is not modelled by Naqsh: %n node(s) "
                                         "imported as opaque layers with unknown cost (%2)",
                                         nullptr, int(nodes.size()))
                 .arg(op, shown.join(QStringLiteral(", "))));
    }
}

void OnnxImporter::addOutputs()
{
    const LayerDraft d = m_builder.draft("output");
    for (const OnnxTensorInfo &out : m_model.outputs) {
        const Value *v = value(out.name);
        if (!v || v->kind != Value::Kind::Layer)
            continue;
        m_builder.add(d, out.name, {v->layer});
    }
}

// ---------------------------------------------------------------------------------------------

ImportResult OnnxImporter::run()
{
    ImportResult result;
    for (const char *id : {"input", "output", "opaque", "conv2d", "flatten"}) {
        if (!m_registry.find(QString::fromLatin1(id))) {
            result.error = QCoreApplication::translate("naqsh::Import",
                                                       "the layer type \"%1\" is not registered")
                               .arg(QString::fromLatin1(id));
            return result;
        }
    }
    for (auto it = m_model.initializers.cbegin(); it != m_model.initializers.cend(); ++it)
        m_values.insert(it.key(), Value::ofConstant(it.value(), true));
    for (const OnnxTensorInfo &in : m_model.inputs) {
        if (!m_values.contains(in.name))
            m_inputs.insert(in.name, &in);
    }
    for (const OnnxNode &n : m_model.nodes) {
        for (const QString &in : n.inputs) {
            if (!in.isEmpty())
                ++m_uses[in];
        }
    }
    for (const OnnxTensorInfo &out : m_model.outputs) {
        ++m_uses[out.name];
        m_graphOutputs.insert(out.name);
    }

    m_fusions = findOnnxFusions(m_model);
    for (int i = 0; i < m_fusions.size(); ++i) {
        const QVector<int> &nodes = m_fusions[i].nodes;
        m_fusionAt.insert(nodes.last(), i);
        for (int k = 0; k + 1 < nodes.size(); ++k)
            m_fusedAway.insert(nodes[k]);
    }
    QVector<int> order;
    if (sortNodes(&order)) {
        for (int i : std::as_const(order)) {
            if (!importNode(i))
                break;
        }
    }
    if (!m_error.isEmpty()) {
        result.error = m_error;
        return result;
    }
    addOutputs();
    summarizeOpaque();
    if (m_builder.graph().isEmpty()) {
        result.error =
            QCoreApplication::translate("naqsh::Import", "the model has no layers to import: every "
                                                         "node computes constants only");
        return result;
    }
    result.graph = m_builder.takeGraph();
    result.graph.name = m_model.graphName;
    result.warnings = m_model.warnings + m_warnings;
    result.opaqueOperators = m_opaqueOperators;
    return result;
}

ImportResult guarded(const std::function<ImportResult()> &body)
{
    try {
        return body();
    } catch (const std::bad_alloc &) {
        ImportResult r;
        r.error =
            QCoreApplication::translate("naqsh::Import", "out of memory while importing the model");
        return r;
    } catch (const std::exception &e) {
        ImportResult r;
        r.error = QCoreApplication::translate("naqsh::Import", "could not import the model: %1")
                      .arg(QString::fromUtf8(e.what()));
        return r;
    }
}

ImportResult fromRead(const OnnxReadResult &read, const LayerRegistry &registry,
                      const QString &fallbackName)
{
    if (!read.ok()) {
        ImportResult r;
        r.error = read.errorMessage;
        return r;
    }
    ImportResult r = importOnnx(read.model, registry);
    if (r.ok() && r.graph.name.trimmed().isEmpty())
        r.graph.name = fallbackName;
    return r;
}

} // namespace onnximport

using onnximport::fromRead;
using onnximport::guarded;
using onnximport::OnnxImporter;

ImportResult importOnnx(const OnnxModel &model, const LayerRegistry &registry)
{
    return guarded([&] { return OnnxImporter(model, registry).run(); });
}

ImportResult importOnnxFile(const QString &path, const LayerRegistry &registry,
                            const OnnxProgressCallback &progress)
{
    return guarded([&] {
        return fromRead(readOnnxFile(path, progress), registry, QFileInfo(path).completeBaseName());
    });
}

ImportResult importOnnxBytes(QByteArrayView bytes, const LayerRegistry &registry)
{
    return guarded([&] { return fromRead(readOnnxBytes(bytes), registry, QString()); });
}

} // namespace naqsh
