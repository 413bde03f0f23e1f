"""Random-network emitters for the int8 operators of issue #12 (make_random_models.py --extra-ops).

Each emitter takes (net, x) and returns the new tensor, or None when the op does not fit x. They
follow the same TFLM constraints as the op fixtures (see op_cases_*.py): raw data-movement ops
keep the input quantization, LOG_SOFTMAX / L2_NORMALIZATION have fixed output quantizations,
SPACE_TO_BATCH_ND never pads (TFLM pads with uninitialised memory), GATHER coordinates are
constants inside the axis, ARG_MAX / ARG_MIN results (int32) are never consumed.
"""

import math

import numpy as np

import tflite_builder as mo
from tflite_builder import OP, TT, ACT, PAD, f32, fb, log_uniform, opts


def choose(rng, xs):
    return xs[int(rng.integers(len(xs)))]


def admits(net, op):
    """True when net.allowed_ops (None: every op) admits `op`."""
    allowed = getattr(net, "allowed_ops", None)
    return allowed is None or op in allowed


def choose_op(net, ops):
    """One of `ops` that net.allowed_ops admits (None: every op), or None when it admits none.
    With every op admitted the draw is the same as choose(rng, ops) (seeds keep their models)."""
    ops = [op for op in ops if admits(net, op)]
    return choose(net.rng, ops) if ops else None


def _const_i32(net, name, values):
    return net.m.const("%s_%d" % (name, net.names), np.array(values, np.int32), TT.INT32)


def unary_math(net, x):
    rng = net.rng
    shape, q = net.shape(x), net.q[x]
    op = choose_op(net, ["LOG_SOFTMAX", "ELU", "ABS", "L2_NORMALIZATION", "PRELU"])
    if op is None:
        return None
    ins, options = [x], None
    if op == "LOG_SOFTMAX":
        out_q = (f32(16.0 / 256.0), 127)
        options = opts(fb.LogSoftmaxOptionsT)
    elif op == "L2_NORMALIZATION":
        if len(shape) > 4:
            return None
        out_q = (f32(1.0 / 128.0), 0)
        options = opts(fb.L2NormOptionsT)
    elif op == "PRELU":
        if len(shape) > 4:    # TFLM's PRELU walks 4-d shapes (mcuc refuses rank 5 as TFLM does)
            return None
        aq = (f32(log_uniform(rng, 0.002, 0.01)), int(rng.integers(-30, 31)))
        ashape = [shape[-1]] if rng.random() < 0.7 else [1]
        ins.append(net.m.const("alpha_%d" % net.names, rng.integers(-128, 128, size=ashape),
                               TT.INT8, aq))
        out_q = q if rng.random() < 0.4 else mo.rand_q(rng)
    else:
        out_q = q if rng.random() < 0.4 else mo.rand_q(rng)
    y = net.new(op.lower(), shape, out_q)
    net.op(getattr(OP, op), ins, [y], options)
    if op == "ABS" and admits(net, "RSQRT") and rng.random() < 0.5:
        return rsqrt_of_abs(net, y)
    return y


def rsqrt_of_abs(net, y):
    """RSQRT of an ABS output: every value is at or above its zero point (TFLM fails the invoke
    below it). 1 / sqrt(one input step) lands near the top of the output range."""
    s, _ = net.q[y]
    out_q = (f32(log_uniform(net.rng, 0.5, 2.0) / (math.sqrt(s) * 255.0)), -128)
    z = net.new("rsqrt", net.shape(y), out_q)
    net.op(OP.RSQRT, [y], [z])
    return z


def binary_raw(net, x):
    """MAXIMUM / MINIMUM / SQUARED_DIFFERENCE against a same-shape tensor or a constant."""
    rng = net.rng
    shape = net.shape(x)
    op = choose_op(net, ["MAXIMUM", "MINIMUM", "SQUARED_DIFFERENCE"])
    if op is None:
        return None
    same = [t for t in net.live if t != x and net.shape(t) == shape]
    if same and rng.random() < 0.5:
        y2 = choose(rng, same)
    else:
        cshape = [shape[-1]] if rng.random() < 0.5 else list(shape)
        cq = net.q[x] if op != "SQUARED_DIFFERENCE" else mo.rand_q(rng)
        y2 = net.m.const("c_%d" % net.names, rng.integers(-128, 128, size=cshape), TT.INT8, cq)
        net.q[y2] = cq
    if op == "SQUARED_DIFFERENCE":
        l1, h1 = mo.real_range(net.q[x])
        l2, h2 = mo.real_range(net.q[y2])
        span = max(abs(h1 - l2), abs(l1 - h2))
        out_q = (f32(span * span * log_uniform(rng, 0.1, 0.5) / 255.0), -128)
        options = opts(fb.SquaredDifferenceOptionsT)
    else:
        out_q = net.q[x]
        options = opts(fb.MaximumMinimumOptionsT)
    y = net.new(op.lower(), mo._bcast_shape(shape, net.shape(y2)), out_q)
    net.op(getattr(OP, op), [x, y2], [y], options)
    return y


def reduce(net, x):
    rng = net.rng
    shape = net.shape(x)
    rank = len(shape)
    if rank < 2:
        return None
    op = choose_op(net, ["REDUCE_MAX", "SUM", "ARG_MAX", "ARG_MIN"])
    if op is None:
        return None
    axis = int(rng.integers(1, rank))
    if op.startswith("ARG"):
        a = _const_i32(net, "axis", [axis - rank if rng.random() < 0.3 else axis])
        y = net.m.act("%s_%d" % (op.lower(), net.names), [d for i, d in enumerate(shape)
                                                        if i != axis], None, dtype=TT.INT32)
        net.names += 1
        cls = fb.ArgMaxOptionsT if op == "ARG_MAX" else fb.ArgMinOptionsT
        net.op(getattr(OP, op), [x, a], [y], opts(cls, outputType=TT.INT32))
        net.int32_outputs.append(y)
        return y
    keep = rng.random() < 0.5
    out_shape = [1 if i == axis else d for i, d in enumerate(shape)] if keep else \
        [d for i, d in enumerate(shape) if i != axis]
    if op == "SUM":
        q = net.q[x]
        out_q = (f32(q[0] * 74.0 * math.sqrt(shape[axis]) / 40.0), int(rng.integers(-20, 21)))
    else:
        out_q = net.q[x]
    a = _const_i32(net, "axis", [axis])
    y = net.new(op.lower(), out_shape, out_q)
    net.op(getattr(OP, op), [x, a], [y], opts(fb.ReducerOptionsT, keepDims=keep))
    return y


def slice_split(net, x):
    """SLICE, SPLIT, SPLIT_V, UNPACK, EXPAND_DIMS, PACK (x with itself or a twin)."""
    rng = net.rng
    shape, q = net.shape(x), net.q[x]
    rank = len(shape)
    op = choose_op(net, ["SLICE", "SPLIT", "SPLIT_V", "UNPACK", "EXPAND_DIMS", "PACK"])
    if op is None:
        return None
    if op == "SLICE":
        begin = [int(rng.integers(0, d)) for d in shape]
        size = [int(rng.integers(1, d - b + 1)) if rng.random() < 0.8 else -1
                for d, b in zip(shape, begin)]
        y = net.new("slice", [d - b if s == -1 else s for d, b, s in zip(shape, begin, size)], q)
        net.op(OP.SLICE, [x, _const_i32(net, "begin", begin), _const_i32(net, "size", size)], [y],
               opts(fb.SliceOptionsT))
        return y
    if op == "EXPAND_DIMS":
        if rank >= 5:
            return None
        ax = int(rng.integers(1, rank + 1))
        y = net.new("expand", shape[:ax] + [1] + shape[ax:], q)
        net.op(OP.EXPAND_DIMS, [x, _const_i32(net, "axis", [ax])], [y], opts(fb.ExpandDimsOptionsT))
        return y
    if op == "PACK":
        if rank >= 5:
            return None
        n = int(rng.integers(1, 4))
        ax = int(rng.integers(0, rank + 1))
        y = net.new("pack", shape[:ax] + [n] + shape[ax:], q)
        net.op(OP.PACK, [x] * n, [y], opts(fb.PackOptionsT, valuesCount=n, axis=ax))
        return y
    axes = [i for i in range(1, rank) if shape[i] >= 2]
    if not axes or (op == "UNPACK" and rank < 3):
        return None
    ax = choose(rng, axes)
    d = shape[ax]
    if op == "UNPACK":
        if d > 4:
            return None
        ys = [net.new("unpack", shape[:ax] + shape[ax + 1:], q) for _ in range(d)]
        net.op(OP.UNPACK, [x], ys, opts(fb.UnpackOptionsT, num=d, axis=ax))
        return ys[0]
    if op == "SPLIT":
        n = choose(rng, [k for k in (2, 3, 4) if d % k == 0] or [1])
        ys = [net.new("split", shape[:ax] + [d // n] + shape[ax + 1:], q) for _ in range(n)]
        net.op(OP.SPLIT, [_const_i32(net, "axis", [ax]), x], ys, opts(fb.SplitOptionsT, numSplits=n))
        return ys[0]
    cut = int(rng.integers(1, d))
    ys = [net.new("split_v", shape[:ax] + [s] + shape[ax + 1:], q) for s in (cut, d - cut)]
    net.op(OP.SPLIT_V, [x, _const_i32(net, "sizes", [cut, -1]), _const_i32(net, "axis", [ax])], ys,
           opts(fb.SplitVOptionsT, numSplits=2))
    return ys[0]


def space(net, x):
    """Rank-4 rearrangements: DEPTH/SPACE_TO_*, *_TO_BATCH_ND (no padding), MIRROR_PAD, GATHER,
    RESIZE_BILINEAR."""
    rng = net.rng
    n, h, w, c = net.shape(x)
    q = net.q[x]
    op = choose_op(net, ["DEPTH_TO_SPACE", "SPACE_TO_DEPTH", "SPACE_TO_BATCH_ND", "BATCH_TO_SPACE_ND",
                         "MIRROR_PAD", "GATHER", "RESIZE_BILINEAR"])
    if op is None:
        return None
    b = 2
    if op == "DEPTH_TO_SPACE" and c % 4 == 0:
        y = net.new("d2s", [n, h * b, w * b, c // 4], q)
        net.op(OP.DEPTH_TO_SPACE, [x], [y], opts(fb.DepthToSpaceOptionsT, blockSize=b))
    elif op == "SPACE_TO_DEPTH" and h % b == 0 and w % b == 0:
        y = net.new("s2d", [n, h // b, w // b, c * 4], q)
        net.op(OP.SPACE_TO_DEPTH, [x], [y], opts(fb.SpaceToDepthOptionsT, blockSize=b))
    elif op == "SPACE_TO_BATCH_ND" and h % b == 0 and w % b == 0:
        y = net.new("s2b", [n * 4, h // b, w // b, c], q)
        net.op(OP.SPACE_TO_BATCH_ND, [x, _const_i32(net, "block", [b, b]),
                                      _const_i32(net, "pads", [[0, 0], [0, 0]])], [y],
               opts(fb.SpaceToBatchNDOptionsT))
    elif op == "BATCH_TO_SPACE_ND" and n % 4 == 0:
        crop = int(rng.integers(0, 2))
        y = net.new("b2s", [n // 4, h * b - crop, w * b, c], q)
        net.op(OP.BATCH_TO_SPACE_ND, [x, _const_i32(net, "block", [b, b]),
                                      _const_i32(net, "crops", [[crop, 0], [0, 0]])], [y],
               opts(fb.BatchToSpaceNDOptionsT))
    elif op == "MIRROR_PAD" and h >= 2 and w >= 2:
        sym = rng.random() < 0.5
        lim = lambda d: d if sym else d - 1   # noqa: E731
        ph = [int(rng.integers(0, min(2, lim(h)) + 1)) for _ in range(2)]
        pw = [int(rng.integers(0, min(2, lim(w)) + 1)) for _ in range(2)]
        y = net.new("mirror", [n, h + sum(ph), w + sum(pw), c], q)
        mode = fb.MirrorPadMode.SYMMETRIC if sym else fb.MirrorPadMode.REFLECT
        net.op(OP.MIRROR_PAD, [x, _const_i32(net, "mpads", [[0, 0], ph, pw, [0, 0]])], [y],
               opts(fb.MirrorPadOptionsT, mode=mode))
    elif op == "GATHER":
        ax = int(rng.integers(1, 4))
        k = int(rng.integers(1, 5))
        coords = rng.integers(0, [n, h, w, c][ax], size=[k])
        shape = [n, h, w, c]
        y = net.new("gather", shape[:ax] + [k] + shape[ax + 1:], q)
        net.op(OP.GATHER, [x, _const_i32(net, "coords", coords.tolist())], [y],
               opts(fb.GatherOptionsT, axis=ax))
    elif op == "RESIZE_BILINEAR":
        oh = int(rng.integers(1, min(2 * h, net.max_hw) + 1))
        ow = int(rng.integers(1, min(2 * w, net.max_hw) + 1))
        align = rng.random() < 0.25
        half = (not align) and rng.random() < 0.4
        y = net.new("bilinear", [n, oh, ow, c], q)
        net.op(OP.RESIZE_BILINEAR, [x, _const_i32(net, "size", [oh, ow])], [y],
               opts(fb.ResizeBilinearOptionsT, alignCorners=align, halfPixelCenters=half))
    else:
        return None
    return y


def transpose_conv(net, x):
    if not admits(net, "TRANSPOSE_CONV"):
        return None
    rng = net.rng
    n, h, w, ic = net.shape(x)
    in_q = net.q[x]
    k, s = int(rng.integers(1, 5)), int(rng.integers(1, 3))
    padding = choose(rng, ["SAME", "VALID"])
    oh = h * s if padding == "SAME" else (h - 1) * s + k
    ow = w * s if padding == "SAME" else (w - 1) * s + k
    if oh > net.max_hw * 2 or ow > net.max_hw * 2:
        return None
    oc = int(rng.integers(1, 9))
    sigma = float(log_uniform(rng, 0.5, 3.0))
    base = sigma / (in_q[0] * mo.ACC_STD * math.sqrt(max(1.0, (k / s) ** 2 * ic)))
    w_scales = [f32(base * log_uniform(rng, 0.5, 2.0)) for _ in range(oc)]
    act = choose(rng, ["NONE", "NONE", "RELU", "RELU6"])
    wt = net.m.const("tw_%d" % net.names, mo.weights(rng, (oc, k, k, ic)), TT.INT8,
                     (w_scales, [0] * oc), qdim=0)
    ins = [_const_i32(net, "oshape", [n, oh, ow, oc]), wt, x]
    if rng.random() < 0.7:
        bvals, bscales = mo.bias_for(rng, in_q[0], w_scales, sigma, oc)
        ins.append(net.m.const("tb_%d" % net.names, bvals, TT.INT32, (bscales, [0] * oc)))
    y = net.new("tconv", [n, oh, ow, oc], mo.out_q_for(act, sigma, rng))
    net.op(OP.TRANSPOSE_CONV, ins, [y],
           opts(fb.TransposeConvOptionsT, padding=PAD[padding], strideH=s, strideW=s,
                fusedActivationFunction=ACT[act]))
    return y


def batch_matmul(net, x):
    if not admits(net, "BATCH_MATMUL"):
        return None
    rng = net.rng
    shape = net.shape(x)
    if len(shape) < 2 or shape[-1] > 64:
        return None
    cols = int(rng.integers(1, 9))
    rq = mo.rand_q(rng)
    depth, rows = shape[-1], shape[-2]
    # then, for the options: adj_x (lhs read transposed), adj_y (rhs stored [cols, depth]) and
    # an rhs with the lhs's batch dimensions (one matrix per batch: not a FULLY_CONNECTED)
    adj_x = bool(rng.random() < 0.2) and shape[-2] <= 64
    adj_y = bool(rng.random() < 0.3)
    batched = bool(rng.random() < 0.3) and len(shape) >= 3
    if adj_x:
        depth, rows = rows, depth
    matrix = [cols, depth] if adj_y else [depth, cols]
    rhs = net.m.const("rhs_%d" % net.names,
                      rng.integers(-128, 128, size=(shape[:-2] if batched else []) + matrix), TT.INT8, rq)
    sigma_real = net.q[x][0] * rq[0] * mo.ACC_STD * math.sqrt(depth)
    out_q = (f32(6.0 * sigma_real / 255.0), int(rng.integers(-20, 21)))
    y = net.new("matmul", shape[:-2] + [rows, cols], out_q)
    net.op(OP.BATCH_MATMUL, [x, rhs], [y], opts(fb.BatchMatMulOptionsT, adjX=adj_x, adjY=adj_y))
    return y


def svdf(net, x):
    """SVDF on x read as [batch, input <= 512] (a RESHAPE first when x has another rank): rank 1-2,
    1-6 units, memory 1-8, int16 or int8 state (weights_time of the same type), fused NONE or RELU
    (TFLM's integer SVDF ignores it). Each network runs one invoke from the reset state."""
    if not admits(net, "SVDF"):
        return None
    rng = net.rng
    shape = net.shape(x)
    batch, n_input = shape[0], int(np.prod(shape[1:]))
    if len(shape) < 2 or n_input > 512:
        return None
    if len(shape) != 2:
        y = net.new("reshape", [batch, n_input], net.q[x])
        net.op(OP.RESHAPE, [x], [y], opts(fb.ReshapeOptionsT, newShape=[batch, n_input]))
        x = y
    rank, units, memory = int(rng.integers(1, 3)), int(rng.integers(1, 7)), int(rng.integers(1, 9))
    filters = units * rank
    int16 = bool(rng.random() < 0.5)
    st = TT.INT16 if int16 else TT.INT8
    state_q = (f32(log_uniform(rng, 2e-4, 5e-4)), 0) if int16 else \
        (f32(log_uniform(rng, 0.03, 0.08)), int(rng.integers(-20, 21)))
    wf_s = f32(1.5 / (net.q[x][0] * 74.0 * 73.0 * math.sqrt(n_input)))
    wt_s = f32(log_uniform(rng, 0.3, 0.6) / (25400.0 if int16 else 127.0))
    wf = net.m.const("svdf_wf_%d" % net.names, rng.integers(-127, 128, size=(filters, n_input)), TT.INT8, ([wf_s], [0]))
    wt_vals = rng.integers(-127, 128, size=(filters, memory)) * (200 if int16 else 1)
    wt = net.m.const("svdf_wt_%d" % net.names, wt_vals, st, ([wt_s], [0]))
    b_s = f32(np.float32(state_q[0]) * np.float32(wt_s))
    b = net.m.const("svdf_bias_%d" % net.names, np.round(rng.normal(0, 0.5, size=units) / b_s).astype(np.int32),
                    TT.INT32, ([b_s], [0]))
    state = net.m.act("svdf_state_%d" % net.names, [batch, filters * memory], state_q, dtype=st, variable=True)
    out_q = mo.rand_q(rng, 0.02, 0.1, zp=int(rng.integers(-10, 11)))
    y = net.new("svdf", [batch, units], out_q)
    act = "RELU" if rng.random() < 0.3 else "NONE"
    net.op(OP.SVDF, [x, wf, wt, b, state], [y], opts(fb.SVDFOptionsT, rank=rank, fusedActivationFunction=ACT[act]))
    return y


def extra_step(net, x_pick):
    """One random issue-12 op on a live tensor chosen by x_pick(pred)."""
    rng = net.rng
    r = rng.random()
    if r < 0.2:
        t = x_pick(lambda t: True)
        return unary_math(net, t) if t is not None else None
    if r < 0.35:
        t = x_pick(lambda t: len(net.shape(t)) >= 2)
        return binary_raw(net, t) if t is not None else None
    if r < 0.5:
        t = x_pick(lambda t: len(net.shape(t)) >= 2)
        return reduce(net, t) if t is not None else None
    if r < 0.7:
        t = x_pick(lambda t: len(net.shape(t)) >= 2)
        return slice_split(net, t) if t is not None else None
    if r < 0.85:
        t = x_pick(lambda t: len(net.shape(t)) == 4 and max(net.shape(t)[1:3]) <= net.max_hw)
        return space(net, t) if t is not None else None
    if r < 0.93:
        t = x_pick(lambda t: len(net.shape(t)) == 4 and max(net.shape(t)[1:3]) <= net.max_hw)
        return transpose_conv(net, t) if t is not None else None
    if admits(net, "SVDF") and rng.random() < 0.5:
        t = x_pick(lambda t: len(net.shape(t)) >= 2 and int(np.prod(net.shape(t)[1:])) <= 512)
        if t is not None:
            return svdf(net, t)
    t = x_pick(lambda t: len(net.shape(t)) >= 2)
    return batch_matmul(net, t) if t is not None else None
