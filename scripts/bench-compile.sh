#!/usr/bin/env bash
# Times `mcuc compile` (release build: process start, import, plan, C generation, file writes) on
# every shared model and the example, best of 3, and prints the host run time per inference of the
# emitted C and the measured arena from `mcuc simulate --json` (host cc -O2).
#
#   scripts/bench-compile.sh [MCUC_BINARY]      (default .build/release/mcuc)
# The folder is $MCUC_MODELS_DIR, default ../shared/models.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mcuc="${1:-$root/.build/release/mcuc}"
models="${MCUC_MODELS_DIR:-$root/../shared/models}"
python3 - "$mcuc" "$models" "$root/Examples/digits_cnn/digits_cnn.tflite" <<'PY'
import json, os, subprocess, sys, tempfile, time
mcuc, models, example = sys.argv[1], sys.argv[2], sys.argv[3]
paths = [os.path.join(models, f) for f in sorted(os.listdir(models)) if f.endswith(".tflite")] + [example]
print("%-34s %10s %12s %12s %12s %s" % ("model", "compile s", "us/inference", "arena", "measured", "bit-exact"))
for path in paths:
    name = os.path.basename(path)
    best = None
    with tempfile.TemporaryDirectory() as out:
        for _ in range(3):
            start = time.perf_counter()
            run = subprocess.run([mcuc, "compile", path, "-o", out], capture_output=True, text=True)
            seconds = time.perf_counter() - start
            best = seconds if best is None else min(best, seconds)
    if run.returncode != 0:
        print("%-34s %10.3f unsupported: %s" % (name, best, run.stderr.strip().split(": ", 2)[-1]))
        continue
    sim = subprocess.run([mcuc, "simulate", path, "--inputs", "5", "--json"], capture_output=True, text=True)
    r = json.loads(sim.stdout)
    print("%-34s %10.3f %12s %12d %12d %s" % (name, best, r.get("run_time_us_per_inference"), r["arena_bytes_planned"],
          r["peak_arena_bytes_measured"], r["bit_exact"]))
PY
