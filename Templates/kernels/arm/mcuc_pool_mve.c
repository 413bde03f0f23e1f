/* mcuc runtime: int8 AVERAGE_POOL_2D and MAX_POOL_2D on Helium cores (see mcuc_pool.h), equal
 * bit for bit to the portable kernels and in their order (batches, output rows, columns; the
 * channels of a pixel in blocks of 16, each block's taps read before it is written).
 *
 * Each output pixel's window is clipped to the input once (no per-tap bounds). Max: 16 channels
 * per VMAX. Average: 8 channels per 16-bit vector (VLDRB.S16 widening loads) while the window has
 * at most 256 taps (|sum| <= 32768), else 4 per 32-bit vector. The rounded C quotient
 * (sum + n/2) / n (sum > 0) or (sum - n/2) / n is sign(sum) * floor((|sum| + n/2) / n); the floor
 * is the high half of (|sum| + n/2) * floor((2^B - 1) / n) (B = 16 or 32 bits), which is the
 * quotient or one less while the dividend is below 2^B, plus one where the remainder is >= n.
 * Without Helium (host builds of M55 code) the same values come from plain C. */
#include "mcuc_pool.h"
#include "mcuc_fixedpoint.h"

#if defined(__ARM_FEATURE_MVE)
#include <arm_mve.h>
#endif

/* The taps [*lo, *hi) of a window of `filter` taps starting at input coordinate `start` that lie
 * inside [0, size). */
static inline void clip(int32_t start, int32_t filter, int32_t size, int32_t *lo, int32_t *hi)
{
    const int32_t end = size - start;
    *lo = start < 0 ? -start : 0;
    *hi = end < filter ? end : filter;
    if (*hi < *lo) {
        *hi = *lo;
    }
}

/* One output pixel's window: its first in-bounds tap, taps per row and rows, the input row pitch. */
typedef struct {
    const int8_t *first;
    int32_t cols, rows, pitch, count;
} window;

#if defined(__ARM_FEATURE_MVE)

/* sign(sum) * floor((|sum| + n/2) / n) per 16-bit lane, clamped; m = 65535 / n. */
static inline __attribute__((always_inline)) int16x8_t
divide16(int16x8_t sum, uint16_t n, uint16_t m, int16x8_t lo, int16x8_t hi)
{
    const uint16x8_t a = vaddq_n_u16(vreinterpretq_u16_s16(vabsq_s16(sum)), (uint16_t)(n / 2));
    uint16x8_t q = vmulhq_u16(a, vdupq_n_u16(m));
    const uint16x8_t r = vsubq_u16(a, vmulq_n_u16(q, n));
    int16x8_t s;
    q = vaddq_m_n_u16(q, q, 1, vcmpcsq_n_u16(r, n));
    s = vreinterpretq_s16_u16(q);
    s = vnegq_m_s16(s, s, vcmpltq_n_s16(sum, 0));
    return vminq_s16(vmaxq_s16(s, lo), hi);
}

/* The same per 32-bit lane; m = (2^32 - 1) / n. */
static inline __attribute__((always_inline)) int32x4_t
divide32(int32x4_t sum, uint32_t n, uint32_t m, int32x4_t lo, int32x4_t hi)
{
    const uint32x4_t a = vaddq_n_u32(vreinterpretq_u32_s32(vabsq_s32(sum)), n / 2);
    uint32x4_t q = vmulhq_u32(a, vdupq_n_u32(m));
    const uint32x4_t r = vsubq_u32(a, vmulq_n_u32(q, n));
    int32x4_t s;
    q = vaddq_m_n_u32(q, q, 1, vcmpcsq_n_u32(r, n));
    s = vreinterpretq_s32_u32(q);
    s = vnegq_m_s32(s, s, vcmpltq_n_s32(sum, 0));
    return vminq_s32(vmaxq_s32(s, lo), hi);
}

/* Average of one pixel, windows of at most 256 taps: 16 channels per pass (the last pass
 * predicated). */
static void average16(const window *w, int32_t depth, int32_t act_min, int32_t act_max, int8_t *out)
{
    const int16x8_t lo = vdupq_n_s16((int16_t)act_min), hi = vdupq_n_s16((int16_t)act_max);
    const uint16_t n = (uint16_t)w->count, m = (uint16_t)(65535u / (uint32_t)(w->count > 0 ? w->count : 1));
    int32_t c, ky, kx;
    for (c = 0; c < depth; c += 16) {
        const int32_t rest = depth - c;
        const mve_pred16_t p0 = vctp16q((uint32_t)rest), p1 = vctp16q((uint32_t)(rest > 8 ? rest - 8 : 0));
        int16x8_t s0 = vdupq_n_s16(0), s1 = vdupq_n_s16(0);
        const int8_t *row = w->first + c;
        if (rest >= 16) {
            for (ky = 0; ky < w->rows; ++ky, row += w->pitch) {
                const int8_t *tap = row;
                for (kx = 0; kx < w->cols; ++kx, tap += depth) {
                    s0 = vaddq_s16(s0, vldrbq_s16(tap));
                    s1 = vaddq_s16(s1, vldrbq_s16(tap + 8));
                }
            }
        } else {
            for (ky = 0; ky < w->rows; ++ky, row += w->pitch) {
                const int8_t *tap = row;
                for (kx = 0; kx < w->cols; ++kx, tap += depth) {
                    s0 = vaddq_s16(s0, vldrbq_z_s16(tap, p0));
                    s1 = vaddq_s16(s1, vldrbq_z_s16(tap + 8, p1));
                }
            }
        }
        if (n == 0) {
            s0 = vminq_s16(vmaxq_s16(s0, lo), hi);
            s1 = vminq_s16(vmaxq_s16(s1, lo), hi);
        } else {
            s0 = divide16(s0, n, m, lo, hi);
            s1 = divide16(s1, n, m, lo, hi);
        }
        vstrbq_p_s16(out + c, s0, p0);
        vstrbq_p_s16(out + c + 8, s1, p1);
    }
}

/* Average of one pixel, any window: 4 channels per pass. */
static void average4(const window *w, int32_t depth, int32_t act_min, int32_t act_max, int8_t *out)
{
    const int32x4_t lo = vdupq_n_s32(act_min), hi = vdupq_n_s32(act_max);
    const uint32_t n = (uint32_t)w->count, m = 0xFFFFFFFFu / (n > 0 ? n : 1u);
    int32_t c, ky, kx;
    for (c = 0; c < depth; c += 4) {
        const mve_pred16_t p = vctp32q((uint32_t)(depth - c));
        int32x4_t s = vdupq_n_s32(0);
        const int8_t *row = w->first + c;
        for (ky = 0; ky < w->rows; ++ky, row += w->pitch) {
            const int8_t *tap = row;
            for (kx = 0; kx < w->cols; ++kx, tap += depth) {
                s = vaddq_s32(s, vldrbq_z_s32(tap, p));
            }
        }
        s = n == 0 ? vminq_s32(vmaxq_s32(s, lo), hi) : divide32(s, n, m, lo, hi);
        vstrbq_p_s32(out + c, s, p);
    }
}

/* Max of one pixel: 16 channels per pass. */
static void maximum16(const window *w, int32_t depth, int32_t act_min, int32_t act_max, int8_t *out)
{
    const int8x16_t lo = vdupq_n_s8((int8_t)act_min), hi = vdupq_n_s8((int8_t)act_max);
    int32_t c, ky, kx;
    for (c = 0; c < depth; c += 16) {
        const mve_pred16_t p = vctp8q((uint32_t)(depth - c));
        int8x16_t v = vdupq_n_s8(-128);
        const int8_t *row = w->first + c;
        for (ky = 0; ky < w->rows; ++ky, row += w->pitch) {
            const int8_t *tap = row;
            for (kx = 0; kx < w->cols; ++kx, tap += depth) {
                v = vmaxq_s8(v, vldrbq_z_s8(tap, p));
            }
        }
        vstrbq_p_s8(out + c, vminq_s8(vmaxq_s8(v, lo), hi), p);
    }
}

#else

/* The portable arithmetic, one channel at a time. */
static void pixel(const window *w, int32_t depth, int32_t act_min, int32_t act_max, int8_t *out, int average)
{
    int32_t c, ky, kx;
    for (c = 0; c < depth; ++c) {
        int32_t sum = 0, maximum = -128, value;
        const int8_t *row = w->first + c;
        for (ky = 0; ky < w->rows; ++ky, row += w->pitch) {
            for (kx = 0; kx < w->cols; ++kx) {
                const int32_t v = row[kx * depth];
                sum += v;
                maximum = v > maximum ? v : maximum;
            }
        }
        if (average) {
            const int32_t n = w->count;
            value = n == 0 ? 0 : (sum > 0 ? (sum + n / 2) / n : (sum - n / 2) / n);
        } else {
            value = maximum;
        }
        out[c] = mcuc_clamp_s8(value, act_min, act_max);
    }
}

#endif

/* Batches, output rows in increasing order, columns; `average` 1 for AVERAGE_POOL_2D. */
static void run(const mcuc_pool_params *p, const int8_t *input, int8_t *output, int average)
{
    const int32_t pitch = p->in_w * p->depth;
    int32_t b, oy, ox;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *plane = input + b * p->in_h * pitch;
        for (oy = 0; oy < p->out_h; ++oy) {
            const int32_t iy0 = oy * p->stride_h - p->pad_top;
            int32_t ky0, ky1;
            clip(iy0, p->filter_h, p->in_h, &ky0, &ky1);
            for (ox = 0; ox < p->out_w; ++ox) {
                const int32_t ix0 = ox * p->stride_w - p->pad_left;
                int32_t kx0, kx1;
                window w;
                clip(ix0, p->filter_w, p->in_w, &kx0, &kx1);
                w.first = plane + (iy0 + ky0) * pitch + (ix0 + kx0) * p->depth;
                w.cols = kx1 - kx0;
                w.rows = ky1 - ky0;
                w.pitch = pitch;
                w.count = w.cols * w.rows;
#if defined(__ARM_FEATURE_MVE)
                if (!average) {
                    maximum16(&w, p->depth, p->act_min, p->act_max, output);
                } else if (p->filter_h * p->filter_w <= 256) {
                    average16(&w, p->depth, p->act_min, p->act_max, output);
                } else {
                    average4(&w, p->depth, p->act_min, p->act_max, output);
                }
#else
                pixel(&w, p->depth, p->act_min, p->act_max, output, average);
#endif
                output += p->depth;
            }
        }
    }
}

mcuc_status mcuc_avg_pool_s8_mve(const mcuc_pool_params *p, const int8_t *input, int8_t *output)
{
    run(p, input, output, 1);
    return MCUC_OK;
}

mcuc_status mcuc_max_pool_s8_mve(const mcuc_pool_params *p, const int8_t *input, int8_t *output)
{
    run(p, input, output, 0);
    return MCUC_OK;
}
