/* mcuc runtime: int8 CONV_2D (TFLM reference_integer_ops::ConvPerChannel semantics). */
#ifndef MCUC_CONV2D_H
#define MCUC_CONV2D_H

#include <stdint.h>
#include "mcuc_common.h"

/* One CONV_2D call: NHWC input and output, OHWI filter, per-channel (or shared) requantization.
 *
 * acc = bias[oc] + sum over in-bounds taps of w * (x + input_offset), then
 * MBQM(acc, mult[oc], shift[oc]) + output_zp, clamped to [act_min, act_max].
 *
 * input_offset is -(input zero point), or 0 when mcuc folded the zero point into the bias
 * (bias'[oc] = bias[oc] - zp * sum(w[oc]), exact when every tap of every window is in bounds). */
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, in_c;
    int32_t out_h, out_w, out_c;
    int32_t filter_h, filter_w;
    int32_t filter_c;          /* input channels per filter (in_c / groups) */
    int32_t stride_h, stride_w;
    int32_t dilation_h, dilation_w;
    int32_t pad_top, pad_left; /* taps outside the input are skipped */
    int32_t input_offset;
    int32_t output_zp;
    int32_t act_min, act_max;
    int32_t per_channel;       /* 1: mult/shift per output channel, 0: one shared pair */
    const int8_t *filter;      /* [out_c][filter_h][filter_w][filter_c] */
    const int32_t *bias;       /* [out_c] */
    const int32_t *mult;
    const int32_t *shift;
} mcuc_conv2d_params;

/* Direct convolution without im2col. Loop order (the `rows` streaming contract relies on it):
 * batches, output rows in increasing order, columns, output channels; while output row r is
 * written only input rows >= r * stride_h - pad_top are read. */
mcuc_status mcuc_conv2d_s8(const mcuc_conv2d_params *p, const int8_t *input, int8_t *output);

/* 1x1 filter, stride 1, no padding. Loop order (the `interleaved` streaming contract relies on
 * it): for each pixel p in increasing order, for each output channel, accumulate over the input
 * channels of pixel p only, then write output (p, oc). */
mcuc_status mcuc_conv2d_1x1_s8(const mcuc_conv2d_params *p, const int8_t *input, int8_t *output);

#endif /* MCUC_CONV2D_H */
