/* mcuc runtime: int8 DEPTHWISE_CONV_2D. Portable C99; see mcuc_depthwise.h. */
#include "mcuc_depthwise.h"
#include "mcuc_fixedpoint.h"
#include "mcuc_int4.h"

static int8_t depthwise_output(const mcuc_depthwise_params *p, uint32_t acc, int32_t oc)
{
    const int32_t c = p->per_channel ? oc : 0;
    const int32_t biased = mcuc_wadd(mcuc_u2i(acc), p->bias[oc]);
    const int32_t scaled = mcuc_wadd(mcuc_mbqm(biased, p->mult[c], p->shift[c]), p->output_zp);
    return mcuc_clamp_s8(scaled, p->act_min, p->act_max);
}

/* The accumulator of output (oy, ox, oc) over one channel of rectangle `in`: element (iy, ix) is
 * at channel[in->offset + iy * in->pitch + ix * step]. Row pointers and bounds are taken once per
 * filter row, so the tap loop is a load, a bounds check and a multiply-add. */
static uint32_t depthwise_window(const mcuc_depthwise_params *p, const int8_t *channel, const mcuc_plane *in,
                                 int32_t step, int32_t oy, int32_t ox, int32_t oc)
{
    const int32_t iy0 = oy * p->stride_h - in->pad_top;
    const int32_t ix0 = ox * p->stride_w - in->pad_left;
    const int32_t in_h = in->h, in_w = in->w, pitch = in->pitch;
    const int32_t filter_w = p->filter_w, dilation_w = p->dilation_w, out_c = p->out_c;
    const int32_t input_offset = p->input_offset;
    const int8_t *base = channel + in->offset;
    uint32_t acc = 0;
    int32_t ky, kx;
    for (ky = 0; ky < p->filter_h; ++ky) {
        const int32_t iy = iy0 + ky * p->dilation_h;
        const int8_t *row;
        const int8_t *weights;
        if (iy < 0 || iy >= in_h) {
            continue;
        }
        row = base + iy * pitch;
        weights = p->filter + ky * filter_w * out_c + oc;
        for (kx = 0; kx < filter_w; ++kx) {
            const int32_t ix = ix0 + kx * dilation_w;
            if (ix >= 0 && ix < in_w) {
                const int32_t x = (int32_t)row[ix * step];
                const int32_t w = (int32_t)weights[kx * out_c];
                acc += (uint32_t)(w * (x + input_offset));
            }
        }
    }
    return acc;
}

/* Output rows in increasing order, columns, channels, over the rectangles `in` and `out`. */
static void depthwise_plane(const mcuc_depthwise_params *p, const int8_t *input, const mcuc_plane *in, int8_t *output,
                            const mcuc_plane *out)
{
    int32_t oy, ox, oc;
    for (oy = 0; oy < out->h; ++oy) {
        int8_t *row = output + out->offset + oy * out->pitch;
        for (ox = 0; ox < out->w; ++ox) {
            for (oc = 0; oc < p->out_c; ++oc) {
                const int32_t ic = oc / p->depth_multiplier;
                const uint32_t acc = depthwise_window(p, input + ic, in, p->in_c, oy, ox, oc);
                row[ox * p->out_c + oc] = depthwise_output(p, acc, oc);
            }
        }
    }
}

mcuc_status mcuc_depthwise_s8(const mcuc_depthwise_params *p, const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_plane_dense(p->in_h, p->in_w, p->in_c, p->pad_top, p->pad_left);
    const mcuc_plane out = mcuc_plane_dense(p->out_h, p->out_w, p->out_c, 0, 0);
    int32_t b;
    for (b = 0; b < p->batches; ++b) {
        depthwise_plane(p, input + (int32_t)b * p->in_h * p->in_w * p->in_c, &in,
                        output + (int32_t)b * p->out_h * p->out_w * p->out_c, &out);
    }
    return MCUC_OK;
}

mcuc_status mcuc_depthwise_patch_s8(const mcuc_depthwise_params *p, const int32_t *rows, const int32_t *cols,
                                    const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->in_c);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->out_c);
    depthwise_plane(p, input, &in, output, &out);
    return MCUC_OK;
}

mcuc_status mcuc_depthwise_inplace_s8(const mcuc_depthwise_params *p, const int8_t *input, int8_t *output,
                                      int8_t *scratch)
{
    const int32_t in_pixels = p->in_h * p->in_w;
    const int32_t out_pixels = p->out_h * p->out_w;
    const mcuc_plane plane = mcuc_plane_dense(p->in_h, p->in_w, 1, p->pad_top, p->pad_left);
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
                    const uint32_t acc = depthwise_window(p, scratch, &plane, 1, oy, ox, c);
                    out_batch[(oy * p->out_w + ox) * p->out_c + c] = depthwise_output(p, acc, c);
                }
            }
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_depthwise_s8_int4(const mcuc_depthwise_params *p, const int8_t *input, int8_t *output, void *scratch)
{
    mcuc_depthwise_params unpacked = *p;
    int8_t *filter = (int8_t *)scratch;
    mcuc_unpack_int4(p->filter, p->filter_h * p->filter_w * p->out_c, filter);
    unpacked.filter = filter;
    return mcuc_depthwise_s8(&unpacked, input, output);
}
