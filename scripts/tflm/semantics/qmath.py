"""TFLM's scalar fixed-point helpers in Python (INT8_SEMANTICS.md, OPERATOR_SEMANTICS.md)."""

import math

import numpy as np

f32 = np.float32


def qm(r):
    """QuantizeMultiplier(double r) -> (M, shift)."""
    if r == 0:
        return 0, 0
    q, s = math.frexp(r)
    qf = int(math.floor(abs(q) * (1 << 31) + 0.5)) * (1 if q > 0 else -1)
    if qf == (1 << 31):
        qf //= 2
        s += 1
    if s < -31:
        return 0, 0
    return qf, s


def srdhm(a, b):
    if a == b == -(1 << 31):
        return (1 << 31) - 1
    v = a * b + ((1 << 30) if a * b >= 0 else 1 - (1 << 30))
    return int(v / (1 << 31)) if v >= 0 else -int((-v) // (1 << 31))


def rdbpot(x, e):
    mask = (1 << e) - 1
    return (x >> e) + (1 if (x & mask) > (mask >> 1) + (1 if x < 0 else 0) else 0)


def mbqm(x, m, s):
    """MultiplyByQuantizedMultiplier (int32, double rounding)."""
    return rdbpot(srdhm(x * (1 << max(s, 0)), m), max(-s, 0))


def mbqm64(x, m, s):
    """MultiplyByQuantizedMultiplier (int64 accumulator: 16-bit multiplier, single rounding)."""
    m16 = (m + (1 << 15)) >> 16 if m < 0x7FFF0000 else 0x7FFF
    t = 15 - s
    r = ((x * m16 + (1 << (t - 1))) >> t) & 0xFFFFFFFF
    return r - (1 << 32) if r >= 1 << 31 else r


def round_away(v):
    """TfLiteRound / std::round: half away from zero."""
    v = float(v)
    return math.floor(abs(v) + 0.5) * (1 if v >= 0 else -1)


def checked_log2(x):
    """CheckedLog2's rounded value: round(logf(x) * (1 / logf(2))) in float."""
    return int(round_away(np.log(f32(x)) * (f32(1) / np.log(f32(2)))))


def strides(shape):
    return [int(np.prod(shape[i + 1:])) for i in range(len(shape))]
