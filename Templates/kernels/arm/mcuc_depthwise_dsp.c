/* mcuc runtime: DEPTHWISE_CONV_2D with depth multiplier 1 on cores with the DSP extension, four
 * channels at a time (see mcuc_depthwise.h). Each tap loads four inputs as one word and the
 * block's weights as two words of halfwords packed at compile time; SXTAB16 adds the input offset
 * to two lanes at once, SMLABB/SMLATT accumulate, the four outputs go out as one word (which lets
 * the same kernel run in place in pixel order).
 * The in-place variant works on one channel plane at a time: windows inside the plane skip the
 * bounds checks (the input offset's share added once), 3x3 windows keep their weights in
 * registers, and both use the same exact fused epilogue. */
#include "mcuc_depthwise.h"
#include "mcuc_dsp.h"

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

/* The in-bounds taps of one window, rows [ky0, ky1) and columns [kx0, kx1), as `outer` runs of
 * `inner` taps: the first tap's input byte (channel 0) and index, the input step between taps of
 * a run and after each run, the weight words skipped after each run. A one-column filter runs as
 * one run of rows. */
typedef struct {
    const int8_t *x;
    int32_t ky0, ky1, kx0, kx1, tap;
    int32_t outer, inner, xstep, xnext, wnext;
} window_taps;

static void window_of(const mcuc_depthwise_dsp_params *p, const int8_t *in, int32_t iy0, int32_t ix0,
                      window_taps *t)
{
    const int32_t c = p->channels, fw = p->filter_w;
    const int32_t xrow = p->dilation_h * p->in_w * c;
    int32_t rows, cols;
    if (iy0 >= 0 && iy0 + (p->filter_h - 1) * p->dilation_h < p->in_h) {
        t->ky0 = 0;
        t->ky1 = p->filter_h;
    } else {
        t->ky0 = first_tap(iy0, p->dilation_h);
        t->ky1 = end_tap(iy0, p->dilation_h, p->in_h, p->filter_h);
    }
    if (ix0 >= 0 && ix0 + (fw - 1) * p->dilation_w < p->in_w) {
        t->kx0 = 0;
        t->kx1 = fw;
    } else {
        t->kx0 = first_tap(ix0, p->dilation_w);
        t->kx1 = end_tap(ix0, p->dilation_w, p->in_w, fw);
    }
    rows = t->ky1 > t->ky0 ? t->ky1 - t->ky0 : 0;
    cols = t->kx1 > t->kx0 ? t->kx1 - t->kx0 : 0;
    t->x = in + ((iy0 + t->ky0 * p->dilation_h) * p->in_w + ix0 + t->kx0 * p->dilation_w) * c;
    t->tap = t->ky0 * fw + t->kx0;
    if (fw == 1) {
        t->outer = rows > 0 && cols > 0 ? 1 : 0;
        t->inner = rows;
        t->xstep = xrow;
        t->xnext = 0;
        t->wnext = 0;
    } else {
        t->outer = cols > 0 ? rows : 0;
        t->inner = cols;
        t->xstep = p->dilation_w * c;
        t->xnext = xrow - cols * t->xstep;
        t->wnext = 2 * (fw - cols);
    }
}

/* The requantized accumulator acc (bias excluded) of channel words q, before the clamp. */
static inline int32_t requant(int32_t acc, const int32_t *q)
{
    return mcuc_dsp_requant2(mcuc_dsp_u2i(2u * (uint32_t)acc + (uint32_t)q[0]), q[1], q[2], q[3]);
}

/* Four channels' outputs t0..t3, clamped to (lo2, hi2) as halfword pairs, as one word (t0 in
 * the lowest byte). */
static inline uint32_t bytes4(int32_t t0, int32_t t1, int32_t t2, int32_t t3, int32_t lo2, int32_t hi2)
{
    const uint32_t even = (uint32_t)mcuc_dsp_clamp16x2(mcuc_dsp_halves16(t0, t2), lo2, hi2);
    const uint32_t odd = (uint32_t)mcuc_dsp_clamp16x2(mcuc_dsp_halves16(t1, t3), lo2, hi2);
    return (even & 0x00ff00ffu) | (odd & 0x00ff00ffu) << 8;
}

/* One tap of a block of four channels: the input word at x, the weight words at wp (advanced). */
#define MCUC_DW_TAP4(x)                                      \
    do {                                                     \
        const int32_t xv_ = mcuc_dsp_load32(x);              \
        int32_t w02_, w13_, x02_, x13_;                      \
        MCUC_DSP_LOAD2(wp, w02_, w13_);                      \
        x02_ = mcuc_sxtab16(off2, xv_);                      \
        x13_ = mcuc_sxtab16_ror8(off2, xv_);                 \
        a0 = mcuc_smlabb(x02_, w02_, a0);                    \
        a2 = mcuc_smlatt(x02_, w02_, a2);                    \
        a1 = mcuc_smlabb(x13_, w13_, a1);                    \
        a3 = mcuc_smlatt(x13_, w13_, a3);                    \
    } while (0)

/* Every channel of one output pixel from its window's in-bounds taps. Four channels per pass: per
 * tap one input word (SXTAB16 adds the input offset to two lanes at once) and the block's two
 * weight words (w0, w2), (w1, w3) pre-extended at compile time; the four outputs are stored as one
 * word after all their taps are read. Then the last c % 4 channels from the model's weights. */
static void pixel(const mcuc_depthwise_dsp_params *p, const window_taps *t, int32_t off2, int32_t lo2, int32_t hi2,
                  int8_t *out)
{
    const int32_t c = p->channels, off = p->input_offset, fw = p->filter_w, taps = p->filter_h * fw;
    const int32_t outer = t->outer, inner = t->inner, xstep = t->xstep, xnext = t->xnext, wnext = t->wnext;
    const int full3x3 = outer == 3 && inner == 3 && wnext == 0;
    const int32_t rstep = 3 * xstep + xnext;
    const int32_t *q = p->packed, *wb = p->packed + 4 * c + 2 * t->tap;
    int32_t ch = 0;
    for (; ch + 4 <= c; ch += 4, q += 16, wb += 2 * taps) {
        const int8_t *xp = t->x + ch;
        const int32_t *wp = wb;
        int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0, i, j;
        if (full3x3) {
            /* A whole 3x3 window (any dilation): nine taps straight, the weights consecutive. */
            const int8_t *r1 = xp + rstep, *r2 = r1 + rstep;
            MCUC_DW_TAP4(xp);
            MCUC_DW_TAP4(xp + xstep);
            MCUC_DW_TAP4(xp + 2 * xstep);
            MCUC_DW_TAP4(r1);
            MCUC_DW_TAP4(r1 + xstep);
            MCUC_DW_TAP4(r1 + 2 * xstep);
            MCUC_DW_TAP4(r2);
            MCUC_DW_TAP4(r2 + xstep);
            MCUC_DW_TAP4(r2 + 2 * xstep);
        } else {
            for (i = outer; i > 0; --i, xp += xnext, wp += wnext) {
                for (j = inner; j > 0; --j, xp += xstep) {
                    MCUC_DW_TAP4(xp);
                }
            }
        }
        {
            const uint32_t v = bytes4(requant(a0, q), requant(a1, q + 4), requant(a2, q + 8), requant(a3, q + 12),
                                      lo2, hi2);
            memcpy(out + ch, &v, 4);
        }
    }
    for (; ch < c; ++ch, q += 4) {
        int32_t a = 0, ky, kx, v;
        for (ky = t->ky0; ky < t->ky1; ++ky) {
            const int8_t *xr = t->x + ch + (ky - t->ky0) * p->dilation_h * p->in_w * c;
            const int8_t *wr = p->filter + ch + ky * fw * c;
            for (kx = t->kx0; kx < t->kx1; ++kx) {
                a += ((int32_t)xr[(kx - t->kx0) * p->dilation_w * c] + off) * (int32_t)wr[kx * c];
            }
        }
        v = requant(a, q);
        v = v < p->act_min ? p->act_min : v;
        out[ch] = (int8_t)(v > p->act_max ? p->act_max : v);
    }
}

mcuc_status mcuc_depthwise_s8_dsp(const mcuc_depthwise_dsp_params *p, const int8_t *input, int8_t *output)
{
    const int32_t off2 = mcuc_dsp_u2i(((uint32_t)p->input_offset & 0xffffu) * 0x10001u);
    const int32_t lo2 = mcuc_dsp_halves16(p->act_min, p->act_min), hi2 = mcuc_dsp_halves16(p->act_max, p->act_max);
    window_taps t;
    int32_t b, oy, ox;
    for (b = 0; b < p->batches; ++b) {
        for (oy = 0; oy < p->out_h; ++oy) {
            for (ox = 0; ox < p->out_w; ++ox) {
                window_of(p, input, oy * p->stride_h - p->pad_top, ox * p->stride_w - p->pad_left, &t);
                pixel(p, &t, off2, lo2, hi2, output);
                output += p->channels;
            }
        }
        input += p->in_h * p->in_w * p->channels;
    }
    return MCUC_OK;
}

/* In place (mcuc_depthwise_inplace_s8_dsp): one channel plane at a time from the scratch. */

/* The outputs [lo, hi) along one axis whose window lies inside the input (no padding tap). */
typedef struct {
    int32_t lo, hi;
} inner_span;

static inner_span inner_outputs(int32_t outputs, int32_t stride, int32_t pad, int32_t extent, int32_t size)
{
    inner_span s;
    s.lo = 0;
    while (s.lo < outputs && s.lo * stride - pad < 0) {
        ++s.lo;
    }
    s.hi = s.lo;
    while (s.hi < outputs && s.hi * stride - pad + extent <= size) {
        ++s.hi;
    }
    return s;
}

/* One channel's accumulator at a window that may overhang the plane: in-bounds taps only, each
 * input plus the input offset. `w` is the channel's first weight (stride: channels). */
static int32_t plane_edge(const mcuc_depthwise_dsp_params *p, const int8_t *plane, const int8_t *w,
                          int32_t iy0, int32_t ix0)
{
    const int32_t ky0 = first_tap(iy0, p->dilation_h), ky1 = end_tap(iy0, p->dilation_h, p->in_h, p->filter_h);
    const int32_t kx0 = first_tap(ix0, p->dilation_w), kx1 = end_tap(ix0, p->dilation_w, p->in_w, p->filter_w);
    int32_t a = 0, ky, kx;
    for (ky = ky0; ky < ky1; ++ky) {
        const int8_t *xr = plane + (iy0 + ky * p->dilation_h) * p->in_w + ix0;
        const int8_t *wr = w + ky * p->filter_w * p->channels;
        for (kx = kx0; kx < kx1; ++kx) {
            a += ((int32_t)xr[kx * p->dilation_w] + p->input_offset) * (int32_t)wr[kx * p->channels];
        }
    }
    return a;
}

/* Sum of x * w over a window inside the plane (the input offset is added by the caller). */
static int32_t plane_inner(const mcuc_depthwise_dsp_params *p, const int8_t *x, const int8_t *w)
{
    const int32_t ystep = p->dilation_h * p->in_w, c = p->channels;
    int32_t a = 0, ky, kx;
    for (ky = 0; ky < p->filter_h; ++ky, x += ystep) {
        for (kx = 0; kx < p->filter_w; ++kx, w += c) {
            a += (int32_t)x[kx * p->dilation_w] * (int32_t)*w;
        }
    }
    return a;
}

/* A channel's 3x3 weights (dilation 1): k[9] as int32, then per row the halfword pair
 * (w0, w2) and (w1, w1) for SMLAD; base = the input offset's share over all nine taps. */
typedef struct {
    int32_t k[9], pair[3], mid[3], base;
} weights3x3;

static void load3x3(const mcuc_depthwise_dsp_params *p, const int8_t *w, weights3x3 *t)
{
    int32_t i;
    t->base = 0;
    for (i = 0; i < 9; ++i) {
        t->k[i] = w[i * p->channels];
        t->base += p->input_offset * t->k[i];
    }
    for (i = 0; i < 3; ++i) {
        const uint32_t w0 = (uint32_t)t->k[3 * i] & 0xffffu, w1 = (uint32_t)t->k[3 * i + 1] & 0xffffu;
        t->pair[i] = mcuc_dsp_u2i(w0 | ((uint32_t)t->k[3 * i + 2] << 16));
        t->mid[i] = mcuc_dsp_u2i(w1 | (w1 << 16));
    }
}

/* A 3x3 window that may overhang the plane: its in-bounds taps, input plus offset. */
static int32_t edge3x3(const mcuc_depthwise_dsp_params *p, const int8_t *plane, const weights3x3 *t, int32_t iy0,
                       int32_t ix0)
{
    const int32_t off = p->input_offset, iw = p->in_w;
    const int32_t ky0 = iy0 < 0 ? -iy0 : 0, ky1 = p->in_h - iy0 < 3 ? p->in_h - iy0 : 3;
    const int32_t kx0 = ix0 < 0 ? -ix0 : 0, kx1 = iw - ix0 < 3 ? iw - ix0 : 3;
    int32_t a = 0, ky, kx;
    for (ky = ky0; ky < ky1; ++ky) {
        const int8_t *x = plane + (iy0 + ky) * iw + ix0;
        const int32_t *k = t->k + 3 * ky;
        for (kx = kx0; kx < kx1; ++kx) {
            a += ((int32_t)x[kx] + off) * k[kx];
        }
    }
    return a;
}

/* One inner 3x3 window at x. */
static inline int32_t inner3x3(const int8_t *x, int32_t iw, const weights3x3 *t)
{
    const int8_t *r1 = x + iw, *r2 = r1 + iw;
    int32_t a = t->base + x[0] * t->k[0] + x[1] * t->k[1] + x[2] * t->k[2];
    a += r1[0] * t->k[3] + r1[1] * t->k[4] + r1[2] * t->k[5];
    return a + r2[0] * t->k[6] + r2[1] * t->k[7] + r2[2] * t->k[8];
}

/* Row r of two neighbouring inner windows (stride 1): the word x0..x3 holds both; (x0, x2) and
 * (x1, x3) meet the pair (w0, w2) through SMLAD, x1 and x2 meet w1. */
static inline void pair_row(const int8_t *x, int32_t pair, int32_t mid, int32_t *a0, int32_t *a1)
{
    const int32_t v = mcuc_dsp_load32(x), even = mcuc_sxtb16(v), odd = mcuc_sxtb16_ror8(v);
    *a0 = mcuc_smlabb(odd, mid, mcuc_smlad(even, pair, *a0));
    *a1 = mcuc_smlatt(even, mid, mcuc_smlad(odd, pair, *a1));
}

/* The n inner outputs of one row from window start x (stride `sw`); two at a time at stride 1. */
static void inner_row3x3(const mcuc_depthwise_dsp_params *p, const int8_t *x, const weights3x3 *t, const int32_t *q,
                         int32_t n, int8_t *out)
{
    const int32_t c = p->channels, iw = p->in_w, sw = p->stride_w, lo = p->act_min, hi = p->act_max;
    int32_t i = 0;
    if (sw == 1) {
        for (; i + 2 <= n; i += 2, x += 2, out += 2 * c) {
            int32_t a0 = t->base, a1 = t->base;
            pair_row(x, t->pair[0], t->mid[0], &a0, &a1);
            pair_row(x + iw, t->pair[1], t->mid[1], &a0, &a1);
            pair_row(x + 2 * iw, t->pair[2], t->mid[2], &a0, &a1);
            out[0] = out8(a0, q, lo, hi);
            out[c] = out8(a1, q, lo, hi);
        }
    }
    for (; i < n; ++i, x += sw, out += c) {
        *out = out8(inner3x3(x, iw, t), q, lo, hi);
    }
}

/* Output channel `ch` of a 3x3 window, dilation 1, from its plane. */
static void plane3x3(const mcuc_depthwise_dsp_params *p, const int8_t *plane, int32_t ch, int8_t *out)
{
    const int32_t c = p->channels, lo = p->act_min, hi = p->act_max;
    const int32_t *q = p->packed + 4 * ch;
    const inner_span rows = inner_outputs(p->out_h, p->stride_h, p->pad_top, 3, p->in_h);
    const inner_span cols = inner_outputs(p->out_w, p->stride_w, p->pad_left, 3, p->in_w);
    weights3x3 t;
    int32_t oy, ox;
    load3x3(p, p->filter + ch, &t);
    for (oy = 0; oy < p->out_h; ++oy) {
        const int32_t iy0 = oy * p->stride_h - p->pad_top;
        int8_t *row = out + oy * p->out_w * c;
        const int inner = oy >= rows.lo && oy < rows.hi && cols.hi > cols.lo;
        for (ox = 0; ox < p->out_w; ++ox) {
            const int32_t ix0 = ox * p->stride_w - p->pad_left;
            if (inner && ox == cols.lo) {
                inner_row3x3(p, plane + iy0 * p->in_w + ix0, &t, q, cols.hi - cols.lo, row + ox * c);
                ox = cols.hi - 1;
            } else {
                row[ox * c] = out8(edge3x3(p, plane, &t, iy0, ix0), q, lo, hi);
            }
        }
    }
}

/* Output channel `ch` (stride: channels in `out`) from its input plane in `plane`, any window. */
static void plane_channel(const mcuc_depthwise_dsp_params *p, const int8_t *plane, int32_t ch, int8_t *out)
{
    const int32_t c = p->channels, taps = p->filter_h * p->filter_w, lo = p->act_min, hi = p->act_max;
    const int8_t *w = p->filter + ch;
    const int32_t *q = p->packed + 4 * ch;
    const inner_span rows = inner_outputs(p->out_h, p->stride_h, p->pad_top, (p->filter_h - 1) * p->dilation_h + 1,
                                          p->in_h);
    const inner_span cols = inner_outputs(p->out_w, p->stride_w, p->pad_left, (p->filter_w - 1) * p->dilation_w + 1,
                                          p->in_w);
    int32_t base = 0, t, oy, ox;
    for (t = 0; t < taps; ++t) {
        base += p->input_offset * (int32_t)w[t * c];
    }
    for (oy = 0; oy < p->out_h; ++oy) {
        const int32_t iy0 = oy * p->stride_h - p->pad_top;
        int8_t *row = out + oy * p->out_w * c;
        const int inner = oy >= rows.lo && oy < rows.hi;
        for (ox = 0; ox < p->out_w; ++ox) {
            const int32_t ix0 = ox * p->stride_w - p->pad_left;
            if (inner && ox >= cols.lo && ox < cols.hi) {
                row[ox * c] = out8(base + plane_inner(p, plane + iy0 * p->in_w + ix0, w), q, lo, hi);
            } else {
                row[ox * c] = out8(plane_edge(p, plane, w, iy0, ix0), q, lo, hi);
            }
        }
    }
}

mcuc_status mcuc_depthwise_inplace_s8_dsp(const mcuc_depthwise_dsp_params *p, const int8_t *input, int8_t *output,
                                          int8_t *scratch)
{
    const int32_t c = p->channels, in_pixels = p->in_h * p->in_w, out_pixels = p->out_h * p->out_w;
    const int fast = p->filter_h == 3 && p->filter_w == 3 && p->dilation_h == 1 && p->dilation_w == 1;
    int32_t b, ch, i;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *in_batch = input + b * in_pixels * c;
        int8_t *out_batch = output + b * out_pixels * c;
        for (ch = 0; ch < c; ++ch) {
            for (i = 0; i < in_pixels; ++i) {
                scratch[i] = in_batch[i * c + ch];
            }
            if (fast) {
                plane3x3(p, scratch, ch, out_batch + ch);
            } else {
                plane_channel(p, scratch, ch, out_batch + ch);
            }
        }
    }
    return MCUC_OK;
}

/* In place through a padded plane (mcuc_depthwise_inplace3x3_s8_dsp): every window inside. */

/* One channel's constants: the weight words, the epilogue words and the clamp bounds (lo, lo)
 * and (hi, hi) as halfword pairs. */
typedef struct {
    int32_t p0, p1, p2, m0, m1, m2;
    const int32_t *q;
    int32_t lo2, hi2;
} channel3x3;

/* Row r of one window at x: (x0, x2) meet (w0, w2) through SMLAD, x1 meets w1. */
static inline int32_t single_row(const int8_t *x, int32_t pair, int32_t mid, int32_t a)
{
    const int32_t v = mcuc_dsp_load32(x);
    return mcuc_smlabb(mcuc_sxtb16_ror8(v), mid, mcuc_smlad(mcuc_sxtb16(v), pair, a));
}

/* One window at x (bias excluded). */
static inline int32_t window3x3(const channel3x3 *k, const int8_t *x, int32_t pw)
{
    return single_row(x + 2 * pw, k->p2, k->m2, single_row(x + pw, k->p1, k->m1, single_row(x, k->p0, k->m0, 0)));
}

/* Accumulators a0 and a1 (bias excluded) requantized into the two halfwords, clamped. */
static inline int32_t out2(int32_t a0, int32_t a1, const channel3x3 *k)
{
    const int32_t *q = k->q;
    const int32_t t0 = mcuc_dsp_requant2(mcuc_dsp_u2i(2u * (uint32_t)a0 + (uint32_t)q[0]), q[1], q[2], q[3]);
    const int32_t t1 = mcuc_dsp_requant2(mcuc_dsp_u2i(2u * (uint32_t)a1 + (uint32_t)q[0]), q[1], q[2], q[3]);
    return mcuc_dsp_clamp16x2(mcuc_dsp_halves16(t0, t1), k->lo2, k->hi2);
}

/* One output row of one channel: n windows from x (stride sw, plane rows pw apart), outputs c
 * bytes apart from out. */
static void padded_row(const channel3x3 *k, const int8_t *x, int32_t pw, int32_t sw, int32_t n, int32_t c,
                       int8_t *out)
{
    int32_t i = 0;
    if (sw == 1) {
        for (; i + 2 <= n; i += 2, x += 2, out += 2 * c) {
            int32_t a0 = 0, a1 = 0, v;
            pair_row(x, k->p0, k->m0, &a0, &a1);
            pair_row(x + pw, k->p1, k->m1, &a0, &a1);
            pair_row(x + 2 * pw, k->p2, k->m2, &a0, &a1);
            v = out2(a0, a1, k);
            out[0] = (int8_t)v;
            out[c] = (int8_t)(v >> 16);
        }
    }
    for (; i < n; ++i, x += sw, out += c) {
        const int32_t a = window3x3(k, x, pw);
        *out = (int8_t)out2(a, a, k);
    }
}

/* One input channel (c channels apart, h x w pixels) into the plane rows pw apart at dst. */
static void copy_channel(const int8_t *src, int32_t c, int32_t h, int32_t w, int32_t pw, int8_t *dst)
{
    int32_t y, x;
    for (y = 0; y < h; ++y, dst += pw) {
        for (x = 0; x + 2 <= w; x += 2, src += 2 * c) {
            dst[x] = src[0];
            dst[x + 1] = src[c];
        }
        if (x < w) {
            dst[x] = *src;
            src += c;
        }
    }
}

/* Four input channels from src (c channels apart, h x w pixels) into four planes ps bytes apart,
 * rows pw apart from dst: one word per pixel, one byte into each plane. */
static void copy_block4(const int8_t *src, int32_t c, int32_t h, int32_t w, int32_t pw, int32_t ps, int8_t *dst)
{
    int32_t y, x;
    for (y = 0; y < h; ++y, dst += pw) {
        int8_t *d = dst;
        for (x = 0; x < w; ++x, src += c, ++d) {
            const uint32_t v = (uint32_t)mcuc_dsp_load32(src);
            d[0] = (int8_t)(uint8_t)v;
            d[ps] = (int8_t)(uint8_t)(v >> 8);
            d[2 * ps] = (int8_t)(uint8_t)(v >> 16);
            d[3 * ps] = (int8_t)(uint8_t)(v >> 24);
        }
    }
}

/* Output channel ch of one batch from its plane: the channel's words at `packed`. */
static void plane_channel3x3(const mcuc_depthwise3x3_dsp_params *p, channel3x3 *k, const int32_t *packed,
                             const int8_t *plane, int8_t *out)
{
    const int32_t pw = p->plane_w, sw = p->stride_w, n = p->out_w, c = p->channels;
    const int32_t out_row = n * c, rows = p->stride_h * pw;
    int32_t oy;
    k->p0 = packed[0];
    k->p1 = packed[1];
    k->p2 = packed[2];
    k->m0 = packed[3];
    k->m1 = packed[4];
    k->m2 = packed[5];
    k->q = packed + 6;
    for (oy = 0; oy < p->out_h; ++oy, plane += rows, out += out_row) {
        padded_row(k, plane, pw, sw, n, c, out);
    }
}

mcuc_status mcuc_depthwise_inplace3x3_s8_dsp(const mcuc_depthwise3x3_dsp_params *p, const int8_t *input,
                                             int8_t *output, int8_t *scratch)
{
    const int32_t c = p->channels, pw = p->plane_w, ps = p->plane_h * pw, in_h = p->in_h, in_w = p->in_w;
    const int32_t origin = p->pad_top * pw + p->pad_left;
    channel3x3 k;
    int32_t b, ch, i;
    k.lo2 = mcuc_dsp_halves16(p->act_min, p->act_min);
    k.hi2 = mcuc_dsp_halves16(p->act_max, p->act_max);
    memset(scratch, (int)(uint8_t)p->input_zp, (size_t)(p->block * ps + 4));
    for (b = 0; b < p->batches; ++b) {
        const int8_t *in_batch = input + b * in_h * in_w * c;
        int8_t *out_batch = output + b * p->out_h * p->out_w * c;
        for (ch = 0; p->block == 4 && ch + 4 <= c; ch += 4) {
            copy_block4(in_batch + ch, c, in_h, in_w, pw, ps, scratch + origin);
            for (i = 0; i < 4; ++i) {
                plane_channel3x3(p, &k, p->packed + 10 * (ch + i), scratch + i * ps, out_batch + ch + i);
            }
        }
        for (; ch < c; ++ch) {
            copy_channel(in_batch + ch, c, in_h, in_w, pw, scratch + origin);
            plane_channel3x3(p, &k, p->packed + 10 * ch, scratch, out_batch + ch);
        }
    }
    return MCUC_OK;
}

/* Any other window through the same padded planes (mcuc_depthwise_inplace_kxk_s8_dsp). */

/* Two windows at x0 and x1 (bias excluded): kh rows pw apart, groups of four taps, the weight
 * words from w; the sums in a[0] and a[1]. */
static inline void windows_kxk(const int8_t *x0, const int8_t *x1, const int32_t *w, int32_t kh, int32_t groups,
                               int32_t pw, int32_t *a)
{
    int32_t a0 = 0, a1 = 0, ky, g;
    for (ky = 0; ky < kh; ++ky, x0 += pw, x1 += pw) {
        for (g = 0; g < groups; ++g) {
            int32_t we, wo;
            const int32_t v0 = mcuc_dsp_load32(x0 + 4 * g), v1 = mcuc_dsp_load32(x1 + 4 * g);
            MCUC_DSP_LOAD2(w, we, wo);
            a0 = mcuc_smlad(mcuc_sxtb16_ror8(v0), wo, mcuc_smlad(mcuc_sxtb16(v0), we, a0));
            a1 = mcuc_smlad(mcuc_sxtb16_ror8(v1), wo, mcuc_smlad(mcuc_sxtb16(v1), we, a1));
        }
    }
    a[0] = a0;
    a[1] = a1;
}

/* Output channel ch of one batch from its plane: the channel's words at `packed`. */
static void plane_channel_kxk(const mcuc_depthwise_kxk_dsp_params *p, const int32_t *packed, const int8_t *plane,
                              int8_t *out)
{
    const int32_t pw = p->plane_w, sw = p->stride_w, n = p->out_w, c = p->channels, kh = p->filter_h;
    const int32_t groups = p->groups, rows = p->stride_h * pw, out_h = p->out_h;
    const int32_t *q = packed + 2 * kh * groups;
    channel3x3 k;
    int32_t oy, i, a[2];
    k.q = q;
    k.lo2 = mcuc_dsp_halves16(p->act_min, p->act_min);
    k.hi2 = mcuc_dsp_halves16(p->act_max, p->act_max);
    for (oy = 0; oy < out_h; ++oy, plane += rows) {
        const int8_t *x = plane;
        int8_t *o = out + oy * n * c;
        for (i = 0; i + 2 <= n; i += 2, x += 2 * sw, o += 2 * c) {
            int32_t v;
            windows_kxk(x, x + sw, packed, kh, groups, pw, a);
            v = out2(a[0], a[1], &k);
            o[0] = (int8_t)v;
            o[c] = (int8_t)(v >> 16);
        }
        if (i < n) {
            windows_kxk(x, x, packed, kh, groups, pw, a);
            *o = (int8_t)out2(a[0], a[0], &k);
        }
    }
}

mcuc_status mcuc_depthwise_inplace_kxk_s8_dsp(const mcuc_depthwise_kxk_dsp_params *p, const int8_t *input,
                                              int8_t *output, int8_t *scratch)
{
    const int32_t c = p->channels, pw = p->plane_w, ps = p->plane_h * pw, in_h = p->in_h, in_w = p->in_w;
    const int32_t origin = p->pad_top * pw + p->pad_left, words = 2 * p->filter_h * p->groups + 4;
    int32_t b, ch, i;
    memset(scratch, (int)(uint8_t)p->input_zp, (size_t)(p->block * ps + 4));
    for (b = 0; b < p->batches; ++b) {
        const int8_t *in_batch = input + b * in_h * in_w * c;
        int8_t *out_batch = output + b * p->out_h * p->out_w * c;
        for (ch = 0; p->block == 4 && ch + 4 <= c; ch += 4) {
            copy_block4(in_batch + ch, c, in_h, in_w, pw, ps, scratch + origin);
            for (i = 0; i < 4; ++i) {
                plane_channel_kxk(p, p->packed + words * (ch + i), scratch + i * ps, out_batch + ch + i);
            }
        }
        for (; ch < c; ++ch) {
            copy_channel(in_batch + ch, c, in_h, in_w, pw, scratch + origin);
            plane_channel_kxk(p, p->packed + words * ch, scratch, out_batch + ch);
        }
    }
    return MCUC_OK;
}
