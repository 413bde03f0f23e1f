"""The single-op generators of make_op_models.py: each draws one model of its op from `rng` and
returns (ModelBuilder, inputs, outputs, extra index parameters)."""

import math

import numpy as np

from tflite_builder import (ACC_STD, ACT, OP, PAD, TT, ModelBuilder, _bcast_shape, bias_for, binary_out_q,
                            conv_out, f32, fb, log_uniform, opts, out_q_for, rand_q, real_range, weights)


# Single-op generators
# ==========================================================================

def g_conv(rng, h=8, w=8, ic=4, oc=6, kh=3, kw=3, stride=(1, 1), dil=(1, 1), padding="SAME",
           act="NONE", per_channel=True, in_q=None, out_q=None, batch=1, bias=True,
           sigma=2.0, w_spread=4.0, mult=None, bias_factor=0.5, w_max=127):
    in_q = in_q or rand_q(rng)
    K = kh * kw * ic
    w_base = sigma / (in_q[0] * ACC_STD * math.sqrt(K))
    if per_channel:
        w_scales = [f32(w_base * log_uniform(rng, 1.0 / w_spread, w_spread)) for _ in range(oc)]
    else:
        w_scales = [f32(w_base)]
    if mult is not None:   # force an effective multiplier (e.g. > 1)
        out_q = (f32(in_q[0] * w_scales[0] / mult), int(rng.integers(-20, 21)))
    out_q = out_q or out_q_for(act, sigma, rng)
    oh = conv_out(h, kh, stride[0], dil[0], padding)
    ow = conv_out(w, kw, stride[1], dil[1], padding)
    assert oh > 0 and ow > 0
    m = ModelBuilder()
    x = m.act("input", [batch, h, w, ic], in_q)
    wt = m.const("weights", weights(rng, (oc, kh, kw, ic), w_max), TT.INT8,
                 (w_scales, [0] * len(w_scales)), qdim=0)
    ins = [x, wt]
    if bias:
        bvals, bscales = bias_for(rng, in_q[0], w_scales, sigma, oc, bias_factor)
        ins.append(m.const("bias", bvals, TT.INT32, (bscales, [0] * len(bscales)), qdim=0))
    else:
        ins.append(-1)
    y = m.act("output", [batch, oh, ow, oc], out_q)
    m.op(OP.CONV_2D, ins, [y], opts(fb.Conv2DOptionsT, padding=PAD[padding],
                                   strideH=stride[0], strideW=stride[1],
                                   dilationHFactor=dil[0], dilationWFactor=dil[1],
                                   fusedActivationFunction=ACT[act]))
    return m, [x], [y], {"w_scales": w_scales}


def g_dwconv(rng, h=8, w=8, ic=4, mult_d=1, kh=3, kw=3, stride=(1, 1), dil=(1, 1),
             padding="SAME", act="NONE", per_channel=True, in_q=None, out_q=None, bias=True,
             sigma=2.0, w_spread=4.0, bias_slot=False):
    in_q = in_q or rand_q(rng)
    oc = ic * mult_d
    K = kh * kw
    w_base = sigma / (in_q[0] * ACC_STD * math.sqrt(K))
    if per_channel:
        w_scales = [f32(w_base * log_uniform(rng, 1.0 / w_spread, w_spread)) for _ in range(oc)]
    else:
        w_scales = [f32(w_base)]
    out_q = out_q or out_q_for(act, sigma, rng)
    oh = conv_out(h, kh, stride[0], dil[0], padding)
    ow = conv_out(w, kw, stride[1], dil[1], padding)
    assert oh > 0 and ow > 0
    m = ModelBuilder()
    x = m.act("input", [1, h, w, ic], in_q)
    wt = m.const("weights", weights(rng, (1, kh, kw, oc)), TT.INT8,
                 (w_scales, [0] * len(w_scales)), qdim=3)
    ins = [x, wt]
    if bias:
        bvals, bscales = bias_for(rng, in_q[0], w_scales, sigma, oc)
        ins.append(m.const("bias", bvals, TT.INT32, (bscales, [0] * len(bscales)), qdim=0))
    elif bias_slot:
        ins.append(-1)
    y = m.act("output", [1, oh, ow, oc], out_q)
    m.op(OP.DEPTHWISE_CONV_2D, ins, [y],
         opts(fb.DepthwiseConv2DOptionsT, padding=PAD[padding], strideH=stride[0],
              strideW=stride[1], depthMultiplier=mult_d, dilationHFactor=dil[0],
              dilationWFactor=dil[1], fusedActivationFunction=ACT[act]))
    return m, [x], [y], {"w_scales": w_scales}


def g_fc(rng, in_shape=(1, 16), oc=8, keep_num_dims=False, act="NONE", in_q=None, out_q=None,
         bias=True, sigma=2.0, per_channel=False):
    in_q = in_q or rand_q(rng)
    ic = in_shape[-1]
    w_base = sigma / (in_q[0] * ACC_STD * math.sqrt(ic))
    if per_channel:
        w_scales = [f32(w_base * log_uniform(rng, 0.25, 4.0)) for _ in range(oc)]
    else:
        w_scales = [f32(w_base)]
    out_q = out_q or out_q_for(act, sigma, rng)
    if keep_num_dims:
        out_shape = list(in_shape[:-1]) + [oc]
    else:
        out_shape = [int(np.prod(in_shape)) // ic, oc]
    m = ModelBuilder()
    x = m.act("input", list(in_shape), in_q)
    wt = m.const("weights", weights(rng, (oc, ic)), TT.INT8, (w_scales, [0] * len(w_scales)), qdim=0)
    ins = [x, wt]
    if bias:
        bvals, bscales = bias_for(rng, in_q[0], w_scales, sigma, oc)
        ins.append(m.const("bias", bvals, TT.INT32, (bscales, [0] * len(bscales)), qdim=0))
    else:
        ins.append(-1)
    y = m.act("output", out_shape, out_q)
    m.op(OP.FULLY_CONNECTED, ins, [y],
         opts(fb.FullyConnectedOptionsT, fusedActivationFunction=ACT[act], keepNumDims=keep_num_dims))
    return m, [x], [y], {"w_scales": w_scales}


def g_binary(rng, op, shape1, shape2, act="NONE", q1=None, q2=None, out_q=None, const2=False):
    q1 = q1 or rand_q(rng)
    q2 = q2 or rand_q(rng)
    if out_q is None:
        out_q = binary_out_q(rng, op, q1, q2, act)
    m = ModelBuilder()
    a = m.act("input1", shape1, q1)
    if const2:
        b = m.const("input2", rng.integers(-128, 128, size=shape2), TT.INT8, q2)
    else:
        b = m.act("input2", shape2, q2)
    y = m.act("output", _bcast_shape(shape1, shape2), out_q)
    code = {"ADD": OP.ADD, "SUB": OP.SUB, "MUL": OP.MUL}[op]
    cls = {"ADD": fb.AddOptionsT, "SUB": fb.SubOptionsT, "MUL": fb.MulOptionsT}[op]
    m.op(code, [a, b], [y], opts(cls, fusedActivationFunction=ACT[act]))
    return m, ([a] if const2 else [a, b]), [y], {}


def g_pool(rng, op, h=8, w=8, c=5, fh=2, fw=2, stride=(2, 2), padding="VALID", act="NONE", q=None,
           batch=1):
    q = q or rand_q(rng)
    oh = conv_out(h, fh, stride[0], 1, padding)
    ow = conv_out(w, fw, stride[1], 1, padding)
    assert oh > 0 and ow > 0
    m = ModelBuilder()
    x = m.act("input", [batch, h, w, c], q)
    y = m.act("output", [batch, oh, ow, c], q)
    code = OP.AVERAGE_POOL_2D if op == "AVG" else OP.MAX_POOL_2D
    m.op(code, [x], [y], opts(fb.Pool2DOptionsT, padding=PAD[padding], strideH=stride[0],
                               strideW=stride[1], filterHeight=fh, filterWidth=fw,
                               fusedActivationFunction=ACT[act]))
    return m, [x], [y], {}


def g_mean(rng, shape=(1, 6, 6, 5), axes=(1, 2), keep=True, in_q=None, out_q=None, same_q=False):
    in_q = in_q or rand_q(rng, zp=int(rng.integers(-20, 21)))
    rank = len(shape)
    ax = sorted(a % rank for a in axes)
    if same_q:
        out_q = in_q
    if out_q is None:
        # mean of n uniform int8 values: std ~ 74 / sqrt(n) input steps; aim for ~40 output steps
        n = int(np.prod([shape[a] for a in ax]))
        out_s = f32(in_q[0] * 74.0 / math.sqrt(n) / 40.0 * log_uniform(rng, 0.8, 1.25))
        out_zp = int(np.clip(round(in_q[0] * (0.5 + in_q[1]) / out_s), -128, 127))
        out_q = (out_s, out_zp)
    out_shape = [1 if i in ax else d for i, d in enumerate(shape)] if keep else \
        [d for i, d in enumerate(shape) if i not in ax]
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    a = m.const("axis", np.array(axes, dtype=np.int32), TT.INT32)
    y = m.act("output", out_shape, out_q)
    m.op(OP.MEAN, [x, a], [y], opts(fb.ReducerOptionsT, keepDims=keep))
    return m, [x], [y], {}


def g_pad(rng, shape=(1, 5, 5, 3), pads=((0, 0), (1, 1), (1, 1), (0, 0)), v2=False, q=None,
          const_val=None):
    q = q or rand_q(rng)
    out_shape = [d + p[0] + p[1] for d, p in zip(shape, pads)]
    m = ModelBuilder()
    x = m.act("input", shape, q)
    p = m.const("paddings", np.array(pads, dtype=np.int32), TT.INT32)
    ins = [x, p]
    extra = {}
    if v2:
        cv = int(rng.integers(-128, 128)) if const_val is None else const_val
        ins.append(m.const("constant_values", np.array([cv], dtype=np.int8), TT.INT8, q))
        extra["constant_value"] = cv
    y = m.act("output", out_shape, q)
    if v2:
        m.op(OP.PADV2, ins, [y], opts(fb.PadV2OptionsT))
    else:
        m.op(OP.PAD, ins, [y], opts(fb.PadOptionsT))
    return m, [x], [y], extra


def g_reshape(rng, shape, new_shape, shape_tensor=True, q=None):
    q = q or rand_q(rng)
    m = ModelBuilder()
    x = m.act("input", shape, q)
    ins = [x]
    if shape_tensor:
        ins.append(m.const("shape", np.array(new_shape, dtype=np.int32), TT.INT32))
    y = m.act("output", [d for d in new_shape], q)
    m.op(OP.RESHAPE, ins, [y], opts(fb.ReshapeOptionsT, newShape=list(new_shape)))
    return m, [x], [y], {}


def g_squeeze(rng, shape, dims, q=None):
    q = q or rand_q(rng)
    rank = len(shape)
    if dims:
        d = [a % rank for a in dims]
        out_shape = [s for i, s in enumerate(shape) if i not in d]
    else:
        out_shape = [s for s in shape if s != 1]
    m = ModelBuilder()
    x = m.act("input", shape, q)
    y = m.act("output", out_shape, q)
    m.op(OP.SQUEEZE, [x], [y], opts(fb.SqueezeOptionsT, squeezeDims=list(dims)))
    return m, [x], [y], {}


def g_softmax(rng, shape=(1, 10), beta=1.0, in_q=None):
    in_q = in_q or rand_q(rng, 0.01, 0.04)
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    y = m.act("output", shape, (f32(1.0 / 256.0), -128))
    m.op(OP.SOFTMAX, [x], [y], opts(fb.SoftmaxOptionsT, beta=beta))
    return m, [x], [y], {}


def g_concat(rng, shapes, axis, q=None):
    q = q or rand_q(rng)
    rank = len(shapes[0])
    ax = axis % rank
    out_shape = list(shapes[0])
    out_shape[ax] = sum(s[ax] for s in shapes)
    m = ModelBuilder()
    xs = [m.act("input%d" % (i + 1), s, q) for i, s in enumerate(shapes)]
    y = m.act("output", out_shape, q)
    m.op(OP.CONCATENATION, xs, [y], opts(fb.ConcatenationOptionsT, axis=axis,
                                          fusedActivationFunction=ACT["NONE"]))
    return m, xs, [y], {}


def g_unary(rng, op, shape=(1, 6, 6, 4), in_q=None, out_q=None, **kw):
    in_q = in_q or rand_q(rng)
    fixed_out = {"LOGISTIC": (f32(1.0 / 256.0), -128), "TANH": (f32(1.0 / 128.0), 0)}
    if op in fixed_out:
        out_q = fixed_out[op]
    elif out_q is None:
        out_q = in_q
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    y = m.act("output", shape, out_q)
    options = None
    if op == "LEAKY_RELU":
        options = opts(fb.LeakyReluOptionsT, alpha=kw.get("alpha", 0.2))
    elif op == "HARD_SWISH":
        options = opts(fb.HardSwishOptionsT)
    m.op(getattr(OP, op), [x], [y], options)
    return m, [x], [y], {}


def g_quantize(rng, shape=(1, 6, 6, 3), in_q=None, out_q=None, float_in=True):
    out_q = out_q or rand_q(rng)
    m = ModelBuilder()
    if float_in:
        x = m.act("input", shape, None, dtype=TT.FLOAT32)
        extra = {"float_input_range": [f32(out_q[0] * (-128 - out_q[1]) * 1.25),
                                       f32(out_q[0] * (127 - out_q[1]) * 1.25)]}
    else:
        in_q = in_q or rand_q(rng)
        x = m.act("input", shape, in_q)
        extra = {}
    y = m.act("output", shape, out_q)
    m.op(OP.QUANTIZE, [x], [y], opts(fb.QuantizeOptionsT))
    return m, [x], [y], extra


def g_dequantize(rng, shape=(1, 6, 6, 3), in_q=None):
    in_q = in_q or rand_q(rng)
    m = ModelBuilder()
    x = m.act("input", shape, in_q)
    y = m.act("output", shape, None, dtype=TT.FLOAT32)
    m.op(OP.DEQUANTIZE, [x], [y], opts(fb.DequantizeOptionsT))
    return m, [x], [y], {}


def g_resize_nn(rng, h=4, w=4, c=3, oh=8, ow=8, align=False, half=False, q=None):
    q = q or rand_q(rng)
    m = ModelBuilder()
    x = m.act("input", [1, h, w, c], q)
    s = m.const("size", np.array([oh, ow], dtype=np.int32), TT.INT32)
    y = m.act("output", [1, oh, ow, c], q)
    m.op(OP.RESIZE_NEAREST_NEIGHBOR, [x, s], [y],
         opts(fb.ResizeNearestNeighborOptionsT, alignCorners=align, halfPixelCenters=half))
    return m, [x], [y], {}


def g_transpose(rng, shape, perm, q=None):
    q = q or rand_q(rng)
    m = ModelBuilder()
    x = m.act("input", shape, q)
    p = m.const("perm", np.array(perm, dtype=np.int32), TT.INT32)
    y = m.act("output", [shape[i] for i in perm], q)
    m.op(OP.TRANSPOSE, [x, p], [y], opts(fb.TransposeOptionsT))
    return m, [x], [y], {}


def strided_slice_shape(shape, begin, end, strides, begin_mask, end_mask, shrink_mask):
    """Output shape with TFLite's StartForAxis / StopForAxis rules."""
    out = []
    for i, dim in enumerate(shape):
        st = strides[i]
        if begin_mask & (1 << i):
            b = 0 if st > 0 else dim - 1
        else:
            b = begin[i] + dim if begin[i] < 0 else begin[i]
            b = min(max(b, 0), dim) if st > 0 else min(max(b, -1), dim - 1)
        if shrink_mask & (1 << i):
            continue
        if end_mask & (1 << i):
            e = dim if st > 0 else -1
        else:
            e = end[i] + dim if end[i] < 0 else end[i]
            e = min(max(e, 0), dim) if st > 0 else min(max(e, -1), dim - 1)
        n = math.ceil((e - b) / st)
        out.append(max(n, 0))
    return out


def g_strided_slice(rng, shape, begin, end, strides, begin_mask=0, end_mask=0, shrink_mask=0,
                    q=None):
    q = q or rand_q(rng)
    out_shape = strided_slice_shape(shape, begin, end, strides, begin_mask, end_mask, shrink_mask)
    assert all(d > 0 for d in out_shape), out_shape
    m = ModelBuilder()
    x = m.act("input", shape, q)
    b = m.const("begin", np.array(begin, dtype=np.int32), TT.INT32)
    e = m.const("end", np.array(end, dtype=np.int32), TT.INT32)
    s = m.const("strides", np.array(strides, dtype=np.int32), TT.INT32)
    y = m.act("output", out_shape, q)
    m.op(OP.STRIDED_SLICE, [x, b, e, s], [y],
         opts(fb.StridedSliceOptionsT, beginMask=begin_mask, endMask=end_mask,
              shrinkAxisMask=shrink_mask))
    return m, [x], [y], {"output_shape": out_shape}


# ==========================================================================
# Few-op generators
# ==========================================================================
