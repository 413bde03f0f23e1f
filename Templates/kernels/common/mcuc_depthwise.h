/* mcuc runtime: int8 DEPTHWISE_CONV_2D (TFLM reference_integer_ops::DepthwiseConvPerChannel). */
#ifndef MCUC_DEPTHWISE_H
#define MCUC_DEPTHWISE_H

#include <stdint.h>
#include "mcuc_common.h"

/* One DEPTHWISE_CONV_2D call. Output channel oc = ic * depth_multiplier + m reads input channel
 * ic only: acc = bias[oc] + sum over in-bounds taps of w[ky][kx][oc] * (x[iy][ix][ic] +
 * input_offset), then MBQM(acc, mult[oc], shift[oc]) + output_zp, clamped. input_offset is
 * -(input zero point), or 0 when mcuc folded it into the bias (every tap in bounds). */
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, in_c;
    int32_t out_h, out_w, out_c; /* out_c = in_c * depth_multiplier */
    int32_t depth_multiplier;
    int32_t filter_h, filter_w;
    int32_t stride_h, stride_w;
    int32_t dilation_h, dilation_w;
    int32_t pad_top, pad_left;
    int32_t input_offset;
    int32_t output_zp;
    int32_t act_min, act_max;
    int32_t per_channel;
    const int8_t *filter;        /* [1][filter_h][filter_w][out_c] */
    const int32_t *bias;         /* [out_c] */
    const int32_t *mult;
    const int32_t *shift;
} mcuc_depthwise_params;

/* Direct loops: batches, output rows in increasing order, columns, output channels (the `rows`
 * streaming contract relies on this order). */
mcuc_status mcuc_depthwise_s8(const mcuc_depthwise_params *p, const int8_t *input, int8_t *output);

/* int4-packed filter (mcuc_int4.h): p->filter holds (filter_h * filter_w * out_c + 1) / 2 bytes;
 * they are unpacked into `scratch` (one byte per value), then mcuc_depthwise_s8 runs on them with
 * the same loop order and contract. */
mcuc_status mcuc_depthwise_s8_int4(const mcuc_depthwise_params *p, const int8_t *input, int8_t *output, void *scratch);

/* In place, depth_multiplier 1, `output` at the address of `input` (the `inPlace` contract,
 * TinyEngine's scheme; separate buffers work too): for each batch, for each channel c in
 * increasing order, copy input channel c of that batch (in_h * in_w bytes) into `scratch`, then
 * compute output channel c of that batch from the scratch only. Output channel c only overwrites
 * bytes of channel c, which were copied first. */
mcuc_status mcuc_depthwise_inplace_s8(const mcuc_depthwise_params *p, const int8_t *input, int8_t *output,
                                      int8_t *scratch);

/* The DSP variant of mcuc_depthwise_s8 for depth_multiplier 1 (kernels/arm/mcuc_depthwise_dsp.c),
 * equal to it bit for bit, in the same loop order (the `rows` contract holds): four channels at
 * a time per output pixel, each block's taps all read before its four outputs are written (so it
 * also runs in place, output == input, where no output pixel reads an input pixel below its own
 * index). `filter` is the model's [filter_h][filter_w][channels] weights; `packed` holds 4 words
 * per channel: 2 * bias (input zero point folded when input_offset is 0), then multiplier, round
 * and e of the fused epilogue (mcuc_dsp_requant2; mcuc proves it exact per channel at compile
 * time); for mcuc_depthwise_s8_dsp then, per full block of four channels and per tap, the words
 * (w0, w2) and (w1, w3) as sign-extended halfwords (the Helium kernel reads no more). */
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, channels;
    int32_t out_h, out_w;
    int32_t filter_h, filter_w;
    int32_t stride_h, stride_w;
    int32_t dilation_h, dilation_w;
    int32_t pad_top, pad_left;
    int32_t input_offset;
    int32_t act_min, act_max;
    const int8_t *filter;
    const int32_t *packed;
} mcuc_depthwise_dsp_params;

mcuc_status mcuc_depthwise_s8_dsp(const mcuc_depthwise_dsp_params *p, const int8_t *input, int8_t *output);

/* The DSP variant of mcuc_depthwise_inplace_s8 (same params as mcuc_depthwise_s8_dsp), equal to
 * it bit for bit with the same overlap contract: for each batch, for each channel c in increasing
 * order, input channel c (in_h * in_w bytes) is copied into `scratch` before output channel c of
 * that batch is written, from the scratch only. */
mcuc_status mcuc_depthwise_inplace_s8_dsp(const mcuc_depthwise_dsp_params *p, const int8_t *input, int8_t *output,
                                          int8_t *scratch);

/* mcuc_depthwise_inplace3x3_s8_dsp: the in-place 3x3 DEPTHWISE_CONV_2D (dilation 1, depth
 * multiplier 1, any strides) through one channel plane padded with the input zero point, so every
 * window is inside the plane and every tap costs the same (a padded tap holds the zero point,
 * whose product the folded bias cancels exactly). The scratch holds `block` (1, or 4 when
 * channels >= 4) planes of plane_h * plane_w bytes, then 4 bytes: the kernel fills it with
 * input_zp, then for each batch, for each block of four channels when block is 4 (then each
 * remaining channel) in increasing order, copies the
 * block's input channels into their planes at (pad_top, pad_left) before writing the block's
 * output channels of that batch from the planes only: an output byte only overwrites an input
 * byte of its own block, copied first (the `inPlace` contract of mcuc_depthwise_inplace_s8). plane_h >=
 * max((out_h - 1) * stride_h + 3, pad_top + in_h), plane_w likewise with the widths. `packed`
 * holds 10 words per channel: per filter row r the halfword pairs (w[r][0], w[r][2]), then per
 * row (w[r][1], w[r][1]), then 2 * bias with the input zero point folded over all nine taps,
 * multiplier, round and e of mcuc_dsp_requant2 (proved exact for inputs in [-128, 127]). */
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, channels;
    int32_t out_h, out_w;
    int32_t stride_h, stride_w;
    int32_t pad_top, pad_left;
    int32_t plane_h, plane_w;
    int32_t block;
    int32_t input_zp;
    int32_t act_min, act_max;
    const int32_t *packed;
} mcuc_depthwise3x3_dsp_params;

mcuc_status mcuc_depthwise_inplace3x3_s8_dsp(const mcuc_depthwise3x3_dsp_params *p, const int8_t *input,
                                             int8_t *output, int8_t *scratch);

/* mcuc_depthwise_inplace_kxk_s8_dsp: the in-place DEPTHWISE_CONV_2D of any other window (dilation
 * 1, depth multiplier 1, any strides) through the padded planes of mcuc_depthwise_inplace3x3_s8_dsp
 * (same scratch, block and copy order, so the same `inPlace` argument): plane_h >= max((out_h - 1)
 * * stride_h + filter_h, pad_top + in_h), plane_w likewise with filter_w. Each filter row is read
 * in groups of four taps, one word of inputs each (up to three bytes past the window, which meet
 * zero weights): `packed` holds per channel, per filter row, per group g the halfword pairs
 * (w[4g], w[4g + 2]) and (w[4g + 1], w[4g + 3]) (zero past filter_w), then 2 * bias with the input
 * zero point folded over all taps, multiplier, round and e of mcuc_dsp_requant2. */
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, channels;
    int32_t out_h, out_w;
    int32_t filter_h, groups;
    int32_t stride_h, stride_w;
    int32_t pad_top, pad_left;
    int32_t plane_h, plane_w;
    int32_t block;
    int32_t input_zp;
    int32_t act_min, act_max;
    const int32_t *packed;
} mcuc_depthwise_kxk_dsp_params;

mcuc_status mcuc_depthwise_inplace_kxk_s8_dsp(const mcuc_depthwise_kxk_dsp_params *p, const int8_t *input,
                                              int8_t *output, int8_t *scratch);

/* One patch of a patch stage (see MCUC_PATCH_FIELDS in mcuc_common.h), operands input then
 * output: what mcuc_depthwise_s8 computes for the output rectangle, in the same order; batches,
 * in_h, in_w, out_h, out_w, pad_top and pad_left of `p` are the whole layer's and are not read. */
mcuc_status mcuc_depthwise_patch_s8(const mcuc_depthwise_params *p, const int32_t *rows, const int32_t *cols,
                                    const int8_t *input, int8_t *output);

/* The Helium variants (kernels/arm/mcuc_depthwise_mve.c), same params and packed words as the DSP
 * ones and equal to them bit for bit.
 *
 * mcuc_depthwise_s8_mve: output rows in increasing order (the `rows` contract holds). In a row
 * whose windows lie inside the input's height and with eight or more pixels whose windows lie
 * inside its width, those pixels run one channel at a time, four pixels per vector (a vector's
 * taps are all read before its bytes are written), after the pixels left of them and before the
 * ones right of them; every other pixel runs alone, eight channels per pair of vectors. Output
 * byte (pixel q, channel c) is written after every output pixel up to q has read input byte
 * (q, c), so with the output at the input's offset the walk is exact in place whenever no output
 * reads an input pixel below its own (the DSP kernel's pixel-order condition).
 *
 * mcuc_depthwise_inplace_s8_mve: the `inPlace` contract of mcuc_depthwise_inplace_s8, but the
 * scratch is a padded plane of ph * pw bytes, ph = max((out_h - 1) * stride_h + (filter_h - 1) *
 * dilation_h + 1, pad_top + in_h) and pw likewise with the widths: the kernel fills it with the
 * input zero point (-input_offset), then for each batch, for each channel c in increasing order,
 * copies input channel c into it at (pad_top, pad_left) before writing output channel c from the
 * plane only, four output pixels per vector. Where a window row fits 16 taps (the window-dot
 * walk; not for 3x3 windows with more than 100 output pixels), filter rows are taken in groups
 * of rows = min(16 / filter_w, filter_h), fewer while a group's byte offsets ((rows - 1) *
 * dilation_h * pw + (filter_w - 1) * dilation_w) pass 255, at most 8 groups: each output pixel is
 * one 16-byte gather and one VMLADAVA per group, and `packed` holds after the 4 * channels
 * epilogue words, per channel, the bias with the input zero point folded over every tap, then
 * per group 16 weight bytes (lane r * filter_w + kx: tap (r, kx) of the group, zero past it). */
mcuc_status mcuc_depthwise_s8_mve(const mcuc_depthwise_dsp_params *p, const int8_t *input, int8_t *output);

mcuc_status mcuc_depthwise_inplace_s8_mve(const mcuc_depthwise_dsp_params *p, const int8_t *input, int8_t *output,
                                          int8_t *scratch);

#endif /* MCUC_DEPTHWISE_H */
