#!/usr/bin/env python3
"""Instructions, Flash and SRAM of every supported shared model on emulated Cortex-M cores, with
the ratio to TensorFlow Lite Micro + CMSIS-NN (a benchmark, never a test).

For each model and core it runs `mcuc simulate MODEL --on qemu --core C --inputs N --json` (the
emitted C built with arm-none-eabi-gcc -O2, run under QEMU, compared bit for bit with the
reference, one invoke counted by the instruction-counting plugin) and prints one markdown table
per core: bit-exact, instructions per inference, MACs per instruction, Flash (code, constants),
SRAM (arena, static, stack) from the ELF, and instructions / TFLM+CMSIS-NN's on the same machine.

    scripts/bench-qemu.py [--mcuc .build/release/mcuc] [--cores m4,m7,m33,m55] [--small-cores m0,m3]

--small-cores run only the models listed in SMALL_MODELS (M0's machine has 16 KB of RAM).
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# TFLite Micro with CMSIS-NN, same QEMU machines, arm-none-eabi-gcc -O2, one Invoke counted (issue 9).
ANCHORS = {
    "mlperf_kws_dscnn": {"m4": 7697890, "m7": 7643667, "m55": 1813671},
    "mlperf_vww_mbv1_96": {"m4": 24101874, "m7": 24025500, "m55": 6558238},
    "mlperf_ic_resnet8": {"m4": 29863194, "m7": 30026034, "m55": 4911088},
    "mlperf_ad_fc_autoencoder": {"m4": 582922, "m7": 583225, "m55": 149973},
    "mlperf_sww": {"m4": 2227072, "m7": 2188150, "m55": 407386},
    "tflm_person_detect": {"m4": 22928407, "m7": 22715846, "m55": 6508037},
    "tflm_micro_speech": {"m4": 1495374, "m7": 1489445, "m55": 1008207},
    "te_mcunet_vww": {"m4": 48627677, "m7": 47801455, "m55": 11960705},
}
SMALL_MODELS = ["tflm_hello_world", "tflm_micro_speech", "mlperf_kws_dscnn", "mlperf_sww"]


def simulate(mcuc, path, core, inputs, prefer):
    command = [mcuc, "simulate", path, "--on", "qemu", "--core", core, "--inputs", str(inputs), "--json",
               "--prefer", prefer]
    run = subprocess.run(command, capture_output=True, text=True)
    if not run.stdout.strip():
        return {"error": run.stderr.strip().split(": ", 2)[-1]}
    return json.loads(run.stdout)


def row(name, core, r):
    if "error" in r:
        return "| %s | - | %s |" % (name, r["error"][:90])
    f, s = r["flash_bytes"], r["sram_bytes"]
    anchor = ANCHORS.get(name, {}).get(core)
    ratio = "%.2fx" % (r["instructions"] / anchor) if anchor else "-"
    return "| %s | %s | %s | %.3f | %s | %s | %s | %s | %s | %s |" % (
        name, "yes" if r["bit_exact"] else "NO", "{:,}".format(r["instructions"]),
        r["macs"] / r["instructions"] if r["instructions"] else 0, "{:,}".format(f["code"]),
        "{:,}".format(f["constants"]), "{:,}".format(s["arena"]), "{:,}".format(s["static"]),
        "{:,}".format(s["stack"]), ratio)


def table(mcuc, models, names, core, inputs, prefer):
    print("\n### Cortex-%s (%s)\n" % (core.upper(), {"m0": "microbit", "m3": "mps2-an385", "m4": "mps2-an386",
                                                   "m7": "mps2-an500", "m33": "mps2-an505", "m55": "mps3-an547"}[core]))
    print("| model | bit-exact | instructions | MACs/instr | code B | constants B | arena B | static B | stack B "
          "| vs TFLM+CMSIS-NN |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in names:
        print(row(name, core, simulate(mcuc, os.path.join(models, name + ".tflite"), core, inputs, prefer)), flush=True)


def supported(mcuc, models):
    names = []
    for f in sorted(os.listdir(models)):
        if f.endswith(".tflite"):
            run = subprocess.run([mcuc, "plan", os.path.join(models, f), "--estimate", "--json"], capture_output=True)
            if run.returncode == 0:
                names.append(f[:-len(".tflite")])
    return names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mcuc", default=os.path.join(ROOT, ".build/release/mcuc"))
    parser.add_argument("--cores", default="m4,m7,m33,m55")
    parser.add_argument("--small-cores", default="m0,m3")
    parser.add_argument("--inputs", type=int, default=1)
    parser.add_argument("--prefer", default="balanced", choices=["memory", "speed", "balanced"])
    args = parser.parse_args()
    models = os.environ.get("MCUC_MODELS_DIR", os.path.join(ROOT, "..", "shared", "models"))
    names = supported(args.mcuc, models)
    if not names:
        sys.exit("bench-qemu: no supported model in %s" % models)
    print("mcuc on emulated Cortex-M cores: arm-none-eabi-gcc -O2, QEMU 7.2, one inference counted "
          "(seeded random input), Flash and SRAM from the ELF, --prefer %s" % args.prefer)
    for core in [c for c in args.cores.split(",") if c]:
        table(args.mcuc, models, names, core, args.inputs, args.prefer)
    for core in [c for c in args.small_cores.split(",") if c]:
        table(args.mcuc, models, [n for n in names if n in SMALL_MODELS], core, args.inputs, args.prefer)


if __name__ == "__main__":
    main()
