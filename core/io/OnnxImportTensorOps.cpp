#include "OnnxImporterImpl.h"

#include "OnnxFold.h"
#include "analysis/AnalysisEngine.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace naqsh {
namespace onnximport {

namespace {

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

} // namespace

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
    // Any other bounds (F.normalize's 1e-12 floor under a norm): a clamp.
    LayerDraft d = m_builder.draft("clamp");
    d.set(u"has_min", lo != -inf);
    if (lo != -inf)
        d.set(u"min", lo);
    d.set(u"has_max", hi != inf);
    if (hi != inf)
        d.set(u"max", hi);
    return commit(d, n, index, {data(n, 0)});
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
    if (op == u"Expand") {
        // The sizes are an input: a constant, or Shape of a layer's output folded at import.
        const std::optional<QVector<qint64>> sizes = intsOf(n, 1, u"");
        if (!sizes || sizes->isEmpty())
            return opaque(
                QCoreApplication::translate("naqsh::Import", "its sizes are not constant"));
        LayerDraft d = m_builder.draft("expand");
        d.set(u"shape", listText(*sizes));
        return commit(d, n, index, {data(n, 0)});
    }
    if (op == u"DepthToSpace") {
        LayerDraft d = m_builder.draft("pixel_shuffle");
        d.set(u"upscale_factor", n.attrInt(u"blocksize", 2));
        d.set(u"mode", n.attrString(u"mode", QStringLiteral("DCR")).toLower());
        return commit(d, n, index, {data(n, 0)});
    }
    // ReduceMean (other axes), ReduceSum (axes an input from opset 13), ReduceMax, ReduceL2
    // (axes an input from opset 18 for the three others: read from the input when it is there).
    const bool axesInput = (op == u"ReduceSum" && m_model.opsetVersion >= 13) ||
                           (op != u"ReduceMean" && hasInput(n, 1));
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
                                   : op == u"ReduceL2"  ? "reduce_l2"
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
    if (!inRange(pads, 0, kMaxAttr))
        return opaque(
            QCoreApplication::translate("naqsh::Import", "only non-negative padding is modelled"));
    if (pads.size() != 8 || pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0) {
        // Other dimensions or ranks (Swin's N×H×W×C map padded to whole windows): a general Pad.
        LayerDraft d = m_builder.draft("pad");
        QStringList parts;
        for (qint64 v : pads)
            parts << QString::number(v);
        d.set(u"pads", parts.join(QStringLiteral(", ")));
        return commit(d, n, index, {data(n, 0)});
    }
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

} // namespace onnximport
} // namespace naqsh
