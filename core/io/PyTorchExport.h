#pragma once

#include <QString>
#include <QStringList>

namespace naqsh {

class Graph;
class LayerRegistry;
struct AnalysisResult;

/// Python source for a graph: one nn.Module class whose __init__ creates a module per layer
/// (the layer's name made into an attribute name) and whose forward() follows the graph in
/// topological order, branches, Concat (torch.cat on the channels) and Add (a sum, which
/// broadcasts) included. Input layers become forward()'s arguments; Output layers mark what
/// forward() returns (one tensor, or a tuple for several; the graph's sinks if there is no
/// Output layer). Channel and feature counts come from @p result, so the module reproduces
/// Naqsh's shapes and parameter count. A layer PyTorch has no module for (an imported opaque
/// operator, an unknown type id) or a layer with an analysis error gets a "# Naqsh: ..." comment
/// in __init__ and a `raise NotImplementedError` in forward(), never wrong code.
///
/// The file's __main__ builds the module, runs a forward pass on zeros of each Input layer's
/// shape, and prints "output shape: [1, 64, 28, 28]" per output and "parameters: 169472".
QString toPyTorch(const Graph &graph, const LayerRegistry &registry, const AnalysisResult &result);

/// Python attribute names for @p names, index by index: ASCII identifiers (other characters
/// become '_'), a "layer_" prefix before a leading digit, a '_' suffix after Python keywords,
/// nn.Module members and the names the generated code uses (self, torch, nn), and "_2", "_3"...
/// to keep them unique. A name with nothing usable takes @p fallbacks[i] (e.g. the type id)
/// through the same rules, or "layer".
QStringList pythonNames(const QStringList &names, const QStringList &fallbacks = {});

/// A Python class name for a model name: CamelCase ASCII words ("GoogLeNet Inception (3a)" ->
/// "GoogLeNetInception3a"), "Net" before a leading digit, "NaqshModel" if nothing is left.
QString pythonClassName(const QString &modelName);

} // namespace naqsh
