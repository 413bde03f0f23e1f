"""Op fixtures of issue #12 that compute on int8 values: LOG_SOFTMAX (int8, and float32 after
DEQUANTIZE as in te_mnist_lenet), MAXIMUM, MINIMUM, ARG_MAX, ARG_MIN, REDUCE_MAX, SUM, PRELU, ELU,
ABS, SQUARED_DIFFERENCE, RSQRT, L2_NORMALIZATION, RESIZE_BILINEAR.

Quantization follows TFLM's Prepare checks (see docs/OPERATOR_SEMANTICS.md): LOG_SOFTMAX output
16/256 with zero point 127; REDUCE_MAX keeps the input quantization; L2_NORMALIZATION output
1/128 with zero point 0; RSQRT inputs use zero point -128 so every input is in its domain.
"""

import math

import numpy as np

from tflite_builder import (OP, TT, ModelBuilder, _bcast_shape, f32, fb, log_uniform, opts,
                            rand_q, real_range)

LOG_SOFTMAX_Q = (f32(16.0 / 256.0), 127)


def g_log_softmax(rng, shape=(1, 10), in_q=None):
    in_q = in_q or rand_q(rng, 0.02, 0.2)
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    y = m.act("output", shape, LOG_SOFTMAX_Q)
    m.op(OP.LOG_SOFTMAX, [x], [y], opts(fb.LogSoftmaxOptionsT))
    return m, [x], [y], {}


def g_log_softmax_float(rng, shape=(1, 10), in_q=None):
    """int8 -> DEQUANTIZE -> float32 LOG_SOFTMAX, the tail of te_mnist_lenet."""
    in_q = in_q or rand_q(rng, 0.05, 0.3)
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    d = m.act("dequantized", shape, None, dtype=TT.FLOAT32)
    m.op(OP.DEQUANTIZE, [x], [d], opts(fb.DequantizeOptionsT))
    y = m.act("output", shape, None, dtype=TT.FLOAT32)
    m.op(OP.LOG_SOFTMAX, [d], [y], opts(fb.LogSoftmaxOptionsT))
    return m, [x], [y], {}


def g_max_min(rng, op, shape1, shape2, const2=False, q=None):
    """MAXIMUM / MINIMUM compare stored values; both inputs share the output quantization."""
    q = q or rand_q(rng)
    m = ModelBuilder()
    a = m.act("input1", shape1, q)
    if const2:
        b = m.const("input2", rng.integers(-128, 128, size=shape2), TT.INT8, q)
    else:
        b = m.act("input2", shape2, q)
    y = m.act("output", _bcast_shape(shape1, shape2), q)
    m.op(getattr(OP, op), [a, b], [y], opts(fb.MaximumMinimumOptionsT))
    return m, ([a] if const2 else [a, b]), [y], {}


def g_arg(rng, op, shape, axis, q=None):
    q = q or rand_q(rng)
    ax = axis % len(shape)
    m = ModelBuilder()
    x = m.act("input", shape, q)
    a = m.const("axis", np.array([axis]), TT.INT32)
    y = m.act("output", [d for i, d in enumerate(shape) if i != ax], None, dtype=TT.INT32)
    cls = fb.ArgMaxOptionsT if op == "ARG_MAX" else fb.ArgMinOptionsT
    m.op(getattr(OP, op), [x, a], [y], opts(cls, outputType=TT.INT32))
    return m, [x], [y], {}


def _reduced_shape(shape, axes, keep):
    ax = sorted({a % len(shape) for a in axes})
    if keep:
        return [1 if i in ax else d for i, d in enumerate(shape)], ax
    return [d for i, d in enumerate(shape) if i not in ax], ax


def g_reduce(rng, op, shape, axes, keep=True, in_q=None, out_q=None):
    in_q = in_q or rand_q(rng, zp=int(rng.integers(-40, 41)))
    out_shape, ax = _reduced_shape(shape, axes, keep)
    if op == "REDUCE_MAX":
        out_q = in_q
    elif out_q is None:
        n = int(np.prod([shape[a] for a in ax]))
        out_s = f32(in_q[0] * 74.0 * math.sqrt(n) / 40.0 * log_uniform(rng, 0.8, 1.25))
        out_zp = int(np.clip(round(-in_q[0] * in_q[1] * n / out_s), -128, 127))
        out_q = (out_s, out_zp)
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    a = m.const("axis", np.array(axes), TT.INT32)
    y = m.act("output", out_shape, out_q)
    m.op(getattr(OP, op), [x, a], [y], opts(fb.ReducerOptionsT, keepDims=keep))
    return m, [x], [y], {}


def g_prelu(rng, shape, alpha_shape, in_q=None, alpha_q=None, out_q=None, alpha_input=False):
    in_q = in_q or rand_q(rng)
    alpha_q = alpha_q or (f32(log_uniform(rng, 0.002, 0.01)), int(rng.integers(-30, 31)))
    if out_q is None:
        lo, hi = real_range(in_q)
        out_s = f32((max(hi, 0.0) - min(lo * 0.5, 0.0)) / 255.0)
        out_q = (out_s, int(np.clip(round(-128 - min(lo * 0.5, 0.0) / out_s), -128, 127)))
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    ins = [x]
    if alpha_input:
        al = m.act("alpha", alpha_shape, alpha_q)
        ins.append(al)
    else:
        al = m.const("alpha", rng.integers(-128, 128, size=alpha_shape), TT.INT8, alpha_q)
    y = m.act("output", _bcast_shape(shape, alpha_shape), out_q)
    m.op(OP.PRELU, [x, al], [y])
    return m, ins, [y], {}


def g_unary_q(rng, op, shape=(1, 5, 5, 3), in_q=None, out_q=None):
    """ELU, ABS, RSQRT: one input, one output with their own quantizations."""
    in_q = in_q or rand_q(rng)
    out_q = out_q or in_q
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    y = m.act("output", shape, out_q)
    m.op(getattr(OP, op), [x], [y])
    return m, [x], [y], {}


def elu_out_q(in_q):
    lo, hi = real_range(in_q)
    lo = max(lo, -1.0)
    s = f32((hi - lo) / 255.0)
    return (s, int(np.clip(round(-128 - lo / s), -128, 127)))


def g_squared_difference(rng, shape1, shape2, q1=None, q2=None, out_q=None, const2=False):
    q1 = q1 or rand_q(rng)
    q2 = q2 or rand_q(rng)
    if out_q is None:
        l1, h1 = real_range(q1)
        l2, h2 = real_range(q2)
        span = max(abs(h1 - l2), abs(l1 - h2))
        out_q = (f32(span * span * log_uniform(rng, 0.15, 0.5) / 255.0), -128)
    m = ModelBuilder()
    a = m.act("input1", shape1, q1)
    if const2:
        b = m.const("input2", rng.integers(-128, 128, size=shape2), TT.INT8, q2)
    else:
        b = m.act("input2", shape2, q2)
    y = m.act("output", _bcast_shape(shape1, shape2), out_q)
    m.op(OP.SQUARED_DIFFERENCE, [a, b], [y], opts(fb.SquaredDifferenceOptionsT))
    return m, ([a] if const2 else [a, b]), [y], {}


def g_l2_norm(rng, shape, in_q=None, out_q=None):
    """out_q: TFLM ignores the output quantization (it writes Q0.7); the converter writes 1/128, 0."""
    in_q = in_q or rand_q(rng)
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    y = m.act("output", shape, out_q or (f32(1.0 / 128.0), 0))
    m.op(OP.L2_NORMALIZATION, [x], [y], opts(fb.L2NormOptionsT))
    return m, [x], [y], {}


def g_resize_bilinear(rng, h=4, w=4, c=3, oh=8, ow=8, align=False, half=False, batch=1, q=None):
    q = q or rand_q(rng)
    m = ModelBuilder()
    x = m.act("input", [batch, h, w, c], q)
    s = m.const("size", np.array([oh, ow], dtype=np.int32), TT.INT32)
    y = m.act("output", [batch, oh, ow, c], q)
    m.op(OP.RESIZE_BILINEAR, [x, s], [y],
         opts(fb.ResizeBilinearOptionsT, alignCorners=align, halfPixelCenters=half))
    return m, [x], [y], {}


def _define_reductions(R):
    R.add("LOG_SOFTMAX", "1x10", g_log_softmax)
    R.add("LOG_SOFTMAX", "batch3x7", g_log_softmax, shape=(3, 7))
    R.add("LOG_SOFTMAX", "4d_1x2x2x5", g_log_softmax, shape=(1, 2, 2, 5))
    R.add("LOG_SOFTMAX", "in_scale_tiny", g_log_softmax, shape=(1, 12), in_q=(f32(0.004), 20))
    R.add("LOG_SOFTMAX", "in_scale_big", g_log_softmax, shape=(1, 6), in_q=(f32(1.5), -100))
    R.add("LOG_SOFTMAX", "1x64", g_log_softmax, shape=(1, 64), in_q=(f32(0.08), 0))
    R.add("LOG_SOFTMAX", "float_after_dequantize", g_log_softmax_float)
    R.add("LOG_SOFTMAX", "float_after_dequantize_2x16", g_log_softmax_float, shape=(2, 16),
          in_q=(f32(0.5), -3))
    for op in ("ARG_MAX", "ARG_MIN"):
        R.add(op, "axis_neg1_1x10", g_arg, op=op, shape=[1, 10], axis=-1)
        R.add(op, "axis3_4d", g_arg, op=op, shape=[1, 3, 4, 6], axis=3)
        R.add(op, "axis1_4d", g_arg, op=op, shape=[2, 5, 3, 2], axis=1)
        R.add(op, "axis0_rank2", g_arg, op=op, shape=[7, 3], axis=0)
        R.add(op, "axis_neg1_1x300_ties", g_arg, op=op, shape=[1, 300], axis=-1)
    R.add("REDUCE_MAX", "axes12_keep", g_reduce, op="REDUCE_MAX", shape=[1, 5, 6, 3], axes=[1, 2])
    R.add("REDUCE_MAX", "axis3_nokeep", g_reduce, op="REDUCE_MAX", shape=[1, 3, 4, 7], axes=[3],
          keep=False)
    R.add("REDUCE_MAX", "axis_neg1_rank2", g_reduce, op="REDUCE_MAX", shape=[4, 9], axes=[-1],
          keep=False)
    R.add("REDUCE_MAX", "all_axes_dup", g_reduce, op="REDUCE_MAX", shape=[2, 3, 4], axes=[0, 1, 2, 1])
    R.add("SUM", "axes12_keep", g_reduce, op="SUM", shape=[1, 4, 5, 3], axes=[1, 2])
    R.add("SUM", "axis_neg1_nokeep", g_reduce, op="SUM", shape=[2, 3, 8], axes=[-1], keep=False)
    R.add("SUM", "axis0_rank2", g_reduce, op="SUM", shape=[6, 5], axes=[0], keep=False)
    R.add("SUM", "axes_13_big", g_reduce, op="SUM", shape=[1, 10, 3, 10], axes=[1, 3])
    R.add("SUM", "same_q", g_reduce, op="SUM", shape=[1, 2, 2, 4], axes=[1, 2],
          in_q=(f32(0.02), -5), out_q=(f32(0.02), -5))


def _define_elementwise(R):
    for op in ("MAXIMUM", "MINIMUM"):
        R.add(op, "same_shape", g_max_min, op=op, shape1=[1, 4, 4, 3], shape2=[1, 4, 4, 3])
        R.add(op, "bcast_channels", g_max_min, op=op, shape1=[1, 3, 5, 4], shape2=[1, 1, 1, 4])
        R.add(op, "const_scalar", g_max_min, op=op, shape1=[2, 6], shape2=[1], const2=True)
        R.add(op, "bcast_rank5", g_max_min, op=op, shape1=[2, 1, 3, 1, 2], shape2=[1, 2, 1, 4, 1])
    R.add("PRELU", "alpha_channels", g_prelu, shape=[1, 4, 4, 5], alpha_shape=[1, 1, 5])
    R.add("PRELU", "alpha_full_hwc", g_prelu, shape=[1, 3, 3, 2], alpha_shape=[3, 3, 2])
    R.add("PRELU", "alpha_scalar_rank2", g_prelu, shape=[3, 7], alpha_shape=[1])
    R.add("PRELU", "alpha_input", g_prelu, shape=[1, 2, 5, 3], alpha_shape=[1, 1, 3],
          alpha_input=True)
    R.add("PRELU", "same_q_in_out", g_prelu, shape=[1, 4, 4, 2], alpha_shape=[2],
          in_q=(f32(0.05), -10), out_q=(f32(0.05), -10))
    R.add("ELU", "typical", g_unary_q, op="ELU", in_q=(f32(0.05), 20), out_q=elu_out_q((0.05, 20)))
    R.add("ELU", "same_q", g_unary_q, op="ELU", in_q=(f32(0.03), -30), out_q=(f32(0.03), -30))
    R.add("ELU", "wide_rank2", g_unary_q, op="ELU", shape=(4, 9), in_q=(f32(0.2), 0),
          out_q=elu_out_q((0.2, 0)))
    R.add("ABS", "same_q", g_unary_q, op="ABS", in_q=(f32(0.04), 10), out_q=(f32(0.04), 10))
    R.add("ABS", "requant", g_unary_q, op="ABS", in_q=(f32(0.05), -20), out_q=(f32(0.03), -128))
    R.add("ABS", "requant_up_rank2", g_unary_q, op="ABS", shape=(3, 8), in_q=(f32(0.01), 3),
          out_q=(f32(0.02), -128))
    R.add("RSQRT", "s0p05", g_unary_q, op="RSQRT", in_q=(f32(0.05), -128),
          out_q=(f32(4.5 / 255.0), -128))
    R.add("RSQRT", "s1_zp_m128", g_unary_q, op="RSQRT", in_q=(f32(1.0), -128),
          out_q=(f32(1.0 / 255.0), -128))
    R.add("RSQRT", "s0p002_rank2", g_unary_q, op="RSQRT", shape=(2, 16), in_q=(f32(0.002), -128),
          out_q=(f32(22.0 / 255.0), -128))
    R.add("RSQRT", "rank4_out_zp0", g_unary_q, op="RSQRT", shape=(1, 2, 3, 4), in_q=(f32(0.1), -128),
          out_q=(f32(3.2 / 128.0), 0))
    R.add("RSQRT", "rank1_saturating", g_unary_q, op="RSQRT", shape=(40,), in_q=(f32(0.01), -128),
          out_q=(f32(0.02), -100))
    R.add("RSQRT", "rank5_large_scale", g_unary_q, op="RSQRT", shape=(1, 2, 2, 3, 2), in_q=(f32(7.5), -128),
          out_q=(f32(0.4 / 255.0), -128))
    R.add("SQUARED_DIFFERENCE", "same_shape", g_squared_difference, shape1=[1, 4, 4, 3],
          shape2=[1, 4, 4, 3])
    R.add("SQUARED_DIFFERENCE", "bcast", g_squared_difference, shape1=[1, 3, 4, 5],
          shape2=[1, 1, 1, 5])
    R.add("SQUARED_DIFFERENCE", "const_rank2", g_squared_difference, shape1=[3, 6], shape2=[3, 6],
          const2=True)
    R.add("SQUARED_DIFFERENCE", "same_q_inputs", g_squared_difference, shape1=[2, 10],
          shape2=[2, 10], q1=(f32(0.03), 5), q2=(f32(0.03), 5))


def _define_spatial(R):
    R.add("L2_NORMALIZATION", "1x10", g_l2_norm, shape=[1, 10])
    R.add("L2_NORMALIZATION", "rank3", g_l2_norm, shape=[2, 3, 8])
    R.add("L2_NORMALIZATION", "4d_c16", g_l2_norm, shape=[1, 3, 3, 16], in_q=(f32(0.02), -40))
    R.add("L2_NORMALIZATION", "depth1", g_l2_norm, shape=[1, 6, 1])
    R.add("L2_NORMALIZATION", "rank1_zp_m128", g_l2_norm, shape=[24], in_q=(f32(0.1), -128))
    R.add("L2_NORMALIZATION", "4d_c64_zp127", g_l2_norm, shape=[1, 2, 2, 64], in_q=(f32(0.05), 127))
    R.add("L2_NORMALIZATION", "rank2_wide_depth300", g_l2_norm, shape=[2, 300], in_q=(f32(0.01), 3))
    R.add("L2_NORMALIZATION", "odd_out_q", g_l2_norm, shape=[3, 5], in_q=(f32(0.2), -7),
          out_q=(f32(0.02), 10))
    R.add("RESIZE_BILINEAR", "x2_default", g_resize_bilinear)
    R.add("RESIZE_BILINEAR", "x2_align_corners", g_resize_bilinear, align=True)
    R.add("RESIZE_BILINEAR", "x2_half_pixel", g_resize_bilinear, half=True)
    R.add("RESIZE_BILINEAR", "3to5_half_pixel", g_resize_bilinear, h=3, w=3, oh=5, ow=5, half=True)
    R.add("RESIZE_BILINEAR", "down_7to3_align", g_resize_bilinear, h=7, w=7, oh=3, ow=3, align=True)
    R.add("RESIZE_BILINEAR", "down_6to4_default", g_resize_bilinear, h=6, w=6, oh=4, ow=4, c=2)
    R.add("RESIZE_BILINEAR", "nonsquare_3x5_to_7x4_half", g_resize_bilinear, h=3, w=5, oh=7, ow=4,
          half=True, c=2)
    R.add("RESIZE_BILINEAR", "to_1x1_align", g_resize_bilinear, h=4, w=3, oh=1, ow=1, align=True)
    R.add("RESIZE_BILINEAR", "batch2_2to9", g_resize_bilinear, h=2, w=2, oh=9, ow=9, batch=2, c=1)


def define(R):
    """Registers the int8 math fixtures."""
    _define_reductions(R)
    _define_elementwise(R)
    _define_spatial(R)
