"""Runs a Naqsh graph in PyTorch with the executor's weights and inputs.

Usage: torch_compare.py DIR [--time REPEAT THREADS]
       torch_compare.py --serve   (one DIR per line on stdin, each answer ends with {"end": true};
                                   torch is imported once for all of them)

DIR holds model.py (Naqsh's PyTorch export), manifest.json and raw float32 files written by
naqsh::writeTorchCheck. Every weight in the manifest is loaded into the module's state dict
(matched by the layer's attribute name and the PyTorch parameter name); the module runs on the
same inputs; the value of each layer's variable in forward() (modules, torch.cat, sums) is
compared with the executor's output (each element of a Split's or Chunk's tuple on its own).
Prints one JSON object per output:
{"layer", "max_abs", "max_ref", "shape_ok"} and a last line {"unused_weights", "missing_state"}.
With --time, prints {"median_ms", "iqr_ms"} of the whole forward pass instead.
"""
import importlib.util
import json
import os
import statistics
import sys
import time

import numpy as np
import torch


def load(dir_, entry):
    data = np.fromfile(os.path.join(dir_, entry["file"]), dtype="<f4")
    return torch.from_numpy(data.reshape(entry["shape"]).copy())


def main():
    if sys.argv[1] == "--serve":
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                compare(line.strip(), [])
            except Exception:  # reported to the test, which fails with it
                import traceback
                print(json.dumps({"error": traceback.format_exc()}))
            print(json.dumps({"end": True}), flush=True)
        return
    compare(sys.argv[1], sys.argv[2:])


def compare(dir_, options):
    timing = len(options) > 0 and options[0] == "--time"
    with open(os.path.join(dir_, "manifest.json")) as f:
        manifest = json.load(f)
    spec = importlib.util.spec_from_file_location("naqsh_model", os.path.join(dir_, "model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    classes = [v for v in vars(module).values()
               if isinstance(v, type) and issubclass(v, torch.nn.Module) and v.__module__ == "naqsh_model"]
    model = classes[0]()
    model.eval()

    weights = {(w["layer"], w["param"]): load(dir_, w) for w in manifest["weights"]}
    used = set()
    state = model.state_dict()
    missing = []
    for key in state:
        parts = key.split(".")
        # Integer buffers are the module's own bookkeeping (BatchNorm's counter, Swin's
        # relative position index), not weights.
        if not state[key].is_floating_point():
            continue
        # The layer's attribute, then the name inside its module ("weight", "fc1.weight"); ""
        # when the attribute is itself the parameter (a learned constant, ViT's class token).
        # A module the export wraps (padding before a convolution: "conv.1.weight") keeps the
        # parameter's own name.
        param = ".".join(parts[1:])
        if (parts[0], param) not in weights:
            param = parts[-1] if len(parts) > 1 else ""
        found = weights.get((parts[0], param))
        if found is None or found.numel() != state[key].numel():
            missing.append(key)
            continue
        state[key] = found.reshape(state[key].shape)
        used.add((parts[0], param))
    model.load_state_dict(state)
    inputs = [load(dir_, e) for e in manifest["inputs"]]

    if timing:
        repeat, threads = int(options[1]), int(options[2])
        torch.set_num_threads(threads)
        times = []
        with torch.no_grad():
            model(*inputs)  # warm-up
            for _ in range(repeat):
                t0 = time.perf_counter()
                model(*inputs)
                times.append((time.perf_counter() - t0) * 1000.0)
        q = statistics.quantiles(times, n=4) if len(times) > 1 else [times[0]] * 3
        print(json.dumps({"median_ms": statistics.median(times), "iqr_ms": q[2] - q[0]}))
        return

    captured = {}
    code = model.forward.__code__

    def profiler(frame, event, arg):
        if event == "return" and frame.f_code is code:
            captured.update(frame.f_locals)

    sys.setprofile(profiler)
    with torch.no_grad():
        model(*inputs)
    sys.setprofile(None)

    for entry in manifest["outputs"]:
        ref = captured.get(entry["layer"])
        if "port" in entry and isinstance(ref, (tuple, list)) and entry["port"] < len(ref):
            ref = ref[entry["port"]]
        if not isinstance(ref, torch.Tensor):
            print(json.dumps({"layer": entry["layer"], "missing": True}))
            continue
        mine = load(dir_, entry)
        shape_ok = list(ref.shape) == list(mine.shape)
        max_abs = float((ref - mine).abs().max()) if shape_ok else float("inf")
        print(json.dumps({"layer": entry["layer"], "max_abs": max_abs,
                          "max_ref": float(ref.abs().max()), "shape_ok": shape_ok}))
    print(json.dumps({"unused_weights": sorted("%s.%s" % k for k in set(weights) - used),
                      "missing_state": missing}))


if __name__ == "__main__":
    main()
