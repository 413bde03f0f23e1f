#!/usr/bin/env bash
# The patch-based inference table: for every supported model of the shared models folder (and the
# models given as extra arguments), with --io int8, the layer-based peak, `--patch auto` with the
# input held and with --input-streaming (peak, chosen grid@ops, MAC overhead), and the wall time
# of each `mcuc plan --estimate` (process start, import, search, final plan; no cross build for
# the ELF's numbers, so peaks are the plan's arena, Flash estimated). The search time is the
# `--patch auto` time minus the layer-based `plan` time. A benchmark, never a test.
#
#   scripts/bench-patch.sh [MCUC_BINARY] [EXTRA_MODEL.tflite ...]   (default .build/release/mcuc)
# The folder is $MCUC_MODELS_DIR, default ../shared/models.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mcuc="${1:-$root/.build/release/mcuc}"
shift || true
models="${MCUC_MODELS_DIR:-$root/../shared/models}"
python3 - "$mcuc" "$models" "$@" <<'PY'
import json, os, subprocess, sys, time
mcuc, models, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
paths = [os.path.join(models, f) for f in sorted(os.listdir(models)) if f.endswith(".tflite")] + extra

def plan(path, *flags):
    start = time.perf_counter()
    run = subprocess.run([mcuc, "plan", path, "--json", "--io", "int8", "--estimate", *flags],
                         capture_output=True, text=True)
    seconds = time.perf_counter() - start
    return (json.loads(run.stdout) if run.returncode == 0 else None), seconds

def cell(report):
    p = report["patch"]
    if not p["applied"]:
        return "%8d  %-9s %6s" % (report["peak_sram_bytes"], "layer", "-")
    grid = "%dx%d@%d" % (p["grid_rows"], p["grid_cols"], p["ops"])
    return "%8d  %-9s %5.1f%%" % (report["peak_sram_bytes"], grid, 100 * p["mac_overhead"])

print("%-30s %8s | %8s  %-9s %6s %6s | %8s  %-9s %6s %6s" % ("model", "layer", "held", "grid@ops", "MACs+",
      "search", "streamed", "grid@ops", "MACs+", "search"))
for path in paths:
    layer, t0 = plan(path)
    if layer is None:
        continue
    held, t1 = plan(path, "--patch", "auto")
    streamed, t2 = plan(path, "--patch", "auto", "--input-streaming")
    right = "%s %5.2fs" % (cell(streamed), t2 - t0) if streamed else "%8s  %-9s %6s %6s" % ("-", "float in", "-", "-")
    print("%-30s %8d | %s %5.2fs | %s" % (os.path.basename(path)[:30], layer["peak_sram_bytes"], cell(held), t1 - t0, right))
PY
