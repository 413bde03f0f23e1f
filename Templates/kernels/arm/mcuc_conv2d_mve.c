/* mcuc runtime: the Helium (MVE) GEMM of 1x1 CONV_2D and FULLY_CONNECTED (see mcuc_conv2d.h for
 * the packed layout). Four output channels per pass share each 16-value input vector
 * (vmladavaq_s8: 16 MACs per instruction); the last vector of a row is loaded predicated (zeros
 * past depth, the weights are zero there too). The requantization runs on the four channels'
 * accumulators as one int32x4 vector, the exact DSP epilogue lane by lane (vrmulhq_s32 is smmlar's
 * rounded high half), so the proof mcuc makes for the DSP kernels covers it too. */
#include "mcuc_conv2d.h"

#if defined(__ARM_FEATURE_MVE)
#include <arm_mve.h>

/* Lanes: requant2(2 * acc) of mcuc_dsp.h for four channels, clamped, stored as int8. */
static inline void requant4(const int32_t *q, int32_t a0, int32_t a1, int32_t a2, int32_t a3,
                            int32_t lo, int32_t hi, int8_t *out, mve_pred16_t lanes)
{
    int32x4_t acc = vdupq_n_s32(a0), t;
    acc = vsetq_lane_s32(a1, acc, 1);
    acc = vsetq_lane_s32(a2, acc, 2);
    acc = vsetq_lane_s32(a3, acc, 3);
    acc = vaddq_s32(acc, acc);
    t = vaddq_s32(vrmulhq_s32(acc, vldrwq_s32(q + 4)), vldrwq_s32(q + 8));
    t = vaddq_s32(t, vshrq_n_s32(acc, 31));
    t = vshlq_s32(t, vldrwq_s32(q + 12));
    t = vminq_s32(vmaxq_s32(t, vdupq_n_s32(lo)), vdupq_n_s32(hi));
    vstrbq_p_s32(out, t, lanes);
}

/* One row of `depth` values against every block of four channels. */
static void gemm_row(const mcuc_gemm_dsp_params *p, const int8_t *x, int8_t *out)
{
    const int32_t k = p->depth, full = k >> 4, units = p->out_c;
    const mve_pred16_t tail = vctp8q((uint32_t)(k & 15));
    const int32_t *q = p->packed;
    int32_t c, i;
    for (c = 0; c < units; c += 4) {
        const int8_t *w = (const int8_t *)(q + 16), *xp = x;
        int32_t a0 = q[0], a1 = q[1], a2 = q[2], a3 = q[3];
        for (i = 0; i < full; ++i) {
            const int8x16_t xv = vldrbq_s8(xp);
            a0 = vmladavaq_s8(a0, xv, vldrbq_s8(w));
            a1 = vmladavaq_s8(a1, xv, vldrbq_s8(w + 16));
            a2 = vmladavaq_s8(a2, xv, vldrbq_s8(w + 32));
            a3 = vmladavaq_s8(a3, xv, vldrbq_s8(w + 48));
            xp += 16;
            w += 64;
        }
        if (k & 15) {
            const int8x16_t xv = vldrbq_z_s8(xp, tail);
            a0 = vmladavaq_s8(a0, xv, vldrbq_s8(w));
            a1 = vmladavaq_s8(a1, xv, vldrbq_s8(w + 16));
            a2 = vmladavaq_s8(a2, xv, vldrbq_s8(w + 32));
            a3 = vmladavaq_s8(a3, xv, vldrbq_s8(w + 48));
            w += 64;
        }
        requant4(q, a0, a1, a2, a3, p->act_min, p->act_max, out + c,
                 vctp32q((uint32_t)(units - c < 4 ? units - c : 4)));
        q = (const int32_t *)(const void *)w;
    }
}

mcuc_status mcuc_gemm_s8_mve(const mcuc_gemm_dsp_params *p, const int8_t *input, int8_t *output)
{
    const int32_t k = p->depth, units = p->out_c;
    int32_t row;
    for (row = 0; row < p->rows; ++row) {
        gemm_row(p, input + row * k, output + row * units);
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
