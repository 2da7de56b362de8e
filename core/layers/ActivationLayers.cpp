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

Costs gelu(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.muls = CheckedInt(3) * out.elements();
    c.adds = out.elements();
    c.exps = out.elements();
    c.activations = out.elements();
    return c;
}

Costs softmax(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    // Over the channel (or feature) axis: one exp per value, C − 1 additions per row for the
    // sum, one division per value.
    const CheckedInt rows = out.elements().value() / std::max<qint64>(out.c(), 1);
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
    registry.add(
        activation("gelu", QT_TRANSLATE_NOOP("naqsh::layers", "GELU"),
                   QT_TRANSLATE_NOOP("naqsh::layers",
                                     "0.5·x·(1 + erf(x/√2)): three multiplications, one addition "
                                     "and one transcendental (erf, counted with exps) per value."),
                   gelu));
    registry.add(activation(
        "softmax", QT_TRANSLATE_NOOP("naqsh::layers", "Softmax"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Over the channel axis: e^x / Σ e^x. One exponential and one division "
                          "per value, and C − 1 additions per row for the sum."),
        softmax));
}

} // namespace naqsh
