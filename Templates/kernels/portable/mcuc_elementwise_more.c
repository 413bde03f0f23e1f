/* mcuc runtime: int8 SQUARED_DIFFERENCE and PRELU. Portable C99; see mcuc_elementwise_more.h. */
#include "mcuc_elementwise_more.h"
#include "mcuc_fixedpoint.h"

static int8_t squared_difference(const mcuc_binary_params *p, int32_t x1, int32_t x2)
{
    const int32_t a = mcuc_mbqm(mcuc_shl_wrap(x1 - p->zp1, p->left_shift), p->mult1, p->shift1);
    const int32_t b = mcuc_mbqm(mcuc_shl_wrap(x2 - p->zp2, p->left_shift), p->mult2, p->shift2);
    return mcuc_clamp_s8(mcuc_wadd(p->output_zp, mcuc_mbqm((a - b) * (a - b), p->mult, p->shift)),
                         p->act_min, p->act_max);
}

static int8_t prelu(const mcuc_binary_params *p, int32_t x, int32_t alpha)
{
    const int32_t v = x - p->zp1;
    const int32_t raw = v >= 0 ? mcuc_mbqm(v, p->mult1, p->shift1)
                               : mcuc_mbqm(v * (alpha - p->zp2), p->mult2, p->shift2);
    return mcuc_clamp_s8(mcuc_wadd(p->output_zp, raw), p->act_min, p->act_max);
}

/* The output's dims in row-major order (flat when rank is 0), operand k at its strides. */
static void walk(const mcuc_binary_params *p, int prelu_op, const int8_t *in1, const int8_t *in2, int8_t *out)
{
    int32_t index[MCUC_MAX_RANK];
    int32_t i1 = 0, i2 = 0, n, d;
    for (d = 0; d < p->rank; ++d) {
        index[d] = 0;
    }
    for (n = 0; n < p->count; ++n) {
        const int32_t a = p->rank == 0 ? in1[n] : in1[i1], b = p->rank == 0 ? in2[n] : in2[i2];
        out[n] = prelu_op ? prelu(p, a, b) : squared_difference(p, a, b);
        for (d = p->rank - 1; d >= 0; --d) {
            i1 += p->stride1[d];
            i2 += p->stride2[d];
            if (++index[d] < p->dims[d]) {
                break;
            }
            i1 -= p->stride1[d] * index[d];
            i2 -= p->stride2[d] * index[d];
            index[d] = 0;
        }
    }
}

mcuc_status mcuc_squared_difference_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2,
                                       int8_t *output)
{
    walk(p, 0, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_prelu_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output)
{
    walk(p, 1, input1, input2, output);
    return MCUC_OK;
}
