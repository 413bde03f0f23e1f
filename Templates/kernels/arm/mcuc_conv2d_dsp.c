/* mcuc runtime: the DSP GEMM of 1x1 CONV_2D and FULLY_CONNECTED, and k x k CONV_2D through a
 * partial im2col into the same GEMM (see mcuc_conv2d.h for the packed layout and the loop
 * orders). Two output channels share each weight word (SMLAD), one or two rows share each
 * column word; requantization is fused (mcuc_dsp_requant2). */
#include "mcuc_conv2d.h"
#include "mcuc_dsp.h"

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
            pack_word(mcuc_dsp_tail_word(row, rest), &c[0], &c[n], &s);
        }
        t[r] = mcuc_dsp_u2i((uint32_t)s * 128u);
    }
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

/* mcuc_dsp_requant2 then the activation clamp. [lo, hi] lies inside int8, so with `clamp` the
 * clamp alone saturates; without it (the call's range is the whole of int8) ssat alone does. */
static inline __attribute__((always_inline)) int8_t requant_out(int32_t acc2, int32_t m, int32_t round, int32_t e,
                                                                int32_t clamp, int32_t lo, int32_t hi)
{
    int32_t t = mcuc_smmlar(acc2, m, round);
    t += acc2 < 0 ? -1 : 0;
    t >>= e;
    return (int8_t)(clamp ? mcuc_dsp_clamp(t, lo, hi) : mcuc_ssat8(t));
}

/* Every channel pair for `n` rows (1 or 2) from packed columns `cols` (t: pack_rows' sums). The
 * rows are unrolled, the call's fields and each pair's epilogue words read once (before any
 * store), so the accumulators stay in registers; `clamp` (a constant in each instance) says
 * whether [act_min, act_max] is narrower than int8. */
static inline __attribute__((always_inline)) void
gemm_rows(const mcuc_gemm_dsp_params *p, const int32_t *cols, const int32_t *t, int32_t n, int32_t clamp, int8_t *out)
{
    const int32_t *q = p->packed;
    const int32_t lo = p->act_min, hi = p->act_max, units = p->out_c, groups = p->groups;
    const uint32_t t0 = (uint32_t)t[0], t1 = n == 2 ? (uint32_t)t[1] : 0u;
    int8_t *const out1 = out + units;
    int32_t ch;
    for (ch = 0; ch < units; ch += 2) {
        int32_t c[2], b[2], m0, r0, e0, m1, r1, e1;
        c[0] = mcuc_dsp_u2i((uint32_t)q[0] - t0);
        b[0] = q[1];
        if (n == 2) {
            c[1] = mcuc_dsp_u2i((uint32_t)q[0] - t1);
            b[1] = q[1];
        }
        q = mac_rows(q + 2, cols, groups, n, c, b);
        m0 = q[0];
        r0 = q[1];
        e0 = q[2];
        m1 = q[3];
        r1 = q[4];
        e1 = q[5];
        q += 6;
        out[ch] = requant_out(mcuc_dsp_u2i((uint32_t)c[0] - ((uint32_t)b[0] << 8)), m0, r0, e0, clamp, lo, hi);
        if (n == 2) {
            out1[ch] = requant_out(mcuc_dsp_u2i((uint32_t)c[1] - ((uint32_t)b[1] << 8)), m0, r0, e0, clamp, lo, hi);
        }
        if (ch + 1 < units) {
            out[ch + 1] = requant_out(b[0], m1, r1, e1, clamp, lo, hi);
            if (n == 2) {
                out1[ch + 1] = requant_out(b[1], m1, r1, e1, clamp, lo, hi);
            }
        }
    }
}

static __attribute__((noinline)) void gemm2_clamp(const mcuc_gemm_dsp_params *p, const int32_t *cols,
                                                  const int32_t *t, int8_t *out)
{
    gemm_rows(p, cols, t, 2, 1, out);
}

static __attribute__((noinline)) void gemm2_full(const mcuc_gemm_dsp_params *p, const int32_t *cols,
                                                 const int32_t *t, int8_t *out)
{
    gemm_rows(p, cols, t, 2, 0, out);
}

/* Two rows: the instance without the clamp when the activation range is the whole of int8. */
static inline void gemm2(const mcuc_gemm_dsp_params *p, const int32_t *cols, const int32_t *t, int8_t *out)
{
    if (p->act_min == -128 && p->act_max == 127) {
        gemm2_full(p, cols, t, out);
    } else {
        gemm2_clamp(p, cols, t, out);
    }
}

static __attribute__((noinline)) void gemm1(const mcuc_gemm_dsp_params *p, const int32_t *cols, const int32_t *t,
                                            int8_t *out)
{
    gemm_rows(p, cols, t, 1, 1, out);
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

/* One group of four output channels (two pairs) for the input word xv: the pair words of
 * channels (c, c+1) then (c+2, c+3), read in the order the compiler packed them. */
#define MCUC_GEMM1_QUAD_GROUP(xv)                                      \
    do {                                                               \
        const int32_t e0 = mcuc_sxtb16(xv), o0 = mcuc_sxtb16_ror8(xv); \
        int32_t we, wo;                                                \
        MCUC_DSP_LOAD2(w, we, wo);                                     \
        c0 = mcuc_smlad(e0, we, c0);                                   \
        we = mcuc_sxtb16_ror8(we);                                     \
        b0 = mcuc_smlad(e0, we, b0);                                   \
        c0 = mcuc_smlad(o0, wo, c0);                                   \
        wo = mcuc_sxtb16_ror8(wo);                                     \
        b0 = mcuc_smlad(o0, wo, b0);                                   \
        MCUC_DSP_LOAD2(w, we, wo);                                     \
        c1 = mcuc_smlad(e0, we, c1);                                   \
        we = mcuc_sxtb16_ror8(we);                                     \
        b1 = mcuc_smlad(e0, we, b1);                                   \
        c1 = mcuc_smlad(o0, wo, c1);                                   \
        wo = mcuc_sxtb16_ror8(wo);                                     \
        b1 = mcuc_smlad(o0, wo, b1);                                   \
    } while (0)

/* The two outputs of one channel pair from its sums (c: low products of the doubled-column
 * convention halved, b: the second channel's), its initial words and its epilogue words q. */
static inline void gemm1_pair_out(int32_t c_init, int32_t b_init, int32_t c, int32_t b, uint32_t t,
                                  const int32_t *q, int32_t lo, int32_t hi, int32_t two, int8_t *out)
{
    /* The packed words expect doubled columns: double the sums here instead. */
    const int32_t acc1 = mcuc_dsp_u2i((uint32_t)b_init + 2u * (uint32_t)b);
    const int32_t acc0 = mcuc_dsp_u2i((uint32_t)c_init + 2u * ((uint32_t)c - t) - ((uint32_t)acc1 << 8));
    out[0] = (int8_t)mcuc_dsp_clamp(mcuc_dsp_requant2(acc0, q[0], q[1], q[2]), lo, hi);
    if (two) {
        out[1] = (int8_t)mcuc_dsp_clamp(mcuc_dsp_requant2(acc1, q[3], q[4], q[5]), lo, hi);
    }
}

mcuc_status mcuc_gemm1_s8_dsp(const mcuc_gemm_dsp_params *p, const int8_t *input, int8_t *output)
{
    const int32_t k = p->depth, full = k >> 2, rest = k & 3, lo = p->act_min, hi = p->act_max, units = p->out_c;
    const int32_t last = rest ? mcuc_dsp_tail_word(input + 4 * full, rest) : 0;
    const int8_t *const x_end = input + 4 * full;
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
    /* Blocks of four channels: each input word is sign-extended once for two pairs. */
    for (ch = 0; ch + 4 <= units; ch += 4) {
        const int32_t *const init = w;
        const int8_t *x = input;
        int32_t c0 = 0, b0 = 0, c1 = 0, b1 = 0;
        w += 4;
        if (full & 1) {
            const int32_t xv = mcuc_dsp_load32(x);
            x += 4;
            MCUC_GEMM1_QUAD_GROUP(xv);
        }
        while (x != x_end) {
            const int32_t xa = mcuc_dsp_load32(x), xb = mcuc_dsp_load32(x + 4);
            x += 8;
            MCUC_GEMM1_QUAD_GROUP(xa);
            MCUC_GEMM1_QUAD_GROUP(xb);
        }
        if (rest) {
            MCUC_GEMM1_QUAD_GROUP(last);
        }
        gemm1_pair_out(init[0], init[1], c0, b0, t, w, lo, hi, 1, output + ch);
        gemm1_pair_out(init[2], init[3], c1, b1, t, w + 6, lo, hi, 1, output + ch + 2);
        w += 12;
    }
    /* The last one to three channels: pairs (the second of an odd last pair a zero dummy). */
    for (; ch < units; ch += 2) {
        const int32_t c_init = w[0], b_init = w[1];
        int32_t c0 = 0, b0 = 0;
        w += 2;
        for (g = 0; g < full; ++g) {
            const int32_t xv = mcuc_dsp_load32(input + 4 * g);
            MCUC_GEMM1_DIRECT_GROUP(xv);
        }
        if (rest) {
            MCUC_GEMM1_DIRECT_GROUP(last);
        }
        gemm1_pair_out(c_init, b_init, c0, b0, t, w, lo, hi, ch + 1 < units, output + ch);
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
