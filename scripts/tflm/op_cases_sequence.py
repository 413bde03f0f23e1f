"""Stateful op fixtures of issue #12: SVDF (int8 input, int8 or int16 state) and
UNIDIRECTIONAL_SEQUENCE_LSTM (int8 activations x int8 weights -> int16 cell, and int16 activations
x int8 weights -> int16 cell), with variable state tensors.

LSTM tensors follow what the TFLite converter writes (and TFLM's Prepare requires): 24 inputs
with -1 for peephole (9-11), projection (16-17) and layer-norm (20-23) slots; per-tensor
symmetric int8 weights; biases int32 (int8 activations) or int64 (int16 activations) with scale
s_x * s_w; hidden state variable with the output's quantization; cell state variable int16 with a
power-of-two scale. Some fixtures also list the converter's empty float32 "intermediate"
placeholder tensors on the operator, as tflm_mnist_lstm does.
"""

import math

import numpy as np

from tflite_builder import ACT, OP, TT, ModelBuilder, f32, fb, log_uniform, opts, rand_q, weights

GATES = ("input", "forget", "cell", "output")


def g_svdf(rng, batch=1, n_input=12, units=4, rank=1, memory=5, state_type="int16", act="NONE"):
    in_q = rand_q(rng, 0.02, 0.1)
    filters = units * rank
    st = TT.INT16 if state_type == "int16" else TT.INT8
    state_q = (f32(log_uniform(rng, 2e-4, 5e-4)), 0) if st == TT.INT16 else \
        (f32(log_uniform(rng, 0.03, 0.08)), int(rng.integers(-20, 21)))
    wf_s = f32(1.5 / (in_q[0] * 74.0 * 73.0 * math.sqrt(n_input)))
    # time weights of about +-0.3 real: int8 values up to 127, int16 values up to 25400
    wt_s = f32(log_uniform(rng, 0.3, 0.6) / (25400.0 if st == TT.INT16 else 127.0))
    out_q = rand_q(rng, 0.02, 0.1, zp=int(rng.integers(-10, 11)))
    m = ModelBuilder()
    x = m.act("input", [batch, n_input], in_q)
    wf = m.const("weights_feature", weights(rng, (filters, n_input)), TT.INT8, ([wf_s], [0]))
    wt_vals = rng.integers(-127, 128, size=(filters, memory))
    if st == TT.INT16:
        wt_vals = wt_vals * 200
    wt = m.const("weights_time", wt_vals, st, ([wt_s], [0]))
    b_s = f32(np.float32(state_q[0]) * np.float32(wt_s))
    b = m.const("bias", np.round(rng.normal(0, 0.5, size=units) / b_s).astype(np.int32),
                TT.INT32, ([b_s], [0]))
    s = m.act("activation_state", [batch, filters * memory], state_q, dtype=st, variable=True)
    y = m.act("output", [batch, units], out_q)
    m.op(OP.SVDF, [x, wf, wt, b, s], [y],
         opts(fb.SVDFOptionsT, rank=rank, fusedActivationFunction=ACT[act]))
    return m, [x], [y], {}


def _lstm_scales(rng, x_q, h_q, n_input, n_state, x_steps):
    """Weight scales giving gate pre-activations of a few units (Q3.12 holds +-8)."""
    w_x = f32(1.2 / (x_q[0] * x_steps * 73.0 * math.sqrt(n_input)))
    h_steps = 0.5 / h_q[0]
    w_h = f32(0.8 / (h_q[0] * h_steps * 73.0 * math.sqrt(n_state)))
    return w_x, w_h


def g_lstm(rng, batch=1, steps=5, n_input=6, n_state=4, time_major=False, cell_clip=0.0,
           acts="int8", cell_scale_log2=-11, with_intermediates=False):
    """UNIDIRECTIONAL_SEQUENCE_LSTM with int8 (8x8->16) or int16 (16x8->16) activations."""
    i16 = acts == "int16"
    at = TT.INT16 if i16 else TT.INT8
    if i16:
        x_q, h_q, x_steps = (f32(log_uniform(rng, 1e-4, 3e-4)), 0), (f32(1.0 / 32768.0), 0), 18918.0
    else:
        x_q = rand_q(rng, 0.01, 0.05)
        h_q = (f32(1.0 / 128.0), 0) if rng.random() < 0.5 else (f32(2.0 / 255.0), -1)
        x_steps = 74.0
    w_x, w_h = _lstm_scales(rng, x_q, h_q, n_input, n_state, x_steps)
    m = ModelBuilder()
    in_shape = [steps, batch, n_input] if time_major else [batch, steps, n_input]
    x = m.act("input", in_shape, x_q, dtype=at)
    wx = {g: m.const("input_to_%s_w" % g, weights(rng, (n_state, n_input)), TT.INT8, ([w_x], [0]))
          for g in GATES}
    wh = {g: m.const("recurrent_to_%s_w" % g, weights(rng, (n_state, n_state)), TT.INT8,
                     ([w_h], [0])) for g in GATES}
    b_s = f32(np.float32(x_q[0]) * np.float32(w_x))
    bt = TT.INT64 if i16 else TT.INT32
    bias = {}
    for g in GATES:
        mean = 1.0 if g == "forget" else 0.0
        vals = np.round(rng.normal(mean, 0.5, size=n_state) / b_s).astype(np.int64)
        bias[g] = m.const("%s_gate_bias" % g, vals, bt, ([b_s], [0]))
    h = m.act("hidden_state", [batch, n_state], h_q, dtype=at, variable=True)
    c = m.act("cell_state", [batch, n_state], (f32(2.0 ** cell_scale_log2), 0), dtype=TT.INT16,
              variable=True)
    inter = None
    if with_intermediates:
        inter = [m.act("%s_intermediate" % g, [0], None, dtype=TT.FLOAT32) for g in
                 ("input_to_input", "input_to_forget", "input_to_cell", "input_to_output")]
        inter.append(m.act("effective_hidden_scale_intermediate", [0], h_q, dtype=at))
    out_shape = [steps, batch, n_state] if time_major else [batch, steps, n_state]
    y = m.act("output", out_shape, h_q, dtype=at)
    ins = [x] + [wx[g] for g in GATES] + [wh[g] for g in GATES] + [-1, -1, -1] + \
        [bias[g] for g in GATES] + [-1, -1, h, c, -1, -1, -1, -1]
    m.op(OP.UNIDIRECTIONAL_SEQUENCE_LSTM, ins, [y],
         opts(fb.UnidirectionalSequenceLSTMOptionsT, fusedActivationFunction=ACT_TANH,
              cellClip=cell_clip, projClip=0.0, timeMajor=time_major),
         intermediates=inter)
    return m, [x], [y], {}


ACT_TANH = fb.ActivationFunctionType.TANH


def define(R):
    """Registers the SVDF and LSTM fixtures."""
    R.add("SVDF", "int16_state_rank1", g_svdf)
    R.add("SVDF", "int16_state_rank2_batch2", g_svdf, batch=2, rank=2, units=3, memory=4)
    R.add("SVDF", "int8_state_rank1", g_svdf, state_type="int8", n_input=20, memory=8)
    R.add("SVDF", "int8_state_rank2", g_svdf, state_type="int8", rank=2, units=5)
    # TFLM's integer SVDF ignores the fused activation: RELU outputs keep values below the zero point
    R.add("SVDF", "int16_state_relu_batch2_mem10", g_svdf, batch=2, memory=10, act="RELU")
    R.add("SVDF", "int8_state_rank3_batch2_relu", g_svdf, state_type="int8", rank=3, units=2, batch=2, act="RELU")
    R.add("SVDF", "int16_state_memory1", g_svdf, memory=1, units=6)
    R.add("SVDF", "int8_state_wide_input64", g_svdf, state_type="int8", n_input=64, units=8, memory=3)
    lstm = "UNIDIRECTIONAL_SEQUENCE_LSTM"
    R.add(lstm, "i8_basic", g_lstm)
    R.add(lstm, "i8_intermediates_clip10", g_lstm, cell_clip=10.0, with_intermediates=True,
          steps=8, n_input=10, n_state=6)
    R.add(lstm, "i8_time_major_batch2", g_lstm, time_major=True, batch=2, steps=4)
    R.add(lstm, "i8_batch2_cell_2m12", g_lstm, batch=2, steps=6, cell_scale_log2=-12)
    R.add(lstm, "i8_state16_input3_clip3", g_lstm, n_state=16, n_input=3, steps=3, cell_clip=3.0)
    R.add(lstm, "i16_basic", g_lstm, acts="int16")
    R.add(lstm, "i16_time_major_batch2_clip5", g_lstm, acts="int16", time_major=True, batch=2,
          cell_clip=5.0)
    R.add(lstm, "i16_intermediates_cell_2m10", g_lstm, acts="int16", with_intermediates=True,
          cell_scale_log2=-10, steps=7, n_state=8)
