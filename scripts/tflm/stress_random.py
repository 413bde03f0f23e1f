#!/usr/bin/env python3
"""Stress mcuc on random networks it has never seen.

Generates N random int8 networks with make_random_models.py (deterministic for a seed), then for
each one checks, with no tolerance anywhere:

1. TFLM (tflm_run.py --batch) and `mcuc run --engine reference --dump-tensors` agree on every
   tensor TFLM dumps (dtype, element count and bytes);
2. `mcuc simulate --inputs 5 --json` (the emitted C built on the host): bit-exact with the
   reference, measured arena equal to the planned arena, guard bytes intact;
3. the same with `--external-io` (graph inputs and outputs owned by the caller), 3 inputs;
4. patches forced wherever they apply (`--no-patch` skips this): of the (grid, ops) candidates
   `plan --patch auto --verbose` lists, the longest stage with the most patches, input held,
   and the longest stage with a non-square grid, input streamed (`--io int8`), each bit-exact
   with the arena as planned.

Usage: stress_random.py --mcuc PATH [--count N] [--seed S] [--extra-ops all|supported] [--keep DIR] [--no-patch]
Prints one line per failing model and a closing "N passed, M failed"; exits 1 on any failure.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def make_inputs(entry, workdir):
    """Seeded inputs over each input's whole range (float inputs over the generator's range)."""
    rng = np.random.default_rng(7)
    paths = []
    for k, spec in enumerate(entry["inputs"]):
        if spec["dtype"] == "float32":
            lo, hi = entry["params"].get("float_input_range", [-1, 1])
            value = rng.uniform(lo, hi, size=spec["shape"]).astype(np.float32)
        else:
            value = rng.integers(-128, 128, size=spec["shape"]).astype(np.int8)
        path = os.path.join(workdir, "in%d.npy" % k)
        np.save(path, value)
        paths.append(path)
    return paths


def compare_dumps(tflm_dir, mcuc_dir):
    """Names of tensors whose bytes differ (or that mcuc did not dump)."""
    bad = []
    for path in sorted(glob.glob(os.path.join(tflm_dir, "t*.npy"))):
        name = os.path.basename(path)
        theirs = np.load(path)
        ours_path = os.path.join(mcuc_dir, name)
        if not os.path.exists(ours_path):
            bad.append(name + ": not dumped by mcuc")
            continue
        ours = np.load(ours_path)
        if ours.dtype != theirs.dtype or ours.size != theirs.size or ours.tobytes() != theirs.tobytes():
            bad.append(name + ": differs")
    return bad


def simulate(mcuc, model, count, extra):
    """None when `mcuc simulate` is bit-exact with the arena as planned, else a one-line reason."""
    sim = subprocess.run([mcuc, "simulate", model, "--inputs", count, "--json"] + extra,
                         capture_output=True, text=True)
    if sim.returncode != 0:
        return "simulate %s failed: %s" % (" ".join(extra), (sim.stderr or sim.stdout).strip()[-300:])
    report = json.loads(sim.stdout)
    if not report["bit_exact"] or not report["arena_guard_intact"] \
            or report["peak_arena_bytes_measured"] != report["arena_bytes_planned"]:
        return "simulate %s: not bit-exact or arena mismatch" % " ".join(extra)
    return None


def patch_choices(mcuc, model, extra):
    """The stage candidates `plan --patch auto --verbose` considers (grid, ops), or a reason."""
    plan = subprocess.run([mcuc, "plan", model, "--patch", "auto", "--verbose", "--json"] + extra,
                          capture_output=True, text=True)
    if plan.returncode != 0:
        return None, "plan --patch auto %s failed: %s" % (" ".join(extra), plan.stderr.strip()[-300:])
    return [(c["grid"], c["ops"]) for c in json.loads(plan.stdout)["patch"].get("candidates", [])], None


def patched(choices, square):
    """The longest stage, then the most patches, among square or non-square grids (None: none)."""
    def patches(grid):
        r, c = map(int, grid.split("x"))
        return r * c, r == c
    fitting = [(ops, patches(g)[0], g) for g, ops in choices if patches(g)[1] == square]
    if not fitting:
        return None
    ops, _, grid = max(fitting)
    return "%s@%d" % (grid, ops)


def check_patches(mcuc, model):
    """(None, plans run) when every forced patch plan that applies runs exactly, else (reason, _)."""
    run = 0
    for extra, square in (([], True), (["--input-streaming", "--io", "int8"], False)):
        choices, why = patch_choices(mcuc, model, extra)
        if why:
            return why, run
        choice = patched(choices, square)
        if choice:
            why = simulate(mcuc, model, "3", ["--patch", choice] + extra)
            if why:
                return why, run
            run += 1
    return None, run


def check(mcuc, entry, job, result, patches=True):
    """('pass' or a one-line reason, forced patch plans run)."""
    if not result["ok"]:
        return "TFLM rejected it: " + result.get("error", ""), 0
    workdir = os.path.dirname(job["dump"])
    ours = os.path.join(workdir, "mcuc")
    command = [mcuc, "run", job["model"], "--engine", "reference", "--dump-tensors", ours]
    for path in job["inputs"]:
        command += ["--input", path]
    for k in range(len(entry["outputs"])):
        command += ["--output", os.path.join(workdir, "out%d.npy" % k)]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        return "mcuc run failed: " + run.stderr.strip(), 0
    bad = compare_dumps(job["dump"], ours)
    if bad:
        return "reference != TFLM: " + ", ".join(bad), 0
    for extra, count in (([], "5"), (["--external-io"], "3")):
        why = simulate(mcuc, job["model"], count, extra)
        if why:
            return why, 0
    why, run = check_patches(mcuc, job["model"]) if patches else (None, 0)
    return why or "pass", run


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mcuc", required=True, help="the mcuc executable")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--extra-ops", choices=["all", "supported"],
                        help="also draw the int8 operators of issue #12 (make_random_models.py --extra-ops)")
    parser.add_argument("--keep", help="work in this folder and keep it (default: a temp folder)")
    parser.add_argument("--no-patch", action="store_true", help="skip the forced patch plans")
    args = parser.parse_args()
    root = args.keep or tempfile.mkdtemp(prefix="mcuc-stress-")
    os.makedirs(root, exist_ok=True)
    subprocess.run([sys.executable, os.path.join(HERE, "make_random_models.py"), root,
                    "--count", str(args.count), "--seed", str(args.seed)]
                   + (["--extra-ops", args.extra_ops] if args.extra_ops else []), check=True, stdout=subprocess.DEVNULL)
    entries = json.load(open(os.path.join(root, "index.json")))["models"]
    jobs = []
    for entry in entries:
        workdir = os.path.join(root, "work", entry["file"][:-len(".tflite")])
        os.makedirs(workdir, exist_ok=True)
        jobs.append({"model": os.path.join(root, entry["file"]), "inputs": make_inputs(entry, workdir),
                     "dump": os.path.join(workdir, "tflm")})
    with open(os.path.join(root, "jobs.json"), "w") as f:
        json.dump(jobs, f)
    subprocess.run([sys.executable, os.path.join(HERE, "tflm_run.py"), "--batch", os.path.join(root, "jobs.json"),
                    "--results", os.path.join(root, "results.json"), "--timeout", "60"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = json.load(open(os.path.join(root, "results.json")))
    with ThreadPoolExecutor(2) as pool:
        checked = list(pool.map(lambda i: check(args.mcuc, entries[i], jobs[i], results[i], not args.no_patch),
                                range(len(entries))))
    verdicts = [v for v, _ in checked]
    failed = [(e["file"], v) for e, v in zip(entries, verdicts) if v != "pass"]
    for name, why in failed:
        print("FAIL %s: %s" % (name, why))
    print("stress: %d random models (seed %d), %d passed, %d failed; %d forced patch plans on %d models"
          % (len(entries), args.seed, len(entries) - len(failed), len(failed), sum(n for _, n in checked),
             sum(1 for _, n in checked if n)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
