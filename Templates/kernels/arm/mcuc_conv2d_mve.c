/* mcuc runtime: the Helium (MVE) GEMM of 1x1 CONV_2D and FULLY_CONNECTED, and k x k CONV_2D
 * through one im2col row at a time into the same GEMM (see mcuc_conv2d.h for the packed layout).
 * Four output channels per pass share each 16-value input vector (vmladavaq_s8: 16 MACs per
 * instruction); the last vector of a row is loaded predicated (zeros past depth, the weights are
 * zero there too). The requantization runs on the four channels' accumulators as one int32x4
 * vector: the DSP epilogue (mcuc_dsp_requant2 of 2 acc) lane by lane, where VQRDMULH of acc is
 * SMMLAR's rounded high half of 2 acc (mcuc proves 2 acc cannot overflow), so the proof mcuc
 * makes for the DSP kernels covers it too. Without Helium (host builds of M55 code) the same
 * arithmetic runs in plain C. */
#include <string.h>
#include "mcuc_conv2d.h"
#include "mcuc_dsp.h"

#if defined(__ARM_FEATURE_MVE)
#include <arm_mve.h>
#endif

/* The loop-invariant part of one GEMM. */
typedef struct {
    int32_t depth;
    int32_t blocks;        /* blocks of four output channels */
    int32_t last_lanes;    /* channels in the last block (1-4) */
    int32_t stride;        /* words per block: 16 + 16 * ((depth + 15) / 16) */
    int32_t act_min, act_max;
    const int32_t *packed;
} gemm_shape;

static gemm_shape shape_of(int32_t depth, int32_t out_c, int32_t act_min, int32_t act_max, const int32_t *packed)
{
    gemm_shape s;
    s.depth = depth;
    s.blocks = (out_c + 3) >> 2;
    s.last_lanes = out_c - 4 * (s.blocks - 1);
    s.stride = 16 + 16 * ((depth + 15) >> 4);
    s.act_min = act_min;
    s.act_max = act_max;
    s.packed = packed;
    return s;
}

#if defined(__ARM_FEATURE_MVE)

/* requant2(2 acc) of mcuc_dsp.h for four channels (words q: biases, multipliers, rounding,
 * negated shifts), clamped. */
static inline __attribute__((always_inline)) int32x4_t requant4(const int32_t *q, int32x4_t acc, int32x4_t lo,
                                                                int32x4_t hi)
{
    int32x4_t t = vaddq_s32(vqrdmulhq_s32(acc, vldrwq_s32(q + 4)), vldrwq_s32(q + 8));
    t = vshlq_s32(vaddq_s32(t, vshrq_n_s32(acc, 31)), vldrwq_s32(q + 12));
    return vminq_s32(vmaxq_s32(t, lo), hi);
}

/* The accumulators of one block of four channels (q: its words) for the row x. */
static inline __attribute__((always_inline)) int32x4_t block_acc(const int32_t *q, const int8_t *x, int32_t depth)
{
    const int8_t *w = (const int8_t *)(q + 16);
    int32_t a0 = q[0], a1 = q[1], a2 = q[2], a3 = q[3], i;
    int32x4_t acc;
    for (i = depth >> 4; i > 0; --i) {
        const int8x16_t xv = vldrbq_s8(x);
        a0 = vmladavaq_s8(a0, xv, vldrbq_s8(w));
        a1 = vmladavaq_s8(a1, xv, vldrbq_s8(w + 16));
        a2 = vmladavaq_s8(a2, xv, vldrbq_s8(w + 32));
        a3 = vmladavaq_s8(a3, xv, vldrbq_s8(w + 48));
        x += 16;
        w += 64;
    }
    if (depth & 15) {
        const int8x16_t xv = vldrbq_z_s8(x, vctp8q((uint32_t)(depth & 15)));
        a0 = vmladavaq_s8(a0, xv, vldrbq_s8(w));
        a1 = vmladavaq_s8(a1, xv, vldrbq_s8(w + 16));
        a2 = vmladavaq_s8(a2, xv, vldrbq_s8(w + 32));
        a3 = vmladavaq_s8(a3, xv, vldrbq_s8(w + 48));
    }
    acc = vdupq_n_s32(a0);
    acc = vsetq_lane_s32(a1, acc, 1);
    acc = vsetq_lane_s32(a2, acc, 2);
    return vsetq_lane_s32(a3, acc, 3);
}

/* The accumulators of one block for a row of at most 16 values already in xv. */
static inline __attribute__((always_inline)) int32x4_t block_acc16(const int32_t *q, int8x16_t xv)
{
    const int8_t *w = (const int8_t *)(q + 16);
    int32x4_t acc = vdupq_n_s32(vmladavaq_s8(q[0], xv, vldrbq_s8(w)));
    acc = vsetq_lane_s32(vmladavaq_s8(q[1], xv, vldrbq_s8(w + 16)), acc, 1);
    acc = vsetq_lane_s32(vmladavaq_s8(q[2], xv, vldrbq_s8(w + 32)), acc, 2);
    return vsetq_lane_s32(vmladavaq_s8(q[3], xv, vldrbq_s8(w + 48)), acc, 3);
}

/* Every output channel of `rows` rows of at most 16 values from x: each row loaded once (zeros
 * past depth), one straight pass per block. */
__attribute__((noinline)) static void gemm_rows16(const gemm_shape *s, const int8_t *x, int32_t rows, int8_t *out)
{
    const int32x4_t lo = vdupq_n_s32(s->act_min), hi = vdupq_n_s32(s->act_max);
    const int32_t stride = s->stride, blocks = s->blocks, depth = s->depth, out_c = 4 * (blocks - 1) + s->last_lanes;
    const mve_pred16_t live = vctp8q((uint32_t)depth), last = vctp32q((uint32_t)s->last_lanes);
    int32_t r, b;
    for (r = 0; r < rows; ++r, x += depth) {
        const int8x16_t xv = vldrbq_z_s8(x, live);
        const int32_t *q = s->packed;
        int8_t *o = out + r * out_c;
        for (b = 1; b < blocks; ++b, q += stride, o += 4) {
            vstrbq_s32(o, requant4(q, block_acc16(q, xv), lo, hi));
        }
        vstrbq_p_s32(o, requant4(q, block_acc16(q, xv), lo, hi), last);
    }
}

/* Every output channel of one row x. */
static inline __attribute__((always_inline)) void gemm_row(const gemm_shape *s, const int8_t *x, int8_t *out)
{
    const int32x4_t lo = vdupq_n_s32(s->act_min), hi = vdupq_n_s32(s->act_max);
    const int32_t depth = s->depth, stride = s->stride, blocks = s->blocks;
    const mve_pred16_t last = vctp32q((uint32_t)s->last_lanes);
    const int32_t *q = s->packed;
    int32_t b;
    if (depth <= 16) {
        gemm_rows16(s, x, 1, out);
        return;
    }
    for (b = 1; b < blocks; ++b, q += stride, out += 4) {
        vstrbq_s32(out, requant4(q, block_acc(q, x, depth), lo, hi));
    }
    vstrbq_p_s32(out, requant4(q, block_acc(q, x, depth), lo, hi), last);
}

#else

/* Every output channel of one row x, in plain C. */
static inline __attribute__((always_inline)) void gemm_row(const gemm_shape *s, const int8_t *x, int8_t *out)
{
    const int32_t *q = s->packed;
    int32_t b, j, i;
    for (b = 0; b < s->blocks; ++b, q += s->stride) {
        const int8_t *w = (const int8_t *)(q + 16);
        for (j = 0; j < (b + 1 < s->blocks ? 4 : s->last_lanes); ++j) {
            int32_t acc = q[j];
            for (i = 0; i < s->depth; ++i) {
                acc += (int32_t)w[(i >> 4) * 64 + 16 * j + (i & 15)] * x[i];
            }
            acc = mcuc_dsp_requant2(2 * acc, q[4 + j], q[8 + j], -q[12 + j]);
            acc = acc < s->act_min ? s->act_min : acc;
            out[4 * b + j] = (int8_t)(acc > s->act_max ? s->act_max : acc);
        }
    }
}

#endif

mcuc_status mcuc_gemm_s8_mve(const mcuc_gemm_dsp_params *p, const int8_t *input, int8_t *output)
{
    const gemm_shape s = shape_of(p->depth, p->out_c, p->act_min, p->act_max, p->packed);
    int32_t row;
#if defined(__ARM_FEATURE_MVE)
    if (p->depth <= 16) {
        gemm_rows16(&s, input, p->rows, output);
        return MCUC_OK;
    }
#endif
    for (row = 0; row < p->rows; ++row) {
        gemm_row(&s, input + row * p->depth, output + row * p->out_c);
    }
    return MCUC_OK;
}

/* n bytes from src to dst (not overlapping), and n bytes of v at dst: 16 per Helium vector, the
 * last one predicated (short rows cost a library call's overhead otherwise). */
static inline __attribute__((always_inline)) void copy_bytes(int8_t *dst, const int8_t *src, int32_t n)
{
#if defined(__ARM_FEATURE_MVE)
    for (; n > 0; n -= 16, src += 16, dst += 16) {
        const mve_pred16_t live = vctp8q((uint32_t)n);
        vstrbq_p_s8(dst, vldrbq_z_s8(src, live), live);
    }
#else
    memcpy(dst, src, (size_t)n);
#endif
}

static inline __attribute__((always_inline)) void fill_bytes(int8_t *dst, int32_t v, int32_t n)
{
#if defined(__ARM_FEATURE_MVE)
    const int8x16_t fill = vdupq_n_s8((int8_t)v);
    for (; n > 0; n -= 16, dst += 16) {
        vstrbq_p_s8(dst, fill, vctp8q((uint32_t)n));
    }
#else
    memset(dst, (uint8_t)v, (size_t)n);
#endif
}

/* The window of output pixel (oy, ox) as one im2col row (ky, kx, channel order, like the
 * filter); taps outside the input hold the input zero point, which the bias already cancels. */
static void im2col_row(const mcuc_conv2d_dsp_params *p, const int8_t *in, int32_t oy, int32_t ox, int8_t *row)
{
    const int32_t c = p->in_c, iy0 = oy * p->stride_h - p->pad_top, ix0 = ox * p->stride_w - p->pad_left;
    const int32_t whole = p->dilation_w == 1 && ix0 >= 0 && ix0 + p->filter_w <= p->in_w;
    int32_t ky, kx;
    for (ky = 0; ky < p->filter_h; ++ky, row += p->filter_w * c) {
        const int32_t iy = iy0 + ky * p->dilation_h;
        if (iy < 0 || iy >= p->in_h) {
            fill_bytes(row, p->input_zp, p->filter_w * c);
        } else if (whole) {
            copy_bytes(row, in + (iy * p->in_w + ix0) * c, p->filter_w * c);
        } else {
            for (kx = 0; kx < p->filter_w; ++kx) {
                const int32_t ix = ix0 + kx * p->dilation_w;
                if (ix < 0 || ix >= p->in_w) {
                    fill_bytes(row + kx * c, p->input_zp, c);
                } else {
                    copy_bytes(row + kx * c, in + (iy * p->in_w + ix) * c, c);
                }
            }
        }
    }
}

mcuc_status mcuc_conv2d_s8_mve(const mcuc_conv2d_dsp_params *p, const int8_t *input, int8_t *output, void *scratch)
{
    const gemm_shape s = shape_of(p->depth, p->out_c, p->act_min, p->act_max, p->packed);
    int8_t *const row = (int8_t *)scratch;
    int32_t b, oy, ox;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *in = input + b * p->in_h * p->in_w * p->in_c;
        for (oy = 0; oy < p->out_h; ++oy) {
            for (ox = 0; ox < p->out_w; ++ox, output += p->out_c) {
                im2col_row(p, in, oy, ox, row);
                gemm_row(&s, row, output);
            }
        }
    }
    return MCUC_OK;
}
