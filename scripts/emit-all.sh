#!/usr/bin/env bash
# Compiles every shared model and every op fixture with one mcuc binary, for several targets,
# into one folder: the emitted C (`mcuc compile`), the `plan --json` Flash figures and the error
# line of every model mcuc rejects. Two such folders from two binaries are compared with
# `diff -r` to prove a refactoring leaves the emitted C byte-identical (or to show every change).
#
#   scripts/emit-all.sh MCUC OUT [TARGET...]      default targets: nucleo-l4r5zi corstone300
#
# MCUC_MODELS_DIR (default ../shared/models) names the shared models folder.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 MCUC OUT [TARGET...]" >&2
  exit 2
fi
mcuc="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(nucleo-l4r5zi corstone300)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models_dir="$(cd "${MCUC_MODELS_DIR:-$root/../shared/models}" && pwd)"
models=("$models_dir"/*.tflite "$root"/Tests/Fixtures/ops/*.tflite "$root"/Examples/*/*.tflite)

rm -rf "$out"
mkdir -p "$out"
for target in "${targets[@]}"; do
  for model in "${models[@]}"; do
    name="$(basename "$model" .tflite)"
    dir="$out/$target/$name"
    mkdir -p "$dir"
    if ! (cd "$dir" && "$mcuc" compile "$model" --target "$target" -o c --prefix model > compile.txt 2> error.txt); then
      rm -rf "$dir/c"
      continue
    fi
    rm -f "$dir/error.txt"
    "$mcuc" plan "$model" --target "$target" --json \
      | python3 -c 'import json,sys; f=json.load(sys.stdin)["flash_bytes"]; print(f["weights"], f["code"])' \
      > "$dir/plan-flash.txt"
  done
done
echo "emit-all: $(find "$out" -name compile.txt | wc -l) compiled, $(find "$out" -name error.txt | wc -l) rejected in $out"
