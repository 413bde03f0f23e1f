/* mcuc runtime: LOG_SOFTMAX over the last axis, int8 (gemmlowp fixed point) and float32
 * (glibc-exact expf / logf). Portable C99. */
#include "mcuc_log_softmax.h"
#include "mcuc_gemmlowp_log.h"
#include "mcuc_libm.h"

int mcuc_log_softmax_s8(const mcuc_log_softmax_params *p, const int8_t *input, int8_t *output)
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
        log_sum = mcuc_gl_log_x_ge_1(sum, 12, 5);
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

int mcuc_log_softmax_f32(const mcuc_log_softmax_params *p, const float *input, float *output)
{
    int32_t row, k;
    for (row = 0; row < p->rows; ++row) {
        const float *x = input + row * p->depth;
        float *out = output + row * p->depth;
        float max_value = -3.40282347e+38f, sum = 0.0f, log_sum;
        for (k = 0; k < p->depth; ++k) {
            max_value = max_value < x[k] ? x[k] : max_value;
        }
        for (k = 0; k < p->depth; ++k) {
            sum += mcuc_expf(x[k] - max_value);
        }
        log_sum = mcuc_logf(sum);
        for (k = 0; k < p->depth; ++k) {
            out[k] = (x[k] - max_value) - log_sum;
        }
    }
    return MCUC_OK;
}
