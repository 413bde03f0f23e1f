/* mcuc runtime: int8 TRANSPOSE_CONV (TFLM reference_integer_ops::TransposeConv semantics). */
#ifndef MCUC_TRANSPOSE_CONV_H
#define MCUC_TRANSPOSE_CONV_H

#include <stdint.h>
#include "mcuc_common.h"

/* One TRANSPOSE_CONV call: NHWC input and output, OHWI filter (I = in_c), per-channel (or
 * shared) requantization.
 *
 * TFLM scatters: input pixel (iy, ix) with tap (ky, kx) adds (x + input_offset) * w to output
 * pixel (iy * stride_h - pad_top + ky, ix * stride_w - pad_left + kx) when it is inside the
 * output. This kernel gathers the same products per output element instead: output row oy
 * takes the taps ky with oy + pad_top - ky = iy * stride_h for some input row 0 <= iy < in_h
 * (likewise for columns). The int32 sums wrap, and wrapping addition does not depend on the
 * order, so the result is TFLM's bit for bit without its output-sized int32 scratch. Then
 * MBQM(acc + bias[oc], mult[oc], shift[oc]) + output_zp, clamped to [act_min, act_max].
 *
 * input_offset is -(input zero point). No scratch. Loop order: batches, output rows, columns,
 * output channels; any input pixel of the batch may be read for any output pixel, so the output
 * never overlaps the input (the `separate` contract). */
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, in_c;
    int32_t out_h, out_w, out_c;
    int32_t filter_h, filter_w;
    int32_t stride_h, stride_w;
    int32_t pad_top, pad_left;
    int32_t input_offset;
    int32_t output_zp;
    int32_t act_min, act_max;
    int32_t per_channel;       /* 1: mult/shift per output channel, 0: one shared pair */
    const int8_t *filter;      /* [out_c][filter_h][filter_w][in_c] */
    const int32_t *bias;       /* [out_c] (zeros when the model has none) */
    const int32_t *mult;
    const int32_t *shift;
} mcuc_transpose_conv_params;

mcuc_status mcuc_transpose_conv_s8(const mcuc_transpose_conv_params *p, const int8_t *input, int8_t *output);

#endif /* MCUC_TRANSPOSE_CONV_H */
