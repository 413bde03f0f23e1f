#!/usr/bin/env python3
"""Generate small single-op (and a few few-op) int8 TFLite models for mcuc tests.

    make_op_models.py OUTDIR

Models are written with the flatbuffers object API of the schema shipped in the
tflite-micro wheel (ModelT, SubGraphT, ...; schema version 3, identifier "TFL3",
buffer 0 empty, activations point at buffer 0).  Everything is deterministic: each
case draws from numpy.random.default_rng(crc32(case name)), so adding a case does
not change the others.  OUTDIR/index.json lists every file with its op, parameters
and I/O tensors.  Files listed in an existing OUTDIR/index.json are deleted first.

Quantization follows what TFLM's reference kernels require:
  * activations int8, per-tensor, varied scales / zero points (some extreme);
  * weights int8 symmetric (zero point 0), per-channel (conv: axis 0, depthwise:
    axis 3) or per-tensor; biases int32 with scale in_scale * w_scale, zp 0;
  * SOFTMAX / LOGISTIC output 1/256, zp -128; TANH output 1/128, zp 0;
  * CONCATENATION, pooling, PAD, RESHAPE, SQUEEZE, TRANSPOSE, STRIDED_SLICE,
    RESIZE_NEAREST_NEIGHBOR keep the input quantization; PADV2's constant shares
    the output quantization.
"""

import inspect
import json
import math
import os
import sys
import zlib

import flatbuffers
import numpy as np

from tflite_micro.tensorflow.lite.micro.python import schema_py_generated as fb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.modules.setdefault("make_op_models", sys.modules[__name__])   # op_cases_*.py import this module
import fixture_status  # noqa: E402

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

class Registry:
    def __init__(self):
        self.cases = []
        self.counters = {}
        self.keep = None   # predicate (kind, desc): cases it refuses are numbered but not written

    def add(self, kind, desc, fn, /, **params):
        """fn(rng, **params) -> (ModelBuilder, inputs, outputs, extra_params)."""
        n = self.counters.get(kind, 0)
        self.counters[kind] = n + 1
        fname = "%s_%03d_%s.tflite" % (kind.lower(), n, desc)
        if self.keep is None or self.keep(kind, desc):
            self.cases.append((fname, kind, desc, fn, params))


def define_issue12_cases(registry, keep):
    """Registers the cases of op_cases_*.py (issue #12) that `keep(kind, desc)` selects, numbered
    after define_cases()'s (the same numbers in both fixture sets)."""
    import op_cases_conv
    import op_cases_int16
    import op_cases_layout
    import op_cases_math
    import op_cases_sequence
    registry.keep = keep
    for family in (op_cases_layout, op_cases_math, op_cases_conv, op_cases_int16, op_cases_sequence):
        family.define(registry)
    registry.keep = None


R = Registry()


# ==========================================================================
# Single-op generators
# ==========================================================================

def g_conv(rng, h=8, w=8, ic=4, oc=6, kh=3, kw=3, stride=(1, 1), dil=(1, 1), padding="SAME",
           act="NONE", per_channel=True, in_q=None, out_q=None, batch=1, bias=True,
           sigma=2.0, w_spread=4.0, mult=None, bias_factor=0.5, w_max=127):
    in_q = in_q or rand_q(rng)
    K = kh * kw * ic
    w_base = sigma / (in_q[0] * ACC_STD * math.sqrt(K))
    if per_channel:
        w_scales = [f32(w_base * log_uniform(rng, 1.0 / w_spread, w_spread)) for _ in range(oc)]
    else:
        w_scales = [f32(w_base)]
    if mult is not None:   # force an effective multiplier (e.g. > 1)
        out_q = (f32(in_q[0] * w_scales[0] / mult), int(rng.integers(-20, 21)))
    out_q = out_q or out_q_for(act, sigma, rng)
    oh = conv_out(h, kh, stride[0], dil[0], padding)
    ow = conv_out(w, kw, stride[1], dil[1], padding)
    assert oh > 0 and ow > 0
    m = ModelBuilder()
    x = m.act("input", [batch, h, w, ic], in_q)
    wt = m.const("weights", weights(rng, (oc, kh, kw, ic), w_max), TT.INT8,
                 (w_scales, [0] * len(w_scales)), qdim=0)
    ins = [x, wt]
    if bias:
        bvals, bscales = bias_for(rng, in_q[0], w_scales, sigma, oc, bias_factor)
        ins.append(m.const("bias", bvals, TT.INT32, (bscales, [0] * len(bscales)), qdim=0))
    else:
        ins.append(-1)
    y = m.act("output", [batch, oh, ow, oc], out_q)
    m.op(OP.CONV_2D, ins, [y], opts(fb.Conv2DOptionsT, padding=PAD[padding],
                                   strideH=stride[0], strideW=stride[1],
                                   dilationHFactor=dil[0], dilationWFactor=dil[1],
                                   fusedActivationFunction=ACT[act]))
    return m, [x], [y], {"w_scales": w_scales}


def g_dwconv(rng, h=8, w=8, ic=4, mult_d=1, kh=3, kw=3, stride=(1, 1), dil=(1, 1),
             padding="SAME", act="NONE", per_channel=True, in_q=None, out_q=None, bias=True,
             sigma=2.0, w_spread=4.0, bias_slot=False):
    in_q = in_q or rand_q(rng)
    oc = ic * mult_d
    K = kh * kw
    w_base = sigma / (in_q[0] * ACC_STD * math.sqrt(K))
    if per_channel:
        w_scales = [f32(w_base * log_uniform(rng, 1.0 / w_spread, w_spread)) for _ in range(oc)]
    else:
        w_scales = [f32(w_base)]
    out_q = out_q or out_q_for(act, sigma, rng)
    oh = conv_out(h, kh, stride[0], dil[0], padding)
    ow = conv_out(w, kw, stride[1], dil[1], padding)
    assert oh > 0 and ow > 0
    m = ModelBuilder()
    x = m.act("input", [1, h, w, ic], in_q)
    wt = m.const("weights", weights(rng, (1, kh, kw, oc)), TT.INT8,
                 (w_scales, [0] * len(w_scales)), qdim=3)
    ins = [x, wt]
    if bias:
        bvals, bscales = bias_for(rng, in_q[0], w_scales, sigma, oc)
        ins.append(m.const("bias", bvals, TT.INT32, (bscales, [0] * len(bscales)), qdim=0))
    elif bias_slot:
        ins.append(-1)
    y = m.act("output", [1, oh, ow, oc], out_q)
    m.op(OP.DEPTHWISE_CONV_2D, ins, [y],
         opts(fb.DepthwiseConv2DOptionsT, padding=PAD[padding], strideH=stride[0],
              strideW=stride[1], depthMultiplier=mult_d, dilationHFactor=dil[0],
              dilationWFactor=dil[1], fusedActivationFunction=ACT[act]))
    return m, [x], [y], {"w_scales": w_scales}


def g_fc(rng, in_shape=(1, 16), oc=8, keep_num_dims=False, act="NONE", in_q=None, out_q=None,
         bias=True, sigma=2.0, per_channel=False):
    in_q = in_q or rand_q(rng)
    ic = in_shape[-1]
    w_base = sigma / (in_q[0] * ACC_STD * math.sqrt(ic))
    if per_channel:
        w_scales = [f32(w_base * log_uniform(rng, 0.25, 4.0)) for _ in range(oc)]
    else:
        w_scales = [f32(w_base)]
    out_q = out_q or out_q_for(act, sigma, rng)
    if keep_num_dims:
        out_shape = list(in_shape[:-1]) + [oc]
    else:
        out_shape = [int(np.prod(in_shape)) // ic, oc]
    m = ModelBuilder()
    x = m.act("input", list(in_shape), in_q)
    wt = m.const("weights", weights(rng, (oc, ic)), TT.INT8, (w_scales, [0] * len(w_scales)), qdim=0)
    ins = [x, wt]
    if bias:
        bvals, bscales = bias_for(rng, in_q[0], w_scales, sigma, oc)
        ins.append(m.const("bias", bvals, TT.INT32, (bscales, [0] * len(bscales)), qdim=0))
    else:
        ins.append(-1)
    y = m.act("output", out_shape, out_q)
    m.op(OP.FULLY_CONNECTED, ins, [y],
         opts(fb.FullyConnectedOptionsT, fusedActivationFunction=ACT[act], keepNumDims=keep_num_dims))
    return m, [x], [y], {"w_scales": w_scales}


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


def g_binary(rng, op, shape1, shape2, act="NONE", q1=None, q2=None, out_q=None, const2=False):
    q1 = q1 or rand_q(rng)
    q2 = q2 or rand_q(rng)
    if out_q is None:
        out_q = binary_out_q(rng, op, q1, q2, act)
    m = ModelBuilder()
    a = m.act("input1", shape1, q1)
    if const2:
        b = m.const("input2", rng.integers(-128, 128, size=shape2), TT.INT8, q2)
    else:
        b = m.act("input2", shape2, q2)
    y = m.act("output", _bcast_shape(shape1, shape2), out_q)
    code = {"ADD": OP.ADD, "SUB": OP.SUB, "MUL": OP.MUL}[op]
    cls = {"ADD": fb.AddOptionsT, "SUB": fb.SubOptionsT, "MUL": fb.MulOptionsT}[op]
    m.op(code, [a, b], [y], opts(cls, fusedActivationFunction=ACT[act]))
    return m, ([a] if const2 else [a, b]), [y], {}


def g_pool(rng, op, h=8, w=8, c=5, fh=2, fw=2, stride=(2, 2), padding="VALID", act="NONE", q=None,
           batch=1):
    q = q or rand_q(rng)
    oh = conv_out(h, fh, stride[0], 1, padding)
    ow = conv_out(w, fw, stride[1], 1, padding)
    assert oh > 0 and ow > 0
    m = ModelBuilder()
    x = m.act("input", [batch, h, w, c], q)
    y = m.act("output", [batch, oh, ow, c], q)
    code = OP.AVERAGE_POOL_2D if op == "AVG" else OP.MAX_POOL_2D
    m.op(code, [x], [y], opts(fb.Pool2DOptionsT, padding=PAD[padding], strideH=stride[0],
                               strideW=stride[1], filterHeight=fh, filterWidth=fw,
                               fusedActivationFunction=ACT[act]))
    return m, [x], [y], {}


def g_mean(rng, shape=(1, 6, 6, 5), axes=(1, 2), keep=True, in_q=None, out_q=None, same_q=False):
    in_q = in_q or rand_q(rng, zp=int(rng.integers(-20, 21)))
    rank = len(shape)
    ax = sorted(a % rank for a in axes)
    if same_q:
        out_q = in_q
    if out_q is None:
        # mean of n uniform int8 values: std ~ 74 / sqrt(n) input steps; aim for ~40 output steps
        n = int(np.prod([shape[a] for a in ax]))
        out_s = f32(in_q[0] * 74.0 / math.sqrt(n) / 40.0 * log_uniform(rng, 0.8, 1.25))
        out_zp = int(np.clip(round(in_q[0] * (0.5 + in_q[1]) / out_s), -128, 127))
        out_q = (out_s, out_zp)
    out_shape = [1 if i in ax else d for i, d in enumerate(shape)] if keep else \
        [d for i, d in enumerate(shape) if i not in ax]
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    a = m.const("axis", np.array(axes, dtype=np.int32), TT.INT32)
    y = m.act("output", out_shape, out_q)
    m.op(OP.MEAN, [x, a], [y], opts(fb.ReducerOptionsT, keepDims=keep))
    return m, [x], [y], {}


def g_pad(rng, shape=(1, 5, 5, 3), pads=((0, 0), (1, 1), (1, 1), (0, 0)), v2=False, q=None,
          const_val=None):
    q = q or rand_q(rng)
    out_shape = [d + p[0] + p[1] for d, p in zip(shape, pads)]
    m = ModelBuilder()
    x = m.act("input", shape, q)
    p = m.const("paddings", np.array(pads, dtype=np.int32), TT.INT32)
    ins = [x, p]
    extra = {}
    if v2:
        cv = int(rng.integers(-128, 128)) if const_val is None else const_val
        ins.append(m.const("constant_values", np.array([cv], dtype=np.int8), TT.INT8, q))
        extra["constant_value"] = cv
    y = m.act("output", out_shape, q)
    if v2:
        m.op(OP.PADV2, ins, [y], opts(fb.PadV2OptionsT))
    else:
        m.op(OP.PAD, ins, [y], opts(fb.PadOptionsT))
    return m, [x], [y], extra


def g_reshape(rng, shape, new_shape, shape_tensor=True, q=None):
    q = q or rand_q(rng)
    m = ModelBuilder()
    x = m.act("input", shape, q)
    ins = [x]
    if shape_tensor:
        ins.append(m.const("shape", np.array(new_shape, dtype=np.int32), TT.INT32))
    y = m.act("output", [d for d in new_shape], q)
    m.op(OP.RESHAPE, ins, [y], opts(fb.ReshapeOptionsT, newShape=list(new_shape)))
    return m, [x], [y], {}


def g_squeeze(rng, shape, dims, q=None):
    q = q or rand_q(rng)
    rank = len(shape)
    if dims:
        d = [a % rank for a in dims]
        out_shape = [s for i, s in enumerate(shape) if i not in d]
    else:
        out_shape = [s for s in shape if s != 1]
    m = ModelBuilder()
    x = m.act("input", shape, q)
    y = m.act("output", out_shape, q)
    m.op(OP.SQUEEZE, [x], [y], opts(fb.SqueezeOptionsT, squeezeDims=list(dims)))
    return m, [x], [y], {}


def g_softmax(rng, shape=(1, 10), beta=1.0, in_q=None):
    in_q = in_q or rand_q(rng, 0.01, 0.04)
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    y = m.act("output", shape, (f32(1.0 / 256.0), -128))
    m.op(OP.SOFTMAX, [x], [y], opts(fb.SoftmaxOptionsT, beta=beta))
    return m, [x], [y], {}


def g_concat(rng, shapes, axis, q=None):
    q = q or rand_q(rng)
    rank = len(shapes[0])
    ax = axis % rank
    out_shape = list(shapes[0])
    out_shape[ax] = sum(s[ax] for s in shapes)
    m = ModelBuilder()
    xs = [m.act("input%d" % (i + 1), s, q) for i, s in enumerate(shapes)]
    y = m.act("output", out_shape, q)
    m.op(OP.CONCATENATION, xs, [y], opts(fb.ConcatenationOptionsT, axis=axis,
                                          fusedActivationFunction=ACT["NONE"]))
    return m, xs, [y], {}


def g_unary(rng, op, shape=(1, 6, 6, 4), in_q=None, out_q=None, **kw):
    in_q = in_q or rand_q(rng)
    fixed_out = {"LOGISTIC": (f32(1.0 / 256.0), -128), "TANH": (f32(1.0 / 128.0), 0)}
    if op in fixed_out:
        out_q = fixed_out[op]
    elif out_q is None:
        out_q = in_q
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    y = m.act("output", shape, out_q)
    options = None
    if op == "LEAKY_RELU":
        options = opts(fb.LeakyReluOptionsT, alpha=kw.get("alpha", 0.2))
    elif op == "HARD_SWISH":
        options = opts(fb.HardSwishOptionsT)
    m.op(getattr(OP, op), [x], [y], options)
    return m, [x], [y], {}


def g_quantize(rng, shape=(1, 6, 6, 3), in_q=None, out_q=None, float_in=True):
    out_q = out_q or rand_q(rng)
    m = ModelBuilder()
    if float_in:
        x = m.act("input", shape, None, dtype=TT.FLOAT32)
        extra = {"float_input_range": [f32(out_q[0] * (-128 - out_q[1]) * 1.25),
                                       f32(out_q[0] * (127 - out_q[1]) * 1.25)]}
    else:
        in_q = in_q or rand_q(rng)
        x = m.act("input", shape, in_q)
        extra = {}
    y = m.act("output", shape, out_q)
    m.op(OP.QUANTIZE, [x], [y], opts(fb.QuantizeOptionsT))
    return m, [x], [y], extra


def g_dequantize(rng, shape=(1, 6, 6, 3), in_q=None):
    in_q = in_q or rand_q(rng)
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    y = m.act("output", shape, None, dtype=TT.FLOAT32)
    m.op(OP.DEQUANTIZE, [x], [y], opts(fb.DequantizeOptionsT))
    return m, [x], [y], {}


def g_resize_nn(rng, h=4, w=4, c=3, oh=8, ow=8, align=False, half=False, q=None):
    q = q or rand_q(rng)
    m = ModelBuilder()
    x = m.act("input", [1, h, w, c], q)
    s = m.const("size", np.array([oh, ow], dtype=np.int32), TT.INT32)
    y = m.act("output", [1, oh, ow, c], q)
    m.op(OP.RESIZE_NEAREST_NEIGHBOR, [x, s], [y],
         opts(fb.ResizeNearestNeighborOptionsT, alignCorners=align, halfPixelCenters=half))
    return m, [x], [y], {}


def g_transpose(rng, shape, perm, q=None):
    q = q or rand_q(rng)
    m = ModelBuilder()
    x = m.act("input", shape, q)
    p = m.const("perm", np.array(perm, dtype=np.int32), TT.INT32)
    y = m.act("output", [shape[i] for i in perm], q)
    m.op(OP.TRANSPOSE, [x, p], [y], opts(fb.TransposeOptionsT))
    return m, [x], [y], {}


def strided_slice_shape(shape, begin, end, strides, begin_mask, end_mask, shrink_mask):
    """Output shape with TFLite's StartForAxis / StopForAxis rules."""
    out = []
    for i, dim in enumerate(shape):
        st = strides[i]
        if begin_mask & (1 << i):
            b = 0 if st > 0 else dim - 1
        else:
            b = begin[i] + dim if begin[i] < 0 else begin[i]
            b = min(max(b, 0), dim) if st > 0 else min(max(b, -1), dim - 1)
        if shrink_mask & (1 << i):
            continue
        if end_mask & (1 << i):
            e = dim if st > 0 else -1
        else:
            e = end[i] + dim if end[i] < 0 else end[i]
            e = min(max(e, 0), dim) if st > 0 else min(max(e, -1), dim - 1)
        n = math.ceil((e - b) / st)
        out.append(max(n, 0))
    return out


def g_strided_slice(rng, shape, begin, end, strides, begin_mask=0, end_mask=0, shrink_mask=0,
                    q=None):
    q = q or rand_q(rng)
    out_shape = strided_slice_shape(shape, begin, end, strides, begin_mask, end_mask, shrink_mask)
    assert all(d > 0 for d in out_shape), out_shape
    m = ModelBuilder()
    x = m.act("input", shape, q)
    b = m.const("begin", np.array(begin, dtype=np.int32), TT.INT32)
    e = m.const("end", np.array(end, dtype=np.int32), TT.INT32)
    s = m.const("strides", np.array(strides, dtype=np.int32), TT.INT32)
    y = m.act("output", out_shape, q)
    m.op(OP.STRIDED_SLICE, [x, b, e, s], [y],
         opts(fb.StridedSliceOptionsT, beginMask=begin_mask, endMask=end_mask,
              shrinkAxisMask=shrink_mask))
    return m, [x], [y], {"output_shape": out_shape}


# ==========================================================================
# Few-op generators
# ==========================================================================

def _conv_into(m, rng, x, in_q, in_shape, oc, k, stride, padding, act, sigma, name,
               depthwise=False, out_q=None):
    n, h, w, ic = in_shape
    if depthwise:
        oc = ic
    K = k * k * (1 if depthwise else ic)
    w_base = sigma / (in_q[0] * ACC_STD * math.sqrt(K))
    w_scales = [f32(w_base * log_uniform(rng, 0.25, 4.0)) for _ in range(oc)]
    out_q = out_q or out_q_for(act, sigma, rng)
    oh = conv_out(h, k, stride, 1, padding)
    ow = conv_out(w, k, stride, 1, padding)
    wshape = (1, k, k, oc) if depthwise else (oc, k, k, ic)
    wt = m.const(name + "/weights", weights(rng, wshape), TT.INT8, (w_scales, [0] * oc),
                 qdim=3 if depthwise else 0)
    bvals, bscales = bias_for(rng, in_q[0], w_scales, sigma, oc)
    bt = m.const(name + "/bias", bvals, TT.INT32, (bscales, [0] * oc))
    y = m.act(name, [n, oh, ow, oc], out_q)
    if depthwise:
        m.op(OP.DEPTHWISE_CONV_2D, [x, wt, bt], [y],
             opts(fb.DepthwiseConv2DOptionsT, padding=PAD[padding], strideH=stride, strideW=stride,
                  depthMultiplier=1, dilationHFactor=1, dilationWFactor=1,
                  fusedActivationFunction=ACT[act]))
    else:
        m.op(OP.CONV_2D, [x, wt, bt], [y],
             opts(fb.Conv2DOptionsT, padding=PAD[padding], strideH=stride, strideW=stride,
                  dilationHFactor=1, dilationWFactor=1, fusedActivationFunction=ACT[act]))
    return y, out_q, [n, oh, ow, oc]


def g_multi_cnn(rng):
    """conv(relu) -> maxpool -> reshape -> fc -> softmax"""
    m = ModelBuilder()
    in_q = (f32(1.0 / 255.0), -128)
    x = m.act("input", [1, 12, 12, 3], in_q)
    c1, q1, s1 = _conv_into(m, rng, x, in_q, [1, 12, 12, 3], 8, 3, 1, "SAME", "RELU", 2.0, "conv1")
    p = m.act("pool", [1, 6, 6, 8], q1)
    m.op(OP.MAX_POOL_2D, [c1], [p], opts(fb.Pool2DOptionsT, padding=PAD["VALID"], strideH=2,
                                          strideW=2, filterHeight=2, filterWidth=2))
    shp = m.const("shape", np.array([1, 288], dtype=np.int32), TT.INT32)
    r = m.act("flat", [1, 288], q1)
    m.op(OP.RESHAPE, [p, shp], [r], opts(fb.ReshapeOptionsT, newShape=[1, 288]))
    ws = f32(2.0 / (q1[0] * ACC_STD * math.sqrt(288)))
    wt = m.const("fc/weights", weights(rng, (10, 288)), TT.INT8, ([ws], [0]))
    bvals, bsc = bias_for(rng, q1[0], [ws], 2.0, 10)
    bt = m.const("fc/bias", bvals, TT.INT32, (bsc, [0]))
    fcq = (f32(12.0 / 255.0), 3)
    f = m.act("logits", [1, 10], fcq)
    m.op(OP.FULLY_CONNECTED, [r, wt, bt], [f], opts(fb.FullyConnectedOptionsT))
    y = m.act("probs", [1, 10], (f32(1.0 / 256.0), -128))
    m.op(OP.SOFTMAX, [f], [y], opts(fb.SoftmaxOptionsT, beta=1.0))
    return m, [x], [y], {}


def g_multi_residual(rng):
    """conv(relu) -> conv -> add(skip, relu) -> avgpool (resnet block)"""
    m = ModelBuilder()
    in_q = (f32(0.05), -10)
    x = m.act("input", [1, 8, 8, 8], in_q)
    c1, q1, _ = _conv_into(m, rng, x, in_q, [1, 8, 8, 8], 8, 3, 1, "SAME", "RELU", 2.0, "conv1")
    c2, q2, _ = _conv_into(m, rng, c1, q1, [1, 8, 8, 8], 8, 3, 1, "SAME", "NONE", 2.0, "conv2")
    aq = (f32(6.0 / 255.0 * 1.5), -128)
    a = m.act("add", [1, 8, 8, 8], aq)
    m.op(OP.ADD, [x, c2], [a], opts(fb.AddOptionsT, fusedActivationFunction=ACT["RELU"]))
    y = m.act("output", [1, 1, 1, 8], aq)
    m.op(OP.AVERAGE_POOL_2D, [a], [y], opts(fb.Pool2DOptionsT, padding=PAD["VALID"], strideH=8,
                                             strideW=8, filterHeight=8, filterWidth=8))
    return m, [x], [y], {}


def g_multi_float_io(rng):
    """quantize(float) -> conv -> dequantize(float): float32 I/O around int8"""
    m = ModelBuilder()
    in_q = (f32(4.0 / 255.0), 0)
    x = m.act("input", [1, 6, 6, 2], None, dtype=TT.FLOAT32)
    xq = m.act("input_int8", [1, 6, 6, 2], in_q)
    m.op(OP.QUANTIZE, [x], [xq], opts(fb.QuantizeOptionsT))
    c, q, s = _conv_into(m, rng, xq, in_q, [1, 6, 6, 2], 3, 3, 2, "SAME", "NONE", 1.5, "conv")
    y = m.act("output", s, None, dtype=TT.FLOAT32)
    m.op(OP.DEQUANTIZE, [c], [y], opts(fb.DequantizeOptionsT))
    return m, [x], [y], {"float_input_range": [-2.5, 2.5]}


def g_multi_dsconv(rng):
    """depthwise(relu6) -> conv 1x1(relu6) -> mean[1,2] -> fc -> logistic"""
    m = ModelBuilder()
    in_q = (f32(0.03), 5)
    x = m.act("input", [1, 10, 10, 6], in_q)
    d, qd, sd = _conv_into(m, rng, x, in_q, [1, 10, 10, 6], 6, 3, 2, "SAME", "RELU6", 3.0, "dw",
                           depthwise=True)
    c, qc, sc = _conv_into(m, rng, d, qd, sd, 12, 1, 1, "VALID", "RELU6", 3.0, "pw")
    mq = (f32(3.0 / 255.0), -128)
    mn = m.act("mean", [1, 12], mq)
    ax = m.const("axis", np.array([1, 2], dtype=np.int32), TT.INT32)
    m.op(OP.MEAN, [c, ax], [mn], opts(fb.ReducerOptionsT, keepDims=False))
    ws = f32(2.0 / (mq[0] * ACC_STD * math.sqrt(12)))
    wt = m.const("fc/weights", weights(rng, (4, 12)), TT.INT8, ([ws], [0]))
    bvals, bsc = bias_for(rng, mq[0], [ws], 2.0, 4)
    bt = m.const("fc/bias", bvals, TT.INT32, (bsc, [0]))
    fq = (f32(10.0 / 255.0), 0)
    f = m.act("fc", [1, 4], fq)
    m.op(OP.FULLY_CONNECTED, [mn, wt, bt], [f], opts(fb.FullyConnectedOptionsT))
    y = m.act("output", [1, 4], (f32(1.0 / 256.0), -128))
    m.op(OP.LOGISTIC, [f], [y])
    return m, [x], [y], {}


def g_multi_concat_branches(rng):
    """two conv branches with equal output quantization -> concat(axis 3) -> hard_swish"""
    m = ModelBuilder()
    in_q = (f32(0.02), -3)
    x = m.act("input", [1, 7, 7, 4], in_q)
    bq = (f32(0.04), -7)
    a, _, sa = _conv_into(m, rng, x, in_q, [1, 7, 7, 4], 3, 1, 1, "SAME", "NONE", 2.0, "branch_a",
                          out_q=bq)
    b, _, sb = _conv_into(m, rng, x, in_q, [1, 7, 7, 4], 5, 3, 1, "SAME", "NONE", 2.0, "branch_b",
                          out_q=bq)
    c = m.act("concat", [1, 7, 7, 8], bq)
    m.op(OP.CONCATENATION, [a, b], [c], opts(fb.ConcatenationOptionsT, axis=3))
    y = m.act("output", [1, 7, 7, 8], (f32(0.03), -100))
    m.op(OP.HARD_SWISH, [c], [y], opts(fb.HardSwishOptionsT))
    return m, [x], [y], {}


def g_multi_two_in_two_out(rng):
    """two inputs: add -> (mul with input2, tanh) giving two outputs"""
    m = ModelBuilder()
    q1, q2 = (f32(0.05), 2), (f32(0.08), -20)
    a = m.act("input1", [1, 4, 4, 3], q1)
    b = m.act("input2", [1, 4, 4, 3], q2)
    sq = (f32(0.1), 0)
    s = m.act("sum", [1, 4, 4, 3], sq)
    m.op(OP.ADD, [a, b], [s], opts(fb.AddOptionsT))
    p = m.act("product", [1, 4, 4, 3], (f32(0.1 * 0.08 * 128), 0))
    m.op(OP.MUL, [s, b], [p], opts(fb.MulOptionsT))
    t = m.act("tanh", [1, 4, 4, 3], (f32(1.0 / 128.0), 0))
    m.op(OP.TANH, [s], [t])
    return m, [a, b], [p, t], {}


def g_multi_pad_conv(rng):
    """pad -> conv VALID (explicit padding) -> relu6 op -> strided_slice -> transpose"""
    m = ModelBuilder()
    in_q = (f32(0.04), 12)
    x = m.act("input", [1, 6, 6, 3], in_q)
    p = m.act("padded", [1, 8, 8, 3], in_q)
    pads = m.const("paddings", np.array([[0, 0], [1, 1], [1, 1], [0, 0]], dtype=np.int32), TT.INT32)
    m.op(OP.PAD, [x, pads], [p], opts(fb.PadOptionsT))
    c, qc, sc = _conv_into(m, rng, p, in_q, [1, 8, 8, 3], 4, 3, 1, "VALID", "NONE", 3.0, "conv")
    r6q = (f32(6.0 / 255.0), -128)
    r = m.act("relu6", sc, r6q)
    m.op(OP.RELU6, [c], [r])
    b = m.const("begin", np.array([0, 1, 0, 0], dtype=np.int32), TT.INT32)
    e = m.const("end", np.array([1, 5, 6, 4], dtype=np.int32), TT.INT32)
    st = m.const("strides", np.array([1, 1, 2, 1], dtype=np.int32), TT.INT32)
    s = m.act("slice", [1, 4, 3, 4], r6q)
    m.op(OP.STRIDED_SLICE, [r, b, e, st], [s], opts(fb.StridedSliceOptionsT))
    perm = m.const("perm", np.array([0, 3, 1, 2], dtype=np.int32), TT.INT32)
    y = m.act("output", [1, 4, 4, 3], r6q)
    m.op(OP.TRANSPOSE, [s, perm], [y], opts(fb.TransposeOptionsT))
    return m, [x], [y], {}


def g_multi_chain_shared(rng):
    """one tensor feeding three consumers: maxpool, avgpool (same quant) -> sub -> leaky_relu"""
    m = ModelBuilder()
    q = (f32(0.06), -40)
    x = m.act("input", [1, 9, 9, 5], q)
    mp = m.act("maxpool", [1, 5, 5, 5], q)
    m.op(OP.MAX_POOL_2D, [x], [mp], opts(fb.Pool2DOptionsT, padding=PAD["SAME"], strideH=2,
                                          strideW=2, filterHeight=3, filterWidth=3))
    ap = m.act("avgpool", [1, 5, 5, 5], q)
    m.op(OP.AVERAGE_POOL_2D, [x], [ap], opts(fb.Pool2DOptionsT, padding=PAD["SAME"], strideH=2,
                                              strideW=2, filterHeight=3, filterWidth=3))
    d = m.act("diff", [1, 5, 5, 5], (f32(0.05), -100))
    m.op(OP.SUB, [mp, ap], [d], opts(fb.SubOptionsT))
    y = m.act("output", [1, 5, 5, 5], (f32(0.04), -90))
    m.op(OP.LEAKY_RELU, [d], [y], opts(fb.LeakyReluOptionsT, alpha=0.1))
    return m, [x], [y], {}


# ==========================================================================
# The sweep
# ==========================================================================

def define_cases():
    # ---------------- CONV_2D ----------------
    for k in range(1, 8):
        for pad in ("SAME", "VALID"):
            R.add("CONV_2D", "k%d_s1_%s" % (k, pad.lower()), g_conv, kh=k, kw=k, padding=pad,
                  h=9, w=9, ic=3 + k % 3, oc=4 + k)
    for (k, s, pad, h, w) in [(3, 2, "SAME", 9, 9), (3, 2, "VALID", 9, 9), (3, 3, "SAME", 10, 10),
                              (3, 3, "VALID", 11, 11), (5, 2, "SAME", 11, 11), (5, 3, "VALID", 13, 13),
                              (2, 2, "SAME", 7, 7), (4, 2, "SAME", 10, 10), (2, 3, "SAME", 8, 8),
                              (7, 2, "SAME", 12, 12), (1, 2, "VALID", 8, 8)]:
        R.add("CONV_2D", "k%d_s%d_%s_%dx%d" % (k, s, pad.lower(), h, w), g_conv, kh=k, kw=k,
              stride=(s, s), padding=pad, h=h, w=w, ic=5, oc=7)
    R.add("CONV_2D", "k3_s1x2_same_asym_stride", g_conv, stride=(1, 2), h=8, w=9, ic=3, oc=5)
    R.add("CONV_2D", "k3_s2x1_valid_asym_stride", g_conv, stride=(2, 1), padding="VALID", h=9, w=7)
    for (k, d, pad, s) in [(3, 2, "SAME", 1), (3, 2, "VALID", 1), (2, 2, "SAME", 1), (3, 2, "SAME", 2),
                           (5, 2, "SAME", 1)]:
        R.add("CONV_2D", "k%d_d%d_s%d_%s" % (k, d, s, pad.lower()), g_conv, kh=k, kw=k, dil=(d, d),
              stride=(s, s), padding=pad, h=11, w=11, ic=4, oc=6)
    R.add("CONV_2D", "k3_d2x1_same_asym_dil", g_conv, dil=(2, 1), h=10, w=8)
    R.add("CONV_2D", "k3_relu_same", g_conv, act="RELU", ic=6, oc=8)
    R.add("CONV_2D", "k3_relu6_same", g_conv, act="RELU6", ic=6, oc=8, sigma=4.0)
    R.add("CONV_2D", "k1_relu_valid", g_conv, act="RELU", kh=1, kw=1, padding="VALID", ic=16, oc=12)
    R.add("CONV_2D", "k5_relu6_s2", g_conv, act="RELU6", kh=5, kw=5, stride=(2, 2), h=12, w=12,
          sigma=3.0)
    R.add("CONV_2D", "k3_relu_inzp_m128", g_conv, act="RELU", in_q=(f32(1.0 / 255), -128), ic=3, oc=8)
    R.add("CONV_2D", "k3_pertensor_same", g_conv, per_channel=False)
    R.add("CONV_2D", "k1_pertensor_valid", g_conv, per_channel=False, kh=1, kw=1, padding="VALID",
          ic=8, oc=8)
    R.add("CONV_2D", "k5_pertensor_relu_s2", g_conv, per_channel=False, kh=5, kw=5, stride=(2, 2),
          act="RELU", h=11, w=11)
    R.add("CONV_2D", "k3_odd_7x13_c3_c5", g_conv, h=7, w=13, ic=3, oc=5)
    R.add("CONV_2D", "k3_1x16_c7", g_conv, h=1, w=16, ic=7, oc=9, kh=1, kw=3)
    R.add("CONV_2D", "k5x1_16x1_c13", g_conv, h=16, w=1, ic=13, oc=3, kh=5, kw=1)
    R.add("CONV_2D", "k1x3_same_c1", g_conv, h=6, w=10, ic=1, oc=11, kh=1, kw=3)
    R.add("CONV_2D", "k3x1_valid_c2", g_conv, h=9, w=5, ic=2, oc=1, kh=3, kw=1, padding="VALID")
    R.add("CONV_2D", "k2x5_s2x3_same", g_conv, h=9, w=14, ic=5, oc=6, kh=2, kw=5, stride=(2, 3))
    R.add("CONV_2D", "k1_c1_mult_gt1", g_conv, kh=1, kw=1, ic=1, oc=3, mult=1.3, h=5, w=5,
          w_max=1, in_q=(f32(0.05), 3), bias_factor=0.01)
    R.add("CONV_2D", "k1_c2_mult_gt1_pertensor", g_conv, kh=1, kw=1, ic=2, oc=4, mult=1.1,
          per_channel=False, h=4, w=6, w_max=1, in_q=(f32(0.02), -2), bias_factor=0.01)
    R.add("CONV_2D", "k1_c1_mult_gt1_saturating", g_conv, kh=1, kw=1, ic=1, oc=2, mult=3.5, h=4,
          w=4)
    R.add("CONV_2D", "k3_tiny_out_scale_saturating", g_conv, out_q=(f32(1e-4), 0))
    R.add("CONV_2D", "k3_huge_out_scale", g_conv, out_q=(f32(50.0), 0))
    R.add("CONV_2D", "k3_inzp_127_scale_1", g_conv, in_q=(1.0, 127), ic=3, oc=4)
    R.add("CONV_2D", "k3_big_bias", g_conv, bias_factor=20.0)
    R.add("CONV_2D", "k3_wide_wscale_spread", g_conv, w_spread=100.0, ic=5, oc=10)
    R.add("CONV_2D", "k3_no_bias", g_conv, bias=False, ic=3, oc=4)
    R.add("CONV_2D", "k3_batch2", g_conv, batch=2, h=6, w=6, ic=3, oc=4)
    R.add("CONV_2D", "k3_c32_oc16", g_conv, h=5, w=5, ic=32, oc=16)

    # ---------------- DEPTHWISE_CONV_2D ----------------
    for mlt in (1, 2, 8):
        for pad in ("SAME", "VALID"):
            R.add("DEPTHWISE_CONV_2D", "m%d_k3_s1_%s" % (mlt, pad.lower()), g_dwconv, mult_d=mlt,
                  padding=pad, ic=3 if mlt == 8 else 5)
    R.add("DEPTHWISE_CONV_2D", "m8_k3_c1_relu", g_dwconv, mult_d=8, ic=1, act="RELU", h=10, w=10)
    R.add("DEPTHWISE_CONV_2D", "m8_k3_c1_s2_same", g_dwconv, mult_d=8, ic=1, stride=(2, 2), h=9, w=9)
    for (k, s, pad) in [(3, 2, "SAME"), (3, 2, "VALID"), (3, 3, "SAME"), (5, 2, "SAME"), (2, 2, "VALID")]:
        R.add("DEPTHWISE_CONV_2D", "m1_k%d_s%d_%s" % (k, s, pad.lower()), g_dwconv, kh=k, kw=k,
              stride=(s, s), padding=pad, h=11, w=11, ic=7)
    R.add("DEPTHWISE_CONV_2D", "m1_k3_d2_same", g_dwconv, dil=(2, 2), h=10, w=10, ic=6)
    R.add("DEPTHWISE_CONV_2D", "m2_k3_d2_valid", g_dwconv, dil=(2, 2), mult_d=2, padding="VALID",
          h=10, w=10, ic=3)
    R.add("DEPTHWISE_CONV_2D", "m1_k1_c13", g_dwconv, kh=1, kw=1, ic=13, h=4, w=5)
    R.add("DEPTHWISE_CONV_2D", "m1_k7_same_c5", g_dwconv, kh=7, kw=7, ic=5, h=9, w=9)
    R.add("DEPTHWISE_CONV_2D", "m1_k5x3_s1x2_same", g_dwconv, kh=5, kw=3, stride=(1, 2), ic=4,
          h=8, w=9)
    R.add("DEPTHWISE_CONV_2D", "m1_k3_relu6_c16", g_dwconv, act="RELU6", ic=16, sigma=4.0, h=6, w=6)
    R.add("DEPTHWISE_CONV_2D", "m1_k3_pertensor", g_dwconv, per_channel=False, ic=6)
    R.add("DEPTHWISE_CONV_2D", "m2_k3_pertensor_relu", g_dwconv, per_channel=False, mult_d=2, ic=3,
          act="RELU")
    R.add("DEPTHWISE_CONV_2D", "m1_k3_extreme_q", g_dwconv, in_q=(f32(2.5), -128),
          out_q=(f32(0.001), 100), ic=3)
    R.add("DEPTHWISE_CONV_2D", "m1_k3_no_bias", g_dwconv, bias=False, ic=4)
    R.add("DEPTHWISE_CONV_2D", "m4_k3_odd_5x7", g_dwconv, mult_d=4, ic=3, h=5, w=7)

    # ---------------- FULLY_CONNECTED ----------------
    R.add("FULLY_CONNECTED", "in16_out8", g_fc)
    R.add("FULLY_CONNECTED", "in1_out1", g_fc, in_shape=(1, 1), oc=1)
    R.add("FULLY_CONNECTED", "in33_out10_relu", g_fc, in_shape=(1, 33), oc=10, act="RELU")
    R.add("FULLY_CONNECTED", "in64_out3_relu6", g_fc, in_shape=(1, 64), oc=3, act="RELU6", sigma=4.0)
    R.add("FULLY_CONNECTED", "batch3_in20_out7", g_fc, in_shape=(3, 20), oc=7)
    R.add("FULLY_CONNECTED", "keepdims_1x4x12_out5", g_fc, in_shape=(1, 4, 12), oc=5,
          keep_num_dims=True)
    R.add("FULLY_CONNECTED", "keepdims_2x3x8_out6", g_fc, in_shape=(2, 3, 8), oc=6,
          keep_num_dims=True)
    R.add("FULLY_CONNECTED", "flatten_1x2x2x8_in32", g_fc, in_shape=(1, 2, 2, 8), oc=9)
    R.add("FULLY_CONNECTED", "batches_1x4x8_in8_nokeep", g_fc, in_shape=(1, 4, 8), oc=4)
    R.add("FULLY_CONNECTED", "no_bias_in24_out6", g_fc, in_shape=(1, 24), oc=6, bias=False)
    R.add("FULLY_CONNECTED", "extreme_q_in10_out4", g_fc, in_shape=(1, 10), oc=4,
          in_q=(f32(0.00025), 127), out_q=(f32(8.0), -100))
    R.add("FULLY_CONNECTED", "perchannel_in16_out8", g_fc, per_channel=True)

    # ---------------- ADD / SUB / MUL ----------------
    for op in ("ADD", "SUB", "MUL"):
        R.add(op, "same_1x5x5x3", g_binary, op=op, shape1=[1, 5, 5, 3], shape2=[1, 5, 5, 3])
        R.add(op, "bcast_channel", g_binary, op=op, shape1=[1, 4, 4, 6], shape2=[1, 1, 1, 6])
        R.add(op, "bcast_spatial", g_binary, op=op, shape1=[1, 4, 5, 3], shape2=[1, 4, 5, 1])
        R.add(op, "bcast_scalar", g_binary, op=op, shape1=[1, 3, 3, 4], shape2=[1])
        R.add(op, "bcast_both", g_binary, op=op, shape1=[1, 1, 4, 3], shape2=[1, 5, 1, 3])
        R.add(op, "rank2_bcast", g_binary, op=op, shape1=[3, 7], shape2=[1, 7])
        R.add(op, "relu", g_binary, op=op, shape1=[1, 4, 4, 4], shape2=[1, 4, 4, 4], act="RELU")
        R.add(op, "relu6", g_binary, op=op, shape1=[1, 3, 3, 5], shape2=[1, 3, 3, 5], act="RELU6",
              q1=(f32(0.025), 0), q2=(f32(0.02), 10))
        R.add(op, "scale_ratio_1000", g_binary, op=op, shape1=[1, 4, 4, 2], shape2=[1, 4, 4, 2],
              q1=(f32(0.001), 0), q2=(f32(1.0), -5))
        R.add(op, "const_operand", g_binary, op=op, shape1=[1, 4, 4, 3], shape2=[1, 1, 1, 3],
              const2=True)
    R.add("ADD", "same_quant_all", g_binary, op="ADD", shape1=[1, 6, 6, 2], shape2=[1, 6, 6, 2],
          q1=(f32(0.02), -7), q2=(f32(0.02), -7), out_q=(f32(0.02), -7))
    R.add("MUL", "extreme_zp", g_binary, op="MUL", shape1=[1, 4, 4, 3], shape2=[1, 4, 4, 3],
          q1=(f32(0.5), 127), q2=(f32(0.003), -128), out_q=(f32(0.01), 0))

    # ---------------- pooling ----------------
    for op, opname in (("AVG", "AVERAGE_POOL_2D"), ("MAX", "MAX_POOL_2D")):
        R.add(opname, "f2_s2_valid", g_pool, op=op)
        R.add(opname, "f3_s1_same", g_pool, op=op, fh=3, fw=3, stride=(1, 1), padding="SAME", h=7,
              w=7, c=3)
        R.add(opname, "f3_s2_same_edges", g_pool, op=op, fh=3, fw=3, stride=(2, 2), padding="SAME",
              h=8, w=9, c=4)
        R.add(opname, "global_7x7_c6", g_pool, op=op, fh=7, fw=7, stride=(7, 7), h=7, w=7, c=6)
        R.add(opname, "f5x3_s2x1_valid", g_pool, op=op, fh=5, fw=3, stride=(2, 1), h=11, w=6, c=2)
        R.add(opname, "f3_s2_relu6", g_pool, op=op, fh=3, fw=3, stride=(2, 2), act="RELU6", h=9, w=9,
              q=(f32(0.05), -30))
        R.add(opname, "f2_s1_same_relu_c1", g_pool, op=op, fh=2, fw=2, stride=(1, 1), padding="SAME",
              act="RELU", h=5, w=5, c=1)
        R.add(opname, "f4_s3_same_batch2", g_pool, op=op, fh=4, fw=4, stride=(3, 3), padding="SAME",
              h=10, w=10, c=3, batch=2)

    # ---------------- MEAN ----------------
    R.add("MEAN", "axes12_keep", g_mean, axes=(1, 2), keep=True)
    R.add("MEAN", "axes12_nokeep", g_mean, axes=(1, 2), keep=False)
    R.add("MEAN", "axes12_keep_same_q", g_mean, axes=(1, 2), keep=True, same_q=True)
    R.add("MEAN", "axes12_nokeep_same_q", g_mean, axes=(1, 2), keep=False, same_q=True,
          shape=(1, 7, 5, 3))
    R.add("MEAN", "axis1_nokeep", g_mean, axes=(1,), keep=False)
    R.add("MEAN", "axis2_keep", g_mean, axes=(2,), keep=True, shape=(1, 4, 9, 3))
    R.add("MEAN", "axis3_nokeep", g_mean, axes=(3,), keep=False, shape=(1, 3, 4, 10))
    R.add("MEAN", "axis_neg1_keep", g_mean, axes=(-1,), keep=True, shape=(1, 5, 6))
    R.add("MEAN", "axes12_big_10x10", g_mean, axes=(1, 2), keep=True, shape=(1, 10, 10, 4),
          in_q=(f32(0.1), 3), out_q=(f32(0.01), 35))

    # ---------------- PAD / PADV2 ----------------
    R.add("PAD", "hw_1111", g_pad)
    R.add("PAD", "asym_0213", g_pad, pads=((0, 0), (0, 2), (1, 3), (0, 0)))
    R.add("PAD", "channels_and_batch", g_pad, shape=(1, 3, 3, 2), pads=((1, 0), (0, 1), (2, 0), (1, 2)))
    R.add("PAD", "rank2", g_pad, shape=(4, 5), pads=((1, 2), (3, 0)))
    R.add("PAD", "rank3", g_pad, shape=(2, 3, 4), pads=((0, 1), (1, 1), (2, 0)))
    R.add("PADV2", "hw_1111_const", g_pad, v2=True)
    R.add("PADV2", "asym_const_m128", g_pad, v2=True, pads=((0, 0), (2, 0), (0, 1), (0, 0)),
          const_val=-128)
    R.add("PADV2", "channels_const_127", g_pad, v2=True, shape=(1, 4, 4, 3),
          pads=((0, 0), (1, 0), (0, 1), (2, 2)), const_val=127)
    R.add("PADV2", "rank3_const_0", g_pad, v2=True, shape=(3, 4, 2), pads=((1, 0), (0, 2), (1, 1)),
          const_val=0)

    # ---------------- RESHAPE / SQUEEZE ----------------
    R.add("RESHAPE", "4d_to_2d", g_reshape, shape=[1, 3, 3, 8], new_shape=[1, 72])
    R.add("RESHAPE", "2d_to_4d", g_reshape, shape=[1, 60], new_shape=[1, 3, 4, 5])
    R.add("RESHAPE", "no_shape_tensor", g_reshape, shape=[2, 6], new_shape=[3, 4], shape_tensor=False)
    R.add("RESHAPE", "4d_to_3d", g_reshape, shape=[1, 4, 4, 6], new_shape=[1, 16, 6])
    R.add("SQUEEZE", "dims12", g_squeeze, shape=[1, 1, 1, 10], dims=[1, 2])
    R.add("SQUEEZE", "all_ones", g_squeeze, shape=[1, 5, 1, 3], dims=[])
    R.add("SQUEEZE", "neg_dim", g_squeeze, shape=[2, 4, 1], dims=[-1])

    # ---------------- SOFTMAX ----------------
    R.add("SOFTMAX", "beta1_1x10", g_softmax)
    R.add("SOFTMAX", "beta1_4d_1x2x2x5", g_softmax, shape=(1, 2, 2, 5))
    R.add("SOFTMAX", "beta1_batch3x12", g_softmax, shape=(3, 12))
    R.add("SOFTMAX", "beta0p5_1x16", g_softmax, shape=(1, 16), beta=0.5)
    R.add("SOFTMAX", "beta2_1x8", g_softmax, shape=(1, 8), beta=2.0)
    R.add("SOFTMAX", "beta1_in_scale_tiny", g_softmax, shape=(1, 10), in_q=(f32(0.001), 10))
    R.add("SOFTMAX", "beta1_in_scale_big", g_softmax, shape=(1, 6), in_q=(f32(1.0), -128))
    R.add("SOFTMAX", "beta0p1_1x100", g_softmax, shape=(1, 100), beta=0.1, in_q=(f32(0.2), 0))

    # ---------------- CONCATENATION ----------------
    R.add("CONCATENATION", "axis3_two", g_concat, shapes=[[1, 4, 4, 3], [1, 4, 4, 5]], axis=3)
    R.add("CONCATENATION", "axis3_three", g_concat, shapes=[[1, 3, 3, 2], [1, 3, 3, 1], [1, 3, 3, 4]],
          axis=3)
    R.add("CONCATENATION", "axis_neg1_two", g_concat, shapes=[[1, 2, 5, 7], [1, 2, 5, 2]], axis=-1)
    R.add("CONCATENATION", "axis1_two", g_concat, shapes=[[1, 2, 4, 3], [1, 5, 4, 3]], axis=1)
    R.add("CONCATENATION", "axis2_three", g_concat,
          shapes=[[1, 3, 1, 4], [1, 3, 2, 4], [1, 3, 3, 4]], axis=2)
    R.add("CONCATENATION", "axis1_rank2", g_concat, shapes=[[2, 3], [2, 9]], axis=1)
    R.add("CONCATENATION", "axis0_rank3", g_concat, shapes=[[1, 4, 3], [2, 4, 3]], axis=0)

    # ---------------- activations ----------------
    R.add("LOGISTIC", "in_s0p1", g_unary, op="LOGISTIC", in_q=(f32(0.1), 0))
    R.add("LOGISTIC", "in_s0p02_zp_m60", g_unary, op="LOGISTIC", in_q=(f32(0.02), -60))
    R.add("LOGISTIC", "in_s1_saturating", g_unary, op="LOGISTIC", in_q=(f32(1.0), 20))
    R.add("LOGISTIC", "in_s0p001_rank2", g_unary, op="LOGISTIC", in_q=(f32(0.001), 0), shape=(2, 17))
    R.add("TANH", "in_s0p05", g_unary, op="TANH", in_q=(f32(0.05), 0))
    R.add("TANH", "in_s0p02_zp_40", g_unary, op="TANH", in_q=(f32(0.02), 40))
    R.add("TANH", "in_s0p5_saturating", g_unary, op="TANH", in_q=(f32(0.5), -10))
    R.add("TANH", "in_s0p002_rank2", g_unary, op="TANH", in_q=(f32(0.002), 5), shape=(3, 11))
    R.add("HARD_SWISH", "typical", g_unary, op="HARD_SWISH", in_q=(f32(12.0 / 255), 0),
          out_q=(f32(6.375 / 255), -113))
    R.add("HARD_SWISH", "wide_in", g_unary, op="HARD_SWISH", in_q=(f32(0.1), -20),
          out_q=(f32(0.06), -110))
    R.add("HARD_SWISH", "narrow_in", g_unary, op="HARD_SWISH", in_q=(f32(0.01), 10),
          out_q=(f32(0.008), -30))
    R.add("HARD_SWISH", "same_q", g_unary, op="HARD_SWISH", in_q=(f32(0.04), 5), out_q=(f32(0.04), 5))
    R.add("HARD_SWISH", "big_scale_rank2", g_unary, op="HARD_SWISH", in_q=(f32(1.0), 0),
          out_q=(f32(0.5), -100), shape=(4, 9))
    R.add("RELU", "same_q", g_unary, op="RELU", in_q=(f32(0.05), -20), out_q=(f32(0.05), -20))
    R.add("RELU", "requant", g_unary, op="RELU", in_q=(f32(0.05), 10), out_q=(f32(0.03), -128))
    R.add("RELU", "requant_up", g_unary, op="RELU", in_q=(f32(0.01), -100), out_q=(f32(0.02), -128))
    R.add("RELU6", "same_q", g_unary, op="RELU6", in_q=(f32(0.05), -20), out_q=(f32(0.05), -20))
    R.add("RELU6", "requant", g_unary, op="RELU6", in_q=(f32(0.1), 0), out_q=(f32(6.0 / 255), -128))
    R.add("RELU6", "in_scale_small", g_unary, op="RELU6", in_q=(f32(0.01), 60),
          out_q=(f32(0.006), -128))
    R.add("LEAKY_RELU", "alpha0p2", g_unary, op="LEAKY_RELU", in_q=(f32(0.05), 0),
          out_q=(f32(0.04), -60), alpha=0.2)
    R.add("LEAKY_RELU", "alpha0p01_same_q", g_unary, op="LEAKY_RELU", in_q=(f32(0.03), -10),
          out_q=(f32(0.03), -10), alpha=0.01)
    R.add("LEAKY_RELU", "alpha0p5", g_unary, op="LEAKY_RELU", in_q=(f32(0.1), 30),
          out_q=(f32(0.08), -20), alpha=0.5)

    # ---------------- QUANTIZE / DEQUANTIZE ----------------
    R.add("QUANTIZE", "f32_s0p02_zp0", g_quantize, out_q=(f32(0.02), 0))
    R.add("QUANTIZE", "f32_s1over255_zpm128", g_quantize, out_q=(f32(1.0 / 255), -128))
    R.add("QUANTIZE", "f32_s0p5_zp37", g_quantize, out_q=(f32(0.5), 37), shape=(2, 10))
    R.add("QUANTIZE", "i8_requant_down", g_quantize, float_in=False, in_q=(f32(0.02), 5),
          out_q=(f32(0.05), -10))
    R.add("QUANTIZE", "i8_requant_up", g_quantize, float_in=False, in_q=(f32(0.05), 0),
          out_q=(f32(0.03), 3))
    R.add("QUANTIZE", "i8_zp_shift_only", g_quantize, float_in=False, in_q=(f32(0.03), -20),
          out_q=(f32(0.03), 40))
    R.add("DEQUANTIZE", "s0p02_zp0", g_dequantize, in_q=(f32(0.02), 0))
    R.add("DEQUANTIZE", "s0p0039_zpm128", g_dequantize, in_q=(f32(1.0 / 255), -128))
    R.add("DEQUANTIZE", "s3p7_zp100_rank2", g_dequantize, in_q=(f32(3.7), 100), shape=(3, 5))

    # ---------------- RESIZE_NEAREST_NEIGHBOR ----------------
    R.add("RESIZE_NEAREST_NEIGHBOR", "x2_default", g_resize_nn)
    R.add("RESIZE_NEAREST_NEIGHBOR", "x2_align_corners", g_resize_nn, align=True)
    R.add("RESIZE_NEAREST_NEIGHBOR", "x2_half_pixel", g_resize_nn, half=True)
    R.add("RESIZE_NEAREST_NEIGHBOR", "3to5_default", g_resize_nn, h=3, w=3, oh=5, ow=5)
    R.add("RESIZE_NEAREST_NEIGHBOR", "3to5_align_corners", g_resize_nn, h=3, w=3, oh=5, ow=5,
          align=True)
    R.add("RESIZE_NEAREST_NEIGHBOR", "3to5_half_pixel", g_resize_nn, h=3, w=3, oh=5, ow=5, half=True)
    R.add("RESIZE_NEAREST_NEIGHBOR", "down_6to4_default", g_resize_nn, h=6, w=6, oh=4, ow=4)
    R.add("RESIZE_NEAREST_NEIGHBOR", "nonsquare_3x5_to_7x4_half_pixel", g_resize_nn, h=3, w=5, oh=7,
          ow=4, half=True, c=2)
    R.add("RESIZE_NEAREST_NEIGHBOR", "nonsquare_4x3_to_6x7_align", g_resize_nn, h=4, w=3, oh=6, ow=7,
          align=True, c=1)

    # ---------------- TRANSPOSE ----------------
    R.add("TRANSPOSE", "nhwc_to_nchw", g_transpose, shape=[1, 3, 4, 5], perm=[0, 3, 1, 2])
    R.add("TRANSPOSE", "swap_hw", g_transpose, shape=[1, 3, 4, 5], perm=[0, 2, 1, 3])
    R.add("TRANSPOSE", "reverse_4d", g_transpose, shape=[2, 3, 4, 5], perm=[3, 2, 1, 0])
    R.add("TRANSPOSE", "nchw_to_nhwc", g_transpose, shape=[1, 6, 3, 2], perm=[0, 2, 3, 1])
    R.add("TRANSPOSE", "rank2", g_transpose, shape=[7, 5], perm=[1, 0])
    R.add("TRANSPOSE", "rank3_201", g_transpose, shape=[2, 3, 4], perm=[2, 0, 1])

    # ---------------- STRIDED_SLICE ----------------
    R.add("STRIDED_SLICE", "basic_4d", g_strided_slice, shape=[1, 8, 8, 6], begin=[0, 1, 2, 0],
          end=[1, 7, 6, 6], strides=[1, 1, 1, 1])
    R.add("STRIDED_SLICE", "stride2_4d", g_strided_slice, shape=[1, 8, 8, 6], begin=[0, 0, 0, 0],
          end=[1, 8, 8, 6], strides=[1, 2, 2, 1])
    R.add("STRIDED_SLICE", "stride3_odd_end", g_strided_slice, shape=[1, 9, 10, 4],
          begin=[0, 1, 0, 1], end=[1, 8, 10, 4], strides=[1, 3, 3, 2])
    R.add("STRIDED_SLICE", "begin_end_masks", g_strided_slice, shape=[1, 6, 7, 5],
          begin=[0, 3, 99, 2], end=[0, 99, 4, 99], strides=[1, 1, 1, 1], begin_mask=0b0101,
          end_mask=0b1011)
    R.add("STRIDED_SLICE", "negative_indices", g_strided_slice, shape=[1, 8, 8, 4],
          begin=[0, -5, -6, 0], end=[1, -1, -1, 4], strides=[1, 1, 2, 1])
    R.add("STRIDED_SLICE", "negative_strides", g_strided_slice, shape=[1, 6, 6, 3],
          begin=[0, 5, 4, 2], end=[1, 0, 0, 0], strides=[1, -1, -2, -1], end_mask=0b1000)
    R.add("STRIDED_SLICE", "reverse_all_masks", g_strided_slice, shape=[1, 4, 5, 3],
          begin=[0, 0, 0, 0], end=[0, 0, 0, 0], strides=[1, -1, -1, 1], begin_mask=0b1111,
          end_mask=0b1111)
    R.add("STRIDED_SLICE", "shrink_axis0", g_strided_slice, shape=[1, 5, 6, 3], begin=[0, 1, 0, 0],
          end=[1, 4, 6, 3], strides=[1, 1, 1, 1], shrink_mask=0b0001)
    R.add("STRIDED_SLICE", "shrink_last_axis", g_strided_slice, shape=[1, 4, 4, 5],
          begin=[0, 0, 0, -2], end=[1, 4, 4, -1], strides=[1, 1, 1, 1], shrink_mask=0b1000)
    R.add("STRIDED_SLICE", "rank2_end_clamped", g_strided_slice, shape=[4, 10], begin=[1, 0],
          end=[3, 100], strides=[1, 3])
    R.add("STRIDED_SLICE", "rank3_mixed", g_strided_slice, shape=[5, 6, 7], begin=[-4, 0, 1],
          end=[0, 5, 0], strides=[2, 2, 3], end_mask=0b101)

    # ---------------- few-op models ----------------
    R.add("MULTI", "conv_maxpool_fc_softmax", g_multi_cnn)
    R.add("MULTI", "resnet_block_add_avgpool", g_multi_residual)
    R.add("MULTI", "float_io_quant_conv_dequant", g_multi_float_io)
    R.add("MULTI", "dw_pw_mean_fc_logistic", g_multi_dsconv)
    R.add("MULTI", "conv_branches_concat_hardswish", g_multi_concat_branches)
    R.add("MULTI", "two_inputs_two_outputs", g_multi_two_in_two_out)
    R.add("MULTI", "pad_conv_relu6_slice_transpose", g_multi_pad_conv)
    R.add("MULTI", "shared_input_pools_sub_leaky", g_multi_chain_shared)


def _jsonable(v):
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    return v


def main(argv):
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    define_cases()
    define_issue12_cases(R, fixture_status.supported)
    return write_fixtures(argv[0], R, "scripts/tflm/make_op_models.py")


def write_fixtures(outdir, registry, generator):
    """Writes every case of `registry` into outdir plus outdir/index.json; returns 0."""
    os.makedirs(outdir, exist_ok=True)
    index_path = os.path.join(outdir, "index.json")
    if os.path.exists(index_path):
        with open(index_path) as f:
            for e in json.load(f).get("models", []):
                p = os.path.join(outdir, e["file"])
                if os.path.exists(p):
                    os.remove(p)

    entries = []
    total = 0
    for fname, op, desc, fn, params in registry.cases:
        rng = np.random.default_rng(zlib.crc32(fname.encode()))
        m, ins, outs, extra = fn(rng, **params)
        data = m.finish(ins, outs, "mcuc op fixture %s" % fname[:-7])
        if len(data) >= 20 * 1024:
            raise SystemExit("%s is %d bytes (limit 20 KiB)" % (fname, len(data)))
        with open(os.path.join(outdir, fname), "wb") as f:
            f.write(data)
        total += len(data)
        ops = [OP_NAME[m.opcodes[o.opcodeIndex].builtinCode] for o in m.operators]
        # effective parameters: the generator's defaults overridden by the case's own
        p = {k: v.default for k, v in inspect.signature(fn).parameters.items()
             if k != "rng" and v.default is not inspect.Parameter.empty and v.default is not None}
        p.update({k: v for k, v in params.items() if v is not None})
        p.update(extra)
        entries.append({
            "file": fname,
            "op": op,
            "ops": ops,
            "desc": desc,
            "params": _jsonable(p),
            "inputs": [m.io_info(i) for i in ins],
            "outputs": [m.io_info(o) for o in outs],
            "bytes": len(data),
        })
    # One model per line keeps diffs of the index readable.
    with open(index_path, "w") as f:
        f.write('{"generator": %s,\n' % json.dumps(generator))
        f.write(' "flatbuffers": %s, "numpy": %s,\n' % (json.dumps(flatbuffers.__version__),
                                                       json.dumps(np.__version__)))
        f.write(' "count": %d, "total_bytes": %d,\n "models": [\n' % (len(entries), total))
        f.write(",\n".join("  " + json.dumps(e) for e in entries))
        f.write("\n ]}\n")
    counts = {}
    for e in entries:
        counts[e["op"]] = counts.get(e["op"], 0) + 1
    for k in sorted(counts):
        print("%-26s %d" % (k, counts[k]))
    print("%d models, %d bytes -> %s" % (len(entries), total, outdir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
