/* mcuc runtime: CONCATENATION of int8 data by copying (TFLM reference_ops::Concatenation), and
 * its inverse, SPLIT / SPLIT_V / UNPACK (split.cc, split_v.cc, unpack.cc). All inputs and the
 * output share one quantization, so bytes are copied unchanged. (When every dimension before
 * the axis is 1, mcuc instead lets the producers write straight into their
 * slices of the output, and no code runs.) */
#ifndef MCUC_CONCAT_H
#define MCUC_CONCAT_H

#include <stdint.h>
#include "mcuc_common.h"

typedef struct {
    int32_t inputs;
    int32_t outer;               /* product of the dimensions before the axis */
    const int32_t *slice_bytes;  /* [inputs]: input dim along the axis * inner size */
} mcuc_concat_params;

/* For each outer index in increasing order, each input's slice in operand order. */
mcuc_status mcuc_concat_s8(const mcuc_concat_params *p, const int8_t *const *inputs, int8_t *output);
/* The same for int16 data; slice_bytes counts bytes (2 per element). */
mcuc_status mcuc_concat_s16(const mcuc_concat_params *p, const int16_t *const *inputs, int16_t *output);

/* CONCATENATION along the channels of NHWC tensors, for one patch of a patch stage (see
 * MCUC_PATCH_FIELDS in mcuc_common.h), operands the inputs then the output: for each output pixel
 * of the rectangle in raster order, each input's slice_bytes[k] channels in operand order.
 * `outer` of `p` is the whole layer's and is not read. */
mcuc_status mcuc_concat_patch_s8(const mcuc_concat_params *p, const int32_t *rows, const int32_t *cols,
                                 const int8_t *const *inputs, int8_t *output);

typedef struct {
    int32_t outputs;
    int32_t outer;               /* product of the input dimensions before the axis */
    const int32_t *slice_bytes;  /* [outputs]: output dim along the axis * inner size */
} mcuc_split_params;

/* SPLIT, SPLIT_V, UNPACK (the inverse of mcuc_concat_s8): for each outer index in increasing
 * order, each output's slice in output order, read from the input in sequence. The input and
 * the outputs do not overlap. */
mcuc_status mcuc_split_s8(const mcuc_split_params *p, const int8_t *input, int8_t *const *outputs);

#endif /* MCUC_CONCAT_H */
