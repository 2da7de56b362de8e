#!/usr/bin/python3
"""Check Naqsh's ONNX import against PyTorch on torchvision's classification models.

For each model: count its multiply-accumulates with torch_macs.py's dispatch-level counter, export
it to ONNX (opset 14, batch 1, 224x224, 299x299 for inception_v3, weights=None), import the file
with the real naqsh-cli (`analyze --format json --convention macs`) and check

  - every layer's cost is known (no error, no unknown cost, no layer without numbers),
  - the output shape is [1, 1000],
  - Naqsh's parameters (plus buffers, e.g. an unfolded BatchNorm's running statistics) equal the
    file's floating-point initializer elements,
  - Naqsh's MACs equal the PyTorch count.

Before the export every parameter and floating-point buffer gets distinct random values: with
weights=None many biases are identical zeros (and BatchNorm statistics zeros and ones), and the
exporter then stores one tensor for all of them (Identity nodes), so the file would hold fewer
elements than the model has parameters.

    /usr/bin/python3 tests/tools/torchvision_check.py --cli build/app/naqsh-cli --cache DIR \
        [--models a,b,...|--all|--quick] [--table OUT.md]

--quick (the default ctest subset, about a minute) takes small real models and reduced instances of
torchvision's ConvNeXt, Swin and ViT classes: channel split and shuffle (shape arithmetic folded
at import), HardSwish/HardSigmoid/SiLU with squeeze-and-excitation, LayerNorm and exact GELU
written in primitives at opset 14, window attention, Swin V2's cosine attention (ReduceL2, Clip,
Expand) and padding to whole windows, ViT's class token and position embedding.
--all adds every model torchvision.models.list_models() names (`NAQSH_SWEEP=1 ctest -L sweep`, hours on two cores).
Exports are kept in DIR and reused.
Exit code 0 when every model passes, 1 otherwise; a table is printed either way.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

# Reduced instances of torchvision classes, for the quick run (full-size ones take minutes).
MINI = {
    "mini_vit": ("vision_transformer", "VisionTransformer",
                 dict(image_size=224, patch_size=32, num_layers=2, num_heads=2, hidden_dim=64,
                      mlp_dim=128)),
    "mini_swin": ("swin_transformer", "SwinTransformer",
                  dict(patch_size=[4, 4], embed_dim=16, depths=[1, 1], num_heads=[1, 2],
                       window_size=[7, 7], stochastic_depth_prob=0.0)),
    "mini_convnext": ("convnext", "ConvNeXt", None),
    # Swin V2: cosine attention (F.normalize: ReduceL2, Clip, Expand, Div), the continuous
    # position bias MLP and PatchMergingV2.
    "mini_swin_v2": ("swin_transformer", "SwinTransformer",
                     dict(patch_size=[4, 4], embed_dim=16, depths=[1, 1], num_heads=[1, 2],
                          window_size=[8, 8], stochastic_depth_prob=0.0)),
}
# Exported last in a sweep (each takes minutes: hundreds of millions of parameters).
HEAVY = ["convnext_small", "swin_s", "swin_v2_s", "efficientnet_b5", "efficientnet_v2_m",
         "resnet152", "densenet161", "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16",
         "vgg16_bn", "vgg19", "vgg19_bn", "wide_resnet50_2", "wide_resnet101_2",
         "resnext101_32x8d", "resnext101_64x4d", "regnet_x_16gf", "regnet_y_16gf",
         "efficientnet_b6", "efficientnet_b7", "convnext_base", "swin_b", "swin_v2_b",
         "vit_b_32", "vit_b_16", "efficientnet_v2_l", "convnext_large", "regnet_x_32gf",
         "regnet_y_32gf", "vit_l_32", "vit_l_16", "regnet_y_128gf", "vit_h_14"]
QUICK = ["shufflenet_v2_x0_5", "mobilenet_v3_small", "efficientnet_b0", "mini_convnext",
         "mini_swin", "mini_swin_v2", "mini_vit"]


def build(name):
    import torchvision
    if name in MINI:
        module, cls, kwargs = MINI[name]
        mod = getattr(torchvision.models, module)
        if name == "mini_convnext":
            cfg = mod.CNBlockConfig
            return getattr(mod, cls)([cfg(24, 48, 1), cfg(48, None, 1)])
        if name == "mini_swin_v2":
            kwargs = dict(kwargs, block=mod.SwinTransformerBlockV2,
                          downsample_layer=mod.PatchMergingV2)
        return getattr(mod, cls)(**kwargs)
    import torch_macs
    return torch_macs.torchvision_model(name)


def is_swin_v2(name):
    return name.startswith(("swin_v2_", "mini_swin_v2"))


class SwinV2ExportPatch:
    """Lets Debian's PyTorch 1.13 export Swin V2 at opset 14 (export only, never the MAC count).

    torchvision 0.14's shifted_window_attention zeroes the key's third of the qkv bias in place:
        qkv_bias = qkv_bias.clone(); qkv_bias[length : 2 * length].zero_()
    and the exporter stops at "Exporting the operator 'aten::zero' to ONNX opset version 14 is
    not supported". Inside this context the function is rebuilt from its own source with those
    lines written as the equal torch.cat([q part, zeros_like(k part), v part]) (same values, same
    shape) and bound in the module's namespace, where ShiftedWindowAttentionV2.forward looks it
    up; on leaving, the original function is put back.

    The MAC count (torch_macs.count) runs before, on the unpatched model. It would be the same
    anyway: clone, zero_, cat and zeros_like are none of the counted operators (convolution, mm,
    addmm, bmm, baddbmm), and the qkv projection that uses the bias is unchanged."""

    OLD = """        qkv_bias = qkv_bias.clone()
        length = qkv_bias.numel() // 3
        qkv_bias[length : 2 * length].zero_()"""
    NEW = """        length = qkv_bias.numel() // 3
        qkv_bias = torch.cat([qkv_bias[:length], torch.zeros_like(qkv_bias[length : 2 * length]),
                              qkv_bias[2 * length :]])"""

    def __enter__(self):
        import inspect
        import torchvision.models.swin_transformer as st
        self.module = st
        self.original = st.shifted_window_attention
        src = inspect.getsource(self.original)
        if self.OLD not in src:  # another torchvision: export it as it is
            return self
        exec(compile(src.replace(self.OLD, self.NEW), st.__file__, "exec"), st.__dict__)
        return self

    def __exit__(self, *exc):
        self.module.shifted_window_attention = self.original
        return False


def cpb_mlp_sizes(model):
    """Swin V2's continuous position bias, per block summed: the cpb MLP's parameters, its
    coordinate table (a buffer) and the bias it computes (heads x W^2 x W^2 values, the size of
    relative_position_index times the heads)."""
    params = table = bias = 0
    for mod in model.modules():
        mlp = getattr(mod, "cpb_mlp", None)
        coords = getattr(mod, "relative_coords_table", None)
        if mlp is not None and coords is not None:
            params += sum(p.numel() for p in mlp.parameters())
            table += coords.numel()
            bias += mod.relative_position_index.numel() * mlp[-1].out_features
    return params, table, bias


def cpb_mlp_macs(model):
    """MACs of Swin V2's continuous position bias MLPs, counted by PyTorch itself: each block's
    cpb_mlp (Linear(2, 512), ReLU, Linear(512, heads)) run alone on its constant coordinate table,
    with torch_macs' dispatch-level counter. They run at inference in PyTorch (torch_macs counts
    them in the model's total), but in the ONNX file their inputs are all constants, and Naqsh
    folds such a subgraph into a constant (no layers, no MACs), as a runtime with constant folding
    would."""
    import torch_macs
    total = 0
    for mod in model.modules():
        mlp = getattr(mod, "cpb_mlp", None)
        table = getattr(mod, "relative_coords_table", None)
        if mlp is not None and table is not None:
            total += torch_macs.count(mlp, table)[0]
    return total


def file_changes(name, cache, ref):
    """What the exporter changed in the model's parameters (cached in the reference JSON):

    - BatchNorm after a convolution is folded into it (eval mode): its 2C parameters (weight and
      bias) go, and the convolution gets C new biases if it had none (net -C) or keeps its own C
      biases if it had them (net -2C: VGG-BN's convolutions have bias=True). bn_folded is that net
      change, from the model's BatchNorm channels and its and the file's convolution biases;
      bn_folded_biased is how many of the folded channels went into a biased convolution;
    - Swin's relative position bias is gathered from its table at export: the file has
      heads x W^2 x W^2 values where the model has a (2W - 1)^2 x heads table.

    - Swin V2's continuous position bias MLP runs on a constant table: in the file all its inputs
      are constants and Naqsh folds it (cpb_macs, counted by PyTorch in cpb_mlp_macs()). Naqsh
      then counts the bias the MLP computes (cpb_bias: heads x W^2 x W^2 values, like Swin v1's
      gathered bias) as the Add's constant parameters, instead of the MLP's cpb_params weights
      and its cpb_table coordinates, which the file holds.

    Naqsh counts what the file holds, so its parameters equal torchvision's minus bn_folded, minus
    the tables, plus the gathered biases."""
    if ref.get("changes_version") == 5:
        return ref
    import torch
    import onnx
    model = build(name)
    m = onnx.load(os.path.join(cache, name + ".onnx"), load_external_data=False)
    inits = {t.name: t for t in m.graph.initializer}
    bn = sum(b.num_features for b in model.modules()
             if isinstance(b, torch.nn.modules.batchnorm._BatchNorm) and b.affine)
    in_file = sum(math.prod(inits[n.input[1]].dims) for n in m.graph.node
                  if n.op_type == "BatchNormalization" and n.input[1] in inits)
    conv_bias_model = sum(c.bias.numel() for c in model.modules()
                          if isinstance(c, torch.nn.modules.conv._ConvNd) and c.bias is not None)
    conv_bias_file = sum(math.prod(inits[n.input[2]].dims) for n in m.graph.node
                         if n.op_type in ("Conv", "ConvTranspose") and len(n.input) > 2
                         and n.input[2] in inits)
    folded = bn - in_file  # BatchNorm channels folded away
    added = conv_bias_file - conv_bias_model  # biases the fold gave to bias-free convolutions
    table = gathered = 0
    for mod in model.modules():
        t = getattr(mod, "relative_position_bias_table", None)
        index = getattr(mod, "relative_position_index", None)
        if isinstance(t, torch.nn.Parameter) and index is not None:
            table += t.numel()
            gathered += index.numel() * t.shape[-1]
    import torch_macs
    cpb_params, cpb_table, cpb_bias = cpb_mlp_sizes(model)
    ref.update(cpb_params=cpb_params, cpb_table=cpb_table, cpb_bias=cpb_bias)
    ref.update(bn_folded=2 * folded - added, bn_folded_biased=folded - added,
               bias_table=table, bias_gathered=gathered,
               torch_params=torch_macs.params(model), cpb_macs=cpb_mlp_macs(model),
               changes_version=5)
    with open(os.path.join(cache, name + ".json"), "w") as f:
        json.dump(ref, f)
    return ref


def export(name, cache, opset):
    """Counts and exports one model into cache; returns the reference figures (cached)."""
    ref_path = os.path.join(cache, name + ".json")
    onnx_path = os.path.join(cache, name + ".onnx")
    if os.path.exists(ref_path) and os.path.exists(onnx_path):
        with open(ref_path) as f:
            ref = json.load(f)
        if ref.get("opset") == opset:
            return ref
    import torch
    import onnx
    import torch_macs
    torch.manual_seed(0)
    model = build(name)
    size = 299 if name == "inception_v3" else 224
    x = torch.randn(1, 3, size, size)
    start = time.monotonic()
    macs, by_op, out_shape = torch_macs.count(model, x)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn_like(p) * 0.02)
        for b in model.buffers():  # BatchNorm statistics: equal ones would be merged as well
            if b.is_floating_point():
                b.copy_(torch.rand_like(b) + 0.5)
    # With autograd on, nn.MultiheadAttention does not take its fused path, which the exporter
    # cannot write.
    if is_swin_v2(name):
        with SwinV2ExportPatch():
            torch.onnx.export(model, x, onnx_path, opset_version=opset, input_names=["input"],
                              output_names=["output"], do_constant_folding=True)
    else:
        torch.onnx.export(model, x, onnx_path, opset_version=opset, input_names=["input"],
                          output_names=["output"], do_constant_folding=True)
    m = onnx.load(onnx_path, load_external_data=False)
    floats = (onnx.TensorProto.FLOAT, onnx.TensorProto.FLOAT16, onnx.TensorProto.DOUBLE,
              onnx.TensorProto.BFLOAT16)
    ref = {"model": name, "opset": opset, "input": [1, 3, size, size], "macs": macs,
           "by_op": by_op, "torch_params": torch_macs.params(model), "output": out_shape,
           "float_initializer_elements": sum(math.prod(t.dims) for t in m.graph.initializer
                                             if t.data_type in floats),
           "export_seconds": round(time.monotonic() - start, 1)}
    with open(ref_path, "w") as f:
        json.dump(ref, f)
    return ref


def export_isolated(name, cache, opset):
    """Runs export() in a child interpreter, so that the memory of one large model is returned."""
    cmd = [sys.executable, os.path.abspath(__file__), "--export-one", name, "--cache", cache,
           "--opset", str(opset)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError((r.stderr or r.stdout).strip().splitlines()[-1:] or ["export failed"])
    with open(os.path.join(cache, name + ".json")) as f:
        return json.load(f)


def check(cli, name, cache, ref):
    onnx_path = os.path.join(cache, name + ".onnx")
    r = subprocess.run([cli, "analyze", onnx_path, "--format", "json", "--convention", "macs"],
                       capture_output=True, text=True)
    problems = []
    try:
        d = json.loads(r.stdout)
    except ValueError:
        return None, ["naqsh-cli gave no JSON (exit %d): %s" % (r.returncode, r.stderr[-400:])]
    t = d["totals"]
    if d.get("errors"):
        problems.append("%d layer error(s)" % d["errors"])
    if t.get("unknown_cost_layers"):
        problems.append("%d layer(s) of unknown cost" % t["unknown_cost_layers"])
    if t.get("layers_without_numbers"):
        problems.append("%d layer(s) without numbers (first: %s)"
                        % (t["layers_without_numbers"], t.get("first_layer_without_numbers")))
    opaque = sorted({l["name"] for l in d["layers"] if l["type"] == "opaque"})
    if opaque:
        problems.append("opaque: " + ", ".join(opaque[:4]))
    if name.startswith(("vit_", "mini_vit")):  # class token, position embedding: own layers
        for kind in ("class_token", "position_embedding"):
            if sum(l["type"] == kind for l in d["layers"]) != 1:
                problems.append("not one %s layer" % kind)
    outs = [l["output_shape"] for l in d["layers"] if l["type"] == "output"]
    if outs != [[1, 1000]]:
        problems.append("output shape %s" % outs)
    params = t["params"] + t.get("buffers", 0)
    cpb = ref.get("cpb_bias", 0) - ref.get("cpb_params", 0)  # Swin V2: see file_changes()
    if params != ref["float_initializer_elements"] + cpb - ref.get("cpb_table", 0):
        problems.append("params %d != file's %d" % (params, ref["float_initializer_elements"]))
    expected = (ref["torch_params"] - ref["bn_folded"] - ref["bias_table"]
                + ref["bias_gathered"] + cpb)
    if t["params"] != expected:
        problems.append("params %d != torch's %d as the file holds them (%d)"
                        % (t["params"], ref["torch_params"], expected))
    expected_macs = ref["macs"] - ref.get("cpb_macs", 0)
    if t["macs"] != expected_macs:
        problems.append("MACs %d != torch's %d as the file computes them (%d)"
                        % (t["macs"], ref["macs"], expected_macs))
    return d, problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", help="path of naqsh-cli")
    ap.add_argument("--cache", required=True, help="directory for the exported models")
    ap.add_argument("--models", help="comma-separated names")
    ap.add_argument("--all", action="store_true", help="every torchvision classification model")
    ap.add_argument("--quick", action="store_true", help="the default ctest subset")
    ap.add_argument("--opset", type=int, default=14)
    ap.add_argument("--table", help="also write the table (Markdown) to this file")
    ap.add_argument("--export-one", help=argparse.SUPPRESS)
    ap.add_argument("--only-if-env", help="skip (exit 77) unless this environment variable is 1")
    a = ap.parse_args()
    if a.only_if_env and os.environ.get(a.only_if_env) != "1":
        print("skipped: set %s=1 to run" % a.only_if_env)
        return 77
    try:
        import torch  # noqa: F401
        import torchvision  # noqa: F401
        import onnx  # noqa: F401
    except ImportError as e:
        print("skipped: %s" % e)
        return 77
    os.makedirs(a.cache, exist_ok=True)
    if a.export_one:
        export(a.export_one, a.cache, a.opset)
        return 0
    if a.all:
        import torchvision
        names = torchvision.models.list_models(module=torchvision.models)
        # Quick ones first, so that an interrupted sweep has covered the most models.
        names.sort(key=lambda n: (HEAVY.index(n) + 1 if n in HEAVY else 0, n))
        names = sorted(MINI) + names
    elif a.models:
        names = a.models.split(",")
    else:
        names = QUICK
    rows = []
    failed = 0
    for name in names:
        start = time.monotonic()
        try:
            ref = export_isolated(name, a.cache, a.opset) if a.all else export(name, a.cache,
                                                                                a.opset)
        except Exception as e:  # an export failure is a failed row, the sweep goes on
            rows.append((name, "-", "-", "-", "-", "-", "-", "-", "export failed: %s" % e))
            failed += 1
            continue
        if not a.cli:  # export only
            print("%-20s %6.1f s  exported" % (name, time.monotonic() - start), file=sys.stderr,
                  flush=True)
            continue
        try:
            ref = file_changes(name, a.cache, ref)
        except Exception as e:
            rows.append((name, "-", "-", "-", "-", "-", "-", "-", "model not built: %s" % e))
            failed += 1
            continue
        d, problems = check(a.cli, name, a.cache, ref)
        status = "ok" if not problems else "; ".join(problems)
        failed += bool(problems)
        naqsh_macs = d["totals"]["macs"] if d else "-"
        naqsh_params = d["totals"]["params"] if d else "-"
        naqsh_stored = d["totals"]["params"] + d["totals"].get("buffers", 0) if d else "-"
        notes = []
        if ref["bn_folded"]:
            note = "BatchNorm folded into conv: -%d" % ref["bn_folded"]
            if ref.get("bn_folded_biased"):
                note += (" (%d channels into a conv with its own bias: 2C each)"
                         % ref["bn_folded_biased"])
            notes.append(note)
        if ref["bias_table"]:
            notes.append("position bias gathered: -%d +%d" % (ref["bias_table"],
                                                             ref["bias_gathered"]))
        if ref.get("cpb_macs"):
            notes.append("position bias MLP on a constant table, folded: -%d MACs; Naqsh counts "
                         "the bias it computes as parameters: -%d MLP weights (and %d table "
                         "values) +%d" % (ref["cpb_macs"], ref["cpb_params"], ref["cpb_table"],
                                          ref["cpb_bias"]))
        rows.append((name, naqsh_params, ref["torch_params"], naqsh_macs, ref["macs"],
                     naqsh_stored, ref["float_initializer_elements"], "; ".join(notes) or "-",
                     status))
        print("%-20s %6.1f s  %s" % (name, time.monotonic() - start, status), file=sys.stderr,
              flush=True)
    head = ("model", "params naqsh", "params torch", "MACs naqsh", "MACs torch",
            "params + buffers naqsh", "file's float initializer elements",
            "exporter's changes to the parameters", "status")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        lines.append("| " + " | ".join(str(c) for c in row) + " |")
    lines.append("")
    lines.append("%d of %d models exact" % (len(rows) - failed, len(rows)))
    text = "\n".join(lines)
    print(text)
    if a.table:
        with open(a.table, "w") as f:
            f.write(text + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
