/* mcuc runtime: DEPTHWISE_CONV_2D with depth multiplier 1 on cores with the DSP extension, four
 * channels at a time (see mcuc_depthwise.h). Each tap loads four inputs and four weights as one
 * word each; SXTAB16 adds the input offset to two lanes at once, SMLABB/SMLATT accumulate. */
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

/* The taps of a window: rows [ky0, ky1), columns [kx0, kx1), the first input and weight bytes. */
typedef struct {
    int32_t ky0, ky1, kx0, kx1;
    const int8_t *x, *w;
} window_taps;

/* Channels ch..ch+3 of one window: four accumulators. */
static inline void mac4(const mcuc_depthwise_dsp_params *p, const window_taps *t, int32_t ch, int32_t off2,
                        int32_t *a)
{
    const int32_t c = p->channels, xstep = p->dilation_w * c, ystep = p->dilation_h * p->in_w * c;
    const int32_t wrow = p->filter_w * c;
    const int8_t *xr = t->x + ch, *wr = t->w + ch;
    int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0, ky, kx;
    for (ky = t->ky0; ky < t->ky1; ++ky, xr += ystep, wr += wrow) {
        const int8_t *xp = xr, *wp = wr;
        for (kx = t->kx0; kx < t->kx1; ++kx, xp += xstep, wp += c) {
            const int32_t xv = mcuc_dsp_load32(xp), wv = mcuc_dsp_load32(wp);
            const int32_t x02 = mcuc_sxtab16(off2, xv), x13 = mcuc_sxtab16_ror8(off2, xv);
            const int32_t w02 = mcuc_sxtb16(wv), w13 = mcuc_sxtb16_ror8(wv);
            a0 = mcuc_smlabb(x02, w02, a0);
            a2 = mcuc_smlatt(x02, w02, a2);
            a1 = mcuc_smlabb(x13, w13, a1);
            a3 = mcuc_smlatt(x13, w13, a3);
        }
    }
    a[0] = a0;
    a[1] = a1;
    a[2] = a2;
    a[3] = a3;
}

/* One channel of one window (the last in_c % 4 channels). */
static inline int32_t mac1(const mcuc_depthwise_dsp_params *p, const window_taps *t, int32_t ch)
{
    const int32_t c = p->channels, xstep = p->dilation_w * c, ystep = p->dilation_h * p->in_w * c;
    const int8_t *xr = t->x + ch, *wr = t->w + ch;
    int32_t a = 0, ky, kx;
    for (ky = t->ky0; ky < t->ky1; ++ky, xr += ystep, wr += p->filter_w * c) {
        const int8_t *xp = xr, *wp = wr;
        for (kx = t->kx0; kx < t->kx1; ++kx, xp += xstep, wp += c) {
            a += ((int32_t)*xp + p->input_offset) * (int32_t)*wp;
        }
    }
    return a;
}

/* Every channel of the output pixel whose window starts at input (iy0, ix0). */
static void pixel(const mcuc_depthwise_dsp_params *p, const int8_t *in, int32_t iy0, int32_t ix0, int8_t *out)
{
    const int32_t c = p->channels, lo = p->act_min, hi = p->act_max;
    const int32_t off2 = mcuc_dsp_u2i(((uint32_t)p->input_offset & 0xffffu) * 0x10001u);
    const int32_t *q = p->packed;
    window_taps t;
    int32_t ch = 0, a[4];
    t.ky0 = first_tap(iy0, p->dilation_h);
    t.ky1 = end_tap(iy0, p->dilation_h, p->in_h, p->filter_h);
    t.kx0 = first_tap(ix0, p->dilation_w);
    t.kx1 = end_tap(ix0, p->dilation_w, p->in_w, p->filter_w);
    t.x = in + ((iy0 + t.ky0 * p->dilation_h) * p->in_w + ix0 + t.kx0 * p->dilation_w) * c;
    t.w = p->filter + (t.ky0 * p->filter_w + t.kx0) * c;
    for (; ch + 4 <= c; ch += 4, q += 16) {
        mac4(p, &t, ch, off2, a);
        out[ch] = out8(a[0], q, lo, hi);
        out[ch + 1] = out8(a[1], q + 4, lo, hi);
        out[ch + 2] = out8(a[2], q + 8, lo, hi);
        out[ch + 3] = out8(a[3], q + 12, lo, hi);
    }
    for (; ch < c; ++ch, q += 4) {
        out[ch] = out8(mac1(p, &t, ch), q, lo, hi);
    }
}

mcuc_status mcuc_depthwise_s8_dsp(const mcuc_depthwise_dsp_params *p, const int8_t *input, int8_t *output)
{
    int32_t b, oy, ox;
    for (b = 0; b < p->batches; ++b) {
        for (oy = 0; oy < p->out_h; ++oy) {
            for (ox = 0; ox < p->out_w; ++ox) {
                pixel(p, input, oy * p->stride_h - p->pad_top, ox * p->stride_w - p->pad_left, output);
                output += p->channels;
            }
        }
        input += p->in_h * p->in_w * p->channels;
    }
    return MCUC_OK;
}
