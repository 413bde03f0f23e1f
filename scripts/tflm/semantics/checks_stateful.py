"""Models of TFLM's integer LSTM and SVDF against the oracle over consecutive invokes (state kept
in the variable tensors; both sides start from TFLM's reset() state)."""

import glob
import os

import numpy as np

from fixture_io import ROOT, Model, fixtures, interpreter
from int16_models import lstm
from qmath import f32, mbqm, qm

GATES = ("input", "forget", "cell", "output")


def _lstm_ok(path, rng, invokes=2):
    mdl = Model(path)
    op = next(o for o in mdl.sg.operators if mdl.m.operatorCodes[o.opcodeIndex].builtinCode == 44)
    ins = op.inputs
    t = mdl.tensor
    w = {g: (mdl.const(t(ins[1 + k])), Model.q(t(ins[1 + k]))[0]) for k, g in enumerate(GATES)}
    r = {g: (mdl.const(t(ins[5 + k])), Model.q(t(ins[5 + k]))[0]) for k, g in enumerate(GATES)}
    b = {g: mdl.const(t(ins[12 + k])) for k, g in enumerate(GATES)}
    tx, th, tc = t(ins[0]), t(ins[18]), t(ins[19])
    i16 = tx.type == 7
    batch, state = int(th.shape[0]), int(th.shape[1])
    h = [[Model.q(th)[1]] * state for _ in range(batch)]
    c = [[0] * state for _ in range(batch)]
    it = interpreter(path, preserve=True)
    it.reset()
    for _ in range(invokes):
        lo, hi = (-32768, 32768) if i16 else (-128, 128)
        x = rng.integers(lo, hi, size=[int(d) for d in tx.shape]).astype(np.int16 if i16 else np.int8)
        it.set_input(x, 0)
        it.invoke()
        o = op.builtinOptions
        y, h, c = lstm(x.astype(np.int64), w, r, b, h, c, Model.q(tx), Model.q(th), tc.quantization.scale[0],
                       o.cellClip, o.timeMajor, i16)
        for idx, value in ((op.outputs[0], y), (ins[18], h), (ins[19], c)):
            if not np.array_equal(np.array(value).reshape(-1), it.GetTensor(idx, 0)["tensor_data"].reshape(-1)):
                return False
    return True


def check_lstm(rng):
    paths = [p for dt in ("int8", "int16") for _, p in fixtures({"UNIDIRECTIONAL_SEQUENCE_LSTM"}, dt)]
    models = os.environ.get("MCUC_MODELS_DIR", os.path.join(ROOT, "..", "shared", "models"))
    paths += sorted(glob.glob(os.path.join(models, "*lstm*.tflite")))
    return [(os.path.basename(p), _lstm_ok(p, rng)) for p in paths]


def _svdf_step(state, x, mdl, e1, e2):
    op = mdl.op
    tx, twf, twt, tb, ts = (mdl.input(k) for k in range(5))
    wf, wt, b = (mdl.const(t).astype(np.int64) for t in (twf, twt, tb))
    zx, zs, zo = Model.q(tx)[1], Model.q(ts)[1], Model.q(mdl.output())[1]
    tmin, tmax = (-32768, 32767) if ts.type == 7 else (-128, 127)
    rank = op.builtinOptions.rank
    batch, filters, memory = x.shape[0], wt.shape[0], wt.shape[1]
    state[:-1] = state[1:].copy()
    for bb in range(batch):
        for f in range(filters):
            dot = int(np.sum(wf[f] * (x[bb].astype(np.int64) - zx)))
            v = max(tmin, min(tmax, mbqm(dot, *e1))) + zs
            state[(bb * filters + f) * memory + memory - 1] = (v - tmin) % (tmax - tmin + 1) + tmin
    y = []
    for bb in range(batch):
        s = [int(np.sum(wt[f] * (state[(bb * filters + f) * memory:(bb * filters + f + 1) * memory] - zs)))
             for f in range(filters)]
        for u in range(filters // rank):
            y.append(max(-128, min(127, mbqm(int(b[u]) + sum(s[u * rank:(u + 1) * rank]), *e2) + zo)))
    return np.array(y)


def check_svdf(rng):
    out = []
    for e, path in fixtures({"SVDF"}):
        mdl = Model(path)
        (sx, _), (swf, _), (swt, _), _, (ss, zs) = (Model.q(mdl.input(k)) for k in range(5))
        so = Model.q(mdl.output())[0]
        e1 = qm(sx * swf / ss)
        e2 = qm(ss * swt / so)
        ts = mdl.input(4)
        state = np.full(int(np.prod(ts.shape)), zs, np.int64)
        it = interpreter(path, preserve=True)
        it.reset()
        ok = True
        for _ in range(3):
            x = rng.integers(-128, 128, size=[int(d) for d in mdl.input(0).shape]).astype(np.int8)
            it.set_input(x, 0)
            it.invoke()
            y = _svdf_step(state, x, mdl, e1, e2)
            ok = ok and np.array_equal(y, it.get_output(0).reshape(-1)) and \
                np.array_equal(state, it.GetTensor(mdl.op.inputs[4], 0)["tensor_data"].reshape(-1))
        out.append((e["file"], ok))
    return out


CHECKS = [check_lstm, check_svdf]
