#pragma once

#include "graph/Graph.h"

#include <QJsonArray>

namespace naqsh::NaqshFile {

/// The "blocks" list of a .naqsh file (format version 3): one object per block,
/// {"id", "name", "parent" (absent at the top level), "layers": [layer ids], "collapsed"}.
QJsonArray blocksToJson(const Graph &graph);
/// Reads "blocks" into @p graph (whose layers are already read). On failure returns false with
/// @p error naming the field ("blocks[1].layers[0]: no layer has id 9; a block holds layers").
bool readBlocks(const QJsonValue &value, Graph &graph, QString *error);

} // namespace naqsh::NaqshFile
