#pragma once

#include "Costs.h"
#include "TensorShape.h"
#include "graph/LayerId.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace naqsh {

class Graph;

/// What the analysis knows about one layer. A layer either has numbers (shape and costs), or
/// an error of its own (@c error), or no numbers because a layer upstream failed
/// (@c errorSource names that layer).
struct LayerResult
{
    TensorShape output;                ///< output 0
    QVector<TensorShape> extraOutputs; ///< outputs 1, 2, … (Split, Chunk)
    Costs costs;
    QString error;
    LayerId errorSource;
    /// False for a layer whose type cannot count its operations (an opaque imported operator).
    bool costKnown = true;

    bool hasNumbers() const { return error.isEmpty() && !errorSource.isValid(); }
    int outputCount() const { return 1 + int(extraOutputs.size()); }
    /// Output @p k, or an invalid shape if the layer has no such output.
    TensorShape outputAt(int k) const { return k == 0 ? output : extraOutputs.value(k - 1); }
    bool sameOutcome(const LayerResult &o) const
    {
        return output == o.output && output.sameLayout(o.output) && error == o.error &&
               errorSource == o.errorSource && extraOutputs == o.extraOutputs;
    }
};

/// The immutable snapshot views read: per-layer results, the topological schedule, and totals
/// over the layers that have numbers. Counts are for the whole batch; parameters per model.
struct AnalysisResult
{
    QHash<LayerId, int>
        slotIndex;                ///< id -> index into @c results (a snapshot of the graph's slots)
    QVector<LayerResult> results; ///< one per layer, by slot
    QVector<LayerId> order;       ///< topological order of the layers not on a cycle
    Costs totals;                 ///< sum over layers with numbers
    CheckedInt peakActivations;   ///< largest live set of tensors along @c order, in elements
    int errorCount = 0;           ///< layers without numbers (own or upstream errors)
    int unknownCostCount = 0;     ///< layers with a shape but operations Naqsh cannot count

    /// Layers missing from the totals: those with unknown cost and those with no numbers at all
    /// (their own error, or one upstream). The one count every importer and view reports.
    int layersWithoutNumbers() const { return errorCount + unknownCostCount; }
    /// Where the chain of numbers first breaks: the first layer in schedule order (then on a
    /// cycle) with unknown cost or an error of its own; invalid when every layer has numbers.
    LayerId firstLayerWithoutNumbers() const;

    const LayerResult *layer(LayerId id) const
    {
        const int s = slotIndex.value(id, -1);
        return s < 0 || s >= results.size() ? nullptr : &results[s];
    }
    int layerCount() const { return int(results.size()); }
    /// The message to show for a layer without numbers, naming the layer at fault.
    QString errorText(const Graph &graph, LayerId id) const;
    /// Input shapes of @p id, in slot order (invalid shapes where an input has no numbers).
    QVector<TensorShape> inputShapes(const Graph &graph, LayerId id) const;
};

} // namespace naqsh
