#pragma once

// The ONNX importer's class and the helpers its operator files share. Private to core/io:
// OnnxImporter.cpp (the walk over the graph, tensor lookups, opaque layers, the public entry
// points), OnnxImportOps.cpp (convolution, matrix products, arithmetic, activations) and
// OnnxImportTensorOps.cpp (pooling, reductions, shapes, padding, resizing).

#include "ImportBuilder.h"
#include "OnnxFusion.h"
#include "OnnxImporter.h"
#include "OnnxReader.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace naqsh {

class LayerRegistry;

namespace onnximport {

// Attribute values used in size arithmetic are checked against this bound first, so that no
// product can overflow; real models stay far below it.
constexpr qint64 kMaxAttr = qint64(1) << 20;
constexpr qint64 kMaxSize = qint64(1) << 31;
constexpr double kMaxOpaqueParams = 1e15;
constexpr int kNamesInWarning = 5;

inline bool inRange(const QVector<qint64> &values, qint64 lo, qint64 hi)
{
    return std::all_of(values.cbegin(), values.cend(),
                       [&](qint64 v) { return v >= lo && v <= hi; });
}

inline bool isFloatType(int elemType)
{
    return elemType == 1 || elemType == 10 || elemType == 11 || elemType == 16;
}

/// Operators whose output has the shape of their first input (broadcasting aside): used when
/// neither the file nor shape inference gives an opaque node's output shape.
bool isElementwise(const QString &op);

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

} // namespace onnximport
} // namespace naqsh
