/* mcuc_libm.c against the host's own expf / logf (the functions TFLite Micro's float kernels
 * call): every STRIDE-th float bit pattern (argument 1, default 4099; `./libm_check 1` is the
 * exhaustive check, a few minutes), then floats in [-32, 0] for expf (LOG_SOFTMAX's x - max) and
 * in [1, 4096] for logf (its sum of exponentials) at a stride 40 times finer. Prints the number
 * of values checked and of mismatches with the first few; exits 1 on any mismatch. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mcuc_libm.h"

static float u2f(unsigned long u)
{
    const unsigned int v = (unsigned int)u;
    float f;
    memcpy(&f, &v, sizeof f);
    return f;
}

static unsigned int f2u(float f)
{
    unsigned int u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static long checked, mismatches;

static void check(float x)
{
    const float e = mcuc_expf(x), le = expf(x), l = mcuc_logf(x), ll = logf(x);
    const int e_same = f2u(e) == f2u(le) || (e != e && le != le);
    const int l_same = f2u(l) == f2u(ll) || (l != l && ll != ll);
    checked += 2;
    if (!e_same || !l_same) {
        if (mismatches < 5) {
            printf("x=%a (0x%08x): expf %a vs %a, logf %a vs %a\n", x, f2u(x), e, le, l, ll);
        }
        mismatches += !e_same + !l_same;
    }
}

static void sweep(float from, float to, unsigned long stride)
{
    unsigned long a = f2u(from), b = f2u(to), u;
    if (a > b) {
        const unsigned long t = a;
        a = b;
        b = t;
    }
    for (u = a; u <= b; u += stride) {
        check(u2f(u));
    }
}

int main(int argc, char **argv)
{
    const unsigned long stride = argc > 1 ? strtoul(argv[1], NULL, 10) : 4099ul;
    const unsigned long fine = stride / 40 > 0 ? stride / 40 : 1;
    unsigned long u;
    if (stride == 0) {
        return 2;
    }
    for (u = 0; u <= 0xFFFFFFFFul; u += stride) {
        check(u2f(u));
    }
    sweep(-0.0f, -32.0f, fine);
    sweep(1.0f, 4096.0f, fine);
    printf("%ld values checked, %ld mismatches\n", checked, mismatches);
    return mismatches != 0;
}
