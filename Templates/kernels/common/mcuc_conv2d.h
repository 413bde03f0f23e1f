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

/* int4-packed filter (mcuc_int4.h): p->filter holds (out_c * filter_h * filter_w * filter_c + 1) / 2
 * bytes; they are unpacked into `scratch` (that many values, one byte each), then mcuc_conv2d_s8
 * or mcuc_conv2d_1x1_s8 runs on them with the same loop order and contract. */
mcuc_status mcuc_conv2d_s8_int4(const mcuc_conv2d_params *p, const int8_t *input, int8_t *output, void *scratch);
mcuc_status mcuc_conv2d_1x1_s8_int4(const mcuc_conv2d_params *p, const int8_t *input, int8_t *output, void *scratch);

/* The DSP GEMM (kernels/arm/mcuc_conv2d_dsp.c) that runs 1x1 CONV_2D (stride 1, no padding) and
 * FULLY_CONNECTED on cores with the DSP extension: out[r][c] for `rows` rows of `depth` int8
 * values (pixels, or FC batches) and `out_c` output channels, equal bit for bit to the portable
 * kernel it replaces.
 *
 * `packed` is written by mcuc at compile time, per pair of output channels (c0, c1), c1 a zero
 * dummy after an odd last channel: 2 words of initial accumulators (2 b0 + 512 b1 and 2 b1, b
 * the biases with the input zero point folded), then 2 * groups weight words (group g holds
 * values 4g..4g+3: the first word values 4g and 4g+2, the second 4g+1 and 4g+3; each halfword
 * is (w0 + 128) | (w1 << 8), zero past depth), then 6 requantization words (multiplier,
 * round = 2^(e-1) + (output_zp << e), e, for c0 then c1; see mcuc_dsp_requant2).
 *
 * Scratch: 8 * min(rows, 2) * groups bytes, word aligned (up to two rows of doubled int16
 * columns). Loop order
 * (the `interleaved` streaming contract holds): rows in increasing groups of up to two; all
 * input rows of a group are read into the scratch before any of its output rows is written. */
typedef struct {
    int32_t rows;
    int32_t depth;
    int32_t out_c;
    int32_t groups;            /* (depth + 3) / 4 */
    int32_t act_min, act_max;
    const int32_t *packed;
} mcuc_gemm_dsp_params;

mcuc_status mcuc_gemm_s8_dsp(const mcuc_gemm_dsp_params *p, const int8_t *input, int8_t *output, void *scratch);

/* The same GEMM for rows == 1 (a FULLY_CONNECTED on one row) without scratch: the input row is
 * read in place, each input word sign-extended once per block of four output channels. `packed`
 * holds the pair words above rearranged per block of two whole pairs A and B: A's 2 initial
 * words, B's 2, then per group A's 2 weight words and B's 2, then A's 6 requantization words and
 * B's 6; the last 1-3 channels keep the pair layout. Reads the whole row before writing any
 * output (the `interleaved` contract holds). */
mcuc_status mcuc_gemm1_s8_dsp(const mcuc_gemm_dsp_params *p, const int8_t *input, int8_t *output);

/* The DSP variant of mcuc_conv2d_s8 for ungrouped filters (kernels/arm/mcuc_conv2d_dsp.c): each
 * group of up to two output pixels is copied as im2col rows (taps outside the input hold
 * input_zp; `packed` is the GEMM layout above with the zero point folded into the biases over the
 * whole filter, so those taps cancel), then multiplied like mcuc_gemm_s8_dsp. depth = filter_h *
 * filter_w * in_c. Scratch, word aligned: r * ((depth + 3) & ~3) bytes of rows, then 8 * r * groups
 * bytes of columns, r = min(2, out_h * out_w). Loop order (the `rows`
 * streaming contract holds): output pixels in increasing order in groups of up to two, every
 * window of a group read before any of its outputs is written. */
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, in_c;
    int32_t out_h, out_w, out_c;
    int32_t filter_h, filter_w;
    int32_t stride_h, stride_w;
    int32_t dilation_h, dilation_w;
    int32_t pad_top, pad_left;
    int32_t input_zp;
    int32_t depth;
    int32_t groups;            /* (depth + 3) / 4 */
    int32_t act_min, act_max;
    const int32_t *packed;
} mcuc_conv2d_dsp_params;

mcuc_status mcuc_conv2d_s8_dsp(const mcuc_conv2d_dsp_params *p, const int8_t *input, int8_t *output, void *scratch);

/* The DSP variant of mcuc_conv2d_s8 without scratch for a small input depth
 * (kernels/arm/mcuc_conv2d_dsp.c): a window row (filter_w * in_c values, dilation_w 1) is
 * contiguous in NHWC memory, so it is read in place as words, each word multiplied against four
 * output channels. `packed` is written by mcuc at compile time, per block of four output channels
 * (zero dummies after the last): 4 words of doubled biases (input zero point folded over the whole
 * filter), then per filter row and per group of four row values 8 weight words (per channel: values
 * 0 and 2, then 1 and 3, as doubled int16 halfwords; rows zero-padded to row_groups groups), then
 * 12 requantization words (mcuc_dsp_requant2's m, round, e per channel). Window columns outside the
 * input read input_zp (the window is then assembled on the stack: filter_h * 4 * row_groups <=
 * MCUC_CONV_DIRECT_MAX_WINDOW bytes); window rows outside the input are skipped and
 * `row_fix[oc * filter_h + ky]` (2 * input_zp * the sum of filter row ky's weights) added instead,
 * so every tap contributes what the reference's skipped taps do. No scratch; loop order of
 * mcuc_conv2d_s8 (the `rows` streaming contract holds): output pixels in increasing order, each
 * window read before the pixel's outputs are written. */
#define MCUC_CONV_DIRECT_MAX_WINDOW 96
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, in_c;
    int32_t out_h, out_w, out_c;
    int32_t filter_h, filter_w;
    int32_t stride_h, stride_w;
    int32_t dilation_h;
    int32_t pad_top, pad_left;
    int32_t input_zp;
    int32_t row_groups;        /* (filter_w * in_c + 3) / 4 */
    int32_t act_min, act_max;
    const int32_t *packed;
    const int32_t *row_fix;    /* [out_c][filter_h] */
} mcuc_conv2d_direct_dsp_params;

mcuc_status mcuc_conv2d_direct_s8_dsp(const mcuc_conv2d_direct_dsp_params *p, const int8_t *input, int8_t *output);

/* One patch of a patch stage (see MCUC_PATCH_FIELDS in mcuc_common.h): `rows` and `cols` are
 * the call's entries for the patch's grid row and column, operands input then output. Computes
 * what mcuc_conv2d_s8 computes for the output rectangle, in the same order; batches, in_h, in_w,
 * out_h, out_w, pad_top and pad_left of `p` are the whole layer's and are not read. */
mcuc_status mcuc_conv2d_patch_s8(const mcuc_conv2d_params *p, const int32_t *rows, const int32_t *cols,
                                 const int8_t *input, int8_t *output);

/* The Helium GEMM (kernels/arm/mcuc_conv2d_mve.c) that runs 1x1 CONV_2D (stride 1, no padding)
 * and FULLY_CONNECTED on cores with MVE, with the same params type and bits as mcuc_gemm_s8_dsp
 * but its own packed layout (`groups` holds (depth + 15) / 16): per block of four output channels
 * (dummies with zero weights after the last), 4 words of biases (input zero point folded), 4
 * multipliers, 4 rounding words (2^(e-1) + (output_zp << e)), 4 words -e (mcuc_dsp_requant2's
 * words, lane by lane), then per 16 values of depth 64 weight bytes: 16 per channel, zero past
 * depth. No scratch; loop order of mcuc_conv2d_1x1_s8 (rows in increasing order, each row read
 * in full for every block of channels before the block's outputs are written). */
mcuc_status mcuc_gemm_s8_mve(const mcuc_gemm_dsp_params *p, const int8_t *input, int8_t *output);

/* The Helium variant of mcuc_conv2d_s8_dsp (kernels/arm/mcuc_conv2d_mve.c), same params but
 * `groups` = (depth + 15) / 16 and `packed` in the layout of mcuc_gemm_s8_mve (zero point folded
 * into the biases over the whole filter): each output pixel's window is copied as one im2col row
 * (taps outside the input hold input_zp), then multiplied like mcuc_gemm_s8_mve. Scratch: depth
 * bytes. Loop order (the `rows` streaming contract holds): output pixels in increasing order,
 * each window read before its outputs are written. */
mcuc_status mcuc_conv2d_s8_mve(const mcuc_conv2d_dsp_params *p, const int8_t *input, int8_t *output, void *scratch);

#endif /* MCUC_CONV2D_H */
