// Opaque: an operator from an imported file that Naqsh does not model. Its output shape is
// recorded at import time (from the file's value_info or ONNX shape inference), or copied from
// its input for element-wise operators; its operations are not counted (costKnown = false).
#include "BuiltinLayers.h"
#include "LayerRegistry.h"
#include "RuleHelpers.h"

namespace naqsh {
using namespace rules;

namespace {

// Sizes 5 to 8 came later, so they follow Params (parameter order is the saved order).
enum OpaqueP { OpType, ShapeMode, Rank, Dim0, Dim1, Dim2, Dim3, BatchFromInput, Params, Dim4 };
enum ShapeModeChoice { SameAsInput, Given, Unknown };

ShapeResult opaqueShape(const ParamValues &p, std::span<const TensorShape> in, const RuleContext &)
{
    switch (p.choice(ShapeMode)) {
    case SameAsInput:
        if (QString e = needAny(in, QT_TRANSLATE_NOOP("naqsh::layers", "This operator"));
            !e.isEmpty())
            return ShapeResult::fail(e);
        return ShapeResult::ok(in[0]);
    case Given: {
        const int rank = int(std::clamp<qint64>(p.integer(Rank), 0, TensorShape::kMaxRank));
        std::array<qint64, TensorShape::kMaxRank> dims{};
        for (int i = 0; i < rank; ++i)
            dims[size_t(i)] = p.integer(i < 4 ? Dim0 + i : Dim4 + i - 4);
        TensorShape s = TensorShape::of(std::span<const qint64>(dims.data(), size_t(rank)));
        if (rank > 0 && p.flag(BatchFromInput) && !in.empty() && in[0].isValid() && in[0].rank > 0)
            s.dims[0] = in[0].n();
        if (QString e = checkDims(s); !e.isEmpty())
            return ShapeResult::fail(e);
        return ShapeResult::ok(s);
    }
    default:
        break;
    }
    return ShapeResult::fail(
        QCoreApplication::translate("naqsh::layers",
                                    "the output shape of this imported %1 operator is unknown: the "
                                    "file does not give it and Naqsh does not model the operator; "
                                    "set it under Output shape")
            .arg(p.value(OpType).toString()));
}

Costs opaqueCost(const ParamValues &p, std::span<const TensorShape>, const TensorShape &out)
{
    // Only what the file tells: the size of its constant inputs and of its output tensor.
    Costs c;
    c.weights = p.integer(Params);
    c.activations = out.elements();
    return c;
}

QString opaqueSummary(const ParamValues &p)
{
    const QString op = p.value(OpType).toString();
    return op.isEmpty() ? QStringLiteral("?") : op;
}

QVector<FormulaLine> opaqueExplain(const ParamValues &p, std::span<const TensorShape>,
                                   const TensorShape &)
{
    return {{QCoreApplication::translate("naqsh::layers", "Operations"),
             QCoreApplication::translate("naqsh::layers", "unknown"),
             QCoreApplication::translate("naqsh::layers",
                                         "Naqsh does not model %1, so its operations are not "
                                         "counted in any total")
                 .arg(opaqueSummary(p))},
            {QCoreApplication::translate("naqsh::layers", "Parameters"), num(p.integer(Params)),
             QCoreApplication::translate(
                 "naqsh::layers",
                 "the elements of the constant tensors (weights) it reads in the file")}};
}

ParamSpec textParam(const char *key, const char *label, const char *help, const QString &def)
{
    ParamSpec s;
    s.key = QString::fromLatin1(key);
    s.label = label;
    s.help = help;
    s.kind = ParamKind::Text;
    s.defaultValue = QVariant(def);
    return s;
}

} // namespace

void registerImportedLayers(LayerRegistry &registry)
{
    const double maxDim = 2147483647.0; // ONNX readers accept sizes up to 2^31
    LayerType t;
    t.id = QStringLiteral("opaque");
    t.displayName = QT_TRANSLATE_NOOP("naqsh::layers", "Imported operator");
    t.shortName = QT_TRANSLATE_NOOP("naqsh::layers", "Op");
    t.category = QT_TRANSLATE_NOOP("naqsh::layers", "Imported");
    t.help = QT_TRANSLATE_NOOP(
        "naqsh::layers",
        "An operator from an imported model that Naqsh does not model yet. Its output shape comes "
        "from the file (or equals its input for element-wise operators) and its parameters from "
        "the file's weights; its operations are unknown and left out of every total.");
    t.params = {
        textParam("op_type", QT_TRANSLATE_NOOP("naqsh::layers", "Operator"),
                  QT_TRANSLATE_NOOP("naqsh::layers", "The operator's name in the imported file"),
                  QStringLiteral("Custom")),
        choiceParam(
            "shape", QT_TRANSLATE_NOOP("naqsh::layers", "Output shape"),
            QT_TRANSLATE_NOOP("naqsh::layers",
                              "same as input: element-wise; given: the rank and sizes "
                              "below; unknown: the file does not say"),
            {QStringLiteral("same_as_input"), QStringLiteral("given"), QStringLiteral("unknown")},
            {QT_TRANSLATE_NOOP("naqsh::layers", "same as input"),
             QT_TRANSLATE_NOOP("naqsh::layers", "given"),
             QT_TRANSLATE_NOOP("naqsh::layers", "unknown")},
            SameAsInput),
        intParam("rank", QT_TRANSLATE_NOOP("naqsh::layers", "Rank"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Number of dimensions of the output, batch included"),
                 4, 0, TensorShape::kMaxRank),
        intParam("dim0", QT_TRANSLATE_NOOP("naqsh::layers", "Size 1 (batch)"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "First dimension of the output: the batch"), 1,
                 1, maxDim),
        intParam("dim1", QT_TRANSLATE_NOOP("naqsh::layers", "Size 2"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Second dimension of the output"), 1, 1,
                 maxDim),
        intParam("dim2", QT_TRANSLATE_NOOP("naqsh::layers", "Size 3"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Third dimension of the output"), 1, 1, maxDim),
        intParam("dim3", QT_TRANSLATE_NOOP("naqsh::layers", "Size 4"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Fourth dimension of the output"), 1, 1,
                 maxDim),
        boolParam("batch_from_input", QT_TRANSLATE_NOOP("naqsh::layers", "Batch follows input"),
                  QT_TRANSLATE_NOOP("naqsh::layers",
                                    "Take the first size from the input's batch, so that "
                                    "changing the batch changes this output too"),
                  true),
        intParam("params", QT_TRANSLATE_NOOP("naqsh::layers", "Parameters (from the file)"),
                 QT_TRANSLATE_NOOP("naqsh::layers",
                                   "Elements of the constant tensors the operator reads"),
                 0, 0, 1e15),
        intParam("dim4", QT_TRANSLATE_NOOP("naqsh::layers", "Size 5"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Fifth dimension of the output"), 1, 1, maxDim),
        intParam("dim5", QT_TRANSLATE_NOOP("naqsh::layers", "Size 6"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Sixth dimension of the output"), 1, 1, maxDim),
        intParam("dim6", QT_TRANSLATE_NOOP("naqsh::layers", "Size 7"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Seventh dimension of the output"), 1, 1,
                 maxDim),
        intParam("dim7", QT_TRANSLATE_NOOP("naqsh::layers", "Size 8"),
                 QT_TRANSLATE_NOOP("naqsh::layers", "Eighth dimension of the output"), 1, 1,
                 maxDim),
    };
    t.minInputs = 0;
    t.maxInputs = -1;
    t.shape = opaqueShape;
    t.cost = opaqueCost;
    t.summary = opaqueSummary;
    t.explain = opaqueExplain;
    t.costKnown = false;
    registry.add(t);
}

} // namespace naqsh
