#pragma once

// From a parsed ModelProto (its bulk tensor data already dropped) to Naqsh's OnnxModel, and the
// checks a file must pass first. Private to core/io (OnnxReader).

#include "OnnxReader.h"

#include <QStringList>

#include <string>

namespace onnx {
class ModelProto;
}

namespace naqsh::onnxproto {

struct Failure
{
    OnnxReadError code = OnnxReadError::None;
    QString message;
};

/// Checks dims, names and references a file must get right before shape inference and
/// conversion; warnings for what is tolerated.
Failure validate(const onnx::ModelProto &model, QStringList &warnings);

/// The graph as Naqsh reads it: inputs, initializers' shapes (small values kept), nodes.
OnnxModel convert(const onnx::ModelProto &model);

} // namespace naqsh::onnxproto
