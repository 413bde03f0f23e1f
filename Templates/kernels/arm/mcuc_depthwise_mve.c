/* mcuc runtime: DEPTHWISE_CONV_2D with depth multiplier 1 on Helium cores (see mcuc_depthwise.h).
 *
 * mcuc_depthwise_s8_mve: per output pixel, eight channels per tap as 16-bit lanes (inputs plus
 * the input offset, weights), multiplied into 32-bit even and odd lanes (VMULLB/VMULLT); in rows
 * with eight or more pixels whose windows lie inside the input, those run one channel at a time,
 * four pixels per vector (byte gathers, VMLA by the tap's weight). Layers with no such row keep
 * the per-pixel loop alone (`all_pixels`, nothing else in its registers).
 * mcuc_depthwise_inplace_s8_mve: one channel at a time, copied into a plane padded with the input
 * zero point (padding taps then add nothing), four output pixels of a row per vector (each tap:
 * one byte gather and one VMLA by the tap's weight; the input offset's share and the bias start
 * the accumulator; 3x3 windows unrolled).
 * Both end in the DSP kernels' epilogue (mcuc_dsp_requant2) lane by lane: VQRDMULH of an
 * accumulator is SMMLAR's rounded high half of its double, which mcuc proves cannot overflow.
 * Without Helium (host builds of M55 code) the same arithmetic runs in plain C. */
#include <string.h>
#include "mcuc_depthwise.h"
#include "mcuc_dsp.h"

#if defined(__ARM_FEATURE_MVE)
#include <arm_mve.h>
#endif

/* The first tap index whose input coordinate start + k * dilation is >= 0. */
static inline int32_t first_tap(int32_t start, int32_t dilation)
{
    return start >= 0 ? 0 : (-start + dilation - 1) / dilation;
}

/* One past the last tap index whose input coordinate is < size (at most `taps`). */
static inline int32_t end_tap(int32_t start, int32_t dilation, int32_t size, int32_t taps)
{
    const int32_t n = start >= size ? 0 : (size - start + dilation - 1) / dilation;
    return n < taps ? n : taps;
}

/* acc (bias excluded) requantized with channel words q = {2 bias, m, round, e}, clamped. */
static inline int8_t out8(int32_t acc, const int32_t *q, int32_t lo, int32_t hi)
{
    int32_t v = mcuc_dsp_requant2(mcuc_dsp_u2i(2u * (uint32_t)acc + (uint32_t)q[0]), q[1], q[2], q[3]);
    v = v < lo ? lo : v;
    return (int8_t)(v > hi ? hi : v);
}

/* The taps of a window: rows [ky0, ky1), columns [kx0, kx1), the first input and weight bytes. */
typedef struct {
    int32_t ky0, ky1, kx0, kx1;
    const int8_t *x, *w;
} window_taps;

static inline __attribute__((always_inline)) window_taps
taps_of(const mcuc_depthwise_dsp_params *p, const int8_t *in, int32_t iy0, int32_t ix0)
{
    window_taps t;
    t.ky0 = first_tap(iy0, p->dilation_h);
    t.ky1 = end_tap(iy0, p->dilation_h, p->in_h, p->filter_h);
    t.kx0 = first_tap(ix0, p->dilation_w);
    t.kx1 = end_tap(ix0, p->dilation_w, p->in_w, p->filter_w);
    t.x = in + ((iy0 + t.ky0 * p->dilation_h) * p->in_w + ix0 + t.kx0 * p->dilation_w) * p->channels;
    t.w = p->filter + (t.ky0 * p->filter_w + t.kx0) * p->channels;
    return t;
}

#if defined(__ARM_FEATURE_MVE)

/* The accumulators of channels [ch, ch + 8) as 16-bit lanes widened in pairs: *even holds
 * channels ch, ch + 2, ch + 4, ch + 6, *odd the others (lanes past the last channel: `live`
 * clear). Each input plus the offset and each product fit 16 bits (|x + offset| <= 255). */
static inline __attribute__((always_inline)) void
mac8(const mcuc_depthwise_dsp_params *p, const window_taps *t, int32_t ch, mve_pred16_t live, int tail,
     int32x4_t *even, int32x4_t *odd)
{
    const int32_t c = p->channels, xstep = p->dilation_w * c, ystep = p->dilation_h * p->in_w * c;
    const int32_t wrow = p->filter_w * c;
    const int16_t off = (int16_t)p->input_offset;
    const int8_t *xr = t->x + ch, *wr = t->w + ch;
    int32x4_t e = vdupq_n_s32(0), o = vdupq_n_s32(0);
    int32_t ky, kx;
    for (ky = t->ky0; ky < t->ky1; ++ky, xr += ystep, wr += wrow) {
        const int8_t *xp = xr, *wp = wr;
        for (kx = t->kx0; kx < t->kx1; ++kx, xp += xstep, wp += c) {
            const int16x8_t xv = vaddq_n_s16(tail ? vldrbq_z_s16(xp, live) : vldrbq_s16(xp), off);
            const int16x8_t wv = tail ? vldrbq_z_s16(wp, live) : vldrbq_s16(wp);
            e = vaddq_s32(e, vmullbq_int_s16(xv, wv));
            o = vaddq_s32(o, vmulltq_int_s16(xv, wv));
        }
    }
    *even = e;
    *odd = o;
}

/* requant2(2 acc + 2 bias) per lane, lane i being channel ch + 2 i (q: channel ch's words),
 * clamped, stored at out[2 i]. */
static inline __attribute__((always_inline)) void
store_pairs(const mcuc_depthwise_dsp_params *p, int32x4_t acc, const int32_t *q, mve_pred16_t live, int8_t *out)
{
    const uint32x4_t lanes = vidupq_n_u32(0, 2), words = vmulq_n_u32(lanes, 4);
    const int32x4_t acc2 = vaddq_s32(vaddq_s32(acc, acc), vldrwq_gather_shifted_offset_z_s32(q, words, live));
    int32x4_t t = vrmulhq_s32(acc2, vldrwq_gather_shifted_offset_z_s32(q + 1, words, live));
    t = vaddq_s32(vaddq_s32(t, vldrwq_gather_shifted_offset_z_s32(q + 2, words, live)), vshrq_n_s32(acc2, 31));
    t = vshlq_s32(t, vnegq_s32(vldrwq_gather_shifted_offset_z_s32(q + 3, words, live)));
    t = vminq_s32(vmaxq_s32(t, vdupq_n_s32(p->act_min)), vdupq_n_s32(p->act_max));
    vstrbq_scatter_offset_p_s32(out, lanes, t, live);
}

/* Every channel of the output pixel whose window starts at input (iy0, ix0) (inlined into each
 * loop over pixels: a call per pixel costs more than the narrow rows' work). */
static inline __attribute__((always_inline)) void
pixel(const mcuc_depthwise_dsp_params *p, const int8_t *in, int32_t iy0, int32_t ix0, int8_t *out)
{
    const int32_t c = p->channels;
    const window_taps t = taps_of(p, in, iy0, ix0);
    int32x4_t even, odd;
    int32_t ch = 0;
    for (; ch + 8 <= c; ch += 8) {
        mac8(p, &t, ch, 0xffff, 0, &even, &odd);
        store_pairs(p, even, p->packed + 4 * ch, 0xffff, out + ch);
        store_pairs(p, odd, p->packed + 4 * ch + 4, 0xffff, out + ch + 1);
    }
    if (ch < c) {
        const int32_t n = c - ch;
        mac8(p, &t, ch, vctp16q((uint32_t)n), 1, &even, &odd);
        store_pairs(p, even, p->packed + 4 * ch, vctp32q((uint32_t)(n + 1) / 2), out + ch);
        store_pairs(p, odd, p->packed + 4 * ch + 4, vctp32q((uint32_t)n / 2), out + ch + 1);
    }
}

#else

static void pixel(const mcuc_depthwise_dsp_params *p, const int8_t *in, int32_t iy0, int32_t ix0, int8_t *out)
{
    const int32_t c = p->channels, xstep = p->dilation_w * c, ystep = p->dilation_h * p->in_w * c;
    const window_taps t = taps_of(p, in, iy0, ix0);
    int32_t ch, ky, kx;
    for (ch = 0; ch < c; ++ch) {
        const int8_t *xr = t.x + ch, *wr = t.w + ch;
        int32_t a = 0;
        for (ky = t.ky0; ky < t.ky1; ++ky, xr += ystep, wr += p->filter_w * c) {
            for (kx = 0; kx < t.kx1 - t.kx0; ++kx) {
                a += ((int32_t)xr[kx * xstep] + p->input_offset) * (int32_t)wr[kx * c];
            }
        }
        out[ch] = out8(a, p->packed + 4 * ch, p->act_min, p->act_max);
    }
}

#endif

#if defined(__ARM_FEATURE_MVE)

/* Most taps of a window the interior path handles (larger windows take `pixel` everywhere). */
#define MCUC_DW_MAX_TAPS 64

/* Most gather groups of the in-place window-dot walk, and most output pixels of a 3x3 channel
 * it takes (mcuc_depthwise.h). */
#define MCUC_DW_DOT_GROUPS 8
#define MCUC_DW_DOT_MAX_3X3 100

/* requant2(2 acc + q[0]) per lane with the channel's splat words, clamped. */
static inline __attribute__((always_inline)) int32x4_t
epilogue(int32x4_t acc, int32_t q0, int32x4_t m, int32_t round, int32_t shift, int32x4_t lo, int32x4_t hi)
{
    const int32x4_t acc2 = vaddq_n_s32(vaddq_s32(acc, acc), q0);
    int32x4_t t = vaddq_s32(vaddq_n_s32(vrmulhq_s32(acc2, m), round), vshrq_n_s32(acc2, 31));
    t = vshlq_r_s32(t, shift);
    return vminq_s32(vmaxq_s32(t, lo), hi);
}

/* Output pixels [ox0, ox1) of the row whose windows start at input row iy0, all inside the
 * input: channel by channel in increasing order, four pixels per vector in increasing order (each
 * vector's taps gathered before its bytes are stored). toff: the byte offset of each of the
 * `taps` taps from a window's first byte. Per channel, the weights are scalars (3x3 windows: in
 * registers) and the epilogue words splat once; the accumulator starts at input_offset times the
 * weight sum. */
static void interior(const mcuc_depthwise_dsp_params *p, const int8_t *in, int32_t iy0, int32_t ox0, int32_t ox1,
                     const int32_t *toff, int32_t taps, int8_t *out_row)
{
    const int32_t c = p->channels, xstep = p->stride_w * c;
    const uint32x4_t lanes = vidupq_n_u32(0, 1);
    const uint32x4_t in_offs = vmulq_n_u32(lanes, (uint32_t)xstep), out_offs = vmulq_n_u32(lanes, (uint32_t)c);
    const int32x4_t lo = vdupq_n_s32(p->act_min), hi = vdupq_n_s32(p->act_max);
    const int8_t *row = in + (iy0 * p->in_w + ox0 * p->stride_w - p->pad_left) * c;
    const int three = taps == 9 && p->filter_w == 3;
    int32_t wt[MCUC_DW_MAX_TAPS];
    int32_t ch, k, ox;
    for (ch = 0; ch < c; ++ch) {
        const int32_t *q = p->packed + 4 * ch;
        const int32x4_t m = vdupq_n_s32(q[1]);
        const int32_t q0 = q[0], round = q[2], shift = -q[3];
        const int8_t *x = row + ch;
        int8_t *o = out_row + ox0 * c + ch;
        int32_t wsum = 0, start;
        if (three) {
            const int8_t *f = p->filter + ch;
            const int32_t w0 = f[0], w1 = f[c], w2 = f[2 * c], w3 = f[3 * c], w4 = f[4 * c], w5 = f[5 * c],
                          w6 = f[6 * c], w7 = f[7 * c], w8 = f[8 * c];
            const int32_t t3 = toff[3], t6 = toff[6];
            const uint32x4_t o1 = vaddq_n_u32(in_offs, (uint32_t)toff[1]), o2 = vaddq_n_u32(in_offs, (uint32_t)toff[2]);
            start = p->input_offset * (w0 + w1 + w2 + w3 + w4 + w5 + w6 + w7 + w8);
            for (ox = ox0; ox + 4 <= ox1; ox += 4, x += 4 * xstep, o += 4 * c) {
                int32x4_t acc = vdupq_n_s32(start);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_s32(x, in_offs), w0);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_s32(x, o1), w1);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_s32(x, o2), w2);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_s32(x + t3, in_offs), w3);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_s32(x + t3, o1), w4);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_s32(x + t3, o2), w5);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_s32(x + t6, in_offs), w6);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_s32(x + t6, o1), w7);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_s32(x + t6, o2), w8);
                vstrbq_scatter_offset_s32(o, out_offs, epilogue(acc, q0, m, round, shift, lo, hi));
            }
            if (ox < ox1) {
                const mve_pred16_t live = vctp32q((uint32_t)(ox1 - ox));
                int32x4_t acc = vdupq_n_s32(start);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_z_s32(x, in_offs, live), w0);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_z_s32(x, o1, live), w1);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_z_s32(x, o2, live), w2);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_z_s32(x + t3, in_offs, live), w3);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_z_s32(x + t3, o1, live), w4);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_z_s32(x + t3, o2, live), w5);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_z_s32(x + t6, in_offs, live), w6);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_z_s32(x + t6, o1, live), w7);
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_z_s32(x + t6, o2, live), w8);
                vstrbq_scatter_offset_p_s32(o, out_offs, epilogue(acc, q0, m, round, shift, lo, hi), live);
            }
            continue;
        }
        for (k = 0; k < taps; ++k) {
            wt[k] = p->filter[k * c + ch];
            wsum += wt[k];
        }
        start = p->input_offset * wsum;
        for (ox = ox0; ox < ox1; ox += 4, x += 4 * xstep, o += 4 * c) {
            const mve_pred16_t live = vctp32q((uint32_t)(ox1 - ox));
            int32x4_t acc = vdupq_n_s32(start);
            for (k = 0; k < taps; ++k) {
                acc = vmlaq_n_s32(acc, vldrbq_gather_offset_z_s32(x + toff[k], in_offs, live), wt[k]);
            }
            vstrbq_scatter_offset_p_s32(o, out_offs, epilogue(acc, q0, m, round, shift, lo, hi), live);
        }
    }
}

#endif

/* Every output pixel in increasing order, `pixel` inlined: the layers with no interior rows. */
#if defined(__ARM_FEATURE_MVE)
__attribute__((noinline))
#endif
static void all_pixels(const mcuc_depthwise_dsp_params *p, const int8_t *input, int8_t *output)
{
    const int32_t c = p->channels;
    int32_t b, oy, ox;
    for (b = 0; b < p->batches; ++b) {
        for (oy = 0; oy < p->out_h; ++oy) {
            const int32_t iy0 = oy * p->stride_h - p->pad_top;
            for (ox = 0; ox < p->out_w; ++ox) {
                pixel(p, input, iy0, ox * p->stride_w - p->pad_left, output);
                output += c;
            }
        }
        input += p->in_h * p->in_w * c;
    }
}

#if defined(__ARM_FEATURE_MVE)

/* Output pixels [ox0, ox1) of the row whose windows start at input row iy0, one by one. */
__attribute__((noinline)) static void row_pixels(const mcuc_depthwise_dsp_params *p, const int8_t *input,
                                                 int32_t iy0, int32_t ox0, int32_t ox1, int8_t *out_row)
{
    int32_t ox;
    for (ox = ox0; ox < ox1; ++ox) {
        pixel(p, input, iy0, ox * p->stride_w - p->pad_left, out_row + ox * p->channels);
    }
}

#endif

mcuc_status mcuc_depthwise_s8_mve(const mcuc_depthwise_dsp_params *p, const int8_t *input, int8_t *output)
{
#if defined(__ARM_FEATURE_MVE)
    /* Interior columns [ox_a, ox_b): windows inside the input's width; interior rows from oy_a:
     * windows inside its height. */
    const int32_t c = p->channels, taps = p->filter_h * p->filter_w, reach_h = (p->filter_h - 1) * p->dilation_h;
    const int32_t last = p->in_w - 1 - (p->filter_w - 1) * p->dilation_w + p->pad_left;
    const int32_t ox_a = p->pad_left > 0 ? (p->pad_left + p->stride_w - 1) / p->stride_w : 0;
    const int32_t oy_a = p->pad_top > 0 ? (p->pad_top + p->stride_h - 1) / p->stride_h : 0;
    int32_t ox_b = last < 0 ? 0 : last / p->stride_w + 1;
    int32_t toff[MCUC_DW_MAX_TAPS];
    int32_t b, oy, k;
    ox_b = ox_b > p->out_w ? p->out_w : ox_b;
    if (taps > MCUC_DW_MAX_TAPS || ox_b - ox_a < 8 || oy_a >= p->out_h
        || oy_a * p->stride_h - p->pad_top + reach_h >= p->in_h) {
        all_pixels(p, input, output);  /* no row with eight interior pixels: the per-pixel path */
        return MCUC_OK;
    }
    for (k = 0; k < taps; ++k) {
        toff[k] = ((k / p->filter_w) * p->dilation_h * p->in_w + (k % p->filter_w) * p->dilation_w) * c;
    }
    for (b = 0; b < p->batches; ++b) {
        for (oy = 0; oy < p->out_h; ++oy) {
            const int32_t iy0 = oy * p->stride_h - p->pad_top;
            if (iy0 >= 0 && iy0 + reach_h < p->in_h) {
                row_pixels(p, input, iy0, 0, ox_a, output);
                interior(p, input, iy0, ox_a, ox_b, toff, taps, output);
                row_pixels(p, input, iy0, ox_b, p->out_w, output);
            } else {
                row_pixels(p, input, iy0, 0, p->out_w, output);
            }
            output += p->out_w * c;
        }
        input += p->in_h * p->in_w * c;
    }
#else
    all_pixels(p, input, output);
#endif
    return MCUC_OK;
}

/* In place: one channel at a time through a plane padded with the input zero point. */

/* The padded plane: ph rows of pw bytes, input pixel (y, x) at (y + pad_top, x + pad_left). */
typedef struct {
    int8_t *data;
    int32_t ph, pw;
} dw_plane;

static dw_plane plane_of(const mcuc_depthwise_dsp_params *p, int8_t *scratch)
{
    const int32_t need_h = (p->out_h - 1) * p->stride_h + (p->filter_h - 1) * p->dilation_h + 1;
    const int32_t need_w = (p->out_w - 1) * p->stride_w + (p->filter_w - 1) * p->dilation_w + 1;
    dw_plane plane;
    plane.data = scratch;
    plane.ph = need_h > p->pad_top + p->in_h ? need_h : p->pad_top + p->in_h;
    plane.pw = need_w > p->pad_left + p->in_w ? need_w : p->pad_left + p->in_w;
    return plane;
}

/* Channel `ch` of the batch at `in` into the plane's inside (its border keeps the zero point). */
static void copy_channel(const mcuc_depthwise_dsp_params *p, const int8_t *in, int32_t ch, const dw_plane *plane)
{
    const int32_t c = p->channels, w = p->in_w;
    int32_t y, x;
#if defined(__ARM_FEATURE_MVE)
    const uint32x4_t offsets = vmulq_n_u32(vidupq_n_u32(0, 1), (uint32_t)c);
    for (y = 0; y < p->in_h; ++y) {
        const int8_t *src = in + y * w * c + ch;
        int8_t *dst = plane->data + (y + p->pad_top) * plane->pw + p->pad_left;
        for (x = 0; x + 4 <= w; x += 4) {
            vstrbq_s32(dst + x, vldrbq_gather_offset_s32(src + x * c, offsets));
        }
        if (x < w) {
            const mve_pred16_t live = vctp32q((uint32_t)(w - x));
            vstrbq_p_s32(dst + x, vldrbq_gather_offset_z_s32(src + x * c, offsets, live), live);
        }
    }
#else
    for (y = 0; y < p->in_h; ++y) {
        for (x = 0; x < w; ++x) {
            plane->data[(y + p->pad_top) * plane->pw + p->pad_left + x] = in[(y * w + x) * c + ch];
        }
    }
#endif
}

/* acc = bias + input offset * (sum of the channel's weights): the value before the taps. */
static int32_t channel_base(const mcuc_depthwise_dsp_params *p, int32_t ch)
{
    const int32_t taps = p->filter_h * p->filter_w;
    int32_t t, sum = 0;
    for (t = 0; t < taps; ++t) {
        sum += p->filter[t * p->channels + ch];
    }
    return mcuc_dsp_u2i((uint32_t)(p->packed[4 * ch] >> 1) + (uint32_t)(p->input_offset * sum));
}

#if defined(__ARM_FEATURE_MVE)

/* The epilogue of one channel, its words in registers. */
typedef struct {
    int32_t m, round, neg_e;
    int32x4_t lo, hi;
    uint32x4_t out_offsets; /* lane i: byte i * lane_step (the lanes' output pixels) */
} dw_epilogue;

static dw_epilogue epilogue_of(const mcuc_depthwise_dsp_params *p, int32_t ch, int32_t lane_step)
{
    dw_epilogue e;
    e.m = p->packed[4 * ch + 1];
    e.round = p->packed[4 * ch + 2];
    e.neg_e = -p->packed[4 * ch + 3];
    e.lo = vdupq_n_s32(p->act_min);
    e.hi = vdupq_n_s32(p->act_max);
    e.out_offsets = vmulq_n_u32(vidupq_n_u32(0, 1), (uint32_t)lane_step);
    return e;
}

/* requant2(2 acc) per lane (acc holds the bias), clamped, stored (live lanes only when `tail`). */
static inline __attribute__((always_inline)) void
epilogue4(const dw_epilogue *e, int32x4_t acc, mve_pred16_t live, int tail, int8_t *out)
{
    int32x4_t t = vaddq_n_s32(vqrdmulhq_n_s32(acc, e->m), e->round);
    t = vshlq_r_s32(vaddq_s32(t, vshrq_n_s32(acc, 31)), e->neg_e);
    t = vminq_s32(vmaxq_s32(t, e->lo), e->hi);
    if (tail) {
        vstrbq_scatter_offset_p_s32(out, e->out_offsets, t, live);
    } else {
        vstrbq_scatter_offset_s32(out, e->out_offsets, t);
    }
}

/* Four outputs (x: the first one's window start in the plane; lane i reads from x + xoff[i]
 * and writes out + e->out_offsets[i]; live lanes only when `tail`): acc = base + the taps'
 * inputs times weights, then the epilogue. */
static inline __attribute__((always_inline)) void
plane_block(const mcuc_depthwise_dsp_params *p, const dw_plane *plane, const int8_t *x, const int8_t *w,
            const dw_epilogue *e, int32_t base, uint32x4_t xoff, mve_pred16_t live, int tail, int8_t *out)
{
    const int32_t c = p->channels, ystep = p->dilation_h * plane->pw;
    int32x4_t acc = vdupq_n_s32(base);
    int32_t ky, kx;
    for (ky = 0; ky < p->filter_h; ++ky, x += ystep, w += p->filter_w * c) {
        for (kx = 0; kx < p->filter_w; ++kx) {
            const int8_t *xp = x + kx * p->dilation_w;
            const int32x4_t xv = tail ? vldrbq_gather_offset_z_s32(xp, xoff, live) : vldrbq_gather_offset_s32(xp, xoff);
            acc = vmlaq_n_s32(acc, xv, w[kx * c]);
        }
    }
    epilogue4(e, acc, live, tail, out);
}

/* Four outputs of a 3x3 window (rows x0, x1, x2; column offsets o0, o1, o2 per lane). */
#define MCUC_DW3X3_BLOCK(gather, out)                                                 \
    do {                                                                              \
        int32x4_t acc = vmlaq_n_s32(basev, gather(x0, o0), w0);                       \
        acc = vmlaq_n_s32(acc, gather(x0, o1), w1);                                   \
        acc = vmlaq_n_s32(acc, gather(x0, o2), w2);                                   \
        acc = vmlaq_n_s32(acc, gather(x1, o0), w3);                                   \
        acc = vmlaq_n_s32(acc, gather(x1, o1), w4);                                   \
        acc = vmlaq_n_s32(acc, gather(x1, o2), w5);                                   \
        acc = vmlaq_n_s32(acc, gather(x2, o0), w6);                                   \
        acc = vmlaq_n_s32(acc, gather(x2, o1), w7);                                   \
        acc = vmlaq_n_s32(acc, gather(x2, o2), w8);                                   \
        epilogue4(&e, acc, live, tail, out);                                          \
    } while (0)

#define MCUC_GATHER(b, o) vldrbq_gather_offset_s32((b), (o))
#define MCUC_GATHER_Z(b, o) vldrbq_gather_offset_z_s32((b), (o), live)

/* How a channel's outputs are walked: `lines` lines of `count` outputs, four per vector, along
 * the rows or, where that takes fewer vectors (narrow outputs), along the columns. */
typedef struct {
    int32_t lines, count;
    int32_t line_in, line_out; /* plane / output bytes from one line to the next */
    int32_t lane_in, lane_out; /* plane / output bytes from one output of a line to the next */
} dw_walk;

static dw_walk walk_of(const mcuc_depthwise_dsp_params *p, const dw_plane *plane)
{
    const int32_t c = p->channels, oh = p->out_h, ow = p->out_w;
    dw_walk k;
    if (ow * ((oh + 3) / 4) < oh * ((ow + 3) / 4)) {
        k.lines = ow;
        k.count = oh;
        k.line_in = p->stride_w;
        k.line_out = c;
        k.lane_in = p->stride_h * plane->pw;
        k.lane_out = ow * c;
    } else {
        k.lines = oh;
        k.count = ow;
        k.line_in = p->stride_h * plane->pw;
        k.line_out = ow * c;
        k.lane_in = p->stride_w;
        k.lane_out = c;
    }
    return k;
}

/* Output channel `ch` of a 3x3 filter from the plane: the nine weights in registers. */
static void plane_channel3x3(const mcuc_depthwise_dsp_params *p, const dw_plane *plane, const dw_walk *k,
                             int32_t ch, int8_t *out)
{
    const int32_t c = p->channels, ys = p->dilation_h * plane->pw, step = 4 * k->lane_in, out_step = 4 * k->lane_out;
    const int8_t *f = p->filter + ch;
    const int32_t w0 = f[0], w1 = f[c], w2 = f[2 * c], w3 = f[3 * c], w4 = f[4 * c];
    const int32_t w5 = f[5 * c], w6 = f[6 * c], w7 = f[7 * c], w8 = f[8 * c];
    const int32x4_t basev = vdupq_n_s32(channel_base(p, ch));
    const uint32x4_t o0 = vmulq_n_u32(vidupq_n_u32(0, 1), (uint32_t)k->lane_in);
    const uint32x4_t o1 = vaddq_n_u32(o0, (uint32_t)p->dilation_w), o2 = vaddq_n_u32(o1, (uint32_t)p->dilation_w);
    const dw_epilogue e = epilogue_of(p, ch, k->lane_out);
    int32_t line, n;
    for (line = 0; line < k->lines; ++line) {
        const int8_t *x0 = plane->data + line * k->line_in, *x1 = x0 + ys, *x2 = x1 + ys;
        int8_t *o = out + line * k->line_out;
        for (n = k->count; n >= 4; n -= 4, x0 += step, x1 += step, x2 += step, o += out_step) {
            const mve_pred16_t live = 0xffff;
            const int tail = 0;
            MCUC_DW3X3_BLOCK(MCUC_GATHER, o);
        }
        if (n > 0) {
            const mve_pred16_t live = vctp32q((uint32_t)n);
            const int tail = 1;
            MCUC_DW3X3_BLOCK(MCUC_GATHER_Z, o);
        }
    }
}

/* Output channel `ch` of any window. */
static void plane_channel_any(const mcuc_depthwise_dsp_params *p, const dw_plane *plane, const dw_walk *k,
                              int32_t ch, int8_t *out)
{
    const int32_t base = channel_base(p, ch);
    const int8_t *w = p->filter + ch;
    const dw_epilogue e = epilogue_of(p, ch, k->lane_out);
    const uint32x4_t xoff = vmulq_n_u32(vidupq_n_u32(0, 1), (uint32_t)k->lane_in);
    int32_t line, i;
    for (line = 0; line < k->lines; ++line) {
        const int8_t *x = plane->data + line * k->line_in;
        int8_t *o = out + line * k->line_out;
        for (i = 0; i + 4 <= k->count; i += 4) {
            plane_block(p, plane, x + i * k->lane_in, w, &e, base, xoff, 0xffff, 0, o + i * k->lane_out);
        }
        if (i < k->count) {
            plane_block(p, plane, x + i * k->lane_in, w, &e, base, xoff, vctp32q((uint32_t)(k->count - i)), 1,
                        o + i * k->lane_out);
        }
    }
}

/* Output channel `ch` (stride: channels in `out`) from the plane. */
static void plane_channel(const mcuc_depthwise_dsp_params *p, const dw_plane *plane, int32_t ch, int8_t *out)
{
    const dw_walk k = walk_of(p, plane);
    if (p->filter_h == 3 && p->filter_w == 3) {
        plane_channel3x3(p, plane, &k, ch, out);
    } else {
        plane_channel_any(p, plane, &k, ch, out);
    }
}

/* The window-dot walk (mcuc_depthwise.h): filter rows in groups of `rows`, one 16-byte gather
 * per group (lane r * filter_w + kx: tap (r, kx) at byte offset r * dilation_h * pw + kx *
 * dilation_w of the group's first row; `last` for the last group, unused lanes at offset 0), one
 * VMLADAVA per group against the channel's packed weight vector. */
typedef struct {
    int32_t rows, groups, group_step;
    uint8x16_t full, last;
} dw_dot;

/* Rows per group for a plane of width pw (0: the window does not fit the walk); mcuc packs the
 * weights with the same rule. */
static int32_t dot_rows(const mcuc_depthwise_dsp_params *p, int32_t pw)
{
    int32_t rows;
    if (p->filter_w > 16 || (p->filter_w - 1) * p->dilation_w > 255) {
        return 0;
    }
    if (p->filter_h == 3 && p->filter_w == 3 && p->out_h * p->out_w > MCUC_DW_DOT_MAX_3X3) {
        return 0; /* many outputs per channel: nine weights in registers, four pixels per tap, pay */
    }
    rows = 16 / p->filter_w;
    rows = rows < p->filter_h ? rows : p->filter_h;
    while (rows > 1 && (rows - 1) * p->dilation_h * pw + (p->filter_w - 1) * p->dilation_w > 255) {
        --rows;
    }
    return (p->filter_h + rows - 1) / rows <= MCUC_DW_DOT_GROUPS ? rows : 0;
}

static dw_dot dot_of(const mcuc_depthwise_dsp_params *p, const dw_plane *plane, int32_t rows)
{
    uint8_t full[16], last[16];
    const int32_t last_rows = p->filter_h - (p->filter_h - 1) / rows * rows;
    int32_t lane;
    dw_dot d;
    d.rows = rows;
    d.groups = (p->filter_h + rows - 1) / rows;
    d.group_step = rows * p->dilation_h * plane->pw;
    for (lane = 0; lane < 16; ++lane) {
        const int32_t r = lane / p->filter_w, kx = lane % p->filter_w;
        const int32_t offset = r * p->dilation_h * plane->pw + kx * p->dilation_w;
        full[lane] = (uint8_t)(r < rows ? offset : 0);
        last[lane] = (uint8_t)(r < last_rows ? offset : 0);
    }
    d.full = vldrbq_u8(full);
    d.last = vldrbq_u8(last);
    return d;
}

/* One window's dot product: `groups` gathers from x against the weight vectors at w. */
static inline __attribute__((always_inline)) int32_t
window_dot(const dw_dot *d, const int8_t *x, const int8_t *w, int32_t groups, int8x16_t w0, int8x16_t w1)
{
    int32_t acc, g;
    if (groups == 1) {
        return vmladavq_s8(vldrbq_gather_offset_s8(x, d->last), w0);
    }
    if (groups == 2) {
        acc = vmladavq_s8(vldrbq_gather_offset_s8(x, d->full), w0);
        return vmladavaq_s8(acc, vldrbq_gather_offset_s8(x + d->group_step, d->last), w1);
    }
    acc = 0;
    for (g = 0; g + 1 < groups; ++g, x += d->group_step, w += 16) {
        acc = vmladavaq_s8(acc, vldrbq_gather_offset_s8(x, d->full), vldrbq_s8(w));
    }
    return vmladavaq_s8(acc, vldrbq_gather_offset_s8(x, d->last), vldrbq_s8(w));
}

/* The window of the next output pixel: x advanced along its row, to the next row past the last
 * column. */
#define MCUC_DW_DOT_NEXT()                                                             \
    do {                                                                               \
        x += xs;                                                                       \
        if (++ox == ow) {                                                              \
            ox = 0;                                                                    \
            x += row_step;                                                             \
        }                                                                              \
    } while (0)

/* Output channel `ch` from the plane by window dot products, output pixels in increasing order,
 * four per epilogue vector. q: the channel's base word then its weight vectors. */
static inline __attribute__((always_inline)) void
dot_channel(const mcuc_depthwise_dsp_params *p, const dw_plane *plane, const dw_dot *d, int32_t ch,
            const int32_t *q, int32_t groups, int8_t *out)
{
    const int32_t c = p->channels, ow = p->out_w, total = p->out_h * p->out_w;
    const int32_t xs = p->stride_w, row_step = p->stride_h * plane->pw - ow * p->stride_w;
    const int8_t *w = (const int8_t *)(q + 1);
    const int8x16_t w0 = vldrbq_s8(w), w1 = groups == 2 ? vldrbq_s8(w + 16) : w0;
    const dw_epilogue e = epilogue_of(p, ch, c);
    const int32_t base = q[0];
    const int8_t *x = plane->data;
    int32_t k, ox = 0;
    for (k = total; k >= 4; k -= 4, out += 4 * c) {
        int32_t a0, a1, a2, a3;
        int32x4_t acc;
        a0 = window_dot(d, x, w, groups, w0, w1);
        MCUC_DW_DOT_NEXT();
        a1 = window_dot(d, x, w, groups, w0, w1);
        MCUC_DW_DOT_NEXT();
        a2 = window_dot(d, x, w, groups, w0, w1);
        MCUC_DW_DOT_NEXT();
        a3 = window_dot(d, x, w, groups, w0, w1);
        MCUC_DW_DOT_NEXT();
        acc = vdupq_n_s32(a0);
        acc = vsetq_lane_s32(a1, acc, 1);
        acc = vsetq_lane_s32(a2, acc, 2);
        epilogue4(&e, vaddq_n_s32(vsetq_lane_s32(a3, acc, 3), base), 0xffff, 0, out);
    }
    if (k > 0) {
        int32x4_t acc = vdupq_n_s32(window_dot(d, x, w, groups, w0, w1));
        if (k > 1) {
            MCUC_DW_DOT_NEXT();
            acc = vsetq_lane_s32(window_dot(d, x, w, groups, w0, w1), acc, 1);
        }
        if (k > 2) {
            MCUC_DW_DOT_NEXT();
            acc = vsetq_lane_s32(window_dot(d, x, w, groups, w0, w1), acc, 2);
        }
        epilogue4(&e, vaddq_n_s32(acc, base), vctp32q((uint32_t)k), 1, out);
    }
}

/* dot_channel with the group count 1, 2 or any as a constant. */
static void dot_channel_any(const mcuc_depthwise_dsp_params *p, const dw_plane *plane, const dw_dot *d, int32_t ch,
                            int8_t *out)
{
    const int32_t *q = p->packed + 4 * p->channels + ch * (1 + 4 * d->groups);
    if (d->groups == 1) {
        dot_channel(p, plane, d, ch, q, 1, out);
    } else if (d->groups == 2) {
        dot_channel(p, plane, d, ch, q, 2, out);
    } else {
        dot_channel(p, plane, d, ch, q, d->groups, out);
    }
}

#else

static void plane_channel(const mcuc_depthwise_dsp_params *p, const dw_plane *plane, int32_t ch, int8_t *out)
{
    const int32_t c = p->channels, base = channel_base(p, ch);
    const int8_t *w = p->filter + ch;
    int32_t oy, ox, ky, kx;
    for (oy = 0; oy < p->out_h; ++oy) {
        for (ox = 0; ox < p->out_w; ++ox) {
            const int8_t *x = plane->data + oy * p->stride_h * plane->pw + ox * p->stride_w;
            int32_t a = base;
            for (ky = 0; ky < p->filter_h; ++ky) {
                for (kx = 0; kx < p->filter_w; ++kx) {
                    a += x[ky * p->dilation_h * plane->pw + kx * p->dilation_w] * w[(ky * p->filter_w + kx) * c];
                }
            }
            /* base holds the bias: requantize 2 acc as the words expect (their bias word unused). */
            {
                const int32_t *q = p->packed + 4 * ch;
                int32_t v = mcuc_dsp_requant2(mcuc_dsp_u2i(2u * (uint32_t)a), q[1], q[2], q[3]);
                v = v < p->act_min ? p->act_min : v;
                out[(oy * p->out_w + ox) * c] = (int8_t)(v > p->act_max ? p->act_max : v);
            }
        }
    }
}

#endif

mcuc_status mcuc_depthwise_inplace_s8_mve(const mcuc_depthwise_dsp_params *p, const int8_t *input, int8_t *output,
                                          int8_t *scratch)
{
    const int32_t c = p->channels, in_pixels = p->in_h * p->in_w, out_pixels = p->out_h * p->out_w;
    const dw_plane plane = plane_of(p, scratch);
    int32_t b, ch;
    memset(scratch, (uint8_t)(-p->input_offset), (size_t)(plane.ph * plane.pw));
#if defined(__ARM_FEATURE_MVE)
    {
        const int32_t rows = dot_rows(p, plane.pw);
        if (rows > 0) {
            const dw_dot d = dot_of(p, &plane, rows);
            for (b = 0; b < p->batches; ++b) {
                for (ch = 0; ch < c; ++ch) {
                    copy_channel(p, input + b * in_pixels * c, ch, &plane);
                    dot_channel_any(p, &plane, &d, ch, output + b * out_pixels * c + ch);
                }
            }
            return MCUC_OK;
        }
    }
#endif
    for (b = 0; b < p->batches; ++b) {
        for (ch = 0; ch < c; ++ch) {
            copy_channel(p, input + b * in_pixels * c, ch, &plane);
            plane_channel(p, &plane, ch, output + b * out_pixels * c + ch);
        }
    }
    return MCUC_OK;
}
