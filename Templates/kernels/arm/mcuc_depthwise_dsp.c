/* mcuc runtime: DEPTHWISE_CONV_2D with depth multiplier 1 on cores with the DSP extension, four
 * channels at a time (see mcuc_depthwise.h). Each tap loads four inputs as one word and the
 * block's weights as two words of halfwords packed at compile time; SXTAB16 adds the input offset
 * to two lanes at once, SMLABB/SMLATT accumulate, the four outputs go out as one word (which lets
 * the same kernel run in place in pixel order). The in-place plane variants are in
 * mcuc_depthwise_inplace_dsp.c and mcuc_depthwise_inplace_padded_dsp.c. */
#include "mcuc_depthwise.h"
#include "mcuc_dsp.h"

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
        t->ky0 = mcuc_dsp_first_tap(iy0, p->dilation_h);
        t->ky1 = mcuc_dsp_end_tap(iy0, p->dilation_h, p->in_h, p->filter_h);
    }
    if (ix0 >= 0 && ix0 + (fw - 1) * p->dilation_w < p->in_w) {
        t->kx0 = 0;
        t->kx1 = fw;
    } else {
        t->kx0 = mcuc_dsp_first_tap(ix0, p->dilation_w);
        t->kx1 = mcuc_dsp_end_tap(ix0, p->dilation_w, p->in_w, fw);
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
