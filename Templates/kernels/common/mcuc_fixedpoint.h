/* mcuc runtime: the integer primitives of TensorFlow Lite Micro's reference kernels, bit for bit
 * (gemmlowp SaturatingRoundingDoublingHighMul, RoundingDivideByPOT, and TFLM's
 * MultiplyByQuantizedMultiplier with double rounding). Portable C99: wrapping int32 arithmetic is
 * done in uint32_t, so nothing here has undefined behaviour. Right shifts of negative values are
 * arithmetic on every compiler mcuc supports (gcc, clang, arm-none-eabi-gcc). */
#ifndef MCUC_FIXEDPOINT_H
#define MCUC_FIXEDPOINT_H

#include <stdint.h>

/* uint32_t -> int32_t by two's complement, without implementation-defined conversion. */
static inline int32_t mcuc_u2i(uint32_t x)
{
    return x <= (uint32_t)INT32_MAX ? (int32_t)x : -(int32_t)(~x) - 1;
}

/* a + b and a - b modulo 2^32. */
static inline int32_t mcuc_wadd(int32_t a, int32_t b) { return mcuc_u2i((uint32_t)a + (uint32_t)b); }
static inline int32_t mcuc_wsub(int32_t a, int32_t b) { return mcuc_u2i((uint32_t)a - (uint32_t)b); }

/* x * 2^s modulo 2^32 (s >= 0; 0 for s >= 32). */
static inline int32_t mcuc_shl_wrap(int32_t x, int32_t s)
{
    return s >= 32 ? 0 : mcuc_u2i((uint32_t)x << s);
}

/* gemmlowp SaturatingRoundingDoublingHighMul: round(a * b / 2^31), INT32_MIN^2 saturated. */
static inline int32_t mcuc_srdhm(int32_t a, int32_t b)
{
    int64_t ab;
    int64_t nudge;
    if (a == INT32_MIN && b == INT32_MIN) {
        return INT32_MAX;
    }
    ab = (int64_t)a * (int64_t)b;
    nudge = ab >= 0 ? ((int64_t)1 << 30) : (1 - ((int64_t)1 << 30));
    return (int32_t)((ab + nudge) / ((int64_t)1 << 31));
}

/* gemmlowp RoundingDivideByPOT: x / 2^e rounded half away from zero (0 <= e <= 31). */
static inline int32_t mcuc_rdbpot(int32_t x, int32_t e)
{
    const int32_t mask = (int32_t)(((int64_t)1 << e) - 1);
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> e) + (remainder > threshold ? 1 : 0);
}

/* TFLM MultiplyByQuantizedMultiplier (double rounding): x * m / 2^31 * 2^shift. */
static inline int32_t mcuc_mbqm(int32_t x, int32_t m, int32_t shift)
{
    const int32_t left = shift > 0 ? shift : 0;
    const int32_t right = shift > 0 ? 0 : -shift;
    return mcuc_rdbpot(mcuc_srdhm(mcuc_shl_wrap(x, left), m), right);
}

/* Clamps x to [lo, hi] and narrows to int8 (lo >= -128, hi <= 127). */
static inline int8_t mcuc_clamp_s8(int32_t x, int32_t lo, int32_t hi)
{
    return (int8_t)(x < lo ? lo : (x > hi ? hi : x));
}

/* Clamps x to [lo, hi] and narrows to int16 (lo >= -32768, hi <= 32767). */
static inline int16_t mcuc_clamp_s16(int32_t x, int32_t lo, int32_t hi)
{
    return (int16_t)(x < lo ? lo : (x > hi ? hi : x));
}

#endif /* MCUC_FIXEDPOINT_H */
