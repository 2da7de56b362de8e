#include "OnnxImporterImpl.h"

#include "OnnxEinsum.h"
#include "OnnxFold.h"
#include "analysis/AnalysisEngine.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace naqsh {
namespace onnximport {

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
        op == u"DepthToSpace" || op == u"ReduceSum" || op == u"ReduceMax" || op == u"ReduceL2" ||
        op == u"Split" || op == u"Expand")
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

} // namespace onnximport
} // namespace naqsh
