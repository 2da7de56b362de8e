#pragma once

#include <QString>

namespace naqsh {

struct OnnxModel;

/**
 * Checks, before ONNX's own shape inference runs, everything its shape rules take on trust.
 *
 * libonnx's inference (1.12) divides by strides, indexes the input's dimensions with the weight's
 * rank and loops over dimensions without bounds, so a file with strides=[1,0], a 4-D weight on a
 * 3-D input or huge pads crashes or hangs the program that reads it. This check walks the graph
 * in dependency order, tracking the rank every tensor can have (declared in the file or implied by
 * the operators), and refuses:
 *  - a graph with a cycle (a node that needs its own output, directly or through others);
 *  - Conv, ConvTranspose, ConvInteger, QLinearConv, MaxPool, AveragePool, LpPool and MaxUnpool
 *    nodes with kernel_shape, strides, dilations, pads or output_padding that are not lists of
 *    sane numbers (strides, dilations and kernel sizes at least 1, pads at least 0; pads and
 *    dilations at most 2^31, strides and dilated kernels at most 2^62, so that no size
 *    arithmetic overflows), of the wrong length for the input's rank, a weight whose rank
 *    differs from the input's, an unknown auto_pad, or group < 1;
 *  - DepthToSpace/SpaceToDepth with blocksize < 1, Split without outputs, a Transpose perm that
 *    is not a permutation of the input's axes.
 *
 * Returns an empty string when the model is safe to infer, otherwise a translated message (context
 * "naqsh::OnnxValidate") naming the node (index, name, operator) and the attribute or input.
 */
QString validateOnnxForInference(const OnnxModel &model);

} // namespace naqsh
