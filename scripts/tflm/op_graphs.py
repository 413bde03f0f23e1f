"""The few-op graphs of make_op_models.py (CNN blocks, residuals, branches, float I/O)."""

import math

import numpy as np

from tflite_builder import (ACC_STD, ACT, OP, PAD, TT, ModelBuilder, _bcast_shape, bias_for, binary_out_q,
                            conv_out, f32, fb, log_uniform, opts, out_q_for, rand_q, real_range, weights)
from op_generators import *  # noqa: F401,F403  (the single-op generators)


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
