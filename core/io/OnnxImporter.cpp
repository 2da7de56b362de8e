#include "OnnxImporter.h"

#include "ImportBuilder.h"
#include "OnnxEinsum.h"
#include "OnnxFold.h"
#include "OnnxFusion.h"
#include "OnnxReader.h"
#include "analysis/AnalysisEngine.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <new>
#include <optional>
#include <queue>

namespace naqsh {

namespace {

// Attribute values used in size arithmetic are checked against this bound first, so that no
// product can overflow; real models stay far below it.
constexpr qint64 kMaxAttr = qint64(1) << 20;
constexpr qint64 kMaxSize = qint64(1) << 31;
constexpr double kMaxOpaqueParams = 1e15;
constexpr int kNamesInWarning = 5;

bool inRange(const QVector<qint64> &values, qint64 lo, qint64 hi)
{
    return std::all_of(values.cbegin(), values.cend(),
                       [&](qint64 v) { return v >= lo && v <= hi; });
}

bool isFloatType(int elemType)
{
    return elemType == 1 || elemType == 10 || elemType == 11 || elemType == 16;
}

/// Operators whose output has the shape of their first input (broadcasting aside): used when
/// neither the file nor shape inference gives an opaque node's output shape.
bool isElementwise(const QString &op)
{
    static const QSet<QString> ops = {
        QStringLiteral("Abs"),
        QStringLiteral("Neg"),
        QStringLiteral("Exp"),
        QStringLiteral("Log"),
        QStringLiteral("Sqrt"),
        QStringLiteral("Reciprocal"),
        QStringLiteral("Floor"),
        QStringLiteral("Ceil"),
        QStringLiteral("Round"),
        QStringLiteral("Sign"),
        QStringLiteral("Erf"),
        QStringLiteral("Elu"),
        QStringLiteral("Selu"),
        QStringLiteral("Celu"),
        QStringLiteral("Softplus"),
        QStringLiteral("Softsign"),
        QStringLiteral("HardSigmoid"),
        QStringLiteral("HardSwish"),
        QStringLiteral("Mish"),
        QStringLiteral("ThresholdedRelu"),
        QStringLiteral("Gelu"),
        QStringLiteral("Sin"),
        QStringLiteral("Cos"),
        QStringLiteral("Cast"),
        QStringLiteral("Not"),
        QStringLiteral("Mul"),
        QStringLiteral("Sub"),
        QStringLiteral("Div"),
        QStringLiteral("Pow"),
        QStringLiteral("Add"),
        QStringLiteral("Max"),
        QStringLiteral("Min"),
        QStringLiteral("Mean"),
        QStringLiteral("Sum"),
        QStringLiteral("Clip"),
        QStringLiteral("Relu"),
        QStringLiteral("LeakyRelu"),
        QStringLiteral("PRelu"),
        QStringLiteral("Sigmoid"),
        QStringLiteral("Tanh"),
        QStringLiteral("Softmax"),
        QStringLiteral("LogSoftmax"),
        QStringLiteral("Hardmax"),
        QStringLiteral("Shrink"),
        QStringLiteral("LRN"),
        QStringLiteral("Dropout"),
        QStringLiteral("Identity"),
        QStringLiteral("BatchNormalization"),
        QStringLiteral("InstanceNormalization"),
        QStringLiteral("LayerNormalization"),
        QStringLiteral("LpNormalization"),
        QStringLiteral("MeanVarianceNormalization"),
    };
    return ops.contains(op);
}

/// A tensor name resolved: a layer's output, a constant (dims, small values), or an output the
/// import does not produce (a second output of a node, e.g. MaxPool's indices).
struct Value
{
    enum class Kind { Layer, Constant, Unavailable };
    Kind kind = Kind::Constant;
    LayerId layer;
    OnnxTensorInfo constant;
    /// Constant: computed from an initializer (a learned tensor), not only from literals in
    /// Constant nodes and shapes; its elements count as parameters where a layer takes it.
    bool learned = false;
    QString producer; ///< Unavailable: the node, for messages

    static Value ofLayer(LayerId id)
    {
        Value v;
        v.kind = Kind::Layer;
        v.layer = id;
        return v;
    }
    static Value ofConstant(OnnxTensorInfo info, bool learned = false)
    {
        Value v;
        v.kind = Kind::Constant;
        v.constant = std::move(info);
        v.learned = learned;
        return v;
    }
    static Value unavailable(const QString &producer)
    {
        Value v;
        v.kind = Kind::Unavailable;
        v.producer = producer;
        return v;
    }
};

/// Naqsh's pooling size rule (symmetric padding, PyTorch/Caffe ceil rule), for matching.
qint64 naqshPoolOut(qint64 in, qint64 k, qint64 s, qint64 pad, bool ceil)
{
    const qint64 span = in + 2 * pad - k;
    if (span < 0)
        return -1;
    qint64 o = (ceil ? (span + s - 1) / s : span / s) + 1;
    if (ceil && (o - 1) * s >= in + pad)
        --o;
    return o;
}

/// ONNX's (and onnxruntime's) pooling size rule with separate begin and end padding.
qint64 onnxPoolOut(qint64 in, qint64 k, qint64 s, qint64 begin, qint64 end, bool ceil)
{
    const qint64 span = in + begin + end - k;
    if (span < 0)
        return -1;
    qint64 o = (ceil ? (span + s - 1) / s : span / s) + 1;
    if (ceil && (o - 1) * s >= in + begin)
        --o;
    return o;
}

struct PoolAxis
{
    qint64 pad = 0;
    bool ceil = false;
    bool exact = true;
};

/// Finds a symmetric padding and rounding that reproduce ONNX's output size for one axis.
/// @p in is -1 when unknown.
PoolAxis resolvePoolAxis(qint64 in, qint64 k, qint64 s, qint64 begin, qint64 end, bool ceil,
                         bool same)
{
    if (same) {
        qint64 total = std::max<qint64>(k - s, 0); // exact when the stride divides the input
        if (in > 0)
            total = std::max<qint64>(((in + s - 1) / s - 1) * s + k - in, 0);
        begin = total / 2;
        end = total - begin;
        ceil = false;
    }
    if (begin == end)
        return {begin, ceil, true};
    const qint64 total = begin + end;
    if (in <= 0)
        return {(total + 1) / 2, ceil, false};
    const qint64 target = onnxPoolOut(in, k, s, begin, end, ceil);
    for (const qint64 pad : {total / 2, (total + 1) / 2}) {
        for (const bool c : {ceil, !ceil}) {
            if (naqshPoolOut(in, k, s, pad, c) == target)
                return {pad, c, true};
        }
    }
    return {total / 2, ceil, false};
}

class OnnxImporter
{
public:
    OnnxImporter(const OnnxModel &model, const LayerRegistry &registry)
        : m_model(model)
        , m_registry(registry)
        , m_builder(registry)
    {
    }

    ImportResult run();

private:
    enum class Outcome { Done, Opaque, Failed };

    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }
    Outcome opaque(const QString &reason = {})
    {
        m_reason = reason;
        return Outcome::Opaque;
    }
    void warn(const QString &message) { m_warnings << message; }

    bool sortNodes(QVector<int> *order);
    bool importNode(int index);
    /// One layer for a run of primitive nodes (findOnnxFusions); when its input turns out not
    /// to be a layer's output, the run's nodes are imported one by one instead.
    bool importFusion(const OnnxFusion &f);
    Outcome dispatch(const OnnxNode &n, int index);

    // Tensor lookups.
    const Value *value(const QString &tensor) const;
    bool isData(const QString &tensor) const;
    /// The layer producing @p tensor; turns a graph input into an Input layer on first use.
    LayerId layerFor(const QString &tensor);
    LayerId data(const OnnxNode &n, int k);
    /// Dims (and small values) of a constant input: initializer, Constant node, or an
    /// expression of constants; a graph input without initializer gives its declared shape.
    /// A copy: binding tensors (adding layers) rehashes m_values.
    std::optional<OnnxTensorInfo> constant(const OnnxNode &n, int k);
    /// Declared or inferred shape of a tensor, or nullptr when its rank is unknown.
    const OnnxTensorInfo *shapeOf(const QString &tensor) const;
    qint64 rankOf(const QString &tensor) const;
    bool hasInput(const OnnxNode &n, int k) const
    {
        return k < n.inputs.size() && !n.inputs[k].isEmpty();
    }
    int uses(const QString &tensor) const { return m_uses.value(tensor, 0); }

    LayerId materializeInput(const OnnxTensorInfo &in);
    QString baseName(const OnnxNode &n, int index) const;
    /// Adds the layer for node @p n and binds its output @p output to it (other outputs become
    /// unavailable). An invalid draft makes the node opaque with the draft's problem.
    Outcome commit(const LayerDraft &draft, const OnnxNode &n, int index,
                   const QVector<LayerId> &inputs, int output = 0);
    void bind(const QString &tensor, Value v) { m_values.insert(tensor, std::move(v)); }
    void bindConstants(const OnnxNode &n);
    /// Binds the outputs of a node computing constants only: evaluated (foldOnnxNode) when
    /// the operator and its inputs allow, otherwise with the dims shape inference gives.
    void foldOrBind(const OnnxNode &n);
    /// Whether a constant computed by @p n derives from an initializer or a declared weight.
    bool learnedInputs(const OnnxNode &n) const;
    /// Dims of a layer's output for Shape/Size: shape inference's, or when it has none (or
    /// symbolic sizes), the analysis of the layers imported so far (into @p computed).
    const OnnxTensorInfo *layerShape(const QString &tensor, OnnxTensorInfo *computed);
    bool importOpaque(const OnnxNode &n, int index, const QString &reason);
    void addOutputs();
    void summarizeOpaque();

    // Operator families.
    Outcome conv(const OnnxNode &n, int index);
    Outcome convTranspose(const OnnxNode &n, int index);
    Outcome gemm(const OnnxNode &n, int index);
    Outcome matMul(const OnnxNode &n, int index);
    /// Einsum as Permute → MatMul → Permute (planEinsum), or as one Permute.
    Outcome einsum(const OnnxNode &n, int index);
    Outcome pool(const OnnxNode &n, int index, bool isMax);
    Outcome reduceMean(const OnnxNode &n, int index);
    Outcome add(const OnnxNode &n, int index);
    /// ViT's class token (Concat of a learned 1×T×D constant before the tokens) and position
    /// embedding (Add of a learned 1×L×D initializer); Opaque when the node is not that pattern.
    Outcome classToken(const OnnxNode &n, int index, qint64 rank, qint64 axis);
    Outcome positionEmbedding(const OnnxNode &n, int index, LayerId input, const OnnxTensorInfo &c);
    /// Add, Mul, Sub, Div between layers, or with one constant operand that broadcasts into
    /// the other input without enlarging it.
    Outcome arithmetic(const OnnxNode &n, int index, const char *type);
    /// HardSwish, HardSigmoid, Softplus, Elu, Mish, Gelu, LayerNormalization,
    /// GroupNormalization, InstanceNormalization.
    Outcome activationOrNorm(const OnnxNode &n, int index);
    Outcome clip(const OnnxNode &n, int index);
    /// x[:, i] (ViT's class token, Swin's q, k, v): a Slice of one index, then a Squeeze when
    /// the index is a scalar.
    Outcome gather(const OnnxNode &n, int index);
    Outcome reshape(const OnnxNode &n, int index);
    Outcome pad(const OnnxNode &n, int index);
    Outcome resize(const OnnxNode &n, int index);
    Outcome simple(const OnnxNode &n, int index, const char *type);
    /// Transpose, Squeeze, Unsqueeze, Slice, DepthToSpace, ReduceSum/Max (and ReduceMean over
    /// other axes than height and width): the tensor layers of any rank.
    Outcome tensorOp(const OnnxNode &n, int index);
    /// Integer list from constant input @p k (newer opsets) or attribute @p attr (older ones);
    /// nullopt when an input is given but not constant.
    std::optional<QVector<qint64>> intsOf(const OnnxNode &n, int k, QStringView attr);
    /// A reshape to the known output shape (batch following the input), when the target is
    /// computed at run time.
    Outcome reshapeTo(const OnnxNode &n, int index, const QVector<qint64> &target);
    /// A weight that is not a constant: computed by layers (opaque), or of unknown size (error).
    Outcome missingWeight(const OnnxNode &n, int index, int k);

    const OnnxModel &m_model;
    const LayerRegistry &m_registry;
    ImportBuilder m_builder;
    QHash<QString, Value> m_values;
    QHash<QString, const OnnxTensorInfo *> m_inputs;
    QHash<QString, int> m_uses;
    QSet<QString> m_graphOutputs;
    QSet<QString> m_declaredWeightWarned;
    struct Foldable
    {
        qint64 channels;
        QString tensor;
        bool conv;
    };
    QHash<LayerId, Foldable> m_foldable;
    QVector<OnnxFusion> m_fusions;
    QHash<int, int> m_fusionAt; ///< last node of a run -> index into m_fusions
    QSet<int> m_fusedAway;      ///< the other nodes of the runs
    QStringList m_opaqueOrder;
    QHash<QString, QStringList> m_opaqueNodes;
    QStringList m_opaqueOperators;
    QStringList m_warnings;
    QString m_error;
    QString m_reason;
    int m_index = 0; ///< the node being imported, for messages
};

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

OnnxImporter::Outcome OnnxImporter::dispatch(const OnnxNode &n, int index)
{
    const QString &op = n.opType;
    if (op == u"Conv")
        return conv(n, index);
    if (op == u"ConvTranspose")
        return convTranspose(n, index);
    if (op == u"Gemm")
        return gemm(n, index);
    if (op == u"MatMul")
        return matMul(n, index);
    if (op == u"Einsum")
        return einsum(n, index);
    if (op == u"MaxPool")
        return pool(n, index, true);
    if (op == u"AveragePool")
        return pool(n, index, false);
    if (op == u"GlobalAveragePool")
        return simple(n, index, "global_avgpool");
    if (op == u"ReduceMean")
        return reduceMean(n, index);
    if (op == u"Add" || op == u"Sum")
        return add(n, index);
    if (op == u"Mul")
        return arithmetic(n, index, "mul");
    if (op == u"Sub")
        return arithmetic(n, index, "sub");
    if (op == u"Div")
        return arithmetic(n, index, "div");
    if (op == u"HardSwish" || op == u"HardSigmoid" || op == u"Softplus" || op == u"Elu" ||
        op == u"Mish" || op == u"Gelu" || op == u"LayerNormalization" ||
        op == u"GroupNormalization" || op == u"InstanceNormalization")
        return activationOrNorm(n, index);
    if (op == u"Relu")
        return simple(n, index, "relu");
    if (op == u"Sigmoid")
        return simple(n, index, "sigmoid");
    if (op == u"Tanh")
        return simple(n, index, "tanh");
    if (op == u"Identity")
        return simple(n, index, "identity");
    if (op == u"Clip")
        return clip(n, index);
    if (op == u"Reshape")
        return reshape(n, index);
    if (op == u"Pad")
        return pad(n, index);
    if (op == u"Upsample" || op == u"Resize")
        return resize(n, index);
    if (op == u"Transpose" || op == u"Squeeze" || op == u"Unsqueeze" || op == u"Slice" ||
        op == u"DepthToSpace" || op == u"ReduceSum" || op == u"ReduceMax" || op == u"Split")
        return tensorOp(n, index);
    if (op == u"Gather")
        return gather(n, index);
    if (op == u"LeakyRelu") {
        LayerDraft d = m_builder.draft("leaky_relu");
        d.set(u"negative_slope", n.attrFloat(u"alpha", 0.01));
        return commit(d, n, index, {data(n, 0)});
    }
    if (op == u"PRelu") {
        const std::optional<OnnxTensorInfo> slope = constant(n, 1);
        if (!slope || slope->elementCount() < 1)
            return opaque(
                QCoreApplication::translate("naqsh::Import", "its slope is not a constant"));
        LayerDraft d = m_builder.draft("prelu");
        d.set(u"channel_shared", slope->elementCount() == 1);
        return commit(d, n, index, {data(n, 0)});
    }
    if (op == u"Softmax") {
        const qint64 rank = rankOf(n.inputs.value(0));
        qint64 axis = n.attrInt(u"axis", m_model.opsetVersion >= 13 ? -1 : 1);
        if (rank > 0 && axis < 0)
            axis += rank;
        LayerDraft d = m_builder.draft("softmax");
        d.set(u"axis", axis);
        return commit(d, n, index, {data(n, 0)});
    }
    if (op == u"Concat") {
        qint64 rank = rankOf(n.outputs.value(0));
        if (rank < 0)
            rank = 4;
        qint64 axis = n.attrInt(u"axis", 1);
        if (axis < 0)
            axis += rank;
        if (const Outcome o = classToken(n, index, rank, axis); o != Outcome::Opaque)
            return o;
        QVector<LayerId> inputs;
        for (int k = 0; k < n.inputs.size(); ++k) {
            if (!hasInput(n, k))
                continue;
            if (!isData(n.inputs[k]))
                return opaque(QCoreApplication::translate("naqsh::Import",
                                                          "it concatenates a constant tensor"));
            inputs << data(n, k);
        }
        LayerDraft d = m_builder.draft("concat");
        d.set(u"axis", axis);
        return commit(d, n, index, inputs);
    }
    if (op == u"Flatten") {
        qint64 axis = n.attrInt(u"axis", 1);
        const qint64 rank = rankOf(n.inputs.value(0));
        if (axis < 0 && rank > 0)
            axis += rank;
        if (axis == 1)
            return simple(n, index, "flatten");
        // ONNX's Flatten always makes a matrix: sizes before the axis times sizes from it.
        const OnnxTensorInfo *in = shapeOf(n.inputs.value(0));
        qint64 rows = 1;
        for (int i = 0; in && i < axis && i < in->dims.size(); ++i)
            rows = in->dims[i] >= 1 && rows <= kMaxSize ? rows * in->dims[i] : -1;
        if (!in || rows < 1)
            return opaque(QCoreApplication::translate("naqsh::Import",
                                                      "the input's sizes before axis %1 are "
                                                      "unknown")
                              .arg(axis));
        LayerDraft d = m_builder.draft("reshape");
        d.set(u"shape", QStringLiteral("%1, -1").arg(rows));
        return commit(d, n, index, {data(n, 0)});
    }
    if (op == u"Dropout") {
        double ratio = n.attrFloat(u"ratio", 0.5);
        if (const std::optional<OnnxTensorInfo> r = constant(n, 1);
            r && r->hasValues && !r->floats.isEmpty())
            ratio = r->floats[0];
        LayerDraft d = m_builder.draft("dropout");
        d.set(u"p", ratio);
        return commit(d, n, index, {data(n, 0)});
    }
    if (op == u"BatchNormalization") {
        const qint64 rank = rankOf(n.inputs.value(0));
        if (rank >= 0 && rank != 4)
            return opaque(QCoreApplication::translate("naqsh::Import",
                                                      "Naqsh's BatchNorm2d needs a 4-D input, "
                                                      "and this one has rank %1")
                              .arg(rank));
        LayerDraft d = m_builder.draft("batchnorm2d");
        d.set(u"affine", true);
        d.set(u"eps", n.attrFloat(u"epsilon", 1e-5));
        return commit(d, n, index, {data(n, 0)});
    }
    if (op == u"LRN") {
        LayerDraft d = m_builder.draft("lrn");
        d.set(u"size", n.attrInt(u"size", 5));
        d.set(u"alpha", n.attrFloat(u"alpha", 1e-4));
        d.set(u"beta", n.attrFloat(u"beta", 0.75));
        d.set(u"k", n.attrFloat(u"bias", 1.0));
        return commit(d, n, index, {data(n, 0)});
    }
    return opaque();
}

OnnxImporter::Outcome OnnxImporter::simple(const OnnxNode &n, int index, const char *type)
{
    return commit(m_builder.draft(type), n, index, {data(n, 0)});
}

OnnxImporter::Outcome OnnxImporter::missingWeight(const OnnxNode &n, int index, int k)
{
    const QString name = n.inputs.value(k);
    if (const Value *v = value(name); v && v->kind == Value::Kind::Layer)
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "its weights are computed by other layers"));
    fail(QCoreApplication::translate("naqsh::Import",
                                     "node %1: weight '%2' has no initializer and its shape is "
                                     "unknown, so Naqsh cannot tell the layer's size")
             .arg(n.displayName(index), name));
    return Outcome::Failed;
}

OnnxImporter::Outcome OnnxImporter::conv(const OnnxNode &n, int index)
{
    if (!isData(n.inputs.value(0)))
        return opaque();
    const std::optional<OnnxTensorInfo> w = constant(n, 1);
    if (!w)
        return missingWeight(n, index, 1);
    if (w->dims.size() == 3 || w->dims.size() == 5) {
        // Conv1d and Conv3d: symmetric padding and one dilation only.
        const int sp = int(w->dims.size()) - 2;
        const QVector<qint64> strides = n.attrInts(u"strides", QVector<qint64>(sp, 1));
        const QVector<qint64> dilations = n.attrInts(u"dilations", QVector<qint64>(sp, 1));
        const QVector<qint64> pads = n.attrInts(u"pads", QVector<qint64>(2 * sp, 0));
        bool fits = strides.size() == sp && dilations.size() == sp && pads.size() == 2 * sp &&
                    n.attrString(u"auto_pad", QStringLiteral("NOTSET")) == u"NOTSET";
        for (int a = 0; fits && a < sp; ++a)
            fits = pads[a] == pads[a + sp] && dilations[a] == dilations[0];
        if (!fits)
            return opaque(QCoreApplication::translate("naqsh::Import",
                                                      "only symmetric padding and one dilation "
                                                      "are modelled for 1-D and 3-D convolutions"));
        LayerDraft d = m_builder.draft(sp == 1 ? "conv1d" : "conv3d");
        d.set(u"out_channels", w->dims[0]);
        d.set(u"groups", n.attrInt(u"group", 1));
        d.set(u"dilation", dilations[0]);
        d.set(u"bias", hasInput(n, 2));
        static const char16_t *const keys[3][3] = {{u"kernel_d", u"stride_d", u"pad_d"},
                                                   {u"kernel_h", u"stride_h", u"pad_h"},
                                                   {u"kernel_w", u"stride_w", u"pad_w"}};
        for (int a = 0; a < sp; ++a) {
            d.set(sp == 1 ? QStringView(u"kernel") : QStringView(keys[a][0]), w->dims[2 + a]);
            d.set(sp == 1 ? QStringView(u"stride") : QStringView(keys[a][1]), strides[a]);
            d.set(sp == 1 ? QStringView(u"padding") : QStringView(keys[a][2]), pads[a]);
        }
        return commit(d, n, index, {data(n, 0)});
    }
    if (w->dims.size() != 4)
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "only 1-D, 2-D and 3-D convolutions are "
                                                  "modelled (its weight has rank %1)")
                          .arg(w->dims.size()));
    const QVector<qint64> strides = n.attrInts(u"strides", {1, 1});
    const QVector<qint64> dilations = n.attrInts(u"dilations", {1, 1});
    const QVector<qint64> pads = n.attrInts(u"pads", {0, 0, 0, 0});
    const qint64 group = n.attrInt(u"group", 1);
    if (strides.size() != 2 || dilations.size() != 2 || pads.size() != 4)
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "its strides, dilations or pads do not describe "
                                                  "a 2-D convolution"));
    const QString autoPad = n.attrString(u"auto_pad", QStringLiteral("NOTSET"));
    LayerDraft d = m_builder.draft("conv2d");
    d.set(u"out_channels", w->dims[0]);
    d.set(u"kernel_h", w->dims[2]);
    d.set(u"kernel_w", w->dims[3]);
    d.set(u"stride_h", strides[0]);
    d.set(u"stride_w", strides[1]);
    d.set(u"dilation_h", dilations[0]);
    d.set(u"dilation_w", dilations[1]);
    d.set(u"groups", group);
    if (autoPad == u"SAME_UPPER" || autoPad == u"SAME_LOWER") {
        d.set(u"padding", QStringLiteral("same"));
    } else if (autoPad == u"VALID") {
        d.set(u"padding", QStringLiteral("valid"));
    } else {
        d.set(u"padding", QStringLiteral("explicit"));
        d.set(u"pad_top", pads[0]);
        d.set(u"pad_left", pads[1]);
        d.set(u"pad_bottom", pads[2]);
        d.set(u"pad_right", pads[3]);
    }
    const bool bias = hasInput(n, 2);
    if (bias && !constant(n, 2))
        return opaque(QCoreApplication::translate("naqsh::Import", "its bias is not a constant"));
    d.set(u"bias", bias);
    const Outcome o = commit(d, n, index, {data(n, 0)});
    if (const Value *v = value(n.outputs.value(0));
        o == Outcome::Done && !bias && v && v->kind == Value::Kind::Layer)
        m_foldable.insert(v->layer, {w->dims[0], n.outputs[0], true});
    return o;
}

OnnxImporter::Outcome OnnxImporter::convTranspose(const OnnxNode &n, int index)
{
    if (!isData(n.inputs.value(0)))
        return opaque();
    const std::optional<OnnxTensorInfo> w = constant(n, 1);
    if (!w)
        return missingWeight(n, index, 1);
    if (w->dims.size() != 4)
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "only 2-D transposed convolutions are modelled "
                                                  "(its weight has rank %1)")
                          .arg(w->dims.size()));
    const QVector<qint64> strides = n.attrInts(u"strides", {1, 1});
    const QVector<qint64> dilations = n.attrInts(u"dilations", {1, 1});
    const QVector<qint64> pads = n.attrInts(u"pads", {0, 0, 0, 0});
    const QVector<qint64> outPad = n.attrInts(u"output_padding", {0, 0});
    const QVector<qint64> outShape = n.attrInts(u"output_shape");
    const qint64 group = n.attrInt(u"group", 1);
    const QString autoPad = n.attrString(u"auto_pad", QStringLiteral("NOTSET"));
    if (strides.size() != 2 || dilations.size() != 2 || pads.size() != 4 || outPad.size() != 2 ||
        !inRange(strides, 1, kMaxAttr) || !inRange(dilations, 1, kMaxAttr) ||
        !inRange(pads, 0, kMaxAttr) || !inRange(outPad, 0, kMaxAttr) ||
        !inRange(w->dims, 1, kMaxSize) || group < 1 || group > kMaxAttr)
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "its attributes do not describe a 2-D "
                                                  "transposed convolution Naqsh can represent"));
    const OnnxTensorInfo *inShape = shapeOf(n.inputs.value(0));
    const OnnxTensorInfo *outInfo = shapeOf(n.outputs.value(0));
    bool exact = true;
    qint64 padHW[2] = {0, 0}, opHW[2] = {0, 0};
    for (int a = 0; a < 2; ++a) {
        const qint64 k = w->dims[2 + a], s = strides[a], dl = dilations[a], op = outPad[a];
        const qint64 extent = dl * (k - 1) + 1;
        qint64 total = pads[a] + pads[a + 2];
        // When the file fixes the output size instead of the padding, work the padding out.
        qint64 in = inShape && inShape->dims.size() == 4 ? inShape->dims[2 + a] : -1;
        qint64 out = -1;
        if (outShape.size() == 2 || outShape.size() == 4)
            out = outShape[outShape.size() - 2 + a];
        else if (outInfo && outInfo->dims.size() == 4)
            out = outInfo->dims[2 + a];
        if (in > kMaxSize || out > kMaxSize)
            in = out = -1;
        if (autoPad == u"SAME_UPPER" || autoPad == u"SAME_LOWER") {
            total = op + extent - s;
        } else if (autoPad == u"VALID") {
            total = 0;
        } else if (!outShape.isEmpty()) {
            if (in >= 1 && out >= 1)
                total = s * (in - 1) + op + extent - out;
            else
                exact = false;
        }
        // Naqsh: out = (in − 1)·s − 2p + extent − 1 + op' + 1, so op' − 2p must equal op − total.
        qint64 p = 0, opN = op - total;
        if (total > 0) {
            p = (total + 1) / 2;
            opN = op + 2 * p - total;
        }
        padHW[a] = p;
        opHW[a] = opN;
    }
    LayerDraft d = m_builder.draft("conv_transpose2d");
    d.set(u"out_channels", w->dims[1] * group);
    d.set(u"kernel_h", w->dims[2]);
    d.set(u"kernel_w", w->dims[3]);
    d.set(u"stride_h", strides[0]);
    d.set(u"stride_w", strides[1]);
    d.set(u"dilation_h", dilations[0]);
    d.set(u"dilation_w", dilations[1]);
    d.set(u"pad_h", padHW[0]);
    d.set(u"pad_w", padHW[1]);
    d.set(u"output_pad_h", opHW[0]);
    d.set(u"output_pad_w", opHW[1]);
    d.set(u"groups", group);
    const bool bias = hasInput(n, 2);
    if (bias && !constant(n, 2))
        return opaque(QCoreApplication::translate("naqsh::Import", "its bias is not a constant"));
    d.set(u"bias", bias);
    if (!exact) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "node %1: output_shape is given but the input size is "
                                         "unknown; the padding is approximated")
                 .arg(n.displayName(index)));
    }
    return commit(d, n, index, {data(n, 0)});
}

OnnxImporter::Outcome OnnxImporter::gemm(const OnnxNode &n, int index)
{
    if (!isData(n.inputs.value(0)) || n.attrInt(u"transA", 0) != 0)
        return opaque();
    const std::optional<OnnxTensorInfo> b = constant(n, 1);
    if (!b)
        return missingWeight(n, index, 1);
    if (b->dims.size() != 2)
        return opaque(QCoreApplication::translate("naqsh::Import", "its weight is not 2-D"));
    const bool bias = hasInput(n, 2);
    if (bias && !constant(n, 2))
        return opaque(QCoreApplication::translate("naqsh::Import", "its bias is not a constant"));
    LayerDraft d = m_builder.draft("linear");
    d.set(u"out_features", n.attrInt(u"transB", 0) != 0 ? b->dims[0] : b->dims[1]);
    d.set(u"bias", bias);
    return commit(d, n, index, {data(n, 0)});
}

OnnxImporter::Outcome OnnxImporter::matMul(const OnnxNode &n, int index)
{
    if (!isData(n.inputs.value(0)))
        return opaque();
    if (isData(n.inputs.value(1))) // two activations: attention's Q·Kᵀ and A·V
        return commit(m_builder.draft("matmul"), n, index, {data(n, 0), data(n, 1)});
    const std::optional<OnnxTensorInfo> b = constant(n, 1);
    if (!b || b->dims.size() != 2)
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "only a product with a constant 2-D weight is "
                                                  "modelled (as Linear)"));
    const qint64 rank = rankOf(n.inputs.value(0));
    if (rank >= 0 && rank < 2)
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "Naqsh's Linear needs a batch and features, "
                                                  "and this input has rank %1")
                          .arg(rank));
    LayerDraft d = m_builder.draft("linear");
    d.set(u"out_features", b->dims[1]);
    d.set(u"bias", false);
    const Outcome o = commit(d, n, index, {data(n, 0)});
    if (const Value *v = value(n.outputs.value(0));
        o == Outcome::Done && v && v->kind == Value::Kind::Layer)
        m_foldable.insert(v->layer, {b->dims[1], n.outputs[0], false});
    return o;
}

OnnxImporter::Outcome OnnxImporter::add(const OnnxNode &n, int index)
{
    QVector<LayerId> inputs;
    std::optional<OnnxTensorInfo> c;
    int constants = 0;
    for (int k = 0; k < n.inputs.size(); ++k) {
        if (!hasInput(n, k))
            continue;
        if (isData(n.inputs[k])) {
            inputs << data(n, k);
        } else {
            ++constants;
            c = constant(n, k);
        }
    }
    if (constants == 0)
        return commit(m_builder.draft("add"), n, index, inputs);
    // A constant added to a bias-less Linear (MatMul) or Conv is its bias.
    if (constants == 1 && inputs.size() == 1 && c && inputs[0].isValid() && n.opType == u"Add") {
        auto it = m_foldable.find(inputs[0]);
        if (it != m_foldable.end() && uses(it->tensor) == 1 && c->elementCount() == it->channels) {
            const qint64 rank = c->dims.size();
            bool shapeFits = rank >= 1 && c->dims.last() == it->channels;
            if (it->conv)
                shapeFits = (rank == 1 && it->channels == 1) ||
                            (rank >= 3 && c->dims[rank - 3] == it->channels);
            if (shapeFits && m_builder.setParam(inputs[0], u"bias", true)) {
                const LayerId layer = inputs[0];
                m_foldable.erase(it);
                for (const QString &out : n.outputs) {
                    if (!out.isEmpty())
                        bind(out, Value::ofLayer(layer));
                }
                return Outcome::Done;
            }
        }
    }
    if (constants == 1 && inputs.size() == 1 && c && n.opType == u"Add") {
        if (const Outcome o = positionEmbedding(n, index, inputs[0], *c); o != Outcome::Opaque)
            return o;
    }
    return arithmetic(n, index, "add");
}

OnnxImporter::Outcome OnnxImporter::classToken(const OnnxNode &n, int index, qint64 rank,
                                               qint64 axis)
{
    // ViT: torch.cat([class_token.expand(N, -1, -1), x], dim=1), a learned 1×T×D tensor (the
    // exporter writes the expand as an Expand of the initializer) before N×L×D tokens.
    if (rank != 3 || axis != 1 || n.inputs.size() != 2 || !hasInput(n, 0) || !hasInput(n, 1) ||
        isData(n.inputs[0]) || !isData(n.inputs[1]))
        return Outcome::Opaque;
    const Value *v = value(n.inputs[0]);
    const std::optional<OnnxTensorInfo> c = constant(n, 0);
    OnnxTensorInfo computed;
    const OnnxTensorInfo *x = layerShape(n.inputs[1], &computed);
    if (!v || !v->learned || !c || c->dims.size() != 3 || !x || x->dims.size() != 3)
        return Outcome::Opaque;
    const qint64 tokens = c->dims[1];
    if ((c->dims[0] != 1 && c->dims[0] != x->dims[0]) || tokens < 1 || c->dims[2] != x->dims[2])
        return Outcome::Opaque;
    LayerDraft d = m_builder.draft("class_token");
    d.set(u"tokens", tokens);
    return commit(d, n, index, {data(n, 1)});
}

OnnxImporter::Outcome OnnxImporter::positionEmbedding(const OnnxNode &n, int index, LayerId input,
                                                      const OnnxTensorInfo &c)
{
    // ViT: x + pos_embedding, a learned 1×L×D initializer of the tokens' own size.
    int k = 0;
    while (k < n.inputs.size() && (!hasInput(n, k) || isData(n.inputs[k])))
        ++k;
    const Value *v = k < n.inputs.size() ? value(n.inputs[k]) : nullptr;
    const int dataInput = k == 0 ? 1 : 0;
    OnnxTensorInfo computed;
    const OnnxTensorInfo *x = layerShape(n.inputs.value(dataInput), &computed);
    if (!v || !v->learned || !m_model.initializers.contains(n.inputs[k]) || !input.isValid() ||
        c.dims.size() != 3 || c.dims[0] != 1 || !x || x->dims.size() != 3 ||
        x->dims[1] != c.dims[1] || x->dims[2] != c.dims[2])
        return Outcome::Opaque;
    return commit(m_builder.draft("position_embedding"), n, index, {input});
}

OnnxImporter::Outcome OnnxImporter::arithmetic(const OnnxNode &n, int index, const char *type)
{
    QVector<LayerId> inputs;
    std::optional<OnnxTensorInfo> c;
    const OnnxTensorInfo *dataShape = nullptr;
    int constants = 0;
    bool learned = false;
    OnnxTensorInfo computed;
    for (int k = 0; k < n.inputs.size(); ++k) {
        if (!hasInput(n, k))
            continue;
        if (isData(n.inputs[k])) {
            inputs << data(n, k);
            dataShape = layerShape(n.inputs[k], &computed);
        } else {
            ++constants;
            c = constant(n, k);
            const Value *v = value(n.inputs[k]);
            learned = !v || v->learned;
        }
    }
    if (inputs.isEmpty())
        return opaque();
    if (constants == 0)
        return commit(m_builder.draft(type), n, index, inputs);
    if (constants > 1 || inputs.size() != 1 || !c || !c->rankKnown || !dataShape)
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "its constant operand has an unknown shape"));
    // The constant must broadcast into the layer's input without enlarging it.
    const qsizetype rc = c->dims.size(), rd = dataShape->dims.size();
    bool fits = rc <= rd;
    for (qsizetype i = 0; fits && i < rc; ++i) {
        const qint64 dc = c->dims[rc - 1 - i], dd = dataShape->dims[rd - 1 - i];
        fits = dc == 1 || dc == dd;
    }
    if (!fits)
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "its constant operand is larger than its "
                                                  "input"));
    LayerDraft d = m_builder.draft(type);
    d.set(u"constant_operand", true);
    // A learned scale or shift has parameters; a literal of the code (x / √d, x · 0.5) has none.
    d.set(u"params", learned ? std::max<qint64>(c->elementCount(), 0) : qint64(0));
    return commit(d, n, index, inputs);
}

OnnxImporter::Outcome OnnxImporter::activationOrNorm(const OnnxNode &n, int index)
{
    const QString &op = n.opType;
    if (op == u"HardSwish")
        return simple(n, index, "hardswish");
    if (op == u"HardSigmoid")
        return simple(n, index, "hardsigmoid");
    if (op == u"Softplus")
        return simple(n, index, "softplus");
    if (op == u"Mish")
        return simple(n, index, "mish");
    if (op == u"Elu") {
        LayerDraft d = m_builder.draft("elu");
        d.set(u"alpha", n.attrFloat(u"alpha", 1.0));
        return commit(d, n, index, {data(n, 0)});
    }
    if (op == u"Gelu") {
        LayerDraft d = m_builder.draft("gelu");
        d.set(u"approximate", n.attrString(u"approximate", QStringLiteral("none")));
        return commit(d, n, index, {data(n, 0)});
    }
    const qint64 rank = rankOf(n.inputs.value(0));
    if (op == u"LayerNormalization") {
        qint64 axis = n.attrInt(u"axis", -1);
        if (axis < 0 && rank > 0)
            axis += rank;
        if (rank < 0 || axis < 1 || axis >= rank)
            return opaque(QCoreApplication::translate("naqsh::Import",
                                                      "its axis does not leave the batch alone"));
        LayerDraft d = m_builder.draft("layernorm");
        d.set(u"dims", rank - axis);
        d.set(u"eps", n.attrFloat(u"epsilon", 1e-5));
        d.set(u"affine", hasInput(n, 1));
        return commit(d, n, index, {data(n, 0)});
    }
    LayerDraft d = m_builder.draft(op == u"GroupNormalization" ? "groupnorm" : "instancenorm");
    if (op == u"GroupNormalization")
        d.set(u"groups", n.attrInt(u"num_groups", 1));
    d.set(u"eps", n.attrFloat(u"epsilon", 1e-5));
    d.set(u"affine", hasInput(n, 1));
    return commit(d, n, index, {data(n, 0)});
}

OnnxImporter::Outcome OnnxImporter::einsum(const OnnxNode &n, int index)
{
    const EinsumPlan plan = planEinsum(n.attrString(u"equation"));
    if (!plan.problem.isEmpty())
        return opaque(plan.problem);
    const int operands = plan.matmul ? 2 : 1;
    if (n.inputs.size() != operands)
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "its equation has %1 operand(s), the node %2")
                          .arg(operands)
                          .arg(n.inputs.size()));
    for (int k = 0; k < operands; ++k)
        if (!isData(n.inputs.value(k)))
            return opaque(QCoreApplication::translate(
                "naqsh::Import", "only a product of activations (not of a constant) is modelled"));
    auto permute = [&](const QVector<qint64> &perm) {
        LayerDraft d = m_builder.draft("permute");
        QStringList parts;
        for (qint64 v : perm)
            parts << QString::number(v);
        d.set(u"dims", parts.join(QStringLiteral(", ")));
        return d;
    };
    // Every draft is checked before the first layer is added, so that a refused node adds none.
    const LayerDraft pa = permute(plan.permA), pb = permute(plan.permB), po = permute(plan.permOut),
                     mm = m_builder.draft("matmul");
    for (const auto &[perm, d] :
         {std::pair{&plan.permA, &pa}, std::pair{&plan.permB, &pb}, std::pair{&plan.permOut, &po}})
        if (!perm->isEmpty() && !d->ok())
            return opaque(d->problem());
    if (!mm.ok())
        return opaque(mm.problem());
    QVector<LayerId> in;
    for (int k = 0; k < operands; ++k)
        in << data(n, k);
    if (std::any_of(in.cbegin(), in.cend(), [](LayerId id) { return !id.isValid(); }))
        return opaque();
    const QString base = baseName(n, index);
    if (!plan.matmul)
        return commit(plan.permA.isEmpty() ? m_builder.draft("identity") : pa, n, index, in);
    if (!plan.permA.isEmpty())
        in[0] = m_builder.add(pa, base + QStringLiteral("_a"), {in[0]});
    if (!plan.permB.isEmpty())
        in[1] = m_builder.add(pb, base + QStringLiteral("_b"), {in[1]});
    if (plan.permOut.isEmpty())
        return commit(mm, n, index, in);
    const LayerId product = m_builder.add(mm, base + QStringLiteral("_matmul"), in);
    return commit(po, n, index, {product});
}

OnnxImporter::Outcome OnnxImporter::pool(const OnnxNode &n, int index, bool isMax)
{
    const QVector<qint64> kernel = n.attrInts(u"kernel_shape");
    const QVector<qint64> strides = n.attrInts(u"strides", {1, 1});
    const QVector<qint64> pads = n.attrInts(u"pads", {0, 0, 0, 0});
    const QVector<qint64> dilations = n.attrInts(u"dilations", {1, 1});
    if (kernel.size() != 2 || strides.size() != 2 || pads.size() != 4)
        return opaque(QCoreApplication::translate("naqsh::Import", "only 2-D pooling is modelled"));
    if (!inRange(kernel, 1, kMaxAttr) || !inRange(strides, 1, kMaxAttr) ||
        !inRange(pads, 0, kMaxAttr))
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "its kernel, strides or pads are out of range"));
    if (dilations != QVector<qint64>{1, 1})
        return opaque(
            QCoreApplication::translate("naqsh::Import", "dilated pooling is not modelled"));
    const QString autoPad = n.attrString(u"auto_pad", QStringLiteral("NOTSET"));
    const bool same = autoPad == u"SAME_UPPER" || autoPad == u"SAME_LOWER";
    const bool valid = autoPad == u"VALID";
    const bool ceil = n.attrInt(u"ceil_mode", 0) != 0;
    const OnnxTensorInfo *in = shapeOf(n.inputs.value(0));
    PoolAxis axes[2];
    for (int a = 0; a < 2; ++a) {
        qint64 size = in && in->dims.size() == 4 ? in->dims[2 + a] : -1;
        if (size > kMaxSize)
            size = -1;
        axes[a] = resolvePoolAxis(size, kernel[a], strides[a], valid ? 0 : pads[a],
                                  valid ? 0 : pads[a + 2], ceil, same);
    }
    if (!axes[0].exact || !axes[1].exact) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "node %1: its asymmetric padding is approximated by "
                                         "symmetric padding")
                 .arg(n.displayName(index)));
    }
    LayerDraft d = m_builder.draft(isMax ? "maxpool2d" : "avgpool2d");
    d.set(u"kernel_h", kernel[0]);
    d.set(u"kernel_w", kernel[1]);
    d.set(u"stride_h", strides[0]);
    d.set(u"stride_w", strides[1]);
    d.set(u"pad_h", axes[0].pad);
    d.set(u"pad_w", axes[1].pad);
    d.set(u"ceil_mode", axes[0].ceil || axes[1].ceil);
    return commit(d, n, index, {data(n, 0)});
}

OnnxImporter::Outcome OnnxImporter::reduceMean(const OnnxNode &n, int index)
{
    QVector<qint64> axes = n.attrInts(u"axes");
    if (hasInput(n, 1)) {
        const std::optional<OnnxTensorInfo> a = constant(n, 1);
        if (!a || !a->hasValues)
            return opaque(
                QCoreApplication::translate("naqsh::Import", "its axes are not constant"));
        axes = a->ints;
    }
    qint64 rank = rankOf(n.inputs.value(0));
    if (rank < 0)
        rank = 4;
    for (qint64 &a : axes) {
        if (a < 0)
            a += rank;
    }
    std::sort(axes.begin(), axes.end());
    if (rank != 4 || axes != QVector<qint64>{2, 3})
        return tensorOp(n, index);
    if (n.attrInt(u"keepdims", 1) != 0)
        return simple(n, index, "global_avgpool");
    // keepdims = 0 drops the 1×1: global pooling, then a flatten.
    const LayerId in = data(n, 0);
    if (!in.isValid())
        return opaque();
    const LayerId gap = m_builder.add(m_builder.draft("global_avgpool"), baseName(n, index), {in});
    const LayerId flat = m_builder.add(m_builder.draft("flatten"),
                                       baseName(n, index) + QStringLiteral("_flatten"), {gap});
    if (!n.outputs.isEmpty() && !n.outputs[0].isEmpty())
        bind(n.outputs[0], Value::ofLayer(flat));
    return Outcome::Done;
}

OnnxImporter::Outcome OnnxImporter::gather(const OnnxNode &n, int index)
{
    const std::optional<OnnxTensorInfo> idx = constant(n, 1);
    OnnxTensorInfo computed;
    const OnnxTensorInfo *in = layerShape(n.inputs.value(0), &computed);
    if (!idx || !idx->hasValues || idx->ints.size() != 1 || idx->dims.size() > 1 || !in)
        return opaque(
            QCoreApplication::translate("naqsh::Import", "only one constant index is modelled"));
    const qint64 rank = in->dims.size();
    qint64 axis = n.attrInt(u"axis", 0);
    if (axis < 0)
        axis += rank;
    qint64 i = idx->ints[0];
    const qint64 size = axis >= 0 && axis < rank ? in->dims[axis] : -1;
    if (i < 0 && size >= 1)
        i += size;
    if (size < 1 || i < 0 || i >= size)
        return opaque(
            QCoreApplication::translate("naqsh::Import", "its index is outside the input"));
    LayerDraft d = m_builder.draft("slice");
    d.set(u"axis", axis);
    d.set(u"start", i);
    d.set(u"end", i + 1);
    if (!idx->dims.isEmpty())
        return commit(d, n, index, {data(n, 0)});
    LayerDraft sq = m_builder.draft("squeeze");
    sq.set(u"axes", QString::number(axis));
    const LayerId source = data(n, 0);
    if (!d.ok() || !sq.ok() || !source.isValid())
        return opaque(d.ok() ? sq.problem() : d.problem());
    const LayerId picked = m_builder.add(d, baseName(n, index), {source});
    const LayerId squeezed =
        m_builder.add(sq, baseName(n, index) + QStringLiteral("_squeeze"), {picked});
    if (!n.outputs.isEmpty() && !n.outputs[0].isEmpty())
        bind(n.outputs[0], Value::ofLayer(squeezed));
    return Outcome::Done;
}

OnnxImporter::Outcome OnnxImporter::clip(const OnnxNode &n, int index)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    double lo = -inf, hi = inf;
    if (m_model.opsetVersion > 0 && m_model.opsetVersion < 11) {
        lo = n.attrFloat(u"min", -inf);
        hi = n.attrFloat(u"max", inf);
    } else {
        for (int k : {1, 2}) {
            if (!hasInput(n, k))
                continue;
            const std::optional<OnnxTensorInfo> c = constant(n, k);
            if (!c || !c->hasValues || (c->floats.isEmpty() && c->ints.isEmpty()))
                return opaque(
                    QCoreApplication::translate("naqsh::Import", "its bounds are not constants"));
            const double v = c->floats.isEmpty() ? double(c->ints[0]) : c->floats[0];
            (k == 1 ? lo : hi) = v;
        }
    }
    if (lo == 0 && hi == 6)
        return simple(n, index, "relu6");
    if (lo == 0 && hi == inf)
        return simple(n, index, "relu");
    return opaque(QCoreApplication::translate("naqsh::Import",
                                              "only Clip to 0..6 (ReLU6) or 0..∞ (ReLU) is "
                                              "modelled, and this one clips to %1..%2")
                      .arg(lo)
                      .arg(hi));
}

OnnxImporter::Outcome OnnxImporter::reshape(const OnnxNode &n, int index)
{
    const OnnxTensorInfo *in = shapeOf(n.inputs.value(0));
    const OnnxTensorInfo *out = shapeOf(n.outputs.value(0));
    const qint64 inBatch = in && !in->dims.isEmpty() ? in->dims[0] : -1;
    qint64 perSample = -1;
    if (in && in->dims.size() >= 2) {
        perSample = 1;
        for (int i = 1; i < in->dims.size(); ++i) {
            if (in->dims[i] < 1 || in->dims[i] > kMaxSize ||
                perSample > std::numeric_limits<qint64>::max() / kMaxSize) {
                perSample = -1;
                break;
            }
            perSample *= in->dims[i];
        }
    }
    const std::optional<OnnxTensorInfo> target = constant(n, 1);
    bool flattens = false;
    bool guessed = false;
    if (target && target->hasValues && target->ints.size() == 2) {
        const qint64 a = target->ints[0], b = target->ints[1];
        const bool batchOk = a == 0 || (inBatch >= 1 && a == inBatch) || (inBatch < 0 && a == 1);
        flattens =
            (b == -1 && batchOk) || (perSample > 0 && b == perSample && (batchOk || a == -1));
    } else if (!target || !target->hasValues) {
        // Shape computed at run time (x.view(x.size(0), -1)): judge by the shapes.
        const qint64 inRank = in ? in->dims.size() : -1;
        if (out && out->dims.size() == 2 && (inRank == 4 || inRank == 3)) {
            const bool batchOk = out->dims[0] < 1 || inBatch < 1 || out->dims[0] == inBatch;
            const bool featOk = out->dims[1] < 1 || perSample < 1 || out->dims[1] == perSample;
            flattens = batchOk && featOk;
            guessed = flattens && (out->dims[0] < 1 || out->dims[1] < 1);
        } else if (!out && target && target->rankKnown && target->dims == QVector<qint64>{2} &&
                   (inRank == 4 || inRank == 3)) {
            // Only the target's length (2) is known: the output is N×something.
            flattens = guessed = true;
        }
    }
    if (!flattens) {
        if (target && target->hasValues && !target->ints.isEmpty()) {
            if (n.attrInt(u"allowzero", 0) != 0 && target->ints.contains(0))
                return opaque(QCoreApplication::translate(
                    "naqsh::Import", "it uses allowzero, where 0 means an empty dimension"));
            return reshapeTo(n, index, target->ints);
        }
        if (out && !out->dims.isEmpty() &&
            std::all_of(out->dims.cbegin(), out->dims.cend(), [](qint64 v) { return v >= 1; })) {
            QVector<qint64> dims = out->dims;
            if (inBatch >= 1 && dims[0] == inBatch)
                dims[0] = 0; // the batch follows the input
            return reshapeTo(n, index, dims);
        }
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "its target shape is computed at run time and "
                                                  "shape inference does not give it"));
    }
    if (guessed) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "node %1: the target shape is computed at run time; "
                                         "Naqsh assumes it flattens each sample")
                 .arg(n.displayName(index)));
    }
    return simple(n, index, "flatten");
}

std::optional<QVector<qint64>> OnnxImporter::intsOf(const OnnxNode &n, int k, QStringView attr)
{
    if (hasInput(n, k)) {
        const std::optional<OnnxTensorInfo> c = constant(n, k);
        if (!c || !c->hasValues)
            return std::nullopt;
        return c->ints;
    }
    return n.attrInts(attr);
}

OnnxImporter::Outcome OnnxImporter::reshapeTo(const OnnxNode &n, int index,
                                              const QVector<qint64> &target)
{
    QStringList parts;
    for (qint64 v : target)
        parts << QString::number(v);
    LayerDraft d = m_builder.draft("reshape");
    d.set(u"shape", parts.join(QStringLiteral(", ")));
    return commit(d, n, index, {data(n, 0)});
}

OnnxImporter::Outcome OnnxImporter::tensorOp(const OnnxNode &n, int index)
{
    const QString &op = n.opType;
    const qint64 rank = rankOf(n.inputs.value(0));
    auto listText = [](const QVector<qint64> &v) {
        QStringList parts;
        for (qint64 x : v)
            parts << QString::number(x);
        return parts.join(QStringLiteral(", "));
    };
    const QString notConstant =
        QCoreApplication::translate("naqsh::Import", "its axes are not constant");
    if (op == u"Transpose") {
        QVector<qint64> perm = n.attrInts(u"perm");
        if (perm.isEmpty()) {
            if (rank < 0)
                return opaque(
                    QCoreApplication::translate("naqsh::Import", "its input's rank is unknown"));
            for (qint64 i = rank - 1; i >= 0; --i)
                perm << i;
        }
        LayerDraft d = m_builder.draft("permute");
        d.set(u"dims", listText(perm));
        return commit(d, n, index, {data(n, 0)});
    }
    if (op == u"Squeeze" || op == u"Unsqueeze") {
        const std::optional<QVector<qint64>> axes = intsOf(n, 1, u"axes");
        if (!axes)
            return opaque(notConstant);
        QVector<qint64> list = *axes;
        if (list.isEmpty() && op == u"Squeeze") {
            // ONNX removes every size-1 dimension, the batch included.
            const OnnxTensorInfo *in = shapeOf(n.inputs.value(0));
            for (int i = 0; in && i < in->dims.size(); ++i)
                if (in->dims[i] == 1)
                    list << i;
            if (!in || list.isEmpty())
                return opaque(
                    QCoreApplication::translate("naqsh::Import", "its input's sizes are unknown"));
        }
        LayerDraft d = m_builder.draft(op == u"Squeeze" ? "squeeze" : "unsqueeze");
        d.set(u"axes", listText(list));
        return commit(d, n, index, {data(n, 0)});
    }
    if (op == u"Slice") {
        const bool old = m_model.opsetVersion > 0 && m_model.opsetVersion < 10;
        const std::optional<QVector<qint64>> starts =
            old ? n.attrInts(u"starts") : intsOf(n, 1, u"");
        const std::optional<QVector<qint64>> ends = old ? n.attrInts(u"ends") : intsOf(n, 2, u"");
        std::optional<QVector<qint64>> axes = old ? n.attrInts(u"axes") : intsOf(n, 3, u"");
        const std::optional<QVector<qint64>> steps =
            old ? std::optional<QVector<qint64>>(QVector<qint64>{}) : intsOf(n, 4, u"");
        if (!starts || !ends || !axes || !steps || starts->size() != 1 || ends->size() != 1)
            return opaque(QCoreApplication::translate(
                "naqsh::Import", "only a constant slice of one axis is modelled"));
        const qint64 step = steps->isEmpty() ? 1 : steps->at(0);
        if (step < 1)
            return opaque(
                QCoreApplication::translate("naqsh::Import", "only positive steps are modelled"));
        constexpr qint64 kEnd = 1'000'000'000'000'000;
        LayerDraft d = m_builder.draft("slice");
        d.set(u"axis", axes->isEmpty() ? qint64(0) : axes->at(0));
        d.set(u"start", std::clamp(starts->at(0), -kEnd, kEnd));
        d.set(u"end", std::clamp(ends->at(0), -kEnd, kEnd));
        d.set(u"step", step);
        return commit(d, n, index, {data(n, 0)});
    }
    if (op == u"Split") {
        // One Slice layer per output: the same pieces and costs as a Split, and every output
        // tensor keeps its own layer.
        const OnnxTensorInfo *in = shapeOf(n.inputs.value(0));
        qint64 axis = n.attrInt(u"axis", 0);
        if (in && axis < 0)
            axis += in->dims.size();
        const std::optional<QVector<qint64>> given =
            m_model.opsetVersion >= 13 ? intsOf(n, 1, u"") : n.attrInts(u"split");
        if (!given)
            return opaque(
                QCoreApplication::translate("naqsh::Import", "its sizes are not constant"));
        QVector<qint64> sizes = *given;
        const int outputs = int(n.outputs.size());
        if (sizes.isEmpty()) {
            const qint64 size = in && axis >= 0 && axis < in->dims.size() ? in->dims[axis] : -1;
            if (size < 1 || outputs < 1)
                return opaque(QCoreApplication::translate("naqsh::Import",
                                                          "the size of its axis is unknown"));
            const qint64 each = (size + outputs - 1) / outputs; // the last piece may be smaller
            for (int k = 0; k < outputs; ++k)
                sizes << std::min(each, size - each * k);
        }
        if (sizes.size() != outputs)
            return opaque(
                QCoreApplication::translate("naqsh::Import", "it gives %1 sizes for %2 outputs")
                    .arg(sizes.size())
                    .arg(outputs));
        const LayerId source = data(n, 0);
        if (!source.isValid())
            return opaque();
        QVector<LayerDraft> drafts;
        qint64 start = 0;
        for (int k = 0; k < outputs; ++k) {
            LayerDraft d = m_builder.draft("slice");
            d.set(u"axis", axis);
            d.set(u"start", start);
            d.set(u"end", start + sizes[k]);
            start += sizes[k];
            if (!d.ok())
                return opaque(d.problem());
            drafts << d;
        }
        for (int k = 0; k < outputs; ++k) {
            const LayerId id = m_builder.add(
                drafts[k], baseName(n, index) + (k ? QStringLiteral("_%1").arg(k) : QString()),
                {source});
            if (!n.outputs[k].isEmpty())
                bind(n.outputs[k], Value::ofLayer(id));
        }
        return Outcome::Done;
    }
    if (op == u"DepthToSpace") {
        LayerDraft d = m_builder.draft("pixel_shuffle");
        d.set(u"upscale_factor", n.attrInt(u"blocksize", 2));
        d.set(u"mode", n.attrString(u"mode", QStringLiteral("DCR")).toLower());
        return commit(d, n, index, {data(n, 0)});
    }
    // ReduceMean (other axes), ReduceSum (axes an input from opset 13), ReduceMax.
    const bool axesInput = op == u"ReduceSum" && m_model.opsetVersion >= 13;
    std::optional<QVector<qint64>> axes =
        axesInput ? intsOf(n, 1, u"") : std::optional<QVector<qint64>>(n.attrInts(u"axes"));
    if (op == u"ReduceMean" && hasInput(n, 1))
        axes = intsOf(n, 1, u"");
    if (!axes)
        return opaque(notConstant);
    if (axes->isEmpty()) {
        if (n.attrInt(u"noop_with_empty_axes", 0) != 0)
            return simple(n, index, "identity");
        if (rank < 0)
            return opaque(
                QCoreApplication::translate("naqsh::Import", "its input's rank is unknown"));
        for (qint64 i = 0; i < rank; ++i)
            axes->append(i); // ONNX reduces every dimension, the batch included
    }
    LayerDraft d = m_builder.draft(op == u"ReduceSum"   ? "reduce_sum"
                                   : op == u"ReduceMax" ? "reduce_max"
                                                        : "reduce_mean");
    d.set(u"axes", listText(*axes));
    d.set(u"keepdims", n.attrInt(u"keepdims", 1) != 0);
    return commit(d, n, index, {data(n, 0)});
}

OnnxImporter::Outcome OnnxImporter::pad(const OnnxNode &n, int index)
{
    if (n.attrString(u"mode", QStringLiteral("constant")) != u"constant")
        return opaque(
            QCoreApplication::translate("naqsh::Import", "only zero padding is modelled"));
    QVector<qint64> pads;
    double fill = 0;
    if (m_model.opsetVersion > 0 && m_model.opsetVersion < 11) {
        pads = n.attrInts(u"pads");
        fill = n.attrFloat(u"value", 0.0);
    } else {
        const std::optional<OnnxTensorInfo> p = constant(n, 1);
        if (!p || !p->hasValues)
            return opaque(
                QCoreApplication::translate("naqsh::Import", "its pads are not constant"));
        pads = p->ints;
        if (hasInput(n, 2)) {
            const std::optional<OnnxTensorInfo> v = constant(n, 2);
            if (!v || !v->hasValues)
                return opaque(QCoreApplication::translate("naqsh::Import",
                                                          "its padding value is not constant"));
            fill =
                v->floats.isEmpty() ? (v->ints.isEmpty() ? 0.0 : double(v->ints[0])) : v->floats[0];
        }
        if (hasInput(n, 3))
            return opaque(QCoreApplication::translate("naqsh::Import",
                                                      "padding selected axes is not modelled"));
    }
    if (std::all_of(pads.cbegin(), pads.cend(), [](qint64 p) { return p == 0; }))
        return simple(n, index, "identity"); // Swin pads to whole windows, often by nothing
    if (fill != 0)
        return opaque(
            QCoreApplication::translate("naqsh::Import", "only zero padding is modelled"));
    if (pads.size() != 8 || pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0 ||
        !inRange(pads, 0, kMaxAttr))
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "only non-negative padding of height and width "
                                                  "is modelled"));
    LayerDraft d = m_builder.draft("zeropad2d");
    d.set(u"top", pads[2]);
    d.set(u"left", pads[3]);
    d.set(u"bottom", pads[6]);
    d.set(u"right", pads[7]);
    return commit(d, n, index, {data(n, 0)});
}

OnnxImporter::Outcome OnnxImporter::resize(const OnnxNode &n, int index)
{
    const OnnxTensorInfo *in = shapeOf(n.inputs.value(0));
    const OnnxTensorInfo *out = shapeOf(n.outputs.value(0));
    if (in && in->dims.size() != 4)
        return opaque(QCoreApplication::translate("naqsh::Import",
                                                  "only resizing 4-D N×C×H×W tensors is modelled"));
    QVector<double> scales;
    QVector<qint64> sizes;
    auto floatsOf = [](const OnnxTensorInfo &t) {
        QVector<double> v = t.floats;
        if (v.isEmpty()) {
            for (qint64 i : t.ints)
                v << double(i);
        }
        return v;
    };
    if (n.opType == u"Upsample") {
        if (const std::optional<OnnxTensorInfo> s = constant(n, 1); s && s->hasValues)
            scales = floatsOf(*s);
        else
            scales = n.attrFloats(u"scales");
    } else {
        const int scalesInput = m_model.opsetVersion == 10 ? 1 : 2;
        if (const std::optional<OnnxTensorInfo> s = constant(n, scalesInput); s && s->hasValues)
            scales = floatsOf(*s);
        if (const std::optional<OnnxTensorInfo> s = constant(n, 3); s && s->hasValues)
            sizes = s->ints;
    }
    const bool inKnown = in && in->dims[2] >= 1 && in->dims[3] >= 1 && in->dims[2] <= kMaxSize &&
                         in->dims[3] <= kMaxSize;
    if (scales.size() != 4 && sizes.size() != 4 && out && out->dims.size() == 4 &&
        out->dims[2] >= 1 && out->dims[3] >= 1)
        sizes = out->dims;
    double sh = 0, sw = 0;
    if (scales.size() == 4) {
        if (scales[0] != 1 || scales[1] != 1)
            return opaque(QCoreApplication::translate("naqsh::Import",
                                                      "it resizes the batch or the channels"));
        sh = scales[2];
        sw = scales[3];
    } else if (sizes.size() == 4 && inKnown) {
        if (in->dims[0] >= 1 && sizes[0] != in->dims[0])
            return opaque(QCoreApplication::translate("naqsh::Import",
                                                      "it resizes the batch or the channels"));
        if (sizes[1] != in->dims[1] || !inRange(sizes.mid(2), 1, kMaxSize))
            return opaque(QCoreApplication::translate("naqsh::Import",
                                                      "it resizes the batch or the channels"));
        // A scale whose floor(in × scale) gives exactly the requested size.
        auto scaleFor = [](qint64 from, qint64 to) {
            double s = double(to) / double(from);
            while (std::floor(double(from) * s) < double(to))
                s = std::nextafter(s, std::numeric_limits<double>::infinity());
            return s;
        };
        sh = scaleFor(in->dims[2], sizes[2]);
        sw = scaleFor(in->dims[3], sizes[3]);
    } else {
        return opaque(QCoreApplication::translate("naqsh::Import", "its scales are not constant"));
    }
    const QString mode = n.attrString(u"mode", QStringLiteral("nearest"));
    LayerDraft d = m_builder.draft("upsample");
    if (mode == u"nearest") {
        d.set(u"mode", QStringLiteral("nearest"));
    } else {
        d.set(u"mode", QStringLiteral("bilinear"));
        if (mode != u"linear" && mode != u"bilinear") {
            warn(QCoreApplication::translate("naqsh::Import",
                                             "node %1: %2 interpolation is counted as bilinear")
                     .arg(n.displayName(index), mode));
        }
    }
    d.set(u"scale_h", sh);
    d.set(u"scale_w", sw);
    return commit(d, n, index, {data(n, 0)});
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

} // namespace

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
