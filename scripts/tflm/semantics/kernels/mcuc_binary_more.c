/* Draft kernels (issue 12), int8 binary ops with NumPy broadcasting: MAXIMUM, MINIMUM,
 * SQUARED_DIFFERENCE, PRELU (same walker and params as mcuc_elementwise). */
#include "mcuc_elementwise.h"
#include "mcuc_fixedpoint.h"

typedef int32_t (*binary_fn)(const mcuc_binary_params *p, int32_t a, int32_t b);

static void walk(const mcuc_binary_params *p, const int8_t *x1, const int8_t *x2, int8_t *y, binary_fn f)
{
    int32_t index[MCUC_MAX_RANK] = {0};
    int32_t o1 = 0, o2 = 0, i, d;
    if (p->rank == 0) {
        for (i = 0; i < p->count; ++i) { y[i] = (int8_t)f(p, x1[i], x2[i]); }
        return;
    }
    for (i = 0; i < p->count; ++i) {
        y[i] = (int8_t)f(p, x1[o1], x2[o2]);
        for (d = p->rank - 1; d >= 0; --d) {
            o1 += p->stride1[d];
            o2 += p->stride2[d];
            if (++index[d] < p->dims[d]) { break; }
            o1 -= p->stride1[d] * p->dims[d];
            o2 -= p->stride2[d] * p->dims[d];
            index[d] = 0;
        }
    }
}

static int32_t max_fn(const mcuc_binary_params *p, int32_t a, int32_t b) { (void)p; return a > b ? a : b; }
static int32_t min_fn(const mcuc_binary_params *p, int32_t a, int32_t b) { (void)p; return a < b ? a : b; }

static int32_t sqdiff_fn(const mcuc_binary_params *p, int32_t a, int32_t b)
{
    const int32_t sa = mcuc_rdbpot(mcuc_srdhm((a - p->zp1) * (1 << p->left_shift), p->mult1), -p->shift1);
    const int32_t sb = mcuc_rdbpot(mcuc_srdhm((b - p->zp2) * (1 << p->left_shift), p->mult2), -p->shift2);
    const int32_t d = sa - sb;
    return mcuc_clamp_s8(mcuc_mbqm(d * d, p->mult, p->shift) + p->output_zp, -128, 127);
}

/* PRELU: input 1 is x, input 2 alpha; mult1/shift1 rescale x >= 0, mult2/shift2 x * alpha. */
static int32_t prelu_fn(const mcuc_binary_params *p, int32_t x, int32_t alpha)
{
    const int32_t v = x - p->zp1;
    const int32_t r = v >= 0 ? mcuc_mbqm(v, p->mult1, p->shift1) : mcuc_mbqm(v * (alpha - p->zp2), p->mult2, p->shift2);
    return mcuc_clamp_s8(r + p->output_zp, -128, 127);
}

void mcuc_maximum_s8(const mcuc_binary_params *p, const int8_t *a, const int8_t *b, int8_t *y) { walk(p, a, b, y, max_fn); }
void mcuc_minimum_s8(const mcuc_binary_params *p, const int8_t *a, const int8_t *b, int8_t *y) { walk(p, a, b, y, min_fn); }
void mcuc_squared_difference_s8(const mcuc_binary_params *p, const int8_t *a, const int8_t *b, int8_t *y) { walk(p, a, b, y, sqdiff_fn); }
void mcuc_prelu_s8(const mcuc_binary_params *p, const int8_t *a, const int8_t *b, int8_t *y) { walk(p, a, b, y, prelu_fn); }
