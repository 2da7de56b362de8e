#pragma once

#include "graph/Graph.h"

#include <QString>
#include <QStringList>

namespace naqsh {

/**
 * Outcome of importing a model from another format (ONNX, Caffe prototxt).
 *
 * Either the whole graph (ok(), error empty) or only an error: an importer never returns half a
 * graph. Messages are translated (context "naqsh::Import") and name the node or layer concerned;
 * prototxt messages start with "line L, column C".
 */
struct ImportResult
{
    Graph graph;
    /// Why nothing was imported; empty on success.
    QString error;
    /// Non-fatal notes for the user, one sentence each: skipped training-only layers, operators
    /// imported as opaque layers, approximations, reader warnings.
    QStringList warnings;
    /// Distinct operator (or Caffe layer) types imported as opaque layers, in first-seen order.
    QStringList opaqueOperators;

    bool ok() const { return error.isEmpty(); }
};

} // namespace naqsh
