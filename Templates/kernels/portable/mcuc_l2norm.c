/* mcuc runtime: int8 L2_NORMALIZATION. Portable C99; see mcuc_l2norm.h. */
#include "mcuc_l2norm.h"
#include "mcuc_gemmlowp.h"

/* GetInvSqrtQuantizedMultiplierExp(x, reverse_shift = -1): 1 / sqrt(x) as *mult and a left
 * shift *shift <= 0. x <= 1 gives (INT32_MAX, 0). */
static void l2norm_inv_sqrt(int32_t x, int32_t *mult, int32_t *shift)
{
    const int32_t three_halves = ((int32_t)1 << 28) + ((int32_t)1 << 27); /* 1.5 in Q3.28 */
    int32_t sh = 11, pairs, half, y, i;
    if (x <= 1) {
        *mult = INT32_MAX;
        *shift = 0;
        return;
    }
    while (x >= ((int32_t)1 << 29)) {
        x /= 4;
        ++sh;
    }
    pairs = (mcuc_clz32((uint32_t)x) - 1) / 2 - 1;
    sh -= pairs;
    x = mcuc_shl_wrap(x, 2 * pairs); /* now in [2^27, 2^29) */
    half = mcuc_gl_mul_pot(x >> 1, -1);
    y = (int32_t)1 << 28; /* 1.0 in Q3.28 */
    for (i = 0; i < 5; ++i) {
        const int32_t y3 = mcuc_gl_mul_pot(mcuc_srdhm(mcuc_srdhm(y, y), y), 6);          /* Q9 -> Q3 */
        y = mcuc_gl_mul_pot(mcuc_wsub(mcuc_srdhm(three_halves, y), mcuc_srdhm(half, y3)), 3); /* Q6 -> Q3 */
    }
    y = mcuc_srdhm(y, 1518500250); /* times sqrt(2)/2 */
    if (sh < 0) {
        y = mcuc_shl_wrap(y, -sh);
        sh = 0;
    }
    *mult = y;
    *shift = -sh;
}

mcuc_status mcuc_l2norm_s8(const mcuc_l2norm_params *p, const int8_t *input, int8_t *output)
{
    int32_t row, k;
    for (row = 0; row < p->rows; ++row) {
        const int8_t *x = input + row * p->depth;
        int8_t *out = output + row * p->depth;
        int32_t acc = 0, mult, shift;
        for (k = 0; k < p->depth; ++k) {
            const int32_t v = (int32_t)x[k] - p->input_zero_point;
            acc += v * v;
        }
        l2norm_inv_sqrt(acc, &mult, &shift);
        for (k = 0; k < p->depth; ++k) {
            out[k] = mcuc_clamp_s8(mcuc_mbqm((int32_t)x[k] - p->input_zero_point, mult, shift + 7), -128, 127);
        }
    }
    return MCUC_OK;
}
