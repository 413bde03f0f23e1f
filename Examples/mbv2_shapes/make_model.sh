#!/usr/bin/env bash
# Regenerates Examples/mbv2_shapes/mbv2_shapes.tflite and sample_input.npy.
#
# Creates a throwaway virtualenv under /tmp (never inside the repo), installs
# pinned TensorFlow / numpy / tflite-micro from PyPI, then runs
# make_model.py, which trains, converts, checks and writes the model.
#
# Usage:  bash Examples/mbv2_shapes/make_model.sh
# Env:    VENV=/some/dir  reuse or place the venv elsewhere (default /tmp/mcuc-mbv2-venv)
#         PYTHON=python3.11  interpreter used to create the venv (default python3)
#         KEEP_VENV=1     keep a venv this run created (default: removed on exit;
#                         a pre-existing VENV is reused and never removed)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-/tmp/mcuc-mbv2-venv}"

case "$VENV" in
  /tmp/*) ;;
  *) echo "refusing: VENV must live under /tmp (got $VENV)" >&2; exit 2 ;;
esac

# Pinned so the regenerated model is reproducible. tflite-micro only publishes
# dev (pre-release) wheels on PyPI, hence the exact 0.devYYYY... pin.
TF_PKG="tensorflow-cpu==2.19.0"
KERAS_PKG="keras==3.9.2"
NP_PKG="numpy==1.26.4"
# Installed with --no-deps: some tflite-micro dev builds declare a dependency on
# the full `tensorflow` wheel, which would be installed on top of tensorflow-cpu
# (same files, different version) and break `import tensorflow`. Its real
# runtime deps are listed explicitly instead.
TFLM_PKG="tflite-micro==0.dev20261023182759"
TFLM_DEPS=("flatbuffers" "pyyaml" "bitarray")

start=$(date +%s)
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  # Remove the venv on exit unless asked to keep it (an existing one is left alone).
  if [ "${KEEP_VENV:-0}" != "1" ]; then
    trap 'rm -rf "$VENV"' EXIT
  fi
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet "$TF_PKG" "$KERAS_PKG" "$NP_PKG"
"$VENV/bin/python" -m pip install --quiet "${TFLM_DEPS[@]}"
"$VENV/bin/python" -m pip install --quiet --no-deps "$TFLM_PKG"
"$VENV/bin/python" -m pip check
end=$(date +%s)
echo "venv ready in $((end - start)) s: $VENV"

export PYTHONHASHSEED=0
export TF_DETERMINISTIC_OPS=1
export TF_CPP_MIN_LOG_LEVEL=2
export CUDA_VISIBLE_DEVICES=""
"$VENV/bin/python" "$HERE/make_model.py" --out-dir "$HERE"
