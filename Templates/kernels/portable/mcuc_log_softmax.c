/* mcuc runtime: LOG_SOFTMAX. Portable C99; see mcuc_log_softmax.h. The build must keep IEEE
 * float semantics (no -ffast-math). */
#include <string.h>
#include "mcuc_log_softmax.h"
#include "mcuc_gemmlowp.h"
#include "mcuc_libm.h"

static int32_t sat_add(int32_t a, int32_t b)
{
    const int64_t s = (int64_t)a + (int64_t)b;
    return s > INT32_MAX ? INT32_MAX : (s < INT32_MIN ? INT32_MIN : (int32_t)s);
}

static int32_t sat_sub(int32_t a, int32_t b)
{
    const int64_t s = (int64_t)a - (int64_t)b;
    return s > INT32_MAX ? INT32_MAX : (s < INT32_MIN ? INT32_MIN : (int32_t)s);
}

/* ln(x) of a Q12.19 value x >= 1 as a Q5.26 value (TFLM log_x_for_x_greater_than_or_equal_to_1):
 * x renormalized by its leading zeros plainly and after a product with sqrt(1/2), the smaller
 * mantissa and larger exponent kept, then exponent * ln 2 + num / (1 + denom) in Q6.25. */
static int32_t log_q12_to_q5(int32_t x)
{
    const int32_t in_bits = 12, accum = 6;
    const int32_t ln2 = 1488522236, sqrt_sqrt_half = 1805811301, sqrt_half = 1518500250;
    const int32_t shifted_quarter = mcuc_gl_mul_pot(536870912, -accum);
    const int32_t a_headroom_plus_1 = mcuc_clz32((uint32_t)x);
    const int32_t ra = mcuc_gl_mul_pot(mcuc_srdhm(mcuc_gl_mul_pot(x, a_headroom_plus_1 - 1), sqrt_half), 1);
    const int32_t a_pow2 = sat_add(mcuc_gl_mul_pot(in_bits - a_headroom_plus_1, 31 - accum), shifted_quarter);
    const int32_t b_headroom = mcuc_clz32((uint32_t)mcuc_srdhm(x, sqrt_half)) - 1;
    const int32_t rb = mcuc_gl_mul_pot(x, b_headroom);
    const int32_t b_pow2 = sat_sub(mcuc_gl_mul_pot(in_bits - b_headroom, 31 - accum), shifted_quarter);
    const int32_t r = ra < rb ? ra : rb;
    const int32_t z_pow2 = a_pow2 > b_pow2 ? a_pow2 : b_pow2;
    const int32_t p = mcuc_gl_rounding_half_sum(r, sqrt_sqrt_half);
    const int32_t q = mcuc_wadd(mcuc_wsub(r, sqrt_sqrt_half), mcuc_wsub(r, sqrt_sqrt_half));
    const int32_t common_sq = mcuc_srdhm(q, q);
    const int32_t num = mcuc_wadd(mcuc_srdhm(q, r), mcuc_srdhm(mcuc_srdhm(q, common_sq), 117049297));
    const int32_t denom = mcuc_wadd(mcuc_srdhm(p, mcuc_wadd(mcuc_wadd(1057819769, q), mcuc_srdhm(127690142, common_sq))),
                                    mcuc_srdhm(638450708, q));
    const int32_t recip = mcuc_gl_one_over_one_plus_x(denom);
    const int32_t num_scaled = mcuc_gl_mul_pot(num, -accum);
    return mcuc_gl_mul_pot(mcuc_wadd(mcuc_srdhm(z_pow2, ln2), mcuc_srdhm(num_scaled, recip)), 1);
}

mcuc_status mcuc_log_softmax_s8(const mcuc_log_softmax_params *p, const int8_t *input, int8_t *output)
{
    int32_t row, k;
    for (row = 0; row < p->rows; ++row) {
        const int8_t *x = input + row * p->depth;
        int8_t *out = output + row * p->depth;
        int32_t max_in_row = -128, sum = 0, log_sum, adjusted;
        for (k = 0; k < p->depth; ++k) {
            max_in_row = x[k] > max_in_row ? x[k] : max_in_row;
        }
        for (k = 0; k < p->depth; ++k) {
            const int32_t d = (int32_t)x[k] - max_in_row;
            if (d >= p->diff_min) {
                const int32_t q5 = mcuc_mbqm(d, p->input_multiplier, p->input_left_shift);
                sum = mcuc_wadd(sum, mcuc_gl_mul_pot(mcuc_gl_exp_on_negative_values(q5, 5), -12));
            }
        }
        log_sum = log_q12_to_q5(sum);
        adjusted = mcuc_mbqm(mcuc_wadd(log_sum, INT32_MIN), p->reverse_scaling_divisor,
                             -p->reverse_scaling_right_shift);
        adjusted = adjusted > p->diff_min - 1 ? adjusted : p->diff_min - 1;
        for (k = 0; k < p->depth; ++k) {
            const int32_t d = (int32_t)x[k] - max_in_row;
            if (d > adjusted) {
                const int32_t q5 = mcuc_mbqm(d, p->input_multiplier, p->input_left_shift);
                out[k] = mcuc_clamp_s8(mcuc_wadd(mcuc_rdbpot(mcuc_wsub(q5, log_sum), 22), 127), -128, 127);
            } else {
                out[k] = -128;
            }
        }
    }
    return MCUC_OK;
}

static float load_f32(const uint8_t *base, int32_t i)
{
    float v;
    memcpy(&v, base + 4 * i, sizeof v);
    return v;
}

mcuc_status mcuc_log_softmax_f32(const mcuc_log_softmax_params *p, const uint8_t *input, uint8_t *output)
{
    int32_t row, k;
    for (row = 0; row < p->rows; ++row) {
        const uint8_t *x = input + 4 * row * p->depth;
        uint8_t *out = output + 4 * row * p->depth;
        float max_value = -3.40282347e+38f, sum = 0.0f, log_sum;
        for (k = 0; k < p->depth; ++k) {
            const float v = load_f32(x, k);
            max_value = max_value < v ? v : max_value;
        }
        for (k = 0; k < p->depth; ++k) {
            sum += mcuc_expf(load_f32(x, k) - max_value);
        }
        log_sum = mcuc_logf(sum);
        for (k = 0; k < p->depth; ++k) {
            const float y = (load_f32(x, k) - max_value) - log_sum;
            memcpy(out + 4 * k, &y, sizeof y);
        }
    }
    return MCUC_OK;
}
