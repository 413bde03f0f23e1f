#!/usr/bin/env python3
"""Generate small single-op (and a few few-op) int8 TFLite models for mcuc tests.

    make_op_models.py OUTDIR

Models are written with the flatbuffers object API of the schema shipped in the
tflite-micro wheel (ModelT, SubGraphT, ...; schema version 3, identifier "TFL3",
buffer 0 empty, activations point at buffer 0).  Everything is deterministic: each
case draws from numpy.random.default_rng(crc32(case name)), so adding a case does
not change the others.  OUTDIR/index.json lists every file with its op, parameters
and I/O tensors.  Files listed in an existing OUTDIR/index.json are deleted first.

Quantization follows what TFLM's reference kernels require:
  * activations int8, per-tensor, varied scales / zero points (some extreme);
  * weights int8 symmetric (zero point 0), per-channel (conv: axis 0, depthwise:
    axis 3) or per-tensor; biases int32 with scale in_scale * w_scale, zp 0;
  * SOFTMAX / LOGISTIC output 1/256, zp -128; TANH output 1/128, zp 0;
  * CONCATENATION, pooling, PAD, RESHAPE, SQUEEZE, TRANSPOSE, STRIDED_SLICE,
    RESIZE_NEAREST_NEIGHBOR keep the input quantization; PADV2's constant shares
    the output quantization.
"""

import inspect
import json
import os
import sys
import zlib

import flatbuffers
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixture_status  # noqa: E402
import op_cases_core  # noqa: E402
from tflite_builder import OP_NAME  # noqa: E402


class Registry:
    def __init__(self):
        self.cases = []
        self.counters = {}
        self.keep = None   # predicate (kind, desc): cases it refuses are numbered but not written

    def add(self, kind, desc, fn, /, **params):
        """fn(rng, **params) -> (ModelBuilder, inputs, outputs, extra_params)."""
        n = self.counters.get(kind, 0)
        self.counters[kind] = n + 1
        fname = "%s_%03d_%s.tflite" % (kind.lower(), n, desc)
        if self.keep is None or self.keep(kind, desc):
            self.cases.append((fname, kind, desc, fn, params))


def define_issue12_cases(registry, keep):
    """Registers the cases of op_cases_*.py (issue #12) that `keep(kind, desc)` selects, numbered
    after define_cases()'s (the same numbers in both fixture sets)."""
    import op_cases_conv
    import op_cases_int16
    import op_cases_layout
    import op_cases_math
    import op_cases_sequence
    registry.keep = keep
    for family in (op_cases_layout, op_cases_math, op_cases_conv, op_cases_int16, op_cases_sequence):
        family.define(registry)
    registry.keep = None


R = Registry()


# ==========================================================================


def define_cases():
    """Registers the original int8 cases (op_cases_core.py) in R."""
    op_cases_core.define(R)


def _jsonable(v):
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    return v


def main(argv):
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    define_cases()
    define_issue12_cases(R, fixture_status.supported)
    return write_fixtures(argv[0], R, "scripts/tflm/make_op_models.py")


def write_fixtures(outdir, registry, generator):
    """Writes every case of `registry` into outdir plus outdir/index.json; returns 0."""
    os.makedirs(outdir, exist_ok=True)
    index_path = os.path.join(outdir, "index.json")
    if os.path.exists(index_path):
        with open(index_path) as f:
            for e in json.load(f).get("models", []):
                p = os.path.join(outdir, e["file"])
                if os.path.exists(p):
                    os.remove(p)

    entries = []
    total = 0
    for fname, op, desc, fn, params in registry.cases:
        rng = np.random.default_rng(zlib.crc32(fname.encode()))
        m, ins, outs, extra = fn(rng, **params)
        data = m.finish(ins, outs, "mcuc op fixture %s" % fname[:-7])
        if len(data) >= 20 * 1024:
            raise SystemExit("%s is %d bytes (limit 20 KiB)" % (fname, len(data)))
        with open(os.path.join(outdir, fname), "wb") as f:
            f.write(data)
        total += len(data)
        ops = [OP_NAME[m.opcodes[o.opcodeIndex].builtinCode] for o in m.operators]
        # effective parameters: the generator's defaults overridden by the case's own
        p = {k: v.default for k, v in inspect.signature(fn).parameters.items()
             if k != "rng" and v.default is not inspect.Parameter.empty and v.default is not None}
        p.update({k: v for k, v in params.items() if v is not None})
        p.update(extra)
        entries.append({
            "file": fname,
            "op": op,
            "ops": ops,
            "desc": desc,
            "params": _jsonable(p),
            "inputs": [m.io_info(i) for i in ins],
            "outputs": [m.io_info(o) for o in outs],
            "bytes": len(data),
        })
    # One model per line keeps diffs of the index readable.
    with open(index_path, "w") as f:
        f.write('{"generator": %s,\n' % json.dumps(generator))
        f.write(' "flatbuffers": %s, "numpy": %s,\n' % (json.dumps(flatbuffers.__version__),
                                                       json.dumps(np.__version__)))
        f.write(' "count": %d, "total_bytes": %d,\n "models": [\n' % (len(entries), total))
        f.write(",\n".join("  " + json.dumps(e) for e in entries))
        f.write("\n ]}\n")
    counts = {}
    for e in entries:
        counts[e["op"]] = counts.get(e["op"], 0) + 1
    for k in sorted(counts):
        print("%-26s %d" % (k, counts[k]))
    print("%d models, %d bytes -> %s" % (len(entries), total, outdir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
