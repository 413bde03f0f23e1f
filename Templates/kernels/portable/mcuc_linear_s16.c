/* mcuc runtime: int16x8 CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, TRANSPOSE_CONV. Portable C99;
 * see mcuc_linear_s16.h for the arithmetic. Wrapping int64 arithmetic is done in uint64_t. */
#include "mcuc_linear_s16.h"
#include "mcuc_fixedpoint.h"

/* uint64_t -> int64_t by two's complement, without implementation-defined conversion. */
static int64_t u2i64(uint64_t x)
{
    return x <= (uint64_t)INT64_MAX ? (int64_t)x : -(int64_t)(~x) - 1;
}

/* TFLM MultiplyByQuantizedMultiplier(int64_t x, m, shift) (shift < 8): the multiplier rounded to
 * 16 bits, x * m16 + 2^(t-1) (modulo 2^64) shifted right arithmetically by t = 15 - shift, then
 * truncated to int32. */
static int32_t mbqm64(int64_t x, int32_t m, int32_t shift)
{
    const int64_t reduced = m < 0x7FFF0000 ? ((int64_t)m + (1 << 15)) >> 16 : 0x7FFF;
    const int32_t total = 15 - shift;
    const int64_t r = u2i64((uint64_t)x * (uint64_t)reduced + ((uint64_t)1 << (total - 1))) >> total;
    return mcuc_u2i((uint32_t)((uint64_t)r & 0xFFFFFFFFu));
}

/* The output stage of channel c for the exact product sum `sum`. */
static int16_t requantize(int64_t sum, int32_t c, int32_t acc64, const int64_t *bias, const int32_t *mult,
                          const int32_t *shift, int32_t per_channel, int32_t lo, int32_t hi)
{
    const uint64_t acc = (uint64_t)sum + (uint64_t)bias[c];
    const int32_t q = per_channel ? c : 0;
    int32_t scaled = acc64 ? mbqm64(u2i64(acc), mult[q], shift[q])
                           : mcuc_mbqm(mcuc_u2i((uint32_t)(acc & 0xFFFFFFFFu)), mult[q], shift[q]);
    scaled = scaled < lo ? lo : (scaled > hi ? hi : scaled);
    return (int16_t)scaled;
}

mcuc_status mcuc_conv2d_s16(const mcuc_conv2d_s16_params *p, const int16_t *input, int16_t *output)
{
    const int32_t filters_per_group = p->out_c / (p->in_c / p->filter_c);  
    int32_t b, oy, ox, oc, ky, kx, ic;
    int16_t *out = output;
    for (b = 0; b < p->batches; ++b) {
        const int16_t *image = input + (int32_t)b * p->in_h * p->in_w * p->in_c;
        for (oy = 0; oy < p->out_h; ++oy) {
            for (ox = 0; ox < p->out_w; ++ox) {
                for (oc = 0; oc < p->out_c; ++oc) {
                    const int32_t base = (oc / filters_per_group) * p->filter_c;
                    int64_t sum = 0;
                    for (ky = 0; ky < p->filter_h; ++ky) {
                        const int32_t iy = oy * p->stride_h - p->pad_top + ky * p->dilation_h;
                        if (iy < 0 || iy >= p->in_h) {
                            continue;
                        }
                        for (kx = 0; kx < p->filter_w; ++kx) {
                            const int32_t ix = ox * p->stride_w - p->pad_left + kx * p->dilation_w;
                            const int16_t *x;
                            const int8_t *w;
                            if (ix < 0 || ix >= p->in_w) {
                                continue;
                            }
                            x = image + (iy * p->in_w + ix) * p->in_c + base;
                            w = p->filter + ((oc * p->filter_h + ky) * p->filter_w + kx) * p->filter_c;
                            for (ic = 0; ic < p->filter_c; ++ic) {
                                sum += (int64_t)((int32_t)w[ic] * (int32_t)x[ic]);
                            }
                        }
                    }
                    *out++ = requantize(sum, oc, p->acc64, p->bias, p->mult, p->shift, p->per_channel,
                                        p->act_min, p->act_max);
                }
            }
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_depthwise_s16(const mcuc_depthwise_s16_params *p, const int16_t *input, int16_t *output)
{
    int32_t b, oy, ox, oc, ky, kx;
    int16_t *out = output;
    for (b = 0; b < p->batches; ++b) {
        const int16_t *image = input + (int32_t)b * p->in_h * p->in_w * p->in_c;
        for (oy = 0; oy < p->out_h; ++oy) {
            for (ox = 0; ox < p->out_w; ++ox) {
                for (oc = 0; oc < p->out_c; ++oc) {
                    const int32_t ic = oc / p->depth_multiplier;
                    int64_t sum = 0;
                    for (ky = 0; ky < p->filter_h; ++ky) {
                        const int32_t iy = oy * p->stride_h - p->pad_top + ky * p->dilation_h;
                        if (iy < 0 || iy >= p->in_h) {
                            continue;
                        }
                        for (kx = 0; kx < p->filter_w; ++kx) {
                            const int32_t ix = ox * p->stride_w - p->pad_left + kx * p->dilation_w;
                            if (ix < 0 || ix >= p->in_w) {
                                continue;
                            }
                            sum += (int64_t)((int32_t)p->filter[(ky * p->filter_w + kx) * p->out_c + oc]
                                             * (int32_t)image[(iy * p->in_w + ix) * p->in_c + ic]);
                        }
                    }
                    *out++ = requantize(sum, oc, p->acc64, p->bias, p->mult, p->shift, p->per_channel,
                                        p->act_min, p->act_max);
                }
            }
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_fully_connected_s16(const mcuc_fully_connected_s16_params *p, const int16_t *input,
                                     int16_t *output)
{
    int32_t b, u, d;
    for (b = 0; b < p->batches; ++b) {
        const int16_t *x = input + b * p->depth;
        for (u = 0; u < p->units; ++u) {
            const int8_t *w = p->filter + u * p->depth;
            int64_t sum = 0;
            for (d = 0; d < p->depth; ++d) {
                sum += (int64_t)((int32_t)w[d] * (int32_t)x[d]);
            }
            output[b * p->units + u] = requantize(sum, u, p->acc64, p->bias, p->mult, p->shift, p->per_channel,
                                                  p->act_min, p->act_max);
        }
    }
    return MCUC_OK;
}

/* The first tap k >= 0 with o + pad - k a multiple of stride (o, pad >= 0). */
static int32_t first_tap(int32_t o, int32_t pad, int32_t stride)
{
    return (o + pad) % stride;
}

mcuc_status mcuc_transpose_conv_s16(const mcuc_transpose_conv_s16_params *p, const int16_t *input,
                                    int16_t *output)
{
    const int32_t taps = p->filter_h * p->filter_w * p->in_c;
    int32_t b, oy, ox, oc, ky, kx, ic;
    int16_t *out = output;
    for (b = 0; b < p->batches; ++b) {
        const int16_t *image = input + (int32_t)b * p->in_h * p->in_w * p->in_c;
        for (oy = 0; oy < p->out_h; ++oy) {
            const int32_t ky0 = first_tap(oy, p->pad_top, p->stride_h);
            for (ox = 0; ox < p->out_w; ++ox) {
                const int32_t kx0 = first_tap(ox, p->pad_left, p->stride_w);
                for (oc = 0; oc < p->out_c; ++oc) {
                    const int8_t *w = p->filter + oc * taps;
                    int64_t sum = 0;
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
                            const int16_t *x;
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
                                sum += (int64_t)((int32_t)f[ic] * (int32_t)x[ic]);
                            }
                        }
                    }
                    *out++ = requantize(sum, oc, p->acc64, p->bias, p->mult, p->shift, p->per_channel,
                                        p->act_min, p->act_max);
                }
            }
        }
    }
    return MCUC_OK;
}
