#!/usr/bin/env python3
"""Executable check of docs/OPERATOR_SEMANTICS.md against the oracle.

    python3 scripts/tflm/semantics/check_semantics.py

Runs the draft C kernels of this folder (built with gcc) and Python models written from the
semantics notes against TFLM (the pinned wheel) on the pending op fixtures
(Tests/Fixtures/ops-pending) and, for the LSTM, the shared LSTM models (MCUC_MODELS_DIR). Prints
one line per fixture and exits 1 on any mismatch. Not part of `make test`: the kernels here are
drafts until each family moves into mcuc's kernel library and differential tests.
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checks_int16  # noqa: E402
import checks_int8  # noqa: E402
import checks_layout  # noqa: E402
import checks_stateful  # noqa: E402
from fixture_io import build_kernels  # noqa: E402


def main():
    lib = build_kernels()
    rng = np.random.default_rng(2026)
    results = []
    for check in checks_int8.CHECKS:
        results += check(lib, rng)
    for check in checks_layout.CHECKS + checks_int16.CHECKS + checks_stateful.CHECKS:
        results += check(rng)
    for name, ok in results:
        print("%-62s %s" % (name, "ok" if ok else "MISMATCH"))
    bad = sum(1 for _, ok in results if not ok)
    print("semantics: %d fixtures agree with TFLM, %d do not" % (len(results) - bad, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
