#include "BlockRollup.h"

#include "graph/Graph.h"
#include "layers/LayerRegistry.h"

namespace naqsh {

namespace {

/// True if layer @p l lies in block @p b at any depth.
bool inside(const Graph &g, LayerId l, BlockId b)
{
    const BlockId own = g.blockOf(l);
    return own.isValid() && g.blockWithin(own, b);
}

TensorShape shapeOf(const AnalysisResult &result, LayerId layer, int output)
{
    const LayerResult *r = result.layer(layer);
    return r && r->hasNumbers() ? r->outputAt(output) : TensorShape();
}

/// Fills the inputs and outputs of @p roll (whose layers are set).
void findBorder(const Graph &g, const LayerRegistry &registry, const AnalysisResult &result,
                BlockRollup &roll)
{
    for (LayerId id : std::as_const(roll.layers)) {
        const Layer *l = g.layer(id);
        for (int k = 0; k < l->inputs.size(); ++k) {
            const BlockTensor t{l->inputs[k], l->inputPorts.value(k), {}};
            if (inside(g, t.layer, roll.id))
                continue;
            bool seen = false;
            for (const BlockTensor &o : std::as_const(roll.inputs))
                seen = seen || (o.layer == t.layer && o.output == t.output);
            if (!seen)
                roll.inputs.append({t.layer, t.output, shapeOf(result, t.layer, t.output)});
        }
    }
    for (LayerId id : std::as_const(roll.layers)) {
        const Layer *l = g.layer(id);
        const LayerType *type = registry.find(l->type);
        const int outputs = type ? type->outputs(l->params) : 1;
        for (int o = 0; o < outputs; ++o) {
            bool readInside = false, readOutside = false;
            for (LayerId c : l->consumers) {
                const Layer *cl = g.layer(c);
                for (int k = 0; k < cl->inputs.size(); ++k)
                    if (cl->inputs[k] == id && cl->inputPorts.value(k) == o)
                        (inside(g, c, roll.id) ? readInside : readOutside) = true;
            }
            if (readOutside || !readInside)
                roll.outputs.append({id, o, shapeOf(result, id, o)});
        }
    }
}

void addLayer(BlockRollup &roll, const LayerResult *r)
{
    if (!r || !r->hasNumbers()) {
        ++roll.errorCount;
        return;
    }
    if (!r->costKnown)
        ++roll.unknownCostCount;
    roll.costs += r->costs;
}

} // namespace

BlockRollup rollUpBlock(const Graph &graph, const LayerRegistry &registry,
                        const AnalysisResult &result, BlockId id)
{
    BlockRollup roll;
    const Block *b = graph.block(id);
    if (!b)
        return roll;
    roll.id = id;
    roll.name = b->name;
    roll.depth = graph.blockDepth(id);
    roll.layers = graph.blockLayers(id);
    for (LayerId l : std::as_const(roll.layers))
        addLayer(roll, result.layer(l));
    findBorder(graph, registry, result, roll);
    return roll;
}

QVector<BlockRollup> rollUpBlocks(const Graph &graph, const LayerRegistry &registry,
                                  const AnalysisResult &result)
{
    // One pass over the layers: each adds itself to its block and every block around it.
    const QVector<Block> &blocks = graph.blocks();
    QVector<BlockRollup> rolls(blocks.size());
    QHash<BlockId, int> index;
    for (int i = 0; i < blocks.size(); ++i) {
        index.insert(blocks[i].id, i);
        rolls[i].id = blocks[i].id;
        rolls[i].name = blocks[i].name;
        rolls[i].depth = graph.blockDepth(blocks[i].id);
    }
    for (LayerId l : graph.layerIds()) {
        BlockId b = graph.blockOf(l);
        if (!b.isValid())
            continue;
        const LayerResult *r = result.layer(l);
        for (int guard = 0; b.isValid() && guard <= blocks.size(); ++guard) {
            BlockRollup &roll = rolls[index.value(b)];
            roll.layers.append(l);
            addLayer(roll, r);
            b = graph.block(b)->parent;
        }
    }
    for (BlockRollup &roll : rolls)
        findBorder(graph, registry, result, roll);
    return rolls;
}

} // namespace naqsh
