/* Draft kernels (issue 12): SUM, REDUCE_MAX, ARG_MAX, ARG_MIN (int8), RESIZE_BILINEAR (int8). */
#include <stdint.h>
#include "mcuc_fixedpoint.h"

/* One output element per (outer, inner) pair of a reduction over the middle block
 * [outer][reduced][inner] after the reduced axes have been made contiguous by the caller, or a
 * general walk: `rdims/rstrides` enumerate the reduced sub-block of each output, `odims/istride`
 * walk the kept axes in the input. */
typedef struct {
    int32_t out_rank, red_rank;
    int32_t odims[8], ostrides_in[8];  /* kept axes: extent and input stride */
    int32_t rdims[8], rstrides_in[8];  /* reduced axes: extent and input stride */
    int32_t zp_in, zp_out, mult, shift, count_reduced;
} mcuc_reduce_params;

static int32_t next(int32_t *idx, const int32_t *dims, const int32_t *strides, int32_t rank, int32_t *off)
{
    int32_t d;
    for (d = rank - 1; d >= 0; --d) {
        *off += strides[d];
        if (++idx[d] < dims[d]) { return 1; }
        *off -= strides[d] * dims[d];
        idx[d] = 0;
    }
    return 0;
}

static int32_t reduce_one(const mcuc_reduce_params *p, const int8_t *x, int32_t base, int is_max)
{
    int32_t idx[8] = {0}, off = 0;
    int32_t acc = is_max ? -128 : 0;
    do {
        const int32_t v = x[base + off];
        if (is_max) { acc = v > acc ? v : acc; } else { acc = mcuc_wadd(acc, v); }
    } while (p->red_rank > 0 && next(idx, p->rdims, p->rstrides_in, p->red_rank, &off));
    return acc;
}

static void reduce(const mcuc_reduce_params *p, const int8_t *x, int8_t *y, int is_max)
{
    int32_t idx[8] = {0}, base = 0, o = 0;
    do {
        const int32_t acc = reduce_one(p, x, base, is_max);
        if (is_max) {
            y[o] = (int8_t)acc;
        } else {
            const int32_t shifted = mcuc_wsub(acc, p->zp_in * p->count_reduced);
            y[o] = mcuc_clamp_s8(mcuc_mbqm(shifted, p->mult, p->shift) + p->zp_out, -128, 127);
        }
        ++o;
    } while (p->out_rank > 0 && next(idx, p->odims, p->ostrides_in, p->out_rank, &base));
}

void mcuc_sum_s8(const mcuc_reduce_params *p, const int8_t *x, int8_t *y) { reduce(p, x, y, 0); }
void mcuc_reduce_max_s8(const mcuc_reduce_params *p, const int8_t *x, int8_t *y) { reduce(p, x, y, 1); }

/* ARG_MAX / ARG_MIN over one axis of an [outer][axis][inner] view: the first index wins. */
void mcuc_arg_s8(int32_t outer, int32_t axis, int32_t inner, int is_max, const int8_t *x, int32_t *y)
{
    int32_t o, i, k;
    for (o = 0; o < outer; ++o) {
        for (i = 0; i < inner; ++i) {
            const int8_t *col = x + o * axis * inner + i;
            int32_t best = col[0], at = 0;
            for (k = 1; k < axis; ++k) {
                const int32_t v = col[k * inner];
                if (is_max ? v > best : v < best) { best = v; at = k; }
            }
            y[o * inner + i] = at;
        }
    }
}

static void interp(int32_t v, int32_t scale10, int half, int32_t in, int32_t *pos, int32_t *lo, int32_t *hi)
{
    *pos = half ? v * scale10 + scale10 / 2 - (1 << 9) : v * scale10;
    *lo = *pos / 1024 > 0 ? *pos / 1024 : 0;
    *hi = (*pos + 1023) / 1024 < in - 1 ? (*pos + 1023) / 1024 : in - 1;
}

/* RESIZE_BILINEAR, int8, TFLM's integer path (10-bit fixed-point positions, double rounding). */
void mcuc_resize_bilinear_s8(int32_t batch, int32_t ih, int32_t iw, int32_t c, int32_t oh, int32_t ow,
                             int32_t hscale10, int32_t wscale10, int half, const int8_t *x, int8_t *y)
{
    int32_t b, oy, ox, k;
    for (b = 0; b < batch; ++b) {
        for (oy = 0; oy < oh; ++oy) {
            int32_t py, y0, y1;
            interp(oy, hscale10, half, ih, &py, &y0, &y1);
            for (ox = 0; ox < ow; ++ox) {
                int32_t px, x0, x1;
                const int8_t *base = x + (int64_t)b * ih * iw * c;
                interp(ox, wscale10, half, iw, &px, &x0, &x1);
                for (k = 0; k < c; ++k) {
                    const int64_t wy1 = py - 1024 * y0, wy0 = 1024 - wy1, wx1 = px - 1024 * x0, wx0 = 1024 - wx1;
                    const int64_t acc = base[(y0 * iw + x0) * c + k] * wy0 * wx0 + base[(y1 * iw + x0) * c + k] * wy1 * wx0
                                      + base[(y0 * iw + x1) * c + k] * wy0 * wx1 + base[(y1 * iw + x1) * c + k] * wy1 * wx1;
                    y[((b * oh + oy) * ow + ox) * c + k] = (int8_t)((acc + (acc > 0 ? (1 << 19) : -(1 << 19))) / (1 << 20));
                }
            }
        }
    }
}
