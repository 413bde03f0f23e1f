/* mcuc runtime: int8 and int16 pooling. Portable C99; see mcuc_pool.h. */
#include "mcuc_pool.h"
#include "mcuc_fixedpoint.h"

/* Output rows in increasing order, columns, channels, over the rectangles `in` and `out`. */
static void pool_plane(const mcuc_pool_params *p, int average, const int8_t *input, const mcuc_plane *in,
                       int8_t *output, const mcuc_plane *out)
{
    int32_t oy, ox, c, ky, kx;
    for (oy = 0; oy < out->h; ++oy) {
        const int32_t iy0 = oy * p->stride_h - in->pad_top;
        int8_t *row = output + out->offset + oy * out->pitch;
        for (ox = 0; ox < out->w; ++ox) {
            const int32_t ix0 = ox * p->stride_w - in->pad_left;
            for (c = 0; c < p->depth; ++c) {
                int32_t sum = 0, count = 0, maximum = -128, value;
                for (ky = 0; ky < p->filter_h; ++ky) {
                    const int32_t iy = iy0 + ky;
                    if (iy < 0 || iy >= in->h) {
                        continue;
                    }
                    for (kx = 0; kx < p->filter_w; ++kx) {
                        const int32_t ix = ix0 + kx;
                        int32_t v;
                        if (ix < 0 || ix >= in->w) {
                            continue;
                        }
                        v = input[in->offset + iy * in->pitch + ix * p->depth + c];
                        sum += v;
                        ++count;
                        maximum = v > maximum ? v : maximum;
                    }
                }
                if (average) {
                    value = count == 0 ? 0 : (sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count);
                } else {
                    value = maximum;
                }
                row[ox * p->depth + c] = mcuc_clamp_s8(value, p->act_min, p->act_max);
            }
        }
    }
}

static void pool_run(const mcuc_pool_params *p, int average, const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_plane_dense(p->in_h, p->in_w, p->depth, p->pad_top, p->pad_left);
    const mcuc_plane out = mcuc_plane_dense(p->out_h, p->out_w, p->depth, 0, 0);
    int32_t b;
    for (b = 0; b < p->batches; ++b) {
        pool_plane(p, average, input + b * p->in_h * p->in_w * p->depth, &in,
                   output + b * p->out_h * p->out_w * p->depth, &out);
    }
}

/* pool_plane for whole int16 tensors: batches, output rows in increasing order, columns, channels. */
static void pool_run_s16(const mcuc_pool_params *p, int average, const int16_t *input, int16_t *output)
{
    int32_t b, oy, ox, c, ky, kx;
    for (b = 0; b < p->batches; ++b) {
        const int16_t *in = input + b * p->in_h * p->in_w * p->depth;
        int16_t *out = output + b * p->out_h * p->out_w * p->depth;
        for (oy = 0; oy < p->out_h; ++oy) {
            const int32_t iy0 = oy * p->stride_h - p->pad_top;
            for (ox = 0; ox < p->out_w; ++ox) {
                const int32_t ix0 = ox * p->stride_w - p->pad_left;
                for (c = 0; c < p->depth; ++c) {
                    int32_t sum = 0, count = 0, maximum = -32768, value;
                    for (ky = 0; ky < p->filter_h; ++ky) {
                        const int32_t iy = iy0 + ky;
                        if (iy < 0 || iy >= p->in_h) {
                            continue;
                        }
                        for (kx = 0; kx < p->filter_w; ++kx) {
                            const int32_t ix = ix0 + kx;
                            int32_t v;
                            if (ix < 0 || ix >= p->in_w) {
                                continue;
                            }
                            v = in[(iy * p->in_w + ix) * p->depth + c];
                            sum += v;
                            ++count;
                            maximum = v > maximum ? v : maximum;
                        }
                    }
                    if (average) {
                        value = count == 0 ? 0 : (sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count);
                    } else {
                        value = maximum;
                    }
                    out[(oy * p->out_w + ox) * p->depth + c] = mcuc_clamp_s16(value, p->act_min, p->act_max);
                }
            }
        }
    }
}

mcuc_status mcuc_avg_pool_s16(const mcuc_pool_params *p, const int16_t *input, int16_t *output)
{
    pool_run_s16(p, 1, input, output);
    return MCUC_OK;
}

mcuc_status mcuc_max_pool_s16(const mcuc_pool_params *p, const int16_t *input, int16_t *output)
{
    pool_run_s16(p, 0, input, output);
    return MCUC_OK;
}

mcuc_status mcuc_avg_pool_s8(const mcuc_pool_params *p, const int8_t *input, int8_t *output)
{
    pool_run(p, 1, input, output);
    return MCUC_OK;
}

mcuc_status mcuc_max_pool_s8(const mcuc_pool_params *p, const int8_t *input, int8_t *output)
{
    pool_run(p, 0, input, output);
    return MCUC_OK;
}

mcuc_status mcuc_avg_pool_patch_s8(const mcuc_pool_params *p, const int32_t *rows, const int32_t *cols,
                                   const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->depth);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->depth);
    pool_plane(p, 1, input, &in, output, &out);
    return MCUC_OK;
}

mcuc_status mcuc_max_pool_patch_s8(const mcuc_pool_params *p, const int32_t *rows, const int32_t *cols,
                                   const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->depth);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->depth);
    pool_plane(p, 0, input, &in, output, &out);
    return MCUC_OK;
}
