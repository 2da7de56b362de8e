// BatchNorm2d and LRN.
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
}

} // namespace naqsh
