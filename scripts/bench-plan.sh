#!/usr/bin/env bash
# Times `mcuc plan --json` on every model of the shared models folder (release build) and prints
# one line per model: wall time of the whole command (process start, import, plan), arena,
# lower bound, liveness bound and TFLM's head from models.json.
#
#   scripts/bench-plan.sh [MCUC_BINARY]      (default .build/release/mcuc)
# The folder is $MCUC_MODELS_DIR, default ../shared/models.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mcuc="${1:-$root/.build/release/mcuc}"
models="${MCUC_MODELS_DIR:-$root/../shared/models}"
python3 - "$mcuc" "$models" <<'PY'
import json, os, subprocess, sys, time
mcuc, models = sys.argv[1], sys.argv[2]
heads = {m["file"]: m.get("arena_head_bytes") for m in json.load(open(os.path.join(models, "models.json")))}
print("%-34s %8s %10s %10s %10s %10s %s" % ("model", "seconds", "peak", "bound", "liveness", "TFLM head", "planner"))
for name in sorted(f for f in os.listdir(models) if f.endswith(".tflite")):
    start = time.perf_counter()
    run = subprocess.run([mcuc, "plan", os.path.join(models, name), "--json"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        print("%-34s %8.3f unsupported: %s" % (name, seconds, run.stderr.strip().split(": ", 2)[-1]))
        continue
    r = json.loads(run.stdout)
    print("%-34s %8.3f %10d %10d %10d %10s %s" % (name, seconds, r["peak_sram_bytes"], r["lower_bound_bytes"],
          r["liveness_bound_bytes"], heads.get(name), r["planner"]))
PY
