/* mcuc runtime: glibc-exact expf / logf in portable C99 (see mcuc_libm.h). */
#include "mcuc_libm.h"

#include <string.h>

static uint64_t d2u(double d) { uint64_t u; memcpy(&u, &d, sizeof u); return u; }
static double u2d(uint64_t u) { double d; memcpy(&d, &u, sizeof d); return d; }
static uint32_t f2u(float f) { uint32_t u; memcpy(&u, &f, sizeof u); return u; }
static float u2f(uint32_t u) { float f; memcpy(&f, &u, sizeof f); return f; }

/* A 128-bit unsigned integer. */
typedef struct { uint64_t hi, lo; } u128;

static u128 mul_64x64(uint64_t a, uint64_t b)
{
    const uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
    const uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    const uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    u128 r;
    r.lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
    r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    return r;
}

static int msb64(uint64_t x)
{
    int n = 0;
    while (x >>= 1) { ++n; }
    return n;
}

/* Index of the highest set bit of a non-zero value, 0..127. */
static int msb128(u128 x) { return x.hi ? 64 + msb64(x.hi) : msb64(x.lo); }

static u128 shl128(u128 x, int n)
{
    u128 r;
    if (n == 0) { return x; }
    if (n >= 64) { r.hi = x.lo << (n - 64); r.lo = 0; return r; }
    r.hi = (x.hi << n) | (x.lo >> (64 - n));
    r.lo = x.lo << n;
    return r;
}

/* x >> n with every bit shifted out ORed into bit 0 (the sticky bit). */
static u128 shr128_sticky(u128 x, int n)
{
    u128 r;
    uint64_t lost;
    if (n == 0) { return x; }
    if (n >= 128) { r.hi = 0; r.lo = (x.hi | x.lo) != 0; return r; }
    if (n >= 64) {
        lost = x.lo | (n > 64 ? x.hi << (128 - n) : 0);
        r.lo = x.hi >> (n - 64); r.hi = 0;
    } else {
        lost = x.lo << (64 - n);
        r.lo = (x.lo >> n) | (x.hi << (64 - n)); r.hi = x.hi >> n;
    }
    r.lo |= (lost != 0);
    return r;
}

static u128 add128(u128 a, u128 b)
{
    u128 r;
    r.lo = a.lo + b.lo;
    r.hi = a.hi + b.hi + (r.lo < a.lo);
    return r;
}

static u128 sub128(u128 a, u128 b)
{
    u128 r;
    r.lo = a.lo - b.lo;
    r.hi = a.hi - b.hi - (a.lo < b.lo);
    return r;
}

static int less128(u128 a, u128 b) { return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo); }

/* Finite non-zero double as sign, integer mantissa and exponent: |d| = m * 2^e. */
static void decompose(double d, int *sign, uint64_t *m, int *e)
{
    const uint64_t u = d2u(d);
    const int field = (int)((u >> 52) & 0x7FF);
    *sign = (int)(u >> 63);
    *m = u & 0xFFFFFFFFFFFFFull;
    if (field == 0) {
        *e = -1074;
    } else {
        *m |= 1ull << 52;
        *e = field - 1075;
    }
}

static int is_zero128(u128 x) { return (x.hi | x.lo) == 0; }

static u128 shr128(u128 x, int n)
{
    u128 r;
    if (n == 0) { return x; }
    if (n >= 64) { r.lo = x.hi >> (n - 64); r.hi = 0; return r; }
    r.lo = (x.lo >> n) | (x.hi << (64 - n));
    r.hi = x.hi >> n;
    return r;
}

/* 2^k as a double, for |k| < 1023 (a normal power of two). */
static double pow2(int k) { return u2d((uint64_t)(k + 1023) << 52); }

/* m * 2^e rounded to the nearest double (ties to even); m != 0, with at least two bits below the
   rounding position whenever its bit 0 is a sticky bit. Subnormal results are rounded twice. */
static double round_to_double(int sign, u128 m, int e)
{
    const int drop = msb128(m) - 52;
    uint64_t q;
    double value;
    if (drop > 0) {
        const u128 kept = shr128(m, drop);
        const u128 rem = sub128(m, shl128(kept, drop));
        const u128 half = shl128((u128){0, 1}, drop - 1);
        q = kept.lo;
        if (less128(half, rem) || (!less128(rem, half) && (q & 1u))) { ++q; }
        e += drop;
        if (q >> 53) { q >>= 1; ++e; }
    } else {
        q = m.lo << (-drop);
        e += drop;
    }
    if (e + 52 >= -1022 && e + 52 <= 1023) {
        value = u2d(((uint64_t)(e + 52 + 1023) << 52) | (q & 0xFFFFFFFFFFFFFull));
    } else {
        value = (double)q * pow2(e / 2) * pow2(e - e / 2);
    }
    return sign ? -value : value;
}

double mcuc_fma(double a, double b, double c)
{
    int sa, sb, sc, ea, eb, ec, ep, e, sign;
    uint64_t ma, mb, mc;
    u128 p, cc, sum;
    if (a == 0.0 || b == 0.0) { return a * b + c; }
    if (c == 0.0) { return a * b; }
    decompose(a, &sa, &ma, &ea);
    decompose(b, &sb, &mb, &eb);
    decompose(c, &sc, &mc, &ec);
    p = mul_64x64(ma, mb);
    ep = ea + eb;
    cc.hi = 0;
    cc.lo = mc;
    /* both magnitudes with their top bit at 125: the larger exponent is the larger value */
    ep -= 125 - msb128(p);
    p = shl128(p, 125 - msb128(p));
    ec -= 125 - msb64(mc);
    cc = shl128(cc, 125 - msb64(mc));
    if (ep >= ec) {
        cc = shr128_sticky(cc, ep - ec > 128 ? 128 : ep - ec);
        e = ep;
    } else {
        p = shr128_sticky(p, ec - ep > 128 ? 128 : ec - ep);
        e = ec;
    }
    if ((sa ^ sb) == sc) {
        sum = add128(p, cc);
        sign = sc;
    } else if (less128(p, cc)) {
        sum = sub128(cc, p);
        sign = sc;
    } else {
        sum = sub128(p, cc);
        sign = sa ^ sb;
    }
    if (is_zero128(sum)) { return 0.0; }
    return round_to_double(sign, sum, e);
}

/* expf: 2^(i/32) table entries minus i << 47, and the constants of the cubic (scaled by 32). */
static const uint64_t kExp2Table[32] = {
    0x3ff0000000000000ull, 0x3fefd9b0d3158574ull, 0x3fefb5586cf9890full, 0x3fef9301d0125b51ull,
    0x3fef72b83c7d517bull, 0x3fef54873168b9aaull, 0x3fef387a6e756238ull, 0x3fef1e9df51fdee1ull,
    0x3fef06fe0a31b715ull, 0x3feef1a7373aa9cbull, 0x3feedea64c123422ull, 0x3feece086061892dull,
    0x3feebfdad5362a27ull, 0x3feeb42b569d4f82ull, 0x3feeab07dd485429ull, 0x3feea47eb03a5585ull,
    0x3feea09e667f3bcdull, 0x3fee9f75e8ec5f74ull, 0x3feea11473eb0187ull, 0x3feea589994cce13ull,
    0x3feeace5422aa0dbull, 0x3feeb737b0cdc5e5ull, 0x3feec49182a3f090ull, 0x3feed503b23e255dull,
    0x3feee89f995ad3adull, 0x3feeff76f2fb5e47ull, 0x3fef199bdd85529cull, 0x3fef3720dcef9069ull,
    0x3fef5818dcfba487ull, 0x3fef7c97337b9b5full, 0x3fefa4afa2a490daull, 0x3fefd0765b6e4540ull,
};

float mcuc_expf(float x)
{
    const double inv_ln2_32 = 0x1.71547652b82fep+5, shift = 0x1.8p+52;
    const double c0 = 0x1.c6af84b912394p-20, c1 = 0x1.ebfce50fac4f3p-13, c2 = 0x1.62e42ff0c52d6p-6;
    const uint32_t ix = f2u(x);
    const uint32_t abstop = (ix >> 20) & 0x7FFu;
    double xd, kd, r, z, r2, y;
    uint64_t ki;
    if (abstop >= 0x42Bu) { /* |x| >= 88, inf or nan */
        if (ix == 0xFF800000u) { return 0.0f; }
        if (abstop >= 0x7F8u) { return x + x; }
        if (x > 0x1.62e42ep6f) { return u2f(0x7F800000u); }
        if (x < -0x1.9fe368p6f) { return 0.0f; }
    }
    xd = (double)x;
    kd = mcuc_fma(inv_ln2_32, xd, shift);
    ki = d2u(kd);
    kd -= shift;
    r = mcuc_fma(inv_ln2_32, xd, -kd);
    z = mcuc_fma(c0, r, c1);
    r2 = r * r;
    y = mcuc_fma(c2, r, 1.0);
    y = mcuc_fma(z, r2, y);
    y = y * u2d(kExp2Table[ki % 32u] + (ki << 47));
    return (float)y;
}

/* logf: (1/c, log c) for 16 subintervals around 1, ln 2 and the cubic. */
static const double kLogTable[16][2] = {
    {0x1.661ec79f8f3bep+0, -0x1.57bf7808caadep-2}, {0x1.571ed4aaf883dp+0, -0x1.2bef0a7c06ddbp-2},
    {0x1.49539f0f010b0p+0, -0x1.01eae7f513a67p-2}, {0x1.3c995b0b80385p+0, -0x1.b31d8a68224e9p-3},
    {0x1.30d190c8864a5p+0, -0x1.6574f0ac07758p-3}, {0x1.25e227b0b8ea0p+0, -0x1.1aa2bc79c8100p-3},
    {0x1.1bb4a4a1a343fp+0, -0x1.a4e76ce8c0e5ep-4}, {0x1.12358f08ae5bap+0, -0x1.1973c5a611cccp-4},
    {0x1.0953f419900a7p+0, -0x1.252f438e10c1ep-5}, {0x1.0000000000000p+0, 0x0.0p+0},
    {0x1.e608cfd9a47acp-1, 0x1.aa5aa5df25984p-5}, {0x1.ca4b31f026aa0p-1, 0x1.c5e53aa362eb4p-4},
    {0x1.b2036576afce6p-1, 0x1.526e57720db08p-3}, {0x1.9c2d163a1aa2dp-1, 0x1.bc2860d224770p-3},
    {0x1.886e6037841edp-1, 0x1.1058bc8a07ee1p-2}, {0x1.767dcf5534862p-1, 0x1.4043057b6ee09p-2},
};

float mcuc_logf(float x)
{
    const double ln2 = 0x1.62e42fefa39efp-1;
    const double a0 = -0x1.00ea348b88334p-2, a1 = 0x1.5575b0be00b6ap-2, a2 = -0x1.ffffef20a4123p-2;
    uint32_t ix = f2u(x), tmp, iz;
    int32_t k;
    double z, r, y0, r2, y;
    const double *t;
    if (ix == 0x3F800000u) { return 0.0f; }
    if (ix - 0x00800000u >= 0x7F800000u - 0x00800000u) {
        if (ix * 2u == 0u) { return u2f(0xFF800000u); }           /* log(+-0) = -inf */
        if (ix == 0x7F800000u) { return x; }                      /* log(inf) = inf */
        if ((ix & 0x80000000u) || ix * 2u >= 0xFF000000u) {        /* x < 0 or nan */
            return u2f(0x7FC00000u);
        }
        ix = f2u(x * 0x1p23f) - (23u << 23);                      /* subnormal: normalise */
    }
    tmp = ix - 0x3F330000u;
    t = kLogTable[(tmp >> 19) % 16u];
    k = (int32_t)tmp >> 23;
    iz = ix - (tmp & 0xFF800000u);
    z = (double)u2f(iz);
    r = mcuc_fma(z, t[0], -1.0);
    y0 = mcuc_fma((double)k, ln2, t[1]);
    r2 = r * r;
    y = mcuc_fma(a1, r, a2);
    y = mcuc_fma(a0, r2, y);
    y = mcuc_fma(y, r2, y0 + r);
    return (float)y;
}
