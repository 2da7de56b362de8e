#pragma once

#include "AnalysisResult.h"
#include "graph/Block.h"

namespace naqsh {

class Graph;
class LayerRegistry;

/// A tensor entering or leaving a block: output @c output of layer @c layer, with its shape
/// (invalid when that layer has no numbers).
struct BlockTensor
{
    LayerId layer;
    int output = 0;
    TensorShape shape;
    bool operator==(const BlockTensor &o) const
    {
        return layer == o.layer && output == o.output && shape == o.shape;
    }
};

/// What a block adds up to: the sum of its layers' counters (every layer inside it, at any
/// depth, that has numbers; counted the way AnalysisResult::totals counts the whole graph, so
/// every FLOP convention and activation dtype applies to @c costs as to a layer's), and the
/// tensors that cross its border.
struct BlockRollup
{
    BlockId id;
    QString name;
    int depth = 0;           ///< 0 for a top-level block
    QVector<LayerId> layers; ///< every layer inside, in layer order
    Costs costs;
    int errorCount = 0;       ///< layers inside without numbers (left out of @c costs)
    int unknownCostCount = 0; ///< layers inside whose operations Naqsh cannot count
    /// Tensors made outside and read inside, in the order the block's layers read them.
    QVector<BlockTensor> inputs;
    /// Tensors made inside and read outside, or read by no layer at all (an output of the
    /// model), in layer order.
    QVector<BlockTensor> outputs;
};

/// The roll-up of block @p id (an empty roll-up with an invalid id if there is no such block).
BlockRollup rollUpBlock(const Graph &graph, const LayerRegistry &registry,
                        const AnalysisResult &result, BlockId id);
/// Every block's roll-up, in the order of Graph::blocks().
QVector<BlockRollup> rollUpBlocks(const Graph &graph, const LayerRegistry &registry,
                                  const AnalysisResult &result);

} // namespace naqsh
