// Reshape, Permute, Squeeze, Unsqueeze, Slice, ChannelShuffle, PixelShuffle: layers that move
// values between positions of a tensor of any rank without arithmetic. Each costs only its output
// tensor, as Flatten does.
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

const char *kShape = QT_TRANSLATE_NOOP("naqsh::layers", "Shape");
const char *kDims = QT_TRANSLATE_NOOP("naqsh::layers", "Order of dimensions");
const char *kAxes = QT_TRANSLATE_NOOP("naqsh::layers", "Axes");

Costs tensorOnly(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.activations = out.elements();
    return c;
}

QVector<FormulaLine> movesOnly(const QString &what, std::span<const TensorShape> in,
                               const TensorShape &out)
{
    return {{QCoreApplication::translate("naqsh::layers", "Output"),
             dimsText(in[0]) + QStringLiteral(" → ") + dimsText(out) + QStringLiteral(" = ") +
                 num(out.elements().value()),
             what},
            {QCoreApplication::translate("naqsh::layers", "Operations"), QStringLiteral("0"),
             QCoreApplication::translate("naqsh::layers",
                                         "values are only moved or re-read; nothing is computed")}};
}

QString textOf(const ParamValues &p, int index)
{
    return p.value(index).toString().simplified();
}

// ---- Reshape ----
ShapeResult reshapeShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Reshape")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    QVector<qint64> target;
    if (QString e = parseInts(p.value(0).toString(), kShape, &target); !e.isEmpty())
        return ShapeResult::fail(e);
    if (target.isEmpty() || target.size() > TensorShape::kMaxRank)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "Shape: give between 1 and %1 sizes, such as 0, -1, 768")
                .arg(TensorShape::kMaxRank));
    int inferred = -1;
    CheckedInt known = 1;
    for (int i = 0; i < target.size(); ++i) {
        qint64 &v = target[i];
        if (v == 0) {
            if (i >= x.rank)
                return ShapeResult::fail(
                    QCoreApplication::translate(
                        "naqsh::layers",
                        "Shape: 0 copies the input's size at the same position, but the input "
                        "%1 has no dimension %2")
                        .arg(x.toString())
                        .arg(i));
            v = x.dims[i];
        } else if (v == -1) {
            if (inferred >= 0)
                return ShapeResult::fail(QCoreApplication::translate(
                    "naqsh::layers", "Shape: only one size can be -1 (worked out from the rest)"));
            inferred = i;
            continue;
        } else if (v < -1) {
            return ShapeResult::fail(
                QCoreApplication::translate("naqsh::layers",
                                            "Shape: %1 is not a size (use -1 to infer one)")
                    .arg(v));
        }
        known *= v;
    }
    const CheckedInt total = x.elements();
    if (known.overflowed() || total.overflowed())
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "the reshaped size overflows"));
    if (inferred >= 0) {
        if (known.value() == 0 || total.value() % known.value() != 0)
            return ShapeResult::fail(
                QCoreApplication::translate(
                    "naqsh::layers",
                    "Reshape cannot fill -1: the input %1 has %2 values, which the other sizes "
                    "(product %3) do not divide")
                    .arg(x.toString())
                    .arg(total.value())
                    .arg(known.value()));
        target[inferred] = total.value() / known.value();
    } else if (known.value() != total.value()) {
        return ShapeResult::fail(
            QCoreApplication::translate(
                "naqsh::layers",
                "Reshape must keep the number of values: the input %1 has %2, the shape %3 has %4")
                .arg(x.toString())
                .arg(total.value())
                .arg(textOf(p, 0))
                .arg(known.value()));
    }
    const TensorShape out =
        TensorShape::of(std::span<const qint64>(target.data(), size_t(target.size())));
    if (QString e = checkDims(out); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(out);
}

QString listSummary(const ParamValues &p)
{
    QString t = textOf(p, 0);
    return t.replace(QLatin1Char(' '), QString());
}

QVector<FormulaLine> reshapeExplain(const ParamValues &, std::span<const TensorShape> in,
                                    const TensorShape &out)
{
    return movesOnly(QCoreApplication::translate(
                         "naqsh::layers",
                         "the same values in the same order, read with other sizes: 0 copies "
                         "the input's size, -1 is worked out so that the count stays the same"),
                     in, out);
}

// ---- Permute ----
ShapeResult permuteShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Permute")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    QVector<qint64> perm;
    if (QString e = parseInts(p.value(0).toString(), kDims, &perm); !e.isEmpty())
        return ShapeResult::fail(e);
    if (perm.size() != x.rank)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "Order of dimensions: the input %1 has %2 dimensions, so "
                                        "give %2 numbers, such as 0, 2, 3, 1")
                .arg(x.toString())
                .arg(x.rank));
    if (QString e = normaliseAxes(&perm, x.rank, kDims); !e.isEmpty())
        return ShapeResult::fail(e);
    TensorShape out = x;
    bool identity = true;
    for (int i = 0; i < x.rank; ++i) {
        out.dims[i] = x.dims[perm[i]];
        identity = identity && perm[i] == i;
    }
    if (!identity) {
        // Swapping the last two axes turns N×C×L into N×L×D tokens and back (ViT's patch
        // embedding); any other order leaves dimensions without names.
        const TensorLayout l = x.effectiveLayout();
        const bool swap12 = x.rank == 3 && perm[1] == 2;
        out.layout = swap12 && l == TensorLayout::Channels1d ? TensorLayout::Sequence
                     : swap12 && l == TensorLayout::Sequence ? TensorLayout::Channels1d
                                                             : TensorLayout::Plain;
    }
    return ShapeResult::ok(out);
}

QVector<FormulaLine> permuteExplain(const ParamValues &p, std::span<const TensorShape> in,
                                    const TensorShape &out)
{
    return movesOnly(QCoreApplication::translate("naqsh::layers",
                                                 "output dimension i is input dimension "
                                                 "order[i] (order %1); the values are copied "
                                                 "into the new order")
                         .arg(textOf(p, 0)),
                     in, out);
}

// ---- Squeeze and Unsqueeze ----
ShapeResult squeezeShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Squeeze")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    QVector<qint64> axes;
    if (QString e = parseInts(p.value(0).toString(), kAxes, &axes); !e.isEmpty())
        return ShapeResult::fail(e);
    if (axes.isEmpty()) {
        for (int i = 1; i < x.rank; ++i)
            if (x.dims[i] == 1)
                axes << i;
    }
    if (QString e = normaliseAxes(&axes, x.rank, kAxes); !e.isEmpty())
        return ShapeResult::fail(e);
    std::array<qint64, TensorShape::kMaxRank> dims{};
    int rank = 0;
    for (int i = 0; i < x.rank; ++i) {
        if (axes.contains(i)) {
            if (x.dims[i] != 1)
                return ShapeResult::fail(
                    QCoreApplication::translate("naqsh::layers",
                                                "Squeeze removes only dimensions of size 1, and "
                                                "dimension %1 of %2 has size %3")
                        .arg(i)
                        .arg(x.toString())
                        .arg(x.dims[i]));
            continue;
        }
        dims[size_t(rank++)] = x.dims[i];
    }
    return ShapeResult::ok(TensorShape::of(std::span<const qint64>(dims.data(), size_t(rank))));
}

ShapeResult unsqueezeShape(const ParamValues &p, std::span<const TensorShape> in,
                           const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Unsqueeze")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    QVector<qint64> axes;
    if (QString e = parseInts(p.value(0).toString(), kAxes, &axes); !e.isEmpty())
        return ShapeResult::fail(e);
    const int rank = x.rank + int(axes.size());
    if (axes.isEmpty() || rank > TensorShape::kMaxRank)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "Axes: give the positions of the new dimensions (at most "
                                        "%1 dimensions in all)")
                .arg(TensorShape::kMaxRank));
    if (QString e = normaliseAxes(&axes, rank, kAxes); !e.isEmpty())
        return ShapeResult::fail(e);
    std::array<qint64, TensorShape::kMaxRank> dims{};
    for (int i = 0, k = 0; i < rank; ++i)
        dims[size_t(i)] = axes.contains(i) ? 1 : x.dims[k++];
    return ShapeResult::ok(TensorShape::of(std::span<const qint64>(dims.data(), size_t(rank))));
}

QVector<FormulaLine> squeezeExplain(const ParamValues &, std::span<const TensorShape> in,
                                    const TensorShape &out)
{
    return movesOnly(QCoreApplication::translate(
                         "naqsh::layers", "dimensions of size 1 are removed or inserted; the "
                                          "values stay where they are"),
                     in, out);
}

// ---- Slice ----
enum SliceP { SAxis, SStart, SEnd, SStep };

ShapeResult sliceShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Slice")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    const int axis = x.axis(p.integer(SAxis));
    if (axis < 0)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "Axis %1 does not exist in the input %2")
                .arg(p.integer(SAxis))
                .arg(x.toString()));
    // Python's rules: negative positions count from the end; positions are clamped.
    const qint64 size = x.dims[axis];
    auto clampPos = [&](qint64 v) { return std::clamp<qint64>(v < 0 ? v + size : v, 0, size); };
    const qint64 start = clampPos(p.integer(SStart)), end = clampPos(p.integer(SEnd));
    const qint64 step = p.integer(SStep);
    const qint64 count = end > start ? (end - start + step - 1) / step : 0;
    if (count < 1)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "Slice %1:%2 of dimension %3 (size %4) is empty")
                .arg(p.integer(SStart))
                .arg(p.integer(SEnd))
                .arg(axis)
                .arg(size));
    TensorShape out = x;
    out.dims[axis] = count;
    return ShapeResult::ok(out);
}

QString sliceSummary(const ParamValues &p)
{
    QString s = QStringLiteral("[%1:%2").arg(p.integer(SStart)).arg(p.integer(SEnd));
    if (p.integer(SStep) != 1)
        s += QStringLiteral(":%1").arg(p.integer(SStep));
    return s + QStringLiteral("] @%1").arg(p.integer(SAxis));
}

QVector<FormulaLine> sliceExplain(const ParamValues &p, std::span<const TensorShape> in,
                                  const TensorShape &out)
{
    const int axis = in[0].axis(p.integer(SAxis));
    QVector<FormulaLine> lines = movesOnly(
        QCoreApplication::translate("naqsh::layers", "a range of one dimension is copied out"), in,
        out);
    lines.prepend(
        {QCoreApplication::translate("naqsh::layers", "Kept"),
         QStringLiteral("⌈(end − start) / step⌉ = %1").arg(out.dims[axis]),
         QCoreApplication::translate(
             "naqsh::layers", "positions start, start + step, … before end along dimension %1")
             .arg(axis)});
    return lines;
}

// ---- ChannelShuffle ----
ShapeResult shuffleShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "ChannelShuffle")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    const qint64 g = p.integer(0);
    if (x.rank < 2 || x.c() % g != 0)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "ChannelShuffle needs the channels (dimension 1) to be a "
                                        "multiple of the %1 groups, but the input is %2")
                .arg(g)
                .arg(x.toString()));
    return ShapeResult::ok(x);
}

QString groupsSummary(const ParamValues &p)
{
    return QStringLiteral("g=%1").arg(p.integer(0));
}

QVector<FormulaLine> shuffleExplain(const ParamValues &p, std::span<const TensorShape> in,
                                    const TensorShape &out)
{
    const qint64 g = p.integer(0), c = in[0].c();
    QVector<FormulaLine> lines = movesOnly(
        QCoreApplication::translate(
            "naqsh::layers",
            "the channels, seen as a %1 × %2 grid (groups × channels per group), are transposed "
            "so that every group of the next grouped convolution sees channels of every group")
            .arg(g)
            .arg(c / g),
        in, out);
    return lines;
}

// ---- PixelShuffle / DepthToSpace ----
enum PixP { Factor, PixMode };

ShapeResult pixelShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "PixelShuffle")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    const qint64 r = p.integer(Factor);
    if (x.c() % (r * r) != 0)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "PixelShuffle with factor %1 needs channels divisible by "
                                        "%1 × %1 = %2, but the input has %3")
                .arg(r)
                .arg(r * r)
                .arg(x.c()));
    const TensorShape out = TensorShape::nchw(x.n(), x.c() / (r * r), x.h() * r, x.w() * r);
    if (QString e = checkDims(out); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(out);
}

QString pixelSummary(const ParamValues &p)
{
    return QStringLiteral("×%1").arg(p.integer(Factor));
}

QVector<FormulaLine> pixelExplain(const ParamValues &p, std::span<const TensorShape> in,
                                  const TensorShape &out)
{
    const qint64 r = p.integer(Factor);
    QVector<FormulaLine> lines = movesOnly(
        QCoreApplication::translate("naqsh::layers",
                                    "each group of r² channels becomes an r × r block of pixels"),
        in, out);
    lines.prepend({QCoreApplication::translate("naqsh::layers", "Output"),
                   QStringLiteral("C / r² = %1 / %2 = %3;  H · r = %4;  W · r = %5")
                       .arg(in[0].c())
                       .arg(r * r)
                       .arg(out.c())
                       .arg(out.h())
                       .arg(out.w()),
                   QCoreApplication::translate("naqsh::layers", "r = %1").arg(r)});
    return lines;
}

/// ONNX Expand, PyTorch's expand: the input broadcast (NumPy's rule, both ways) with the sizes.
ShapeResult expandShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Expand")); !e.isEmpty())
        return ShapeResult::fail(e);
    QVector<qint64> sizes;
    if (QString e = parseInts(p.value(0).toString(), kShape, &sizes); !e.isEmpty())
        return ShapeResult::fail(e);
    if (sizes.size() > TensorShape::kMaxRank)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "%1: at most %2 sizes")
                .arg(tr(kShape))
                .arg(TensorShape::kMaxRank));
    for (qint64 d : sizes)
        if (d < 1)
            return ShapeResult::fail(
                QCoreApplication::translate("naqsh::layers",
                                            "%1: size %2 is not allowed; every size must be at "
                                            "least 1")
                    .arg(tr(kShape))
                    .arg(d));
    const TensorShape target =
        TensorShape::of(std::span<const qint64>(sizes.data(), size_t(sizes.size())));
    TensorShape out;
    int axis = 0;
    if (!TensorShape::broadcast(in[0], target, &out, &axis))
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "Expand cannot broadcast %1 to the sizes %2 (dimension "
                                        "%3); each dimension must be equal, or 1 in one of them")
                .arg(in[0].toString(), target.toString())
                .arg(axis));
    if (QString e = checkDims(out); !e.isEmpty())
        return ShapeResult::fail(e);
    if (out.rank == in[0].rank)
        out.layout = in[0].layout;
    return ShapeResult::ok(out);
}

QVector<FormulaLine> expandExplain(const ParamValues &, std::span<const TensorShape> in,
                                   const TensorShape &out)
{
    return movesOnly(QCoreApplication::translate("naqsh::layers",
                                                 "each value is repeated along the dimensions of "
                                                 "size 1; no arithmetic"),
                     in, out);
}

const char *kPads = QT_TRANSLATE_NOOP("naqsh::layers", "Padding");

/// The begin and end padding of each dimension, ONNX's order: x1_begin, x2_begin, …, x1_end, ….
QString padsOf(const ParamValues &p, const TensorShape &x, QVector<qint64> *pads)
{
    if (QString e = parseInts(p.value(0).toString(), kPads, pads); !e.isEmpty())
        return e;
    if (pads->size() != 2 * x.rank)
        return QCoreApplication::translate("naqsh::layers",
                                           "%1: %2 numbers for a tensor of rank %3, which needs "
                                           "%4 (the start of each dimension, then its end)")
            .arg(tr(kPads))
            .arg(pads->size())
            .arg(x.rank)
            .arg(2 * x.rank);
    for (qint64 v : *pads)
        if (v < 0 || v > qint64(kMaxDim))
            return QCoreApplication::translate("naqsh::layers",
                                               "%1: %2 is not allowed; padding is at least 0")
                .arg(tr(kPads))
                .arg(v);
    return {};
}

ShapeResult padShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Pad")); !e.isEmpty())
        return ShapeResult::fail(e);
    QVector<qint64> pads;
    if (QString e = padsOf(p, in[0], &pads); !e.isEmpty())
        return ShapeResult::fail(e);
    TensorShape out = in[0];
    for (int i = 0; i < out.rank; ++i)
        out.dims[i] += pads[i] + pads[i + out.rank];
    if (QString e = checkDims(out); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(out);
}

QVector<FormulaLine> padExplain(const ParamValues &, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    return movesOnly(QCoreApplication::translate("naqsh::layers",
                                                 "each size grows by its start and end padding; "
                                                 "the new values are zeros, no arithmetic"),
                     in, out);
}

LayerType tensorType(const char *id, const char *name, const char *help)
{
    LayerType t;
    t.id = QString::fromLatin1(id);
    t.displayName = name;
    t.shortName = name;
    t.category = QT_TRANSLATE_NOOP("naqsh::layers", "Shape and utility");
    t.help = help;
    t.cost = tensorOnly;
    return t;
}

} // namespace

void registerTensorLayers(LayerRegistry &registry)
{
    LayerType reshape = tensorType(
        "reshape", QT_TRANSLATE_NOOP("naqsh::layers", "Reshape"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Reads the same values with other sizes (PyTorch's view/reshape). In "
                          "the shape, 0 copies the input's size at that position and one -1 is "
                          "worked out from the rest: 0, -1 turns 1×256×6×6 into 1×9216, and "
                          "0, 768, -1 turns 1×768×14×14 into 1×768×196. The number of values "
                          "cannot change. No operations."));
    reshape.params = {
        listParam("shape", kShape,
                  QT_TRANSLATE_NOOP("naqsh::layers",
                                    "Sizes of the output, batch first; 0 copies, -1 is worked out"),
                  "0, -1")};
    reshape.shape = reshapeShape;
    reshape.summary = listSummary;
    reshape.explain = reshapeExplain;
    registry.add(reshape);

    LayerType permute = tensorType(
        "permute", QT_TRANSLATE_NOOP("naqsh::layers", "Permute"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Reorders the dimensions (PyTorch's permute; transpose swaps two): "
                          "order 0, 2, 3, 1 turns N×C×H×W into N×H×W×C, and 0, 2, 1 turns N×C×L "
                          "into N×L×C tokens. The values are copied into the new order; no "
                          "arithmetic."));
    permute.params = {
        listParam("dims", kDims,
                  QT_TRANSLATE_NOOP("naqsh::layers",
                                    "For each output dimension, the input dimension it comes from"),
                  "0, 2, 3, 1")};
    permute.shape = permuteShape;
    permute.summary = listSummary;
    permute.explain = permuteExplain;
    registry.add(permute);

    LayerType squeeze = tensorType(
        "squeeze", QT_TRANSLATE_NOOP("naqsh::layers", "Squeeze"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Removes dimensions of size 1: axes 2, 3 turn N×C×1×1 into N×C. With "
                          "no axes, every size-1 dimension after the batch is removed."));
    squeeze.params = {listParam(
        "axes", kAxes,
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Dimensions to remove (each of size 1); empty: all after the batch"),
        "2, 3")};
    squeeze.shape = squeezeShape;
    squeeze.summary = listSummary;
    squeeze.explain = squeezeExplain;
    registry.add(squeeze);

    LayerType unsqueeze = tensorType(
        "unsqueeze", QT_TRANSLATE_NOOP("naqsh::layers", "Unsqueeze"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Inserts dimensions of size 1 at the given positions of the output: "
                          "axes 2, 3 turn N×C into N×C×1×1, ready to scale an image."));
    unsqueeze.params = {listParam(
        "axes", kAxes, QT_TRANSLATE_NOOP("naqsh::layers", "Positions of the new size-1 dimensions"),
        "2, 3")};
    unsqueeze.shape = unsqueezeShape;
    unsqueeze.summary = listSummary;
    unsqueeze.explain = squeezeExplain;
    registry.add(unsqueeze);

    constexpr double kMaxPos = 1e15;
    LayerType slice = tensorType(
        "slice", QT_TRANSLATE_NOOP("naqsh::layers", "Slice"),
        QT_TRANSLATE_NOOP(
            "naqsh::layers",
            "Keeps positions start, start + step, … before end of one dimension, as Python's "
            "x[start:end:step] (negative positions count from the end; positions past the end "
            "stop at the end). ViT takes its class token with axis 1, start 0, end 1."));
    slice.params = {
        intParam(
            "axis", QT_TRANSLATE_NOOP("naqsh::layers", "Axis"),
            QT_TRANSLATE_NOOP("naqsh::layers", "Dimension to slice (negative counts from the end)"),
            1, -TensorShape::kMaxRank, TensorShape::kMaxRank - 1),
        intParam("start", QT_TRANSLATE_NOOP("naqsh::layers", "Start"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "First position kept"), 0, -kMaxPos, kMaxPos),
        intParam("end", QT_TRANSLATE_NOOP("naqsh::layers", "End"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Position where the slice stops (not kept)"), 1,
                 -kMaxPos, kMaxPos),
        intParam("step", QT_TRANSLATE_NOOP("naqsh::layers", "Step"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Distance between kept positions"), 1, 1,
                 kMaxDim),
    };
    slice.shape = sliceShape;
    slice.summary = sliceSummary;
    slice.explain = sliceExplain;
    registry.add(slice);

    LayerType shuffle = tensorType(
        "channel_shuffle", QT_TRANSLATE_NOOP("naqsh::layers", "ChannelShuffle"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Interleaves the channels of g groups (ShuffleNet): after a grouped "
                          "1×1 convolution each group sees only its own channels, and the "
                          "shuffle lets the next one mix them. Same shape; no arithmetic."));
    shuffle.params = {
        intParam("groups", QT_TRANSLATE_NOOP("naqsh::layers", "Groups"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Number of channel groups to interleave"), 2, 1,
                 kMaxDim)};
    shuffle.shape = shuffleShape;
    shuffle.summary = groupsSummary;
    shuffle.explain = shuffleExplain;
    registry.add(shuffle);

    LayerType pixel = tensorType(
        "pixel_shuffle", QT_TRANSLATE_NOOP("naqsh::layers", "PixelShuffle"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Turns channels into space (DepthToSpace): N×C×H×W becomes "
                          "N×(C/r²)×(H·r)×(W·r). Super-resolution networks end with it. No "
                          "arithmetic."));
    pixel.params = {
        intParam("upscale_factor", QT_TRANSLATE_NOOP("naqsh::layers", "Factor"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "r: each side grows r times"), 2, 1, 1024),
        choiceParam("mode", QT_TRANSLATE_NOOP("naqsh::layers", "Channel order"),
                    QT_TRANSLATE_NOOP("naqsh::layers",
                                      "CRD: PyTorch's PixelShuffle; DCR: ONNX DepthToSpace's "
                                      "default. Same shape and cost, values in another order"),
                    {QStringLiteral("crd"), QStringLiteral("dcr")},
                    {QT_TRANSLATE_NOOP("naqsh::layers", "CRD (PixelShuffle)"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "DCR (DepthToSpace)")},
                    0),
    };
    pixel.shape = pixelShape;
    pixel.summary = pixelSummary;
    pixel.explain = pixelExplain;
    registry.add(pixel);

    LayerType expand = tensorType(
        "expand", QT_TRANSLATE_NOOP("naqsh::layers", "Expand"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Repeats the values along dimensions of size 1 up to the given sizes "
                          "(ONNX Expand, PyTorch's expand), by NumPy's broadcasting rule: "
                          "49×1×64×1 with the sizes 49, 1, 64, 32 gives 49×1×64×32, the norm of "
                          "each vector once per feature before a division. No operations."));
    expand.params = {listParam(
        "shape", kShape,
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Sizes to broadcast to; a 1 keeps the input's size at that position"),
        "1, 1, 1, 1")};
    expand.shape = expandShape;
    expand.summary = listSummary;
    expand.explain = expandExplain;
    registry.add(expand);

    LayerType pad = tensorType(
        "pad", QT_TRANSLATE_NOOP("naqsh::layers", "Pad"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Adds zeros at the start and end of any dimensions of a tensor of any "
                          "rank (ONNX Pad, PyTorch's F.pad): Swin pads its N×H×W×C feature map "
                          "to whole windows, 28×28 to 32×32 for windows of 8. No operations."));
    pad.params = {listParam(
        "pads", kPads,
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Zeros before each dimension, then after each dimension, as ONNX "
                          "writes them: 0, 0, 0, 0, 0, 4, 4, 0 pads height and width of "
                          "N×H×W×C by 4 at their ends"),
        "0, 0, 0, 0, 0, 0, 0, 0")};
    pad.shape = padShape;
    pad.summary = listSummary;
    pad.explain = padExplain;
    registry.add(pad);
}

} // namespace naqsh
