/* Draft kernels (issue 12), int8: ABS, RSQRT, L2_NORMALIZATION, PRELU, SQUARED_DIFFERENCE,
 * table lookups (ELU). Portable C99. */
#include <stdint.h>
#include "mcuc_fixedpoint.h"
#include "mcuc_gemmlowp.h"

/* ABS: |x - zp_in|, requantized unless the scales are equal. */
void mcuc_abs_s8(int32_t n, int32_t zp_in, int32_t zp_out, int32_t rescale, int32_t m, int32_t s,
                 const int8_t *x, int8_t *y)
{
    int32_t i;
    for (i = 0; i < n; ++i) {
        int32_t v = (int32_t)x[i] - zp_in;
        v = v < 0 ? -v : v;
        v = rescale ? mcuc_mbqm(v, m, s) : v;
        y[i] = mcuc_clamp_s8(v + zp_out, -128, 127);
    }
}

/* GetInvSqrtQuantizedMultiplierExp(v, reverse_shift = -1) for v > 1: Newton on Q3.28. */
static void inv_sqrt(int32_t v, int32_t *mult, int32_t *shift)
{
    int32_t sh = 11, pairs, i, x, half, three_halves;
    if (v <= 1) { *mult = INT32_MAX; *shift = 0; return; }
    while (v >= ((int32_t)1 << 29)) { v /= 4; ++sh; }
    pairs = (mcuc_clz32((uint32_t)v) - 1) / 2 - 1;
    sh -= pairs;
    v <<= 2 * pairs;
    half = mcuc_gl_mul_pot(v >> 1, -1);
    three_halves = ((int32_t)1 << 28) + ((int32_t)1 << 27);
    x = (int32_t)1 << 28; /* 1.0 in Q3.28 */
    for (i = 0; i < 5; ++i) {
        const int32_t x3 = mcuc_gl_mul_pot(mcuc_srdhm(mcuc_srdhm(x, x), x), 6); /* Rescale<3>(Q9) */
        x = mcuc_gl_mul_pot(mcuc_wsub(mcuc_srdhm(three_halves, x), mcuc_srdhm(half, x3)), 3); /* Q6 -> Q3 */
    }
    x = mcuc_srdhm(x, 1518500250);
    if (sh < 0) { x = (int32_t)((uint32_t)x << -sh); sh = 0; }
    *mult = x;
    *shift = -sh;
}

/* RSQRT: returns -1 (TFLM fails the invoke) for an input below the zero point. */
int mcuc_rsqrt_s8(int32_t n, int32_t zp_in, int32_t zp_out, int32_t m, int32_t s, const int8_t *x, int8_t *y)
{
    int32_t i;
    for (i = 0; i < n; ++i) {
        const int32_t v = (int32_t)x[i] - zp_in;
        int32_t im, is, d;
        if (v < 0) { return -1; }
        if (v == 0) { y[i] = 127; continue; }
        inv_sqrt(v, &im, &is);
        d = mcuc_mbqm(1, im, is + 20);
        y[i] = mcuc_clamp_s8(mcuc_mbqm(d, m, s - 20) + zp_out, -128, 127);
    }
    return 0;
}

void mcuc_l2norm_s8(int32_t rows, int32_t depth, int32_t zp_in, const int8_t *x, int8_t *y)
{
    int32_t r, k;
    for (r = 0; r < rows; ++r) {
        int32_t acc = 0, m, s;
        for (k = 0; k < depth; ++k) {
            const int32_t v = (int32_t)x[r * depth + k] - zp_in;
            acc += v * v;
        }
        inv_sqrt(acc, &m, &s);
        for (k = 0; k < depth; ++k) {
            y[r * depth + k] = mcuc_clamp_s8(mcuc_mbqm((int32_t)x[r * depth + k] - zp_in, m, s + 7), -128, 127);
        }
    }
}

void mcuc_lut_s8(int32_t n, const int8_t *table, const int8_t *x, int8_t *y)
{
    int32_t i;
    for (i = 0; i < n; ++i) { y[i] = table[(uint8_t)x[i]]; }
}
