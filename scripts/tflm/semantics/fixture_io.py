"""Shared helpers of the semantics checks: fixtures, model tensors, the oracle, the draft kernels."""

import ctypes
import json
import os
import subprocess
import tempfile

import numpy as np

from tflite_micro.python.tflite_micro import runtime
from tflite_micro.tensorflow.lite.micro.python import schema_py_generated as fb

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
# The issue-12 fixtures: pending ones, and those whose operator mcuc now supports.
FIXTURE_DIRS = [os.path.join(ROOT, "Tests", "Fixtures", d) for d in ("ops-pending", "ops")]
NP = {fb.TensorType.INT8: np.int8, fb.TensorType.INT16: np.int16, fb.TensorType.INT32: np.int32,
      fb.TensorType.INT64: np.int64, fb.TensorType.FLOAT32: np.float32}


def fixtures(ops, input_dtype="int8"):
    """(index entry, path) of every issue-12 fixture whose op is in `ops` and whose first input
    has `input_dtype`."""
    found = []
    for folder in FIXTURE_DIRS:
        with open(os.path.join(folder, "index.json")) as f:
            index = json.load(f)
        found += [(e, os.path.join(folder, e["file"])) for e in index["models"]
                  if e["op"] in ops and e["inputs"][0]["dtype"] == input_dtype]
    return found


class Model:
    """The first operator of a fixture with its tensors and constants."""

    def __init__(self, path):
        with open(path, "rb") as f:
            self.m = fb.ModelT.InitFromObj(fb.Model.GetRootAsModel(f.read(), 0))
        self.sg = self.m.subgraphs[0]
        self.op = self.sg.operators[0]
        self.path = path

    def tensor(self, i):
        return self.sg.tensors[i]

    def input(self, k):
        return self.tensor(self.op.inputs[k]) if self.op.inputs[k] >= 0 else None

    def output(self, k=0):
        return self.tensor(self.op.outputs[k])

    def const(self, t):
        data = self.m.buffers[t.buffer].data
        if data is None or len(data) == 0:
            return None
        return np.frombuffer(bytes(data), NP[t.type]).reshape([int(d) for d in t.shape])

    @staticmethod
    def q(t):
        return float(t.quantization.scale[0]), int(t.quantization.zeroPoint[0])


def interpreter(path, preserve=False):
    cfg = runtime.InterpreterConfig.kPreserveAllTensors if preserve else \
        runtime.InterpreterConfig.kAllocationRecording
    return runtime.Interpreter.from_file(path, arena_size=1 << 21, intrepreter_config=cfg)


def build_kernels():
    """The draft C kernels as one shared library (needs gcc and Templates/kernels)."""
    out = os.path.join(tempfile.mkdtemp(prefix="mcuc_semantics_"), "libkernels.so")
    kdir = os.path.join(HERE, "kernels")
    sources = [os.path.join(kdir, s) for s in sorted(os.listdir(kdir)) if s.endswith(".c")]
    includes = ["-I", kdir] + sum((["-I", os.path.join(ROOT, "Templates", d)]
                                   for d in ("kernels", "kernels/common")), [])
    subprocess.check_call(["gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic",
                           "-shared", "-fPIC", "-o", out] + includes + sources)
    return ctypes.CDLL(out)


def ptr(a):
    return None if a is None else a.ctypes.data_as(ctypes.c_void_p)


def random_int8(rng, shape, zp, k):
    """Full-range values, or (every third run) values clustered near the zero point."""
    x = rng.integers(-128, 128, size=shape).astype(np.int8)
    return np.clip(x // 8 + zp, -128, 127).astype(np.int8) if k % 3 == 1 else x
