/* mcuc runtime: the DSP GEMM of 1x1 CONV_2D and FULLY_CONNECTED (see mcuc_conv2d.h for the packed
 * layout and the loop order). Two output channels share each weight word (SMLAD), one to three
 * rows share each column word; requantization is fused (mcuc_dsp_requant2). */
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

/* Packs `n` rows (1-3) of `k` values into `cols`: per group of 4 values, the n even words then
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

/* One group of four values for one channel pair and `n` rows (1-3): c[r] gets the low-byte
 * products (channel 0 + 128, channel 1 * 256), b[r] channel 1 alone. */
static inline __attribute__((always_inline)) void mac_group(const int32_t **wp, const int32_t **xp, int32_t n,
                                                            int32_t *c, int32_t *b)
{
    const int32_t *w = *wp, *x = *xp;
    int32_t we, wo, wb, wob, r;
    MCUC_DSP_LOAD2(w, we, wo);
    wb = mcuc_sxtb16_ror8(we);
    wob = mcuc_sxtb16_ror8(wo);
    if (n == 1) {
        int32_t e, o;
        MCUC_DSP_LOAD2(x, e, o);
        c[0] = mcuc_smlad(e, we, c[0]);
        b[0] = mcuc_smlad(e, wb, b[0]);
        c[0] = mcuc_smlad(o, wo, c[0]);
        b[0] = mcuc_smlad(o, wob, b[0]);
    } else {
        for (r = 0; r < n; ++r) {
            c[r] = mcuc_smlad(x[r], we, c[r]);
            b[r] = mcuc_smlad(x[r], wb, b[r]);
            c[r] = mcuc_smlad(x[n + r], wo, c[r]);
            b[r] = mcuc_smlad(x[n + r], wob, b[r]);
        }
        x += 2 * n;
    }
    *wp = w;
    *xp = x;
}

/* All groups for one channel pair and `n` rows: an odd first group, then two per iteration. */
static inline __attribute__((always_inline)) const int32_t *
mac_rows(const int32_t *w, const int32_t *x, int32_t groups, int32_t n, int32_t *c, int32_t *b)
{
    const int32_t *const end = w + 2 * groups;
    if (groups & 1) {
        mac_group(&w, &x, n, c, b);
    }
    while (w != end) {
        mac_group(&w, &x, n, c, b);
        mac_group(&w, &x, n, c, b);
    }
    return w;
}

#if MCUC_DSP_NATIVE
/* One group for 2 channels x 3 rows in 17 instructions: weights r3/lr, columns r4-r6 (ldm),
 * accumulators c0-c2 in r7-r9, b0-b2 in r10-r12. */
#define MCUC_MAC3_GROUP              \
    "ldrd r3, lr, [r0], #8\n"        \
    "ldm r1!, {r4, r5, r6}\n"        \
    "smlad r7, r4, r3, r7\n"         \
    "smlad r8, r5, r3, r8\n"         \
    "smlad r9, r6, r3, r9\n"         \
    "sxtb16 r3, r3, ror #8\n"        \
    "smlad r10, r4, r3, r10\n"       \
    "smlad r11, r5, r3, r11\n"       \
    "smlad r12, r6, r3, r12\n"       \
    "ldm r1!, {r4, r5, r6}\n"        \
    "smlad r7, r4, lr, r7\n"         \
    "smlad r8, r5, lr, r8\n"         \
    "smlad r9, r6, lr, r9\n"         \
    "sxtb16 lr, lr, ror #8\n"        \
    "smlad r10, r4, lr, r10\n"       \
    "smlad r11, r5, lr, r11\n"       \
    "smlad r12, r6, lr, r12\n"

/* All groups (>= 1) for 2 channels x 3 rows: acc = {c0, c1, c2, b0, b1, b2} in and out; returns
 * w past the pair's weights. A naked function (all 14 core registers, at every optimization
 * level): an odd group count enters the two-group loop at its second group (24 bytes per group,
 * so bit 3 of the byte count is the parity). */
#define MCUC_IN_ASM __attribute__((unused))
__attribute__((naked, noinline)) static const int32_t *mac3(const int32_t *w MCUC_IN_ASM, const int32_t *x MCUC_IN_ASM,
                                                            int32_t groups MCUC_IN_ASM, int32_t *acc MCUC_IN_ASM)
{
    __asm volatile("push {r4-r11, lr}\n"
                   "push {r3}\n"
                   "ldm r3, {r7-r12}\n"
                   "add r2, r2, r2, lsl #1\n"
                   "add r2, r1, r2, lsl #3\n"
                   "sub r3, r2, r1\n"
                   "tst r3, #8\n"
                   "bne 2f\n"
                   "1:\n" MCUC_MAC3_GROUP "2:\n" MCUC_MAC3_GROUP
                   "cmp r1, r2\n"
                   "bne 1b\n"
                   "pop {r3}\n"
                   "stm r3, {r7-r12}\n"
                   "pop {r4-r11, pc}\n");
}
#else
static const int32_t *mac3(const int32_t *w, const int32_t *x, int32_t groups, int32_t *acc)
{
    return mac_rows(w, x, groups, 3, acc, acc + 3);
}
#endif

/* Every channel pair for `n` rows (1-3) from packed columns `cols` (t: pack_rows' sums). */
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
        q = n == 3 ? mac3(q + 2, cols, p->groups, acc) : mac_rows(q + 2, cols, p->groups, n, c, b);
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

static __attribute__((noinline)) void gemm3(const mcuc_gemm_dsp_params *p, const int32_t *cols, const int32_t *t,
                                            int8_t *out)
{
    gemm_rows(p, cols, t, 3, out);
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

mcuc_status mcuc_gemm_s8_dsp(const mcuc_gemm_dsp_params *p, const int8_t *input, int8_t *output, void *scratch_bytes)
{
    int32_t *const scratch = (int32_t *)scratch_bytes;
    const int32_t k = p->depth, units = p->out_c;
    int32_t row = 0, t[3];
    const int8_t *x[3];
    for (; row + 3 <= p->rows; row += 3) {
        x[0] = input + row * k;
        x[1] = x[0] + k;
        x[2] = x[1] + k;
        pack_rows(x, 3, k, scratch, t);
        gemm3(p, scratch, t, output + row * units);
    }
    if (p->rows - row == 2) {
        x[0] = input + row * k;
        x[1] = x[0] + k;
        pack_rows(x, 2, k, scratch, t);
        gemm2(p, scratch, t, output + row * units);
    } else if (p->rows - row == 1) {
        x[0] = input + row * k;
        pack_rows(x, 1, k, scratch, t);
        gemm1(p, scratch, t, output + row * units);
    }
    return MCUC_OK;
}
