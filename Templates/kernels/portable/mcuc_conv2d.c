/* mcuc runtime: int8 CONV_2D. Portable C99; see mcuc_conv2d.h for the arithmetic and loop orders. */
#include "mcuc_conv2d.h"
#include "mcuc_fixedpoint.h"
#include "mcuc_int4.h"

static int8_t conv_output(const mcuc_conv2d_params *p, uint32_t acc, int32_t oc)
{
    const int32_t c = p->per_channel ? oc : 0;
    const int32_t biased = mcuc_wadd(mcuc_u2i(acc), p->bias[oc]);
    const int32_t scaled = mcuc_wadd(mcuc_mbqm(biased, p->mult[c], p->shift[c]), p->output_zp);
    return mcuc_clamp_s8(scaled, p->act_min, p->act_max);
}

/* Output rows in increasing order, columns, output channels, over the rectangles `in` and `out`. */
static void conv_plane(const mcuc_conv2d_params *p, const int8_t *input, const mcuc_plane *in, int8_t *output,
                       const mcuc_plane *out)
{
    const int32_t groups_size = p->out_c / (p->in_c / p->filter_c); /* filters per group */
    int32_t oy, ox, oc, ky, kx, ic;
    for (oy = 0; oy < out->h; ++oy) {
        const int32_t iy0 = oy * p->stride_h - in->pad_top;
        int8_t *row = output + out->offset + oy * out->pitch;
        for (ox = 0; ox < out->w; ++ox) {
            const int32_t ix0 = ox * p->stride_w - in->pad_left;
            for (oc = 0; oc < p->out_c; ++oc) {
                const int32_t channel_base = (oc / groups_size) * p->filter_c;
                const int8_t *w = p->filter + (int32_t)oc * p->filter_h * p->filter_w * p->filter_c;
                uint32_t acc = 0;
                for (ky = 0; ky < p->filter_h; ++ky) {
                    const int32_t iy = iy0 + ky * p->dilation_h;
                    if (iy < 0 || iy >= in->h) {
                        continue;
                    }
                    for (kx = 0; kx < p->filter_w; ++kx) {
                        const int32_t ix = ix0 + kx * p->dilation_w;
                        const int8_t *x;
                        const int8_t *f;
                        if (ix < 0 || ix >= in->w) {
                            continue;
                        }
                        x = input + in->offset + iy * in->pitch + ix * p->in_c + channel_base;
                        f = w + (ky * p->filter_w + kx) * p->filter_c;
                        for (ic = 0; ic < p->filter_c; ++ic) {
                            acc += (uint32_t)((int32_t)f[ic] * ((int32_t)x[ic] + p->input_offset));
                        }
                    }
                }
                row[ox * p->out_c + oc] = conv_output(p, acc, oc);
            }
        }
    }
}

mcuc_status mcuc_conv2d_s8(const mcuc_conv2d_params *p, const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_plane_dense(p->in_h, p->in_w, p->in_c, p->pad_top, p->pad_left);
    const mcuc_plane out = mcuc_plane_dense(p->out_h, p->out_w, p->out_c, 0, 0);
    int32_t b;
    for (b = 0; b < p->batches; ++b) {
        conv_plane(p, input + (int32_t)b * p->in_h * p->in_w * p->in_c, &in,
                   output + (int32_t)b * p->out_h * p->out_w * p->out_c, &out);
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

mcuc_status mcuc_conv2d_patch_s8(const mcuc_conv2d_params *p, const int32_t *rows, const int32_t *cols,
                                 const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->in_c);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->out_c);
    conv_plane(p, input, &in, output, &out);
    return MCUC_OK;
}

mcuc_status mcuc_conv2d_s8_int4(const mcuc_conv2d_params *p, const int8_t *input, int8_t *output, void *scratch)
{
    mcuc_conv2d_params unpacked = *p;
    int8_t *filter = (int8_t *)scratch;
    mcuc_unpack_int4(p->filter, p->out_c * p->filter_h * p->filter_w * p->filter_c, filter);
    unpacked.filter = filter;
    return mcuc_conv2d_s8(&unpacked, input, output);
}

mcuc_status mcuc_conv2d_1x1_s8_int4(const mcuc_conv2d_params *p, const int8_t *input, int8_t *output, void *scratch)
{
    mcuc_conv2d_params unpacked = *p;
    int8_t *filter = (int8_t *)scratch;
    mcuc_unpack_int4(p->filter, p->out_c * p->filter_h * p->filter_w * p->filter_c, filter);
    unpacked.filter = filter;
    return mcuc_conv2d_1x1_s8(&unpacked, input, output);
}
