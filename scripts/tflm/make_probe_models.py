#!/usr/bin/env python3
"""Generate probe models: tiny models plus one input each, chosen so that two plausible
readings of TFLM's arithmetic give different outputs (float32 vs double scale products).

    make_probe_models.py OUTDIR

Random inputs almost never separate such readings (a multiplier that differs in its last bits
changes one accumulator value in about a million), so each probe searches (deterministically)
for scales and an input where the readings disagree; the test runs TFLM and mcuc on exactly that
input. OUTDIR gets <name>.tflite, <name>.in<k>.npy and index.json ({file, inputs, readings}).
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "semantics"))
from tflite_builder import OP, TT, ModelBuilder, f32, fb, opts  # noqa: E402
from qmath import mbqm, qm, rdbpot, srdhm  # noqa: E402


def _log_uniform(rng, lo, hi):
    return f32(np.exp(rng.uniform(np.log(lo), np.log(hi))))


def probe_fc_per_tensor(rng):
    """Per-tensor FULLY_CONNECTED: is in_scale * w_scale rounded to float32 before the division?"""
    while True:
        si, sw, so = _log_uniform(rng, 0.003, 0.3), _log_uniform(rng, 0.001, 0.05), _log_uniform(rng, 0.005, 0.3)
        as_float, as_double = qm(float(f32(si * sw)) / float(so)), qm(float(si) * float(sw) / float(so))
        if as_float == as_double:
            continue
        acc = next((a for a in range(-30000, 30000) if mbqm(a, *as_float) != mbqm(a, *as_double)
                    and abs(mbqm(a, *as_float)) < 100), None)
        if acc is not None:
            break
    m = ModelBuilder()
    x = m.act("input", [1, 1], (si, 0))
    w = m.const("weights", np.array([[1]]), TT.INT8, ([sw], [0]))
    b = m.const("bias", np.array([acc]), TT.INT32, ([f32(si * sw)], [0]))
    y = m.act("output", [1, 1], (so, 0))
    m.op(OP.FULLY_CONNECTED, [x, w, b], [y], opts(fb.FullyConnectedOptionsT))
    return m, [x], [y], [np.zeros((1, 1), np.int8)], {
        "float_product": mbqm(acc, *as_float), "double_product": mbqm(acc, *as_double)}


def _sat_pot(x, e):
    """gemmlowp SaturatingRoundingMultiplyByPOT on int32."""
    if e <= 0:
        return rdbpot(x, -e)
    t = (1 << (31 - e)) - 1
    return (1 << 31) - 1 if x > t else (-(1 << 31) if x < -t else x << e)


def _wrap32(x):
    return (x + (1 << 31)) % (1 << 32) - (1 << 31)


def inv_sqrt(x):
    """GetInvSqrtQuantizedMultiplierExp(x, reverse_shift=-1) -> (multiplier, left shift)."""
    if x <= 1:
        return (1 << 31) - 1, 0
    sh = 11
    while x >= 1 << 29:
        x //= 4
        sh += 1
    pairs = (32 - x.bit_length() - 1) // 2 - 1
    sh -= pairs
    x <<= 2 * pairs
    half, y = _sat_pot(x >> 1, -1), 1 << 28
    for _ in range(5):
        y3 = _sat_pot(srdhm(srdhm(y, y), y), 6)
        y = _sat_pot(_wrap32(srdhm((1 << 28) + (1 << 27), y) - srdhm(half, y3)), 3)
    y = srdhm(y, 1518500250)
    if sh < 0:
        y, sh = _wrap32(y << -sh), 0
    return y, -sh


def _rsqrt(v, m, s, zo):
    im, ish = inv_sqrt(v)
    d = mbqm(1, im, ish + 20)
    return max(-128, min(127, mbqm(d, m, s - 20) + zo))


def probe_rsqrt_scale_product(rng):
    """RSQRT: is sqrtf(in_scale) * out_scale rounded to float32 before 1 / (...)?"""
    while True:
        si, so = _log_uniform(rng, 0.002, 2.0), _log_uniform(rng, 0.002, 0.2)
        as_float = qm(1.0 / float(f32(f32(np.sqrt(si)) * so)))
        as_double = qm(1.0 / (np.sqrt(float(si)) * float(so)))
        if as_float == as_double:
            continue
        v = next((v for v in range(1, 256) if _rsqrt(v, *as_float, -128) != _rsqrt(v, *as_double, -128)), None)
        if v is not None:
            break
    m = ModelBuilder()
    x = m.act("input", [1, 1], (si, -128))
    y = m.act("output", [1, 1], (so, -128))
    m.op(OP.RSQRT, [x], [y])
    return m, [x], [y], [np.full((1, 1), v - 128, np.int8)], {
        "float_product": _rsqrt(v, *as_float, -128), "double_product": _rsqrt(v, *as_double, -128)}


def probe_batch_matmul_scale_product(rng):
    """BATCH_MATMUL (GetQuantizedConvolutionMultipler without bias): is lhs_scale * rhs_scale
    rounded to float32 before the division?"""
    while True:
        sl, sr, so = _log_uniform(rng, 0.003, 0.3), _log_uniform(rng, 0.001, 0.05), _log_uniform(rng, 0.005, 0.3)
        as_float, as_double = qm(float(f32(sl * sr)) / float(so)), qm(float(sl) * float(sr) / float(so))
        if as_float == as_double:
            continue
        pair = next(((a, acc // a) for acc in range(-16000, 16000) if mbqm(acc, *as_float) != mbqm(acc, *as_double)
                     and abs(mbqm(acc, *as_float)) < 100
                     for a in range(1, 128) if acc % a == 0 and -128 <= acc // a <= 127), None)
        if pair is not None:
            break
    a, b = pair
    m = ModelBuilder()
    x = m.act("lhs", [1, 1], (sl, 0))
    w = m.const("rhs", np.array([[b]]), TT.INT8, (sr, 0))
    y = m.act("output", [1, 1], (so, 0))
    m.op(OP.BATCH_MATMUL, [x, w], [y], opts(fb.BatchMatMulOptionsT))
    return m, [x], [y], [np.full((1, 1), a, np.int8)], {
        "float_product": mbqm(a * b, *as_float), "double_product": mbqm(a * b, *as_double)}


# SUB's double multipliers are pinned by ReferenceTests/AddSubTests; the other ops of issue 12
# (ABS, ...) add their probes when they are supported.
PROBES = [("fully_connected_per_tensor_scale_product", probe_fc_per_tensor),
          ("rsqrt_scale_product", probe_rsqrt_scale_product),
          ("batch_matmul_scale_product", probe_batch_matmul_scale_product)]


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    outdir = argv[0]
    os.makedirs(outdir, exist_ok=True)
    entries = []
    for k, (name, fn) in enumerate(PROBES):
        m, ins, outs, values, readings = fn(np.random.default_rng([2026, k]))
        with open(os.path.join(outdir, name + ".tflite"), "wb") as f:
            f.write(m.finish(ins, outs, "mcuc probe " + name))
        inputs = []
        for i, v in enumerate(values):
            inputs.append("%s.in%d.npy" % (name, i))
            np.save(os.path.join(outdir, inputs[-1]), v)
        entries.append({"file": name + ".tflite", "inputs": inputs, "readings": readings})
    with open(os.path.join(outdir, "index.json"), "w") as f:
        json.dump({"generator": "scripts/tflm/make_probe_models.py", "probes": entries}, f, indent=1)
        f.write("\n")
    print("%d probes -> %s" % (len(entries), outdir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
