"""Python models of the int16x8 kernels (int16_models.py) against TFLM on the pending fixtures."""

import numpy as np

from fixture_io import Model, fixtures, interpreter
from int16_models import logistic16, sigmoid16_prepare, softmax16_row, tanh16
from qmath import f32, mbqm, mbqm64, qm, round_away


def _compare(path, runs, shape, rng, model):
    it = interpreter(path)
    for k in range(runs):
        x = rng.integers(-32768, 32768, size=shape).astype(np.int16)
        if k % 2:
            x = (x // 64).astype(np.int16)
        it.set_input(x, 0)
        it.invoke()
        if model(x).tolist() != it.get_output(0).reshape(-1).tolist():
            return False
    return True


def check_softmax16(rng):
    out = []
    for e, path in fixtures({"SOFTMAX"}, "int16"):
        mdl = Model(path)
        s, _ = Model.q(mdl.input(0))
        m, ls = qm(float(f32(s)) * float(f32(mdl.op.builtinOptions.beta)) / (10.0 / 65535.0))
        shape = [int(d) for d in mdl.input(0).shape]
        depth = shape[-1]

        def model(x, m=m, ls=ls, depth=depth):
            v = x.reshape(-1).astype(int).tolist()
            return np.array(sum((softmax16_row(v[k:k + depth], m, ls) for k in range(0, len(v), depth)), []))
        out.append((e["file"], _compare(path, 40, shape, rng, model)))
    return out


def check_sigmoid16(rng):
    out = []
    for e, path in fixtures({"LOGISTIC", "TANH"}, "int16"):
        mdl = Model(path)
        m, ls = sigmoid16_prepare(Model.q(mdl.input(0))[0], e["op"])
        fn = logistic16 if e["op"] == "LOGISTIC" else tanh16
        out.append((e["file"], _compare(path, 10, [int(d) for d in mdl.input(0).shape], rng,
                                        lambda x, fn=fn, m=m, ls=ls: np.array([fn(int(v), m, ls) for v in x.reshape(-1)]))))
    return out


def _activation_range(act, so):
    lo, hi = -32768, 32767
    if act in (1, 3):
        lo = max(lo, 0)
    if act == 3:
        hi = min(hi, int(round_away(6.0 / so)))
    return lo, hi


def _conv_acc(x, w, opts, out_shape):
    n, h, wd, _ = x.shape
    _, oh, ow, oc = out_shape
    _, kh, kw, _ = w.shape
    s, same = opts.strideH, opts.padding == 0
    ph = max((oh - 1) * s + kh - h, 0) // 2 if same else 0
    pw = max((ow - 1) * s + kw - wd, 0) // 2 if same else 0
    acc = np.zeros((n, oh, ow, oc), np.int64)
    for oy in range(oh):
        for ox in range(ow):
            for ky in range(kh):
                for kx in range(kw):
                    iy, ix = oy * s - ph + ky, ox * s - pw + kx
                    if 0 <= iy < h and 0 <= ix < wd:
                        acc[:, oy, ox, :] += x[:, iy, ix, :] @ w[:, ky, kx, :].T
    return acc


def check_linear16(rng):
    """int16 CONV_2D and FULLY_CONNECTED: accumulator type, MBQM64, activation clamps."""
    out = []
    for e, path in fixtures({"CONV_2D", "FULLY_CONNECTED"}, "int16"):
        mdl = Model(path)
        tx, tw, to = mdl.input(0), mdl.input(1), mdl.output()
        tb = mdl.input(2) if len(mdl.op.inputs) > 2 else None
        w = mdl.const(tw).astype(np.int64)
        b = mdl.const(tb).astype(np.int64) if tb is not None else None
        use64 = (tb is not None and tb.type == 4) or \
            (tb is None and getattr(mdl.op.builtinOptions, "quantizedBiasType", 0) != 2)
        si, so = Model.q(tx)[0], Model.q(to)[0]
        ws = [float(v) for v in tw.quantization.scale]
        oc = w.shape[0]
        if e["op"] == "FULLY_CONNECTED" and len(ws) == 1:
            mults = [qm(si * ws[0] / so)] * oc
        else:
            mults = [qm(si * ws[c if len(ws) > 1 else 0] / so) for c in range(oc)]
        lo, hi = _activation_range(mdl.op.builtinOptions.fusedActivationFunction, so)
        scale = mbqm64 if use64 else mbqm

        def model(x, mdl=mdl, w=w, b=b, mults=mults, lo=lo, hi=hi, scale=scale, e=e, to=to):
            xi = x.astype(np.int64)
            if e["op"] == "FULLY_CONNECTED":
                acc = xi.reshape(-1, w.shape[1]) @ w.T
            else:
                acc = _conv_acc(xi, w, mdl.op.builtinOptions, [int(d) for d in to.shape])
            acc = acc.reshape(-1, w.shape[0]) + (b if b is not None else 0)
            return np.array([[max(lo, min(hi, scale(int(v), *mults[c]))) for c, v in enumerate(row)]
                             for row in acc]).reshape(-1)
        out.append((e["file"], _compare(path, 6, [int(d) for d in tx.shape], rng, model)))
    return out


CHECKS = [check_softmax16, check_sigmoid16, check_linear16]
