"""Draft int8 kernels (kernels/*.c) against TFLM on the pending fixtures."""

import ctypes
import math

import numpy as np

from fixture_io import Model, fixtures, interpreter, ptr, random_int8
from qmath import f32, qm, round_away, strides

I32 = ctypes.c_int32
I8x = I32 * 8


class LogSoftmaxParams(ctypes.Structure):
    _fields_ = [(n, I32) for n in ("rows", "depth", "input_multiplier", "input_left_shift",
                                   "reverse_scaling_divisor", "reverse_scaling_right_shift",
                                   "diff_min")]


class BinaryParams(ctypes.Structure):
    _fields_ = [("rank", I32), ("count", I32), ("dims", I8x), ("stride1", I8x), ("stride2", I8x)] + \
        [(n, I32) for n in ("zp1", "zp2", "output_zp", "act_min", "act_max", "left_shift", "mult1",
                            "shift1", "mult2", "shift2", "mult", "shift")]


class ReduceParams(ctypes.Structure):
    _fields_ = [("out_rank", I32), ("red_rank", I32), ("odims", I8x), ("ostrides_in", I8x),
                ("rdims", I8x), ("rstrides_in", I8x)] + \
        [(n, I32) for n in ("zp_in", "zp_out", "mult", "shift", "count_reduced")]


class TransposeConvParams(ctypes.Structure):
    _fields_ = [(n, I32) for n in ("batch ih iw ic oh ow oc kh kw stride_h stride_w pad_h pad_w "
                                   "input_zp output_zp act_min act_max").split()]


def _compare(path, runs, inputs, kernel):
    """Runs TFLM and `kernel(inputs) -> flat output` on `runs` input sets; True when all equal."""
    it = interpreter(path)
    for k in range(runs):
        xs = inputs(k)
        for i, x in enumerate(xs):
            it.set_input(x, i)
        it.invoke()
        want = it.get_output(0).reshape(-1)
        got = kernel(xs)
        if got.dtype == np.float32:
            same = np.array_equal(got.view(np.uint32), want.view(np.uint32))
        else:
            same = np.array_equal(got, want)
        if not same:
            return False
    return True


def log_softmax_params(scale, rows, depth):
    m, ls = qm(min(scale * 2 ** 26, 2 ** 31 - 1))
    r, rs = qm((1 << (31 - ls)) / m)
    return LogSoftmaxParams(rows, depth, m, ls, r, -rs, -math.floor(31 * (1 << 26) / (1 << ls)))


def check_log_softmax(lib, rng):
    out = []
    for e, path in fixtures({"LOG_SOFTMAX"}):
        mdl = Model(path)
        shape = [int(d) for d in mdl.tensor(mdl.sg.inputs[0]).shape]
        depth = shape[-1]
        rows = int(np.prod(shape)) // depth
        float_path = len(mdl.sg.operators) == 2
        s, zp = Model.q(mdl.tensor(mdl.sg.inputs[0]))

        def kernel(xs):
            x = xs[0].reshape(-1)
            if float_path:
                d = np.array([f32(f32(s) * f32(int(v) - zp)) for v in x], np.float32)
                y = np.zeros(d.size, np.float32)
                lib.mcuc_log_softmax_f32(ctypes.byref(LogSoftmaxParams(rows, depth)), ptr(d), ptr(y))
                return y
            y = np.zeros(x.size, np.int8)
            lib.mcuc_log_softmax_s8(ctypes.byref(log_softmax_params(s, rows, depth)), ptr(x), ptr(y))
            return y
        out.append((e["file"], _compare(path, 100, lambda k: [random_int8(rng, shape, zp, k)], kernel)))
    return out


def _unary_kernel(lib, op, i, o):
    (si, zi), (so, zo) = i, o
    if op == "ABS":
        m, sh = qm(si / so)
        return lambda x, y: lib.mcuc_abs_s8(x.size, zi, zo, int(f32(si) != f32(so)), m, sh, ptr(x), ptr(y))
    if op == "RSQRT":
        m, sh = qm(1.0 / (np.sqrt(si) * so))
        return lambda x, y: lib.mcuc_rsqrt_s8(x.size, zi, zo, m, sh, ptr(x), ptr(y))
    if op == "L2_NORMALIZATION":
        return lambda x, y, d=None: None
    table = np.zeros(256, np.int8)
    inv = f32(1) / f32(so)
    libm = ctypes.CDLL("libm.so.6")
    libm.expf.restype, libm.expf.argtypes = ctypes.c_float, [ctypes.c_float]
    for v in range(-128, 128):
        deq = f32(f32(si) * f32(v - zi))
        t = f32(libm.expf(float(deq))) - f32(1) if deq < 0 else deq
        table[v & 0xFF] = max(-128, min(127, int(f32(round_away(f32(t * inv))) + f32(zo))))
    return lambda x, y: lib.mcuc_lut_s8(x.size, ptr(table), ptr(x), ptr(y))


def check_unary(lib, rng):
    out = []
    for e, path in fixtures({"ABS", "RSQRT", "ELU", "L2_NORMALIZATION"}):
        mdl = Model(path)
        ti, to = mdl.input(0), mdl.output()
        shape = [int(d) for d in ti.shape]
        run = _unary_kernel(lib, e["op"], Model.q(ti), Model.q(to))

        def kernel(xs, run=run, e=e, shape=shape, ti=ti):
            x = xs[0].reshape(-1)
            y = np.zeros(x.size, np.int8)
            if e["op"] == "L2_NORMALIZATION":
                lib.mcuc_l2norm_s8(x.size // shape[-1], shape[-1], Model.q(ti)[1], ptr(x), ptr(y))
            else:
                run(x, y)
            return y
        out.append((e["file"], _compare(path, 100, lambda k: [random_int8(rng, shape, Model.q(ti)[1], k)],
                                        kernel)))
    return out


def _broadcast_strides(shape, out):
    st = strides(shape)
    pad = len(out) - len(shape)
    full, sh = [0] * pad + st, [1] * pad + list(shape)
    return [0 if sh[i] == 1 and out[i] != 1 else full[i] for i in range(len(out))]


def binary_params(op, t1, t2, to):
    out_shape = [int(d) for d in to.shape]
    p = BinaryParams()
    p.rank, p.count = len(out_shape), int(np.prod(out_shape))
    for i, d in enumerate(out_shape):
        p.dims[i] = d
    for i, s in enumerate(_broadcast_strides([int(d) for d in t1.shape], out_shape)):
        p.stride1[i] = s
    for i, s in enumerate(_broadcast_strides([int(d) for d in t2.shape], out_shape)):
        p.stride2[i] = s
    (s1, p.zp1), (s2, p.zp2), (so, p.output_zp) = Model.q(t1), Model.q(t2), Model.q(to)
    if op == "SQUARED_DIFFERENCE":
        tw = 2 * max(s1, s2)
        p.left_shift = 7
        p.mult1, p.shift1 = qm(s1 / tw)
        p.mult2, p.shift2 = qm(s2 / tw)
        p.mult, p.shift = qm(tw * tw / ((1 << 14) * so))
    if op == "PRELU":
        p.mult1, p.shift1 = qm(s1 / so)
        p.mult2, p.shift2 = qm(s1 * s2 / so)
    return p


def check_binary(lib, rng):
    out = []
    names = {"MAXIMUM": "mcuc_maximum_s8", "MINIMUM": "mcuc_minimum_s8", "PRELU": "mcuc_prelu_s8",
             "SQUARED_DIFFERENCE": "mcuc_squared_difference_s8"}
    for e, path in fixtures(set(names)):
        mdl = Model(path)
        t1, t2, to = mdl.input(0), mdl.input(1), mdl.output()
        p = binary_params(e["op"], t1, t2, to)
        c2 = mdl.const(t2)
        fn = getattr(lib, names[e["op"]])

        def inputs(k, t1=t1, t2=t2, c2=c2):
            a = random_int8(rng, [int(d) for d in t1.shape], Model.q(t1)[1], k)
            return [a] if c2 is not None else [a, random_int8(rng, [int(d) for d in t2.shape], 0, 0)]

        def kernel(xs, p=p, c2=c2, fn=fn):
            b = np.ascontiguousarray(c2 if c2 is not None else xs[1])
            y = np.zeros(p.count, np.int8)
            fn(ctypes.byref(p), ptr(xs[0]), ptr(b), ptr(y))
            return y
        out.append((e["file"], _compare(path, 100, inputs, kernel)))
    return out


def _reduce_kernel(lib, e, mdl):
    ti, to = mdl.input(0), mdl.output()
    shape = [int(d) for d in ti.shape]
    rank, st = len(shape), strides(shape)
    if e["op"] in ("ARG_MAX", "ARG_MIN"):
        ax = int(mdl.const(mdl.input(1)).reshape(-1)[0]) % rank
        dims = (int(np.prod(shape[:ax])), shape[ax], int(np.prod(shape[ax + 1:])))

        def arg(x):
            y = np.zeros(dims[0] * dims[2], np.int32)
            lib.mcuc_arg_s8(dims[0], dims[1], dims[2], int(e["op"] == "ARG_MAX"), ptr(x), ptr(y))
            return y
        return arg
    axes = sorted({int(a) % rank for a in mdl.const(mdl.input(1)).reshape(-1)})
    p = ReduceParams()
    kept = [i for i in range(rank) if i not in axes]
    p.out_rank, p.red_rank = len(kept), len(axes)
    for j, i in enumerate(kept):
        p.odims[j], p.ostrides_in[j] = shape[i], st[i]
    for j, i in enumerate(axes):
        p.rdims[j], p.rstrides_in[j] = shape[i], st[i]
    (si, p.zp_in), (so, p.zp_out) = Model.q(ti), Model.q(to)
    p.count_reduced = int(np.prod([shape[a] for a in axes]))
    p.mult, p.shift = qm(si / so)
    fn = lib.mcuc_sum_s8 if e["op"] == "SUM" else lib.mcuc_reduce_max_s8

    def reduce(x):
        y = np.zeros(int(np.prod([shape[i] for i in kept])), np.int8)
        fn(ctypes.byref(p), ptr(x), ptr(y))
        return y
    return reduce


def _bilinear_kernel(lib, mdl):
    o = mdl.op.builtinOptions
    b, ih, iw, c = [int(d) for d in mdl.input(0).shape]
    oh, ow = int(mdl.output().shape[1]), int(mdl.output().shape[2])
    hs, ws = ((1 << 10) * ih + oh // 2) // oh, ((1 << 10) * iw + ow // 2) // ow
    if o.alignCorners and oh > 1:
        hs = ((1 << 10) * (ih - 1) + (oh - 1) // 2) // (oh - 1)
    if o.alignCorners and ow > 1:
        ws = ((1 << 10) * (iw - 1) + (ow - 1) // 2) // (ow - 1)

    def resize(x):
        y = np.zeros(b * oh * ow * c, np.int8)
        lib.mcuc_resize_bilinear_s8(b, ih, iw, c, oh, ow, hs, ws, int(o.halfPixelCenters), ptr(x), ptr(y))
        return y
    return resize


def check_reduce_and_resize(lib, rng):
    out = []
    for e, path in fixtures({"SUM", "REDUCE_MAX", "ARG_MAX", "ARG_MIN", "RESIZE_BILINEAR"}):
        mdl = Model(path)
        run = _bilinear_kernel(lib, mdl) if e["op"] == "RESIZE_BILINEAR" else _reduce_kernel(lib, e, mdl)
        shape = [int(d) for d in mdl.input(0).shape]

        def inputs(k, shape=shape):
            x = rng.integers(-128, 128, size=shape).astype(np.int8)
            return [(x // 16).astype(np.int8) if k % 2 else x]   # odd runs: many ties
        out.append((e["file"], _compare(path, 100, inputs, lambda xs, run=run: run(xs[0].reshape(-1)))))
    return out


def _same_pad(out, k, s, same):
    o2 = (out + s - 1) // s if same else (out - k + s) // s
    return max((o2 - 1) * s + k - out, 0) // 2


def check_transpose_conv(lib, rng):
    out = []
    for e, path in fixtures({"TRANSPOSE_CONV"}):
        mdl = Model(path)
        tw, tx, to = mdl.input(1), mdl.input(2), mdl.output()
        tb = mdl.input(3) if len(mdl.op.inputs) > 3 else None
        w, bias = mdl.const(tw).copy(), (mdl.const(tb).copy() if tb is not None else None)
        b, ih, iw, ic = [int(d) for d in tx.shape]
        _, oh, ow, oc = [int(d) for d in to.shape]
        _, kh, kw, _ = [int(d) for d in tw.shape]
        o = mdl.op.builtinOptions
        same = o.padding == 0
        (si, zi), (so, zo) = Model.q(tx), Model.q(to)
        p = TransposeConvParams(b, ih, iw, ic, oh, ow, oc, kh, kw, o.strideH, o.strideW,
                                _same_pad(oh, kh, o.strideH, same), _same_pad(ow, kw, o.strideW, same),
                                zi, zo, -128, 127)
        if o.fusedActivationFunction in (1, 3):
            p.act_min = max(-128, zo + int(round_away(0.0)))
        if o.fusedActivationFunction == 3:
            p.act_max = min(127, zo + int(round_away(6.0 / so)))
        ws = [float(v) for v in tw.quantization.scale]
        ms = [qm(si * ws[c if len(ws) > 1 else 0] / so) for c in range(oc)]
        mult, shift = np.array([m for m, _ in ms], np.int32), np.array([s for _, s in ms], np.int32)

        def kernel(xs, p=p, w=w, bias=bias, mult=mult, shift=shift):
            y = np.zeros(p.batch * p.oh * p.ow * p.oc, np.int8)
            lib.mcuc_transpose_conv_s8(ctypes.byref(p), ptr(xs[0]), ptr(w), ptr(bias), ptr(mult),
                                       ptr(shift), ptr(y))
            return y
        out.append((e["file"], _compare(path, 60, lambda k, tx=tx: [random_int8(rng, [int(d) for d in tx.shape],
                                                                                 Model.q(tx)[1], k)], kernel)))
    return out


CHECKS = [check_log_softmax, check_unary, check_binary, check_reduce_and_resize, check_transpose_conv]
