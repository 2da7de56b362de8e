#pragma once

#include "graph/LayerId.h"

#include <QString>
#include <QVector>

namespace naqsh {

class Graph;
class LayerRegistry;

/// One branch leaving a fork: a chain of layers that each feed only the next, from the fork's
/// consumer @c from to @c to (the last layer before a merge, or the end of the model).
struct Branch
{
    LayerId from;
    LayerId to;
    QVector<LayerId> layers;
};

/// The fork that @p start belongs to: @p start itself when it feeds several layers, else the
/// nearest layer above it (through single inputs) that does; with no @p start, the first fork
/// in data-flow order. Invalid when there is none.
LayerId forkOf(const Graph &graph, LayerId start);

/// The branches leaving @p fork, in the order of its consumers' ids (the order they were made).
QVector<Branch> branchesFrom(const Graph &graph, LayerId fork);

/// A name for a branch from what its layers are, as the canvas writes them:
/// "Conv 1×1, 16 → Conv 5×5, 32".
QString branchName(const Graph &graph, const LayerRegistry &registry, const Branch &branch);

} // namespace naqsh
