// Dropout, Flatten, Upsample, ZeroPad2d: layers that move or reshape values.
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

#include <cmath>

namespace naqsh {
using namespace rules;

namespace {

ShapeResult dropoutShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Dropout")); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(in[0]);
}

Costs tensorOnly(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.activations = out.elements();
    return c;
}

QString dropoutSummary(const ParamValues &p)
{
    return QStringLiteral("p=%1").arg(p.real(0));
}

enum FlatP { StartDim, EndDim };

ShapeResult flattenShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "Flatten")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    const int start = x.axis(p.integer(StartDim)), end = x.axis(p.integer(EndDim));
    if (start < 0 || end < 0 || end < start)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "Flatten from dimension %1 to %2 does not fit the input %3")
                .arg(p.integer(StartDim))
                .arg(p.integer(EndDim))
                .arg(x.toString()));
    const CheckedInt f = x.product(start, end + 1);
    if (f.overflowed())
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "the flattened size overflows"));
    std::array<qint64, TensorShape::kMaxRank> dims{};
    int rank = 0;
    for (int i = 0; i < start; ++i)
        dims[size_t(rank++)] = x.dims[i];
    dims[size_t(rank++)] = f.value();
    for (int i = end + 1; i < x.rank; ++i)
        dims[size_t(rank++)] = x.dims[i];
    TensorShape out = TensorShape::of(std::span<const qint64>(dims.data(), size_t(rank)));
    // N×C×H×W flattened from dimension 2 is a batch of 1-D signals N×C×(H·W) (ViT's patches).
    if (x.effectiveLayout() == TensorLayout::Image && rank == 3 && start == 2)
        out.layout = TensorLayout::Channels1d;
    return ShapeResult::ok(out);
}

QString flattenSummary(const ParamValues &p)
{
    if (p.integer(StartDim) == 1 && p.integer(EndDim) == -1)
        return {};
    return QStringLiteral("%1..%2").arg(p.integer(StartDim)).arg(p.integer(EndDim));
}

QVector<FormulaLine> flattenExplain(const ParamValues &p, std::span<const TensorShape> in,
                                    const TensorShape &out)
{
    const TensorShape &x = in[0];
    const int start = x.axis(p.integer(StartDim)), end = x.axis(p.integer(EndDim));
    QStringList parts;
    for (int i = start; i <= end && i >= 0; ++i)
        parts << QString::number(x.dims[i]);
    const qint64 merged = start >= 0 ? out.dims[start] : 0;
    return {{QCoreApplication::translate("naqsh::layers", "Features"),
             parts.size() > 1
                 ? parts.join(QStringLiteral(" × ")) + QStringLiteral(" = ") + num(merged)
                 : QString::number(merged),
             QCoreApplication::translate(
                 "naqsh::layers",
                 "dimensions %1 to %2 are laid out in a single row; nothing is computed")
                 .arg(start)
                 .arg(end)}};
}

enum UpP { Mode, ScaleH, ScaleW };
enum UpMode { Nearest, Bilinear };

ShapeResult upShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "Upsample")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    const TensorShape out =
        TensorShape::nchw(x.n(), x.c(), qint64(std::floor(double(x.h()) * p.real(ScaleH))),
                          qint64(std::floor(double(x.w()) * p.real(ScaleW))));
    if (QString e = checkDims(out); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(out);
}

Costs upCost(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    if (p.choice(Mode) == Bilinear) {
        // A weighted sum of the four nearest inputs: 4 multiplications and 3 additions.
        c.muls = CheckedInt(4) * out.elements();
        c.adds = CheckedInt(3) * out.elements();
    }
    c.activations = out.elements();
    return c;
}

QString upSummary(const ParamValues &p)
{
    const QString mode =
        p.choice(Mode) == Bilinear ? QStringLiteral("bilinear") : QStringLiteral("nearest");
    return QStringLiteral("×%1, %2").arg(p.real(ScaleH)).arg(mode);
}

enum PadP { Left, Right, Top, Bottom };

ShapeResult padShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needImage(in, QT_TRANSLATE_NOOP("naqsh::layers", "ZeroPad2d")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    const TensorShape out =
        TensorShape::nchw(x.n(), x.c(), x.h() + p.integer(Top) + p.integer(Bottom),
                          x.w() + p.integer(Left) + p.integer(Right));
    if (QString e = checkDims(out); !e.isEmpty())
        return ShapeResult::fail(e);
    return ShapeResult::ok(out);
}

QString padSummary(const ParamValues &p)
{
    return QStringLiteral("%1,%2,%3,%4")
        .arg(p.integer(Left))
        .arg(p.integer(Right))
        .arg(p.integer(Top))
        .arg(p.integer(Bottom));
}

} // namespace

void registerShapeLayers(LayerRegistry &registry)
{
    const char *category = QT_TRANSLATE_NOOP("naqsh::layers", "Shape and utility");

    LayerType drop;
    drop.id = QStringLiteral("dropout");
    drop.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Dropout");
    drop.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Dropout");
    drop.category = category;
    drop.help = QT_TRANSLATE_NOOP("naqsh::layers",
                                  "During training, zeroes each value with probability p. At "
                                  "inference it does nothing, so it costs nothing here.");
    drop.params = {realParam(
        "p", QT_TRANSLATE_NOOP("naqsh::layers", "Probability"),
        QT_TRANSLATE_NOOP("naqsh::layers", "Probability of dropping a value during training"), 0.5,
        0, 0.999)};
    drop.shape = dropoutShape;
    drop.cost = tensorOnly;
    drop.summary = dropoutSummary;
    registry.add(drop);

    LayerType flat;
    flat.id = QStringLiteral("flatten");
    flat.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Flatten");
    flat.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Flatten");
    flat.category = category;
    flat.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Turns N×C×H×W into N×(C·H·W), keeping the batch, so that a Linear layer can follow. "
        "Start and end choose the dimensions merged: 2 to -1 turns N×C×H×W into N×C×(H·W), as "
        "ViT does with its patches.");
    flat.params = {
        intParam("start_dim", QT_TRANSLATE_NOOP("naqsh::layers", "Start dimension"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "First dimension merged (negative counts from the end)"),
                 1, -TensorShape::kMaxRank, TensorShape::kMaxRank - 1),
        intParam("end_dim", QT_TRANSLATE_NOOP("naqsh::layers", "End dimension"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Last dimension merged; -1 is the last"), -1,
                 -TensorShape::kMaxRank, TensorShape::kMaxRank - 1),
    };
    flat.summary = flattenSummary;
    flat.shape = flattenShape;
    flat.cost = tensorOnly;
    flat.explain = flattenExplain;
    registry.add(flat);

    LayerType up;
    up.id = QStringLiteral("upsample");
    up.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Upsample");
    up.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Upsample");
    up.category = category;
    up.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "Enlarges the feature map by a scale factor: output = floor(input × scale). Nearest copies "
        "values (no arithmetic); "
        "bilinear mixes the four nearest inputs (4 multiplications and 3 additions per output).");
    up.params = {
        choiceParam("mode", QT_TRANSLATE_NOOP("naqsh::layers", "Mode"),
                    QT_TRANSLATE_NOOP("naqsh::layers", "How new values are made"),
                    {QStringLiteral("nearest"), QStringLiteral("bilinear")},
                    {QT_TRANSLATE_NOOP("naqsh::layers", "nearest"),
                     QT_TRANSLATE_NOOP("naqsh::layers", "bilinear")},
                    Nearest),
        realParam("scale_h", QT_TRANSLATE_NOOP("naqsh::layers", "Scale height"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Factor applied to the height"), 2.0, 0.01,
                  1024, "scale_w"),
        realParam("scale_w", QT_TRANSLATE_NOOP("naqsh::layers", "Scale width"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "Factor applied to the width"), 2.0, 0.01,
                  1024, "scale_h"),
    };
    up.shape = upShape;
    up.cost = upCost;
    up.summary = upSummary;
    registry.add(up);

    LayerType pad;
    pad.id = QStringLiteral("zeropad2d");
    pad.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "ZeroPad2d");
    pad.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "ZeroPad");
    pad.category = category;
    pad.help = QT_TRANSLATE_NOOP("naqsh::layers",
                                 "Adds rows and columns of zeros around the feature map.");
    pad.params = {
        intParam("left", QT_TRANSLATE_NOOP("naqsh::layers", "Left"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Zero columns on the left"), 1, 0, 1024),
        intParam("right", QT_TRANSLATE_NOOP("naqsh::layers", "Right"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Zero columns on the right"), 1, 0, 1024),
        intParam("top", QT_TRANSLATE_NOOP("naqsh::layers", "Top"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Zero rows on top"), 1, 0, 1024),
        intParam("bottom", QT_TRANSLATE_NOOP("naqsh::layers", "Bottom"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Zero rows at the bottom"), 1, 0, 1024),
    };
    pad.shape = padShape;
    pad.cost = tensorOnly;
    pad.summary = padSummary;
    registry.add(pad);
}

} // namespace naqsh
