#!/usr/bin/env bash
# Regenerates Sources/CTFLite/tflite_reduced_generated.h from schema/tflite_reduced.fbs.
#
#   scripts/regen-schema.sh           rewrite the committed header in place
#   scripts/regen-schema.sh --check   regenerate into a temp dir and compare; exit 1 if stale
#
# Needs flatc 2.0.8 (Debian 12 `flatbuffers-compiler`): the header static_asserts the
# flatbuffers version, so it must match the installed libflatbuffers-dev headers.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
schema="$root/schema/tflite_reduced.fbs"
out_dir="$root/Sources/CTFLite"
header="tflite_reduced_generated.h"
want_version="2.0.8"

check=0
case "${1:-}" in
  "") ;;
  --check) check=1 ;;
  -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

if ! command -v flatc >/dev/null 2>&1; then
  echo "regen-schema: flatc not found (apt-get install flatbuffers-compiler)" >&2
  exit 2
fi
have_version="$(flatc --version | awk '{print $NF}')"
if [ "$have_version" != "$want_version" ]; then
  echo "regen-schema: flatc $have_version found, $want_version required" >&2
  exit 2
fi

generate() {  # $1: output directory
  flatc --cpp -o "$1" "$schema"
}

if [ "$check" -eq 1 ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  generate "$tmp"
  if ! cmp -s "$tmp/$header" "$out_dir/$header"; then
    echo "regen-schema: $out_dir/$header is stale; run scripts/regen-schema.sh" >&2
    exit 1
  fi
  echo "regen-schema: $header is up to date"
else
  generate "$out_dir"
  echo "regen-schema: wrote $out_dir/$header"
fi
