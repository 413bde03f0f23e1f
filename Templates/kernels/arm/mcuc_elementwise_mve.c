/* mcuc runtime: int8 ADD and SUB of two same-shape operands (rank 0) on Helium cores, four
 * elements per vector, equal bit for bit to the portable kernels (see mcuc_elementwise.h). Each
 * MultiplyByQuantizedMultiplier is exact lane by lane: VSHL wraps like mcuc_shl_wrap, VQRDMULH is
 * SaturatingRoundingDoublingHighMul (INT32_MIN squared saturated included), and RoundingDivideByPOT
 * by e >= 1 is VRSHL by -e of x minus one where x is negative (saturating: INT32_MIN stays), which
 * rounds ties away from zero as gemmlowp does. Without Helium the same arithmetic runs in plain C. */
#include "mcuc_elementwise.h"
#include "mcuc_fixedpoint.h"

#if defined(__ARM_FEATURE_MVE)
#include <arm_mve.h>

/* MultiplyByQuantizedMultiplier(x, m, shift) per lane. */
static inline __attribute__((always_inline)) int32x4_t mbqm4(int32x4_t x, int32_t m, int32_t shift)
{
    int32x4_t t;
    if (shift > 0) {
        x = vshlq_r_s32(x, shift);
    }
    t = vqrdmulhq_n_s32(x, m);
    if (shift < 0) {
        t = vrshlq_n_s32(vqaddq_s32(t, vshrq_n_s32(t, 31)), shift);
    }
    return t;
}

/* Four outputs from four elements of each input (sign: +1 ADD, -1 SUB). */
static inline __attribute__((always_inline)) int32x4_t
element4(const mcuc_binary_params *p, int32x4_t x1, int32x4_t x2, int sub)
{
    const int32x4_t a = mbqm4(vshlq_r_s32(vsubq_n_s32(x1, p->zp1), p->left_shift), p->mult1, p->shift1);
    const int32x4_t b = mbqm4(vshlq_r_s32(vsubq_n_s32(x2, p->zp2), p->left_shift), p->mult2, p->shift2);
    const int32x4_t raw = mbqm4(sub ? vsubq_s32(a, b) : vaddq_s32(a, b), p->mult, p->shift);
    return vminq_s32(vmaxq_s32(vaddq_n_s32(raw, p->output_zp), vdupq_n_s32(p->act_min)), vdupq_n_s32(p->act_max));
}

static inline __attribute__((always_inline)) void
run(const mcuc_binary_params *p, const int8_t *in1, const int8_t *in2, int8_t *out, int sub)
{
    const mcuc_binary_params q = *p;
    int32_t i = 0;
    for (; i + 4 <= q.count; i += 4) {
        vstrbq_s32(out + i, element4(&q, vldrbq_s32(in1 + i), vldrbq_s32(in2 + i), sub));
    }
    if (i < q.count) {
        const mve_pred16_t live = vctp32q((uint32_t)(q.count - i));
        vstrbq_p_s32(out + i, element4(&q, vldrbq_z_s32(in1 + i, live), vldrbq_z_s32(in2 + i, live), sub), live);
    }
}

#else

static void run(const mcuc_binary_params *p, const int8_t *in1, const int8_t *in2, int8_t *out, int sub)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        const int32_t a = mcuc_mbqm(mcuc_shl_wrap(in1[i] - p->zp1, p->left_shift), p->mult1, p->shift1);
        const int32_t b = mcuc_mbqm(mcuc_shl_wrap(in2[i] - p->zp2, p->left_shift), p->mult2, p->shift2);
        const int32_t raw = mcuc_mbqm(sub ? mcuc_wsub(a, b) : mcuc_wadd(a, b), p->mult, p->shift);
        out[i] = mcuc_clamp_s8(mcuc_wadd(p->output_zp, raw), p->act_min, p->act_max);
    }
}

#endif

mcuc_status mcuc_add_s8_mve(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output)
{
    run(p, input1, input2, output, 0);
    return MCUC_OK;
}

mcuc_status mcuc_sub_s8_mve(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output)
{
    run(p, input1, input2, output, 1);
    return MCUC_OK;
}
