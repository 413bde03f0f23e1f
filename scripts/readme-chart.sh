#!/usr/bin/env bash
# Redraws docs/images/memory-plan.svg, the memory chart the README shows, with mcuc itself
# (`mcuc plan --svg`) on MLPerf Tiny's visual wake words model from ../shared/models.
# Usage: scripts/readme-chart.sh [path/to/mcuc]   (default .build/release/mcuc)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mcuc="${1:-$root/.build/release/mcuc}"
models="${MCUC_MODELS_DIR:-$root/../shared/models}"
"$mcuc" plan "$models/mlperf_vww_mbv1_96.tflite" --svg "$root/docs/images/memory-plan.svg" >/dev/null
echo "wrote docs/images/memory-plan.svg"
