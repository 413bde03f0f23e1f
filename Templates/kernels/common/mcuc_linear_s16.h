/* mcuc runtime: int16x8 CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and TRANSPOSE_CONV (TFLM's
 * 16x8 reference kernels: int16 activations with zero point 0, int8 weights with zero point 0). */
#ifndef MCUC_LINEAR_S16_H
#define MCUC_LINEAR_S16_H

#include <stdint.h>
#include "mcuc_common.h"

/* Every kernel here computes, per output element of channel c, the exact sum of w * x over its
 * taps in int64 (no offsets), then the output stage TFLM picks by accumulator:
 *   acc64 = 1: MBQM64(sum + bias[c], mult[c], shift[c]) (TFLM's int64 MultiplyByQuantizedMultiplier:
 *              16-bit multiplier, one rounding; shift < 8);
 *   acc64 = 0: MBQM((int32)(sum + bias[c]) modulo 2^32, mult[c], shift[c]) (the int32 accumulator,
 *              whose wrapping sums equal the exact sum modulo 2^32),
 * clamped to [act_min, act_max] (no output zero point). bias holds the model's int16, int32 or
 * int64 bias widened to int64 (zeros without one); mult/shift have one entry per channel when
 * per_channel, else one. No scratch. The output never overlaps the input (`separate`). */

/* CONV_2D: NHWC input and output, OHWI filter; groups = in_c / filter_c. Taps outside the input
 * are skipped. Loop order: batches, output rows, columns, output channels. */
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, in_c;
    int32_t out_h, out_w, out_c;
    int32_t filter_h, filter_w;
    int32_t filter_c;          /* input channels per filter (in_c / groups) */
    int32_t stride_h, stride_w;
    int32_t dilation_h, dilation_w;
    int32_t pad_top, pad_left;
    int32_t acc64;
    int32_t act_min, act_max;
    int32_t per_channel;
    const int8_t *filter;      /* [out_c][filter_h][filter_w][filter_c] */
    const int64_t *bias;       /* [out_c] */
    const int32_t *mult;
    const int32_t *shift;
} mcuc_conv2d_s16_params;

mcuc_status mcuc_conv2d_s16(const mcuc_conv2d_s16_params *p, const int16_t *input, int16_t *output);

/* DEPTHWISE_CONV_2D: output channel oc = ic * depth_multiplier + m reads input channel ic only;
 * filter [filter_h][filter_w][out_c]. Always the int64 accumulator (acc64 = 1). */
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, in_c;
    int32_t out_h, out_w, out_c;
    int32_t depth_multiplier;
    int32_t filter_h, filter_w;
    int32_t stride_h, stride_w;
    int32_t dilation_h, dilation_w;
    int32_t pad_top, pad_left;
    int32_t acc64;
    int32_t act_min, act_max;
    int32_t per_channel;
    const int8_t *filter;
    const int64_t *bias;
    const int32_t *mult;
    const int32_t *shift;
} mcuc_depthwise_s16_params;

mcuc_status mcuc_depthwise_s16(const mcuc_depthwise_s16_params *p, const int16_t *input, int16_t *output);

/* FULLY_CONNECTED: input [batches][depth], filter [units][depth], output [batches][units]. */
typedef struct {
    int32_t batches;
    int32_t units;
    int32_t depth;
    int32_t acc64;
    int32_t act_min, act_max;
    int32_t per_channel;
    const int8_t *filter;
    const int64_t *bias;
    const int32_t *mult;
    const int32_t *shift;
} mcuc_fully_connected_s16_params;

mcuc_status mcuc_fully_connected_s16(const mcuc_fully_connected_s16_params *p, const int16_t *input,
                                     int16_t *output);

/* TRANSPOSE_CONV: TFLM scatters x * w from input pixel (iy, ix), tap (ky, kx) to output pixel
 * (iy * stride_h - pad_top + ky, ix * stride_w - pad_left + kx) into an int64 buffer; this kernel
 * gathers the same products per output element (exact int64 sums do not depend on the order),
 * so it needs no output-sized scratch. OHWI filter (I = in_c). Always acc64 = 1. */
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, in_c;
    int32_t out_h, out_w, out_c;
    int32_t filter_h, filter_w;
    int32_t stride_h, stride_w;
    int32_t pad_top, pad_left;
    int32_t acc64;
    int32_t act_min, act_max;
    int32_t per_channel;
    const int8_t *filter;
    const int64_t *bias;
    const int32_t *mult;
    const int32_t *shift;
} mcuc_transpose_conv_s16_params;

mcuc_status mcuc_transpose_conv_s16(const mcuc_transpose_conv_s16_params *p, const int16_t *input,
                                    int16_t *output);

#endif /* MCUC_LINEAR_S16_H */
