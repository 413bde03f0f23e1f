/* mcuc runtime: int8 and int16 AVERAGE_POOL_2D and MAX_POOL_2D (TFLM
 * reference_integer_ops::AveragePool and MaxPool, both types). Input and output share
 * quantization. */
#ifndef MCUC_POOL_H
#define MCUC_POOL_H

#include <stdint.h>
#include "mcuc_common.h"

typedef struct {
    int32_t batches;
    int32_t in_h, in_w, depth;
    int32_t out_h, out_w;
    int32_t filter_h, filter_w;
    int32_t stride_h, stride_w;
    int32_t pad_top, pad_left;   /* taps outside the input do not count */
    int32_t act_min, act_max;
} mcuc_pool_params;

/* Both kernels visit batches, output rows in increasing order, columns, channels (the `rows`
 * streaming contract relies on it).
 * Average: n in-bounds taps with raw sum s, (s > 0 ? s + n/2 : s - n/2) / n (C division),
 * clamped. Max: the largest in-bounds value, clamped. */
mcuc_status mcuc_avg_pool_s8(const mcuc_pool_params *p, const int8_t *input, int8_t *output);
mcuc_status mcuc_max_pool_s8(const mcuc_pool_params *p, const int8_t *input, int8_t *output);
/* The same for int16 data (the sum stays in int32: a window of up to 65,536 taps); portable only. */
mcuc_status mcuc_avg_pool_s16(const mcuc_pool_params *p, const int16_t *input, int16_t *output);
mcuc_status mcuc_max_pool_s16(const mcuc_pool_params *p, const int16_t *input, int16_t *output);

/* Helium (mcuc_pool_mve.c): the same values in the same row order, 16 channels of a pixel per
 * pass (each pass's taps read before it is written), no scratch. */
mcuc_status mcuc_avg_pool_s8_mve(const mcuc_pool_params *p, const int8_t *input, int8_t *output);
mcuc_status mcuc_max_pool_s8_mve(const mcuc_pool_params *p, const int8_t *input, int8_t *output);

/* One patch of a patch stage (see MCUC_PATCH_FIELDS in mcuc_common.h), operands input then
 * output: what the kernels above compute for the output rectangle, in the same order; batches,
 * in_h, in_w, out_h, out_w, pad_top and pad_left of `p` are the whole layer's and are not read. */
mcuc_status mcuc_avg_pool_patch_s8(const mcuc_pool_params *p, const int32_t *rows, const int32_t *cols,
                                   const int8_t *input, int8_t *output);
mcuc_status mcuc_max_pool_patch_s8(const mcuc_pool_params *p, const int32_t *rows, const int32_t *cols,
                                   const int8_t *input, int8_t *output);

#endif /* MCUC_POOL_H */
