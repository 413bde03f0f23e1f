/* mcuc runtime: int8 pooling. Portable C99; see mcuc_pool.h. */
#include "mcuc_pool.h"
#include "mcuc_fixedpoint.h"

static void pool_run(const mcuc_pool_params *p, int average, const int8_t *input, int8_t *output)
{
    int32_t b, oy, ox, c, ky, kx;
    int8_t *out = output;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *batch = input + b * p->in_h * p->in_w * p->depth;
        for (oy = 0; oy < p->out_h; ++oy) {
            const int32_t iy0 = oy * p->stride_h - p->pad_top;
            for (ox = 0; ox < p->out_w; ++ox) {
                const int32_t ix0 = ox * p->stride_w - p->pad_left;
                for (c = 0; c < p->depth; ++c) {
                    int32_t sum = 0, count = 0, maximum = -128, value;
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
                            v = batch[(iy * p->in_w + ix) * p->depth + c];
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
                    *out++ = mcuc_clamp_s8(value, p->act_min, p->act_max);
                }
            }
        }
    }
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
