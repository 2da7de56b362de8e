// BatchNorm2d, LRN, and the normalisations computed at inference too: LayerNorm, GroupNorm,
// InstanceNorm.
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

enum BnP { Affine, Eps };

ShapeResult bnShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "BatchNorm2d")); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(in[0]);
}

Costs bnCost(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    if (p.flag(Affine)) {
        c.weights = out.c();
        c.bias = out.c();
    }
    c.buffers = CheckedInt(2) * out.c();
    // At inference the normalisation folds into one multiply and one add per value.
    c.muls = out.elements();
    c.adds = out.elements();
    c.activations = out.elements();
    return c;
}

QVector<FormulaLine> bnExplain(const ParamValues &p, std::span<const TensorShape>,
                               const TensorShape &out)
{
    return {
        {QCoreApplication::translate("naqsh::layers", "Parameters"),
         p.flag(Affine) ? QStringLiteral("2 × %1 = %2").arg(out.c()).arg(num(2 * out.c()))
                        : QStringLiteral("0"),
         QCoreApplication::translate("naqsh::layers", "a learned scale and shift per channel")},
        {QCoreApplication::translate("naqsh::layers", "Buffers"),
         QStringLiteral("2 × %1 = %2").arg(out.c()).arg(num(2 * out.c())),
         QCoreApplication::translate(
             "naqsh::layers", "running mean and variance per channel: stored, but not trained")},
        {QCoreApplication::translate("naqsh::layers", "Operations"),
         QStringLiteral("%1 × (1 + 1)").arg(num(out.elements().value())),
         QCoreApplication::translate(
             "naqsh::layers",
             "at inference it folds into one multiplication and one addition per value")}};
}

enum LrnP { Size, Alpha, Beta, K };

ShapeResult lrnShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "LRN")); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(in[0]);
}

Costs lrnCost(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    // Per value: size squares and size − 1 additions over the window, one multiply by alpha/size,
    // one add of k, one power (counted with exps) and one division.
    Costs c;
    const qint64 n = p.integer(Size);
    c.muls = out.elements() * (n + 1);
    c.adds = out.elements() * n;
    c.exps = out.elements();
    c.divs = out.elements();
    c.activations = out.elements();
    return c;
}

QString lrnSummary(const ParamValues &p)
{
    return QStringLiteral("n=%1").arg(p.integer(Size));
}

// ---- LayerNorm, GroupNorm, InstanceNorm ----
// Statistics are computed at inference, over groups of m values each:
//   mean: m − 1 additions and 1 division; x − μ: m additions (subtractions); variance: m
//   multiplications (squares), m − 1 additions and 1 division; + ε: 1 addition; √: 1
//   transcendental; normalising: m divisions. With a learned scale and shift, 1 multiplication
//   and 1 addition more per value.
enum NormP { NAffine, NEps, NSize };

Costs statsCost(qint64 m, const TensorShape &out, bool affine)
{
    Costs c;
    const CheckedInt values = out.elements();
    const CheckedInt groups = values.value() / std::max<qint64>(m, 1);
    c.adds = groups * (CheckedInt(3) * m - 1);
    c.muls = values;
    c.divs = groups * 2 + values;
    c.exps = groups;
    if (affine) {
        c.adds += values;
        c.muls += values;
    }
    c.activations = values;
    return c;
}

QVector<FormulaLine> statsExplain(qint64 m, const QString &over, const TensorShape &out,
                                  bool affine, qint64 params)
{
    const qint64 groups = out.elements().value() / std::max<qint64>(m, 1);
    const Costs c = statsCost(m, out, affine);
    return {{QCoreApplication::translate("naqsh::layers", "Groups"),
             QStringLiteral("%1 / %2 = %3")
                 .arg(num(out.elements().value()))
                 .arg(num(m))
                 .arg(num(groups)),
             QCoreApplication::translate("naqsh::layers",
                                         "mean and variance are computed over %1 values: %2")
                 .arg(num(m), over)},
            {QCoreApplication::translate("naqsh::layers", "Additions"),
             QStringLiteral("%1 × (3 × %2 − 1)%3 = %4")
                 .arg(num(groups))
                 .arg(num(m))
                 .arg(affine ? QStringLiteral(" + %1").arg(num(out.elements().value())) : QString())
                 .arg(num(c.adds.value())),
             QCoreApplication::translate("naqsh::layers",
                                         "the sum for the mean, x − mean, the sum of squares and "
                                         "+ ε per group; with the shift, one more per value")},
            {QCoreApplication::translate("naqsh::layers", "Divisions"),
             QStringLiteral("%1 × 2 + %2 = %3")
                 .arg(num(groups))
                 .arg(num(out.elements().value()))
                 .arg(num(c.divs.value())),
             QCoreApplication::translate("naqsh::layers",
                                         "mean and variance per group, then every value by σ")},
            {QCoreApplication::translate("naqsh::layers", "Parameters"), num(params),
             affine ? QCoreApplication::translate("naqsh::layers",
                                                  "a learned scale and shift per normalised "
                                                  "position")
                    : QCoreApplication::translate("naqsh::layers", "no learned scale or shift")}};
}

QString normInputError(std::span<const TensorShape> in, const char *what)
{
    if (QString e = needAny(in, what); !e.isEmpty())
        return e;
    if (in[0].rank < 2)
        return QCoreApplication::translate("naqsh::layers",
                                           "%1 needs at least a batch and a channel (N×C…), but "
                                           "its input is %2")
            .arg(tr(what), in[0].toString());
    return {};
}

ShapeResult lnShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = normInputError(in, QT_TRANSLATE_NOOP("naqsh::layers", "LayerNorm"));
        !e.isEmpty())
        return ShapeResult::fail(e);
    if (p.integer(NSize) >= in[0].rank)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "LayerNorm over the last %1 dimensions needs an input of "
                                        "rank above %1 (the batch is never normalised), not %2")
                .arg(p.integer(NSize))
                .arg(in[0].toString()));
    return ShapeResult::ok(in[0]);
}

qint64 lnSize(const ParamValues &p, const TensorShape &x)
{
    return x.product(x.rank - int(p.integer(NSize)), x.rank).value();
}

Costs lnCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    const qint64 m = lnSize(p, in[0]);
    Costs c = statsCost(m, out, p.flag(NAffine));
    if (p.flag(NAffine)) {
        c.weights = m;
        c.bias = m;
    }
    return c;
}

QVector<FormulaLine> lnExplain(const ParamValues &p, std::span<const TensorShape> in,
                               const TensorShape &out)
{
    const qint64 m = lnSize(p, in[0]);
    return statsExplain(m,
                        QCoreApplication::translate("naqsh::layers", "the last %n dimension(s)",
                                                    nullptr, int(p.integer(NSize))),
                        out, p.flag(NAffine), p.flag(NAffine) ? 2 * m : 0);
}

QString lnSummary(const ParamValues &p)
{
    return QStringLiteral("last %1").arg(p.integer(NSize));
}

enum GnP { GGroups, GAffine, GEps };

ShapeResult gnShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = normInputError(in, QT_TRANSLATE_NOOP("naqsh::layers", "GroupNorm"));
        !e.isEmpty())
        return ShapeResult::fail(e);
    if (in[0].c() % p.integer(GGroups) != 0)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "GroupNorm needs the %1 channels to be a multiple of the "
                                        "%2 groups")
                .arg(in[0].c())
                .arg(p.integer(GGroups)));
    return ShapeResult::ok(in[0]);
}

Costs gnCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    const TensorShape &x = in[0];
    const qint64 m = x.c() / p.integer(GGroups) * x.product(2, x.rank).value();
    Costs c = statsCost(m, out, p.flag(GAffine));
    if (p.flag(GAffine)) {
        c.weights = x.c();
        c.bias = x.c();
    }
    return c;
}

QVector<FormulaLine> gnExplain(const ParamValues &p, std::span<const TensorShape> in,
                               const TensorShape &out)
{
    const TensorShape &x = in[0];
    const qint64 m = x.c() / p.integer(GGroups) * x.product(2, x.rank).value();
    return statsExplain(
        m,
        QCoreApplication::translate("naqsh::layers", "%1 channels of a group, at every position")
            .arg(x.c() / p.integer(GGroups)),
        out, p.flag(GAffine), p.flag(GAffine) ? 2 * x.c() : 0);
}

QString gnSummary(const ParamValues &p)
{
    return QStringLiteral("g=%1").arg(p.integer(GGroups));
}

ShapeResult inShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = normInputError(in, QT_TRANSLATE_NOOP("naqsh::layers", "InstanceNorm"));
        !e.isEmpty())
        return ShapeResult::fail(e);
    if (in[0].rank < 3)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "InstanceNorm normalises each channel over its positions, "
                                        "so it needs N×C×L, N×C×H×W or N×C×D×H×W, not %1")
                .arg(in[0].toString()));
    return ShapeResult::ok(in[0]);
}

Costs inCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    const TensorShape &x = in[0];
    Costs c = statsCost(x.product(2, x.rank).value(), out, p.flag(NAffine));
    if (p.flag(NAffine)) {
        c.weights = x.c();
        c.bias = x.c();
    }
    return c;
}

QVector<FormulaLine> inExplain(const ParamValues &p, std::span<const TensorShape> in,
                               const TensorShape &out)
{
    const TensorShape &x = in[0];
    return statsExplain(x.product(2, x.rank).value(),
                        QCoreApplication::translate("naqsh::layers",
                                                    "one channel of one sample, at every position"),
                        out, p.flag(NAffine), p.flag(NAffine) ? 2 * x.c() : 0);
}

ParamSpec affineParam(bool def)
{
    return boolParam("affine", QT_TRANSLATE_NOOP("naqsh::layers", "Learned scale and shift"),
                     QT_TRANSLATE_NOOP("naqsh::layers",
                                       "Learn a scale and a shift per normalised position (per "
                                       "channel for GroupNorm and InstanceNorm)"),
                     def);
}

ParamSpec epsParam()
{
    return realParam(
        "eps", QT_TRANSLATE_NOOP("naqsh::layers", "Epsilon"),
        QT_TRANSLATE_NOOP("naqsh::layers", "Added to the variance for numerical stability"), 1e-5,
        0, 1);
}

} // namespace

void registerNormalizationLayers(LayerRegistry &registry)
{
    LayerType bn;
    bn.id = QStringLiteral("batchnorm2d");
    bn.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "BatchNorm2d");
    bn.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "BN");
    bn.category = QT_TRANSLATE_NOOP("naqsh::layers", "Normalization");
    bn.help = QT_TRANSLATE_NOOP("naqsh::layers",
                                "Batch normalisation per channel: 2·C trainable parameters (scale "
                                "and shift) and 2·C buffers (running mean and variance).");
    bn.params = {
        boolParam("affine", QT_TRANSLATE_NOOP("naqsh::layers", "Learned scale and shift"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Learn a scale and a shift per channel"),
                  true),
        realParam(
            "eps", QT_TRANSLATE_NOOP("naqsh::layers", "Epsilon"),
            QT_TRANSLATE_NOOP("naqsh::layers", "Added to the variance for numerical stability"),
            1e-5, 0, 1),
    };
    bn.shape = bnShape;
    bn.cost = bnCost;
    bn.explain = bnExplain;
    registry.add(bn);

    LayerType lrn;
    lrn.id = QStringLiteral("lrn");
    lrn.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "LRN");
    lrn.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "LRN");
    lrn.category = bn.category;
    lrn.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Local response normalisation across neighbouring channels, as in AlexNet and GoogLeNet: "
        "x / (k + alpha/size · Σ x²)^beta over size channels.");
    lrn.params = {
        intParam("size", QT_TRANSLATE_NOOP("naqsh::layers", "Size"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Number of neighbouring channels summed"), 5, 1,
                 1024),
        realParam("alpha", QT_TRANSLATE_NOOP("naqsh::layers", "Alpha"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Scale of the sum of squares"), 1e-4, 0, 1e6),
        realParam("beta", QT_TRANSLATE_NOOP("naqsh::layers", "Beta"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Exponent"), 0.75, 0, 1e6),
        realParam("k", QT_TRANSLATE_NOOP("naqsh::layers", "k"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Additive constant"), 1.0, 0, 1e6),
    };
    lrn.shape = lrnShape;
    lrn.cost = lrnCost;
    lrn.summary = lrnSummary;
    registry.add(lrn);

    LayerType ln;
    ln.id = QStringLiteral("layernorm");
    ln.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "LayerNorm");
    ln.shortName = ln.displayName;
    ln.category = bn.category;
    ln.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Normalises each sample over its last dimensions (the features of every token in a "
        "transformer, N×L×D over D; ConvNeXt over the channels), with mean and variance computed "
        "at inference: per group of m values, 3m − 1 additions, m multiplications, m + 2 "
        "divisions and one square root; a learned scale and shift add one multiplication and "
        "one addition per value and 2m parameters.");
    ln.params = {affineParam(true), epsParam(),
                 intParam("dims", QT_TRANSLATE_NOOP("naqsh::layers", "Normalised dimensions"),
                          QT_TRANSLATE_NOOP("naqsh::layers",
                                            "How many trailing dimensions are normalised together "
                                            "(1: the last, as nn.LayerNorm(D))"),
                          1, 1, TensorShape::kMaxRank - 1)};
    ln.shape = lnShape;
    ln.cost = lnCost;
    ln.summary = lnSummary;
    ln.explain = lnExplain;
    registry.add(ln);

    LayerType gn;
    gn.id = QStringLiteral("groupnorm");
    gn.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "GroupNorm");
    gn.shortName = gn.displayName;
    gn.category = bn.category;
    gn.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Normalises groups of channels of each sample over all their positions, independent of "
        "the batch size. Costs as LayerNorm with m = C/groups × H × W; 2C parameters with the "
        "learned scale and shift.");
    gn.params = {intParam("groups", QT_TRANSLATE_NOOP("naqsh::layers", "Groups"),
                          QT_TRANSLATE_NOOP("naqsh::layers",
                                            "Number of channel groups; the channels must divide"),
                          32, 1, kMaxDim),
                 affineParam(true), epsParam()};
    gn.shape = gnShape;
    gn.cost = gnCost;
    gn.summary = gnSummary;
    gn.explain = gnExplain;
    registry.add(gn);

    LayerType inorm;
    inorm.id = QStringLiteral("instancenorm");
    inorm.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "InstanceNorm");
    inorm.shortName = inorm.displayName;
    inorm.category = bn.category;
    inorm.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Normalises every channel of every sample over its positions (style transfer): GroupNorm "
        "with one channel per group. Costs as LayerNorm with m = H × W; no parameters unless the "
        "scale and shift are learned (2C), as in PyTorch's default.");
    inorm.params = {affineParam(false), epsParam()};
    inorm.shape = inShape;
    inorm.cost = inCost;
    inorm.explain = inExplain;
    registry.add(inorm);
}

} // namespace naqsh
