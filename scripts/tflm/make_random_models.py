#!/usr/bin/env python3
"""Generate random small multi-op int8 TFLite networks for stress-testing mcuc.

    make_random_models.py OUTDIR [--count N] [--seed S] [--min-ops A] [--max-ops B]
                                 [--max-size HW] [--extra-ops]

Each model is a random, TFLM-valid graph of about A..B operators (default 3..12; a
CONCATENATION step adds its branches at once, so a graph may end a few ops over B, and
a DEQUANTIZE output adds one more) built with
the ModelBuilder and quantization helpers of tflite_builder.py.  Model k of a run uses
numpy.random.default_rng([S, k]), so a (seed, k) pair always gives the same bytes
(with the pinned flatbuffers / numpy) and `--count` only adds or removes models at the
end.  Files are named rand_<seed>_<k>.tflite; OUTDIR/index.json lists each file with
its ops, I/O tensors and, for float inputs, a sensible `float_input_range` (the same
fields as the op fixtures' index, so check_models.py can read it).

What the graphs contain:
  * 1-2 graph inputs, rank 4 (batch 1..2, H/W 1..HW (default 13), channels 1..7), or a
    float32 input followed by QUANTIZE; some float outputs through DEQUANTIZE;
  * a growing pool of live tensors; each step picks a tensor (usually a recent one)
    and applies an op that fits its rank and shape: CONV_2D (k 1..5, stride 1..2,
    dilation, SAME/VALID, fused NONE/RELU/RELU6), DEPTHWISE_CONV_2D (multiplier 1/2),
    PAD/PADV2 followed by a VALID conv, MAX/AVERAGE_POOL_2D, MEAN, RESHAPE, SQUEEZE,
    FULLY_CONNECTED, SOFTMAX, LOGISTIC, TANH, HARD_SWISH, LEAKY_RELU, RELU, RELU6,
    RESIZE_NEAREST_NEIGHBOR, TRANSPOSE, STRIDED_SLICE, QUANTIZE (int8 -> int8),
    STRIDED_SLICE with negative strides and masks, residual ADD/SUB/MUL (same shape, or
    broadcast against a MEAN, a constant of lower rank or the second graph input, or
    x op x) and CONCATENATION of 2-3 branches (along channels, sometimes another axis;
    a branch may be a graph input or appear twice);
  * every tensor nobody consumes becomes a graph output (sometimes one is left dead),
    sometimes a consumed tensor is an output too, and sometimes a RESHAPE of the graph
    input is an output.

Quantization follows TFLM's Prepare checks (see make_op_models.py): per-tensor int8
activations, symmetric per-channel weights, int32 biases with scale in_s * w_s, fixed
output quantization for SOFTMAX / LOGISTIC / TANH, equal quantization where TFLM needs
it (pooling, CONCATENATION, PAD, RESHAPE, ...).  A model TFLM still rejects is reported
by tflm_run.py and should simply be skipped by the caller.
"""

import argparse
import json
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tflite_builder as mo  # noqa: E402  (the builders and helpers of the fixture generators)
from op_generators import strided_slice_shape  # noqa: E402
import fixture_status  # noqa: E402
import random_ops_extra  # noqa: E402
from tflite_builder import (ACT, OP, PAD, TT, ModelBuilder, f32, fb, log_uniform,  # noqa: E402
                            opts)

MAX_HW = 16     # convs, pools and resizes only grow tensors up to this size
MAX_C = 13


class Net:
    """A ModelBuilder plus the quantization and consumer count of every activation."""

    def __init__(self, rng):
        self.rng = rng
        self.m = ModelBuilder()
        self.q = {}            # tensor index -> (scale, zp) for int8 activations
        self.uses = {}         # tensor index -> number of consumers
        self.live = []         # int8 activations that later ops may consume, oldest first
        self.n = 0             # operators so far
        self.names = 0
        self.max_hw = MAX_HW
        self.int32_outputs = []    # ARG_MAX / ARG_MIN results (--extra-ops): graph outputs only

    def shape(self, t):
        return list(self.m.tensors[t].shape)

    def new(self, kind, shape, q):
        self.names += 1
        t = self.m.act("%s_%d" % (kind, self.names), shape, q)
        self.q[t] = q
        self.uses[t] = 0
        return t

    def op(self, code, ins, outs, options=None):
        for i in ins:
            if i in self.uses:
                self.uses[i] += 1
        self.m.op(code, ins, outs, options)
        self.n += 1
        for o in outs:
            if o in self.q:
                self.live.append(o)

    def pick(self, pred=lambda t: True):
        """A live tensor satisfying pred, biased towards the most recent ones."""
        cands = [t for t in self.live if pred(t)]
        if not cands:
            return None
        w = np.array([2.0 ** i for i in range(len(cands))])
        return cands[int(self.rng.choice(len(cands), p=w / w.sum()))]


# ==========================================================================
# Op emitters: each takes (net, x) and returns the new tensor, or None if it does not fit
# ==========================================================================

def choose(rng, xs):
    return xs[int(rng.integers(len(xs)))]


def conv(net, x, out_q=None, oc=None, allow_pad=True, depthwise=None, force_valid=False):
    rng = net.rng
    n, h, w, ic = net.shape(x)
    in_q = net.q[x]
    if depthwise is None:
        depthwise = rng.random() < 0.35
    # explicit PAD / PADV2 in front of a VALID conv (the planner folds it into the conv)
    pre_pad = allow_pad and not force_valid and rng.random() < 0.25
    k = int(rng.integers(1, 6))
    stride = int(rng.integers(1, 3))
    dil = 2 if (k > 1 and stride == 1 and rng.random() < 0.2) else 1
    padding = "VALID" if (force_valid or pre_pad) else choose(rng, ["SAME", "VALID"])
    if pre_pad:
        ph = [int(rng.integers(0, 3)), int(rng.integers(0, 3))]
        pw = [int(rng.integers(0, 3)), int(rng.integers(0, 3))]
        v2 = rng.random() < 0.4
        p = net.new("pad", [n, h + sum(ph), w + sum(pw), ic], in_q)
        pads = net.m.const("paddings_%d" % p, np.array([[0, 0], ph, pw, [0, 0]], np.int32), TT.INT32)
        if v2:
            # zero-point fill is what a converter writes; sometimes another constant
            cv = in_q[1] if rng.random() < 0.6 else int(rng.integers(-128, 128))
            cvt = net.m.const("pad_value_%d" % p, np.array([cv], np.int8), TT.INT8, in_q)
            net.op(OP.PADV2, [x, pads, cvt], [p], opts(fb.PadV2OptionsT))
        else:
            net.op(OP.PAD, [x, pads], [p], opts(fb.PadOptionsT))
        x, h, w = p, h + sum(ph), w + sum(pw)
    eff = (k - 1) * dil + 1
    if padding == "VALID" and (h < eff or w < eff):
        k, dil, eff = 1, 1, 1
    mult = (1 if rng.random() < 0.7 else 2) if depthwise else 1
    if depthwise:
        oc = ic * mult
    elif oc is None:
        oc = int(rng.integers(1, MAX_C + 1))
    act = choose(rng, ["NONE", "NONE", "RELU", "RELU6"])
    sigma = float(log_uniform(rng, 0.5, 4.0))
    K = k * k * (1 if depthwise else ic)
    w_base = sigma / (in_q[0] * mo.ACC_STD * math.sqrt(K))
    per_channel = rng.random() < 0.85
    nq = oc if per_channel else 1
    w_scales = [f32(w_base * log_uniform(rng, 0.25, 4.0)) for _ in range(nq)]
    if out_q is None:
        out_q = mo.out_q_for(act, sigma, rng)
        if rng.random() < 0.15:     # saturating or multiplier > 1
            out_q = (f32(out_q[0] * log_uniform(rng, 0.02, 20.0)), out_q[1])
    oh = mo.conv_out(h, k, stride, dil, padding)
    ow = mo.conv_out(w, k, stride, dil, padding)
    wshape = (1, k, k, oc) if depthwise else (oc, k, k, ic)
    wt = net.m.const("w_%d" % net.names, mo.weights(rng, wshape), TT.INT8,
                     (w_scales, [0] * nq), qdim=3 if depthwise else 0)
    ins = [x, wt]
    if rng.random() < 0.9:
        bvals, bscales = mo.bias_for(rng, in_q[0], w_scales, sigma, oc)
        ins.append(net.m.const("b_%d" % net.names, bvals, TT.INT32, (bscales, [0] * nq)))
    elif not depthwise:
        ins.append(-1)          # TFLM's depthwise segfaults on a -1 bias slot
    y = net.new("dwconv" if depthwise else "conv", [n, oh, ow, oc], out_q)
    if depthwise:
        net.op(OP.DEPTHWISE_CONV_2D, ins, [y],
               opts(fb.DepthwiseConv2DOptionsT, padding=PAD[padding], strideH=stride,
                    strideW=stride, depthMultiplier=mult, dilationHFactor=dil,
                    dilationWFactor=dil, fusedActivationFunction=ACT[act]))
    else:
        net.op(OP.CONV_2D, ins, [y],
               opts(fb.Conv2DOptionsT, padding=PAD[padding], strideH=stride, strideW=stride,
                    dilationHFactor=dil, dilationWFactor=dil, fusedActivationFunction=ACT[act]))
    return y


def pool(net, x):
    rng = net.rng
    n, h, w, c = net.shape(x)
    f = int(rng.integers(1, 4))
    s = int(rng.integers(1, 3))
    padding = choose(rng, ["SAME", "VALID"])
    if padding == "VALID" and (h < f or w < f):
        padding = "SAME"
    oh, ow = mo.conv_out(h, f, s, 1, padding), mo.conv_out(w, f, s, 1, padding)
    y = net.new("pool", [n, oh, ow, c], net.q[x])
    code = OP.MAX_POOL_2D if rng.random() < 0.5 else OP.AVERAGE_POOL_2D
    net.op(code, [x], [y], opts(fb.Pool2DOptionsT, padding=PAD[padding], strideH=s, strideW=s,
                                filterHeight=f, filterWidth=f,
                                fusedActivationFunction=ACT[choose(rng, ["NONE", "NONE", "RELU"])]))
    return y


def mean_q(rng, in_q, count):
    out_s = f32(in_q[0] * 74.0 / math.sqrt(count) / 40.0 * log_uniform(rng, 0.8, 1.25))
    out_zp = int(np.clip(round(in_q[0] * (0.5 + in_q[1]) / out_s), -128, 127))
    return (out_s, out_zp)


def mean(net, x, axes=None, keep=None, out_q=None):
    rng = net.rng
    shape = net.shape(x)
    rank = len(shape)
    if axes is None:
        if rank == 4 and rng.random() < 0.6:
            axes = [1, 2]
        else:
            axes = sorted(rng.choice(rank, size=int(rng.integers(1, rank)), replace=False).tolist())
            axes = [a for a in axes if a != 0] or [rank - 1]
    if keep is None:
        keep = rng.random() < 0.6
    count = int(np.prod([shape[a] for a in axes]))
    if out_q is None:
        out_q = net.q[x] if rng.random() < 0.2 else mean_q(rng, net.q[x], count)
    out_shape = [1 if i in axes else d for i, d in enumerate(shape)] if keep else \
        [d for i, d in enumerate(shape) if i not in axes]
    a = net.m.const("axes_%d" % net.names, np.array(axes, np.int32), TT.INT32)
    y = net.new("mean", out_shape, out_q)
    net.op(OP.MEAN, [x, a], [y], opts(fb.ReducerOptionsT, keepDims=keep))
    return y


def reshape(net, x):
    rng = net.rng
    shape = net.shape(x)
    total = int(np.prod(shape))
    if len(shape) == 4 and rng.random() < 0.5:
        new = [shape[0], total // shape[0]]
    elif len(shape) == 4:
        new = [shape[0], shape[1] * shape[2], 1, shape[3]]
    else:
        new = [shape[0], 1, 1, total // shape[0]]
    ins = [x]
    if rng.random() < 0.7:
        ins.append(net.m.const("shape_%d" % net.names, np.array(new, np.int32), TT.INT32))
    y = net.new("reshape", new, net.q[x])
    net.op(OP.RESHAPE, ins, [y], opts(fb.ReshapeOptionsT, newShape=new))
    return y


def squeeze(net, x):
    shape = net.shape(x)
    dims = [i for i, d in enumerate(shape) if d == 1 and i > 0]
    if not dims or len(shape) - len(dims) < 2:
        return None
    y = net.new("squeeze", [d for i, d in enumerate(shape) if i not in dims], net.q[x])
    net.op(OP.SQUEEZE, [x], [y], opts(fb.SqueezeOptionsT, squeezeDims=dims))
    return y


def fully_connected(net, x):
    rng = net.rng
    shape = net.shape(x)
    in_q = net.q[x]
    keep = len(shape) > 2 and rng.random() < 0.3
    ic = shape[-1] if (keep or len(shape) == 2) else int(np.prod(shape[1:]))
    if ic > 400:
        return None
    oc = int(rng.integers(1, 17))
    act = choose(rng, ["NONE", "NONE", "RELU", "RELU6"])
    sigma = float(log_uniform(rng, 0.5, 4.0))
    w_base = sigma / (in_q[0] * mo.ACC_STD * math.sqrt(ic))
    per_channel = rng.random() < 0.3
    nq = oc if per_channel else 1
    w_scales = [f32(w_base * log_uniform(rng, 0.5, 2.0)) for _ in range(nq)]
    out_q = mo.out_q_for(act, sigma, rng)
    wt = net.m.const("fcw_%d" % net.names, mo.weights(rng, (oc, ic)), TT.INT8,
                     (w_scales, [0] * nq), qdim=0)
    ins = [x, wt]
    if rng.random() < 0.85:
        bvals, bscales = mo.bias_for(rng, in_q[0], w_scales, sigma, oc)
        ins.append(net.m.const("fcb_%d" % net.names, bvals, TT.INT32, (bscales, [0] * nq)))
    else:
        ins.append(-1)
    out_shape = shape[:-1] + [oc] if keep else [int(np.prod(shape)) // ic, oc]
    y = net.new("fc", out_shape, out_q)
    net.op(OP.FULLY_CONNECTED, ins, [y],
           opts(fb.FullyConnectedOptionsT, fusedActivationFunction=ACT[act], keepNumDims=keep))
    return y


def unary(net, x):
    rng = net.rng
    op = choose(rng, ["SOFTMAX", "LOGISTIC", "TANH", "HARD_SWISH", "LEAKY_RELU", "RELU", "RELU6",
                      "QUANTIZE"])
    in_q = net.q[x]
    shape = net.shape(x)
    options = None
    if op == "SOFTMAX":
        out_q = (f32(1.0 / 256.0), -128)
        options = opts(fb.SoftmaxOptionsT, beta=choose(rng, [1.0, 1.0, 0.5, 2.0]))
    elif op == "LOGISTIC":
        out_q = (f32(1.0 / 256.0), -128)
    elif op == "TANH":
        out_q = (f32(1.0 / 128.0), 0)
    elif op == "HARD_SWISH":
        lo, hi = mo.real_range(in_q)
        hi = max(hi, 0.05)
        lo = max(lo, -0.375)
        s = f32((hi - lo) / 255.0 * log_uniform(rng, 0.7, 1.3))
        out_q = (s, int(np.clip(round(-128 - lo / s), -128, 127)))
        options = opts(fb.HardSwishOptionsT)
    elif op == "LEAKY_RELU":
        out_q = in_q if rng.random() < 0.3 else mo.rand_q(rng)
        options = opts(fb.LeakyReluOptionsT, alpha=f32(log_uniform(rng, 0.01, 0.9)))
    elif op in ("RELU", "RELU6"):
        out_q = in_q if rng.random() < 0.4 else (f32(in_q[0] * log_uniform(rng, 0.5, 2.0)),
                                                int(rng.integers(-128, -60)))
    else:   # QUANTIZE int8 -> int8 (requantize)
        out_q = (f32(in_q[0] * log_uniform(rng, 0.25, 4.0)), int(rng.integers(-128, 128)))
        options = opts(fb.QuantizeOptionsT)
    y = net.new(op.lower(), shape, out_q)
    net.op(getattr(OP, op), [x], [y], options)
    return y


def resize(net, x):
    rng = net.rng
    n, h, w, c = net.shape(x)
    oh = int(rng.integers(1, min(2 * h, net.max_hw) + 1))
    ow = int(rng.integers(1, min(2 * w, net.max_hw) + 1))
    s = net.m.const("size_%d" % net.names, np.array([oh, ow], np.int32), TT.INT32)
    align = rng.random() < 0.25
    half = (not align) and rng.random() < 0.3
    y = net.new("resize", [n, oh, ow, c], net.q[x])
    net.op(OP.RESIZE_NEAREST_NEIGHBOR, [x, s], [y],
           opts(fb.ResizeNearestNeighborOptionsT, alignCorners=align, halfPixelCenters=half))
    return y


def transpose(net, x):
    rng = net.rng
    shape = net.shape(x)
    perm = rng.permutation(len(shape)).tolist()
    if perm == list(range(len(shape))):
        perm = perm[::-1]
    p = net.m.const("perm_%d" % net.names, np.array(perm, np.int32), TT.INT32)
    y = net.new("transpose", [shape[i] for i in perm], net.q[x])
    net.op(OP.TRANSPOSE, [x, p], [y], opts(fb.TransposeOptionsT))
    return y


def strided_slice(net, x):
    rng = net.rng
    shape = net.shape(x)
    rank = len(shape)
    begin, end, strides = [], [], []
    bm = em = sm = 0
    for i, d in enumerate(shape):
        st = int(rng.integers(1, 3)) if d > 2 else 1
        b = int(rng.integers(0, max(1, d // 2)))
        e = int(rng.integers(b + 1, d + 1))
        if rng.random() < 0.2:
            b -= d              # negative begin counts from the end
        if rng.random() < 0.15:
            bm |= 1 << i
        if rng.random() < 0.15:
            em |= 1 << i
        if rng.random() < 0.15 and not (bm | em) & (1 << i):
            b, e, st = e - 1, b - 1, -st     # walk backwards over the same range
            if e < 0:
                em |= 1 << i
        begin.append(b)
        end.append(e)
        strides.append(st)
    for i, d in enumerate(shape):
        if i > 0 and rng.random() < 0.1 and rank - bin(sm).count("1") > 2:
            sm |= 1 << i
            bm &= ~(1 << i)
            end[i] = (begin[i] % shape[i]) + 1
            strides[i] = 1
    out = strided_slice_shape(shape, begin, end, strides, bm, em, sm)
    if not all(d > 0 for d in out):
        return None
    bt = net.m.const("begin_%d" % net.names, np.array(begin, np.int32), TT.INT32)
    et = net.m.const("end_%d" % net.names, np.array(end, np.int32), TT.INT32)
    stt = net.m.const("strides_%d" % net.names, np.array(strides, np.int32), TT.INT32)
    y = net.new("slice", out, net.q[x])
    net.op(OP.STRIDED_SLICE, [x, bt, et, stt], [y],
           opts(fb.StridedSliceOptionsT, beginMask=bm, endMask=em, shrinkAxisMask=sm))
    return y


def binary(net, x, other_inputs):
    """x (op) y, where y is x itself, a later tensor of the same shape, a broadcast MEAN of x,
    a broadcastable graph input or a constant."""
    rng = net.rng
    shape = net.shape(x)
    kind = choose(rng, ["ADD", "ADD", "SUB", "MUL"])
    src = rng.random()
    same = [t for t in net.live if t != x and net.shape(t) == shape]
    bcast_inputs = [t for t in other_inputs
                    if len(net.shape(t)) == len(shape) and
                    all(a == b or a == 1 for a, b in zip(net.shape(t), shape))]
    if src < 0.35 and same:
        y = choose(rng, same)
    elif src < 0.55 and len(shape) == 4 and shape[1] * shape[2] > 1:
        y = mean(net, x, axes=[1, 2], keep=True)
    elif src < 0.7 and bcast_inputs:
        y = choose(rng, bcast_inputs)
    elif src < 0.9:
        # a constant of broadcastable shape: [1, .., C], [N, H, W, 1] or full
        r = rng.random()
        if r < 0.3:
            cshape = [1] * (len(shape) - 1) + [shape[-1]]
        elif r < 0.45:
            cshape = [shape[-1]]                      # lower rank than x
        elif r < 0.6:
            cshape = shape[:-1] + [1]
        elif r < 0.75 and len(shape) == 4:
            # both operands broadcast: x is [N, H, W, C], the result is bigger than either
            if shape[2] == 1:
                cshape = [1, 1, int(rng.integers(2, 5)), shape[3]]
            else:
                cshape = [1, shape[1], 1, 1]
        else:
            cshape = list(shape)
        cq = mo.rand_q(rng)
        y = net.m.const("c_%d" % net.names, rng.integers(-128, 128, size=cshape), TT.INT8, cq)
        net.q[y] = cq
    else:
        y = x                   # x + x: one tensor feeding both operands
    if rng.random() < 0.5:
        a, b = x, y
    else:
        a, b = y, x
    act = choose(rng, ["NONE", "NONE", "RELU", "RELU6"])
    out_q = mo.binary_out_q(rng, kind, net.q[a], net.q[b], act)
    y_out = net.new(kind.lower(), mo._bcast_shape(net.shape(a), net.shape(b)), out_q)
    cls = {"ADD": fb.AddOptionsT, "SUB": fb.SubOptionsT, "MUL": fb.MulOptionsT}[kind]
    net.op(getattr(OP, kind), [a, b], [y_out], opts(cls, fusedActivationFunction=ACT[act]))
    return y_out


def concat(net, x):
    """2-3 branches from x, all with one quantization, concatenated along channels."""
    rng = net.rng
    shape = net.shape(x)
    q = net.q[x] if rng.random() < 0.5 else mo.rand_q(rng)
    branches = []
    for _ in range(int(rng.integers(2, 4))):
        r = rng.random()
        if q == net.q[x] and r < 0.25:
            branches.append(x)          # x itself is a branch (maybe twice)
        elif branches and r < 0.32:
            branches.append(branches[-1])   # one tensor twice in the same concatenation
        elif len(shape) == 4 and r < 0.8:
            oc = int(rng.integers(1, 8))
            branches.append(conv(net, x, out_q=q, oc=oc, allow_pad=False, depthwise=False,
                                 force_valid=False) if rng.random() < 0.5 else
                            _same_conv(net, x, q, oc))
        else:
            y = net.new("requant", shape, q)
            net.op(OP.QUANTIZE, [x], [y], opts(fb.QuantizeOptionsT))
            branches.append(y)
    # branches must agree on every dim but the concatenation axis
    s0 = net.shape(branches[0])
    rank = len(s0)
    if all(net.shape(b) == s0 for b in branches) and rng.random() < 0.4:
        ax = int(rng.integers(0, rank))
    else:
        ax = rank - 1
    same = [b for b in branches
            if [d for i, d in enumerate(net.shape(b)) if i != ax] ==
            [d for i, d in enumerate(s0) if i != ax]]
    branches = same
    if len(branches) < 2:
        return None
    axis = ax - rank if rng.random() < 0.5 else ax
    out_shape = list(s0)
    out_shape[ax] = sum(net.shape(b)[ax] for b in branches)
    y = net.new("concat", out_shape, q)
    net.op(OP.CONCATENATION, branches, [y],
           opts(fb.ConcatenationOptionsT, axis=axis, fusedActivationFunction=ACT["NONE"]))
    return y


def _same_conv(net, x, q, oc):
    """A stride-1 SAME conv (shape-preserving) with output quantization q."""
    rng = net.rng
    n, h, w, ic = net.shape(x)
    k = choose(rng, [1, 3])
    in_q = net.q[x]
    sigma = 2.0
    w_scales = [f32(sigma / (in_q[0] * mo.ACC_STD * math.sqrt(k * k * ic)) *
                    log_uniform(rng, 0.5, 2.0)) for _ in range(oc)]
    wt = net.m.const("w_%d" % net.names, mo.weights(rng, (oc, k, k, ic)), TT.INT8,
                     (w_scales, [0] * oc), qdim=0)
    bvals, bscales = mo.bias_for(rng, in_q[0], w_scales, sigma, oc)
    bt = net.m.const("b_%d" % net.names, bvals, TT.INT32, (bscales, [0] * oc))
    y = net.new("conv", [n, h, w, oc], q)
    net.op(OP.CONV_2D, [x, wt, bt], [y],
           opts(fb.Conv2DOptionsT, padding=PAD["SAME"], strideH=1, strideW=1,
                dilationHFactor=1, dilationWFactor=1, fusedActivationFunction=ACT["NONE"]))
    return y


def is4(net, t):
    s = net.shape(t)
    return len(s) == 4 and s[1] <= net.max_hw and s[2] <= net.max_hw and s[3] <= 4 * MAX_C


# ==========================================================================
# The random walk
# ==========================================================================

def random_model(rng, min_ops=3, max_ops=12, max_size=13, extra_ops=None):
    """extra_ops: None, "all" or "supported" (the issue-12 ops fixture_status.py marks supported)."""
    net = Net(rng)
    net.allowed_ops = set(fixture_status.SUPPORTED) if extra_ops == "supported" else None
    net.max_hw = max(MAX_HW, max_size)
    batch = 1 if rng.random() < 0.75 else 2
    h = int(rng.integers(1 if rng.random() < 0.1 else 3, max_size + 1))
    w = h if rng.random() < 0.6 else int(rng.integers(1, max_size + 1))
    c = int(rng.integers(1, 8 if max_size <= 16 else 24))
    inputs, extra = [], {}
    in_q = mo.rand_q(rng, 0.005, 0.1)
    if rng.random() < 0.2:
        xf = net.m.act("input_f32", [batch, h, w, c], None, dtype=TT.FLOAT32)
        x = net.new("input_q", [batch, h, w, c], in_q)
        net.op(OP.QUANTIZE, [xf], [x], opts(fb.QuantizeOptionsT))
        inputs.append(xf)
        extra["float_input_range"] = [f32(in_q[0] * (-128 - in_q[1]) * 1.1),
                                      f32(in_q[0] * (127 - in_q[1]) * 1.1)]
    else:
        x = net.new("input", [batch, h, w, c], in_q)
        net.live.append(x)
        inputs.append(x)
    other_inputs = []
    if rng.random() < 0.25:
        r = rng.random()
        shape2 = [batch, h, w, c] if r < 0.4 else ([1, 1, 1, c] if r < 0.7 else [batch, h, w, 1])
        x2 = net.new("input2", shape2, mo.rand_q(rng, 0.005, 0.1))
        inputs.append(x2)
        other_inputs.append(x2)

    target = int(rng.integers(min_ops, max_ops + 1))
    guard = 0
    while net.n < target and guard < 200:
        guard += 1
        if extra_ops and rng.random() < 0.35:
            random_ops_extra.extra_step(net, net.pick)
            continue
        r = rng.random()
        if r < 0.30:
            t = net.pick(lambda t: is4(net, t))
            y = conv(net, t) if t is not None else None
        elif r < 0.38:
            t = net.pick(lambda t: is4(net, t))
            y = pool(net, t) if t is not None else None
        elif r < 0.52:
            t = net.pick(lambda t: len(net.shape(t)) >= 2)
            y = binary(net, t, other_inputs) if t is not None else None
        elif r < 0.60:
            t = net.pick(lambda t: is4(net, t) and net.shape(t)[3] <= MAX_C)
            y = concat(net, t) if t is not None else None
        elif r < 0.70:
            t = net.pick()
            y = unary(net, t)
        elif r < 0.75:
            t = net.pick(lambda t: len(net.shape(t)) >= 3)
            y = mean(net, t) if t is not None else None
        elif r < 0.80:
            t = net.pick(lambda t: len(net.shape(t)) in (2, 4))
            y = reshape(net, t) if t is not None else None
        elif r < 0.83:
            t = net.pick(lambda t: len(net.shape(t)) >= 3)
            y = squeeze(net, t) if t is not None else None
        elif r < 0.88:
            t = net.pick()
            y = fully_connected(net, t)
        elif r < 0.91:
            t = net.pick(lambda t: is4(net, t))
            y = resize(net, t) if t is not None else None
        elif r < 0.95:
            t = net.pick(lambda t: len(net.shape(t)) >= 2 and max(net.shape(t)) <= 2 * net.max_hw)
            y = transpose(net, t) if t is not None else None
        else:
            t = net.pick(lambda t: 2 <= len(net.shape(t)) <= 4)
            y = strided_slice(net, t) if t is not None else None
        del y
    if net.n == 0:
        unary(net, x)

    # outputs: every activation nobody consumes, plus sometimes a consumed one
    produced = [t for t in net.q if t not in inputs and net.m.tensors[t].buffer == 0
                and any(t in o.outputs for o in net.m.operators)]
    outputs = [t for t in produced if net.uses[t] == 0] + net.int32_outputs
    rng.shuffle(outputs)
    if len(outputs) > 1 and rng.random() < 0.15:
        outputs.pop()           # a dead op: its result is neither consumed nor an output
    consumed = [t for t in produced if net.uses[t] > 0]
    if consumed and rng.random() < 0.3:
        outputs.append(choose(rng, consumed))
    if consumed and rng.random() < 0.1:
        outputs.append(choose(rng, consumed))
    if rng.random() < 0.08 and net.uses[x] > 0:
        outputs.append(reshape(net, x))   # an output that aliases a graph input
    # a graph input nobody reads is legal but pointless; unused second inputs get an op
    for t in list(other_inputs):
        if net.uses[t] == 0:
            y = unary(net, t)
            outputs.append(y)
    if rng.random() < 0.2:
        k = int(rng.integers(len(outputs)))
        t = outputs[k]
    else:
        t = None
    if t is not None and t not in net.int32_outputs:
        yf = net.m.act("output_f32_%d" % t, net.shape(t), None, dtype=TT.FLOAT32)
        net.m.op(OP.DEQUANTIZE, [t], [yf], opts(fb.DequantizeOptionsT))
        net.n += 1
        outputs[k] = yf
    return net.m, inputs, outputs, extra


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--min-ops", type=int, default=3)
    ap.add_argument("--max-ops", type=int, default=12)
    ap.add_argument("--max-size", type=int, default=13, help="largest input height / width")
    ap.add_argument("--extra-ops", nargs="?", const="all", choices=["all", "supported"],
                    help="also use the int8 operators of issue #12 (random_ops_extra.py): all of them, "
                         "or those fixture_status.py marks supported by mcuc")
    a = ap.parse_args(argv)
    os.makedirs(a.outdir, exist_ok=True)
    entries = []
    for k in range(a.count):
        rng = np.random.default_rng([a.seed, k])
        m, ins, outs, extra = random_model(rng, a.min_ops, a.max_ops, a.max_size, a.extra_ops)
        fname = "rand_%d_%d.tflite" % (a.seed, k)
        data = m.finish(ins, outs, "mcuc random model seed %d #%d" % (a.seed, k))
        with open(os.path.join(a.outdir, fname), "wb") as f:
            f.write(data)
        ops = [mo.OP_NAME[m.opcodes[o.opcodeIndex].builtinCode] for o in m.operators]
        entries.append({"file": fname, "op": "RANDOM", "ops": ops, "params": extra,
                        "inputs": [m.io_info(i) for i in ins],
                        "outputs": [m.io_info(o) for o in outs], "bytes": len(data)})
    with open(os.path.join(a.outdir, "index.json"), "w") as f:
        f.write('{"generator": "scripts/tflm/make_random_models.py", "seed": %d,\n' % a.seed)
        f.write(' "count": %d,\n "models": [\n' % len(entries))
        f.write(",\n".join("  " + json.dumps(e) for e in entries))
        f.write("\n ]}\n")
    print("%d models -> %s" % (len(entries), a.outdir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
