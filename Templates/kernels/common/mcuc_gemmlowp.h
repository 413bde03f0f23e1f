/* mcuc runtime: gemmlowp's scalar int32 fixed-point functions (fixedpoint/fixedpoint.h) as TFLM's
 * int8 SOFTMAX, LOGISTIC and TANH use them, bit for bit. A value is the raw int32 of a
 * Q(m).(31 - m) number; plain additions wrap, products are SaturatingRoundingDoublingHighMul. */
#ifndef MCUC_GEMMLOWP_H
#define MCUC_GEMMLOWP_H

#include <stdint.h>
#include "mcuc_fixedpoint.h"

/* SaturatingRoundingMultiplyByPOT<exponent>: saturating left shift (exponent > 0) or rounding
 * right shift (exponent < 0). Rescale<to>(FixedPoint<from>) is this with exponent from - to. */
static inline int32_t mcuc_gl_mul_pot(int32_t x, int32_t exponent)
{
    int32_t threshold;
    if (exponent == 0) {
        return x;
    }
    if (exponent < 0) {
        return mcuc_rdbpot(x, -exponent);
    }
    threshold = (int32_t)(((int64_t)1 << (31 - exponent)) - 1);
    if (x > threshold) {
        return INT32_MAX;
    }
    if (x < -threshold) {
        return INT32_MIN;
    }
    return mcuc_shl_wrap(x, exponent);
}

/* RoundingHalfSum: (a + b) / 2 rounded half away from zero. */
static inline int32_t mcuc_gl_rounding_half_sum(int32_t a, int32_t b)
{
    const int64_t sum = (int64_t)a + (int64_t)b;
    const int64_t sign = sum >= 0 ? 1 : -1;
    return (int32_t)((sum + sign) / 2);
}

/* exp(a) for a in [-1/4, 0), Q0.31 in and out (Taylor expansion around -1/8). */
static inline int32_t mcuc_gl_exp_quarter(int32_t a)
{
    const int32_t constant_term = 1895147668; /* exp(-1/8) */
    const int32_t one_third = 715827883;
    const int32_t x = mcuc_wadd(a, (int32_t)1 << 28);
    const int32_t x2 = mcuc_srdhm(x, x);
    const int32_t x3 = mcuc_srdhm(x2, x);
    const int32_t x4 = mcuc_srdhm(x2, x2);
    const int32_t x4_over_4 = mcuc_gl_mul_pot(x4, -2);
    const int32_t sum = mcuc_gl_mul_pot(mcuc_wadd(mcuc_srdhm(mcuc_wadd(x4_over_4, x3), one_third), x2), -1);
    return mcuc_wadd(constant_term, mcuc_srdhm(constant_term, mcuc_wadd(x, sum)));
}

/* exp(a) for a <= 0 in Q(integer_bits).(31 - integer_bits), result in Q0.31
 * (exp_on_negative_values). */
static inline int32_t mcuc_gl_exp_on_negative_values(int32_t a, int32_t integer_bits)
{
    static const int32_t barrel[7] = { 1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242 };
    const int32_t fractional_bits = 31 - integer_bits;
    const int32_t one_quarter = (int32_t)1 << (fractional_bits - 2);
    const int32_t a_mod_quarter_minus_one_quarter = mcuc_wsub(a & (one_quarter - 1), one_quarter);
    const int32_t remainder = mcuc_wsub(a_mod_quarter_minus_one_quarter, a);
    int32_t result = mcuc_gl_exp_quarter(mcuc_gl_mul_pot(a_mod_quarter_minus_one_quarter, integer_bits));
    int32_t k;
    for (k = 0; k < 7; ++k) {
        const int32_t exponent = k - 2;
        if (integer_bits > exponent && (remainder & ((int32_t)1 << (fractional_bits + exponent))) != 0) {
            result = mcuc_srdhm(result, barrel[k]);
        }
    }
    if (integer_bits > 5) {
        const int32_t clamp = -((int32_t)1 << (36 - integer_bits)); /* -32.0 */
        if (a < clamp) {
            result = 0;
        }
    }
    return a == 0 ? INT32_MAX : result;
}

/* 1 / (1 + a) in Q2.29 for a in [0, 1) (Q0.31): the Newton-Raphson iteration shared by the two
 * functions below. */
static inline int32_t mcuc_gl_reciprocal_q2(int32_t a)
{
    const int32_t half_denominator = mcuc_gl_rounding_half_sum(a, INT32_MAX);
    int32_t x = mcuc_wadd(1515870810, mcuc_srdhm(half_denominator, -1010580540)); /* 48/17 - 32/17 d */
    int i;
    for (i = 0; i < 3; ++i) {
        const int32_t half_denominator_times_x = mcuc_srdhm(half_denominator, x);
        const int32_t one_minus = mcuc_wsub((int32_t)1 << 29, half_denominator_times_x);
        x = mcuc_wadd(x, mcuc_gl_mul_pot(mcuc_srdhm(x, one_minus), 2));
    }
    return x;
}

/* 1 / (1 + a) for a in [0, 1), Q0.31 in and out. */
static inline int32_t mcuc_gl_one_over_one_plus_x(int32_t a)
{
    return mcuc_gl_mul_pot(mcuc_gl_reciprocal_q2(a), 1);
}

/* (1 - a) / (1 + a) for a in [0, 1), Q0.31 in and out. */
static inline int32_t mcuc_gl_one_minus_x_over_one_plus_x(int32_t a)
{
    return mcuc_gl_mul_pot(mcuc_wsub(mcuc_gl_reciprocal_q2(a), (int32_t)1 << 29), 2);
}

/* 1 / (1 + exp(-a)), a in Q(integer_bits), result in Q0.31 (gemmlowp::logistic). */
static inline int32_t mcuc_gl_logistic(int32_t a, int32_t integer_bits)
{
    int32_t magnitude;
    int32_t positive;
    if (a == 0) {
        return (int32_t)1 << 30;
    }
    magnitude = a > 0 ? a : mcuc_wsub(0, a);
    positive = mcuc_gl_one_over_one_plus_x(mcuc_gl_exp_on_negative_values(mcuc_wsub(0, magnitude), integer_bits));
    return a > 0 ? positive : mcuc_wsub(INT32_MAX, positive);
}

/* tanh(a), a in Q(integer_bits), result in Q0.31 (gemmlowp::tanh). */
static inline int32_t mcuc_gl_tanh(int32_t a, int32_t integer_bits)
{
    int32_t non_positive;
    int32_t t;
    if (a == 0) {
        return 0;
    }
    non_positive = a < 0 ? a : mcuc_wsub(0, a);
    t = mcuc_gl_one_minus_x_over_one_plus_x(mcuc_gl_exp_on_negative_values(non_positive, integer_bits + 1));
    return a < 0 ? mcuc_wsub(0, t) : t;
}

/* Number of leading zero bits of x (32 for 0). */
static inline int32_t mcuc_clz32(uint32_t x)
{
    int32_t n = 0;
    if (x == 0) {
        return 32;
    }
    while ((x & 0x80000000u) == 0) {
        x <<= 1;
        ++n;
    }
    return n;
}

/* TFLM GetReciprocal: 1 / x for x in Q(integer_digits), as a Q0.31 value; *bits_over_unit gets
 * the number of bits of x above 1.0. */
static inline int32_t mcuc_gl_reciprocal(int32_t x, int32_t integer_digits, int32_t *bits_over_unit)
{
    const int32_t headroom_plus_one = mcuc_clz32((uint32_t)x);
    const uint32_t shifted = headroom_plus_one >= 32 ? 0u : ((uint32_t)x << headroom_plus_one);
    *bits_over_unit = integer_digits - headroom_plus_one;
    return mcuc_gl_one_over_one_plus_x(mcuc_u2i(shifted - 0x80000000u));
}

#endif /* MCUC_GEMMLOWP_H */
