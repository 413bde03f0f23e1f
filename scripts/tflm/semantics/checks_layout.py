"""NumPy models of the data-movement ops and BATCH_MATMUL against TFLM on the pending fixtures."""

import numpy as np

from fixture_io import Model, fixtures, interpreter
from qmath import f32, mbqm, qm


def _slice(m, x):
    begin = m.const(m.input(1)).reshape(-1)
    size = m.const(m.input(2)).reshape(-1)
    idx = tuple(slice(int(b), int(d) if s == -1 else int(b + s)) for b, s, d in zip(begin, size, x.shape))
    return [x[idx]]


def _split(m, x, sizes, axis):
    return np.split(x, np.cumsum(sizes)[:-1], axis=axis)


def _split_op(m, x):
    axis = int(m.const(m.input(0)).reshape(-1)[0]) % x.ndim
    return _split(m, x, [x.shape[axis] // len(m.op.outputs)] * len(m.op.outputs), axis)


def _split_v(m, x):
    axis = int(m.const(m.input(2)).reshape(-1)[0]) % x.ndim
    return _split(m, x, [int(m.output(k).shape[axis]) for k in range(len(m.op.outputs))], axis)


def _space_to_batch(m, x):
    block = [int(v) for v in m.const(m.input(1)).reshape(-1)]
    pads = m.const(m.input(2)).reshape(-1, 2)
    x4 = x if x.ndim == 4 else x[:, :, None, :]
    block, pads = block + [1] * (2 - len(block)), list(pads) + [[0, 0]] * (2 - len(pads))
    xp = np.pad(x4, [[0, 0], pads[0], pads[1], [0, 0]], constant_values=Model.q(m.output())[1])
    n, h, w, c = xp.shape
    y = xp.reshape(n, h // block[0], block[0], w // block[1], block[1], c).transpose(2, 4, 0, 1, 3, 5)
    return [y.reshape(-1, h // block[0], w // block[1], c).reshape([int(d) for d in m.output().shape])]


def _batch_to_space(m, x):
    block = [int(v) for v in m.const(m.input(1)).reshape(-1)]
    crops = m.const(m.input(2)).reshape(-1, 2)
    x4 = x if x.ndim == 4 else x[:, :, None, :]
    block, crops = block + [1] * (2 - len(block)), list(crops) + [[0, 0]] * (2 - len(crops))
    n, h, w, c = x4.shape
    y = x4.reshape(block[0], block[1], n // (block[0] * block[1]), h, w, c).transpose(2, 3, 0, 4, 1, 5)
    y = y.reshape(n // (block[0] * block[1]), h * block[0], w * block[1], c)
    y = y[:, crops[0][0]:h * block[0] - crops[0][1], crops[1][0]:w * block[1] - crops[1][1], :]
    return [y.reshape([int(d) for d in m.output().shape])]


def _depth_space(m, x, to_space):
    b = m.op.builtinOptions.blockSize
    n, h, w, c = x.shape
    if to_space:
        y = x.reshape(n, h, w, b, b, c // (b * b)).transpose(0, 1, 3, 2, 4, 5)
        return [y.reshape(n, h * b, w * b, c // (b * b))]
    y = x.reshape(n, h // b, b, w // b, b, c).transpose(0, 1, 3, 2, 4, 5)
    return [y.reshape(n, h // b, w // b, b * b * c)]


def _mirror_pad(m, x):
    pads = m.const(m.input(1)).reshape(-1, 2)
    mode = "reflect" if m.op.builtinOptions.mode == 0 else "symmetric"
    return [np.pad(x, [[int(a), int(b)] for a, b in pads], mode=mode)]


def _gather(m, xs):
    x = m.const(m.input(0)) if m.const(m.input(0)) is not None else xs.pop(0)
    coords = m.const(m.input(1)) if m.const(m.input(1)) is not None else xs.pop(0)
    o = m.op.builtinOptions
    axis, bd = o.axis % x.ndim, o.batchDims % coords.ndim if o.batchDims < 0 else o.batchDims
    if bd == 0:
        return [np.take(x, coords, axis=axis)]
    return [np.stack([np.take(x[i], coords[i], axis=axis - 1) for i in range(x.shape[0])])]


def _batch_matmul(m, xs):
    tl, tr, to = m.input(0), m.input(1), m.output()
    xs = list(xs)
    lhs = (m.const(tl) if m.const(tl) is not None else xs.pop(0)).astype(np.int64) - Model.q(tl)[1]
    rhs = (m.const(tr) if m.const(tr) is not None else xs.pop(0)).astype(np.int64) - Model.q(tr)[1]
    o = m.op.builtinOptions
    lhs = np.swapaxes(lhs, -1, -2) if o.adjX else lhs
    rhs = np.swapaxes(rhs, -1, -2) if o.adjY else rhs
    mult = qm(Model.q(tl)[0] * Model.q(tr)[0] / Model.q(to)[0])
    acc = np.matmul(lhs, rhs)
    return [np.vectorize(lambda a: max(-128, min(127, mbqm(int(a), *mult) + Model.q(to)[1])))(acc)]


MODELS = {
    "SLICE": _slice, "SPLIT": _split_op, "SPLIT_V": _split_v,
    "UNPACK": lambda m, x: [np.squeeze(a, axis=m.op.builtinOptions.axis % x.ndim)
                            for a in np.split(x, x.shape[m.op.builtinOptions.axis % x.ndim],
                                              axis=m.op.builtinOptions.axis % x.ndim)],
    "EXPAND_DIMS": lambda m, x: [x.reshape([int(d) for d in m.output().shape])],
    "SPACE_TO_BATCH_ND": _space_to_batch, "BATCH_TO_SPACE_ND": _batch_to_space,
    "DEPTH_TO_SPACE": lambda m, x: _depth_space(m, x, True),
    "SPACE_TO_DEPTH": lambda m, x: _depth_space(m, x, False), "MIRROR_PAD": _mirror_pad,
}
MULTI_INPUT = {"PACK": lambda m, xs: [np.stack(xs, axis=m.op.builtinOptions.axis)],
               "GATHER": _gather, "BATCH_MATMUL": _batch_matmul}


def check_layout(rng):
    out = []
    for e, path in fixtures(set(MODELS) | set(MULTI_INPUT)) + fixtures({"GATHER"}, "int32"):
        m = Model(path)
        it = interpreter(path)
        ok = True
        for _ in range(20):
            xs = []
            for k, t in enumerate(e["inputs"]):
                if t["dtype"] == "int32":
                    lo, hi = e["params"]["coords_range"]
                    xs.append(rng.integers(lo, hi + 1, size=t["shape"]).astype(np.int32))
                else:
                    xs.append(rng.integers(-128, 128, size=t["shape"]).astype(np.int8))
                it.set_input(xs[-1], k)
            it.invoke()
            want = [it.get_output(k) for k in range(len(e["outputs"]))]
            got = MODELS[e["op"]](m, xs[0]) if e["op"] in MODELS else MULTI_INPUT[e["op"]](m, list(xs))
            padded = e["op"] == "SPACE_TO_BATCH_ND" and "padded" in e["file"]
            if padded:   # TFLM pads with garbage: compare where the model is not padding
                zp = Model.q(m.output())[1]
                ok = ok and all(np.array_equal(np.where(g == zp, w, g), w) for g, w in zip(got, want))
            else:
                ok = ok and all(np.array_equal(np.asarray(g).reshape(-1), w.reshape(-1)) for g, w in zip(got, want))
        out.append((e["file"], ok))
    return out


CHECKS = [check_layout]
