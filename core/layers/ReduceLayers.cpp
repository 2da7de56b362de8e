// ReduceMean, ReduceSum, ReduceMax, ReduceL2 over any axes, with or without keeping them as size 1.
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

enum ReduceP { Axes, KeepDims };
const char *kAxes = QT_TRANSLATE_NOOP("naqsh::layers", "Axes");

/// The axes a reduction runs over: the parameter, or every dimension after the batch.
QString reducedAxes(const ParamValues &p, const TensorShape &x, QVector<qint64> *axes)
{
    if (QString e = parseInts(p.value(Axes).toString(), kAxes, axes); !e.isEmpty())
        return e;
    if (axes->isEmpty())
        for (int i = 1; i < x.rank; ++i)
            axes->append(i);
    return normaliseAxes(axes, x.rank, kAxes);
}

ShapeResult reduceShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "This reduction")); !e.isEmpty())
        return ShapeResult::fail(e);
    const TensorShape &x = in[0];
    QVector<qint64> axes;
    if (QString e = reducedAxes(p, x, &axes); !e.isEmpty())
        return ShapeResult::fail(e);
    const bool keep = p.flag(KeepDims);
    std::array<qint64, TensorShape::kMaxRank> dims{};
    int rank = 0;
    for (int i = 0; i < x.rank; ++i) {
        if (!axes.contains(i))
            dims[size_t(rank++)] = x.dims[i];
        else if (keep)
            dims[size_t(rank++)] = 1;
    }
    TensorShape out = TensorShape::of(std::span<const qint64>(dims.data(), size_t(rank)));
    if (keep)
        out.layout = x.layout;
    return ShapeResult::ok(out);
}

/// Values folded into each output: the product of the reduced sizes.
CheckedInt perOutput(std::span<const TensorShape> in, const TensorShape &out)
{
    const qint64 o = std::max<qint64>(out.elements().value(), 1);
    return in[0].elements().value() / o;
}

Costs meanCost(const ParamValues &, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    c.adds = in[0].elements() - out.elements();
    c.divs = out.elements();
    c.activations = out.elements();
    return c;
}

Costs sumCost(const ParamValues &, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    c.adds = in[0].elements() - out.elements();
    c.activations = out.elements();
    return c;
}

Costs maxCost(const ParamValues &, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    c.comps = in[0].elements() - out.elements();
    c.activations = out.elements();
    return c;
}

Costs l2Cost(const ParamValues &, std::span<const TensorShape> in, const TensorShape &out)
{
    // Square every value, sum each output's k squares, one square root per output. Counted as
    // other operations, not MACs: PyTorch's linalg_vector_norm is no convolution or matrix
    // product, so the dispatch-level MAC count has none here. The square root is counted with
    // the transcendental functions (exps), as L2 Normalize and LayerNorm count theirs.
    Costs c;
    c.muls = in[0].elements();
    c.adds = in[0].elements() - out.elements();
    c.exps = out.elements();
    c.activations = out.elements();
    return c;
}

QString reduceSummary(const ParamValues &p)
{
    QString axes = p.value(Axes).toString().simplified().replace(QLatin1Char(' '), QString());
    if (axes.isEmpty())
        axes = QStringLiteral("1:");
    return QStringLiteral("dim=%1%2")
        .arg(axes, p.flag(KeepDims) ? QStringLiteral(", keep") : QString());
}

QVector<FormulaLine> reduceExplain(const char *quantity, const char *why, bool divides,
                                   std::span<const TensorShape> in, const TensorShape &out)
{
    const qint64 k = perOutput(in, out).value(), o = out.elements().value();
    QVector<FormulaLine> lines{
        {QCoreApplication::translate("naqsh::layers", "Output"),
         dimsText(in[0]) + QStringLiteral(" → ") + dimsText(out),
         QCoreApplication::translate("naqsh::layers", "each output gathers %1 input values")
             .arg(k)},
        {tr(quantity),
         QStringLiteral("%1 × (%2 − 1) = %3").arg(num(o)).arg(k).arg(num(o * (k - 1))), tr(why)}};
    if (divides)
        lines.append(
            {QCoreApplication::translate("naqsh::layers", "Divisions"), num(o),
             QCoreApplication::translate("naqsh::layers", "one division by %1 per output value")
                 .arg(k)});
    return lines;
}

QVector<FormulaLine> meanExplain(const ParamValues &, std::span<const TensorShape> in,
                                 const TensorShape &out)
{
    return reduceExplain(
        QT_TRANSLATE_NOOP("naqsh::layers", "Additions"),
        QT_TRANSLATE_NOOP("naqsh::layers", "summing k values takes k − 1 additions"), true, in,
        out);
}

QVector<FormulaLine> sumExplain(const ParamValues &, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    return reduceExplain(
        QT_TRANSLATE_NOOP("naqsh::layers", "Additions"),
        QT_TRANSLATE_NOOP("naqsh::layers", "summing k values takes k − 1 additions"), false, in,
        out);
}

QVector<FormulaLine> maxExplain(const ParamValues &, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    return reduceExplain(
        QT_TRANSLATE_NOOP("naqsh::layers", "Comparisons"),
        QT_TRANSLATE_NOOP("naqsh::layers", "the largest of k values takes k − 1 comparisons"),
        false, in, out);
}

QVector<FormulaLine> l2Explain(const ParamValues &, std::span<const TensorShape> in,
                               const TensorShape &out)
{
    QVector<FormulaLine> lines =
        reduceExplain(QT_TRANSLATE_NOOP("naqsh::layers", "Additions"),
                      QT_TRANSLATE_NOOP("naqsh::layers", "summing k squares takes k − 1 additions"),
                      false, in, out);
    const qint64 n = in[0].elements().value(), o = out.elements().value();
    lines.insert(1, {QCoreApplication::translate("naqsh::layers", "Multiplications"), num(n),
                     QCoreApplication::translate("naqsh::layers", "every input value is squared")});
    lines.append(
        {QCoreApplication::translate("naqsh::layers", "Square roots"), num(o),
         QCoreApplication::translate("naqsh::layers", "one square root per output value")});
    return lines;
}

LayerType reduction(const char *id, const char *name, const char *help, CostRule cost,
                    ExplainRule explain)
{
    LayerType t;
    t.id = QString::fromLatin1(id);
    t.displayName = name;
    t.shortName = name;
    t.category = QT_TRANSLATE_NOOP("naqsh::layers", "Pooling");
    t.help = help;
    t.params = {
        listParam("axes", kAxes,
                  QT_TRANSLATE_NOOP("naqsh::layers",
                                    "Dimensions to reduce, such as 2, 3 for height and width; "
                                    "empty: every dimension after the batch"),
                  "2, 3"),
        boolParam("keepdims", QT_TRANSLATE_NOOP("naqsh::layers", "Keep dimensions"),
                  QT_TRANSLATE_NOOP("naqsh::layers",
                                    "Keep the reduced dimensions with size 1 (N×C×1×1 instead "
                                    "of N×C)"),
                  true),
    };
    t.shape = reduceShape;
    t.cost = cost;
    t.summary = reduceSummary;
    t.explain = explain;
    return t;
}

} // namespace

void registerReduceLayers(LayerRegistry &registry)
{
    registry.add(reduction(
        "reduce_mean", QT_TRANSLATE_NOOP("naqsh::layers", "ReduceMean"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Mean over the chosen dimensions: k values cost k − 1 additions and "
                          "one division. Over height and width it is global average pooling; "
                          "over the last dimension it is the first step of LayerNorm."),
        meanCost, meanExplain));
    registry.add(reduction("reduce_sum", QT_TRANSLATE_NOOP("naqsh::layers", "ReduceSum"),
                           QT_TRANSLATE_NOOP("naqsh::layers",
                                             "Sum over the chosen dimensions: k values cost "
                                             "k − 1 additions."),
                           sumCost, sumExplain));
    registry.add(reduction("reduce_max", QT_TRANSLATE_NOOP("naqsh::layers", "ReduceMax"),
                           QT_TRANSLATE_NOOP("naqsh::layers",
                                             "Largest value over the chosen dimensions: k values "
                                             "cost k − 1 comparisons."),
                           maxCost, maxExplain));
    registry.add(reduction(
        "reduce_l2", QT_TRANSLATE_NOOP("naqsh::layers", "ReduceL2"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Euclidean (L2) norm over the chosen dimensions, √(Σ x²): k values cost "
                          "k multiplications, k − 1 additions and one square root. Swin V2's "
                          "cosine attention divides queries and keys by it (F.normalize)."),
        l2Cost, l2Explain));
}

} // namespace naqsh
