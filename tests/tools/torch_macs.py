#!/usr/bin/python3
"""Count multiply-accumulates the way torchvision's published operation counts are made: at the
ATen dispatch level, every convolution, mm, addmm, bmm and baddbmm that actually executes.

Module hooks miss functional calls (F.linear inside attention, torch.matmul on activations), so
this counter sits below the modules, in a TorchDispatchMode. Independent of Naqsh: the tests use
it as the reference Naqsh's numbers are checked against.

    /usr/bin/python3 tests/tools/torch_macs.py resnet50 [--size 224] [--onnx OUT.onnx --opset 14]

prints JSON: {"model", "input", "macs", "params", "output", ["initializer_elements"]}.
"""
import argparse
import json
import math
import sys

import torch
from torch.utils._python_dispatch import TorchDispatchMode

aten = torch.ops.aten


def _numel(shape):
    return math.prod(int(d) for d in shape)


class MacCounter(TorchDispatchMode):
    def __init__(self):
        super().__init__()
        self.macs = 0
        self.by_op = {}

    def _add(self, name, n):
        self.macs += n
        self.by_op[name] = self.by_op.get(name, 0) + n

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        out = func(*args, **kwargs)
        packet = getattr(func, "overloadpacket", func)
        if packet in (aten.convolution, aten._convolution):
            x, w = args[0], args[1]
            transposed = bool(args[6])
            kernel = _numel(w.shape[2:])
            if transposed:  # weight [Cin, Cout/groups, k...]: each input value feeds Cout/groups*k outputs
                self._add("convolution", _numel(x.shape) * int(w.shape[1]) * kernel)
            else:  # weight [Cout, Cin/groups, k...]
                self._add("convolution", _numel(out.shape) * int(w.shape[1]) * kernel)
        elif packet is aten.mm:
            a, b = args[0], args[1]
            self._add("mm", int(a.shape[0]) * int(a.shape[1]) * int(b.shape[1]))
        elif packet is aten.addmm:
            a, b = args[1], args[2]
            self._add("addmm", int(a.shape[0]) * int(a.shape[1]) * int(b.shape[1]))
        elif packet is aten.bmm:
            a, b = args[0], args[1]
            self._add("bmm", int(a.shape[0]) * int(a.shape[1]) * int(a.shape[2]) * int(b.shape[2]))
        elif packet is aten.baddbmm:
            a, b = args[1], args[2]
            self._add("baddbmm", int(a.shape[0]) * int(a.shape[1]) * int(a.shape[2]) * int(b.shape[2]))
        return out


def count(model, x):
    """MACs of one forward pass of model on x, with autograd enabled (so nn.MultiheadAttention
    does not take its fused fast path, which hides its matrix products)."""
    model.eval()
    with torch.enable_grad(), MacCounter() as counter:
        y = model(x)
    if isinstance(y, (tuple, list)):
        y = y[0]
    elif hasattr(y, "logits"):
        y = y.logits
    return counter.macs, counter.by_op, list(y.shape)


def params(model):
    return sum(p.numel() for p in model.parameters())


def torchvision_model(name):
    import torchvision
    kwargs = {"weights": None}
    if name in ("googlenet", "inception_v3"):
        # Without the auxiliary classifiers, which only training runs and the ONNX file does not
        # hold (GoogLeNet then has torchvision's published 6,624,904 parameters; Inception v3's
        # published 27,161,264 include its AuxLogits, 23,834,568 without them).
        kwargs["init_weights"] = False
        kwargs["aux_logits"] = False
    return getattr(torchvision.models, name)(**kwargs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", help="a torchvision.models constructor name, e.g. resnet50")
    ap.add_argument("--size", type=int, default=None, help="input height and width (224; 299 for inception_v3)")
    ap.add_argument("--onnx", help="also export the model to this ONNX file")
    ap.add_argument("--opset", type=int, default=14)
    a = ap.parse_args()
    torch.manual_seed(0)
    model = torchvision_model(a.model)
    size = a.size or (299 if a.model == "inception_v3" else 224)
    x = torch.randn(1, 3, size, size)
    macs, by_op, out_shape = count(model, x)
    result = {"model": a.model, "input": [1, 3, size, size], "macs": macs, "by_op": by_op,
              "params": params(model), "output": out_shape}
    if a.onnx:
        with torch.no_grad():
            torch.onnx.export(model, x, a.onnx, opset_version=a.opset, input_names=["input"],
                              output_names=["output"], do_constant_folding=True)
        import onnx
        m = onnx.load(a.onnx)
        result["initializer_elements"] = sum(_numel(t.dims) for t in m.graph.initializer)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
