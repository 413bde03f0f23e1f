#!/usr/bin/env python3
"""Measure TFLM's int16 sigmoid/tanh interpolation table from the oracle itself.

    derive_sigmoid_table.py [--c | --swift]

TFLM's int16 LOGISTIC and TANH (and the LSTM gates) interpolate a 256-entry table of sigmoid
values in 0.16 fixed point that is not reproducible from a closed formula (some entries are off
the rounded sigmoid by one). This script recovers it from TFLM's behaviour instead of its source:
an int16 TANH whose input scale is 1/6144 takes TFLM's non-power-of-two path with multiplier
16384 and shift 13, so the interpolation argument is exactly 2x; at x = 128k the interpolation
weight is 0 and the output is table[k] - 32768 (k = 0..254). Entry 255 is solved from the output
at x = 128 * 254 + 127 (weight 254/256), and the script checks that exactly one value fits.

Prints the 256 values (default), or as a C or Swift array literal.
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tflite_builder import OP, TT, ModelBuilder, f32  # noqa: E402


def tanh_outputs():
    from tflite_micro.python.tflite_micro import runtime
    m = ModelBuilder()
    x = m.act("input", [65536], (f32(1.0 / 6144.0), 0), dtype=TT.INT16)
    y = m.act("output", [65536], (f32(1.0 / 32768.0), 0), dtype=TT.INT16)
    m.op(OP.TANH, [x], [y])
    interp = runtime.Interpreter.from_bytes(m.finish([x], [y], "sigmoid table probe"),
                                            arena_size=1 << 20)
    interp.set_input(np.arange(-32768, 32768, dtype=np.int16), 0)
    interp.invoke()
    return interp.get_output(0).astype(np.int64)


def derive():
    out = tanh_outputs()
    at = lambda x: int(out[x + 32768])  # noqa: E731
    table = [at(128 * k) + 32768 for k in range(255)]
    x = 128 * 254 + 127
    v = 2 * x
    frac = v & 255
    fits = [c for c in range(table[254], 65536)
            if (((table[254] << 8) + frac * (c - table[254]) - (1 << 23) + 128) >> 8) == at(x)]
    if len(fits) != 1:
        raise SystemExit("entry 255 is not determined: %s" % fits)
    table.append(fits[0])
    return table


def main(argv):
    table = derive()
    rows = [", ".join(str(v) for v in table[i:i + 12]) for i in range(0, 256, 12)]
    if argv == ["--c"]:
        print("{\n    " + ",\n    ".join(rows) + "\n}")
    elif argv == ["--swift"]:
        print("[\n    " + ",\n    ".join(rows) + ",\n]")
    elif argv:
        print(__doc__, file=sys.stderr)
        return 2
    else:
        print(" ".join(str(v) for v in table))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
