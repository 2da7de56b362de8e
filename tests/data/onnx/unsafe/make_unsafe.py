#!/usr/bin/python3
"""Rebuilds the ONNX files of issue 12, finding 3: files that crashed (SIGFPE, SIGSEGV) or hung
libonnx's shape inference (onnx.shape_inference / InferShapes 1.12) before Naqsh checked them.

Run from anywhere:  /usr/bin/python3 tests/data/onnx/unsafe/make_unsafe.py
The .onnx files next to this script are committed; the tests (tst_OnnxSafety, tst_Cli and the
fuzz regression replay) expect Naqsh to refuse each one with the reason given in EXPECTED below.
The models are built without onnx.checker on purpose: they are invalid.
"""
import os

import numpy as np
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


def weight(name, shape):
    return numpy_helper.from_array(np.zeros(shape, dtype=np.float32), name)


def model(nodes, inputs, outputs, initializers=(), opset=13, name="g"):
    graph = helper.make_graph(nodes, name, inputs, outputs, list(initializers))
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)],
                          producer_name="naqsh-issue12")
    m.ir_version = 7
    return m


def fin(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def fout(name):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, None)


def save(m, filename):
    path = os.path.join(HERE, filename)
    with open(path, "wb") as f:
        f.write(m.SerializeToString())
    print(filename, os.path.getsize(path), "bytes")


# 1. MaxPool with strides=[1,0]: integer division by zero (SIGFPE) in convPoolShapeInference.
save(model([helper.make_node("MaxPool", ["x"], ["y"], name="pool", kernel_shape=[2, 2],
                             strides=[1, 0])],
           [fin("x", [1, 3, 32, 32])], [fout("y")]),
     "maxpool_stride0.onnx")

# 2. Conv on a 3-D input [1,3,32] with a 4-D weight [8,3,1,1]: reads past the input's dims
#    (SIGSEGV).
save(model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv")],
           [fin("x", [1, 3, 32])], [fout("y")], [weight("w", [8, 3, 1, 1])]),
     "conv_weight_rank4_input3d.onnx")

# 3. Conv on [1,3,32,32] with a 6-D weight [8,3,3,3,1,1] (SIGSEGV).
save(model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv")],
           [fin("x", [1, 3, 32, 32])], [fout("y")], [weight("w", [8, 3, 3, 3, 1, 1])]),
     "conv_weight_rank6.onnx")

# 4. ConvTranspose(t1) -> t0, DepthToSpace(t0) -> t1: a cycle with no graph input, opset 11
#    (SIGSEGV).
save(model([helper.make_node("ConvTranspose", ["t1", "w"], ["t0"], name="deconv"),
            helper.make_node("DepthToSpace", ["t0"], ["t1"], name="d2s", blocksize=2)],
           [], [fout("t1")], [weight("w", [4, 4, 3, 3])], opset=11),
     "cycle_convtranspose_depthtospace.onnx")

# 5. The hang: a 5-D input -> GlobalMaxPool -> Conv with a 4-D weight -> Conv with
#    pads=[0,1,1,2^63-1] -> AveragePool with strides=[2^31-1,3] and auto_pad="X". InferShapes
#    loops for ever subtracting a stride of 3 from a dimension near 2^63.
save(model([helper.make_node("GlobalMaxPool", ["x"], ["a"]),
            helper.make_node("Conv", ["a", "w1"], ["b"]),
            helper.make_node("Conv", ["b", "w2"], ["c"], pads=[0, 1, 1, 2**63 - 1]),
            helper.make_node("AveragePool", ["c"], ["y"], kernel_shape=[1, 1],
                             strides=[2**31 - 1, 3], auto_pad="X")],
           [fin("x", [1, 3, 32, 32, 1])], [fout("y")],
           [weight("w1", [4, 3, 1, 1]), weight("w2", [4, 4, 3, 3])], name=""),
     "hang_pads_overflow.onnx")

# The parts of the hang, one at a time (each refused for its own reason).
# 6. Conv with pads=[0,1,1,2^63-1]: the sizes overflow 64 bits.
save(model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv", pads=[0, 1, 1, 2**63 - 1])],
           [fin("x", [1, 4, 8, 8])], [fout("y")], [weight("w", [4, 4, 3, 3])]),
     "conv_pads_overflow.onnx")

# 7. AveragePool with auto_pad="X" (not NOTSET, SAME_UPPER, SAME_LOWER or VALID).
save(model([helper.make_node("AveragePool", ["x"], ["y"], name="avg", kernel_shape=[1, 1],
                             strides=[2**31 - 1, 3], auto_pad="X")],
           [fin("x", [1, 4, 8, 8])], [fout("y")]),
     "averagepool_auto_pad_unknown.onnx")

# 8. Split without outputs: InferShapes divides the axis by the number of outputs (SIGFPE).
#    Found by a survey of operators while fixing this issue.
save(model([helper.make_node("Split", ["x"], [], name="split", axis=1),
            helper.make_node("Relu", ["x"], ["y"], name="relu")],
           [fin("x", [1, 4, 8, 8])], [fout("y")]),
     "split_no_outputs.onnx")
