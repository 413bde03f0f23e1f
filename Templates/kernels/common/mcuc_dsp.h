/* mcuc runtime: the SIMD32 instructions the DSP kernels (kernels/arm/mcuc_<family>_dsp.c) use.
 *
 * On cores with the DSP extension (Cortex-M4, M7, M33, M55: __ARM_FEATURE_DSP) each helper is
 * the instruction itself, through arm_acle.h or one line of inline assembly where GCC 12 does not
 * reach it (sxtb16 with ror #8, smmlar, ldrd with post-increment). Elsewhere (the host, M0+, M3)
 * each is plain C99 with the instruction's exact semantics, so a DSP kernel computes the same
 * bits on every compiler and the host tests exercise its arithmetic. Header-only. */
#ifndef MCUC_DSP_H
#define MCUC_DSP_H

#include <stdint.h>
#include <string.h>

#if defined(__ARM_FEATURE_DSP) && defined(__ARM_FEATURE_SIMD32) && defined(__thumb2__)
#define MCUC_DSP_NATIVE 1
#include <arm_acle.h>
#else
#define MCUC_DSP_NATIVE 0
#endif

/* A 32-bit word from any address (the input rows of a GEMM need not be aligned). */
static inline int32_t mcuc_dsp_load32(const void *p)
{
    int32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* A uint32_t as the int32_t with the same bits (no implementation-defined conversion). */
static inline int32_t mcuc_dsp_u2i(uint32_t u)
{
    return u > 0x7fffffffu ? -(int32_t)(0xffffffffu - u) - 1 : (int32_t)u;
}

/* The word whose low halfword is lo and high halfword hi (both taken modulo 2^16). */
static inline int32_t mcuc_dsp_halves16(int32_t lo, int32_t hi)
{
    return mcuc_dsp_u2i(((uint32_t)lo & 0xffffu) | ((uint32_t)hi << 16));
}

#if MCUC_DSP_NATIVE

/* smlad: acc + lo16(a) * lo16(b) + hi16(a) * hi16(b), modulo 2^32. */
#define mcuc_smlad(a, b, acc) __smlad((a), (b), (acc))
/* sxtb16: bytes 0 and 2 sign-extended into the two halfwords. */
#define mcuc_sxtb16(x) __sxtb16(x)
/* sadd16: halfword-wise a + b (modulo 2^16 per lane). */
#define mcuc_sadd16(a, b) __sadd16((a), (b))
/* ssat #8: x clamped to [-128, 127]. */
#define mcuc_ssat8(x) __ssat((x), 8)
/* sxtab16: n + bytes 0 and 2 of x sign-extended, per halfword. */
#define mcuc_sxtab16(n, x) __sxtab16((n), (x))
/* smlabb / smlatt: acc + the bottom (top) halfwords of a and b multiplied. */
#define mcuc_smlabb(a, b, acc) __smlabb((a), (b), (acc))
#define mcuc_smlatt(a, b, acc) __smlatt((a), (b), (acc))

/* sxtab16 with ror #8: n + bytes 1 and 3 of x sign-extended, per halfword. */
static inline int32_t mcuc_sxtab16_ror8(int32_t n, int32_t x)
{
    int32_t r;
    __asm("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(n), "r"(x));
    return r;
}

/* sxtb16 ror #8: bytes 1 and 3 sign-extended into the two halfwords. */
static inline int32_t mcuc_sxtb16_ror8(int32_t x)
{
    int32_t r;
    __asm("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
    return r;
}

/* smmlar: acc + floor((a * b + 2^31) / 2^32), the 64-bit product exact, modulo 2^32. */
static inline int32_t mcuc_smmlar(int32_t a, int32_t b, int32_t acc)
{
    int32_t r;
    __asm("smmlar %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
    return r;
}

/* Both halfwords of v clamped to [lo, hi] (lo2 = (lo, lo), hi2 = (hi, hi)): ssub16 sets the
 * GE flags per halfword, sel picks. */
static inline int32_t mcuc_dsp_clamp16x2(int32_t v, int32_t lo2, int32_t hi2)
{
    int32_t r, t;
    __asm("ssub16 %1, %2, %3\n\tsel %0, %2, %3\n\tssub16 %1, %4, %0\n\tsel %0, %0, %4"
          : "=&r"(r), "=&r"(t) : "r"(v), "r"(lo2), "r"(hi2) : "cc");
    return r;
}

/* Two words, for the memory operand of MCUC_DSP_LOAD2. */
struct mcuc_dsp_words {
    int32_t w[2];
};

/* a = p[0], b = p[1], p += 2 (p word aligned): one ldrd with post-increment. */
#define MCUC_DSP_LOAD2(p, a, b) \
    __asm("ldrd %0, %1, [%2], #8" : "=r"(a), "=r"(b), "+r"(p) : "m"(*(const struct mcuc_dsp_words *)(p)))

#else /* portable models of the same instructions */

static inline int32_t mcuc_dsp_lo16(int32_t x)
{
    const uint32_t h = (uint32_t)x & 0xffffu;
    return h > 0x7fffu ? (int32_t)h - 0x10000 : (int32_t)h;
}

static inline int32_t mcuc_dsp_hi16(int32_t x)
{
    return mcuc_dsp_lo16(mcuc_dsp_u2i((uint32_t)x >> 16));
}

static inline int32_t mcuc_smlad(int32_t a, int32_t b, int32_t acc)
{
    const uint32_t lo = (uint32_t)(mcuc_dsp_lo16(a) * mcuc_dsp_lo16(b));
    const uint32_t hi = (uint32_t)(mcuc_dsp_hi16(a) * mcuc_dsp_hi16(b));
    return mcuc_dsp_u2i((uint32_t)acc + lo + hi);
}

static inline int32_t mcuc_dsp_sext8(uint32_t byte)
{
    byte &= 0xffu;
    return byte > 0x7fu ? (int32_t)byte - 0x100 : (int32_t)byte;
}

static inline int32_t mcuc_dsp_halves(int32_t lo, int32_t hi)
{
    return mcuc_dsp_u2i(((uint32_t)lo & 0xffffu) | ((uint32_t)hi << 16));
}

static inline int32_t mcuc_sxtb16(int32_t x)
{
    return mcuc_dsp_halves(mcuc_dsp_sext8((uint32_t)x), mcuc_dsp_sext8((uint32_t)x >> 16));
}

static inline int32_t mcuc_sxtb16_ror8(int32_t x)
{
    return mcuc_dsp_halves(mcuc_dsp_sext8((uint32_t)x >> 8), mcuc_dsp_sext8((uint32_t)x >> 24));
}

static inline int32_t mcuc_sadd16(int32_t a, int32_t b)
{
    return mcuc_dsp_halves(mcuc_dsp_lo16(a) + mcuc_dsp_lo16(b), mcuc_dsp_hi16(a) + mcuc_dsp_hi16(b));
}

static inline int32_t mcuc_sxtab16(int32_t n, int32_t x)
{
    return mcuc_sadd16(n, mcuc_sxtb16(x));
}

static inline int32_t mcuc_sxtab16_ror8(int32_t n, int32_t x)
{
    return mcuc_sadd16(n, mcuc_sxtb16_ror8(x));
}

static inline int32_t mcuc_smlabb(int32_t a, int32_t b, int32_t acc)
{
    return mcuc_dsp_u2i((uint32_t)acc + (uint32_t)(mcuc_dsp_lo16(a) * mcuc_dsp_lo16(b)));
}

static inline int32_t mcuc_smlatt(int32_t a, int32_t b, int32_t acc)
{
    return mcuc_dsp_u2i((uint32_t)acc + (uint32_t)(mcuc_dsp_hi16(a) * mcuc_dsp_hi16(b)));
}

static inline int32_t mcuc_ssat8(int32_t x)
{
    return x < -128 ? -128 : (x > 127 ? 127 : x);
}

static inline int32_t mcuc_smmlar(int32_t a, int32_t b, int32_t acc)
{
    const int64_t product = (int64_t)a * (int64_t)b + ((int64_t)1 << 31);
    const int64_t high = product >= 0 ? product / ((int64_t)1 << 32)
                                      : -((-product + ((int64_t)1 << 32) - 1) / ((int64_t)1 << 32));
    return mcuc_dsp_u2i((uint32_t)acc + (uint32_t)(int32_t)high);
}

static inline int32_t mcuc_dsp_clamp16x2(int32_t v, int32_t lo2, int32_t hi2)
{
    int32_t a = mcuc_dsp_lo16(v), b = mcuc_dsp_hi16(v);
    a = a < mcuc_dsp_lo16(lo2) ? mcuc_dsp_lo16(lo2) : a;
    b = b < mcuc_dsp_hi16(lo2) ? mcuc_dsp_hi16(lo2) : b;
    a = a > mcuc_dsp_lo16(hi2) ? mcuc_dsp_lo16(hi2) : a;
    b = b > mcuc_dsp_hi16(hi2) ? mcuc_dsp_hi16(hi2) : b;
    return mcuc_dsp_halves16(a, b);
}

#define MCUC_DSP_LOAD2(p, a, b) \
    do {                        \
        (a) = (p)[0];           \
        (b) = (p)[1];           \
        (p) += 2;               \
    } while (0)

#endif /* MCUC_DSP_NATIVE */

/* The last 1-3 values of a row as one little-endian word, zero-filled. */
static inline int32_t mcuc_dsp_tail_word(const int8_t *x, int32_t n)
{
    uint32_t w = 0;
    int32_t i;
    for (i = 0; i < n; ++i) {
        w |= (uint32_t)(uint8_t)x[i] << (8 * i);
    }
    return mcuc_dsp_u2i(w);
}

/* r clamped to [lo, hi]. */
static inline int32_t mcuc_dsp_clamp(int32_t r, int32_t lo, int32_t hi)
{
    r = r < lo ? lo : r;
    return r > hi ? hi : r;
}

/* The first tap index of a window whose input coordinate start + k * dilation is >= 0. */
static inline int32_t mcuc_dsp_first_tap(int32_t start, int32_t dilation)
{
    return start >= 0 ? 0 : (-start + dilation - 1) / dilation;
}

/* One past the last tap index whose input coordinate is < size (at most `taps`). */
static inline int32_t mcuc_dsp_end_tap(int32_t start, int32_t dilation, int32_t size, int32_t taps)
{
    const int32_t n = start >= size ? 0 : (size - start + dilation - 1) / dilation;
    return n < taps ? n : taps;
}

/* One row of two neighbouring 3-tap windows at stride 1: the word x0..x3 holds both; (x0, x2)
 * and (x1, x3) meet the weight pair (w0, w2) through SMLAD, x1 and x2 meet w1 (`mid`). */
static inline void mcuc_dsp_pair_row(const int8_t *x, int32_t pair, int32_t mid, int32_t *a0, int32_t *a1)
{
    const int32_t v = mcuc_dsp_load32(x), even = mcuc_sxtb16(v), odd = mcuc_sxtb16_ror8(v);
    *a0 = mcuc_smlabb(odd, mid, mcuc_smlad(even, pair, *a0));
    *a1 = mcuc_smlatt(even, mid, mcuc_smlad(odd, pair, *a1));
}

/* TFLM's requantization of a doubled accumulator acc2 = 2 * acc, the output zero point folded:
 * round = 2^(e-1) + (zp << e), e >= 1 (mcuc packs these words at compile time). Equals
 * MBQM(acc, m, -e) + zp saturated to int8 when |2 acc| < 2^31 and round + acc + 1 does not
 * overflow, which mcuc proves per channel before it chooses a DSP kernel. A channel whose output
 * is the constant v is packed as m = 0, round = 1 + 2v, e = 1. */
static inline int32_t mcuc_dsp_requant2(int32_t acc2, int32_t m, int32_t round, int32_t e)
{
    int32_t t = mcuc_smmlar(acc2, m, round);
    t += acc2 < 0 ? -1 : 0;
    t >>= e;
    return mcuc_ssat8(t);
}

#endif /* MCUC_DSP_H */
