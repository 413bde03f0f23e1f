/* mcuc runtime: TFLM's log_x_for_x_greater_than_or_equal_to_1 (common.h) on gemmlowp fixed
 * point, for int8 LOG_SOFTMAX. */
#ifndef MCUC_GEMMLOWP_LOG_H
#define MCUC_GEMMLOWP_LOG_H

#include <stdint.h>
#include "mcuc_gemmlowp.h"

static inline int32_t mcuc_sat_add32(int32_t a, int32_t b)
{
    const int64_t s = (int64_t)a + (int64_t)b;
    return s > INT32_MAX ? INT32_MAX : (s < INT32_MIN ? INT32_MIN : (int32_t)s);
}

static inline int32_t mcuc_sat_sub32(int32_t a, int32_t b)
{
    const int64_t s = (int64_t)a - (int64_t)b;
    return s > INT32_MAX ? INT32_MAX : (s < INT32_MIN ? INT32_MIN : (int32_t)s);
}

/* ln(x) of a Q(in_bits) value x >= 1 as a Q(out_bits) value: renormalised by leading zeros
 * plainly and after a multiplication by sqrt(1/2), the smaller mantissa and larger exponent
 * kept, then exponent * ln 2 + num / (1 + denom) in Q(out_bits + 1). */
static inline int32_t mcuc_gl_log_x_ge_1(int32_t x, int32_t in_bits, int32_t out_bits)
{
    const int32_t accum = out_bits + 1;
    const int32_t ln2 = 1488522236, sqrt_sqrt_half = 1805811301, sqrt_half = 1518500250;
    const int32_t alpha_n = 117049297, alpha_d = 127690142, alpha_i = 1057819769, alpha_f = 638450708;
    const int32_t shifted_quarter = mcuc_gl_mul_pot(536870912, -accum);
    const int32_t za_headroom_plus_1 = mcuc_clz32((uint32_t)x);
    const int32_t ra = mcuc_gl_mul_pot(mcuc_srdhm(mcuc_gl_mul_pot(x, za_headroom_plus_1 - 1), sqrt_half), 1);
    const int32_t za_pow2 = mcuc_sat_add32(mcuc_gl_mul_pot(in_bits - za_headroom_plus_1, 31 - accum),
                                           shifted_quarter);
    const int32_t zb_headroom = mcuc_clz32((uint32_t)mcuc_srdhm(x, sqrt_half)) - 1;
    const int32_t rb = mcuc_gl_mul_pot(x, zb_headroom);
    const int32_t zb_pow2 = mcuc_sat_sub32(mcuc_gl_mul_pot(in_bits - zb_headroom, 31 - accum),
                                           shifted_quarter);
    const int32_t r = ra < rb ? ra : rb;
    const int32_t z_pow2 = za_pow2 > zb_pow2 ? za_pow2 : zb_pow2;
    const int32_t p = mcuc_gl_rounding_half_sum(r, sqrt_sqrt_half);
    const int32_t q = mcuc_wadd(mcuc_wsub(r, sqrt_sqrt_half), mcuc_wsub(r, sqrt_sqrt_half));
    const int32_t common_sq = mcuc_srdhm(q, q);
    const int32_t num = mcuc_wadd(mcuc_srdhm(q, r), mcuc_srdhm(mcuc_srdhm(q, common_sq), alpha_n));
    const int32_t denom = mcuc_wadd(mcuc_srdhm(p, mcuc_wadd(mcuc_wadd(alpha_i, q), mcuc_srdhm(alpha_d, common_sq))),
                                    mcuc_srdhm(alpha_f, q));
    const int32_t recip = mcuc_gl_one_over_one_plus_x(denom);
    const int32_t num_scaled = mcuc_gl_mul_pot(num, -accum);
    return mcuc_gl_mul_pot(mcuc_wadd(mcuc_srdhm(z_pow2, ln2), mcuc_srdhm(num_scaled, recip)), 1);
}

#endif /* MCUC_GEMMLOWP_LOG_H */
