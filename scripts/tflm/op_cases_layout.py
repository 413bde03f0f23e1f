"""Op fixtures of issue #12 that only move int8 data: SLICE, SPLIT, SPLIT_V, PACK, UNPACK,
EXPAND_DIMS, SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND, DEPTH_TO_SPACE, SPACE_TO_DEPTH, MIRROR_PAD,
GATHER.

Each generator has the make_op_models.py signature fn(rng, **params) -> (ModelBuilder, inputs,
outputs, extra_params). All of these ops copy stored values without requantizing (TFLM does not
look at the quantization), so input and output share one quantization, as a converter writes it.
"""

import numpy as np

from tflite_builder import OP, TT, ModelBuilder, fb, opts, rand_q


def _const_i32(m, name, values, dtype=TT.INT32):
    return m.const(name, np.array(values), dtype)


def g_slice(rng, shape, begin, size, index_type="int32", q=None):
    q = q or rand_q(rng)
    dt = TT.INT64 if index_type == "int64" else TT.INT32
    out_shape = [d - b if s == -1 else s for d, b, s in zip(shape, begin, size)]
    m = ModelBuilder()
    x = m.act("input", shape, q)
    b = _const_i32(m, "begin", begin, dt)
    s = _const_i32(m, "size", size, dt)
    y = m.act("output", out_shape, q)
    m.op(OP.SLICE, [x, b, s], [y], opts(fb.SliceOptionsT))
    return m, [x], [y], {}


def g_split(rng, shape, axis, num, q=None):
    q = q or rand_q(rng)
    ax = axis % len(shape)
    part = list(shape)
    part[ax] = shape[ax] // num
    m = ModelBuilder()
    a = _const_i32(m, "axis", [axis])
    x = m.act("input", shape, q)
    ys = [m.act("output%d" % i, part, q) for i in range(num)]
    m.op(OP.SPLIT, [a, x], ys, opts(fb.SplitOptionsT, numSplits=num))
    return m, [x], ys, {}


def g_split_v(rng, shape, sizes, axis, q=None):
    q = q or rand_q(rng)
    ax = axis % len(shape)
    known = sum(s for s in sizes if s != -1)
    real = [shape[ax] - known if s == -1 else s for s in sizes]
    m = ModelBuilder()
    x = m.act("input", shape, q)
    sz = _const_i32(m, "size_splits", sizes)
    a = _const_i32(m, "axis", [axis])
    ys = []
    for i, n in enumerate(real):
        part = list(shape)
        part[ax] = n
        ys.append(m.act("output%d" % i, part, q))
    m.op(OP.SPLIT_V, [x, sz, a], ys, opts(fb.SplitVOptionsT, numSplits=len(sizes)))
    return m, [x], ys, {}


def g_pack(rng, shape, count, axis, q=None):
    q = q or rand_q(rng)
    rank = len(shape) + 1
    ax = axis % rank
    out_shape = list(shape[:ax]) + [count] + list(shape[ax:])
    m = ModelBuilder()
    xs = [m.act("input%d" % i, shape, q) for i in range(count)]
    y = m.act("output", out_shape, q)
    m.op(OP.PACK, xs, [y], opts(fb.PackOptionsT, valuesCount=count, axis=axis))
    return m, xs, [y], {}


def g_unpack(rng, shape, axis, q=None):
    q = q or rand_q(rng)
    ax = axis % len(shape)
    num = shape[ax]
    part = [d for i, d in enumerate(shape) if i != ax]
    m = ModelBuilder()
    x = m.act("input", shape, q)
    ys = [m.act("output%d" % i, part, q) for i in range(num)]
    m.op(OP.UNPACK, [x], ys, opts(fb.UnpackOptionsT, num=num, axis=axis))
    return m, [x], ys, {}


def g_expand_dims(rng, shape, axis, scalar_axis=False, q=None):
    q = q or rand_q(rng)
    rank = len(shape) + 1
    ax = axis % rank
    out_shape = list(shape[:ax]) + [1] + list(shape[ax:])
    m = ModelBuilder()
    x = m.act("input", shape, q)
    a = m.const("axis", np.array(axis if scalar_axis else [axis]), TT.INT32)
    y = m.act("output", out_shape, q)
    m.op(OP.EXPAND_DIMS, [x, a], [y], opts(fb.ExpandDimsOptionsT))
    return m, [x], [y], {}


def g_space_to_batch(rng, shape, block, pads, q=None):
    """SPACE_TO_BATCH_ND. TFLM pads with an uninitialised value (see OPERATOR_SEMANTICS.md): the
    padded cases use zero point 0 so that TFLite's rule (pad with the zero point) is what a
    zero-filled TFLM arena gives too."""
    q = q or rand_q(rng)
    if any(p for pp in pads for p in pp):
        q = (q[0], 0)
    spatial = shape[1:1 + len(block)]
    padded = [d + p[0] + p[1] for d, p in zip(spatial, pads)]
    assert all(p % b == 0 for p, b in zip(padded, block))
    out_shape = [shape[0] * int(np.prod(block))] + [p // b for p, b in zip(padded, block)] + \
        list(shape[1 + len(block):])
    m = ModelBuilder()
    x = m.act("input", shape, q)
    bs = _const_i32(m, "block_shape", block)
    ps = m.const("paddings", np.array(pads, dtype=np.int32), TT.INT32)
    y = m.act("output", out_shape, q)
    m.op(OP.SPACE_TO_BATCH_ND, [x, bs, ps], [y], opts(fb.SpaceToBatchNDOptionsT))
    return m, [x], [y], {}


def g_batch_to_space(rng, shape, block, crops, q=None):
    q = q or rand_q(rng)
    nb = int(np.prod(block))
    assert shape[0] % nb == 0
    spatial = shape[1:1 + len(block)]
    out_spatial = [d * b - c[0] - c[1] for d, b, c in zip(spatial, block, crops)]
    out_shape = [shape[0] // nb] + out_spatial + list(shape[1 + len(block):])
    m = ModelBuilder()
    x = m.act("input", shape, q)
    bs = _const_i32(m, "block_shape", block)
    cs = m.const("crops", np.array(crops, dtype=np.int32), TT.INT32)
    y = m.act("output", out_shape, q)
    m.op(OP.BATCH_TO_SPACE_ND, [x, bs, cs], [y], opts(fb.BatchToSpaceNDOptionsT))
    return m, [x], [y], {}


def g_depth_to_space(rng, shape, block, q=None):
    q = q or rand_q(rng)
    n, h, w, c = shape
    out_shape = [n, h * block, w * block, c // (block * block)]
    m = ModelBuilder()
    x = m.act("input", shape, q)
    y = m.act("output", out_shape, q)
    m.op(OP.DEPTH_TO_SPACE, [x], [y], opts(fb.DepthToSpaceOptionsT, blockSize=block))
    return m, [x], [y], {}


def g_space_to_depth(rng, shape, block, q=None):
    q = q or rand_q(rng)
    n, h, w, c = shape
    out_shape = [n, h // block, w // block, c * block * block]
    m = ModelBuilder()
    x = m.act("input", shape, q)
    y = m.act("output", out_shape, q)
    m.op(OP.SPACE_TO_DEPTH, [x], [y], opts(fb.SpaceToDepthOptionsT, blockSize=block))
    return m, [x], [y], {}


def g_mirror_pad(rng, shape, pads, mode="REFLECT", index_type="int32", q=None):
    q = q or rand_q(rng)
    dt = TT.INT64 if index_type == "int64" else TT.INT32
    out_shape = [d + p[0] + p[1] for d, p in zip(shape, pads)]
    m = ModelBuilder()
    x = m.act("input", shape, q)
    p = m.const("paddings", np.array(pads), dt)
    y = m.act("output", out_shape, q)
    mode_value = {"REFLECT": fb.MirrorPadMode.REFLECT, "SYMMETRIC": fb.MirrorPadMode.SYMMETRIC}[mode]
    m.op(OP.MIRROR_PAD, [x, p], [y], opts(fb.MirrorPadOptionsT, mode=mode_value))
    return m, [x], [y], {}


def gather_shape(in_shape, coords_shape, axis, batch_dims):
    ax = axis % len(in_shape)
    bd = batch_dims % len(coords_shape) if batch_dims < 0 else batch_dims
    return list(in_shape[:ax]) + list(coords_shape[bd:]) + list(in_shape[ax + 1:])


def g_gather(rng, shape, coords_shape, axis=0, batch_dims=0, const_params=False,
             dynamic_coords=False, q=None):
    """GATHER. Constant coordinates are drawn inside the axis; dynamic coordinates are an int32
    graph input whose valid range index.json records as `coords_range`."""
    q = q or rand_q(rng)
    ax = axis % len(shape)
    m = ModelBuilder()
    ins = []
    if const_params:
        x = m.const("params", rng.integers(-128, 128, size=shape), TT.INT8, q)
    else:
        x = m.act("params", shape, q)
        ins.append(x)
    extra = {}
    if dynamic_coords:
        c = m.act("coords", coords_shape, None, dtype=TT.INT32)
        ins.append(c)
        extra["coords_range"] = [0, shape[ax] - 1]
    else:
        c = m.const("coords", rng.integers(0, shape[ax], size=coords_shape), TT.INT32)
    y = m.act("output", gather_shape(shape, coords_shape, axis, batch_dims), q)
    m.op(OP.GATHER, [x, c], [y], opts(fb.GatherOptionsT, axis=axis, batchDims=batch_dims))
    return m, ins, [y], extra


def define(R):
    """Registers the layout fixtures (names and counts are part of the fixture set)."""
    R.add("SLICE", "4d_basic", g_slice, shape=[1, 6, 7, 5], begin=[0, 1, 2, 1], size=[1, 4, 3, 3])
    R.add("SLICE", "4d_size_minus1", g_slice, shape=[2, 5, 5, 4], begin=[1, 2, 0, 1],
          size=[-1, -1, 3, -1])
    R.add("SLICE", "rank2", g_slice, shape=[6, 9], begin=[2, 3], size=[3, 5])
    R.add("SLICE", "rank3_int64", g_slice, shape=[4, 5, 6], begin=[1, 0, 2], size=[2, 5, 3],
          index_type="int64")
    R.add("SLICE", "rank5", g_slice, shape=[2, 3, 4, 3, 2], begin=[1, 0, 1, 1, 0],
          size=[1, 3, 2, 2, 2])
    R.add("SLICE", "full_copy", g_slice, shape=[1, 3, 3, 2], begin=[0, 0, 0, 0], size=[-1, 3, 3, 2])

    R.add("SPLIT", "axis3_two", g_split, shape=[1, 4, 4, 6], axis=3, num=2)
    R.add("SPLIT", "axis1_three", g_split, shape=[1, 6, 3, 2], axis=1, num=3)
    R.add("SPLIT", "axis_neg1_four", g_split, shape=[2, 3, 8], axis=-1, num=4)
    R.add("SPLIT", "axis0_rank2", g_split, shape=[4, 5], axis=0, num=2)
    R.add("SPLIT", "num1", g_split, shape=[1, 5, 3], axis=1, num=1)

    R.add("SPLIT_V", "axis3_1_3_2", g_split_v, shape=[1, 3, 3, 6], sizes=[1, 3, 2], axis=3)
    R.add("SPLIT_V", "axis1_inferred", g_split_v, shape=[1, 7, 4, 2], sizes=[2, -1], axis=1)
    R.add("SPLIT_V", "axis_neg2_rank3", g_split_v, shape=[2, 9, 3], sizes=[4, 1, 4], axis=-2)
    R.add("SPLIT_V", "axis0_rank2", g_split_v, shape=[5, 4], sizes=[3, 2], axis=0)

    R.add("PACK", "axis0_two", g_pack, shape=[3, 4], count=2, axis=0)
    R.add("PACK", "axis1_three", g_pack, shape=[2, 5], count=3, axis=1)
    R.add("PACK", "axis_neg1_rank3", g_pack, shape=[2, 3, 4], count=2, axis=-1)
    R.add("PACK", "axis2_rank3", g_pack, shape=[2, 3, 4], count=4, axis=2)
    R.add("PACK", "one_value", g_pack, shape=[6], count=1, axis=0)

    R.add("UNPACK", "axis0", g_unpack, shape=[3, 4], axis=0)
    R.add("UNPACK", "axis1_rank3", g_unpack, shape=[2, 5, 3], axis=1)
    R.add("UNPACK", "axis_neg1", g_unpack, shape=[2, 3, 4], axis=-1)
    R.add("UNPACK", "axis3_rank4", g_unpack, shape=[1, 2, 3, 2], axis=3)

    R.add("EXPAND_DIMS", "axis0", g_expand_dims, shape=[4, 5], axis=0)
    R.add("EXPAND_DIMS", "axis1_rank3", g_expand_dims, shape=[2, 3, 4], axis=1)
    R.add("EXPAND_DIMS", "axis_neg1", g_expand_dims, shape=[1, 6, 3], axis=-1)
    R.add("EXPAND_DIMS", "scalar_axis_rank1", g_expand_dims, shape=[7], axis=1, scalar_axis=True)

    R.add("SPACE_TO_BATCH_ND", "block2x2", g_space_to_batch, shape=[1, 4, 6, 3], block=[2, 2],
          pads=[[0, 0], [0, 0]])
    R.add("SPACE_TO_BATCH_ND", "block2x3_batch2", g_space_to_batch, shape=[2, 4, 6, 2],
          block=[2, 3], pads=[[0, 0], [0, 0]])
    R.add("SPACE_TO_BATCH_ND", "block2x2_padded", g_space_to_batch, shape=[1, 5, 3, 2],
          block=[2, 2], pads=[[1, 0], [0, 1]])
    R.add("SPACE_TO_BATCH_ND", "rank3_block2", g_space_to_batch, shape=[1, 6, 4], block=[2],
          pads=[[0, 0]])

    R.add("BATCH_TO_SPACE_ND", "block2x2", g_batch_to_space, shape=[4, 2, 3, 3], block=[2, 2],
          crops=[[0, 0], [0, 0]])
    R.add("BATCH_TO_SPACE_ND", "block2x2_cropped", g_batch_to_space, shape=[4, 3, 3, 2],
          block=[2, 2], crops=[[1, 0], [0, 1]])
    R.add("BATCH_TO_SPACE_ND", "block3x2_batch2", g_batch_to_space, shape=[12, 2, 2, 1],
          block=[3, 2], crops=[[0, 1], [1, 1]])
    R.add("BATCH_TO_SPACE_ND", "rank3_block2", g_batch_to_space, shape=[2, 3, 4], block=[2],
          crops=[[0, 1]])

    R.add("DEPTH_TO_SPACE", "block2", g_depth_to_space, shape=[1, 3, 4, 8], block=2)
    R.add("DEPTH_TO_SPACE", "block3", g_depth_to_space, shape=[1, 2, 2, 18], block=3)
    R.add("DEPTH_TO_SPACE", "block2_batch2_c4", g_depth_to_space, shape=[2, 2, 3, 4], block=2)

    R.add("SPACE_TO_DEPTH", "block2", g_space_to_depth, shape=[1, 4, 6, 3], block=2)
    R.add("SPACE_TO_DEPTH", "block3", g_space_to_depth, shape=[1, 6, 9, 2], block=3)
    R.add("SPACE_TO_DEPTH", "block2_batch2", g_space_to_depth, shape=[2, 4, 4, 1], block=2)

    R.add("MIRROR_PAD", "reflect_hw", g_mirror_pad, shape=[1, 4, 5, 3],
          pads=[[0, 0], [1, 2], [2, 1], [0, 0]])
    R.add("MIRROR_PAD", "symmetric_hw", g_mirror_pad, shape=[1, 4, 5, 3],
          pads=[[0, 0], [2, 1], [1, 3], [0, 0]], mode="SYMMETRIC")
    R.add("MIRROR_PAD", "reflect_max_rank2", g_mirror_pad, shape=[4, 3], pads=[[3, 3], [2, 2]])
    R.add("MIRROR_PAD", "symmetric_max_rank3_int64", g_mirror_pad, shape=[2, 3, 4],
          pads=[[2, 2], [3, 3], [0, 4]], mode="SYMMETRIC", index_type="int64")
    R.add("MIRROR_PAD", "reflect_channels", g_mirror_pad, shape=[1, 2, 2, 5],
          pads=[[0, 0], [0, 0], [1, 1], [4, 2]])

    R.add("GATHER", "axis0_rank2", g_gather, shape=[6, 4], coords_shape=[3], axis=0)
    R.add("GATHER", "axis1_rank3_coords2d", g_gather, shape=[2, 7, 3], coords_shape=[2, 4], axis=1)
    R.add("GATHER", "axis_neg1", g_gather, shape=[3, 5, 6], coords_shape=[4], axis=-1)
    R.add("GATHER", "batch_dims1", g_gather, shape=[2, 5, 3], coords_shape=[2, 3], axis=1,
          batch_dims=1)
    R.add("GATHER", "embedding_const_table", g_gather, shape=[10, 8], coords_shape=[1, 5],
          axis=0, const_params=True, dynamic_coords=True)
    R.add("GATHER", "dynamic_coords", g_gather, shape=[4, 6], coords_shape=[3], axis=1,
          dynamic_coords=True)
