/* mcuc runtime: PAD / PADV2. Portable C99; see mcuc_pad.h. */
#include <string.h>
#include "mcuc_pad.h"

mcuc_status mcuc_pad_s8(const mcuc_pad_params *p, const int8_t *input, int8_t *output)
{
    int32_t index[MCUC_MAX_RANK];
    int32_t offset = p->start, copied = 0, d, row;
    memset(output, (int)(int8_t)p->fill, (size_t)p->out_count);
    if (p->rank == 0) {
        if (p->in_count > 0) {
            output[0] = input[0];
        }
        return MCUC_OK;
    }
    row = p->in_dims[p->rank - 1];
    for (d = 0; d < p->rank; ++d) {
        index[d] = 0;
    }
    while (copied < p->in_count && row > 0) {
        memcpy(output + offset, input + copied, (size_t)row);
        copied += row;
        for (d = p->rank - 2; d >= 0; --d) {
            offset += p->out_strides[d];
            if (++index[d] < p->in_dims[d]) {
                break;
            }
            offset -= p->out_strides[d] * index[d];
            index[d] = 0;
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_pad_s16(const mcuc_pad_params *p, const int16_t *input, int16_t *output)
{
    int32_t index[MCUC_MAX_RANK];
    int32_t offset = p->start, copied = 0, d, row, i;
    for (i = 0; i < p->out_count; ++i) {
        output[i] = (int16_t)p->fill;
    }
    if (p->rank == 0) {
        if (p->in_count > 0) {
            output[0] = input[0];
        }
        return MCUC_OK;
    }
    row = p->in_dims[p->rank - 1];
    for (d = 0; d < p->rank; ++d) {
        index[d] = 0;
    }
    while (copied < p->in_count && row > 0) {
        memcpy(output + offset, input + copied, (size_t)row * sizeof(int16_t));
        copied += row;
        for (d = p->rank - 2; d >= 0; --d) {
            offset += p->out_strides[d];
            if (++index[d] < p->in_dims[d]) {
                break;
            }
            offset -= p->out_strides[d] * index[d];
            index[d] = 0;
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_pad_patch_s8(const mcuc_pad_patch_params *p, const int32_t *rows, const int32_t *cols,
                              const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->channels);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->channels);
    int32_t y, x;
    for (y = 0; y < out.h; ++y) {
        const int32_t iy = y - in.pad_top;
        for (x = 0; x < out.w; ++x) {
            const int32_t ix = x - in.pad_left;
            int8_t *o = output + out.offset + y * out.pitch + x * p->channels;
            if (iy < 0 || iy >= in.h || ix < 0 || ix >= in.w) {
                memset(o, (int)(int8_t)p->fill, (size_t)p->channels);
            } else {
                memcpy(o, input + in.offset + iy * in.pitch + ix * p->channels, (size_t)p->channels);
            }
        }
    }
    return MCUC_OK;
}
