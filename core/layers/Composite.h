#pragma once

// Composite blocks (squeeze-and-excitation, multi-head attention, patch embedding): layer types
// that students reason about as one unit but that are made of ordinary layers. A composite type
// describes its parts with an expansion rule; its shape, cost and worked formulas are those of
// the parts, run through the parts' own rules, so a block and its expansion always agree.
#include "LayerType.h"
#include "graph/LayerId.h"

#include <QVariantMap>

namespace naqsh {

class Graph;
class LayerRegistry;
struct AnalysisResult;
struct Layer;

/// One constituent layer of a composite block.
struct CompositePart
{
    QString type;       ///< registry id, e.g. "linear"
    QString name;       ///< short name, e.g. "q_proj"; prefixed with the block's name on expand
    QVariantMap params; ///< by key; others keep their defaults
    /// Producers: kBlockInput for the block's input, otherwise the index of an earlier part.
    QVector<int> inputs;
    QString title; ///< shown as one term of the block's formulas; empty: not shown alone
    QString note;  ///< why this term costs what it costs (translated)
};

/// The parts of one composite layer for its parameters and input shape; the last part is the
/// block's output. On failure, @c error says why in words a student understands.
struct CompositeExpansion
{
    static constexpr int kBlockInput = -1;
    QVector<CompositePart> parts;
    QString error;
};

/// What a part evaluates to inside a composite: its parameters, input shapes, output and costs.
struct EvaluatedPart
{
    const LayerType *type = nullptr;
    ParamValues params;
    QVector<TensorShape> inputs;
    TensorShape output;
    Costs costs;
};

/// Runs the parts of @p expansion through their types' rules in @p registry. Returns an error
/// (naming the part) if a part's type is unknown, a parameter is refused or a shape rule fails.
QString evaluateComposite(const LayerRegistry &registry, const CompositeExpansion &expansion,
                          std::span<const TensorShape> inputs, const RuleContext &context,
                          QVector<EvaluatedPart> *parts);

/// The layers and connections that replace composite layer @p id of @p graph: fresh ids from
/// graph.nextId(), names prefixed with the block's name, positions stacked below the block's,
/// the block's producer wired to the first parts and the last part to the block's consumers in
/// the same input slots. Returns an error if @p id is not an analysed composite layer.
QString planCompositeExpansion(const Graph &graph, const LayerRegistry &registry,
                               const AnalysisResult &analysis, LayerId id, QVector<Layer> *layers,
                               QVector<Connection> *connections);

} // namespace naqsh
