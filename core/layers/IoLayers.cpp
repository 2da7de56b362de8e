// Input, Output and Identity: the graph's ends and a pass-through.
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

enum InP { Layout, Batch, Channels, Height, Width, Features };
enum LayoutChoice { Image, Flat };

ShapeResult inputShape(const ParamValues &p, std::span<const TensorShape>, const RuleContext &ctx)
{
    const qint64 n = ctx.batchOverride > 0 ? ctx.batchOverride : p.integer(Batch);
    const TensorShape s =
        p.choice(Layout) == Flat
            ? TensorShape::nf(n, p.integer(Features))
            : TensorShape::nchw(n, p.integer(Channels), p.integer(Height), p.integer(Width));
    if (QString e = checkDims(s); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(s);
}

Costs tensorOnly(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.activations = out.elements();
    return c;
}

Costs nothing(const ParamValues &, std::span<const TensorShape>, const TensorShape &)
{
    return {};
}

QString inputSummary(const ParamValues &p)
{
    if (p.choice(Layout) == Flat)
        return QStringLiteral("%1").arg(p.integer(Features));
    return QStringLiteral("%1×%2×%3")
        .arg(p.integer(Channels))
        .arg(p.integer(Height))
        .arg(p.integer(Width));
}

ShapeResult passThrough(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "This layer")); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(in[0]);
}

QVector<FormulaLine> inputExplain(const ParamValues &, std::span<const TensorShape>,
                                  const TensorShape &out)
{
    return {{QCoreApplication::translate("naqsh::layers", "Activations"),
             out.toVector().size() == 4 ? QStringLiteral("%1 × %2 × %3 × %4 = %5")
                                              .arg(out.n())
                                              .arg(out.c())
                                              .arg(out.h())
                                              .arg(out.w())
                                              .arg(num(out.elements().value()))
                                        : QStringLiteral("%1 × %2 = %3")
                                              .arg(out.n())
                                              .arg(out.c())
                                              .arg(num(out.elements().value())),
             QCoreApplication::translate(
                 "naqsh::layers",
                 "the input tensor is held in memory like any activation; it has no parameters")}};
}

} // namespace

void registerIoLayers(LayerRegistry &registry)
{
    LayerType in;
    in.id = QStringLiteral("input");
    in.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Input");
    in.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Input");
    in.category = QT_TRANSLATE_NOOP("naqsh::layers", "Input and output");
    in.help = QT_TRANSLATE_NOOP("naqsh::layers",
                                "The data entering the network: an image batch N×C×H×W (batch, "
                                "channels, height, width) or a feature batch N×F.");
    in.params = {
        choiceParam("layout", QT_TRANSLATE_NOOP("naqsh::layers", "Layout"),
                    QT_TRANSLATE_NOOP("naqsh::layers", "image: N×C×H×W; features: N×F"),
                    {QStringLiteral("image"), QStringLiteral("features")},
                    {QT_TRANSLATE_NOOP("naqsh::layers", "image (N×C×H×W)"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "features (N×F)")},
                    Image),
        intParam("batch", QT_TRANSLATE_NOOP("naqsh::layers", "Batch size"),
                 QT_TRANSLATE_NOOP(
                     "naqsh::layers",
                     "Samples per batch; MACs and activations grow with it, parameters do not"),
                 1, 1, 1'000'000),
        intParam("channels", QT_TRANSLATE_NOOP("naqsh::layers", "Channels"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Channels of the input image (3 for RGB)"), 3,
                 1, kMaxDim),
        intParam("height", QT_TRANSLATE_NOOP("naqsh::layers", "Height"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Height in pixels"), 224, 1, kMaxDim, "width"),
        intParam("width", QT_TRANSLATE_NOOP("naqsh::layers", "Width"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Width in pixels"), 224, 1, kMaxDim, "height"),
        intParam("features", QT_TRANSLATE_NOOP("naqsh::layers", "Features"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Length of each feature vector (features layout only)"),
                 784, 1, kMaxDim),
    };
    in.minInputs = 0;
    in.maxInputs = 0;
    in.shape = inputShape;
    in.cost = tensorOnly;
    in.summary = inputSummary;
    in.explain = inputExplain;
    registry.add(in);

    LayerType out;
    out.id = QStringLiteral("output");
    out.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Output");
    out.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Output");
    out.category = in.category;
    out.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Marks a result of the network. It holds no new tensor and costs nothing.");
    out.hasOutput = false;
    out.shape = passThrough;
    out.cost = nothing;
    registry.add(out);

    LayerType id;
    id.id = QStringLiteral("identity");
    id.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Identity");
    id.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Identity");
    id.category = QT_TRANSLATE_NOOP("naqsh::layers", "Shape and utility");
    id.help = QT_TRANSLATE_NOOP("naqsh::layers",
                                "Passes its input through unchanged, e.g. the shortcut branch of a "
                                "residual block. No parameters, no operations.");
    id.shape = passThrough;
    id.cost = tensorOnly;
    registry.add(id);
}

} // namespace naqsh
