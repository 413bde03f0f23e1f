/* mcuc runtime: the in-place DEPTHWISE_CONV_2D through padded planes on cores with the DSP
 * extension (mcuc_depthwise_inplace3x3_s8_dsp, mcuc_depthwise_inplace_kxk_s8_dsp, see
 * mcuc_depthwise.h): every window lies inside its plane, so rows run without bounds checks. */
#include "mcuc_depthwise.h"
#include "mcuc_dsp.h"

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
            mcuc_dsp_pair_row(x, k->p0, k->m0, &a0, &a1);
            mcuc_dsp_pair_row(x + pw, k->p1, k->m1, &a0, &a1);
            mcuc_dsp_pair_row(x + 2 * pw, k->p2, k->m2, &a0, &a1);
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
