"""Op fixtures of issue #12 with weights: TRANSPOSE_CONV (int8; int16x8 is in op_cases_int16.py),
BATCH_MATMUL, and int4-packed weights for CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED.

Quantization as the other weight fixtures (make_op_models.py): int8 activations per tensor,
symmetric weights per channel (TRANSPOSE_CONV: axis 0) or per tensor, int32 biases with scale
in_scale * w_scale. int4 weights hold values in [-7, 7] (scale chosen for that range);
FULLY_CONNECTED with int4 weights is per-tensor only (TFLM rejects per-channel).
"""

import math

import numpy as np

from tflite_builder import (ACC_STD, ACT, OP, PAD, TT, ModelBuilder, bias_for, conv_out, f32, fb,
                            log_uniform, opts, out_q_for, rand_q, weights)


def transpose_conv_out(size, k, stride, padding):
    """Output size a converter gives a transpose conv (the conv it inverts maps it back to size)."""
    if padding == "SAME":
        return size * stride
    return (size - 1) * stride + k


def g_transpose_conv(rng, h=4, w=4, ic=3, oc=4, k=3, stride=2, padding="SAME", act="NONE",
                     per_channel=True, bias=True, batch=1, in_q=None, sigma=2.0, out_hw=None):
    in_q = in_q or rand_q(rng)
    oh, ow = out_hw or (transpose_conv_out(h, k, stride, padding),
                        transpose_conv_out(w, k, stride, padding))
    assert conv_out(oh, k, stride, 1, padding) == h and conv_out(ow, k, stride, 1, padding) == w
    # each output pixel sums about (k / stride)^2 * ic taps
    taps = max(1.0, (k / stride) ** 2 * ic)
    w_base = sigma / (in_q[0] * ACC_STD * math.sqrt(taps))
    nq = oc if per_channel else 1
    w_scales = [f32(w_base * log_uniform(rng, 0.25, 4.0)) for _ in range(nq)]
    out_q = out_q_for(act, sigma, rng)
    m = ModelBuilder()
    shape = m.const("output_shape", np.array([batch, oh, ow, oc], dtype=np.int32), TT.INT32)
    wt = m.const("weights", weights(rng, (oc, k, k, ic)), TT.INT8, (w_scales, [0] * nq), qdim=0)
    x = m.act("input", [batch, h, w, ic], in_q)
    ins = [shape, wt, x]
    if bias:
        bvals, bscales = bias_for(rng, in_q[0], w_scales, sigma, oc)
        ins.append(m.const("bias", bvals, TT.INT32, (bscales, [0] * len(bscales)), qdim=0))
    y = m.act("output", [batch, oh, ow, oc], out_q)
    m.op(OP.TRANSPOSE_CONV, ins, [y],
         opts(fb.TransposeConvOptionsT, padding=PAD[padding], strideH=stride, strideW=stride,
              fusedActivationFunction=ACT[act]))
    return m, [x], [y], {"w_scales": w_scales}


def _matmul_shape(lhs, rhs, adj_x, adj_y):
    rank = max(len(lhs), len(rhs))
    l = [1] * (rank - len(lhs)) + list(lhs)
    r = [1] * (rank - len(rhs)) + list(rhs)
    batch = [max(a, b) for a, b in zip(l[:-2], r[:-2])]
    rows = l[-1] if adj_x else l[-2]
    cols = r[-2] if adj_y else r[-1]
    depth_l = l[-2] if adj_x else l[-1]
    depth_r = r[-1] if adj_y else r[-2]
    assert depth_l == depth_r, (lhs, rhs)
    return batch + [rows, cols], depth_l


def g_batch_matmul(rng, lhs, rhs, adj_x=False, adj_y=False, const_rhs=False, lhs_q=None,
                   rhs_q=None, const_lhs=False, asym=False):
    """asym: sets asymmetric_quantize_inputs, which only hybrid (float lhs) models use; TFLM's
    int8 kernel never reads it."""
    lhs_q = lhs_q or rand_q(rng)
    rhs_q = rhs_q or rand_q(rng)
    out_shape, depth = _matmul_shape(lhs, rhs, adj_x, adj_y)
    sigma_real = lhs_q[0] * rhs_q[0] * ACC_STD * math.sqrt(depth)
    out_q = (f32(6.0 * sigma_real / 255.0 * log_uniform(rng, 0.7, 1.4)),
             int(rng.integers(-20, 21)))
    m = ModelBuilder()
    if const_lhs:
        a = m.const("lhs", rng.integers(-128, 128, size=lhs), TT.INT8, lhs_q)
    else:
        a = m.act("lhs", lhs, lhs_q)
    if const_rhs:
        b = m.const("rhs", rng.integers(-128, 128, size=rhs), TT.INT8, rhs_q)
    else:
        b = m.act("rhs", rhs, rhs_q)
    y = m.act("output", out_shape, out_q)
    o = opts(fb.BatchMatMulOptionsT, adjX=adj_x, adjY=adj_y)
    if asym:
        o.asymmetricQuantizeInputs = True
    m.op(OP.BATCH_MATMUL, [a, b], [y], o)
    return m, [t for t, c in ((a, const_lhs), (b, const_rhs)) if not c], [y], {}


def _int4_scales(rng, in_q, taps, n, sigma=2.0):
    # int4 weights are uniform over [-7, 7]: std about 4.3 instead of 73
    base = sigma / (in_q[0] * 74.0 * 4.3 * math.sqrt(taps))
    return [f32(base * log_uniform(rng, 0.5, 2.0)) for _ in range(n)]


def g_int4(rng, op, shape, oc=4, k=3, stride=1, padding="SAME", per_channel=True, act="NONE",
           in_q=None):
    """CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED with INT4 weights."""
    in_q = in_q or rand_q(rng)
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    if op == "FULLY_CONNECTED":
        ic = shape[-1]
        w_scales = _int4_scales(rng, in_q, ic, 1)
        wt = m.const_int4("weights", rng.integers(-7, 8, size=(oc, ic)), (w_scales, [0]))
        bvals, bscales = bias_for(rng, in_q[0], w_scales, 2.0, oc)
        bt = m.const("bias", bvals, TT.INT32, (bscales, [0]))
        y = m.act("output", [int(np.prod(shape)) // ic, oc], out_q_for(act, 2.0, rng))
        m.op(OP.FULLY_CONNECTED, [x, wt, bt], [y],
             opts(fb.FullyConnectedOptionsT, fusedActivationFunction=ACT[act]))
        return m, [x], [y], {"w_scales": w_scales}
    n, h, w, ic = shape
    depthwise = op == "DEPTHWISE_CONV_2D"
    oc = ic if depthwise else oc
    nq = oc if per_channel else 1
    w_scales = _int4_scales(rng, in_q, k * k * (1 if depthwise else ic), nq)
    wshape = (1, k, k, oc) if depthwise else (oc, k, k, ic)
    wt = m.const_int4("weights", rng.integers(-7, 8, size=wshape), (w_scales, [0] * nq),
                      qdim=3 if depthwise else 0)
    bvals, bscales = bias_for(rng, in_q[0], w_scales, 2.0, oc)
    bt = m.const("bias", bvals, TT.INT32, (bscales, [0] * nq))
    oh, ow = conv_out(h, k, stride, 1, padding), conv_out(w, k, stride, 1, padding)
    y = m.act("output", [n, oh, ow, oc], out_q_for(act, 2.0, rng))
    if depthwise:
        m.op(OP.DEPTHWISE_CONV_2D, [x, wt, bt], [y],
             opts(fb.DepthwiseConv2DOptionsT, padding=PAD[padding], strideH=stride,
                  strideW=stride, depthMultiplier=1, dilationHFactor=1, dilationWFactor=1,
                  fusedActivationFunction=ACT[act]))
    else:
        m.op(OP.CONV_2D, [x, wt, bt], [y],
             opts(fb.Conv2DOptionsT, padding=PAD[padding], strideH=stride, strideW=stride,
                  dilationHFactor=1, dilationWFactor=1, fusedActivationFunction=ACT[act]))
    return m, [x], [y], {"w_scales": w_scales}


def define(R):
    """Registers TRANSPOSE_CONV, BATCH_MATMUL and int4 fixtures."""
    R.add("TRANSPOSE_CONV", "k3_s2_same", g_transpose_conv)
    R.add("TRANSPOSE_CONV", "k3_s2_same_no_bias", g_transpose_conv, bias=False)
    R.add("TRANSPOSE_CONV", "k2_s2_valid", g_transpose_conv, k=2, padding="VALID", h=3, w=5)
    R.add("TRANSPOSE_CONV", "k3_s1_same_relu", g_transpose_conv, stride=1, act="RELU", ic=5, oc=3)
    R.add("TRANSPOSE_CONV", "k4_s2_same_relu6", g_transpose_conv, k=4, act="RELU6", h=3, w=3)
    R.add("TRANSPOSE_CONV", "k5_s3_valid_per_tensor", g_transpose_conv, k=5, stride=3,
          padding="VALID", per_channel=False, h=2, w=3, ic=2, oc=2)
    R.add("TRANSPOSE_CONV", "k3_s2_valid_batch2_no_bias", g_transpose_conv, padding="VALID",
          batch=2, bias=False, ic=4, oc=5)
    R.add("TRANSPOSE_CONV", "k1_s1_valid", g_transpose_conv, k=1, stride=1, padding="VALID",
          ic=6, oc=6)
    R.add("TRANSPOSE_CONV", "k3_s2_same_odd_out", g_transpose_conv, h=3, w=4, out_hw=(5, 7))

    R.add("BATCH_MATMUL", "rank2", g_batch_matmul, lhs=[3, 5], rhs=[5, 4])
    R.add("BATCH_MATMUL", "rank3_batch2", g_batch_matmul, lhs=[2, 3, 6], rhs=[2, 6, 4])
    R.add("BATCH_MATMUL", "bcast_rhs_rank2", g_batch_matmul, lhs=[2, 4, 3], rhs=[3, 5])
    R.add("BATCH_MATMUL", "rhs_batch1", g_batch_matmul, lhs=[3, 2, 4], rhs=[1, 4, 3])
    R.add("BATCH_MATMUL", "adj_x", g_batch_matmul, lhs=[2, 5, 3], rhs=[2, 5, 4], adj_x=True)
    R.add("BATCH_MATMUL", "adj_y", g_batch_matmul, lhs=[2, 3, 5], rhs=[2, 4, 5], adj_y=True)
    R.add("BATCH_MATMUL", "adj_xy_const_rhs", g_batch_matmul, lhs=[4, 3], rhs=[2, 4],
          adj_x=True, adj_y=True, const_rhs=True)
    R.add("BATCH_MATMUL", "rank4_bcast", g_batch_matmul, lhs=[2, 1, 3, 4], rhs=[1, 3, 4, 2])
    R.add("BATCH_MATMUL", "const_rhs_rank3", g_batch_matmul, lhs=[1, 6, 8], rhs=[1, 8, 5],
          const_rhs=True)
    R.add("BATCH_MATMUL", "rank5_bcast_both", g_batch_matmul, lhs=[2, 1, 3, 2, 4],
          rhs=[1, 2, 1, 4, 3])
    R.add("BATCH_MATMUL", "lhs_rank2_rhs_rank4", g_batch_matmul, lhs=[3, 5], rhs=[2, 2, 5, 4])
    R.add("BATCH_MATMUL", "lhs_batch1_bcast", g_batch_matmul, lhs=[1, 4, 6], rhs=[3, 6, 2])
    R.add("BATCH_MATMUL", "zp_extremes_adj_x", g_batch_matmul, lhs=[2, 4, 3], rhs=[2, 4, 5],
          adj_x=True, lhs_q=(f32(0.05), -128), rhs_q=(f32(0.02), 127))
    R.add("BATCH_MATMUL", "const_rhs_adj_y_rank4_lhs", g_batch_matmul, lhs=[2, 3, 2, 16],
          rhs=[7, 16], adj_y=True, const_rhs=True)
    R.add("BATCH_MATMUL", "const_rhs_depth64_rhs_zp", g_batch_matmul, lhs=[5, 64], rhs=[64, 9],
          const_rhs=True, rhs_q=(f32(0.01), -37))
    R.add("BATCH_MATMUL", "const_rhs_batched_adj_x", g_batch_matmul, lhs=[2, 6, 3],
          rhs=[2, 6, 4], adj_x=True, const_rhs=True)
    R.add("BATCH_MATMUL", "const_lhs_adj_xy", g_batch_matmul, lhs=[5, 3], rhs=[2, 4, 5],
          adj_x=True, adj_y=True, const_lhs=True)
    R.add("BATCH_MATMUL", "asym_flag_ignored", g_batch_matmul, lhs=[2, 3, 4], rhs=[2, 4, 3],
          asym=True)
    R.add("BATCH_MATMUL", "const_rhs_symmetric_gemm", g_batch_matmul, lhs=[1, 6, 32],
          rhs=[32, 12], const_rhs=True, rhs_q=(f32(0.004), 0))

    R.add("CONV_2D", "int4_k3_per_channel", g_int4, op="CONV_2D", shape=[1, 6, 6, 3], oc=5)
    R.add("CONV_2D", "int4_k3_s2_valid_per_tensor", g_int4, op="CONV_2D", shape=[1, 7, 7, 2],
          oc=3, stride=2, padding="VALID", per_channel=False)
    R.add("CONV_2D", "int4_k1_odd_count_relu", g_int4, op="CONV_2D", shape=[1, 4, 4, 3], oc=3,
          k=1, act="RELU")
    R.add("DEPTHWISE_CONV_2D", "int4_k3", g_int4, op="DEPTHWISE_CONV_2D", shape=[1, 6, 6, 4])
    R.add("DEPTHWISE_CONV_2D", "int4_k3_odd_channels", g_int4, op="DEPTHWISE_CONV_2D",
          shape=[1, 5, 5, 3])
    R.add("FULLY_CONNECTED", "int4_16to8", g_int4, op="FULLY_CONNECTED", shape=[1, 16], oc=8)
    R.add("FULLY_CONNECTED", "int4_odd_15to3", g_int4, op="FULLY_CONNECTED", shape=[2, 15], oc=3)
