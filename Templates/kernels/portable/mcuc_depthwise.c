/* mcuc runtime: int8 DEPTHWISE_CONV_2D. Portable C99; see mcuc_depthwise.h. */
#include "mcuc_depthwise.h"
#include "mcuc_fixedpoint.h"

static int8_t depthwise_output(const mcuc_depthwise_params *p, uint32_t acc, int32_t oc)
{
    const int32_t c = p->per_channel ? oc : 0;
    const int32_t biased = mcuc_wadd(mcuc_u2i(acc), p->bias[oc]);
    const int32_t scaled = mcuc_wadd(mcuc_mbqm(biased, p->mult[c], p->shift[c]), p->output_zp);
    return mcuc_clamp_s8(scaled, p->act_min, p->act_max);
}

/* The accumulator of output (oy, ox, oc) over a channel plane: `plane` element (iy, ix) is at
 * plane[(iy * in_w + ix) * step]. */
static uint32_t depthwise_window(const mcuc_depthwise_params *p, const int8_t *plane, int32_t step,
                                 int32_t oy, int32_t ox, int32_t oc)
{
    const int32_t iy0 = oy * p->stride_h - p->pad_top;
    const int32_t ix0 = ox * p->stride_w - p->pad_left;
    uint32_t acc = 0;
    int32_t ky, kx;
    for (ky = 0; ky < p->filter_h; ++ky) {
        const int32_t iy = iy0 + ky * p->dilation_h;
        if (iy < 0 || iy >= p->in_h) {
            continue;
        }
        for (kx = 0; kx < p->filter_w; ++kx) {
            const int32_t ix = ix0 + kx * p->dilation_w;
            int32_t x;
            int32_t w;
            if (ix < 0 || ix >= p->in_w) {
                continue;
            }
            x = (int32_t)plane[(iy * p->in_w + ix) * step];
            w = (int32_t)p->filter[(ky * p->filter_w + kx) * p->out_c + oc];
            acc += (uint32_t)(w * (x + p->input_offset));
        }
    }
    return acc;
}

mcuc_status mcuc_depthwise_s8(const mcuc_depthwise_params *p, const int8_t *input, int8_t *output)
{
    int32_t b, oy, ox, oc;
    int8_t *out = output;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *batch = input + (int32_t)b * p->in_h * p->in_w * p->in_c;
        for (oy = 0; oy < p->out_h; ++oy) {
            for (ox = 0; ox < p->out_w; ++ox) {
                for (oc = 0; oc < p->out_c; ++oc) {
                    const int32_t ic = oc / p->depth_multiplier;
                    *out++ = depthwise_output(p, depthwise_window(p, batch + ic, p->in_c, oy, ox, oc), oc);
                }
            }
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_depthwise_inplace_s8(const mcuc_depthwise_params *p, const int8_t *input, int8_t *output,
                                      int8_t *scratch)
{
    const int32_t in_pixels = p->in_h * p->in_w;
    const int32_t out_pixels = p->out_h * p->out_w;
    int32_t b, c, i, oy, ox;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *in_batch = input + b * in_pixels * p->in_c;
        int8_t *out_batch = output + b * out_pixels * p->out_c;
        for (c = 0; c < p->in_c; ++c) {
            for (i = 0; i < in_pixels; ++i) {
                scratch[i] = in_batch[i * p->in_c + c];
            }
            for (oy = 0; oy < p->out_h; ++oy) {
                for (ox = 0; ox < p->out_w; ++ox) {
                    const uint32_t acc = depthwise_window(p, scratch, 1, oy, ox, c);
                    out_batch[(oy * p->out_w + ox) * p->out_c + c] = depthwise_output(p, acc, c);
                }
            }
        }
    }
    return MCUC_OK;
}
