"""Building blocks of the committed fixture generators (make_op_models.py, op_cases_*.py,
make_random_models.py, ...): a flatbuffers TFLite model builder over the schema shipped in the
tflite-micro wheel, and the quantization and shape helpers the cases draw from."""

import math

import flatbuffers
import numpy as np

from tflite_micro.tensorflow.lite.micro.python import schema_py_generated as fb

OP = fb.BuiltinOperator
TT = fb.TensorType
ACT = {"NONE": fb.ActivationFunctionType.NONE, "RELU": fb.ActivationFunctionType.RELU,
       "RELU6": fb.ActivationFunctionType.RELU6,
       "RELU_N1_TO_1": fb.ActivationFunctionType.RELU_N1_TO_1}
PAD = {"SAME": fb.Padding.SAME, "VALID": fb.Padding.VALID}
OP_NAME = {v: k for k, v in vars(OP).items() if not k.startswith("_") and isinstance(v, int)}
NP_OF = {TT.INT8: np.int8, TT.INT32: np.int32, TT.FLOAT32: np.float32, TT.INT16: np.int16,
         TT.INT64: np.int64}
DT_NAME = {TT.INT8: "int8", TT.INT32: "int32", TT.FLOAT32: "float32", TT.INT16: "int16",
           TT.INT64: "int64", TT.INT4: "int4"}

# Operator versions as the TFLite converter would write them for these int8 cases
# (TFLM ignores the version; they are informative only).
OP_VERSION = {
    OP.CONV_2D: 3, OP.DEPTHWISE_CONV_2D: 3, OP.FULLY_CONNECTED: 4, OP.ADD: 2, OP.SUB: 2,
    OP.MUL: 2, OP.AVERAGE_POOL_2D: 2, OP.MAX_POOL_2D: 2, OP.MEAN: 2, OP.PAD: 2, OP.PADV2: 2,
    OP.RESHAPE: 1, OP.SQUEEZE: 1, OP.SOFTMAX: 2, OP.CONCATENATION: 2, OP.LOGISTIC: 2,
    OP.TANH: 2, OP.HARD_SWISH: 1, OP.RELU: 2, OP.RELU6: 2, OP.LEAKY_RELU: 2, OP.QUANTIZE: 2,
    OP.DEQUANTIZE: 2, OP.RESIZE_NEAREST_NEIGHBOR: 2, OP.TRANSPOSE: 2, OP.STRIDED_SLICE: 2,
}


# ==========================================================================
# Flatbuffer model builder
# ==========================================================================

class ModelBuilder:
    def __init__(self):
        self.tensors = []
        self.buffers = [fb.BufferT()]          # buffer 0: the empty sentinel
        self.opcodes = []
        self.opcode_index = {}
        self.operators = []

    @staticmethod
    def _quant(scale, zp, qdim=0):
        q = fb.QuantizationParametersT()
        q.scale = [float(np.float32(s)) for s in np.atleast_1d(scale)]
        q.zeroPoint = [int(z) for z in np.atleast_1d(zp)]
        q.quantizedDimension = int(qdim)
        return q

    def _tensor(self, name, shape, dtype, q=None, qdim=0, buffer=0):
        t = fb.TensorT()
        t.name = name
        t.shape = [int(d) for d in shape]
        t.type = dtype
        t.buffer = buffer
        if q is not None:
            t.quantization = self._quant(q[0], q[1], qdim)
        self.tensors.append(t)
        return len(self.tensors) - 1

    def act(self, name, shape, q, dtype=TT.INT8, variable=False):
        """A non-constant tensor. q = (scale, zero_point), or None for float."""
        t = self._tensor(name, shape, dtype, q)
        if variable:
            self.tensors[t].isVariable = True
        return t

    def const(self, name, arr, dtype, q=None, qdim=0):
        arr = np.asarray(arr).astype(NP_OF[dtype])
        buf = fb.BufferT()
        buf.data = np.frombuffer(arr.astype(arr.dtype.newbyteorder("<")).tobytes(), dtype=np.uint8)
        self.buffers.append(buf)
        return self._tensor(name, arr.shape, dtype, q, qdim, buffer=len(self.buffers) - 1)

    def const_int4(self, name, arr, q, qdim=0):
        """An INT4 constant: values in [-8, 7], two per byte, element 2i in the low nibble."""
        flat = np.asarray(arr, dtype=np.int64).reshape(-1)
        assert flat.min() >= -8 and flat.max() <= 7
        nib = (flat & 0xF).astype(np.uint8)
        if len(nib) % 2:
            nib = np.append(nib, np.uint8(0))
        packed = (nib[0::2] | (nib[1::2] << 4)).astype(np.uint8)
        buf = fb.BufferT()
        buf.data = packed
        self.buffers.append(buf)
        return self._tensor(name, np.shape(arr), TT.INT4, q, qdim, buffer=len(self.buffers) - 1)

    def op(self, code, inputs, outputs, options=None, intermediates=None):
        if code not in self.opcode_index:
            oc = fb.OperatorCodeT()
            oc.builtinCode = code
            oc.deprecatedBuiltinCode = min(code, 127)
            oc.version = OP_VERSION.get(code, 1)
            self.opcodes.append(oc)
            self.opcode_index[code] = len(self.opcodes) - 1
        o = fb.OperatorT()
        o.opcodeIndex = self.opcode_index[code]
        o.inputs = [int(i) for i in inputs]
        o.outputs = [int(i) for i in outputs]
        if intermediates is not None:
            o.intermediates = [int(i) for i in intermediates]
        if options is not None:
            cls = type(options).__name__
            assert cls.endswith("T")
            o.builtinOptionsType = getattr(fb.BuiltinOptions, cls[:-1])
            o.builtinOptions = options
        self.operators.append(o)

    def finish(self, inputs, outputs, description):
        sg = fb.SubGraphT()
        sg.tensors = self.tensors
        sg.inputs = [int(i) for i in inputs]
        sg.outputs = [int(i) for i in outputs]
        sg.operators = self.operators
        sg.name = "main"
        m = fb.ModelT()
        m.version = 3
        m.operatorCodes = self.opcodes
        m.subgraphs = [sg]
        m.description = description
        m.buffers = self.buffers
        b = flatbuffers.Builder(4096)
        b.Finish(m.Pack(b), file_identifier=b"TFL3")
        return bytes(b.Output())

    def io_info(self, idx):
        t = self.tensors[idx]
        d = {"index": idx, "name": t.name, "shape": list(t.shape), "dtype": DT_NAME[t.type]}
        if t.quantization is not None:
            d["scale"] = t.quantization.scale[0]
            d["zero_point"] = t.quantization.zeroPoint[0]
        return d


def opts(cls, **kw):
    o = cls()
    for k, v in kw.items():
        if not hasattr(o, k):
            raise AttributeError("%s has no field %s" % (cls.__name__, k))
        setattr(o, k, v)
    return o


# ==========================================================================
# Helpers: quantization choices, shapes
# ==========================================================================

ACC_STD = 74.0 * 73.0   # std of (x - zp) * w for x, w uniform over int8 (approx.)


def f32(x):
    return float(np.float32(x))


def log_uniform(rng, lo, hi):
    return f32(math.exp(rng.uniform(math.log(lo), math.log(hi))))


def rand_q(rng, lo=0.005, hi=0.2, zp=None):
    s = log_uniform(rng, lo, hi)
    if zp is None:
        zp = int(rng.integers(-128, 128))
    return (s, int(zp))


def conv_out(size, k, stride, dil, padding):
    eff = (k - 1) * dil + 1
    if padding == "SAME":
        return (size + stride - 1) // stride
    return (size - eff + stride) // stride


def out_q_for(act, sigma, rng, zp_spread=30):
    """Pick an output quantization for an accumulation with real-valued std sigma."""
    if act == "RELU":
        return (f32(3.0 * sigma / 255.0), -128)
    if act == "RELU6":
        return (f32(6.0 / 255.0), -128)
    return (f32(6.0 * sigma / 255.0), int(rng.integers(-zp_spread, zp_spread + 1)))


def weights(rng, shape, w_max=127):
    return rng.integers(-w_max, w_max + 1, size=shape).astype(np.int8)


def bias_for(rng, in_s, w_scales, sigma, n, scale_factor=0.5):
    bscale = np.array([f32(np.float32(in_s) * np.float32(ws)) for ws in w_scales], dtype=np.float64)
    real = rng.normal(0.0, sigma * scale_factor, size=n)
    vals = np.round(real / np.resize(bscale, n)).astype(np.int64)
    return np.clip(vals, -(2**31) + 1, 2**31 - 1).astype(np.int32), [f32(b) for b in bscale]


# ==========================================================================
# Case registry
# ==========================================================================


def real_range(q):
    return (q[0] * (-128 - q[1]), q[0] * (127 - q[1]))


def binary_out_q(rng, op, q1, q2, act):
    """Output quantization covering most of the real output range of the op."""
    l1, h1 = real_range(q1)
    l2, h2 = real_range(q2)
    if op == "ADD":
        lo, hi = l1 + l2, h1 + h2
    elif op == "SUB":
        lo, hi = l1 - h2, h1 - l2
    else:
        p = [l1 * l2, l1 * h2, h1 * l2, h1 * h2]
        lo, hi = min(p), max(p)
    shrink = log_uniform(rng, 0.5, 0.9)     # sums / products concentrate in the middle
    if act == "RELU6":
        return (f32(6.0 / 255.0), -128)
    if act == "RELU":
        lo = 0.0
        hi = max(hi, 1e-3)
        return (f32(hi * shrink / 255.0), -128)
    mid = 0.5 * (lo + hi)
    scale = f32((hi - lo) * shrink / 255.0)
    zp = int(np.clip(round(-mid / scale), -128, 127))
    return (scale, zp)


def _bcast_shape(a, b):
    return list(np.broadcast_shapes(tuple(a), tuple(b)))
