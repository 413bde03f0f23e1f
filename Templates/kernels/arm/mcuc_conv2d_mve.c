/* mcuc runtime: the Helium (MVE) GEMM of 1x1 CONV_2D and FULLY_CONNECTED (see mcuc_conv2d.h for
 * the packed layout). Four output channels per pass share each 16-value input vector
 * (vmladavaq_s8: 16 MACs per instruction); the last vector of a row is loaded predicated (zeros
 * past depth, the weights are zero there too). The requantization runs on the four channels'
 * accumulators as one int32x4 vector: the DSP epilogue (mcuc_dsp_requant2 of 2 acc) lane by lane,
 * where VQRDMULH of acc is SMMLAR's rounded high half of 2 acc (mcuc proves 2 acc cannot
 * overflow), so the proof mcuc makes for the DSP kernels covers it too. */
#include "mcuc_conv2d.h"

#if defined(__ARM_FEATURE_MVE)
#include <arm_mve.h>

/* The loop-invariant part of one call. */
typedef struct {
    int32_t full;          /* whole 16-value vectors per row */
    int32_t rest;          /* values in the last, partial vector (0: none) */
    int32_t blocks;        /* blocks of four output channels */
    int32_t last_lanes;    /* channels in the last block (1-4) */
    int32x4_t lo, hi;
} gemm_shape;

/* requant2(2 acc) of mcuc_dsp.h for four channels (words q: biases, multipliers, rounding,
 * negated shifts), clamped. */
static inline __attribute__((always_inline)) int32x4_t requant4(const int32_t *q, int32x4_t acc, const gemm_shape *s)
{
    int32x4_t t = vaddq_s32(vqrdmulhq_s32(acc, vldrwq_s32(q + 4)), vldrwq_s32(q + 8));
    t = vshlq_s32(vaddq_s32(t, vshrq_n_s32(acc, 31)), vldrwq_s32(q + 12));
    return vminq_s32(vmaxq_s32(t, s->lo), s->hi);
}

/* The accumulators of one block of four channels (q: its words) for the row x. */
static inline __attribute__((always_inline)) int32x4_t block_acc(const int32_t *q, const int8_t *x, const gemm_shape *s)
{
    const int8_t *w = (const int8_t *)(q + 16);
    int32_t a0 = q[0], a1 = q[1], a2 = q[2], a3 = q[3], i;
    int32x4_t acc;
    for (i = s->full; i > 0; --i) {
        const int8x16_t xv = vldrbq_s8(x);
        a0 = vmladavaq_s8(a0, xv, vldrbq_s8(w));
        a1 = vmladavaq_s8(a1, xv, vldrbq_s8(w + 16));
        a2 = vmladavaq_s8(a2, xv, vldrbq_s8(w + 32));
        a3 = vmladavaq_s8(a3, xv, vldrbq_s8(w + 48));
        x += 16;
        w += 64;
    }
    if (s->rest) {
        const int8x16_t xv = vldrbq_z_s8(x, vctp8q((uint32_t)s->rest));
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

mcuc_status mcuc_gemm_s8_mve(const mcuc_gemm_dsp_params *p, const int8_t *input, int8_t *output)
{
    const int32_t k = p->depth, rows = p->rows, stride = 16 + 16 * p->groups;
    const int32_t *const packed = p->packed;
    gemm_shape s;
    int32_t row, b;
    s.full = k >> 4;
    s.rest = k & 15;
    s.blocks = (p->out_c + 3) >> 2;
    s.last_lanes = p->out_c - 4 * (s.blocks - 1);
    s.lo = vdupq_n_s32(p->act_min);
    s.hi = vdupq_n_s32(p->act_max);
    for (row = 0; row < rows; ++row, input += k) {
        const int32_t *q = packed;
        for (b = 1; b < s.blocks; ++b, q += stride, output += 4) {
            vstrbq_s32(output, requant4(q, block_acc(q, input, &s), &s));
        }
        vstrbq_p_s32(output, requant4(q, block_acc(q, input, &s), &s), vctp32q((uint32_t)s.last_lanes));
        output += s.last_lanes;
    }
    return MCUC_OK;
}

#else /* without Helium: the same arithmetic in plain C (host builds of M55 code) */

#include "mcuc_dsp.h"

mcuc_status mcuc_gemm_s8_mve(const mcuc_gemm_dsp_params *p, const int8_t *input, int8_t *output)
{
    const int32_t k = p->depth, units = p->out_c, chunks = p->groups;
    int32_t row, c, j, i;
    for (row = 0; row < p->rows; ++row) {
        const int8_t *x = input + row * k;
        const int32_t *q = p->packed;
        for (c = 0; c < units; c += 4) {
            const int8_t *w = (const int8_t *)(q + 16);
            for (j = 0; j < 4 && c + j < units; ++j) {
                int32_t acc = q[j];
                for (i = 0; i < k; ++i) {
                    acc += (int32_t)w[(i >> 4) * 64 + 16 * j + (i & 15)] * x[i];
                }
                acc = mcuc_dsp_requant2(2 * acc, q[4 + j], q[8 + j], -q[12 + j]);
                acc = acc < p->act_min ? p->act_min : acc;
                output[row * units + c + j] = (int8_t)(acc > p->act_max ? p->act_max : acc);
            }
            q += 16 + 16 * chunks;
        }
    }
    return MCUC_OK;
}

#endif
