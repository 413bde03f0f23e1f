/* mcuc runtime: the in-place DEPTHWISE_CONV_2D on cores with the DSP extension
 * (mcuc_depthwise_inplace_s8_dsp, see mcuc_depthwise.h), one channel plane at a time from the
 * scratch: windows inside the plane skip the bounds checks (the input offset's share added once),
 * 3x3 windows keep their weights in registers, and both use the same exact fused epilogue. */
#include "mcuc_depthwise.h"
#include "mcuc_dsp.h"

/* acc (bias excluded) requantized with channel words q = {2 bias, m, round, e}, clamped. */
static inline int8_t out8(int32_t acc, const int32_t *q, int32_t lo, int32_t hi)
{
    int32_t v = mcuc_dsp_requant2(mcuc_dsp_u2i(2u * (uint32_t)acc + (uint32_t)q[0]), q[1], q[2], q[3]);
    v = v < lo ? lo : v;
    return (int8_t)(v > hi ? hi : v);
}

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
    const int32_t ky0 = mcuc_dsp_first_tap(iy0, p->dilation_h), ky1 = mcuc_dsp_end_tap(iy0, p->dilation_h, p->in_h, p->filter_h);
    const int32_t kx0 = mcuc_dsp_first_tap(ix0, p->dilation_w), kx1 = mcuc_dsp_end_tap(ix0, p->dilation_w, p->in_w, p->filter_w);
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

/* The n inner outputs of one row from window start x (stride `sw`); two at a time at stride 1. */
static void inner_row3x3(const mcuc_depthwise_dsp_params *p, const int8_t *x, const weights3x3 *t, const int32_t *q,
                         int32_t n, int8_t *out)
{
    const int32_t c = p->channels, iw = p->in_w, sw = p->stride_w, lo = p->act_min, hi = p->act_max;
    int32_t i = 0;
    if (sw == 1) {
        for (; i + 2 <= n; i += 2, x += 2, out += 2 * c) {
            int32_t a0 = t->base, a1 = t->base;
            mcuc_dsp_pair_row(x, t->pair[0], t->mid[0], &a0, &a1);
            mcuc_dsp_pair_row(x + iw, t->pair[1], t->mid[1], &a0, &a1);
            mcuc_dsp_pair_row(x + 2 * iw, t->pair[2], t->mid[2], &a0, &a1);
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
