// Concat (channel axis) and Add (element-wise with broadcasting).
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

const char *dimName(int rank, int axis)
{
    if (rank == 2)
        return axis == 0 ? QT_TRANSLATE_NOOP("naqsh::layers", "batch")
                         : QT_TRANSLATE_NOOP("naqsh::layers", "features");
    switch (axis) {
    case 0:
        return QT_TRANSLATE_NOOP("naqsh::layers", "batch");
    case 1:
        return QT_TRANSLATE_NOOP("naqsh::layers", "channels");
    case 2:
        return QT_TRANSLATE_NOOP("naqsh::layers", "height");
    default:
        return QT_TRANSLATE_NOOP("naqsh::layers", "width");
    }
}

QString checkInputs(std::span<const TensorShape> in, const char *name)
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
    for (size_t i = 1; i < in.size(); ++i)
        if (in[i].rank != in[0].rank)
            return QCoreApplication::translate("naqsh::layers",
                                               "%1 inputs have different ranks: %2 vs %3")
                .arg(tr(name), in[0].toString(), in[i].toString());
    return {};
}

ShapeResult concatShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = checkInputs(in, QT_TRANSLATE_NOOP("naqsh::layers", "Concat")); !e.isEmpty())
        return ShapeResult::fail(e);
    TensorShape out = in[0];
    CheckedInt channels = 0;
    for (size_t i = 0; i < in.size(); ++i) {
        for (int axis = 0; axis < out.rank; ++axis) {
            if (axis == 1)
                continue;
            if (in[i].dims[axis] != in[0].dims[axis])
                return ShapeResult::fail(
                    QCoreApplication::translate(
                        "naqsh::layers",
                        "Concat inputs differ in %1: %2 vs %3 (input 1 is %4, input %5 is %6)")
                        .arg(tr(dimName(out.rank, axis)))
                        .arg(in[0].dims[axis])
                        .arg(in[i].dims[axis])
                        .arg(in[0].toString())
                        .arg(i + 1)
                        .arg(in[i].toString()));
        }
        channels += in[i].dims[1];
    }
    out.dims[1] = channels.value();
    if (channels.overflowed())
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers", "Concat output is too large"));
    return ShapeResult::ok(out);
}

Costs concatCost(const ParamValues &, std::span<const TensorShape>, const TensorShape &out)
{
    Costs c;
    c.activations = out.elements();
    return c;
}

ShapeResult addShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    if (QString e = checkInputs(in, QT_TRANSLATE_NOOP("naqsh::layers", "Add")); !e.isEmpty())
        return ShapeResult::fail(e);
    TensorShape out = in[0];
    for (size_t i = 1; i < in.size(); ++i) {
        for (int axis = 0; axis < out.rank; ++axis) {
            const qint64 a = out.dims[axis], b = in[i].dims[axis];
            if (a == b || b == 1)
                continue;
            if (a == 1) {
                out.dims[axis] = b;
                continue;
            }
            return ShapeResult::fail(
                QCoreApplication::translate(
                    "naqsh::layers",
                    "Add inputs cannot be broadcast in %1: %2 vs %3 (input 1 is %4, input %5 is "
                    "%6); each dimension must be equal, or 1 in one of them")
                    .arg(tr(dimName(out.rank, axis)))
                    .arg(a)
                    .arg(b)
                    .arg(in[0].toString())
                    .arg(i + 1)
                    .arg(in[i].toString()));
        }
    }
    return ShapeResult::ok(out);
}

Costs addCost(const ParamValues &, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    c.adds = out.elements() * qint64(std::max<size_t>(in.size(), 1) - 1);
    c.activations = out.elements();
    return c;
}

QVector<FormulaLine> concatExplain(const ParamValues &, std::span<const TensorShape> in,
                                   const TensorShape &out)
{
    QStringList parts;
    for (const TensorShape &s : in)
        parts << QString::number(s.dims[1]);
    return {
        {QCoreApplication::translate("naqsh::layers", "Output channels"),
         parts.join(QStringLiteral(" + ")) + QStringLiteral(" = %1").arg(out.dims[1]),
         QCoreApplication::translate(
             "naqsh::layers",
             "Concat stacks its inputs along the channel axis; every other dimension must match")},
        {QCoreApplication::translate("naqsh::layers", "Operations"), QStringLiteral("0"),
         QCoreApplication::translate("naqsh::layers",
                                     "copying tensors side by side does no arithmetic")}};
}

QVector<FormulaLine> addExplain(const ParamValues &, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    return {{QCoreApplication::translate("naqsh::layers", "Additions"),
             QStringLiteral("%1 × (%2 − 1) = %3")
                 .arg(num(out.elements().value()))
                 .arg(in.size())
                 .arg(num((out.elements() * qint64(in.size() - 1)).value())),
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
        QT_TRANSLATE_NOOP("naqsh::layers", "Joins its inputs along the channel axis, in input "
                                           "order. Batch, height and width must match. "
                                           "Inception modules concatenate their branches.");
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
    add.minInputs = 1;
    add.maxInputs = -1;
    add.shape = addShape;
    add.cost = addCost;
    add.explain = addExplain;
    registry.add(add);
}

} // namespace naqsh
