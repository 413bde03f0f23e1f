/* mcuc runtime: RESIZE_NEAREST_NEIGHBOR. Portable C99; see mcuc_resize.h. */
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
