/* mcuc runtime: int8 SOFTMAX. Portable C99; see mcuc_softmax.h. */
#include "mcuc_softmax.h"
#include "mcuc_gemmlowp.h"

/* Q0.31 exp(d * beta * scale) of one input difference d >= diff_min (d * 2^shift cannot
 * overflow there; MultiplyByQuantizedMultiplierGreaterThanOne). */
static int32_t softmax_exp(const mcuc_softmax_params *p, int32_t d)
{
    const int32_t scaled = mcuc_srdhm(mcuc_shl_wrap(d, p->input_left_shift), p->input_multiplier);
    return mcuc_gl_exp_on_negative_values(scaled, 5);
}

mcuc_status mcuc_softmax_s8(const mcuc_softmax_params *p, const int8_t *input, int8_t *output)
{
    int32_t row, k;
    for (row = 0; row < p->rows; ++row) {
        const int8_t *x = input + row * p->depth;
        int8_t *out = output + row * p->depth;
        int32_t max_in_row = -128, sum_of_exps = 0, bits_over_unit, scale, exponent;
        for (k = 0; k < p->depth; ++k) {
            max_in_row = x[k] > max_in_row ? x[k] : max_in_row;
        }
        for (k = 0; k < p->depth; ++k) {
            const int32_t d = (int32_t)x[k] - max_in_row;
            if (d >= p->diff_min) {
                sum_of_exps = mcuc_wadd(sum_of_exps, mcuc_gl_mul_pot(softmax_exp(p, d), -12));
            }
        }
        scale = mcuc_gl_reciprocal(sum_of_exps, 12, &bits_over_unit);
        exponent = bits_over_unit + 31 - 8;
        if (exponent < 0 || exponent > 31) {
            return MCUC_ERROR_SOFTMAX_RANGE;
        }
        for (k = 0; k < p->depth; ++k) {
            const int32_t d = (int32_t)x[k] - max_in_row;
            if (d < p->diff_min) {
                out[k] = -128;
            } else {
                const int32_t unsaturated = mcuc_rdbpot(mcuc_srdhm(scale, softmax_exp(p, d)), exponent);
                out[k] = mcuc_clamp_s8(mcuc_wsub(unsaturated, 128), -128, 127);
            }
        }
    }
    return MCUC_OK;
}
