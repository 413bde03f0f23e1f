/* Draft kernel (issue 12): int8 TRANSPOSE_CONV, output-stationary (no accumulator scratch: the
 * int32 sums wrap like TFLM's, and wrapping addition does not depend on the order). */
#include <stdint.h>
#include "mcuc_fixedpoint.h"

typedef struct {
    int32_t batch, ih, iw, ic, oh, ow, oc, kh, kw, stride_h, stride_w, pad_h, pad_w;
    int32_t input_zp, output_zp, act_min, act_max;
} mcuc_transpose_conv_params;

void mcuc_transpose_conv_s8(const mcuc_transpose_conv_params *p, const int8_t *x, const int8_t *w,
                            const int32_t *bias, const int32_t *mult, const int32_t *shift, int8_t *y)
{
    int32_t b, oy, ox, c, ky, kx, k;
    for (b = 0; b < p->batch; ++b) {
        for (oy = 0; oy < p->oh; ++oy) {
            for (ox = 0; ox < p->ow; ++ox) {
                for (c = 0; c < p->oc; ++c) {
                    int32_t acc = 0;
                    for (ky = 0; ky < p->kh; ++ky) {
                        const int32_t ty = oy + p->pad_h - ky;
                        if (ty < 0 || ty % p->stride_h != 0 || ty / p->stride_h >= p->ih) { continue; }
                        for (kx = 0; kx < p->kw; ++kx) {
                            const int32_t tx = ox + p->pad_w - kx;
                            const int8_t *in, *wt;
                            if (tx < 0 || tx % p->stride_w != 0 || tx / p->stride_w >= p->iw) { continue; }
                            in = x + ((b * p->ih + ty / p->stride_h) * p->iw + tx / p->stride_w) * p->ic;
                            wt = w + ((c * p->kh + ky) * p->kw + kx) * p->ic;
                            for (k = 0; k < p->ic; ++k) { acc = mcuc_wadd(acc, ((int32_t)in[k] - p->input_zp) * wt[k]); }
                        }
                    }
                    if (bias) { acc = mcuc_wadd(acc, bias[c]); }
                    acc = mcuc_mbqm(acc, mult[c], shift[c]) + p->output_zp;
                    y[((b * p->oh + oy) * p->ow + ox) * p->oc + c] = mcuc_clamp_s8(acc, p->act_min, p->act_max);
                }
            }
        }
    }
}
