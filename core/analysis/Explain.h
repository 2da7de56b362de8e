#pragma once

#include "Convention.h"
#include "layers/LayerType.h"

namespace naqsh {

/// "How is this number computed?": the worked formulas for one layer, with its numbers filled
/// in and a one-line reason each — output size, MACs, parameters, the other operations, FLOPs
/// under @p convention and activation memory in @p dtype. Uses the layer type's own explain
/// rule where it has one and generic lines otherwise, so every type is covered. Formulas use
/// Latin digits; views pass them through NumberFormat::digits.
QVector<FormulaLine> explainLayer(const LayerType &type, const ParamValues &params,
                                  std::span<const TensorShape> inputs, const TensorShape &output,
                                  const Costs &costs, FlopConvention convention, DType dtype);

} // namespace naqsh
