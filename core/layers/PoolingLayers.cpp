// MaxPool2d, AvgPool2d (floor or Caffe-style ceil rounding), GlobalAvgPool, AdaptiveAvgPool2d.
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

enum PoolP { KH, KW, SH, SW, PH, PW, Ceil };

QString poolAxis(qint64 in, qint64 k, qint64 s, qint64 pad, bool ceil, bool height, qint64 *out)
{
    if (2 * pad > k)
        return QCoreApplication::translate("naqsh::layers",
                                           "padding %1 is more than half the kernel %2 (%3)")
            .arg(pad)
            .arg(k)
            .arg(tr(axisName(height)));
    const qint64 padded = in + 2 * pad;
    if (k > padded)
        return QCoreApplication::translate("naqsh::layers",
                                           "kernel %1 is larger than the padded input %2 (%3)")
            .arg(k)
            .arg(padded)
            .arg(tr(axisName(height)));
    const qint64 span = padded - k;
    qint64 o = (ceil ? (span + s - 1) / s : span / s) + 1;
    // Caffe and PyTorch drop a last window that would start entirely in the padding.
    if (ceil && (o - 1) * s >= in + pad)
        --o;
    *out = o;
    return {};
}

ShapeResult poolShape(const ParamValues &p, std::span<const TensorShape> in, const char *name)
{
    if (QString e = needImage(in, name); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    qint64 ho = 0, wo = 0;
    if (QString e =
            poolAxis(x.h(), p.integer(KH), p.integer(SH), p.integer(PH), p.flag(Ceil), true, &ho);
        !e.isEmpty())
        return ShapeResult::fail(e);
    if (QString e =
            poolAxis(x.w(), p.integer(KW), p.integer(SW), p.integer(PW), p.flag(Ceil), false, &wo);
        !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(TensorShape::nchw(x.n(), x.c(), ho, wo));
}

ShapeResult maxShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    return poolShape(p, in, QT_TRANSLATE_NOOP("naqsh::layers", "MaxPool2d"));
}

ShapeResult avgShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    return poolShape(p, in, QT_TRANSLATE_NOOP("naqsh::layers", "AvgPool2d"));
}

Costs maxCost(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.comps = out.elements() * (p.integer(KH) * p.integer(KW) - 1);
    c.activations = out.elements();
    return c;
}

Costs avgCost(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.adds = out.elements() * (p.integer(KH) * p.integer(KW) - 1);
    c.divs = out.elements();
    c.activations = out.elements();
    return c;
}

QString poolSummary(const ParamValues &p)
{
    QString s = QStringLiteral("%1×%2").arg(p.integer(KH)).arg(p.integer(KW));
    if (p.integer(SH) != 1 || p.integer(SW) != 1)
        s += QStringLiteral(", /%1").arg(p.integer(SH));
    return s;
}

QVector<FormulaLine> poolExplain(const ParamValues &p, std::span<const TensorShape> in,
                                 const TensorShape &out, bool isMax)
{
    QVector<FormulaLine> lines;
    const TensorShape &x = in[0];
    const bool ceil = p.flag(Ceil);
    for (bool isH : {true, false}) {
        const qint64 i = isH ? x.h() : x.w();
        const qint64 k = p.integer(isH ? KH : KW), s = p.integer(isH ? SH : SW),
                     pad = p.integer(isH ? PH : PW);
        lines.append(
            {isH ? QCoreApplication::translate("naqsh::layers", "Output height")
                 : QCoreApplication::translate("naqsh::layers", "Output width"),
             QStringLiteral("%1((%2 + 2 × %3 − %4) / %5) + 1 = %6")
                 .arg(ceil ? QStringLiteral("ceil") : QStringLiteral("floor"))
                 .arg(i)
                 .arg(pad)
                 .arg(k)
                 .arg(s)
                 .arg(isH ? out.h() : out.w()),
             ceil ? QCoreApplication::translate(
                        "naqsh::layers",
                        "ceil mode rounds up, as Caffe does, so a partial last window still counts")
                  : QCoreApplication::translate("naqsh::layers",
                                                "floor rounding drops a partial last window")});
    }
    const qint64 win = p.integer(KH) * p.integer(KW);
    const QString count = QStringLiteral("%1 × %2 × %3 × %4 × (%5 − 1) = %6")
                              .arg(out.n())
                              .arg(out.c())
                              .arg(out.h())
                              .arg(out.w())
                              .arg(win)
                              .arg(num((out.elements() * (win - 1)).value()));
    lines.append(
        {isMax ? QCoreApplication::translate("naqsh::layers", "Comparisons")
               : QCoreApplication::translate("naqsh::layers", "Additions"),
         count,
         isMax ? QCoreApplication::translate(
                     "naqsh::layers", "finding the largest of %1 values takes %1 − 1 comparisons")
                     .arg(win)
               : QCoreApplication::translate(
                     "naqsh::layers",
                     "summing %1 values takes %1 − 1 additions, then one division per output")
                     .arg(win)});
    lines.append({QCoreApplication::translate("naqsh::layers", "Parameters"), QStringLiteral("0"),
                  QCoreApplication::translate("naqsh::layers", "pooling has nothing to learn")});
    return lines;
}

QVector<FormulaLine> maxExplain(const ParamValues &p, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    return poolExplain(p, in, out, true);
}

QVector<FormulaLine> avgExplain(const ParamValues &p, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    return poolExplain(p, in, out, false);
}

// ---- global and adaptive ----
ShapeResult globalShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "GlobalAvgPool"));
        !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(TensorShape::nchw(in[0].n(), in[0].c(), 1, 1));
}

Costs globalCost(const ParamValues &, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    c.adds = CheckedInt(in[0].n()) * in[0].c() * (CheckedInt(in[0].h()) * in[0].w() - 1);
    c.divs = out.elements();
    c.activations = out.elements();
    return c;
}

QVector<FormulaLine> globalExplain(const ParamValues &, std::span<const TensorShape> in,
                                   const TensorShape &out)
{
    const TensorShape &x = in[0];
    return {
        {QCoreApplication::translate("naqsh::layers", "Output"),
         QStringLiteral("%1×%2×1×1").arg(x.n()).arg(x.c()),
         QCoreApplication::translate("naqsh::layers",
                                     "each channel is averaged over its whole %1×%2 map")
             .arg(x.h())
             .arg(x.w())},
        {QCoreApplication::translate("naqsh::layers", "Additions"),
         QStringLiteral("%1 × %2 × (%3 × %4 − 1) = %5")
             .arg(x.n())
             .arg(x.c())
             .arg(x.h())
             .arg(x.w())
             .arg(num(globalCost({}, in, out).adds.value())),
         QCoreApplication::translate(
             "naqsh::layers", "summing %1 values takes one addition fewer than there are values")
             .arg(x.h() * x.w())}};
}

enum AdaptiveP { OH, OW };

ShapeResult adaptiveShape(const ParamValues &p, std::span<const TensorShape> in,
                          const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "AdaptiveAvgPool2d"));
        !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(TensorShape::nchw(in[0].n(), in[0].c(), p.integer(OH), p.integer(OW)));
}

/// Sum over output cells of the PyTorch window size along one axis:
/// window i spans [floor(i·in/out), ceil((i+1)·in/out)).
qint64 adaptiveWindowSum(qint64 in, qint64 out)
{
    qint64 total = 0;
    for (qint64 i = 0; i < out; ++i) {
        const qint64 start = (i * in) / out;
        const qint64 end = ((i + 1) * in + out - 1) / out;
        total += end - start;
    }
    return total;
}

Costs adaptiveCost(const ParamValues &, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    // Window areas multiply per axis, so the sum over all windows is the product of per-axis sums.
    const CheckedInt area =
        CheckedInt(adaptiveWindowSum(in[0].h(), out.h())) * adaptiveWindowSum(in[0].w(), out.w());
    c.adds = CheckedInt(out.n()) * out.c() * area - out.elements();
    c.divs = out.elements();
    c.activations = out.elements();
    return c;
}

QString adaptiveSummary(const ParamValues &p)
{
    return QStringLiteral("→%1×%2").arg(p.integer(OH)).arg(p.integer(OW));
}

} // namespace

void registerPoolingLayers(LayerRegistry &registry)
{
    const double maxK = 1024;
    auto poolParams = [&](qint64 k, qint64 s) {
        return QVector<ParamSpec>{
            intParam("kernel_h", QT_TRANSLATE_NOOP("naqsh::layers", "Kernel height"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "Height of the pooling window"), k, 1, maxK,
                     "kernel_w"),
            intParam("kernel_w", QT_TRANSLATE_NOOP("naqsh::layers", "Kernel width"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "Width of the pooling window"), k, 1, maxK,
                     "kernel_h"),
            intParam("stride_h", QT_TRANSLATE_NOOP("naqsh::layers", "Stride height"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "Step between windows, vertically"), s, 1,
                     maxK, "stride_w"),
            intParam("stride_w", QT_TRANSLATE_NOOP("naqsh::layers", "Stride width"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "Step between windows, horizontally"), s, 1,
                     maxK, "stride_h"),
            intParam(
                "pad_h", QT_TRANSLATE_NOOP("naqsh::layers", "Padding height"),
                QT_TRANSLATE_NOOP("naqsh::layers",
                                  "Rows of padding on top and bottom (at most half the kernel)"),
                0, 0, maxK, "pad_w"),
            intParam(
                "pad_w", QT_TRANSLATE_NOOP("naqsh::layers", "Padding width"),
                QT_TRANSLATE_NOOP("naqsh::layers",
                                  "Columns of padding on left and right (at most half the kernel)"),
                0, 0, maxK, "pad_h"),
            boolParam("ceil_mode", QT_TRANSLATE_NOOP("naqsh::layers", "Ceil mode"),
                      QT_TRANSLATE_NOOP("naqsh::layers",
                                        "Round the output size up, as Caffe does, instead of down"),
                      false),
        };
    };

    LayerType mp;
    mp.id = QStringLiteral("maxpool2d");
    mp.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "MaxPool2d");
    mp.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "MaxPool");
    mp.category = QT_TRANSLATE_NOOP("naqsh::layers", "Pooling");
    mp.help = QT_TRANSLATE_NOOP("naqsh::layers",
                                "Max pooling: keeps the largest value of each window. Shrinks the "
                                "feature map, keeps the channels, has no parameters.");
    mp.params = poolParams(2, 2);
    mp.shape = maxShape;
    mp.cost = maxCost;
    mp.summary = poolSummary;
    mp.explain = maxExplain;
    registry.add(mp);

    LayerType ap = mp;
    ap.id = QStringLiteral("avgpool2d");
    ap.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "AvgPool2d");
    ap.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "AvgPool");
    ap.help =
        QT_TRANSLATE_NOOP("naqsh::layers", "Average pooling: the mean of each window. Counted as "
                                           "(window − 1) additions and one division per output.");
    ap.shape = avgShape;
    ap.cost = avgCost;
    ap.explain = avgExplain;
    registry.add(ap);

    LayerType gp;
    gp.id = QStringLiteral("global_avgpool");
    gp.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "GlobalAvgPool");
    gp.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "GAP");
    gp.category = mp.category;
    gp.help = QT_TRANSLATE_NOOP("naqsh::layers",
                                "Global average pooling: averages each channel over the whole map, "
                                "giving N×C×1×1. Replaces large fully connected heads.");
    gp.shape = globalShape;
    gp.cost = globalCost;
    gp.explain = globalExplain;
    registry.add(gp);

    LayerType ad;
    ad.id = QStringLiteral("adaptive_avgpool2d");
    ad.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "AdaptiveAvgPool2d");
    ad.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "AdaptiveAvg");
    ad.category = mp.category;
    ad.help = QT_TRANSLATE_NOOP("naqsh::layers",
                                "Adaptive average pooling: averages windows chosen so that the "
                                "output has the requested size, whatever the input size.");
    ad.params = {
        intParam("output_h", QT_TRANSLATE_NOOP("naqsh::layers", "Output height"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Height of the output map"), 1, 1, kMaxDim,
                 "output_w"),
        intParam("output_w", QT_TRANSLATE_NOOP("naqsh::layers", "Output width"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Width of the output map"), 1, 1, kMaxDim,
                 "output_h"),
    };
    ad.shape = adaptiveShape;
    ad.cost = adaptiveCost;
    ad.summary = adaptiveSummary;
    registry.add(ad);
}

} // namespace naqsh
