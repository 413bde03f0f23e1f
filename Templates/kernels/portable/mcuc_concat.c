/* mcuc runtime: CONCATENATION and SPLIT by copying. Portable C99; see mcuc_concat.h. */
#include <string.h>
#include "mcuc_concat.h"

mcuc_status mcuc_concat_s8(const mcuc_concat_params *p, const int8_t *const *inputs, int8_t *output)
{
    int32_t o, k;
    int8_t *out = output;
    for (o = 0; o < p->outer; ++o) {
        for (k = 0; k < p->inputs; ++k) {
            const int32_t n = p->slice_bytes[k];
            memcpy(out, inputs[k] + o * n, (size_t)n);
            out += n;
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_concat_s16(const mcuc_concat_params *p, const int16_t *const *inputs, int16_t *output)
{
    int32_t o, k;
    uint8_t *out = (uint8_t *)output;
    for (o = 0; o < p->outer; ++o) {
        for (k = 0; k < p->inputs; ++k) {
            const int32_t n = p->slice_bytes[k];
            memcpy(out, (const uint8_t *)inputs[k] + o * n, (size_t)n);
            out += n;
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_concat_patch_s8(const mcuc_concat_params *p, const int32_t *rows, const int32_t *cols,
                                 const int8_t *const *inputs, int8_t *output)
{
    int32_t channels = 0, k, y, x;
    mcuc_plane out;
    for (k = 0; k < p->inputs; ++k) {
        channels += p->slice_bytes[k];
    }
    out = mcuc_patch_plane(rows, cols, p->inputs, channels);
    for (y = 0; y < out.h; ++y) {
        for (x = 0; x < out.w; ++x) {
            int8_t *o = output + out.offset + y * out.pitch + x * channels;
            for (k = 0; k < p->inputs; ++k) {
                const int32_t n = p->slice_bytes[k];
                const mcuc_plane in = mcuc_patch_plane(rows, cols, k, n);
                memcpy(o, inputs[k] + in.offset + y * in.pitch + x * n, (size_t)n);
                o += n;
            }
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_split_s8(const mcuc_split_params *p, const int8_t *input, int8_t *const *outputs)
{
    int32_t o, k;
    const int8_t *in = input;
    for (o = 0; o < p->outer; ++o) {
        for (k = 0; k < p->outputs; ++k) {
            const int32_t n = p->slice_bytes[k];
            memcpy(outputs[k] + o * n, in, (size_t)n);
            in += n;
        }
    }
    return MCUC_OK;
}
