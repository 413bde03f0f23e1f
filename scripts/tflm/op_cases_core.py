"""The original int8 fixture cases of make_op_models.py (every op of the first 27 plus few-op
graphs), registered in a fixed order: the case numbers and seeds depend on it."""

import numpy as np  # noqa: F401

from op_generators import *  # noqa: F401,F403
from op_graphs import *  # noqa: F401,F403


def define(registry):
    """Registers the int8 cases of the original fixture set, in their fixed order."""
    # ---------------- CONV_2D ----------------
    for k in range(1, 8):
        for pad in ("SAME", "VALID"):
            registry.add("CONV_2D", "k%d_s1_%s" % (k, pad.lower()), g_conv, kh=k, kw=k, padding=pad,
                  h=9, w=9, ic=3 + k % 3, oc=4 + k)
    for (k, s, pad, h, w) in [(3, 2, "SAME", 9, 9), (3, 2, "VALID", 9, 9), (3, 3, "SAME", 10, 10),
                              (3, 3, "VALID", 11, 11), (5, 2, "SAME", 11, 11), (5, 3, "VALID", 13, 13),
                              (2, 2, "SAME", 7, 7), (4, 2, "SAME", 10, 10), (2, 3, "SAME", 8, 8),
                              (7, 2, "SAME", 12, 12), (1, 2, "VALID", 8, 8)]:
        registry.add("CONV_2D", "k%d_s%d_%s_%dx%d" % (k, s, pad.lower(), h, w), g_conv, kh=k, kw=k,
              stride=(s, s), padding=pad, h=h, w=w, ic=5, oc=7)
    registry.add("CONV_2D", "k3_s1x2_same_asym_stride", g_conv, stride=(1, 2), h=8, w=9, ic=3, oc=5)
    registry.add("CONV_2D", "k3_s2x1_valid_asym_stride", g_conv, stride=(2, 1), padding="VALID", h=9, w=7)
    for (k, d, pad, s) in [(3, 2, "SAME", 1), (3, 2, "VALID", 1), (2, 2, "SAME", 1), (3, 2, "SAME", 2),
                           (5, 2, "SAME", 1)]:
        registry.add("CONV_2D", "k%d_d%d_s%d_%s" % (k, d, s, pad.lower()), g_conv, kh=k, kw=k, dil=(d, d),
              stride=(s, s), padding=pad, h=11, w=11, ic=4, oc=6)
    registry.add("CONV_2D", "k3_d2x1_same_asym_dil", g_conv, dil=(2, 1), h=10, w=8)
    registry.add("CONV_2D", "k3_relu_same", g_conv, act="RELU", ic=6, oc=8)
    registry.add("CONV_2D", "k3_relu6_same", g_conv, act="RELU6", ic=6, oc=8, sigma=4.0)
    registry.add("CONV_2D", "k1_relu_valid", g_conv, act="RELU", kh=1, kw=1, padding="VALID", ic=16, oc=12)
    registry.add("CONV_2D", "k5_relu6_s2", g_conv, act="RELU6", kh=5, kw=5, stride=(2, 2), h=12, w=12,
          sigma=3.0)
    registry.add("CONV_2D", "k3_relu_inzp_m128", g_conv, act="RELU", in_q=(f32(1.0 / 255), -128), ic=3, oc=8)
    registry.add("CONV_2D", "k3_pertensor_same", g_conv, per_channel=False)
    registry.add("CONV_2D", "k1_pertensor_valid", g_conv, per_channel=False, kh=1, kw=1, padding="VALID",
          ic=8, oc=8)
    registry.add("CONV_2D", "k5_pertensor_relu_s2", g_conv, per_channel=False, kh=5, kw=5, stride=(2, 2),
          act="RELU", h=11, w=11)
    registry.add("CONV_2D", "k3_odd_7x13_c3_c5", g_conv, h=7, w=13, ic=3, oc=5)
    registry.add("CONV_2D", "k3_1x16_c7", g_conv, h=1, w=16, ic=7, oc=9, kh=1, kw=3)
    registry.add("CONV_2D", "k5x1_16x1_c13", g_conv, h=16, w=1, ic=13, oc=3, kh=5, kw=1)
    registry.add("CONV_2D", "k1x3_same_c1", g_conv, h=6, w=10, ic=1, oc=11, kh=1, kw=3)
    registry.add("CONV_2D", "k3x1_valid_c2", g_conv, h=9, w=5, ic=2, oc=1, kh=3, kw=1, padding="VALID")
    registry.add("CONV_2D", "k2x5_s2x3_same", g_conv, h=9, w=14, ic=5, oc=6, kh=2, kw=5, stride=(2, 3))
    registry.add("CONV_2D", "k1_c1_mult_gt1", g_conv, kh=1, kw=1, ic=1, oc=3, mult=1.3, h=5, w=5,
          w_max=1, in_q=(f32(0.05), 3), bias_factor=0.01)
    registry.add("CONV_2D", "k1_c2_mult_gt1_pertensor", g_conv, kh=1, kw=1, ic=2, oc=4, mult=1.1,
          per_channel=False, h=4, w=6, w_max=1, in_q=(f32(0.02), -2), bias_factor=0.01)
    registry.add("CONV_2D", "k1_c1_mult_gt1_saturating", g_conv, kh=1, kw=1, ic=1, oc=2, mult=3.5, h=4,
          w=4)
    registry.add("CONV_2D", "k3_tiny_out_scale_saturating", g_conv, out_q=(f32(1e-4), 0))
    registry.add("CONV_2D", "k3_huge_out_scale", g_conv, out_q=(f32(50.0), 0))
    registry.add("CONV_2D", "k3_inzp_127_scale_1", g_conv, in_q=(1.0, 127), ic=3, oc=4)
    registry.add("CONV_2D", "k3_big_bias", g_conv, bias_factor=20.0)
    registry.add("CONV_2D", "k3_wide_wscale_spread", g_conv, w_spread=100.0, ic=5, oc=10)
    registry.add("CONV_2D", "k3_no_bias", g_conv, bias=False, ic=3, oc=4)
    registry.add("CONV_2D", "k3_batch2", g_conv, batch=2, h=6, w=6, ic=3, oc=4)
    registry.add("CONV_2D", "k3_c32_oc16", g_conv, h=5, w=5, ic=32, oc=16)

    # ---------------- DEPTHWISE_CONV_2D ----------------
    for mlt in (1, 2, 8):
        for pad in ("SAME", "VALID"):
            registry.add("DEPTHWISE_CONV_2D", "m%d_k3_s1_%s" % (mlt, pad.lower()), g_dwconv, mult_d=mlt,
                  padding=pad, ic=3 if mlt == 8 else 5)
    registry.add("DEPTHWISE_CONV_2D", "m8_k3_c1_relu", g_dwconv, mult_d=8, ic=1, act="RELU", h=10, w=10)
    registry.add("DEPTHWISE_CONV_2D", "m8_k3_c1_s2_same", g_dwconv, mult_d=8, ic=1, stride=(2, 2), h=9, w=9)
    for (k, s, pad) in [(3, 2, "SAME"), (3, 2, "VALID"), (3, 3, "SAME"), (5, 2, "SAME"), (2, 2, "VALID")]:
        registry.add("DEPTHWISE_CONV_2D", "m1_k%d_s%d_%s" % (k, s, pad.lower()), g_dwconv, kh=k, kw=k,
              stride=(s, s), padding=pad, h=11, w=11, ic=7)
    registry.add("DEPTHWISE_CONV_2D", "m1_k3_d2_same", g_dwconv, dil=(2, 2), h=10, w=10, ic=6)
    registry.add("DEPTHWISE_CONV_2D", "m2_k3_d2_valid", g_dwconv, dil=(2, 2), mult_d=2, padding="VALID",
          h=10, w=10, ic=3)
    registry.add("DEPTHWISE_CONV_2D", "m1_k1_c13", g_dwconv, kh=1, kw=1, ic=13, h=4, w=5)
    registry.add("DEPTHWISE_CONV_2D", "m1_k7_same_c5", g_dwconv, kh=7, kw=7, ic=5, h=9, w=9)
    registry.add("DEPTHWISE_CONV_2D", "m1_k5x3_s1x2_same", g_dwconv, kh=5, kw=3, stride=(1, 2), ic=4,
          h=8, w=9)
    registry.add("DEPTHWISE_CONV_2D", "m1_k3_relu6_c16", g_dwconv, act="RELU6", ic=16, sigma=4.0, h=6, w=6)
    registry.add("DEPTHWISE_CONV_2D", "m1_k3_pertensor", g_dwconv, per_channel=False, ic=6)
    registry.add("DEPTHWISE_CONV_2D", "m2_k3_pertensor_relu", g_dwconv, per_channel=False, mult_d=2, ic=3,
          act="RELU")
    registry.add("DEPTHWISE_CONV_2D", "m1_k3_extreme_q", g_dwconv, in_q=(f32(2.5), -128),
          out_q=(f32(0.001), 100), ic=3)
    registry.add("DEPTHWISE_CONV_2D", "m1_k3_no_bias", g_dwconv, bias=False, ic=4)
    registry.add("DEPTHWISE_CONV_2D", "m4_k3_odd_5x7", g_dwconv, mult_d=4, ic=3, h=5, w=7)

    # ---------------- FULLY_CONNECTED ----------------
    registry.add("FULLY_CONNECTED", "in16_out8", g_fc)
    registry.add("FULLY_CONNECTED", "in1_out1", g_fc, in_shape=(1, 1), oc=1)
    registry.add("FULLY_CONNECTED", "in33_out10_relu", g_fc, in_shape=(1, 33), oc=10, act="RELU")
    registry.add("FULLY_CONNECTED", "in64_out3_relu6", g_fc, in_shape=(1, 64), oc=3, act="RELU6", sigma=4.0)
    registry.add("FULLY_CONNECTED", "batch3_in20_out7", g_fc, in_shape=(3, 20), oc=7)
    registry.add("FULLY_CONNECTED", "keepdims_1x4x12_out5", g_fc, in_shape=(1, 4, 12), oc=5,
          keep_num_dims=True)
    registry.add("FULLY_CONNECTED", "keepdims_2x3x8_out6", g_fc, in_shape=(2, 3, 8), oc=6,
          keep_num_dims=True)
    registry.add("FULLY_CONNECTED", "flatten_1x2x2x8_in32", g_fc, in_shape=(1, 2, 2, 8), oc=9)
    registry.add("FULLY_CONNECTED", "batches_1x4x8_in8_nokeep", g_fc, in_shape=(1, 4, 8), oc=4)
    registry.add("FULLY_CONNECTED", "no_bias_in24_out6", g_fc, in_shape=(1, 24), oc=6, bias=False)
    registry.add("FULLY_CONNECTED", "extreme_q_in10_out4", g_fc, in_shape=(1, 10), oc=4,
          in_q=(f32(0.00025), 127), out_q=(f32(8.0), -100))
    registry.add("FULLY_CONNECTED", "perchannel_in16_out8", g_fc, per_channel=True)

    # ---------------- ADD / SUB / MUL ----------------
    for op in ("ADD", "SUB", "MUL"):
        registry.add(op, "same_1x5x5x3", g_binary, op=op, shape1=[1, 5, 5, 3], shape2=[1, 5, 5, 3])
        registry.add(op, "bcast_channel", g_binary, op=op, shape1=[1, 4, 4, 6], shape2=[1, 1, 1, 6])
        registry.add(op, "bcast_spatial", g_binary, op=op, shape1=[1, 4, 5, 3], shape2=[1, 4, 5, 1])
        registry.add(op, "bcast_scalar", g_binary, op=op, shape1=[1, 3, 3, 4], shape2=[1])
        registry.add(op, "bcast_both", g_binary, op=op, shape1=[1, 1, 4, 3], shape2=[1, 5, 1, 3])
        registry.add(op, "rank2_bcast", g_binary, op=op, shape1=[3, 7], shape2=[1, 7])
        registry.add(op, "relu", g_binary, op=op, shape1=[1, 4, 4, 4], shape2=[1, 4, 4, 4], act="RELU")
        registry.add(op, "relu6", g_binary, op=op, shape1=[1, 3, 3, 5], shape2=[1, 3, 3, 5], act="RELU6",
              q1=(f32(0.025), 0), q2=(f32(0.02), 10))
        registry.add(op, "scale_ratio_1000", g_binary, op=op, shape1=[1, 4, 4, 2], shape2=[1, 4, 4, 2],
              q1=(f32(0.001), 0), q2=(f32(1.0), -5))
        registry.add(op, "const_operand", g_binary, op=op, shape1=[1, 4, 4, 3], shape2=[1, 1, 1, 3],
              const2=True)
    registry.add("ADD", "same_quant_all", g_binary, op="ADD", shape1=[1, 6, 6, 2], shape2=[1, 6, 6, 2],
          q1=(f32(0.02), -7), q2=(f32(0.02), -7), out_q=(f32(0.02), -7))
    registry.add("MUL", "extreme_zp", g_binary, op="MUL", shape1=[1, 4, 4, 3], shape2=[1, 4, 4, 3],
          q1=(f32(0.5), 127), q2=(f32(0.003), -128), out_q=(f32(0.01), 0))

    # ---------------- pooling ----------------
    for op, opname in (("AVG", "AVERAGE_POOL_2D"), ("MAX", "MAX_POOL_2D")):
        registry.add(opname, "f2_s2_valid", g_pool, op=op)
        registry.add(opname, "f3_s1_same", g_pool, op=op, fh=3, fw=3, stride=(1, 1), padding="SAME", h=7,
              w=7, c=3)
        registry.add(opname, "f3_s2_same_edges", g_pool, op=op, fh=3, fw=3, stride=(2, 2), padding="SAME",
              h=8, w=9, c=4)
        registry.add(opname, "global_7x7_c6", g_pool, op=op, fh=7, fw=7, stride=(7, 7), h=7, w=7, c=6)
        registry.add(opname, "f5x3_s2x1_valid", g_pool, op=op, fh=5, fw=3, stride=(2, 1), h=11, w=6, c=2)
        registry.add(opname, "f3_s2_relu6", g_pool, op=op, fh=3, fw=3, stride=(2, 2), act="RELU6", h=9, w=9,
              q=(f32(0.05), -30))
        registry.add(opname, "f2_s1_same_relu_c1", g_pool, op=op, fh=2, fw=2, stride=(1, 1), padding="SAME",
              act="RELU", h=5, w=5, c=1)
        registry.add(opname, "f4_s3_same_batch2", g_pool, op=op, fh=4, fw=4, stride=(3, 3), padding="SAME",
              h=10, w=10, c=3, batch=2)

    # ---------------- MEAN ----------------
    registry.add("MEAN", "axes12_keep", g_mean, axes=(1, 2), keep=True)
    registry.add("MEAN", "axes12_nokeep", g_mean, axes=(1, 2), keep=False)
    registry.add("MEAN", "axes12_keep_same_q", g_mean, axes=(1, 2), keep=True, same_q=True)
    registry.add("MEAN", "axes12_nokeep_same_q", g_mean, axes=(1, 2), keep=False, same_q=True,
          shape=(1, 7, 5, 3))
    registry.add("MEAN", "axis1_nokeep", g_mean, axes=(1,), keep=False)
    registry.add("MEAN", "axis2_keep", g_mean, axes=(2,), keep=True, shape=(1, 4, 9, 3))
    registry.add("MEAN", "axis3_nokeep", g_mean, axes=(3,), keep=False, shape=(1, 3, 4, 10))
    registry.add("MEAN", "axis_neg1_keep", g_mean, axes=(-1,), keep=True, shape=(1, 5, 6))
    registry.add("MEAN", "axes12_big_10x10", g_mean, axes=(1, 2), keep=True, shape=(1, 10, 10, 4),
          in_q=(f32(0.1), 3), out_q=(f32(0.01), 35))

    # ---------------- PAD / PADV2 ----------------
    registry.add("PAD", "hw_1111", g_pad)
    registry.add("PAD", "asym_0213", g_pad, pads=((0, 0), (0, 2), (1, 3), (0, 0)))
    registry.add("PAD", "channels_and_batch", g_pad, shape=(1, 3, 3, 2), pads=((1, 0), (0, 1), (2, 0), (1, 2)))
    registry.add("PAD", "rank2", g_pad, shape=(4, 5), pads=((1, 2), (3, 0)))
    registry.add("PAD", "rank3", g_pad, shape=(2, 3, 4), pads=((0, 1), (1, 1), (2, 0)))
    registry.add("PADV2", "hw_1111_const", g_pad, v2=True)
    registry.add("PADV2", "asym_const_m128", g_pad, v2=True, pads=((0, 0), (2, 0), (0, 1), (0, 0)),
          const_val=-128)
    registry.add("PADV2", "channels_const_127", g_pad, v2=True, shape=(1, 4, 4, 3),
          pads=((0, 0), (1, 0), (0, 1), (2, 2)), const_val=127)
    registry.add("PADV2", "rank3_const_0", g_pad, v2=True, shape=(3, 4, 2), pads=((1, 0), (0, 2), (1, 1)),
          const_val=0)

    # ---------------- RESHAPE / SQUEEZE ----------------
    registry.add("RESHAPE", "4d_to_2d", g_reshape, shape=[1, 3, 3, 8], new_shape=[1, 72])
    registry.add("RESHAPE", "2d_to_4d", g_reshape, shape=[1, 60], new_shape=[1, 3, 4, 5])
    registry.add("RESHAPE", "no_shape_tensor", g_reshape, shape=[2, 6], new_shape=[3, 4], shape_tensor=False)
    registry.add("RESHAPE", "4d_to_3d", g_reshape, shape=[1, 4, 4, 6], new_shape=[1, 16, 6])
    registry.add("SQUEEZE", "dims12", g_squeeze, shape=[1, 1, 1, 10], dims=[1, 2])
    registry.add("SQUEEZE", "all_ones", g_squeeze, shape=[1, 5, 1, 3], dims=[])
    registry.add("SQUEEZE", "neg_dim", g_squeeze, shape=[2, 4, 1], dims=[-1])

    # ---------------- SOFTMAX ----------------
    registry.add("SOFTMAX", "beta1_1x10", g_softmax)
    registry.add("SOFTMAX", "beta1_4d_1x2x2x5", g_softmax, shape=(1, 2, 2, 5))
    registry.add("SOFTMAX", "beta1_batch3x12", g_softmax, shape=(3, 12))
    registry.add("SOFTMAX", "beta0p5_1x16", g_softmax, shape=(1, 16), beta=0.5)
    registry.add("SOFTMAX", "beta2_1x8", g_softmax, shape=(1, 8), beta=2.0)
    registry.add("SOFTMAX", "beta1_in_scale_tiny", g_softmax, shape=(1, 10), in_q=(f32(0.001), 10))
    registry.add("SOFTMAX", "beta1_in_scale_big", g_softmax, shape=(1, 6), in_q=(f32(1.0), -128))
    registry.add("SOFTMAX", "beta0p1_1x100", g_softmax, shape=(1, 100), beta=0.1, in_q=(f32(0.2), 0))

    # ---------------- CONCATENATION ----------------
    registry.add("CONCATENATION", "axis3_two", g_concat, shapes=[[1, 4, 4, 3], [1, 4, 4, 5]], axis=3)
    registry.add("CONCATENATION", "axis3_three", g_concat, shapes=[[1, 3, 3, 2], [1, 3, 3, 1], [1, 3, 3, 4]],
          axis=3)
    registry.add("CONCATENATION", "axis_neg1_two", g_concat, shapes=[[1, 2, 5, 7], [1, 2, 5, 2]], axis=-1)
    registry.add("CONCATENATION", "axis1_two", g_concat, shapes=[[1, 2, 4, 3], [1, 5, 4, 3]], axis=1)
    registry.add("CONCATENATION", "axis2_three", g_concat,
          shapes=[[1, 3, 1, 4], [1, 3, 2, 4], [1, 3, 3, 4]], axis=2)
    registry.add("CONCATENATION", "axis1_rank2", g_concat, shapes=[[2, 3], [2, 9]], axis=1)
    registry.add("CONCATENATION", "axis0_rank3", g_concat, shapes=[[1, 4, 3], [2, 4, 3]], axis=0)

    # ---------------- activations ----------------
    registry.add("LOGISTIC", "in_s0p1", g_unary, op="LOGISTIC", in_q=(f32(0.1), 0))
    registry.add("LOGISTIC", "in_s0p02_zp_m60", g_unary, op="LOGISTIC", in_q=(f32(0.02), -60))
    registry.add("LOGISTIC", "in_s1_saturating", g_unary, op="LOGISTIC", in_q=(f32(1.0), 20))
    registry.add("LOGISTIC", "in_s0p001_rank2", g_unary, op="LOGISTIC", in_q=(f32(0.001), 0), shape=(2, 17))
    registry.add("TANH", "in_s0p05", g_unary, op="TANH", in_q=(f32(0.05), 0))
    registry.add("TANH", "in_s0p02_zp_40", g_unary, op="TANH", in_q=(f32(0.02), 40))
    registry.add("TANH", "in_s0p5_saturating", g_unary, op="TANH", in_q=(f32(0.5), -10))
    registry.add("TANH", "in_s0p002_rank2", g_unary, op="TANH", in_q=(f32(0.002), 5), shape=(3, 11))
    registry.add("HARD_SWISH", "typical", g_unary, op="HARD_SWISH", in_q=(f32(12.0 / 255), 0),
          out_q=(f32(6.375 / 255), -113))
    registry.add("HARD_SWISH", "wide_in", g_unary, op="HARD_SWISH", in_q=(f32(0.1), -20),
          out_q=(f32(0.06), -110))
    registry.add("HARD_SWISH", "narrow_in", g_unary, op="HARD_SWISH", in_q=(f32(0.01), 10),
          out_q=(f32(0.008), -30))
    registry.add("HARD_SWISH", "same_q", g_unary, op="HARD_SWISH", in_q=(f32(0.04), 5), out_q=(f32(0.04), 5))
    registry.add("HARD_SWISH", "big_scale_rank2", g_unary, op="HARD_SWISH", in_q=(f32(1.0), 0),
          out_q=(f32(0.5), -100), shape=(4, 9))
    registry.add("RELU", "same_q", g_unary, op="RELU", in_q=(f32(0.05), -20), out_q=(f32(0.05), -20))
    registry.add("RELU", "requant", g_unary, op="RELU", in_q=(f32(0.05), 10), out_q=(f32(0.03), -128))
    registry.add("RELU", "requant_up", g_unary, op="RELU", in_q=(f32(0.01), -100), out_q=(f32(0.02), -128))
    registry.add("RELU6", "same_q", g_unary, op="RELU6", in_q=(f32(0.05), -20), out_q=(f32(0.05), -20))
    registry.add("RELU6", "requant", g_unary, op="RELU6", in_q=(f32(0.1), 0), out_q=(f32(6.0 / 255), -128))
    registry.add("RELU6", "in_scale_small", g_unary, op="RELU6", in_q=(f32(0.01), 60),
          out_q=(f32(0.006), -128))
    registry.add("LEAKY_RELU", "alpha0p2", g_unary, op="LEAKY_RELU", in_q=(f32(0.05), 0),
          out_q=(f32(0.04), -60), alpha=0.2)
    registry.add("LEAKY_RELU", "alpha0p01_same_q", g_unary, op="LEAKY_RELU", in_q=(f32(0.03), -10),
          out_q=(f32(0.03), -10), alpha=0.01)
    registry.add("LEAKY_RELU", "alpha0p5", g_unary, op="LEAKY_RELU", in_q=(f32(0.1), 30),
          out_q=(f32(0.08), -20), alpha=0.5)

    # ---------------- QUANTIZE / DEQUANTIZE ----------------
    registry.add("QUANTIZE", "f32_s0p02_zp0", g_quantize, out_q=(f32(0.02), 0))
    registry.add("QUANTIZE", "f32_s1over255_zpm128", g_quantize, out_q=(f32(1.0 / 255), -128))
    registry.add("QUANTIZE", "f32_s0p5_zp37", g_quantize, out_q=(f32(0.5), 37), shape=(2, 10))
    registry.add("QUANTIZE", "i8_requant_down", g_quantize, float_in=False, in_q=(f32(0.02), 5),
          out_q=(f32(0.05), -10))
    registry.add("QUANTIZE", "i8_requant_up", g_quantize, float_in=False, in_q=(f32(0.05), 0),
          out_q=(f32(0.03), 3))
    registry.add("QUANTIZE", "i8_zp_shift_only", g_quantize, float_in=False, in_q=(f32(0.03), -20),
          out_q=(f32(0.03), 40))
    registry.add("DEQUANTIZE", "s0p02_zp0", g_dequantize, in_q=(f32(0.02), 0))
    registry.add("DEQUANTIZE", "s0p0039_zpm128", g_dequantize, in_q=(f32(1.0 / 255), -128))
    registry.add("DEQUANTIZE", "s3p7_zp100_rank2", g_dequantize, in_q=(f32(3.7), 100), shape=(3, 5))

    # ---------------- RESIZE_NEAREST_NEIGHBOR ----------------
    registry.add("RESIZE_NEAREST_NEIGHBOR", "x2_default", g_resize_nn)
    registry.add("RESIZE_NEAREST_NEIGHBOR", "x2_align_corners", g_resize_nn, align=True)
    registry.add("RESIZE_NEAREST_NEIGHBOR", "x2_half_pixel", g_resize_nn, half=True)
    registry.add("RESIZE_NEAREST_NEIGHBOR", "3to5_default", g_resize_nn, h=3, w=3, oh=5, ow=5)
    registry.add("RESIZE_NEAREST_NEIGHBOR", "3to5_align_corners", g_resize_nn, h=3, w=3, oh=5, ow=5,
          align=True)
    registry.add("RESIZE_NEAREST_NEIGHBOR", "3to5_half_pixel", g_resize_nn, h=3, w=3, oh=5, ow=5, half=True)
    registry.add("RESIZE_NEAREST_NEIGHBOR", "down_6to4_default", g_resize_nn, h=6, w=6, oh=4, ow=4)
    registry.add("RESIZE_NEAREST_NEIGHBOR", "nonsquare_3x5_to_7x4_half_pixel", g_resize_nn, h=3, w=5, oh=7,
          ow=4, half=True, c=2)
    registry.add("RESIZE_NEAREST_NEIGHBOR", "nonsquare_4x3_to_6x7_align", g_resize_nn, h=4, w=3, oh=6, ow=7,
          align=True, c=1)

    # ---------------- TRANSPOSE ----------------
    registry.add("TRANSPOSE", "nhwc_to_nchw", g_transpose, shape=[1, 3, 4, 5], perm=[0, 3, 1, 2])
    registry.add("TRANSPOSE", "swap_hw", g_transpose, shape=[1, 3, 4, 5], perm=[0, 2, 1, 3])
    registry.add("TRANSPOSE", "reverse_4d", g_transpose, shape=[2, 3, 4, 5], perm=[3, 2, 1, 0])
    registry.add("TRANSPOSE", "nchw_to_nhwc", g_transpose, shape=[1, 6, 3, 2], perm=[0, 2, 3, 1])
    registry.add("TRANSPOSE", "rank2", g_transpose, shape=[7, 5], perm=[1, 0])
    registry.add("TRANSPOSE", "rank3_201", g_transpose, shape=[2, 3, 4], perm=[2, 0, 1])

    # ---------------- STRIDED_SLICE ----------------
    registry.add("STRIDED_SLICE", "basic_4d", g_strided_slice, shape=[1, 8, 8, 6], begin=[0, 1, 2, 0],
          end=[1, 7, 6, 6], strides=[1, 1, 1, 1])
    registry.add("STRIDED_SLICE", "stride2_4d", g_strided_slice, shape=[1, 8, 8, 6], begin=[0, 0, 0, 0],
          end=[1, 8, 8, 6], strides=[1, 2, 2, 1])
    registry.add("STRIDED_SLICE", "stride3_odd_end", g_strided_slice, shape=[1, 9, 10, 4],
          begin=[0, 1, 0, 1], end=[1, 8, 10, 4], strides=[1, 3, 3, 2])
    registry.add("STRIDED_SLICE", "begin_end_masks", g_strided_slice, shape=[1, 6, 7, 5],
          begin=[0, 3, 99, 2], end=[0, 99, 4, 99], strides=[1, 1, 1, 1], begin_mask=0b0101,
          end_mask=0b1011)
    registry.add("STRIDED_SLICE", "negative_indices", g_strided_slice, shape=[1, 8, 8, 4],
          begin=[0, -5, -6, 0], end=[1, -1, -1, 4], strides=[1, 1, 2, 1])
    registry.add("STRIDED_SLICE", "negative_strides", g_strided_slice, shape=[1, 6, 6, 3],
          begin=[0, 5, 4, 2], end=[1, 0, 0, 0], strides=[1, -1, -2, -1], end_mask=0b1000)
    registry.add("STRIDED_SLICE", "reverse_all_masks", g_strided_slice, shape=[1, 4, 5, 3],
          begin=[0, 0, 0, 0], end=[0, 0, 0, 0], strides=[1, -1, -1, 1], begin_mask=0b1111,
          end_mask=0b1111)
    registry.add("STRIDED_SLICE", "shrink_axis0", g_strided_slice, shape=[1, 5, 6, 3], begin=[0, 1, 0, 0],
          end=[1, 4, 6, 3], strides=[1, 1, 1, 1], shrink_mask=0b0001)
    registry.add("STRIDED_SLICE", "shrink_last_axis", g_strided_slice, shape=[1, 4, 4, 5],
          begin=[0, 0, 0, -2], end=[1, 4, 4, -1], strides=[1, 1, 1, 1], shrink_mask=0b1000)
    registry.add("STRIDED_SLICE", "rank2_end_clamped", g_strided_slice, shape=[4, 10], begin=[1, 0],
          end=[3, 100], strides=[1, 3])
    registry.add("STRIDED_SLICE", "rank3_mixed", g_strided_slice, shape=[5, 6, 7], begin=[-4, 0, 1],
          end=[0, 5, 0], strides=[2, 2, 3], end_mask=0b101)

    # ---------------- few-op models ----------------
    registry.add("MULTI", "conv_maxpool_fc_softmax", g_multi_cnn)
    registry.add("MULTI", "resnet_block_add_avgpool", g_multi_residual)
    registry.add("MULTI", "float_io_quant_conv_dequant", g_multi_float_io)
    registry.add("MULTI", "dw_pw_mean_fc_logistic", g_multi_dsconv)
    registry.add("MULTI", "conv_branches_concat_hardswish", g_multi_concat_branches)
    registry.add("MULTI", "two_inputs_two_outputs", g_multi_two_in_two_out)
    registry.add("MULTI", "pad_conv_relu6_slice_transpose", g_multi_pad_conv)
    registry.add("MULTI", "shared_input_pools_sub_leaky", g_multi_chain_shared)
