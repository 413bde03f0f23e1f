/* mcuc runtime: MIRROR_PAD, GATHER, BATCH_TO_SPACE_ND, SPACE_TO_BATCH_ND.
 * Portable C99; see mcuc_gather.h. */
#include <string.h>
#include "mcuc_gather.h"

mcuc_status mcuc_axis_gather_s8(const mcuc_gather_params *p, const int8_t *input, int8_t *output)
{
    const int32_t *table[MCUC_MAX_RANK];
    int32_t index[MCUC_MAX_RANK];
    int32_t d, i, n = 0, base;
    const int32_t last = p->rank - 1;
    const int32_t *offsets = p->offsets;
    for (d = 0; d < p->rank; ++d) {
        table[d] = offsets;
        offsets += p->dims[d];
        index[d] = 0;
    }
    while (n < p->count) {
        /* The innermost axis as a tight loop over its table, then an odometer step. */
        base = 0;
        for (d = 0; d < last; ++d) {
            base += table[d][index[d]];
        }
        for (i = 0; i < p->dims[last]; ++i) {
            output[n++] = input[base + table[last][i]];
        }
        for (d = last - 1; d >= 0; --d) {
            if (++index[d] < p->dims[d]) {
                break;
            }
            index[d] = 0;
        }
    }
    return MCUC_OK;
}

/* Coordinate k of a run-time GATHER. */
static int32_t coordinate(const uint8_t *coords, int32_t k)
{
    int32_t c;
    memcpy(&c, coords + 4 * k, sizeof c);
    return c;
}

mcuc_status mcuc_gather_s8(const mcuc_gather_coords_params *p, const int8_t *params, const uint8_t *coords,
                           int8_t *output)
{
    const int32_t count = p->batches * p->per_batch;
    int32_t b, o, c, k;
    for (k = 0; k < count; ++k) {
        const int32_t at = coordinate(coords, k);
        if (at < 0 || at >= p->axis_size) {
            return MCUC_ERROR_INPUT_DOMAIN;
        }
    }
    for (b = 0; b < p->batches; ++b) {
        for (o = 0; o < p->outer; ++o) {
            const int8_t *block = params + (b * p->outer + o) * p->axis_size * p->inner;
            for (c = 0; c < p->per_batch; ++c) {
                memcpy(output, block + coordinate(coords, b * p->per_batch + c) * p->inner, (size_t)p->inner);
                output += p->inner;
            }
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_space_to_batch_s8(const mcuc_space_to_batch_params *p, const int8_t *input, int8_t *output)
{
    const int32_t c = p->channels, blocks = p->block_h * p->block_w;
    int32_t ob, oh, ow;
    for (ob = 0; ob < p->batch * blocks; ++ob) {
        const int32_t block = ob / p->batch;
        const int8_t *image = input + (ob % p->batch) * p->height * p->width * c;
        const int32_t sh = block / p->block_w - p->pad_top, sw = block % p->block_w - p->pad_left;
        for (oh = 0; oh < p->out_height; ++oh) {
            const int32_t h = oh * p->block_h + sh;
            for (ow = 0; ow < p->out_width; ++ow) {
                const int32_t w = ow * p->block_w + sw;
                if (h >= 0 && h < p->height && w >= 0 && w < p->width) {
                    memcpy(output, image + (h * p->width + w) * c, (size_t)c);
                } else {
                    memset(output, p->pad_value, (size_t)c);
                }
                output += c;
            }
        }
    }
    return MCUC_OK;
}
