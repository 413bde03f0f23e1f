#!/usr/bin/env python3
"""Smoke-check models under TFLM with tflm_run.py's batch mode.

    check_models.py fixtures DIR [--work WORKDIR] [--seed N]
        Every model in DIR/index.json (from make_op_models.py) gets seeded random
        inputs (int8 / int16 uniform over the whole range; int32 GATHER coordinates
        uniform over the entry's coords_range; float32 uniform over the entry's
        float_input_range, else standard normal) and is run once.  Fails if TFLM
        rejects or crashes on any model.

    check_models.py golden MODELS_DIR [--work WORKDIR]
        Runs every MODELS_DIR/*.tflite on MODELS_DIR/golden/<name>.seed0.npz and
        compares the out* arrays byte for byte with the golden ones.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, "tflm_run.py")


def _run_batch(jobs, work):
    jobs_path = os.path.join(work, "jobs.json")
    res_path = os.path.join(work, "results.json")
    with open(jobs_path, "w") as f:
        json.dump(jobs, f, indent=1)
    t0 = time.time()
    proc = subprocess.run([sys.executable, RUNNER, "--batch", jobs_path, "--results", res_path],
                          stderr=subprocess.PIPE, text=True)
    dt = time.time() - t0
    with open(res_path) as f:
        results = json.load(f)
    return results, dt, proc.stderr


def check_fixtures(d, work, seed):
    with open(os.path.join(d, "index.json")) as f:
        index = json.load(f)
    jobs = []
    for k, e in enumerate(index["models"]):
        rng = np.random.default_rng(seed * 100003 + k)
        stem = e["file"][:-7]
        jd = os.path.join(work, stem)
        os.makedirs(jd, exist_ok=True)
        paths = []
        for i, t in enumerate(e["inputs"]):
            if t["dtype"] == "int8":
                a = rng.integers(-128, 128, size=t["shape"]).astype(np.int8)
            elif t["dtype"] == "int16":
                a = rng.integers(-32768, 32768, size=t["shape"]).astype(np.int16)
            elif t["dtype"] == "int32" and "coords_range" in e["params"]:
                lo, hi = e["params"]["coords_range"]
                a = rng.integers(lo, hi + 1, size=t["shape"]).astype(np.int32)
            elif t["dtype"] == "float32":
                lo_hi = e["params"].get("float_input_range")
                if lo_hi:
                    a = rng.uniform(lo_hi[0], lo_hi[1], size=t["shape"]).astype(np.float32)
                else:
                    a = rng.standard_normal(size=t["shape"]).astype(np.float32)
            else:
                raise SystemExit("%s: unsupported input dtype %s" % (e["file"], t["dtype"]))
            p = os.path.join(jd, "in%d.npy" % i)
            np.save(p, a)
            paths.append(p)
        jobs.append({"model": os.path.abspath(os.path.join(d, e["file"])), "inputs": paths,
                     "dump": os.path.join(jd, "dump")})
    results, dt, _ = _run_batch(jobs, work)
    bad = [r for r in results if not r["ok"]]
    for e, r in zip(index["models"], results):
        if r["ok"]:
            outs = [np.load(os.path.join(r["dump"], "out%d.npy" % k)) for k in range(len(e["outputs"]))]
            for k, (o, t) in enumerate(zip(outs, e["outputs"])):
                if list(o.shape) != list(t["shape"]) or str(o.dtype) != t["dtype"]:
                    bad.append({"model": e["file"], "error": "output %d is %s %s, index says %s %s" % (
                        k, o.dtype, o.shape, t["dtype"], t["shape"])})
    for r in bad:
        print("FAIL %s: %s\n%s" % (r["model"], r["error"], r.get("log", "")))
    ok = len(index["models"]) - len(bad)
    print("fixtures: %d passed, %d failed (%.2fs for the batch, %.4fs summed invoke jobs)" % (
        ok, len(bad), dt, sum(r.get("seconds", 0) for r in results)))
    return 0 if not bad else 1


def check_golden(d, work):
    jobs, names = [], []
    for p in sorted(glob.glob(os.path.join(d, "*.tflite"))):
        n = os.path.basename(p)[:-7]
        g = os.path.join(d, "golden", n + ".seed0.npz")
        if not os.path.exists(g):
            print("SKIP %s (no golden file)" % n)
            continue
        names.append(n)
        jobs.append({"model": p, "inputs": [g], "dump": os.path.join(work, n)})
    results, dt, _ = _run_batch(jobs, work)
    nfail = 0
    for n, r in zip(names, results):
        if not r["ok"]:
            nfail += 1
            print("FAIL %s: %s" % (n, r["error"]))
            continue
        g = np.load(os.path.join(d, "golden", n + ".seed0.npz"))
        outs = sorted((k for k in g.files if k.startswith("out")), key=lambda k: int(k[3:]))
        diffs = []
        for k in outs:
            got = np.load(os.path.join(r["dump"], k + ".npy"))
            if got.dtype != g[k].dtype or got.shape != g[k].shape or not np.array_equal(got, g[k]):
                diffs.append(k)
        if diffs:
            nfail += 1
            print("MISMATCH %s: %s" % (n, ", ".join(diffs)))
        else:
            print("ok %s (%d outputs equal, %d tensors dumped, %.3fs)" % (
                n, len(outs), r["tensors_dumped"], r["seconds"]))
    print("golden: %d passed, %d failed (%.2fs)" % (len(names) - nfail, nfail, dt))
    return 0 if nfail == 0 else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["fixtures", "golden"])
    ap.add_argument("dir")
    ap.add_argument("--work", help="scratch directory (default: a fresh temp dir)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="tflm_check_")
    os.makedirs(work, exist_ok=True)
    if args.mode == "fixtures":
        return check_fixtures(args.dir, work, args.seed)
    return check_golden(args.dir, work)


if __name__ == "__main__":
    sys.exit(main())
