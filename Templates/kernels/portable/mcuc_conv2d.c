/* mcuc runtime: int8 CONV_2D. Portable C99; see mcuc_conv2d.h for the arithmetic and loop orders. */
#include "mcuc_conv2d.h"
#include "mcuc_fixedpoint.h"

static int8_t conv_output(const mcuc_conv2d_params *p, uint32_t acc, int32_t oc)
{
    const int32_t c = p->per_channel ? oc : 0;
    const int32_t biased = mcuc_wadd(mcuc_u2i(acc), p->bias[oc]);
    const int32_t scaled = mcuc_wadd(mcuc_mbqm(biased, p->mult[c], p->shift[c]), p->output_zp);
    return mcuc_clamp_s8(scaled, p->act_min, p->act_max);
}

mcuc_status mcuc_conv2d_s8(const mcuc_conv2d_params *p, const int8_t *input, int8_t *output)
{
    const int32_t groups_size = p->out_c / (p->in_c / p->filter_c); /* filters per group */
    int32_t b, oy, ox, oc, ky, kx, ic;
    int8_t *out = output;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *batch = input + (int32_t)b * p->in_h * p->in_w * p->in_c;
        for (oy = 0; oy < p->out_h; ++oy) {
            const int32_t iy0 = oy * p->stride_h - p->pad_top;
            for (ox = 0; ox < p->out_w; ++ox) {
                const int32_t ix0 = ox * p->stride_w - p->pad_left;
                for (oc = 0; oc < p->out_c; ++oc) {
                    const int32_t channel_base = (oc / groups_size) * p->filter_c;
                    const int8_t *w = p->filter + (int32_t)oc * p->filter_h * p->filter_w * p->filter_c;
                    uint32_t acc = 0;
                    for (ky = 0; ky < p->filter_h; ++ky) {
                        const int32_t iy = iy0 + ky * p->dilation_h;
                        if (iy < 0 || iy >= p->in_h) {
                            continue;
                        }
                        for (kx = 0; kx < p->filter_w; ++kx) {
                            const int32_t ix = ix0 + kx * p->dilation_w;
                            const int8_t *x;
                            const int8_t *f;
                            if (ix < 0 || ix >= p->in_w) {
                                continue;
                            }
                            x = batch + (iy * p->in_w + ix) * p->in_c + channel_base;
                            f = w + (ky * p->filter_w + kx) * p->filter_c;
                            for (ic = 0; ic < p->filter_c; ++ic) {
                                acc += (uint32_t)((int32_t)f[ic] * ((int32_t)x[ic] + p->input_offset));
                            }
                        }
                    }
                    *out++ = conv_output(p, acc, oc);
                }
            }
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_conv2d_1x1_s8(const mcuc_conv2d_params *p, const int8_t *input, int8_t *output)
{
    const int32_t groups_size = p->out_c / (p->in_c / p->filter_c);
    const int32_t pixels = p->batches * p->out_h * p->out_w;
    int32_t px, oc, ic;
    for (px = 0; px < pixels; ++px) {
        const int8_t *pixel = input + px * p->in_c;
        int8_t *out = output + px * p->out_c;
        for (oc = 0; oc < p->out_c; ++oc) {
            const int8_t *x = pixel + (oc / groups_size) * p->filter_c;
            const int8_t *f = p->filter + oc * p->filter_c;
            uint32_t acc = 0;
            for (ic = 0; ic < p->filter_c; ++ic) {
                acc += (uint32_t)((int32_t)f[ic] * ((int32_t)x[ic] + p->input_offset));
            }
            out[oc] = conv_output(p, acc, oc);
        }
    }
    return MCUC_OK;
}
