#!/usr/bin/env bash
# Installs what mcuc's build and tests need on a fresh Debian 12 machine (idempotent):
# Debian packages through apt-get, Python packages through pip. Run as root (or with sudo).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

# chromium-headless-shell (about 64 MB download, no GTK) and a font: the browser test of `mcuc report`.
# The Arm cross toolchain with newlib and QEMU's Arm system emulator: the qemu engine (Cortex-M
# builds, instruction profiles, Flash and SRAM from the ELF) and the firmware example; make and
# cmake: the test that builds the emitted Makefile and CMakeLists.txt for every core.
apt_packages=(libflatbuffers-dev flatbuffers-compiler chromium-headless-shell fonts-dejavu-core
              gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm make cmake)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f "$here/tflm/requirements.txt" ]; then
  if ! python3 -c 'import numpy, tflite_micro, flatbuffers' >/dev/null 2>&1; then
    echo "installing Python packages from scripts/tflm/requirements.txt"
    python3 -m pip install -q --disable-pip-version-check -r "$here/tflm/requirements.txt"
  fi
fi
