/* mcuc runtime: int8 TRANSPOSE_CONV. Portable C99; see mcuc_transpose_conv.h for the arithmetic
 * and the loop order. */
#include "mcuc_transpose_conv.h"
#include "mcuc_fixedpoint.h"

/* The first tap k >= 0 with o + pad - k a multiple of stride (o, pad >= 0). */
static int32_t first_tap(int32_t o, int32_t pad, int32_t stride)
{
    return (o + pad) % stride;
}

mcuc_status mcuc_transpose_conv_s8(const mcuc_transpose_conv_params *p, const int8_t *input, int8_t *output)
{
    const int32_t taps = p->filter_h * p->filter_w * p->in_c;
    int32_t b, oy, ox, oc, ky, kx, ic;
    int8_t *out = output;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *image = input + (int32_t)b * p->in_h * p->in_w * p->in_c;
        for (oy = 0; oy < p->out_h; ++oy) {
            const int32_t ky0 = first_tap(oy, p->pad_top, p->stride_h);
            for (ox = 0; ox < p->out_w; ++ox) {
                const int32_t kx0 = first_tap(ox, p->pad_left, p->stride_w);
                for (oc = 0; oc < p->out_c; ++oc) {
                    const int8_t *w = p->filter + oc * taps;
                    const int32_t c = p->per_channel ? oc : 0;
                    uint32_t acc = 0;
                    int32_t biased, scaled;
                    /* taps in increasing order: the input row (column) decreases, so stop below 0 */
                    for (ky = ky0; ky < p->filter_h; ky += p->stride_h) {
                        const int32_t ty = oy + p->pad_top - ky;
                        const int32_t iy = ty / p->stride_h;
                        if (ty < 0) {
                            break;
                        }
                        if (iy >= p->in_h) {
                            continue;
                        }
                        for (kx = kx0; kx < p->filter_w; kx += p->stride_w) {
                            const int32_t tx = ox + p->pad_left - kx;
                            const int32_t ix = tx / p->stride_w;
                            const int8_t *x;
                            const int8_t *f;
                            if (tx < 0) {
                                break;
                            }
                            if (ix >= p->in_w) {
                                continue;
                            }
                            x = image + (iy * p->in_w + ix) * p->in_c;
                            f = w + (ky * p->filter_w + kx) * p->in_c;
                            for (ic = 0; ic < p->in_c; ++ic) {
                                acc += (uint32_t)((int32_t)f[ic] * ((int32_t)x[ic] + p->input_offset));
                            }
                        }
                    }
                    biased = mcuc_wadd(mcuc_u2i(acc), p->bias[oc]);
                    scaled = mcuc_wadd(mcuc_mbqm(biased, p->mult[c], p->shift[c]), p->output_zp);
                    *out++ = mcuc_clamp_s8(scaled, p->act_min, p->act_max);
                }
            }
        }
    }
    return MCUC_OK;
}
