// Element-wise activations. Shapes pass through; operation counts per value are listed in each
// type's help so that a student can check them.
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

ShapeResult same(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "This activation"));
        !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(in[0]);
}

Costs relu(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.comps = out.elements();
    c.activations = out.elements();
    return c;
}

Costs relu6(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.comps = CheckedInt(2) * out.elements();
    c.activations = out.elements();
    return c;
}

Costs leaky(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.comps = out.elements();
    c.muls = out.elements();
    c.activations = out.elements();
    return c;
}

Costs prelu(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    // One learned slope per channel (dimension 1), or a single one shared by all channels.
    Costs c;
    c.weights = p.flag(0) ? 1 : std::max<qint64>(out.c(), 1);
    c.comps = out.elements();
    c.muls = out.elements();
    c.activations = out.elements();
    return c;
}

QString preluSummary(const ParamValues &p)
{
    return p.flag(0) ? QCoreApplication::translate("naqsh::layers", "shared")
                     : QCoreApplication::translate("naqsh::layers", "per channel");
}

Costs sigmoid(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.exps = out.elements();
    c.adds = out.elements();
    c.divs = out.elements();
    c.activations = out.elements();
    return c;
}

Costs tanhCost(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.exps = out.elements();
    c.activations = out.elements();
    return c;
}

Costs gelu(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    if (p.size() > 0 && p.choice(0) == 1) {
        // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))): x³ (2), ·0.044715, ·√(2/π), 0.5·x and
        // the last product are 6 multiplications; 2 additions; tanh is one transcendental.
        c.muls = CheckedInt(6) * out.elements();
        c.adds = CheckedInt(2) * out.elements();
    } else {
        c.muls = CheckedInt(3) * out.elements();
        c.adds = out.elements();
    }
    c.exps = out.elements();
    c.activations = out.elements();
    return c;
}

QString geluSummary(const ParamValues &p)
{
    return p.choice(0) == 1 ? QStringLiteral("tanh") : QStringLiteral("erf");
}

/// A cost of fixed counts per value.
template<int Exps, int Adds, int Muls, int Divs, int Comps>
Costs perValue(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.exps = CheckedInt(Exps) * out.elements();
    c.adds = CheckedInt(Adds) * out.elements();
    c.muls = CheckedInt(Muls) * out.elements();
    c.divs = CheckedInt(Divs) * out.elements();
    c.comps = CheckedInt(Comps) * out.elements();
    c.activations = out.elements();
    return c;
}

enum ClampP { HasMin, Min, HasMax, Max };

Costs clampCost(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    // One comparison per value for each bound that is set.
    Costs c;
    c.comps = CheckedInt(int(p.flag(HasMin)) + int(p.flag(HasMax))) * out.elements();
    c.activations = out.elements();
    return c;
}

QString clampSummary(const ParamValues &p)
{
    const QString lo = p.flag(HasMin) ? QString::number(p.real(Min)) : QStringLiteral("−∞");
    const QString hi = p.flag(HasMax) ? QString::number(p.real(Max)) : QStringLiteral("∞");
    return QStringLiteral("[%1, %2]").arg(lo, hi);
}

QString alphaSummary(const ParamValues &p)
{
    return QStringLiteral("α=%1").arg(p.real(0));
}

ShapeResult softmaxShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Softmax")); !e.isEmpty())
        return ShapeResult::fail(e);
    if (p.size() > 0 && in[0].axis(p.integer(0)) < 0)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "Axis %1 does not exist in the input %2")
                .arg(p.integer(0))
                .arg(in[0].toString()));
    return ShapeResult::ok(in[0]);
}

Costs softmax(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    // Over one axis (the channels by default, the keys' axis -1 in attention): one exp per
    // value, size − 1 additions per row for the sum, one division per value.
    const int axis = p.size() > 0 ? out.axis(p.integer(0)) : 1;
    const CheckedInt rows =
        out.elements().value() / std::max<qint64>(axis >= 0 ? out.dims[axis] : 1, 1);
    c.exps = out.elements();
    c.adds = out.elements() - rows;
    c.divs = out.elements();
    c.activations = out.elements();
    return c;
}

QString slopeSummary(const ParamValues &p)
{
    return QStringLiteral("%1").arg(p.real(0));
}

LayerType activation(const char *id, const char *name, const char *help, CostRule cost)
{
    LayerType t;
    t.id = QString::fromLatin1(id);
    t.displayName = name;
    t.shortName = name;
    t.category = QT_TRANSLATE_NOOP("naqsh::layers", "Activation");
    t.help = help;
    t.shape = same;
    t.cost = cost;
    return t;
}

} // namespace

void registerActivationLayers(LayerRegistry &registry)
{
    registry.add(
        activation("relu", QT_TRANSLATE_NOOP("naqsh::layers", "ReLU"),
                   QT_TRANSLATE_NOOP("naqsh::layers",
                                     "max(0, x) per value: one comparison each. No parameters."),
                   relu));
    registry.add(activation(
        "relu6", QT_TRANSLATE_NOOP("naqsh::layers", "ReLU6"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "min(max(0, x), 6) per value, as in MobileNet: two comparisons each."),
        relu6));
    LayerType clampType = activation(
        "clamp", QT_TRANSLATE_NOOP("naqsh::layers", "Clamp"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "min(max(x, low), high) per value (PyTorch's clamp, ONNX Clip): one "
                          "comparison per value for each bound that is set. F.normalize clamps "
                          "a norm to at least 1e-12 so that it never divides by zero."),
        clampCost);
    clampType.params = {
        boolParam("has_min", QT_TRANSLATE_NOOP("naqsh::layers", "Lower bound"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Raise values below the minimum to it"), true),
        realParam("min", QT_TRANSLATE_NOOP("naqsh::layers", "Minimum"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Smallest value let through"), 0.0, -1e30,
                  1e30),
        boolParam("has_max", QT_TRANSLATE_NOOP("naqsh::layers", "Upper bound"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Lower values above the maximum to it"), true),
        realParam("max", QT_TRANSLATE_NOOP("naqsh::layers", "Maximum"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Largest value let through"), 1.0, -1e30,
                  1e30),
    };
    clampType.summary = clampSummary;
    registry.add(clampType);
    LayerType leakyType = activation(
        "leaky_relu", QT_TRANSLATE_NOOP("naqsh::layers", "LeakyReLU"),
        QT_TRANSLATE_NOOP(
            "naqsh::layers",
            "x if x > 0, else slope·x: one comparison and one multiplication per value."),
        leaky);
    leakyType.params = {realParam(
        "negative_slope", QT_TRANSLATE_NOOP("naqsh::layers", "Negative slope"),
        QT_TRANSLATE_NOOP("naqsh::layers", "Factor applied to negative values"), 0.01, 0, 1)};
    leakyType.summary = slopeSummary;
    registry.add(leakyType);
    LayerType preluType = activation(
        "prelu", QT_TRANSLATE_NOOP("naqsh::layers", "PReLU"),
        QT_TRANSLATE_NOOP(
            "naqsh::layers",
            "x if x > 0, else a·x with a learned slope a per channel (or one shared slope): C "
            "trainable parameters, one comparison and one multiplication per value."),
        prelu);
    preluType.params = {
        boolParam("channel_shared", QT_TRANSLATE_NOOP("naqsh::layers", "Shared slope"),
                  QT_TRANSLATE_NOOP("naqsh::layers",
                                    "Learn one slope for all channels instead of one per channel"),
                  false)};
    preluType.summary = preluSummary;
    registry.add(preluType);
    registry.add(
        activation("sigmoid", QT_TRANSLATE_NOOP("naqsh::layers", "Sigmoid"),
                   QT_TRANSLATE_NOOP(
                       "naqsh::layers",
                       "1 / (1 + e^−x): one exponential, one addition and one division per value."),
                   sigmoid));
    registry.add(activation(
        "tanh", QT_TRANSLATE_NOOP("naqsh::layers", "Tanh"),
        QT_TRANSLATE_NOOP(
            "naqsh::layers",
            "Hyperbolic tangent: counted as one transcendental function (exp) per value."),
        tanhCost));
    LayerType geluType =
        activation("gelu", QT_TRANSLATE_NOOP("naqsh::layers", "GELU"),
                   QT_TRANSLATE_NOOP("naqsh::layers",
                                     "0.5·x·(1 + erf(x/√2)): three multiplications, one addition "
                                     "and one transcendental (erf, counted with exps) per value. "
                                     "The tanh form 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) "
                                     "costs six multiplications, two additions and one tanh."),
                   gelu);
    geluType.params = {choiceParam(
        "approximate", QT_TRANSLATE_NOOP("naqsh::layers", "Form"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "erf: the exact GELU (BERT, ViT); tanh: the approximation (GPT-2)"),
        {QStringLiteral("none"), QStringLiteral("tanh")},
        {QT_TRANSLATE_NOOP("naqsh::layers", "erf (exact)"),
         QT_TRANSLATE_NOOP("naqsh::layers", "tanh (approximate)")},
        0)};
    geluType.summary = geluSummary;
    registry.add(geluType);
    registry.add(activation(
        "silu", QT_TRANSLATE_NOOP("naqsh::layers", "SiLU"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "x · sigmoid(x), also called Swish (EfficientNet): one exponential, "
                          "one addition, one division and one multiplication per value."),
        perValue<1, 1, 1, 1, 0>));
    registry.add(activation(
        "hardswish", QT_TRANSLATE_NOOP("naqsh::layers", "HardSwish"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "x · ReLU6(x + 3) / 6 (MobileNetV3), Swish without the exponential: one "
                          "addition, two comparisons, one multiplication and one division per "
                          "value."),
        perValue<0, 1, 1, 1, 2>));
    registry.add(activation(
        "hardsigmoid", QT_TRANSLATE_NOOP("naqsh::layers", "HardSigmoid"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "ReLU6(x + 3) / 6, a piecewise-linear sigmoid (the gate of MobileNetV3's "
                          "squeeze-and-excitation): one addition, two comparisons and one "
                          "division per value."),
        perValue<0, 1, 0, 1, 2>));
    registry.add(activation(
        "mish", QT_TRANSLATE_NOOP("naqsh::layers", "Mish"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "x · tanh(softplus(x)) = x · tanh(ln(1 + eˣ)): three transcendentals "
                          "(exp, log, tanh), one addition and one multiplication per value."),
        perValue<3, 1, 1, 0, 0>));
    registry.add(activation(
        "softplus", QT_TRANSLATE_NOOP("naqsh::layers", "Softplus"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "ln(1 + eˣ), a smooth ReLU: two transcendentals (exp, log) and one "
                          "addition per value."),
        perValue<2, 1, 0, 0, 0>));
    LayerType eluType = activation(
        "elu", QT_TRANSLATE_NOOP("naqsh::layers", "ELU"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "x if x > 0, else α·(eˣ − 1): one comparison, one exponential, one "
                          "addition and one multiplication per value."),
        perValue<1, 1, 1, 0, 1>);
    eluType.params = {realParam(
        "alpha", QT_TRANSLATE_NOOP("naqsh::layers", "Alpha"),
        QT_TRANSLATE_NOOP("naqsh::layers", "Value approached for very negative inputs: −α"), 1.0, 0,
        1e6)};
    eluType.summary = alphaSummary;
    registry.add(eluType);
    LayerType softmaxType = activation(
        "softmax", QT_TRANSLATE_NOOP("naqsh::layers", "Softmax"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Over one axis (the channels by default; the last, -1, for attention "
                          "scores): e^x / Σ e^x. One exponential and one division per value, and "
                          "size − 1 additions per row for the sum."),
        softmax);
    softmaxType.params = {
        intParam("axis", QT_TRANSLATE_NOOP("naqsh::layers", "Axis"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Dimension the probabilities sum to 1 over "
                                                    "(negative counts from the end)"),
                 1, -TensorShape::kMaxRank, TensorShape::kMaxRank - 1)};
    softmaxType.shape = softmaxShape;
    registry.add(softmaxType);
}

} // namespace naqsh
