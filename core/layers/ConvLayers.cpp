// Conv2d and ConvTranspose2d: shape rules per PyTorch (floor rounding), costs per
// REFERENCE-NUMBERS.md (MACs bias excluded; transposed conv MACs use the INPUT spatial size).
#include "BuiltinLayers.h"
#include "DerivedParams.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

enum ConvP { OutC, KH, KW, SH, SW, PadMode, PT, PB, PL, PR, DH, DW, Groups, Bias };
enum PadModeChoice { Explicit, Same, Valid };

struct Axis
{
    qint64 in, k, s, d, padBefore, padAfter;
};

/// Resolves "same" like TensorFlow and PyTorch: output = ceil(in / stride), the total padding
/// split with the extra pixel after.
void samePadding(Axis &a)
{
    const qint64 out = (a.in + a.s - 1) / a.s;
    const qint64 total = std::max<qint64>((out - 1) * a.s + a.d * (a.k - 1) + 1 - a.in, 0);
    a.padBefore = total / 2;
    a.padAfter = total - a.padBefore;
}

QString convAxis(const Axis &a, bool height, qint64 *out)
{
    const qint64 effective = a.d * (a.k - 1) + 1;
    const qint64 padded = a.in + a.padBefore + a.padAfter;
    if (effective > padded) {
        if (a.d > 1)
            return QCoreApplication::translate("naqsh::layers",
                                               "dilated kernel %1 (kernel %2, dilation %3) is "
                                               "larger than the padded input %4 (%5)")
                .arg(effective)
                .arg(a.k)
                .arg(a.d)
                .arg(padded)
                .arg(tr(axisName(height)));
        return QCoreApplication::translate("naqsh::layers",
                                           "kernel %1 is larger than the padded input %2 (%3)")
            .arg(a.k)
            .arg(padded)
            .arg(tr(axisName(height)));
    }
    *out = (padded - effective) / a.s + 1;
    return {};
}

void resolvePadding(const ParamValues &p, Axis &h, Axis &w)
{
    switch (p.choice(PadMode)) {
    case Same:
        samePadding(h);
        samePadding(w);
        break;
    case Valid:
        h.padBefore = h.padAfter = w.padBefore = w.padAfter = 0;
        break;
    default:
        break;
    }
}

void axes(const ParamValues &p, const TensorShape &in, Axis &h, Axis &w)
{
    h = {in.h(), p.integer(KH), p.integer(SH), p.integer(DH), p.integer(PT), p.integer(PB)};
    w = {in.w(), p.integer(KW), p.integer(SW), p.integer(DW), p.integer(PL), p.integer(PR)};
    resolvePadding(p, h, w);
}

QString groupCheck(qint64 cin, qint64 cout, qint64 groups)
{
    if (cin % groups != 0)
        return QCoreApplication::translate("naqsh::layers",
                                           "%1 input channels are not divisible by groups %2")
            .arg(cin)
            .arg(groups);
    if (cout % groups != 0)
        return QCoreApplication::translate("naqsh::layers",
                                           "%1 output channels are not divisible by groups %2")
            .arg(cout)
            .arg(groups);
    return {};
}

ShapeResult convShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "Conv2d")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    if (QString e = groupCheck(x.c(), p.integer(OutC), p.integer(Groups)); !e.isEmpty())
        return ShapeResult::fail(e);
    Axis h, w;
    axes(p, x, h, w);
    qint64 ho = 0, wo = 0;
    if (QString e = convAxis(h, true, &ho); !e.isEmpty())
        return ShapeResult::fail(e);
    if (QString e = convAxis(w, false, &wo); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape out = TensorShape::nchw(x.n(), p.integer(OutC), ho, wo);
    if (QString e = checkDims(out); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(out);
}

Costs convCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    const qint64 cinPerGroup = in[0].c() / p.integer(Groups);
    c.weights = CheckedInt(p.integer(KH)) * p.integer(KW) * cinPerGroup * out.c();
    c.macs = out.elements() * p.integer(KH) * p.integer(KW) * cinPerGroup;
    if (p.flag(Bias)) {
        c.bias = out.c();
        c.biasAdds = out.elements();
    }
    c.activations = out.elements();
    return c;
}

QString kernelText(qint64 kh, qint64 kw)
{
    return QStringLiteral("%1×%2").arg(kh).arg(kw);
}

/// Under "same" or "valid" the four paddings are not the user's: the values the rules use.
QVariantMap convDerived(const ParamValues &p, std::span<const TensorShape> in)
{
    const char *keys[] = {"pad_top", "pad_bottom", "pad_left", "pad_right"};
    QVariantMap derived;
    if (p.choice(PadMode) == Explicit)
        return derived;
    const bool known =
        p.choice(PadMode) == Valid || (!in.empty() && in[0].isValid() && in[0].isImage());
    if (!known) {
        for (const char *k : keys)
            derived.insert(QLatin1String(k), QVariant());
        return derived;
    }
    Axis h{}, w{};
    if (p.choice(PadMode) == Same)
        axes(p, in[0], h, w);
    const qint64 values[] = {h.padBefore, h.padAfter, w.padBefore, w.padAfter};
    for (int i = 0; i < 4; ++i)
        derived.insert(QLatin1String(keys[i]), values[i]);
    return derived;
}

QString convSummary(const ParamValues &p)
{
    QString s =
        kernelText(p.integer(KH), p.integer(KW)) + QStringLiteral(", %1").arg(p.integer(OutC));
    if (p.integer(SH) != 1 || p.integer(SW) != 1)
        s += QStringLiteral(", /%1").arg(p.integer(SH) == p.integer(SW)
                                             ? QString::number(p.integer(SH))
                                             : kernelText(p.integer(SH), p.integer(SW)));
    if (p.integer(Groups) != 1)
        s += QStringLiteral(", g=%1").arg(p.integer(Groups));
    if (p.integer(DH) != 1 || p.integer(DW) != 1)
        s += QStringLiteral(", d=%1").arg(p.integer(DH));
    return s;
}

QVector<FormulaLine> convExplain(const ParamValues &p, std::span<const TensorShape> in,
                                 const TensorShape &out)
{
    QVector<FormulaLine> lines;
    const TensorShape &x = in[0];
    Axis h, w;
    axes(p, x, h, w);
    for (const Axis *a : {&h, &w}) {
        const bool isH = a == &h;
        const qint64 o = isH ? out.h() : out.w();
        QString f = QStringLiteral("floor((%1 + %2 + %3 − %4) / %5) + 1 = %6")
                        .arg(a->in)
                        .arg(a->padBefore)
                        .arg(a->padAfter)
                        .arg(a->d * (a->k - 1) + 1)
                        .arg(a->s)
                        .arg(o);
        lines.append(
            {isH ? QCoreApplication::translate("naqsh::layers", "Output height")
                 : QCoreApplication::translate("naqsh::layers", "Output width"),
             f,
             a->d > 1
                 ? QCoreApplication::translate("naqsh::layers",
                                               "input plus padding, minus the dilated kernel "
                                               "extent, divided by the stride, plus one")
                 : QCoreApplication::translate(
                       "naqsh::layers",
                       "input plus padding, minus the kernel, divided by the stride, plus one")});
    }
    const qint64 g = p.integer(Groups);
    const qint64 cinG = x.c() / g;
    const qint64 kh = p.integer(KH), kw = p.integer(KW);
    QString macs = QStringLiteral("%1 × %2 × %3 × %4 × %5 × %6")
                       .arg(out.h())
                       .arg(out.w())
                       .arg(out.c())
                       .arg(kh)
                       .arg(kw)
                       .arg(cinG);
    if (out.n() != 1)
        macs = QStringLiteral("%1 × ").arg(out.n()) + macs;
    macs += QStringLiteral(" = ") + num(convCost(p, in, out).macs.value());
    lines.append(
        {QCoreApplication::translate("naqsh::layers", "MACs"), macs,
         g > 1 ? QCoreApplication::translate(
                     "naqsh::layers", "each output value needs %1·%2·%3 multiplications: with %4 "
                                      "groups each filter sees only %3 of the %5 input channels")
                     .arg(kh)
                     .arg(kw)
                     .arg(cinG)
                     .arg(g)
                     .arg(x.c())
               : QCoreApplication::translate("naqsh::layers",
                                             "each output value needs %1·%2·%3 multiplications")
                     .arg(kh)
                     .arg(kw)
                     .arg(cinG)});
    QString params = QStringLiteral("%1 × %2 × %3 × %4 = %5")
                         .arg(kh)
                         .arg(kw)
                         .arg(cinG)
                         .arg(out.c())
                         .arg(num(kh * kw * cinG * out.c()));
    lines.append(
        {QCoreApplication::translate("naqsh::layers", "Parameters"), params,
         p.flag(Bias)
             ? QCoreApplication::translate(
                   "naqsh::layers", "one %1×%2×%3 filter per output channel, plus %4 bias values")
                   .arg(kh)
                   .arg(kw)
                   .arg(cinG)
                   .arg(out.c())
             : QCoreApplication::translate("naqsh::layers",
                                           "one %1×%2×%3 filter per output channel, no bias")
                   .arg(kh)
                   .arg(kw)
                   .arg(cinG)});
    return lines;
}

// ---- ConvTranspose2d ----
enum TP { TOutC, TKH, TKW, TSH, TSW, TPH, TPW, TOPH, TOPW, TDH, TDW, TGroups, TBias };

QString transAxis(qint64 in, qint64 k, qint64 s, qint64 pad, qint64 outPad, qint64 d, bool height,
                  qint64 *out)
{
    if (outPad >= s && outPad >= d)
        return QCoreApplication::translate(
                   "naqsh::layers",
                   "output padding %1 must be smaller than the stride %2 or the dilation %3 (%4)")
            .arg(outPad)
            .arg(s)
            .arg(d)
            .arg(tr(axisName(height)));
    *out = (in - 1) * s - 2 * pad + d * (k - 1) + outPad + 1;
    if (*out < 1)
        return QCoreApplication::translate("naqsh::layers",
                                           "padding %1 removes the whole output (%2 would be %3)")
            .arg(pad)
            .arg(tr(axisName(height)))
            .arg(*out);
    return {};
}

ShapeResult transShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "ConvTranspose2d"));
        !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    if (QString e = groupCheck(x.c(), p.integer(TOutC), p.integer(TGroups)); !e.isEmpty())
        return ShapeResult::fail(e);
    qint64 ho = 0, wo = 0;
    if (QString e = transAxis(x.h(), p.integer(TKH), p.integer(TSH), p.integer(TPH),
                              p.integer(TOPH), p.integer(TDH), true, &ho);
        !e.isEmpty())
        return ShapeResult::fail(e);
    if (QString e = transAxis(x.w(), p.integer(TKW), p.integer(TSW), p.integer(TPW),
                              p.integer(TOPW), p.integer(TDW), false, &wo);
        !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape out = TensorShape::nchw(x.n(), p.integer(TOutC), ho, wo);
    if (QString e = checkDims(out); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(out);
}

Costs transCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    const qint64 coutPerGroup = out.c() / p.integer(TGroups);
    c.weights = CheckedInt(in[0].c()) * coutPerGroup * p.integer(TKH) * p.integer(TKW);
    c.macs = in[0].elements() * p.integer(TKH) * p.integer(TKW) * coutPerGroup;
    if (p.flag(TBias)) {
        c.bias = out.c();
        c.biasAdds = out.elements();
    }
    c.activations = out.elements();
    return c;
}

QString transSummary(const ParamValues &p)
{
    QString s =
        kernelText(p.integer(TKH), p.integer(TKW)) + QStringLiteral(", %1").arg(p.integer(TOutC));
    if (p.integer(TSH) != 1 || p.integer(TSW) != 1)
        s += QStringLiteral(", ×%1").arg(p.integer(TSH));
    if (p.integer(TGroups) != 1)
        s += QStringLiteral(", g=%1").arg(p.integer(TGroups));
    return s;
}

QVector<FormulaLine> transExplain(const ParamValues &p, std::span<const TensorShape> in,
                                  const TensorShape &out)
{
    QVector<FormulaLine> lines;
    const TensorShape &x = in[0];
    for (bool isH : {true, false}) {
        const qint64 i = isH ? x.h() : x.w();
        const qint64 k = p.integer(isH ? TKH : TKW), s = p.integer(isH ? TSH : TSW);
        const qint64 pad = p.integer(isH ? TPH : TPW), op = p.integer(isH ? TOPH : TOPW);
        const qint64 d = p.integer(isH ? TDH : TDW);
        lines.append({isH ? QCoreApplication::translate("naqsh::layers", "Output height")
                          : QCoreApplication::translate("naqsh::layers", "Output width"),
                      QStringLiteral("(%1 − 1) × %2 − 2 × %3 + %4 × (%5 − 1) + %6 + 1 = %7")
                          .arg(i)
                          .arg(s)
                          .arg(pad)
                          .arg(d)
                          .arg(k)
                          .arg(op)
                          .arg(isH ? out.h() : out.w()),
                      QCoreApplication::translate(
                          "naqsh::layers",
                          "a transposed convolution runs the convolution's size rule backwards")});
    }
    const qint64 g = p.integer(TGroups);
    const qint64 coutG = out.c() / g;
    const qint64 kh = p.integer(TKH), kw = p.integer(TKW);
    QString macs = QStringLiteral("%1 × %2 × %3 × %4 × %5 × %6")
                       .arg(x.h())
                       .arg(x.w())
                       .arg(x.c())
                       .arg(kh)
                       .arg(kw)
                       .arg(coutG);
    if (x.n() != 1)
        macs = QStringLiteral("%1 × ").arg(x.n()) + macs;
    macs += QStringLiteral(" = ") + num(transCost(p, in, out).macs.value());
    lines.append({QCoreApplication::translate("naqsh::layers", "MACs"), macs,
                  QCoreApplication::translate("naqsh::layers",
                                              "counted on the INPUT grid: each input value is "
                                              "spread by a %1×%2 kernel into %3 output channels")
                      .arg(kh)
                      .arg(kw)
                      .arg(coutG)});
    lines.append(
        {QCoreApplication::translate("naqsh::layers", "Parameters"),
         QStringLiteral("%1 × %2 × %3 × %4 = %5")
             .arg(x.c())
             .arg(coutG)
             .arg(kh)
             .arg(kw)
             .arg(num(x.c() * coutG * kh * kw)),
         p.flag(TBias)
             ? QCoreApplication::translate(
                   "naqsh::layers",
                   "one %1×%2 kernel per input and output channel pair, plus %3 bias values")
                   .arg(kh)
                   .arg(kw)
                   .arg(out.c())
             : QCoreApplication::translate(
                   "naqsh::layers", "one %1×%2 kernel per input and output channel pair, no bias")
                   .arg(kh)
                   .arg(kw)});
    return lines;
}

} // namespace

QVariantMap derivedParams(const LayerType &type, const ParamValues &params,
                          std::span<const TensorShape> inputs)
{
    if (type.id == QLatin1String("conv2d"))
        return convDerived(params, inputs);
    return {};
}

void registerConvLayers(LayerRegistry &registry)
{
    const double maxK = 1024;
    LayerType conv;
    conv.id = QStringLiteral("conv2d");
    conv.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Conv2d");
    conv.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Conv");
    conv.category = QT_TRANSLATE_NOOP("naqsh::layers", "Convolution");
    conv.help = QT_TRANSLATE_NOOP("naqsh::layers",
                                  "2-D convolution: slides out_channels filters of size kernel × "
                                  "(input channels / groups) over the feature map. "
                                  "A 1×1 convolution mixes channels only and is the cheap way to "
                                  "reduce them before a large kernel. "
                                  "groups = input channels makes it depthwise.");
    conv.params = {
        intParam("out_channels", QT_TRANSLATE_NOOP("naqsh::layers", "Filters (output channels)"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Number of filters, which is the number of output channels"),
                 32, 1, kMaxDim),
        intParam("kernel_h", QT_TRANSLATE_NOOP("naqsh::layers", "Kernel height"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Height of each filter"), 3, 1, maxK,
                 "kernel_w"),
        intParam("kernel_w", QT_TRANSLATE_NOOP("naqsh::layers", "Kernel width"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Width of each filter"), 3, 1, maxK,
                 "kernel_h"),
        intParam("stride_h", QT_TRANSLATE_NOOP("naqsh::layers", "Stride height"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Step between filter positions, vertically"), 1,
                 1, maxK, "stride_w"),
        intParam("stride_w", QT_TRANSLATE_NOOP("naqsh::layers", "Stride width"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Step between filter positions, horizontally"),
                 1, 1, maxK, "stride_h"),
        choiceParam("padding", QT_TRANSLATE_NOOP("naqsh::layers", "Padding"),
                    QT_TRANSLATE_NOOP("naqsh::layers",
                                      "explicit: the four values below; same: pad so that "
                                      "output = ceil(input / stride); valid: no padding"),
                    {QStringLiteral("explicit"), QStringLiteral("same"), QStringLiteral("valid")},
                    {QT_TRANSLATE_NOOP("naqsh::layers", "explicit"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "same"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "valid")},
                    Explicit),
        intParam("pad_top", QT_TRANSLATE_NOOP("naqsh::layers", "Padding top"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Zero rows added above"), 0, 0, maxK),
        intParam("pad_bottom", QT_TRANSLATE_NOOP("naqsh::layers", "Padding bottom"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Zero rows added below"), 0, 0, maxK),
        intParam("pad_left", QT_TRANSLATE_NOOP("naqsh::layers", "Padding left"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Zero columns added on the left"), 0, 0, maxK),
        intParam("pad_right", QT_TRANSLATE_NOOP("naqsh::layers", "Padding right"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Zero columns added on the right"), 0, 0, maxK),
        intParam("dilation_h", QT_TRANSLATE_NOOP("naqsh::layers", "Dilation height"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Spacing between kernel taps, vertically (1 = dense)"),
                 1, 1, maxK, "dilation_w"),
        intParam("dilation_w", QT_TRANSLATE_NOOP("naqsh::layers", "Dilation width"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Spacing between kernel taps, horizontally (1 = dense)"),
                 1, 1, maxK, "dilation_h"),
        intParam("groups", QT_TRANSLATE_NOOP("naqsh::layers", "Groups"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Split channels into independent groups; groups = "
                                   "input channels is a depthwise convolution"),
                 1, 1, kMaxDim),
        boolParam("bias", QT_TRANSLATE_NOOP("naqsh::layers", "Bias"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Add a learned bias per output channel"),
                  true),
    };
    conv.shape = convShape;
    conv.cost = convCost;
    conv.summary = convSummary;
    conv.explain = convExplain;
    registry.add(conv);

    LayerType t;
    t.id = QStringLiteral("conv_transpose2d");
    t.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "ConvTranspose2d");
    t.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "ConvT");
    t.category = conv.category;
    t.help = QT_TRANSLATE_NOOP("naqsh::layers",
                               "Transposed convolution (sometimes called deconvolution): upsamples "
                               "by running a convolution backwards. "
                               "Output = (input − 1) × stride − 2 × padding + dilation × (kernel − "
                               "1) + output padding + 1. "
                               "Its MACs are counted on the input grid.");
    t.params = {
        intParam("out_channels", QT_TRANSLATE_NOOP("naqsh::layers", "Filters (output channels)"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Number of output channels"), 32, 1, kMaxDim),
        intParam("kernel_h", QT_TRANSLATE_NOOP("naqsh::layers", "Kernel height"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Height of each filter"), 2, 1, maxK,
                 "kernel_w"),
        intParam("kernel_w", QT_TRANSLATE_NOOP("naqsh::layers", "Kernel width"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Width of each filter"), 2, 1, maxK,
                 "kernel_h"),
        intParam("stride_h", QT_TRANSLATE_NOOP("naqsh::layers", "Stride height"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Upsampling step, vertically"), 2, 1, maxK,
                 "stride_w"),
        intParam("stride_w", QT_TRANSLATE_NOOP("naqsh::layers", "Stride width"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Upsampling step, horizontally"), 2, 1, maxK,
                 "stride_h"),
        intParam("pad_h", QT_TRANSLATE_NOOP("naqsh::layers", "Padding height"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Rows removed from each of top and bottom of the output"),
                 0, 0, maxK, "pad_w"),
        intParam("pad_w", QT_TRANSLATE_NOOP("naqsh::layers", "Padding width"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Columns removed from each of left and right of the output"),
                 0, 0, maxK, "pad_h"),
        intParam(
            "output_pad_h", QT_TRANSLATE_NOOP("naqsh::layers", "Output padding height"),
            QT_TRANSLATE_NOOP(
                "naqsh::layers",
                "Extra rows added at the bottom; must be smaller than the stride or the dilation"),
            0, 0, maxK, "output_pad_w"),
        intParam("output_pad_w", QT_TRANSLATE_NOOP("naqsh::layers", "Output padding width"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Extra columns added on the right; must be "
                                                    "smaller than the stride or the dilation"),
                 0, 0, maxK, "output_pad_h"),
        intParam("dilation_h", QT_TRANSLATE_NOOP("naqsh::layers", "Dilation height"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Spacing between kernel taps, vertically (1 = dense)"),
                 1, 1, maxK, "dilation_w"),
        intParam("dilation_w", QT_TRANSLATE_NOOP("naqsh::layers", "Dilation width"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Spacing between kernel taps, horizontally (1 = dense)"),
                 1, 1, maxK, "dilation_h"),
        intParam("groups", QT_TRANSLATE_NOOP("naqsh::layers", "Groups"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Split channels into independent groups"), 1, 1,
                 kMaxDim),
        boolParam("bias", QT_TRANSLATE_NOOP("naqsh::layers", "Bias"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Add a learned bias per output channel"),
                  true),
    };
    t.shape = transShape;
    t.cost = transCost;
    t.summary = transSummary;
    t.explain = transExplain;
    registry.add(t);
}

} // namespace naqsh
