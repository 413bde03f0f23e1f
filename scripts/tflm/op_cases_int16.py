"""int16x8 op fixtures of issue #12: int16 activations (zero point 0, as TFLM requires), int8
weights, int64 (or int32) biases, for CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, TRANSPOSE_CONV,
ADD, SUB, MUL, AVERAGE/MAX_POOL_2D, SOFTMAX, LOGISTIC, TANH, QUANTIZE, DEQUANTIZE, RESHAPE,
CONCATENATION, PAD.

Scales are chosen for inputs uniform over the whole int16 range (what check_models.py and the
differential tests feed). Fixed output quantizations: SOFTMAX 1/32768 (int8 in: 1/65536, zero
point -32768), LOGISTIC and TANH 2^-15.
"""

import math

import numpy as np

from tflite_builder import (ACT, OP, PAD, TT, ModelBuilder, _bcast_shape, conv_out, f32, fb,
                            log_uniform, opts, rand_q, weights)
from op_cases_conv import transpose_conv_out

I16_STD = 18918.0 * 73.0   # std of x * w for x uniform over int16, w uniform over int8


def q16(rng, lo=1e-5, hi=1e-3):
    return (log_uniform(rng, lo, hi), 0)


def _out16(sigma, act):
    if act == "RELU6":
        return (f32(6.0 / 32767.0), 0)
    return (f32(4.0 * sigma / 32767.0), 0)


def _bias16(m, rng, in_s, w_scales, sigma, n, bias_type):
    bscale = [f32(np.float32(in_s) * np.float32(ws)) for ws in w_scales]
    vals = np.round(rng.normal(0.0, sigma * 0.5, size=n) / np.resize(bscale, n)).astype(np.int64)
    dt = TT.INT64 if bias_type == "int64" else TT.INT32
    return m.const("bias", vals, dt, (bscale, [0] * len(bscale)), qdim=0)


def g_conv16(rng, shape=(1, 6, 6, 3), oc=4, k=3, stride=1, padding="SAME", act="NONE",
             bias_type="int64", no_bias_type=None, per_channel=True, depthwise=False, sigma=2.0):
    in_q = q16(rng)
    n, h, w, ic = shape
    oc = ic if depthwise else oc
    taps = k * k * (1 if depthwise else ic)
    base = sigma / (in_q[0] * I16_STD * math.sqrt(taps))
    nq = oc if per_channel else 1
    w_scales = [f32(base * log_uniform(rng, 0.5, 2.0)) for _ in range(nq)]
    m = ModelBuilder()
    x = m.act("input", list(shape), in_q, dtype=TT.INT16)
    wshape = (1, k, k, oc) if depthwise else (oc, k, k, ic)
    wt = m.const("weights", weights(rng, wshape), TT.INT8, (w_scales, [0] * nq),
                 qdim=3 if depthwise else 0)
    ins = [x, wt]
    if bias_type:
        ins.append(_bias16(m, rng, in_q[0], w_scales, sigma, oc, bias_type))
    elif not depthwise:
        ins.append(-1)
    oh, ow = conv_out(h, k, stride, 1, padding), conv_out(w, k, stride, 1, padding)
    y = m.act("output", [n, oh, ow, oc], _out16(sigma, act), dtype=TT.INT16)
    qbt = {"int32": TT.INT32, "int64": TT.INT64, None: TT.FLOAT32}[no_bias_type]
    if depthwise:
        m.op(OP.DEPTHWISE_CONV_2D, ins, [y],
             opts(fb.DepthwiseConv2DOptionsT, padding=PAD[padding], strideH=stride,
                  strideW=stride, depthMultiplier=1, dilationHFactor=1, dilationWFactor=1,
                  fusedActivationFunction=ACT[act]))
    else:
        m.op(OP.CONV_2D, ins, [y],
             opts(fb.Conv2DOptionsT, padding=PAD[padding], strideH=stride, strideW=stride,
                  dilationHFactor=1, dilationWFactor=1, fusedActivationFunction=ACT[act],
                  quantizedBiasType=qbt))
    return m, [x], [y], {"w_scales": w_scales}


def g_fc16(rng, in_shape=(1, 16), oc=6, bias_type="int64", per_channel=False, act="NONE",
           sigma=2.0):
    in_q = q16(rng)
    ic = in_shape[-1]
    base = sigma / (in_q[0] * I16_STD * math.sqrt(ic))
    nq = oc if per_channel else 1
    w_scales = [f32(base * log_uniform(rng, 0.5, 2.0)) for _ in range(nq)]
    m = ModelBuilder()
    x = m.act("input", list(in_shape), in_q, dtype=TT.INT16)
    wt = m.const("weights", weights(rng, (oc, ic)), TT.INT8, (w_scales, [0] * nq), qdim=0)
    ins = [x, wt, _bias16(m, rng, in_q[0], w_scales, sigma, oc, bias_type) if bias_type else -1]
    y = m.act("output", [int(np.prod(in_shape)) // ic, oc], _out16(sigma, act), dtype=TT.INT16)
    m.op(OP.FULLY_CONNECTED, ins, [y],
         opts(fb.FullyConnectedOptionsT, fusedActivationFunction=ACT[act]))
    return m, [x], [y], {"w_scales": w_scales}


def g_transpose_conv16(rng, h=3, w=3, ic=2, oc=3, k=3, stride=2, padding="SAME", bias=True,
                       sigma=2.0):
    in_q = q16(rng)
    oh, ow = transpose_conv_out(h, k, stride, padding), transpose_conv_out(w, k, stride, padding)
    taps = max(1.0, (k / stride) ** 2 * ic)
    base = sigma / (in_q[0] * I16_STD * math.sqrt(taps))
    w_scales = [f32(base * log_uniform(rng, 0.5, 2.0)) for _ in range(oc)]
    m = ModelBuilder()
    shape = m.const("output_shape", np.array([1, oh, ow, oc], dtype=np.int32), TT.INT32)
    wt = m.const("weights", weights(rng, (oc, k, k, ic)), TT.INT8, (w_scales, [0] * oc), qdim=0)
    x = m.act("input", [1, h, w, ic], in_q, dtype=TT.INT16)
    ins = [shape, wt, x]
    if bias:
        ins.append(_bias16(m, rng, in_q[0], w_scales, sigma, oc, "int64"))
    y = m.act("output", [1, oh, ow, oc], _out16(sigma, "NONE"), dtype=TT.INT16)
    m.op(OP.TRANSPOSE_CONV, ins, [y],
         opts(fb.TransposeConvOptionsT, padding=PAD[padding], strideH=stride, strideW=stride))
    return m, [x], [y], {"w_scales": w_scales}


def g_binary16(rng, op, shape1, shape2, s1=None, s2=None, s_out=None, act="NONE"):
    s1 = s1 or f32(log_uniform(rng, 1e-4, 1e-3))
    s2 = s2 or f32(log_uniform(rng, 1e-4, 1e-3))
    if s_out is None:
        r = (s1 * s2 * 32767.0) if op == "MUL" else (s1 + s2)
        s_out = f32(r * log_uniform(rng, 0.6, 1.0))
    m = ModelBuilder()
    a = m.act("input1", shape1, (s1, 0), dtype=TT.INT16)
    b = m.act("input2", shape2, (s2, 0), dtype=TT.INT16)
    y = m.act("output", _bcast_shape(shape1, shape2), (s_out, 0), dtype=TT.INT16)
    cls = {"ADD": fb.AddOptionsT, "SUB": fb.SubOptionsT, "MUL": fb.MulOptionsT}[op]
    m.op(getattr(OP, op), [a, b], [y], opts(cls, fusedActivationFunction=ACT[act]))
    return m, [a, b], [y], {}


def g_pool16(rng, op, shape=(1, 8, 8, 3), f=2, stride=2, padding="VALID", act="NONE"):
    q = q16(rng)
    n, h, w, c = shape
    oh, ow = conv_out(h, f, stride, 1, padding), conv_out(w, f, stride, 1, padding)
    m = ModelBuilder()
    x = m.act("input", list(shape), q, dtype=TT.INT16)
    y = m.act("output", [n, oh, ow, c], q, dtype=TT.INT16)
    code = OP.AVERAGE_POOL_2D if op == "AVG" else OP.MAX_POOL_2D
    m.op(code, [x], [y], opts(fb.Pool2DOptionsT, padding=PAD[padding], strideH=stride,
                               strideW=stride, filterHeight=f, filterWidth=f,
                               fusedActivationFunction=ACT[act]))
    return m, [x], [y], {}


def g_softmax16(rng, shape=(1, 10), beta=1.0, in_scale=None, int8_input=False):
    m = ModelBuilder()
    if int8_input:
        x = m.act("input", list(shape), rand_q(rng, 0.02, 0.1))
        out_q = (f32(1.0 / 65536.0), -32768)
    else:
        x = m.act("input", list(shape), (in_scale or f32(log_uniform(rng, 1e-4, 4e-4)), 0),
                  dtype=TT.INT16)
        out_q = (f32(1.0 / 32768.0), 0)
    y = m.act("output", list(shape), out_q, dtype=TT.INT16)
    m.op(OP.SOFTMAX, [x], [y], opts(fb.SoftmaxOptionsT, beta=beta))
    return m, [x], [y], {}


def g_sigmoid16(rng, op, shape=(1, 256), in_scale=1.0 / 4096.0):
    m = ModelBuilder()
    x = m.act("input", list(shape), (f32(in_scale), 0), dtype=TT.INT16)
    y = m.act("output", list(shape), (f32(1.0 / 32768.0), 0), dtype=TT.INT16)
    m.op(getattr(OP, op), [x], [y])
    return m, [x], [y], {}


def g_quantize16(rng, kind, shape=(1, 4, 4, 3)):
    """QUANTIZE float->int16, int8->int16, int16->int8, int16->int16; DEQUANTIZE int16->float."""
    m = ModelBuilder()
    extra = {}
    if kind == "f32_to_i16":
        out_q = (f32(log_uniform(rng, 1e-4, 1e-3)), 0)
        x = m.act("input", list(shape), None, dtype=TT.FLOAT32)
        y = m.act("output", list(shape), out_q, dtype=TT.INT16)
        extra["float_input_range"] = [f32(-33000 * out_q[0]), f32(33000 * out_q[0])]
    elif kind == "i8_to_i16":
        in_q = rand_q(rng)
        x = m.act("input", list(shape), in_q)
        y = m.act("output", list(shape), (f32(in_q[0] * 256.0 / 65536.0 * 1.3), 0), dtype=TT.INT16)
    elif kind == "i16_to_i8":
        in_q = q16(rng)
        x = m.act("input", list(shape), in_q, dtype=TT.INT16)
        y = m.act("output", list(shape), (f32(in_q[0] * 65536.0 / 256.0 * 0.8), 7))
    elif kind == "i16_to_i16":
        in_q = q16(rng)
        x = m.act("input", list(shape), in_q, dtype=TT.INT16)
        y = m.act("output", list(shape), (f32(in_q[0] * 1.7), 0), dtype=TT.INT16)
    else:
        x = m.act("input", list(shape), q16(rng), dtype=TT.INT16)
        y = m.act("output", list(shape), None, dtype=TT.FLOAT32)
        m.op(OP.DEQUANTIZE, [x], [y], opts(fb.DequantizeOptionsT))
        return m, [x], [y], extra
    m.op(OP.QUANTIZE, [x], [y], opts(fb.QuantizeOptionsT))
    return m, [x], [y], extra


def g_layout16(rng, op, shape, **kw):
    """RESHAPE, CONCATENATION (two inputs on the last axis), PAD / PADV2 of int16 tensors."""
    q = q16(rng)
    m = ModelBuilder()
    x = m.act("input", list(shape), q, dtype=TT.INT16)
    ins = [x]
    if op == "RESHAPE":
        new = kw["new_shape"]
        ins.append(m.const("shape", np.array(new, dtype=np.int32), TT.INT32))
        y = m.act("output", new, q, dtype=TT.INT16)
        m.op(OP.RESHAPE, ins, [y], opts(fb.ReshapeOptionsT, newShape=list(new)))
    elif op == "CONCATENATION":
        other = list(shape[:-1]) + [kw["extra_channels"]]
        x2 = m.act("input2", other, q, dtype=TT.INT16)
        ins.append(x2)
        y = m.act("output", list(shape[:-1]) + [shape[-1] + other[-1]], q, dtype=TT.INT16)
        m.op(OP.CONCATENATION, ins, [y], opts(fb.ConcatenationOptionsT, axis=-1))
    else:
        pads = kw["pads"]
        ins.append(m.const("paddings", np.array(pads, dtype=np.int32), TT.INT32))
        if op == "PADV2":
            ins.append(m.const("constant_values", np.array([kw["value"]]), TT.INT16, q))
        out = [d + p[0] + p[1] for d, p in zip(shape, pads)]
        y = m.act("output", out, q, dtype=TT.INT16)
        m.op(getattr(OP, op), ins, [y],
             opts(fb.PadV2OptionsT) if op == "PADV2" else opts(fb.PadOptionsT))
    return m, ins[:1] if op != "CONCATENATION" else ins, [y], {}


def _define_linear(R):
    R.add("CONV_2D", "i16_k3_int64_bias", g_conv16)
    R.add("CONV_2D", "i16_k3_s2_valid_int32_bias_relu", g_conv16, stride=2, padding="VALID",
          bias_type="int32", act="RELU", shape=(1, 7, 7, 2))
    R.add("CONV_2D", "i16_k1_no_bias_acc_int64", g_conv16, k=1, bias_type=None,
          no_bias_type="int64", oc=5)
    R.add("CONV_2D", "i16_k3_no_bias_acc_int32_per_tensor", g_conv16, bias_type=None,
          no_bias_type="int32", per_channel=False)
    R.add("CONV_2D", "i16_k3_relu6_batch2", g_conv16, act="RELU6", shape=(2, 5, 5, 2))
    R.add("DEPTHWISE_CONV_2D", "i16_k3_int64_bias", g_conv16, depthwise=True, shape=(1, 6, 6, 4))
    R.add("DEPTHWISE_CONV_2D", "i16_k3_s2_no_bias", g_conv16, depthwise=True, stride=2,
          bias_type=None, shape=(1, 7, 7, 3))
    R.add("FULLY_CONNECTED", "i16_int64_bias", g_fc16)
    R.add("FULLY_CONNECTED", "i16_int32_bias_per_channel_relu", g_fc16, bias_type="int32",
          per_channel=True, act="RELU")
    R.add("FULLY_CONNECTED", "i16_batch3_no_bias", g_fc16, in_shape=(3, 20), bias_type=None)
    R.add("TRANSPOSE_CONV", "i16_k3_s2_same", g_transpose_conv16)
    R.add("TRANSPOSE_CONV", "i16_k2_s2_valid_no_bias", g_transpose_conv16, k=2, padding="VALID",
          bias=False, h=4, w=3)


def _define_elementwise(R):
    R.add("ADD", "i16_same_shape", g_binary16, op="ADD", shape1=[1, 4, 4, 3], shape2=[1, 4, 4, 3])
    R.add("ADD", "i16_bcast_relu", g_binary16, op="ADD", shape1=[1, 3, 3, 4], shape2=[1, 1, 1, 4],
          act="RELU")
    R.add("SUB", "i16_same_shape", g_binary16, op="SUB", shape1=[2, 50], shape2=[2, 50],
          s1=f32(0.000123), s2=f32(0.000071))
    R.add("SUB", "i16_bcast", g_binary16, op="SUB", shape1=[1, 4, 5], shape2=[5])
    R.add("MUL", "i16_same_shape", g_binary16, op="MUL", shape1=[1, 4, 4, 3], shape2=[1, 4, 4, 3])
    R.add("MUL", "i16_bcast", g_binary16, op="MUL", shape1=[2, 3, 4], shape2=[1, 3, 1])
    for op, name in (("AVG", "AVERAGE_POOL_2D"), ("MAX", "MAX_POOL_2D")):
        R.add(name, "i16_f2_s2_valid", g_pool16, op=op)
        R.add(name, "i16_f3_s1_same_relu", g_pool16, op=op, f=3, stride=1, padding="SAME",
              act="RELU", shape=(1, 5, 5, 2))
    R.add("SOFTMAX", "i16_1x10", g_softmax16)
    R.add("SOFTMAX", "i16_batch4x33_beta0p5", g_softmax16, shape=(4, 33), beta=0.5)
    R.add("SOFTMAX", "i16_in_scale_big", g_softmax16, shape=(1, 8), in_scale=f32(0.002))
    R.add("SOFTMAX", "i8_in_i16_out", g_softmax16, int8_input=True, shape=(2, 12))
    R.add("LOGISTIC", "i16_pot_2m12", g_sigmoid16, op="LOGISTIC")
    R.add("LOGISTIC", "i16_non_pot", g_sigmoid16, op="LOGISTIC", in_scale=0.00031)
    R.add("LOGISTIC", "i16_pot_2m10_rank4", g_sigmoid16, op="LOGISTIC", in_scale=1.0 / 1024.0,
          shape=(1, 4, 4, 16))
    R.add("TANH", "i16_pot_2m12", g_sigmoid16, op="TANH")
    R.add("TANH", "i16_pot_2m11", g_sigmoid16, op="TANH", in_scale=1.0 / 2048.0)
    R.add("TANH", "i16_non_pot", g_sigmoid16, op="TANH", in_scale=0.00017)
    R.add("TANH", "i16_pot_2m14", g_sigmoid16, op="TANH", in_scale=1.0 / 16384.0, shape=(2, 100))


def _define_conversions(R):
    for kind in ("f32_to_i16", "i8_to_i16", "i16_to_i8", "i16_to_i16"):
        R.add("QUANTIZE", kind, g_quantize16, kind=kind)
    R.add("DEQUANTIZE", "i16", g_quantize16, kind="dequantize")
    R.add("RESHAPE", "i16_4d_to_2d", g_layout16, op="RESHAPE", shape=[1, 3, 3, 4],
          new_shape=[1, 36])
    R.add("CONCATENATION", "i16_last_axis", g_layout16, op="CONCATENATION", shape=[1, 3, 3, 2],
          extra_channels=3)
    R.add("PAD", "i16_hw", g_layout16, op="PAD", shape=[1, 3, 4, 2],
          pads=[[0, 0], [1, 1], [2, 0], [0, 0]])
    R.add("PADV2", "i16_hw_const", g_layout16, op="PADV2", shape=[1, 3, 3, 2],
          pads=[[0, 0], [1, 0], [0, 1], [0, 0]], value=1234)


def define(R):
    """Registers the int16x8 fixtures."""
    _define_linear(R)
    _define_elementwise(R)
    _define_conversions(R)
