/* mcuc runtime: the DSP GEMM of 1x1 CONV_2D and FULLY_CONNECTED, and k x k CONV_2D through a
 * partial im2col into the same GEMM (see mcuc_conv2d.h for the packed layout and the loop
 * orders). Two output channels share each weight word (SMLAD), one or two rows share each
 * column word; requantization is fused (mcuc_dsp_requant2). */
#include "mcuc_conv2d.h"
#include "mcuc_dsp.h"

/* The last 1-3 values of a row as one little-endian word, zero-filled. */
static int32_t tail_word(const int8_t *x, int32_t n)
{
    uint32_t w = 0;
    int32_t i;
    for (i = 0; i < n; ++i) {
        w |= (uint32_t)(uint8_t)x[i] << (8 * i);
    }
    return mcuc_dsp_u2i(w);
}

/* Four int8 values as doubled int16 pairs: *e = (2x0, 2x2), *o = (2x1, 2x3); *s += their sum. */
static inline void pack_word(int32_t w, int32_t *e, int32_t *o, int32_t *s)
{
    int32_t lo = mcuc_sxtb16(w), hi = mcuc_sxtb16_ror8(w);
    lo = mcuc_sadd16(lo, lo);
    hi = mcuc_sadd16(hi, hi);
    *s = mcuc_smlad(lo, 0x00010001, *s);
    *s = mcuc_smlad(hi, 0x00010001, *s);
    *e = lo;
    *o = hi;
}

/* Packs `n` rows (1 or 2) of `k` values into `cols`: per group of 4 values, the n even words then
 * the n odd words. t[r] = 128 * (sum of row r's doubled values), modulo 2^32. */
static void pack_rows(const int8_t *const *x, int32_t n, int32_t k, int32_t *cols, int32_t *t)
{
    const int32_t full = k >> 2, rest = k & 3;
    int32_t r, g;
    for (r = 0; r < n; ++r) {
        const int8_t *row = x[r];
        int32_t *c = cols + r, s = 0;
        for (g = 0; g < full; ++g) {
            pack_word(mcuc_dsp_load32(row), &c[0], &c[n], &s);
            row += 4;
            c += 2 * n;
        }
        if (rest) {
            pack_word(tail_word(row, rest), &c[0], &c[n], &s);
        }
        t[r] = mcuc_dsp_u2i((uint32_t)s * 128u);
    }
}

static inline int32_t clamp_act(int32_t r, int32_t lo, int32_t hi)
{
    r = r < lo ? lo : r;
    return r > hi ? hi : r;
}

/* One group of four values (two weight words) for one channel pair and two rows: c0/c1 get
 * the low-byte products (channel 0 + 128, channel 1 * 256), b0/b1 channel 1 alone. */
#define MCUC_GEMM2_GROUP()                   \
    do {                                     \
        int32_t we, wo, e0, e1, o0, o1;      \
        MCUC_DSP_LOAD2(w, we, wo);           \
        MCUC_DSP_LOAD2(x, e0, e1);           \
        MCUC_DSP_LOAD2(x, o0, o1);           \
        c0 = mcuc_smlad(e0, we, c0);         \
        c1 = mcuc_smlad(e1, we, c1);         \
        we = mcuc_sxtb16_ror8(we);           \
        b0 = mcuc_smlad(e0, we, b0);         \
        b1 = mcuc_smlad(e1, we, b1);         \
        c0 = mcuc_smlad(o0, wo, c0);         \
        c1 = mcuc_smlad(o1, wo, c1);         \
        wo = mcuc_sxtb16_ror8(wo);           \
        b0 = mcuc_smlad(o0, wo, b0);         \
        b1 = mcuc_smlad(o1, wo, b1);         \
    } while (0)

/* The same for one row. */
#define MCUC_GEMM1_GROUP()                   \
    do {                                     \
        int32_t we, wo, e0, o0;              \
        MCUC_DSP_LOAD2(w, we, wo);           \
        MCUC_DSP_LOAD2(x, e0, o0);           \
        c0 = mcuc_smlad(e0, we, c0);         \
        we = mcuc_sxtb16_ror8(we);           \
        b0 = mcuc_smlad(e0, we, b0);         \
        c0 = mcuc_smlad(o0, wo, c0);         \
        wo = mcuc_sxtb16_ror8(wo);           \
        b0 = mcuc_smlad(o0, wo, b0);         \
    } while (0)

/* All groups for one channel pair and `n` rows (1 or 2), accumulators in registers: an odd
 * first group, then two per iteration. */
static inline __attribute__((always_inline)) const int32_t *
mac_rows(const int32_t *w, const int32_t *x, int32_t groups, int32_t n, int32_t *c, int32_t *b)
{
    const int32_t *const end = w + 2 * groups;
    int32_t c0 = c[0], b0 = b[0], c1 = n == 2 ? c[1] : 0, b1 = n == 2 ? b[1] : 0;
    if (n == 2) {
        if (groups & 1) {
            MCUC_GEMM2_GROUP();
        }
        while (w != end) {
            MCUC_GEMM2_GROUP();
            MCUC_GEMM2_GROUP();
        }
        c[1] = c1;
        b[1] = b1;
    } else {
        if (groups & 1) {
            MCUC_GEMM1_GROUP();
        }
        while (w != end) {
            MCUC_GEMM1_GROUP();
            MCUC_GEMM1_GROUP();
        }
    }
    c[0] = c0;
    b[0] = b0;
    return w;
}

/* Every channel pair for `n` rows (1 or 2) from packed columns `cols` (t: pack_rows' sums). */
static inline __attribute__((always_inline)) void
gemm_rows(const mcuc_gemm_dsp_params *p, const int32_t *cols, const int32_t *t, int32_t n, int8_t *out)
{
    const int32_t *q = p->packed;
    const int32_t lo = p->act_min, hi = p->act_max, units = p->out_c;
    int32_t ch, r;
    for (ch = 0; ch < units; ch += 2) {
        int32_t acc[6];
        int32_t *const c = acc, *const b = acc + 3;
        for (r = 0; r < n; ++r) {
            c[r] = mcuc_dsp_u2i((uint32_t)q[0] - (uint32_t)t[r]);
            b[r] = q[1];
        }
        q = mac_rows(q + 2, cols, p->groups, n, c, b);
        for (r = 0; r < n; ++r) {
            const int32_t acc0 = mcuc_dsp_u2i((uint32_t)c[r] - ((uint32_t)b[r] << 8));
            out[r * units + ch] = (int8_t)clamp_act(mcuc_dsp_requant2(acc0, q[0], q[1], q[2]), lo, hi);
            if (ch + 1 < units) {
                out[r * units + ch + 1] = (int8_t)clamp_act(mcuc_dsp_requant2(b[r], q[3], q[4], q[5]), lo, hi);
            }
        }
        q += 6;
    }
}

static __attribute__((noinline)) void gemm2(const mcuc_gemm_dsp_params *p, const int32_t *cols, const int32_t *t,
                                            int8_t *out)
{
    gemm_rows(p, cols, t, 2, out);
}

static __attribute__((noinline)) void gemm1(const mcuc_gemm_dsp_params *p, const int32_t *cols, const int32_t *t,
                                            int8_t *out)
{
    gemm_rows(p, cols, t, 1, out);
}

/* One group of the direct one-row GEMM: input word xv against two weight words. */
#define MCUC_GEMM1_DIRECT_GROUP(xv)                          \
    do {                                                     \
        const int32_t e0 = mcuc_sxtb16(xv), o0 = mcuc_sxtb16_ror8(xv); \
        int32_t we, wo;                                      \
        MCUC_DSP_LOAD2(w, we, wo);                           \
        c0 = mcuc_smlad(e0, we, c0);                         \
        we = mcuc_sxtb16_ror8(we);                           \
        b0 = mcuc_smlad(e0, we, b0);                         \
        c0 = mcuc_smlad(o0, wo, c0);                         \
        wo = mcuc_sxtb16_ror8(wo);                           \
        b0 = mcuc_smlad(o0, wo, b0);                         \
    } while (0)

mcuc_status mcuc_gemm1_s8_dsp(const mcuc_gemm_dsp_params *p, const int8_t *input, int8_t *output)
{
    const int32_t k = p->depth, full = k >> 2, rest = k & 3, lo = p->act_min, hi = p->act_max;
    const int32_t last = rest ? tail_word(input + 4 * full, rest) : 0;
    const int32_t *w = p->packed;
    int32_t ch, g, s = 0;
    uint32_t t;
    for (g = 0; g < full; ++g) {
        const int32_t xv = mcuc_dsp_load32(input + 4 * g);
        s = mcuc_smlad(mcuc_sxtb16(xv), 0x00010001, s);
        s = mcuc_smlad(mcuc_sxtb16_ror8(xv), 0x00010001, s);
    }
    s = mcuc_smlad(mcuc_sxtb16(last), 0x00010001, s);
    s = mcuc_smlad(mcuc_sxtb16_ror8(last), 0x00010001, s);
    t = 128u * (uint32_t)s;
    for (ch = 0; ch < p->out_c; ch += 2) {
        const int32_t c_init = w[0], b_init = w[1];
        int32_t c0 = 0, b0 = 0, acc0, acc1;
        w += 2;
        for (g = 0; g < full; ++g) {
            const int32_t xv = mcuc_dsp_load32(input + 4 * g);
            MCUC_GEMM1_DIRECT_GROUP(xv);
        }
        if (rest) {
            MCUC_GEMM1_DIRECT_GROUP(last);
        }
        /* The packed words expect doubled columns: double the sums here instead. */
        acc1 = mcuc_dsp_u2i((uint32_t)b_init + 2u * (uint32_t)b0);
        acc0 = mcuc_dsp_u2i((uint32_t)c_init + 2u * ((uint32_t)c0 - t) - ((uint32_t)acc1 << 8));
        output[ch] = (int8_t)clamp_act(mcuc_dsp_requant2(acc0, w[0], w[1], w[2]), lo, hi);
        if (ch + 1 < p->out_c) {
            output[ch + 1] = (int8_t)clamp_act(mcuc_dsp_requant2(acc1, w[3], w[4], w[5]), lo, hi);
        }
        w += 6;
    }
    return MCUC_OK;
}

mcuc_status mcuc_gemm_s8_dsp(const mcuc_gemm_dsp_params *p, const int8_t *input, int8_t *output, void *scratch_bytes)
{
    int32_t *const scratch = (int32_t *)scratch_bytes;
    const int32_t k = p->depth, units = p->out_c;
    int32_t row = 0, t[2];
    const int8_t *x[2];
    for (; row + 2 <= p->rows; row += 2) {
        x[0] = input + row * k;
        x[1] = x[0] + k;
        pack_rows(x, 2, k, scratch, t);
        gemm2(p, scratch, t, output + row * units);
    }
    if (row < p->rows) {
        x[0] = input + row * k;
        pack_rows(x, 1, k, scratch, t);
        gemm1(p, scratch, t, output + row * units);
    }
    return MCUC_OK;
}

/* The window of output pixel (oy, ox) as one im2col row (ky, kx, channel order, like the
 * filter); taps outside the input hold the input zero point, which the bias already cancels. */
static void im2col_row(const mcuc_conv2d_dsp_params *p, const int8_t *in, int32_t oy, int32_t ox, int8_t *row)
{
    const int32_t c = p->in_c, iy0 = oy * p->stride_h - p->pad_top, ix0 = ox * p->stride_w - p->pad_left;
    const int32_t whole = p->dilation_w == 1 && ix0 >= 0 && ix0 + p->filter_w <= p->in_w;
    int32_t ky, kx;
    for (ky = 0; ky < p->filter_h; ++ky) {
        const int32_t iy = iy0 + ky * p->dilation_h;
        if (iy < 0 || iy >= p->in_h) {
            memset(row, (uint8_t)p->input_zp, (size_t)(p->filter_w * c));
            row += p->filter_w * c;
            continue;
        }
        if (whole) {
            memcpy(row, in + (iy * p->in_w + ix0) * c, (size_t)(p->filter_w * c));
            row += p->filter_w * c;
            continue;
        }
        for (kx = 0; kx < p->filter_w; ++kx, row += c) {
            const int32_t ix = ix0 + kx * p->dilation_w;
            if (ix < 0 || ix >= p->in_w) {
                memset(row, (uint8_t)p->input_zp, (size_t)c);
            } else {
                memcpy(row, in + (iy * p->in_w + ix) * c, (size_t)c);
            }
        }
    }
}

mcuc_status mcuc_conv2d_s8_dsp(const mcuc_conv2d_dsp_params *p, const int8_t *input, int8_t *output, void *scratch)
{
    const int32_t k = p->depth, stride = (k + 3) & ~3, pixels = p->out_h * p->out_w;
    int8_t *const rows = (int8_t *)scratch;
    int32_t *const cols = (int32_t *)(void *)(rows + (pixels < 2 ? pixels : 2) * stride);
    mcuc_gemm_dsp_params g;
    int32_t b, px, t[2];
    const int8_t *x[2];
    g.rows = 0;
    g.depth = k;
    g.out_c = p->out_c;
    g.groups = p->groups;
    g.act_min = p->act_min;
    g.act_max = p->act_max;
    g.packed = p->packed;
    x[0] = rows;
    x[1] = rows + stride;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *in = input + b * p->in_h * p->in_w * p->in_c;
        for (px = 0; px < pixels; px += 2) {
            const int32_t n = pixels - px < 2 ? pixels - px : 2;
            int32_t r;
            for (r = 0; r < n; ++r) {
                im2col_row(p, in, (px + r) / p->out_w, (px + r) % p->out_w, rows + r * stride);
            }
            pack_rows(x, n, k, cols, t);
            if (n == 2) {
                gemm2(&g, cols, t, output);
            } else {
                gemm1(&g, cols, t, output);
            }
            output += n * p->out_c;
        }
    }
    return MCUC_OK;
}

/* mcuc_conv2d_direct_s8_dsp: one output pixel's window. Rows ky0..ky1-1 lie inside the input;
 * `edge` when some column does not (its rows are then assembled with input_zp there). */
typedef struct {
    const int8_t *in;
    int32_t iy0, ix0, ky0, ky1, edge;
    uint32_t t; /* 128 * the sum of the values the window's rows hold */
} mcuc_direct_window;

/* Window row ky of w: in place, or assembled in buf (input_zp outside the input's columns). */
static inline const int8_t *window_row(const mcuc_conv2d_direct_dsp_params *p, const mcuc_direct_window *w,
                                       int32_t ky, int8_t *buf)
{
    const int32_t c = p->in_c;
    const int8_t *line = w->in + (w->iy0 + ky * p->dilation_h) * p->in_w * c;
    int32_t kx, i;
    if (!w->edge) {
        return line + w->ix0 * c;
    }
    for (kx = 0; kx < p->filter_w; ++kx) {
        const int32_t ix = w->ix0 + kx, inside = ix >= 0 && ix < p->in_w;
        for (i = 0; i < c; ++i) {
            buf[kx * c + i] = inside ? line[ix * c + i] : (int8_t)p->input_zp;
        }
    }
    return buf;
}

/* The sum of `full` words then `rest` bytes at x, modulo 2^32. */
static uint32_t row_sum(const int8_t *x, int32_t full, int32_t rest)
{
    int32_t s = 0, g, xv;
    for (g = 0; g < full; ++g, x += 4) {
        xv = mcuc_dsp_load32(x);
        s = mcuc_smlad(mcuc_sxtb16(xv), 0x00010001, s);
        s = mcuc_smlad(mcuc_sxtb16_ror8(xv), 0x00010001, s);
    }
    if (rest) {
        xv = tail_word(x, rest);
        s = mcuc_smlad(mcuc_sxtb16(xv), 0x00010001, s);
        s = mcuc_smlad(mcuc_sxtb16_ror8(xv), 0x00010001, s);
    }
    return (uint32_t)s;
}

static void window_at(const mcuc_conv2d_direct_dsp_params *p, const int8_t *in, int32_t oy, int32_t ox,
                      mcuc_direct_window *w)
{
    const int32_t dh = p->dilation_h, bytes = p->filter_w * p->in_c;
    int8_t buf[MCUC_CONV_DIRECT_MAX_ROW];
    uint32_t s = 0;
    int32_t ky;
    w->in = in;
    w->iy0 = oy * p->stride_h - p->pad_top;
    w->ix0 = ox * p->stride_w - p->pad_left;
    w->ky0 = w->iy0 < 0 ? (dh - 1 - w->iy0) / dh : 0;
    w->ky1 = p->in_h > w->iy0 ? (p->in_h - w->iy0 + dh - 1) / dh : 0;
    w->ky1 = w->ky1 > p->filter_h ? p->filter_h : (w->ky1 < w->ky0 ? w->ky0 : w->ky1);
    w->edge = w->ix0 < 0 || w->ix0 + p->filter_w > p->in_w;
    for (ky = w->ky0; ky < w->ky1; ++ky) {
        s += row_sum(window_row(p, w, ky, buf), bytes >> 2, bytes & 3);
    }
    w->t = 128u * s;
}

/* Input word xv (sign-extended halves xe, xo) against one channel pair's weight words at wp. */
#define MCUC_DIRECT_PAIR(wp, c, b)           \
    do {                                     \
        int32_t we, wo;                      \
        MCUC_DSP_LOAD2(wp, we, wo);          \
        c = mcuc_smlad(xe, we, c);           \
        we = mcuc_sxtb16_ror8(we);           \
        b = mcuc_smlad(xe, we, b);           \
        c = mcuc_smlad(xo, wo, c);           \
        wo = mcuc_sxtb16_ror8(wo);           \
        b = mcuc_smlad(xo, wo, b);           \
    } while (0)

/* Output channels ch and ch + 1 (if any) from the pair's packed words q and its sums c, b. */
static void direct_finish(const mcuc_conv2d_direct_dsp_params *p, const mcuc_direct_window *w, const int32_t *q,
                          int32_t ch, int32_t c, int32_t b, int8_t *out)
{
    const int32_t kh = p->filter_h, *e = q + 2 + 2 * kh * p->row_groups;
    uint32_t fix[2] = {0u, 0u}, acc1;
    int32_t r, ky;
    for (r = 0; r < 2 && ch + r < p->out_c; ++r) {
        const int32_t *f = p->row_fix + (ch + r) * kh;
        for (ky = 0; ky < w->ky0; ++ky) {
            fix[r] += (uint32_t)f[ky];
        }
        for (ky = w->ky1; ky < kh; ++ky) {
            fix[r] += (uint32_t)f[ky];
        }
    }
    acc1 = (uint32_t)q[1] + 2u * (uint32_t)b;
    r = mcuc_dsp_u2i((uint32_t)q[0] + 2u * ((uint32_t)c - w->t) - (acc1 << 8) + fix[0]);
    out[ch] = (int8_t)clamp_act(mcuc_dsp_requant2(r, e[0], e[1], e[2]), p->act_min, p->act_max);
    if (ch + 1 < p->out_c) {
        r = mcuc_dsp_u2i(acc1 + fix[1]);
        out[ch + 1] = (int8_t)clamp_act(mcuc_dsp_requant2(r, e[3], e[4], e[5]), p->act_min, p->act_max);
    }
}

/* `n` (1 or 2) channel pairs from ch, packed words at q, over window w's rows. */
static inline __attribute__((always_inline)) void
direct_pass(const mcuc_conv2d_direct_dsp_params *p, const mcuc_direct_window *w, const int32_t *q, int32_t ch,
            int32_t n, int8_t *out)
{
    const int32_t rg = p->row_groups, words = 8 + 2 * p->filter_h * rg;
    const int32_t bytes = p->filter_w * p->in_c, full = bytes >> 2, rest = bytes & 3;
    const int32_t *wa = q + 2 + 2 * rg * w->ky0, *wb = wa + words;
    int8_t buf[MCUC_CONV_DIRECT_MAX_ROW];
    int32_t ca = 0, ba = 0, cb = 0, bb = 0, ky, g;
    for (ky = w->ky0; ky < w->ky1; ++ky) {
        const int8_t *x = window_row(p, w, ky, buf);
        for (g = 0; g < full; ++g, x += 4) {
            const int32_t xv = mcuc_dsp_load32(x), xe = mcuc_sxtb16(xv), xo = mcuc_sxtb16_ror8(xv);
            MCUC_DIRECT_PAIR(wa, ca, ba);
            if (n == 2) {
                MCUC_DIRECT_PAIR(wb, cb, bb);
            }
        }
        if (rest) {
            const int32_t xv = tail_word(x, rest), xe = mcuc_sxtb16(xv), xo = mcuc_sxtb16_ror8(xv);
            MCUC_DIRECT_PAIR(wa, ca, ba);
            if (n == 2) {
                MCUC_DIRECT_PAIR(wb, cb, bb);
            }
        }
    }
    direct_finish(p, w, q, ch, ca, ba, out);
    if (n == 2) {
        direct_finish(p, w, q + words, ch + 2, cb, bb, out);
    }
}

static __attribute__((noinline)) void direct_pass2(const mcuc_conv2d_direct_dsp_params *p, const mcuc_direct_window *w,
                                                   const int32_t *q, int32_t ch, int8_t *out)
{
    direct_pass(p, w, q, ch, 2, out);
}

static __attribute__((noinline)) void direct_pass1(const mcuc_conv2d_direct_dsp_params *p, const mcuc_direct_window *w,
                                                   const int32_t *q, int32_t ch, int8_t *out)
{
    direct_pass(p, w, q, ch, 1, out);
}

mcuc_status mcuc_conv2d_direct_s8_dsp(const mcuc_conv2d_direct_dsp_params *p, const int8_t *input, int8_t *output)
{
    const int32_t words = 8 + 2 * p->filter_h * p->row_groups;
    mcuc_direct_window w;
    int32_t b, oy, ox, ch;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *in = input + b * p->in_h * p->in_w * p->in_c;
        for (oy = 0; oy < p->out_h; ++oy) {
            for (ox = 0; ox < p->out_w; ++ox, output += p->out_c) {
                const int32_t *q = p->packed;
                window_at(p, in, oy, ox, &w);
                for (ch = 0; ch + 2 < p->out_c; ch += 4, q += 2 * words) {
                    direct_pass2(p, &w, q, ch, output);
                }
                if (ch < p->out_c) {
                    direct_pass1(p, &w, q, ch, output);
                }
            }
        }
    }
    return MCUC_OK;
}
