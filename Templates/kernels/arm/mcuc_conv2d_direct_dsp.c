/* mcuc runtime: k x k CONV_2D on cores with the DSP extension without im2col scratch (see
 * mcuc_conv2d.h): each output pixel's window is read in place where it lies inside the input
 * (assembled in a stack buffer at the borders), four output channels per block with SMLAD over
 * weight words, requantization fused (mcuc_dsp_requant2). */
#include "mcuc_conv2d.h"
#include "mcuc_dsp.h"

/* mcuc_conv2d_direct_s8_dsp: one output pixel's window rows ky0..ky1-1 (those inside the input),
 * row ky0 at x, the next `step` bytes further; a full word may be read at r when end - r >= 4. */
typedef struct {
    const int8_t *x, *end;
    int32_t step, ky0, ky1;
} mcuc_direct_window;

/* The window of output pixel (oy, ox): in place, or, when some column lies outside the input,
 * its rows assembled in buf (input_zp outside, each row zero-padded to whole words). */
static void direct_window(const mcuc_conv2d_direct_dsp_params *p, const int8_t *in, int32_t oy, int32_t ox,
                          mcuc_direct_window *w, int8_t *buf)
{
    const int32_t dh = p->dilation_h, c = p->in_c, line = p->in_w * c, padded = 4 * p->row_groups;
    const int32_t iy0 = oy * p->stride_h - p->pad_top, ix0 = ox * p->stride_w - p->pad_left;
    int32_t ky, kx, i, ky1 = p->in_h > iy0 ? (p->in_h - iy0 + dh - 1) / dh : 0;
    w->ky0 = iy0 < 0 ? (dh - 1 - iy0) / dh : 0;
    w->ky1 = ky1 > p->filter_h ? p->filter_h : (ky1 < w->ky0 ? w->ky0 : ky1);
    if (ix0 >= 0 && ix0 + p->filter_w <= p->in_w) {
        w->x = in + (iy0 + w->ky0 * dh) * line + ix0 * c;
        w->end = in + p->in_h * line;
        w->step = dh * line;
        return;
    }
    for (ky = w->ky0; ky < w->ky1; ++ky) {
        const int8_t *row = in + (iy0 + ky * dh) * line;
        int8_t *dst = buf + (ky - w->ky0) * padded;
        for (kx = 0; kx < p->filter_w; ++kx) {
            const int32_t ix = ix0 + kx, inside = ix >= 0 && ix < p->in_w;
            for (i = 0; i < c; ++i) {
                dst[kx * c + i] = inside ? row[ix * c + i] : (int8_t)p->input_zp;
            }
        }
        for (i = p->filter_w * c; i < padded; ++i) {
            dst[i] = 0;
        }
    }
    w->x = buf;
    w->end = buf + (w->ky1 - w->ky0) * padded;
    w->step = padded;
}

/* Input word xv against the block's four channels: two weight words (values 0 and 2, 1 and 3 of
 * the group, doubled int16) per channel at wp. */
#define MCUC_DIRECT_GROUP(xv)                                                 \
    do {                                                                      \
        const int32_t xe = mcuc_sxtb16(xv), xo = mcuc_sxtb16_ror8(xv);        \
        int32_t we, wo;                                                       \
        MCUC_DSP_LOAD2(wp, we, wo);                                           \
        c0 = mcuc_smlad(xe, we, c0);                                          \
        c0 = mcuc_smlad(xo, wo, c0);                                          \
        MCUC_DSP_LOAD2(wp, we, wo);                                           \
        c1 = mcuc_smlad(xe, we, c1);                                          \
        c1 = mcuc_smlad(xo, wo, c1);                                          \
        MCUC_DSP_LOAD2(wp, we, wo);                                           \
        c2 = mcuc_smlad(xe, we, c2);                                          \
        c2 = mcuc_smlad(xo, wo, c2);                                          \
        MCUC_DSP_LOAD2(wp, we, wo);                                           \
        c3 = mcuc_smlad(xe, we, c3);                                          \
        c3 = mcuc_smlad(xo, wo, c3);                                          \
    } while (0)

/* Outputs ch.. (up to 4) of one pixel from the doubled sums acc and the block's 12 epilogue
 * words e, adding the terms of the window rows outside the input. */
static void direct_finish(const mcuc_conv2d_direct_dsp_params *p, const mcuc_direct_window *w, const int32_t *e,
                          int32_t ch, const int32_t *acc, int8_t *out)
{
    const int32_t kh = p->filter_h, skipped = w->ky0 > 0 || w->ky1 < kh;
    int32_t r, ky;
    for (r = 0; r < 4 && ch + r < p->out_c; ++r, e += 3) {
        uint32_t a = (uint32_t)acc[r];
        if (skipped) {
            const int32_t *f = p->row_fix + (ch + r) * kh;
            for (ky = 0; ky < w->ky0; ++ky) {
                a += (uint32_t)f[ky];
            }
            for (ky = w->ky1; ky < kh; ++ky) {
                a += (uint32_t)f[ky];
            }
        }
        out[ch + r] = (int8_t)mcuc_dsp_clamp(mcuc_dsp_requant2(mcuc_dsp_u2i(a), e[0], e[1], e[2]), p->act_min, p->act_max);
    }
}

/* Output channels ch..ch+3 of one pixel (window w) from the block's packed words q, window rows
 * of 4 * full + rest bytes; returns the next block's words. */
static inline __attribute__((always_inline)) const int32_t *
direct_block(const mcuc_conv2d_direct_dsp_params *p, const mcuc_direct_window *w, const int32_t *q, int32_t ch,
             int8_t *out, int32_t full, int32_t rest)
{
    const int32_t block = 8 * p->filter_h * p->row_groups;
    const uint32_t mask = 0xffffffffu >> (8 * (4 - rest) & 31);
    const int32_t *wp = q + 4 + 8 * p->row_groups * w->ky0;
    const int8_t *x = w->x;
    int32_t c0 = q[0], c1 = q[1], c2 = q[2], c3 = q[3], ky, g, acc[4];
    for (ky = w->ky0; ky < w->ky1; ++ky, x += w->step) {
        const int8_t *r = x;
        for (g = 0; g < full; ++g, r += 4) {
            const int32_t xv = mcuc_dsp_load32(r);
            MCUC_DIRECT_GROUP(xv);
        }
        if (rest) {
            const int32_t xv = w->end - r >= 4 ? mcuc_dsp_u2i((uint32_t)mcuc_dsp_load32(r) & mask) : mcuc_dsp_tail_word(r, rest);
            MCUC_DIRECT_GROUP(xv);
        }
    }
    acc[0] = c0;
    acc[1] = c1;
    acc[2] = c2;
    acc[3] = c3;
    direct_finish(p, w, q + 4 + block, ch, acc, out);
    return q + 16 + block;
}

/* direct_block for rows of whole words (no tail: fewer registers live in the row loop). */
static __attribute__((noinline)) const int32_t *direct_block_words(const mcuc_conv2d_direct_dsp_params *p,
                                                                   const mcuc_direct_window *w, const int32_t *q,
                                                                   int32_t ch, int8_t *out)
{
    return direct_block(p, w, q, ch, out, p->filter_w * p->in_c >> 2, 0);
}

/* direct_block for rows that end with 1-3 bytes. */
static __attribute__((noinline)) const int32_t *direct_block_tail(const mcuc_conv2d_direct_dsp_params *p,
                                                                  const mcuc_direct_window *w, const int32_t *q,
                                                                  int32_t ch, int8_t *out)
{
    const int32_t bytes = p->filter_w * p->in_c;
    return direct_block(p, w, q, ch, out, bytes >> 2, bytes & 3);
}

mcuc_status mcuc_conv2d_direct_s8_dsp(const mcuc_conv2d_direct_dsp_params *p, const int8_t *input, int8_t *output)
{
    const int32_t whole = ((p->filter_w * p->in_c) & 3) == 0;
    int8_t buf[MCUC_CONV_DIRECT_MAX_WINDOW];
    mcuc_direct_window w;
    int32_t b, oy, ox, ch;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *in = input + b * p->in_h * p->in_w * p->in_c;
        for (oy = 0; oy < p->out_h; ++oy) {
            for (ox = 0; ox < p->out_w; ++ox, output += p->out_c) {
                const int32_t *q = p->packed;
                direct_window(p, in, oy, ox, &w, buf);
                for (ch = 0; ch < p->out_c; ch += 4) {
                    q = whole ? direct_block_words(p, &w, q, ch, output) : direct_block_tail(p, &w, q, ch, output);
                }
            }
        }
    }
    return MCUC_OK;
}
