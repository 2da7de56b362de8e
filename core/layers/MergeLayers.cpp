// Concat (along any axis) and Add (element-wise with broadcasting).
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

QString checkInputs(std::span<const TensorShape> in, const char *name, bool sameRank = true)
{
    if (in.empty())
        return QCoreApplication::translate("naqsh::layers",
                                           "%1 has no inputs: connect at least one layer to it")
            .arg(tr(name));
    for (size_t i = 0; i < in.size(); ++i)
        if (!in[i].isValid())
            return QCoreApplication::translate("naqsh::layers", "%1 input %2 has no shape")
                .arg(tr(name))
                .arg(i + 1);
    for (size_t i = 1; i < in.size() && sameRank; ++i)
        if (in[i].rank != in[0].rank)
            return QCoreApplication::translate("naqsh::layers",
                                               "%1 inputs have different ranks: %2 vs %3")
                .arg(tr(name), in[0].toString(), in[i].toString());
    return {};
}

ShapeResult concatShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = checkInputs(in, QT_TRANSLATE_NOOP("naqsh::layers", "Concat")); !e.isEmpty())
        return ShapeResult::fail(e);
    TensorShape out = in[0];
    const int along = out.axis(p.integer(0));
    if (along < 0)
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "Concat axis %1 does not exist in the inputs %2")
                .arg(p.integer(0))
                .arg(in[0].toString()));
    CheckedInt total = 0;
    for (size_t i = 0; i < in.size(); ++i) {
        for (int axis = 0; axis < out.rank; ++axis) {
            if (axis == along)
                continue;
            if (in[i].dims[axis] != in[0].dims[axis])
                return ShapeResult::fail(
                    QCoreApplication::translate(
                        "naqsh::layers",
                        "Concat inputs differ in %1: %2 vs %3 (input 1 is %4, input %5 is %6)")
                        .arg(dimLabel(out, axis))
                        .arg(in[0].dims[axis])
                        .arg(in[i].dims[axis])
                        .arg(in[0].toString())
                        .arg(i + 1)
                        .arg(in[i].toString()));
        }
        total += in[i].dims[along];
    }
    out.dims[along] = total.value();
    if (total.overflowed())
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "Concat output is too large"));
    return ShapeResult::ok(out);
}

QString concatSummary(const ParamValues &p)
{
    return p.integer(0) == 1 ? QString() : QStringLiteral("dim=%1").arg(p.integer(0));
}

Costs concatCost(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.activations = out.elements();
    return c;
}

ShapeResult addShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = checkInputs(in, QT_TRANSLATE_NOOP("naqsh::layers", "Add"), false); !e.isEmpty())
        return ShapeResult::fail(e);
    TensorShape out = in[0];
    for (size_t i = 1; i < in.size(); ++i) {
        int axis = 0;
        const TensorShape before = out;
        if (TensorShape::broadcast(before, in[i], &out, &axis))
            continue;
        const int rank = std::max(before.rank, in[i].rank);
        const int ia = axis - (rank - before.rank), ib = axis - (rank - in[i].rank);
        return ShapeResult::fail(
            QCoreApplication::translate(
                "naqsh::layers",
                "Add inputs cannot be broadcast in %1: %2 vs %3 (input 1 is %4, input %5 is "
                "%6); each dimension must be equal, or 1 in one of them")
                .arg(dimLabel(before.rank >= in[i].rank ? before : in[i], axis))
                .arg(ia >= 0 ? before.dims[ia] : 1)
                .arg(ib >= 0 ? in[i].dims[ib] : 1)
                .arg(in[0].toString())
                .arg(i + 1)
                .arg(in[i].toString()));
    }
    return ShapeResult::ok(out);
}

Costs addCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    // One addition per output value for each operand after the first; a constant operand of an
    // imported file is one more.
    c.adds = out.elements() *
             qint64(std::max<size_t>(in.size(), 1) - 1 + (p.size() > 0 && p.flag(0) ? 1 : 0));
    if (p.size() > 1)
        c.weights = p.integer(1);
    c.activations = out.elements();
    return c;
}

QVector<FormulaLine> concatExplain(const ParamValues &p, std::span<const TensorShape> in,
                                   const TensorShape &out)
{
    const int along = std::max(out.axis(p.integer(0)), 0);
    QStringList parts;
    for (const TensorShape &s : in)
        parts << QString::number(s.dims[along]);
    const QString quantity =
        along == 1 && out.effectiveLayout() != TensorLayout::Sequence
            ? QCoreApplication::translate("naqsh::layers", "Output channels")
            : QCoreApplication::translate("naqsh::layers", "Output size in dimension %1 (%2)")
                  .arg(along)
                  .arg(dimLabel(out, along));
    return {{quantity,
             parts.join(QStringLiteral(" + ")) + QStringLiteral(" = %1").arg(out.dims[along]),
             QCoreApplication::translate(
                 "naqsh::layers",
                 "Concat stacks its inputs along one axis; every other dimension must match")},
            {QCoreApplication::translate("naqsh::layers", "Operations"), QStringLiteral("0"),
             QCoreApplication::translate("naqsh::layers",
                                         "copying tensors side by side does no arithmetic")}};
}

QVector<FormulaLine> addExplain(const ParamValues &p, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    const qint64 k = qint64(in.size()) + (p.size() > 0 && p.flag(0) ? 1 : 0);
    return {{QCoreApplication::translate("naqsh::layers", "Additions"),
             QStringLiteral("%1 × (%2 − 1) = %3")
                 .arg(num(out.elements().value()))
                 .arg(k)
                 .arg(num((out.elements() * (k - 1)).value())),
             QCoreApplication::translate(
                 "naqsh::layers", "adding k tensors takes k − 1 additions per output value")}};
}

} // namespace

void registerMergeLayers(LayerRegistry &registry)
{
    LayerType cat;
    cat.id = QStringLiteral("concat");
    cat.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Concat");
    cat.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Concat");
    cat.category = QT_TRANSLATE_NOOP("naqsh::layers", "Merge");
    cat.help =
        QT_TRANSLATE_NOOP("naqsh::layers", "Joins its inputs along one axis, in input order: the "
                                           "channel axis (1) by default, where batch, height and "
                                           "width must match. Inception modules concatenate their "
                                           "branches; ViT puts its class token in front of the "
                                           "patch tokens along axis 1 of N×L×D.");
    cat.params = {intParam("axis", QT_TRANSLATE_NOOP("naqsh::layers", "Axis"),
                           QT_TRANSLATE_NOOP("naqsh::layers",
                                             "Dimension to join along (negative counts from the "
                                             "end); 1 is the channels of N×C×H×W"),
                           1, -TensorShape::kMaxRank, TensorShape::kMaxRank - 1)};
    cat.summary = concatSummary;
    cat.minInputs = 1;
    cat.maxInputs = -1;
    cat.shape = concatShape;
    cat.cost = concatCost;
    cat.explain = concatExplain;
    registry.add(cat);

    LayerType add;
    add.id = QStringLiteral("add");
    add.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Add");
    add.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Add");
    add.category = cat.category;
    add.help = QT_TRANSLATE_NOOP("naqsh::layers",
                                 "Element-wise sum of its inputs, as in a residual connection. "
                                 "Broadcasting rule (NumPy's): inputs must have the same "
                                 "rank; in each dimension the sizes must be equal, or one of them "
                                 "must be 1, which is stretched to the other. "
                                 "k inputs cost k − 1 additions per output value.");
    add.params = {
        boolParam("constant_operand", QT_TRANSLATE_NOOP("naqsh::layers", "Constant operand"),
                  QT_TRANSLATE_NOOP(
                      "naqsh::layers",
                      "One operand is a constant of the imported file (a scale or a shift), "
                      "not a connected layer: it still costs one operation per value"),
                  false),
        intParam("params", QT_TRANSLATE_NOOP("naqsh::layers", "Parameters (from the file)"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Elements of the constant operand (a learned scale or "
                                   "shift in the imported file)"),
                 0, 0, 1e15)};
    add.minInputs = 1;
    add.maxInputs = -1;
    add.shape = addShape;
    add.cost = addCost;
    add.explain = addExplain;
    registry.add(add);
}

} // namespace naqsh
