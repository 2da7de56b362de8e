#pragma once

#include "analysis/Costs.h"
#include "analysis/TensorShape.h"
#include "graph/ParamValues.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>
#include <span>

namespace naqsh {

/// Translation context of every layer name, help text, parameter label and rule message.
inline constexpr const char *kLayerContext = "naqsh::layers";

/// Text holds a short free string (e.g. the original operator of an imported layer); rules never
/// compute with it.
enum class ParamKind { Int, Real, Bool, Choice, Text };

/// One editable parameter of a layer type. Text fields are untranslated literals marked with
/// QT_TRANSLATE_NOOP in kLayerContext; translate them when shown.
struct ParamSpec
{
    QString key;            ///< saved in files, e.g. "kernel_h"
    const char *label = ""; ///< "Kernel height"
    const char *help = "";  ///< one sentence for tooltips
    ParamKind kind = ParamKind::Int;
    QVariant defaultValue;
    double minimum = 0; ///< inclusive range for Int and Real
    double maximum = 0;
    QStringList choices;                ///< Choice: keys saved in files
    QVector<const char *> choiceLabels; ///< Choice: display labels, same order
    QString pairKey; ///< the partner of an h/w pair ("kernel_w" for "kernel_h"), for the
                     ///< inspector's lock
};

/// Result of a shape rule: the output shape, or an error a student understands.
struct ShapeResult
{
    TensorShape shape;
    QString error;
    QVector<TensorShape> more; ///< outputs 1, 2, … of a layer with several outputs
    static ShapeResult ok(const TensorShape &s) { return {s, {}, {}}; }
    static ShapeResult fail(const QString &message) { return {{}, message, {}}; }
    bool isOk() const { return error.isEmpty(); }
};

/// What a rule may need besides parameters and input shapes.
struct RuleContext
{
    qint64 batchOverride = 0; ///< > 0: Input layers use this batch size instead of their own
};

/// One worked line of "how is this number computed?".
struct FormulaLine
{
    QString quantity; ///< "MACs", "Output height" (translated)
    QString formula; ///< "28 × 28 × 32 × 5 × 5 × 192 = 120,422,400" (Latin digits; views localise)
    QString reason; ///< one line: why the formula is what it is (translated)
};

using ShapeRule = ShapeResult (*)(const ParamValues &, std::span<const TensorShape>,
                                  const RuleContext &);
using CostRule = Costs (*)(const ParamValues &, std::span<const TensorShape>, const TensorShape &);
using SummaryRule = QString (*)(const ParamValues &);
using OutputCountRule = int (*)(const ParamValues &);
using ExplainRule = QVector<FormulaLine> (*)(const ParamValues &, std::span<const TensorShape>,
                                             const TensorShape &);
struct CompositeExpansion; // layers/Composite.h
using ExpandRule = CompositeExpansion (*)(const ParamValues &, std::span<const TensorShape>);

/// Everything Naqsh knows about one kind of layer. Registered once in LayerRegistry.
struct LayerType
{
    QString id;                   ///< stable id saved in files, e.g. "conv2d"
    const char *displayName = ""; ///< "Conv2d"
    const char *shortName = "";   ///< node label prefix, "Conv"
    const char *category = "";    ///< palette group, "Convolution"
    const char *help = "";
    QVector<ParamSpec> params;
    int minInputs = 1;
    int maxInputs = 1; ///< -1: any number (Concat, Add)
    bool hasOutput = true;
    ShapeRule shape = nullptr;
    CostRule cost = nullptr;
    SummaryRule summary = nullptr; ///< key parameters for the node label, e.g. "5×5, 32"
    ExplainRule explain = nullptr; ///< worked formulas; may be null (generic text is used)
    /// False for types whose operations Naqsh cannot count (opaque imported operators): their
    /// cost rule reports only what is known (parameters from the file, the output tensor), and
    /// reports show their MACs and FLOPs as unknown.
    bool costKnown = true;
    /// Number of outputs for these parameters (Split, Chunk); null: one output.
    OutputCountRule outputCount = nullptr;
    /// Composite blocks (squeeze-and-excitation, attention): the layers the block is made of,
    /// which its shape and cost rules run and "Expand into layers" puts on the canvas. Null for
    /// an ordinary layer.
    ExpandRule expand = nullptr;

    int outputs(const ParamValues &p) const
    {
        return !hasOutput ? 0 : outputCount ? std::max(outputCount(p), 1) : 1;
    }

    int paramIndex(QStringView key) const;
    ParamValues defaultParams() const;
    QString translatedName() const;
    QString translatedShortName() const;
    QString translatedCategory() const;
    QString translatedHelp() const;
    bool acceptsManyInputs() const { return maxInputs < 0 || maxInputs > 1; }
};

/// Translates a literal from kLayerContext.
QString layerTr(const char *text);

/// Checks @p value against @p spec; returns the coerced value or an empty variant with @p why.
QVariant validateParam(const ParamSpec &spec, const QVariant &value, QString *why);

} // namespace naqsh
