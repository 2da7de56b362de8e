// Input, Output and Identity: the graph's ends and a pass-through.
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

// Length and Depth came later, so they follow the first parameters (the saved order).
enum InP { Layout, Batch, Channels, Height, Width, Features, Length, Depth };
enum LayoutChoice { Image, Flat, Sequence, Signal, Volume };

ShapeResult inputShape(const ParamValues &p, std::span<const TensorShape>, const RuleContext &ctx)
{
    const qint64 n = ctx.batchOverride > 0 ? ctx.batchOverride : p.integer(Batch);
    TensorShape s;
    switch (p.choice(Layout)) {
    case Flat:
        s = TensorShape::nf(n, p.integer(Features));
        break;
    case Sequence:
        s = TensorShape::nld(n, p.integer(Length), p.integer(Features));
        break;
    case Signal:
        s = TensorShape::of({n, p.integer(Channels), p.integer(Length)}, TensorLayout::Channels1d);
        break;
    case Volume:
        s = TensorShape::of(
            {n, p.integer(Channels), p.integer(Depth), p.integer(Height), p.integer(Width)},
            TensorLayout::Volume);
        break;
    default:
        s = TensorShape::nchw(n, p.integer(Channels), p.integer(Height), p.integer(Width));
        break;
    }
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
    switch (p.choice(Layout)) {
    case Flat:
        return QStringLiteral("%1").arg(p.integer(Features));
    case Sequence:
        return QStringLiteral("%1×%2").arg(p.integer(Length)).arg(p.integer(Features));
    case Signal:
        return QStringLiteral("%1×%2").arg(p.integer(Channels)).arg(p.integer(Length));
    case Volume:
        return QStringLiteral("%1×%2×%3×%4")
            .arg(p.integer(Channels))
            .arg(p.integer(Depth))
            .arg(p.integer(Height))
            .arg(p.integer(Width));
    default:
        break;
    }
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
    QStringList dims;
    for (qint64 d : out.toVector())
        dims << QString::number(d);
    return {{QCoreApplication::translate("naqsh::layers", "Activations"),
             dims.join(times()) + QStringLiteral(" = ") + num(out.elements().value()),
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
                                "channels, height, width), a feature batch N×F, a batch of token "
                                "sequences N×L×D (length, features per token), a batch of 1-D "
                                "signals N×C×L or of volumes N×C×D×H×W.");
    in.params = {
        choiceParam("layout", QT_TRANSLATE_NOOP("naqsh::layers", "Layout"),
                    QT_TRANSLATE_NOOP("naqsh::layers",
                                      "image: N×C×H×W; features: N×F; sequence: N×L×D; signal: "
                                      "N×C×L; volume: N×C×D×H×W"),
                    {QStringLiteral("image"), QStringLiteral("features"),
                     QStringLiteral("sequence"), QStringLiteral("signal"),
                     QStringLiteral("volume")},
                    {QT_TRANSLATE_NOOP("naqsh::layers", "image (N×C×H×W)"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "features (N×F)"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "sequence (N×L×D)"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "signal (N×C×L)"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "volume (N×C×D×H×W)")},
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
                                   "Length of each feature vector (features layout), or of each "
                                   "token's vector D (sequence layout)"),
                 784, 1, kMaxDim),
        intParam("length", QT_TRANSLATE_NOOP("naqsh::layers", "Length"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Tokens per sequence L (sequence layout) or samples per signal "
                                   "(signal layout)"),
                 196, 1, kMaxDim),
        intParam("depth", QT_TRANSLATE_NOOP("naqsh::layers", "Depth"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Depth D of a volume (volume layout only)"), 16,
                 1, kMaxDim),
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
