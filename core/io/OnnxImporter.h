#pragma once

#include "ImportResult.h"
#include "OnnxReader.h"

#include <QByteArrayView>
#include <QString>

namespace naqsh {

class LayerRegistry;
struct OnnxModel;

/**
 * Turns an ONNX model (as read by readOnnxFile) into a Naqsh graph.
 *
 * Operators map to layer types; sizes come from the initializers' shapes (resolving Identity
 * nodes and constant-only subgraphs), never from weight data. Graph inputs become Input layers
 * (a symbolic batch becomes 1), graph outputs Output layers. An operator Naqsh does not model
 * becomes an "opaque" layer whose output shape comes from the file's value_info or ONNX shape
 * inference and whose cost is unknown; ImportResult::opaqueOperators lists those operators and
 * the warnings name their nodes. Parameters Naqsh cannot represent exactly are approximated with
 * a warning, or the node becomes opaque. Fails (with the node named) only when the graph cannot
 * be built: a cycle, a weight whose size is unknown, an input without a usable shape.
 */
ImportResult importOnnx(const OnnxModel &model, const LayerRegistry &registry);

/// Reads and imports a .onnx file; a file that is not ONNX or is truncated gives the reader's
/// message. The graph is named after the ONNX graph, or the file when that has no name.
ImportResult importOnnxFile(const QString &path, const LayerRegistry &registry,
                            const OnnxProgressCallback &progress = {});

/// Same as importOnnxFile, for a model already in memory.
ImportResult importOnnxBytes(QByteArrayView bytes, const LayerRegistry &registry);

} // namespace naqsh
