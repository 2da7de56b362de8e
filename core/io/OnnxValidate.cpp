#include "OnnxValidate.h"

#include "OnnxReader.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <queue>

namespace naqsh {

namespace {

// Bounds on window attributes. Beyond them the library's size arithmetic overflows 64 bits (and
// its SAME-padding loop can run for ever); below them, absurd but harmless values (a stride of
// 10^18) pass, and the importer turns such layers into opaque ones with a warning.
constexpr qint64 kMaxDim = qint64(1) << 31;
constexpr qint64 kMaxStride = qint64(1) << 62;
constexpr qint64 kMaxKernel = qint64(1) << 62;
constexpr qint64 kMaxPad = kMaxDim;
constexpr qint64 kMaxDilation = kMaxDim;
constexpr qint64 kMaxBlock = qint64(1) << 20;

QString nodeLabel(const OnnxNode &n, int index)
{
    // The same form as the importer's messages: the name when there is one, else the index.
    if (n.name.isEmpty())
        return QCoreApplication::translate("naqsh::OnnxValidate", "node #%1 (%2)")
            .arg(index)
            .arg(n.opType);
    return QCoreApplication::translate("naqsh::OnnxValidate", "node '%1' (%2)")
        .arg(n.name, n.opType);
}

QString listText(const QVector<qint64> &v)
{
    QStringList parts;
    for (const qint64 x : v)
        parts << QString::number(x);
    return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
}

/// The ranks a tensor can have: the one declared in the file and the one the operators imply
/// (they agree in a valid file). Empty when nothing is known.
using Ranks = QVector<int>;

void addRank(Ranks &r, qint64 rank)
{
    if (rank >= 0 && rank < 1024 && !r.contains(int(rank)))
        r.append(int(rank));
}

enum class ConvKind { None, Conv, ConvTranspose, Pool, Unpool };

struct ConvSpec
{
    ConvKind kind = ConvKind::None;
    int weightInput = -1; ///< index of the weight input, -1 for pools
    bool needsKernelShape = false;
};

ConvSpec convSpec(const OnnxNode &n)
{
    if (!n.isStandardDomain())
        return {};
    const QString &op = n.opType;
    if (op == u"Conv" || op == u"ConvInteger")
        return {ConvKind::Conv, 1, false};
    if (op == u"QLinearConv")
        return {ConvKind::Conv, 3, false};
    if (op == u"ConvTranspose")
        return {ConvKind::ConvTranspose, 1, false};
    if (op == u"MaxPool" || op == u"AveragePool" || op == u"LpPool")
        return {ConvKind::Pool, -1, true};
    if (op == u"MaxUnpool")
        return {ConvKind::Unpool, -1, true};
    return {};
}

class Validator
{
public:
    explicit Validator(const OnnxModel &model)
        : m_model(model)
    {
    }

    QString run()
    {
        QVector<int> order;
        QString problem = topologicalOrder(order);
        if (!problem.isEmpty())
            return problem;
        for (const OnnxTensorInfo &info : m_model.valueInfo) {
            if (info.rankKnown)
                addRank(m_ranks[info.name], info.dims.size());
        }
        for (const OnnxTensorInfo &info : m_model.initializers) {
            addRank(m_ranks[info.name], info.dims.size());
            if (info.hasValues)
                m_constInts.insert(info.name, info.ints);
        }
        for (const int index : order) {
            const OnnxNode &n = m_model.nodes[index];
            problem = checkNode(n, index);
            if (!problem.isEmpty())
                return problem;
            propagate(n);
        }
        return {};
    }

private:
    // Kahn's algorithm over the nodes; a node left over is on (or behind) a cycle.
    QString topologicalOrder(QVector<int> &order)
    {
        const int count = int(m_model.nodes.size());
        QHash<QString, int> producer;
        for (int i = 0; i < count; ++i) {
            for (const QString &out : m_model.nodes[i].outputs) {
                if (!out.isEmpty() && !producer.contains(out))
                    producer.insert(out, i);
            }
        }
        QVector<int> pending(count, 0);
        QVector<QVector<int>> users(count);
        for (int i = 0; i < count; ++i) {
            for (const QString &in : m_model.nodes[i].inputs) {
                const auto it = producer.constFind(in);
                if (in.isEmpty() || it == producer.cend())
                    continue;
                ++pending[i];
                users[it.value()].append(i);
            }
        }
        std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
        for (int i = 0; i < count; ++i) {
            if (pending[i] == 0)
                ready.push(i);
        }
        while (!ready.empty()) {
            const int i = ready.top();
            ready.pop();
            order.append(i);
            for (const int u : users[i]) {
                if (--pending[u] == 0)
                    ready.push(u);
            }
        }
        if (order.size() == count)
            return {};
        for (int i = 0; i < count; ++i) {
            if (pending[i] == 0)
                continue;
            const OnnxNode &n = m_model.nodes[i];
            for (const QString &in : n.inputs) {
                const auto it = producer.constFind(in);
                if (!in.isEmpty() && it != producer.cend() && pending[it.value()] > 0) {
                    return QCoreApplication::translate(
                               "naqsh::OnnxValidate",
                               "the graph has a cycle: %1 needs '%2' from %3, which depends, "
                               "directly or through other nodes, on the first node's output; an "
                               "ONNX graph must have no cycles")
                        .arg(nodeLabel(n, i), in, nodeLabel(m_model.nodes[it.value()], it.value()));
                }
            }
        }
        return QCoreApplication::translate(
            "naqsh::OnnxValidate", "the graph has a cycle; an ONNX graph must have no cycles");
    }

    Ranks ranksOf(const QString &tensor) const { return m_ranks.value(tensor); }

    /// The one rank of a tensor, or -1 when it is unknown or ambiguous.
    int rankOf(const QString &tensor) const
    {
        const Ranks r = ranksOf(tensor);
        return r.size() == 1 ? r.first() : -1;
    }

    bool constInts(const QString &tensor, QVector<qint64> &out) const
    {
        const auto it = m_constInts.constFind(tensor);
        if (it == m_constInts.cend())
            return false;
        out = it.value();
        return true;
    }

    /// Length of a 1-D tensor (a shape or axes list), or -1.
    qint64 lengthOf(const QString &tensor) const
    {
        QVector<qint64> values;
        if (constInts(tensor, values))
            return values.size();
        const auto init = m_model.initializers.constFind(tensor);
        if (init != m_model.initializers.cend() && init->dims.size() == 1)
            return init->dims[0];
        const auto vi = m_model.valueInfo.constFind(tensor);
        if (vi != m_model.valueInfo.cend() && vi->rankKnown && vi->dims.size() == 1)
            return vi->dims[0];
        return -1;
    }

    // -- checks ---------------------------------------------------------------------------------

    QString attrProblem(const OnnxNode &n, int index, const QString &attr,
                        const QString &what) const
    {
        return QCoreApplication::translate("naqsh::OnnxValidate", "%1, attribute '%2': %3")
            .arg(nodeLabel(n, index), attr, what);
    }

    /// Reads an integer-list attribute; a problem when it has another kind.
    QString intsAttr(const OnnxNode &n, int index, const QString &name, QVector<qint64> &out,
                     bool &present) const
    {
        present = false;
        const OnnxAttribute *a = n.attribute(name);
        if (!a)
            return {};
        if (a->kind != OnnxAttribute::Kind::Ints) {
            return attrProblem(n, index, name,
                               QCoreApplication::translate(
                                   "naqsh::OnnxValidate",
                                   "must be a list of integers, but the file stores another kind "
                                   "of value"));
        }
        present = true;
        out = a->ints;
        return {};
    }

    QString checkRange(const OnnxNode &n, int index, const QString &name,
                       const QVector<qint64> &values, qint64 lo, qint64 hi) const
    {
        for (const qint64 v : values) {
            if (v < lo || v > hi) {
                return attrProblem(n, index, name,
                                   QCoreApplication::translate(
                                       "naqsh::OnnxValidate",
                                       "%1 has a value out of range: every value must be from %2 "
                                       "to %3")
                                       .arg(listText(values))
                                       .arg(lo)
                                       .arg(hi));
            }
        }
        return {};
    }

    QString checkConv(const OnnxNode &n, int index, const ConvSpec &spec) const
    {
        struct ListAttr
        {
            QString name;
            qint64 lo;
            qint64 hi;
            int lengthFactor; ///< expected length = factor × spatial rank
            QVector<qint64> values;
            bool present = false;
        };
        QVector<ListAttr> lists = {
            {QStringLiteral("kernel_shape"), 1, kMaxKernel, 1, {}},
            {QStringLiteral("strides"), 1, kMaxStride, 1, {}},
            {QStringLiteral("dilations"), 1, kMaxDilation, 1, {}},
            {QStringLiteral("pads"), 0, kMaxPad, 2, {}},
        };
        if (spec.kind == ConvKind::ConvTranspose) {
            lists.append({QStringLiteral("output_padding"), 0, kMaxPad, 1, {}});
            lists.append({QStringLiteral("output_shape"), 1, kMaxDim, 1, {}});
        }
        for (ListAttr &l : lists) {
            QString problem = intsAttr(n, index, l.name, l.values, l.present);
            if (problem.isEmpty() && l.present)
                problem = checkRange(n, index, l.name, l.values, l.lo, l.hi);
            if (!problem.isEmpty())
                return problem;
        }
        // The dilated kernel, (kernel - 1) × dilation + 1, must fit in 64 bits too.
        if (lists[0].present && lists[2].present) {
            for (int k = 0; k < std::min(lists[0].values.size(), lists[2].values.size()); ++k) {
                if (lists[0].values[k] - 1 > kMaxKernel / lists[2].values[k]) {
                    return attrProblem(
                        n, index, QStringLiteral("dilations"),
                        QCoreApplication::translate(
                            "naqsh::OnnxValidate",
                            "%1 with kernel_shape %2 makes a kernel wider than "
                            "2^62")
                            .arg(listText(lists[2].values), listText(lists[0].values)));
                }
            }
        }
        if (spec.needsKernelShape && !lists[0].present) {
            return QCoreApplication::translate(
                       "naqsh::OnnxValidate",
                       "%1: attribute 'kernel_shape' is missing; the operator needs it")
                .arg(nodeLabel(n, index));
        }
        if (const OnnxAttribute *a = n.attribute(u"auto_pad")) {
            static const QStringList known = {
                QStringLiteral("NOTSET"), QStringLiteral("SAME_UPPER"),
                QStringLiteral("SAME_LOWER"), QStringLiteral("VALID")};
            if (a->kind != OnnxAttribute::Kind::String || !known.contains(a->s)) {
                return attrProblem(
                    n, index, QStringLiteral("auto_pad"),
                    QCoreApplication::translate(
                        "naqsh::OnnxValidate",
                        "'%1' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID")
                        .arg(a->kind == OnnxAttribute::Kind::String ? a->s : QString()));
            }
        }
        if (const OnnxAttribute *a = n.attribute(u"group")) {
            if (a->kind != OnnxAttribute::Kind::Int || a->i < 1 || a->i > kMaxDim) {
                return attrProblem(n, index, QStringLiteral("group"),
                                   QCoreApplication::translate(
                                       "naqsh::OnnxValidate", "must be a whole number from 1 to %1")
                                       .arg(kMaxDim));
            }
        }
        for (const char *flag : {"ceil_mode", "storage_order", "count_include_pad"}) {
            const QString flagName = QString::fromLatin1(flag);
            const OnnxAttribute *a = n.attribute(flagName);
            if (a && (a->kind != OnnxAttribute::Kind::Int || a->i < 0 || a->i > 1)) {
                return attrProblem(
                    n, index, flagName,
                    QCoreApplication::translate("naqsh::OnnxValidate", "must be 0 or 1"));
            }
        }

        // Lengths: every list must fit one spatial rank, which the data input and the weight
        // (when known) must agree on.
        const QString &x = n.inputs.value(0);
        const Ranks xRanks = ranksOf(x);
        for (const int r : xRanks) {
            if (r < 3) {
                return QCoreApplication::translate(
                           "naqsh::OnnxValidate",
                           "%1: input '%2' has %3 dimension(s); the operator needs at least 3 "
                           "(batch, channels and one or more spatial dimensions)")
                    .arg(nodeLabel(n, index), x)
                    .arg(r);
            }
        }
        if (xRanks.size() > 1) {
            return QCoreApplication::translate(
                       "naqsh::OnnxValidate",
                       "%1: input '%2' is declared with %3 dimensions in the file, but the nodes "
                       "before it give it %4")
                .arg(nodeLabel(n, index), x)
                .arg(xRanks.first())
                .arg(xRanks.last());
        }
        int spatial = xRanks.isEmpty() ? -1 : xRanks.first() - 2;
        QString spatialFrom =
            QCoreApplication::translate("naqsh::OnnxValidate", "input '%1' has %2 dimensions")
                .arg(x)
                .arg(spatial + 2);
        if (spec.weightInput >= 0) {
            const QString &w = n.inputs.value(spec.weightInput);
            if (w.isEmpty()) {
                return QCoreApplication::translate("naqsh::OnnxValidate",
                                                   "%1: the weight input is missing")
                    .arg(nodeLabel(n, index));
            }
            for (const int wr : ranksOf(w)) {
                if (wr < 3) {
                    return QCoreApplication::translate(
                               "naqsh::OnnxValidate",
                               "%1: weight '%2' has %3 dimension(s); a convolution weight has at "
                               "least 3 (output channels, input channels, kernel)")
                        .arg(nodeLabel(n, index), w)
                        .arg(wr);
                }
                if (spatial >= 0 && wr != spatial + 2) {
                    return QCoreApplication::translate(
                               "naqsh::OnnxValidate",
                               "%1: weight '%2' has %3 dimensions but input '%4' has %5; they "
                               "must have the same number of dimensions")
                        .arg(nodeLabel(n, index), w)
                        .arg(wr)
                        .arg(x)
                        .arg(spatial + 2);
                }
                if (spatial < 0) {
                    spatial = wr - 2;
                    spatialFrom = QCoreApplication::translate("naqsh::OnnxValidate",
                                                              "weight '%1' has %2 dimensions")
                                      .arg(w)
                                      .arg(wr);
                }
            }
        }
        for (const ListAttr &l : lists) {
            if (!l.present || l.name == u"output_shape")
                continue;
            if (spatial < 0) {
                // Unknown rank: the lists must at least agree with each other.
                spatial = int(l.values.size() / l.lengthFactor);
                spatialFrom = QCoreApplication::translate("naqsh::OnnxValidate",
                                                          "attribute '%1' has %2 values")
                                  .arg(l.name)
                                  .arg(l.values.size());
            }
            if (l.values.size() != qsizetype(spatial) * l.lengthFactor) {
                return attrProblem(
                    n, index, l.name,
                    QCoreApplication::translate("naqsh::OnnxValidate",
                                                "%1 has %2 values, but %3, so it needs %4")
                        .arg(listText(l.values))
                        .arg(l.values.size())
                        .arg(spatialFrom)
                        .arg(qsizetype(spatial) * l.lengthFactor));
            }
        }
        if (spec.kind == ConvKind::ConvTranspose && lists[5].present && spatial >= 0 &&
            lists[5].values.size() != spatial && lists[5].values.size() != spatial + 2) {
            return attrProblem(
                n, index, QStringLiteral("output_shape"),
                QCoreApplication::translate("naqsh::OnnxValidate", "%1 has %2 values, but %3")
                    .arg(listText(lists[5].values))
                    .arg(lists[5].values.size())
                    .arg(spatialFrom));
        }
        return {};
    }

    QString checkNode(const OnnxNode &n, int index) const
    {
        if (!n.isStandardDomain())
            return {};
        const ConvSpec spec = convSpec(n);
        if (spec.kind != ConvKind::None)
            return checkConv(n, index, spec);
        const QString &op = n.opType;
        if (op == u"DepthToSpace" || op == u"SpaceToDepth") {
            const OnnxAttribute *a = n.attribute(u"blocksize");
            if (!a || a->kind != OnnxAttribute::Kind::Int || a->i < 1 || a->i > kMaxBlock) {
                return attrProblem(n, index, QStringLiteral("blocksize"),
                                   QCoreApplication::translate(
                                       "naqsh::OnnxValidate", "must be a whole number from 1 to %1")
                                       .arg(kMaxBlock));
            }
            for (const int r : ranksOf(n.inputs.value(0))) {
                if (r != 4) {
                    return QCoreApplication::translate(
                               "naqsh::OnnxValidate",
                               "%1: input '%2' has %3 dimension(s); the operator needs 4")
                        .arg(nodeLabel(n, index), n.inputs.value(0))
                        .arg(r);
                }
            }
        } else if (op == u"Split") {
            const bool anyOutput = std::any_of(n.outputs.cbegin(), n.outputs.cend(),
                                               [](const QString &o) { return !o.isEmpty(); });
            if (n.outputs.isEmpty() || !anyOutput)
                return QCoreApplication::translate("naqsh::OnnxValidate", "%1 has no outputs")
                    .arg(nodeLabel(n, index));
        } else if (op == u"Transpose") {
            QVector<qint64> perm;
            bool present = false;
            QString problem = intsAttr(n, index, QStringLiteral("perm"), perm, present);
            if (!problem.isEmpty() || !present)
                return problem;
            QVector<qint64> sorted = perm;
            std::sort(sorted.begin(), sorted.end());
            bool isPermutation = true;
            for (int k = 0; k < sorted.size(); ++k)
                isPermutation = isPermutation && sorted[k] == k;
            const int r = rankOf(n.inputs.value(0));
            if (!isPermutation || (r >= 0 && perm.size() != r)) {
                return attrProblem(
                    n, index, QStringLiteral("perm"),
                    QCoreApplication::translate("naqsh::OnnxValidate",
                                                "%1 is not an order of the input's %2 axes")
                        .arg(listText(perm))
                        .arg(r >= 0 ? r : perm.size()));
            }
        }
        return {};
    }

    // -- rank propagation -----------------------------------------------------------------------

    void setRank(const QString &tensor, qint64 rank)
    {
        if (!tensor.isEmpty())
            addRank(m_ranks[tensor], rank);
    }

    bool axesOf(const OnnxNode &n, QVector<qint64> &axes) const
    {
        if (n.hasAttribute(u"axes")) {
            axes = n.attrInts(u"axes");
            return true;
        }
        if (n.inputs.size() > 1 && !n.inputs[1].isEmpty())
            return constInts(n.inputs[1], axes);
        return false;
    }

    void propagate(const OnnxNode &n)
    {
        if (n.opType == u"Constant" && n.isStandardDomain()) {
            const OnnxAttribute *v = n.attribute(u"value");
            if (v && v->kind == OnnxAttribute::Kind::Tensor) {
                setRank(n.outputs.value(0), v->tensor.dims.size());
                if (v->tensor.hasValues)
                    m_constInts.insert(n.outputs.value(0), v->tensor.ints);
            } else if (n.hasAttribute(u"value_ints")) {
                setRank(n.outputs.value(0), 1);
                m_constInts.insert(n.outputs.value(0), n.attrInts(u"value_ints"));
            } else if (n.hasAttribute(u"value_int") || n.hasAttribute(u"value_float")) {
                setRank(n.outputs.value(0), 0);
            } else if (n.hasAttribute(u"value_floats")) {
                setRank(n.outputs.value(0), 1);
            }
            return;
        }
        const qint64 rank = outputRank(n);
        if (rank < 0)
            return;
        static const QSet<QString> allOutputs = {QStringLiteral("Split"), QStringLiteral("TopK"),
                                                 QStringLiteral("BatchNormalization"),
                                                 QStringLiteral("Dropout")};
        if (allOutputs.contains(n.opType) && n.opType != u"BatchNormalization") {
            for (const QString &out : n.outputs)
                setRank(out, rank);
        } else {
            setRank(n.outputs.value(0), rank);
        }
    }

    /// Rank of the node's first output as ONNX's rules give it, or -1 when Naqsh cannot tell.
    qint64 outputRank(const OnnxNode &n) const
    {
        if (!n.isStandardDomain())
            return -1;
        static const QSet<QString> sameRank = {"Relu",
                                               "LeakyRelu",
                                               "PRelu",
                                               "Sigmoid",
                                               "Tanh",
                                               "Elu",
                                               "Selu",
                                               "Celu",
                                               "Softplus",
                                               "Softsign",
                                               "HardSigmoid",
                                               "HardSwish",
                                               "Mish",
                                               "Gelu",
                                               "Erf",
                                               "Exp",
                                               "Log",
                                               "Sqrt",
                                               "Neg",
                                               "Abs",
                                               "Reciprocal",
                                               "Floor",
                                               "Ceil",
                                               "Round",
                                               "Sign",
                                               "Not",
                                               "Cast",
                                               "CastLike",
                                               "Identity",
                                               "Dropout",
                                               "Clip",
                                               "Softmax",
                                               "LogSoftmax",
                                               "Hardmax",
                                               "BatchNormalization",
                                               "InstanceNormalization",
                                               "LayerNormalization",
                                               "LRN",
                                               "MeanVarianceNormalization",
                                               "LpNormalization",
                                               "Conv",
                                               "ConvInteger",
                                               "QLinearConv",
                                               "ConvTranspose",
                                               "MaxPool",
                                               "AveragePool",
                                               "LpPool",
                                               "MaxUnpool",
                                               "GlobalMaxPool",
                                               "GlobalAveragePool",
                                               "GlobalLpPool",
                                               "Pad",
                                               "Slice",
                                               "Resize",
                                               "Upsample",
                                               "DepthToSpace",
                                               "SpaceToDepth",
                                               "Transpose",
                                               "Tile",
                                               "ReverseSequence",
                                               "CumSum",
                                               "Trilu",
                                               "Shrink",
                                               "ThresholdedRelu",
                                               "IsNaN",
                                               "IsInf",
                                               "QuantizeLinear",
                                               "DequantizeLinear",
                                               "Concat",
                                               "Split",
                                               "TopK",
                                               "Sin",
                                               "Cos",
                                               "Tan",
                                               "Asin",
                                               "Acos",
                                               "Atan",
                                               "Sinh",
                                               "Cosh",
                                               "Asinh",
                                               "Acosh",
                                               "Atanh"};
        static const QSet<QString> broadcast = {
            "Add", "Sub",  "Mul",   "Div",   "Pow",     "Max",         "Min",
            "Sum", "Mean", "Equal", "Less",  "Greater", "LessOrEqual", "GreaterOrEqual",
            "And", "Or",   "Xor",   "Where", "Mod",     "BitShift"};
        static const QSet<QString> reductions = {
            "ReduceMean", "ReduceSum", "ReduceMax",    "ReduceMin",       "ReduceProd",
            "ReduceL1",   "ReduceL2",  "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"};
        const QString &op = n.opType;
        const int r0 = rankOf(n.inputs.value(0));
        if (sameRank.contains(op))
            return r0;
        if (broadcast.contains(op)) {
            int rank = 0;
            for (const QString &in : n.inputs) {
                const int r = rankOf(in);
                if (r < 0)
                    return -1;
                rank = std::max(rank, r);
            }
            return rank;
        }
        if (op == u"Flatten" || op == u"Gemm")
            return 2;
        if (op == u"Shape")
            return 1;
        if (op == u"Size")
            return 0;
        if (op == u"Reshape" || op == u"ConstantOfShape")
            return lengthOf(n.inputs.value(op == u"Reshape" ? 1 : 0));
        if (op == u"Expand") {
            const qint64 len = lengthOf(n.inputs.value(1));
            return r0 < 0 || len < 0 ? -1 : std::max<qint64>(r0, len);
        }
        if (op == u"MatMul") {
            const int r1 = rankOf(n.inputs.value(1));
            if (r0 < 1 || r1 < 1)
                return -1;
            if (r0 == 1 && r1 == 1)
                return 0;
            if (r0 == 1)
                return r1 - 1;
            if (r1 == 1)
                return r0 - 1;
            return std::max(r0, r1);
        }
        if (op == u"Gather") {
            const int r1 = rankOf(n.inputs.value(1));
            return r0 < 1 || r1 < 0 ? -1 : r0 + r1 - 1;
        }
        QVector<qint64> axes;
        if (op == u"Squeeze") {
            if (r0 < 0 || !axesOf(n, axes))
                return -1;
            return r0 - axes.size();
        }
        if (op == u"Unsqueeze") {
            if (r0 < 0 || !axesOf(n, axes))
                return -1;
            return r0 + axes.size();
        }
        if (op == u"ArgMax" || op == u"ArgMin") {
            if (r0 < 1)
                return -1;
            return n.attrInt(u"keepdims", 1) ? r0 : r0 - 1;
        }
        if (reductions.contains(op)) {
            if (r0 < 0)
                return -1;
            if (n.attrInt(u"keepdims", 1))
                return r0;
            if (!axesOf(n, axes))
                return -1;
            return axes.isEmpty() ? 0 : r0 - axes.size();
        }
        return -1;
    }

    const OnnxModel &m_model;
    QHash<QString, Ranks> m_ranks;
    QHash<QString, QVector<qint64>> m_constInts;
};

} // namespace

QString validateOnnxForInference(const OnnxModel &model)
{
    return Validator(model).run();
}

} // namespace naqsh
