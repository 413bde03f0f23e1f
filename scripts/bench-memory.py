#!/usr/bin/env python3
"""The estimate model against the ELF: code and stack per model (a benchmark, never a test).

For every supported shared model (and, with --fixtures, every op fixture) it runs
`mcuc plan --json` twice for the target (default nucleo-l4r5zi, Cortex-M4): once measured from the
ELF (arm-none-eabi-gcc -O2), once with --estimate, and prints both with the estimate's error, then
the mean absolute error. With --fit it also prints the least-squares sizes of the code-size model
(fixed part, per call site, per kernel) that reproduce the ELF numbers best: the figures to put in
Sources/Lowering/FlashEstimate.swift (CodeSizeModel) after the kernels change.

    scripts/bench-memory.py [--mcuc .build/release/mcuc] [--target NAME] [--fixtures] [--fit]
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def plan(mcuc, path, target, estimate):
    command = [mcuc, "plan", path, "--json", "--target", target] + (["--estimate"] if estimate else [])
    run = subprocess.run(command, capture_output=True, text=True)
    return json.loads(run.stdout) if run.returncode == 0 else None


def kernels(report):
    """The distinct (kernel, op) pairs the code-size model charges, and the number of call sites."""
    used = {(s["kernel"], s["op_name"] if s["kernel"] == "unary" else "") for s in report["steps"]}
    free = {"alias", "concat-slices", "pad-folded"}
    calls = sum(1 for s in report["steps"] if s["kernel"] not in free)
    return {k for k in used if k[0] not in free}, calls


def fit(rows):
    import numpy as np
    columns = sorted({k for r in rows for k in r["kernels"]})
    a = np.array([[1.0, r["calls"]] + [1.0 if k in r["kernels"] else 0.0 for k in columns] for r in rows])
    b = np.array([r["exact_code"] for r in rows], dtype=float)
    x, *_ = np.linalg.lstsq(a, b, rcond=None)
    print("\nleast-squares code-size model (bytes):")
    print("  fixed %d, per call site %d" % (round(x[0]), round(x[1])))
    for k, v in zip(columns, x[2:]):
        print("  %-16s %-12s %6d" % (k[0], k[1], round(v)))


def summary(rows):
    """The code estimate's error over the shared models and over the fixtures; the stack
    estimate is a bound, so its summary is how often it is below the ELF and by how much above."""
    print()
    for label, group in (("shared models", [r for r in rows if not r["fixture"]]),
                         ("op fixtures", [r for r in rows if r["fixture"]])):
        if not group:
            continue
        errors = [100 * r["code_error"] for r in group]
        print("%d %s: code estimate error mean absolute %.1f%%, from %+.0f%% to %+.0f%%" % (
            len(group), label, sum(abs(e) for e in errors) / len(errors), min(errors), max(errors)))
    below = [r for r in rows if r["stack_error"] < 0]
    print("stack estimate (a bound): below the ELF's deepest stack for %d of %d models; the deepest is %d bytes"
          % (len(below), len(rows), max(r["stack"] for r in rows)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mcuc", default=os.path.join(ROOT, ".build/release/mcuc"))
    parser.add_argument("--target", default="nucleo-l4r5zi")
    parser.add_argument("--fixtures", action="store_true")
    parser.add_argument("--fit", action="store_true")
    args = parser.parse_args()
    models = os.environ.get("MCUC_MODELS_DIR", os.path.join(ROOT, "..", "shared", "models"))
    paths = [os.path.join(models, f) for f in sorted(os.listdir(models)) if f.endswith(".tflite")]
    if args.fixtures:
        fixtures = os.path.join(ROOT, "Tests", "Fixtures", "ops")
        paths += [os.path.join(fixtures, f) for f in sorted(os.listdir(fixtures)) if f.endswith(".tflite")]
    print("%-44s %9s %9s %7s %7s %7s %7s" % ("model", "code ELF", "estimate", "error", "stack", "est.", "error"))
    rows = []
    for path in paths:
        exact, estimate = plan(args.mcuc, path, args.target, False), plan(args.mcuc, path, args.target, True)
        if exact is None or estimate is None:
            continue
        if not exact["flash_bytes"]["exact"]:
            sys.exit("bench-memory: the ELF could not be measured (is arm-none-eabi-gcc installed?)")
        code, guess = exact["flash_bytes"]["code"], estimate["flash_bytes"]["code"]
        stack, stack_guess = exact["sram_bytes"]["stack"], estimate["sram_bytes"]["stack"]
        used, calls = kernels(exact)
        rows.append({"fixture": os.path.dirname(path) != models, "exact_code": code,
                     "code_error": (guess - code) / code, "stack": stack,
                     "stack_error": (stack_guess - stack) / max(stack, 1), "kernels": used, "calls": calls})
        print("%-44s %9d %9d %+6.0f%% %7d %7d %+6.0f%%" % (os.path.basename(path), code, guess,
              100 * rows[-1]["code_error"], stack, stack_guess, 100 * rows[-1]["stack_error"]))
    if not rows:
        sys.exit("bench-memory: no model measured")
    summary(rows)
    if args.fit:
        fit(rows)


if __name__ == "__main__":
    main()
