#pragma once

#include "OnnxReader.h"

#include <QString>
#include <QVector>

namespace naqsh {

/**
 * A run of ONNX nodes that is one layer a student knows, written out in primitives because the
 * opset has no operator for it: PyTorch exports LayerNorm below opset 17 as
 * ReduceMean → Sub → Pow(2) → ReduceMean → Add(ε) → Sqrt → Div (then Mul γ, Add β), and the
 * exact GELU below opset 20 as Div(√2) → Erf → Add(1) → Mul(x) → Mul(½).
 */
struct OnnxFusion
{
    enum class Kind { LayerNorm, Gelu };
    Kind kind = Kind::LayerNorm;
    /// Every node of the run, each after the ones it reads; the last one's output is the
    /// layer's output.
    QVector<int> nodes;
    QString input;
    QString output;
    // LayerNorm
    qint64 normalizedDims = 1; ///< how many trailing dimensions are normalised
    double eps = 1e-5;
    bool affine = false; ///< the γ and β that follow are part of the run
};

/**
 * Finds the runs of nodes in @p model that are a LayerNorm or an exact GELU.
 *
 * A run is taken only when nothing outside it reads its intermediate tensors, its constants have
 * the values the layer implies (2 for the power, √2 for the divisor, ...) and, for LayerNorm, the
 * reduced axes are the trailing ones of an input of known rank; a γ and β are included when
 * they are constants with one value per normalised element. Nodes in no run are left alone.
 */
QVector<OnnxFusion> findOnnxFusions(const OnnxModel &model);

} // namespace naqsh
