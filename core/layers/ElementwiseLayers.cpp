// Mul, Sub and Div: element-wise arithmetic between tensors with NumPy broadcasting (the
// squeeze-and-excitation gate N×C×1×1 scales N×C×H×W), or with a constant from an imported file.
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

enum ElemP { ConstOperand, FileParams, ConstValue };

ShapeResult broadcastShape(std::span<const TensorShape> in, const char *name)
{
    if (in.empty())
        return ShapeResult::fail(
            QCoreApplication::translate("naqsh::layers",
                                        "%1 has no inputs: connect at least one layer to it")
                .arg(tr(name)));
    TensorShape out = in[0];
    for (size_t i = 1; i < in.size(); ++i) {
        const TensorShape before = out;
        int axis = 0;
        if (TensorShape::broadcast(before, in[i], &out, &axis))
            continue;
        const int rank = std::max(before.rank, in[i].rank);
        const int ia = axis - (rank - before.rank), ib = axis - (rank - in[i].rank);
        return ShapeResult::fail(
            QCoreApplication::translate(
                "naqsh::layers",
                "%1 inputs cannot be broadcast in dimension %2: %3 vs %4 (input 1 is %5, input "
                "%6 is %7); each dimension must be equal, or 1 in one of them")
                .arg(tr(name))
                .arg(axis)
                .arg(ia >= 0 ? before.dims[ia] : 1)
                .arg(ib >= 0 ? in[i].dims[ib] : 1)
                .arg(in[0].toString())
                .arg(i + 1)
                .arg(in[i].toString()));
    }
    return ShapeResult::ok(out);
}

/// Operations per output value: one per extra input, or one with a constant operand.
CheckedInt opsPerValue(const ParamValues &p, std::span<const TensorShape> in)
{
    const qint64 extra = qint64(in.size()) - 1 + (p.flag(ConstOperand) ? 1 : 0);
    return std::max<qint64>(extra, 0);
}

ShapeResult mulShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    return broadcastShape(in, QT_TRANSLATE_NOOP("naqsh::layers", "Mul"));
}
ShapeResult subShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    return broadcastShape(in, QT_TRANSLATE_NOOP("naqsh::layers", "Sub"));
}
ShapeResult divShape(const ParamValues &, std::span<const TensorShape> in, const RuleContext &)
{
    return broadcastShape(in, QT_TRANSLATE_NOOP("naqsh::layers", "Div"));
}

Costs mulCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    c.weights = p.integer(FileParams);
    c.muls = out.elements() * opsPerValue(p, in);
    c.activations = out.elements();
    return c;
}
Costs subCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    c.weights = p.integer(FileParams);
    c.adds = out.elements() * opsPerValue(p, in);
    c.activations = out.elements();
    return c;
}
Costs divCost(const ParamValues &p, std::span<const TensorShape> in, const TensorShape &out)
{
    Costs c;
    c.weights = p.integer(FileParams);
    c.divs = out.elements() * opsPerValue(p, in);
    c.activations = out.elements();
    return c;
}

QVector<FormulaLine> explainWith(const char *quantity, const ParamValues &p,
                                 std::span<const TensorShape> in, const TensorShape &out)
{
    const qint64 k = opsPerValue(p, in).value();
    QStringList shapes;
    for (const TensorShape &s : in)
        shapes << s.toString();
    return {{QCoreApplication::translate("naqsh::layers", "Output"),
             shapes.join(QStringLiteral(" ⊙ ")) + QStringLiteral(" → ") + out.toString(),
             QCoreApplication::translate("naqsh::layers",
                                         "shapes are aligned from the right; a size 1 is "
                                         "stretched to the other size (broadcasting)")},
            {tr(quantity),
             QStringLiteral("%1 × %2 = %3")
                 .arg(num(out.elements().value()))
                 .arg(k)
                 .arg(num((out.elements() * k).value())),
             QCoreApplication::translate("naqsh::layers",
                                         "one operation per output value for each operand "
                                         "after the first")}};
}

QVector<FormulaLine> mulExplain(const ParamValues &p, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    return explainWith(QT_TRANSLATE_NOOP("naqsh::layers", "Multiplications"), p, in, out);
}
QVector<FormulaLine> subExplain(const ParamValues &p, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    return explainWith(QT_TRANSLATE_NOOP("naqsh::layers", "Subtractions"), p, in, out);
}
QVector<FormulaLine> divExplain(const ParamValues &p, std::span<const TensorShape> in,
                                const TensorShape &out)
{
    return explainWith(QT_TRANSLATE_NOOP("naqsh::layers", "Divisions"), p, in, out);
}

LayerType elementwise(const char *id, const char *name, const char *help, ShapeRule shape,
                      CostRule cost, ExplainRule explain, int maxInputs)
{
    LayerType t;
    t.id = QString::fromLatin1(id);
    t.displayName = name;
    t.shortName = name;
    t.category = QT_TRANSLATE_NOOP("naqsh::layers", "Merge");
    t.help = help;
    t.params = {
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
                 0, 0, 1e15),
        realParam("value", QT_TRANSLATE_NOOP("naqsh::layers", "Constant value"),
                  QT_TRANSLATE_NOOP("naqsh::layers",
                                    "The constant operand when it is one number (attention's "
                                    "1/√d scale), used by the PyTorch export; 0: not known"),
                  0.0, -1e30, 1e30)};
    t.minInputs = 1;
    t.maxInputs = maxInputs;
    t.shape = shape;
    t.cost = cost;
    t.explain = explain;
    return t;
}

} // namespace

void registerElementwiseLayers(LayerRegistry &registry)
{
    registry.add(elementwise(
        "mul", QT_TRANSLATE_NOOP("naqsh::layers", "Mul"),
        QT_TRANSLATE_NOOP("naqsh::layers",
                          "Element-wise product with NumPy broadcasting: the gate of a "
                          "squeeze-and-excitation block (N×C×1×1) scales every pixel of its "
                          "channel (N×C×H×W); x · sigmoid(x) is SiLU. k inputs cost k − 1 "
                          "multiplications per output value."),
        mulShape, mulCost, mulExplain, -1));
    registry.add(elementwise(
        "sub", QT_TRANSLATE_NOOP("naqsh::layers", "Sub"),
        QT_TRANSLATE_NOOP("naqsh::layers", "Element-wise difference input 1 − input 2, with NumPy "
                                           "broadcasting: one subtraction (counted as an "
                                           "addition) per output value."),
        subShape, subCost, subExplain, 2));
    registry.add(elementwise(
        "div", QT_TRANSLATE_NOOP("naqsh::layers", "Div"),
        QT_TRANSLATE_NOOP("naqsh::layers", "Element-wise quotient input 1 / input 2, with NumPy "
                                           "broadcasting: one division per output value."),
        divShape, divCost, divExplain, 2));
}

} // namespace naqsh
