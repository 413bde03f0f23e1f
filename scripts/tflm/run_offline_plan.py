#!/usr/bin/env python3
"""Run a model that carries an OfflineMemoryAllocation plan (mcuc plan --emit-tflm-plan) under
TFLM with a given arena size, using TFLM's normal memory planner (not kPreserveAllTensors, which
ignores the plan), and compare its outputs with golden outputs.

    run_offline_plan.py MODEL --golden GOLDEN.npz --arena-bytes N

GOLDEN.npz has inputs in0, in1, ... and expected outputs out0, out1, ... (the layout of
shared/models/golden/*.npz). Prints one JSON object:
    {"ok": bool, "outputs_equal": bool, "head_bytes": int|null, "tail_bytes": int|null, "error": str}
"head" and "tail" are RecordingMicroAllocator's figures. Exit status 0 only if ok.
"""

import argparse
import json
import os
import re
import sys
import tempfile


def run(model_path, golden_path, arena_bytes):
    import numpy as np
    from tflite_micro.python.tflite_micro import runtime

    golden = np.load(golden_path)
    inputs = sorted((k for k in golden.files if re.fullmatch(r"in\d+", k)), key=lambda k: int(k[2:]))
    outputs = sorted((k for k in golden.files if re.fullmatch(r"out\d+", k)), key=lambda k: int(k[3:]))
    with open(model_path, "rb") as f:
        data = f.read()
    interp = runtime.Interpreter.from_bytes(data, arena_size=int(arena_bytes))
    for i, key in enumerate(inputs):
        interp.set_input(golden[key], i)
    interp.invoke()
    equal = all(np.array_equal(interp.get_output(i), golden[key]) for i, key in enumerate(outputs))
    return equal, interp


def allocations(interp):
    """(head, tail) from print_allocations(), which TFLM's DebugLog writes to stderr through C
    stdio (flushed before fd 2 is restored)."""
    import ctypes
    libc = ctypes.CDLL(None)
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile(mode="w+") as capture:
        os.dup2(capture.fileno(), 2)
        try:
            interp.print_allocations()
        finally:
            libc.fflush(None)
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        text = capture.read()
    head = re.search(r"allocation head (\d+) bytes", text)
    tail = re.search(r"allocation tail (\d+) bytes", text)
    return (int(head.group(1)) if head else None, int(tail.group(1)) if tail else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model")
    parser.add_argument("--golden", required=True)
    parser.add_argument("--arena-bytes", type=int, required=True)
    args = parser.parse_args()
    result = {"ok": False, "outputs_equal": False, "head_bytes": None, "tail_bytes": None, "error": ""}
    try:
        equal, interp = run(args.model, args.golden, args.arena_bytes)
        result["outputs_equal"] = bool(equal)
        result["head_bytes"], result["tail_bytes"] = allocations(interp)
        result["ok"] = bool(equal)
    except Exception as e:  # TFLM reports allocation failures as RuntimeError
        result["error"] = "%s: %s" % (type(e).__name__, e)
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
