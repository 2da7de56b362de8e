#pragma once

#include "OnnxReader.h"

#include <QVector>

#include <optional>

namespace naqsh {

/// A folded constant keeps its values when it has at most this many elements (shape arithmetic
/// needs a handful; the bound keeps a hostile file from making the import allocate much).
inline constexpr qint64 kOnnxMaxFoldedValues = 4096;

/**
 * Evaluates one ONNX node whose inputs are constants, at import time.
 *
 * Exporters write the shape arithmetic of flatten/view, chunk, channel shuffle and attention's
 * reshapes as small subgraphs (Shape → Gather → Unsqueeze → Concat → Reshape, Shape → Slice →
 * Div → Mul → Slice, ...). Folding them gives the Reshape, Slice, Expand and Split nodes their
 * target values, so that those become ordinary layers with known shapes.
 *
 * @p inputs holds, per node input, its dims and (when known) values; nullptr for an omitted
 * optional input. For Shape and Size the input may be a layer's output: only its dims are used.
 * The result has rankKnown and dims when the output's shape follows from the inputs' dims, and
 * hasValues when the values could be computed too (all needed values known, at most
 * kOnnxMaxFoldedValues elements, no integer overflow, no division by zero). nullopt when the
 * operator is not one this folds or its output shape cannot be told; the caller then falls back
 * to shape inference's dims. Never throws and never reads outside the inputs, whatever the file
 * says.
 *
 * Folded: Shape, Size, Gather, Unsqueeze, Squeeze, Concat, Slice, Reshape, Flatten, Transpose,
 * Expand, ConstantOfShape, Range, Cast, Identity, Add, Sub, Mul, Div, Mod, Min, Max, Pow, Neg,
 * Abs, Floor, Ceil, Sqrt, Reciprocal, Equal, Less, Greater, Not, Where, ReduceProd.
 */
std::optional<OnnxTensorInfo> foldOnnxNode(const OnnxNode &node,
                                           const QVector<const OnnxTensorInfo *> &inputs,
                                           qint64 opsetVersion);

} // namespace naqsh
