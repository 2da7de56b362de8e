// Conv1d (N×C×L signals) and Conv3d (N×C×D×H×W volumes), and MatMul between two activations
// (attention's Q·Kᵀ and A·V).
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

// Parameters of both: out_channels, then per spatial axis kernel, stride, padding, then
// dilation, groups, bias. Conv1d has one spatial axis (L), Conv3d three (D, H, W).
enum ConvP { OutC, Dilation, Groups, Bias, Axes };

int spatial(const ParamValues &p)
{
    return (p.size() - Axes) / 3;
}
qint64 kernel(const ParamValues &p, int a)
{
    return p.integer(Axes + 3 * a);
}
qint64 stride(const ParamValues &p, int a)
{
    return p.integer(Axes + 3 * a + 1);
}
qint64 padding(const ParamValues &p, int a)
{
    return p.integer(Axes + 3 * a + 2);
}

ShapeResult convShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    const int sp = spatial(p);
    const char *name = sp == 1 ? QT_TRANSLATE_NOOP("naqsh::layers", "Conv1d")
                               : QT_TRANSLATE_NOOP("naqsh::layers", "Conv3d");
    if (QString e = needAny(in, name); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    if (x.rank != sp + 2)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "%1 needs a %2 input, but its input is %3")
                .arg(tr(name), sp == 1 ? QStringLiteral("N×C×L") : QStringLiteral("N×C×D×H×W"),
                     x.toString()));
    const qint64 g = p.integer(Groups), cout = p.integer(OutC);
    if (x.c() % g != 0 || cout % g != 0)
        return ShapeResult::fail(QCoreApplication::translate(
                                     "naqsh::layers",
                                     "%1: input channels (%2) and output channels (%3) must both "
                                     "be multiples of the %4 groups")
                                     .arg(tr(name))
                                     .arg(x.c())
                                     .arg(cout)
                                     .arg(g));
    TensorShape out = x;
    out.dims[1] = cout;
    for (int a = 0; a < sp; ++a) {
        const qint64 span = p.integer(Dilation) * (kernel(p, a) - 1) + 1;
        const qint64 size = x.dims[2 + a] + 2 * padding(p, a);
        if (size < span)
            return ShapeResult::fail(QCoreApplication::translate(
                                         "naqsh::layers",
                                         "%1: the kernel spans %2 positions in dimension %3, but "
                                         "the padded input has only %4")
                                         .arg(tr(name))
                                         .arg(span)
                                         .arg(2 + a)
                                         .arg(size));
        out.dims[2 + a] = (size - span) / stride(p, a) + 1;
    }
    if (QString e = checkDims(out); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(out);
}

CheckedInt kernelVolume(const ParamValues &p)
{
    CheckedInt k = 1;
    for (int a = 0; a < spatial(p); ++a)
        k *= kernel(p, a);
    return k;
}

Costs convCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    const qint64 cinPerGroup = in[0].c() / p.integer(Groups);
    c.weights = CheckedInt(p.integer(OutC)) * cinPerGroup * kernelVolume(p);
    c.macs = out.elements() * cinPerGroup * kernelVolume(p);
    if (p.flag(Bias)) {
        c.bias = p.integer(OutC);
        c.biasAdds = out.elements();
    }
    c.activations = out.elements();
    return c;
}

QString convSummary(const ParamValues &p)
{
    QStringList k;
    for (int a = 0; a < spatial(p); ++a)
        k << QString::number(kernel(p, a));
    return QStringLiteral("%1, %2").arg(k.join(QChar(0x00D7))).arg(p.integer(OutC));
}

QVector<FormulaLine> convExplain(const ParamValues &p, std::span<const TensorShape> in,
                                 const TensorShape &out)
{
    const qint64 cin = in[0].c() / p.integer(Groups);
    QStringList k;
    for (int a = 0; a < spatial(p); ++a)
        k << QString::number(kernel(p, a));
    const Costs c = convCost(p, in, out);
    return {{QCoreApplication::translate("naqsh::layers", "Output size"),
             QStringLiteral("floor((in + 2·pad − dilation·(k − 1) − 1) / stride) + 1 → %1")
                 .arg(out.toString()),
             QCoreApplication::translate("naqsh::layers",
                                         "the same rule as Conv2d, on every spatial axis")},
            {QCoreApplication::translate("naqsh::layers", "MACs"),
             QStringLiteral("%1 × %2 × %3 = %4")
                 .arg(num(out.elements().value()))
                 .arg(k.join(QStringLiteral(" × ")))
                 .arg(cin)
                 .arg(num(c.macs.value())),
             QCoreApplication::translate("naqsh::layers",
                                         "every output value is a weighted sum over the kernel "
                                         "and the input channels of its group")},
            {QCoreApplication::translate("naqsh::layers", "Parameters"),
             QStringLiteral("%1 × %2 × %3 = %4")
                 .arg(p.integer(OutC))
                 .arg(k.join(QStringLiteral(" × ")))
                 .arg(cin)
                 .arg(num(c.weights.value())),
             QCoreApplication::translate("naqsh::layers", "one kernel per output channel")}};
}

LayerType convType(const char *id, const char *name, const char *help, int sp)
{
    LayerType t;
    t.id = QString::fromLatin1(id);
    t.displayName = name;
    t.shortName = name;
    t.category = QT_TRANSLATE_NOOP("naqsh::layers", "Convolution");
    t.help = help;
    t.params = {
        intParam("out_channels", QT_TRANSLATE_NOOP("naqsh::layers", "Output channels"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Number of filters"), 16, 1, kMaxDim),
        intParam("dilation", QT_TRANSLATE_NOOP("naqsh::layers", "Dilation"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Spacing between kernel taps"), 1, 1, 1024),
        intParam("groups", QT_TRANSLATE_NOOP("naqsh::layers", "Groups"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Channel groups; equal to the channels for a depthwise "
                                   "convolution"),
                 1, 1, kMaxDim),
        boolParam("bias", QT_TRANSLATE_NOOP("naqsh::layers", "Bias"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Add a learned bias per output channel"),
                  true),
    };
    static const char *const axes[3][3] = {{QT_TRANSLATE_NOOP("naqsh::layers", "Kernel depth"),
                                            QT_TRANSLATE_NOOP("naqsh::layers", "Stride depth"),
                                            QT_TRANSLATE_NOOP("naqsh::layers", "Padding depth")},
                                           {QT_TRANSLATE_NOOP("naqsh::layers", "Kernel height"),
                                            QT_TRANSLATE_NOOP("naqsh::layers", "Stride height"),
                                            QT_TRANSLATE_NOOP("naqsh::layers", "Padding height")},
                                           {QT_TRANSLATE_NOOP("naqsh::layers", "Kernel width"),
                                            QT_TRANSLATE_NOOP("naqsh::layers", "Stride width"),
                                            QT_TRANSLATE_NOOP("naqsh::layers", "Padding width")}};
    static const char *const keys[3][3] = {{"kernel_d", "stride_d", "pad_d"},
                                           {"kernel_h", "stride_h", "pad_h"},
                                           {"kernel_w", "stride_w", "pad_w"}};
    for (int a = 0; a < sp; ++a) {
        const int row = sp == 1 ? 2 : a;
        t.params << intParam(sp == 1 ? "kernel" : keys[row][0],
                             sp == 1 ? QT_TRANSLATE_NOOP("naqsh::layers", "Kernel size")
                                     : axes[row][0],
                             QT_TRANSLATE_NOOP("naqsh::layers", "Kernel size along this axis"), 3,
                             1, 1024)
                 << intParam(sp == 1 ? "stride" : keys[row][1],
                             sp == 1 ? QT_TRANSLATE_NOOP("naqsh::layers", "Stride") : axes[row][1],
                             QT_TRANSLATE_NOOP("naqsh::layers", "Step between kernel positions"), 1,
                             1, 1024)
                 << intParam(sp == 1 ? "padding" : keys[row][2],
                             sp == 1 ? QT_TRANSLATE_NOOP("naqsh::layers", "Padding") : axes[row][2],
                             QT_TRANSLATE_NOOP("naqsh::layers",
                                               "Zeros added on both sides along this axis"),
                             1, 0, 1024);
    }
    t.shape = convShape;
    t.cost = convCost;
    t.summary = convSummary;
    t.explain = convExplain;
    return t;
}

// ---- MatMul ----
ShapeResult matmulShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (in.size() != 2 || !in[0].isValid() || !in[1].isValid())
        return ShapeResult::fail(QCoreApplication::translate(
            "naqsh::layers", "MatMul multiplies two inputs: connect A, then B"));
    const TensorShape &a = in[0], &b = in[1];
    if (a.rank < 2 || b.rank < 2)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "MatMul needs matrices (rank 2 or more), not %1 and %2")
                .arg(a.toString(), b.toString()));
    const qint64 n = a.dim(-2), k = a.dim(-1), k2 = b.dim(-2), m = b.dim(-1);
    if (k != k2)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "MatMul: the last size of A (%1, from %2) must equal the "
                                        "second last of B (%3, from %4)")
                .arg(k)
                .arg(a.toString())
                .arg(k2)
                .arg(b.toString()));
    // The batch dimensions broadcast as in NumPy.
    TensorShape ba = TensorShape::of(std::span<const qint64>(a.dims.data(), size_t(a.rank - 2)));
    TensorShape bb = TensorShape::of(std::span<const qint64>(b.dims.data(), size_t(b.rank - 2)));
    TensorShape batch;
    if (!TensorShape::broadcast(ba, bb, &batch))
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "MatMul: the batch dimensions of %1 and %2 cannot be "
                                        "broadcast")
                .arg(a.toString(), b.toString()));
    if (batch.rank + 2 > TensorShape::kMaxRank)
        return ShapeResult::fail(QCoreApplication::translate(
            "naqsh::layers", "the output would have too many dimensions"));
    std::array<qint64, TensorShape::kMaxRank> dims{};
    for (int i = 0; i < batch.rank; ++i)
        dims[size_t(i)] = batch.dims[i];
    dims[size_t(batch.rank)] = n;
    dims[size_t(batch.rank + 1)] = m;
    TensorShape out = TensorShape::of(std::span<const qint64>(dims.data(), size_t(batch.rank + 2)));
    if (out.rank == a.rank)
        out.layout = a.layout == TensorLayout::Image ? TensorLayout::Plain : a.layout;
    return ShapeResult::ok(out);
}

Costs matmulCost(const ParamValues &, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    c.macs = out.elements() * in[0].dim(-1);
    c.activations = out.elements();
    return c;
}

QVector<FormulaLine> matmulExplain(const ParamValues &, std::span<const TensorShape> in,
                                   const TensorShape &out)
{
    const qint64 k = in[0].dim(-1);
    return {{QCoreApplication::translate("naqsh::layers", "MACs"),
             QStringLiteral("%1 × %2 = %3")
                 .arg(dimsText(out))
                 .arg(k)
                 .arg(num(matmulCost({}, in, out).macs.value())),
             QCoreApplication::translate(
                 "naqsh::layers",
                 "each output value is a dot product of length %1 (a row of A with a column of "
                 "B); in attention, Q·Kᵀ grows with the square of the number of tokens")
                 .arg(k)},
            {QCoreApplication::translate("naqsh::layers", "Parameters"), QStringLiteral("0"),
             QCoreApplication::translate(
                 "naqsh::layers", "both operands are activations: nothing is learned here")}};
}

} // namespace

void registerConvNdLayers(LayerRegistry &registry)
{
    registry.add(convType(
        "conv1d", QT_TRANSLATE_NOOP("naqsh::layers", "Conv1d"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Convolution over 1-D signals N×C×L (audio, text): a kernel slides "
                          "along L. MACs = L_out · C_out · k · C_in/groups."),
        1));
    registry.add(convType(
        "conv3d", QT_TRANSLATE_NOOP("naqsh::layers", "Conv3d"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Convolution over volumes N×C×D×H×W (video, medical scans): a k_d × "
                          "k_h × k_w kernel slides along depth, height and width. MACs = "
                          "D_out · H_out · W_out · C_out · k_d · k_h · k_w · C_in/groups."),
        3));

    LayerType mm;
    mm.id = QStringLiteral("matmul");
    mm.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "MatMul");
    mm.shortName = mm.displayName;
    mm.category = QT_TRANSLATE_NOOP("naqsh::layers", "Merge"); // it joins two inputs
    mm.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Matrix product of two activations, A (…×n×k) · B (…×k×m) = …×n×m, with the leading "
        "(batch, head) dimensions broadcast: attention's scores Q·Kᵀ and its output A·V. "
        "MACs = output values × k; no parameters.");
    mm.minInputs = 2;
    mm.maxInputs = 2;
    mm.shape = matmulShape;
    mm.cost = matmulCost;
    mm.explain = matmulExplain;
    registry.add(mm);
}

} // namespace naqsh
