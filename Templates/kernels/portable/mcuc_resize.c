/* mcuc runtime: RESIZE_NEAREST_NEIGHBOR and RESIZE_BILINEAR. Portable C99; see mcuc_resize.h. */
#include <string.h>
#include "mcuc_resize.h"

mcuc_status mcuc_resize_nearest_s8(const mcuc_resize_params *p, const int8_t *input, int8_t *output)
{
    int32_t b, y, x;
    int8_t *out = output;
    for (b = 0; b < p->batches; ++b) {
        for (y = 0; y < p->out_h; ++y) {
            const int8_t *row = input + ((int32_t)b * p->in_h + p->source_rows[y]) * p->in_w * p->depth;
            for (x = 0; x < p->out_w; ++x) {
                memcpy(out, row + p->source_cols[x] * p->depth, (size_t)p->depth);
                out += p->depth;
            }
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_resize_bilinear_s8(const mcuc_resize_bilinear_params *p, const int8_t *input, int8_t *output)
{
    const int32_t row_bytes = p->in_w * p->depth;
    int32_t b, y, x, k;
    int8_t *out = output;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *image = input + (int32_t)b * p->in_h * row_bytes;
        for (y = 0; y < p->out_h; ++y) {
            const int32_t *ty = p->rows + 4 * y;
            const int8_t *row0 = image + ty[0] * row_bytes;
            const int8_t *row1 = image + ty[1] * row_bytes;
            for (x = 0; x < p->out_w; ++x) {
                const int32_t *tx = p->cols + 4 * x;
                const int32_t c0 = tx[0] * p->depth, c1 = tx[1] * p->depth;
                const int32_t w00 = ty[2] * tx[2], w10 = ty[3] * tx[2], w01 = ty[2] * tx[3], w11 = ty[3] * tx[3];
                for (k = 0; k < p->depth; ++k) {
                    const int32_t acc = row0[c0 + k] * w00 + row1[c0 + k] * w10 + row0[c1 + k] * w01 + row1[c1 + k] * w11;
                    *out++ = (int8_t)((acc + (acc > 0 ? (1 << 19) : -(1 << 19))) / (1 << 20));
                }
            }
        }
    }
    return MCUC_OK;
}
