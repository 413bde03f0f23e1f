/* mcuc runtime: PAD and PADV2 of int8 and int16 data (TFLM reference_ops::Pad). */
#ifndef MCUC_PAD_H
#define MCUC_PAD_H

#include <stdint.h>
#include "mcuc_common.h"

/* The output (out_count elements) is filled with `fill`, then the input is copied in at output
 * offset `start`, one innermost row (in_dims[rank - 1] elements) at a time; stepping input
 * dimension d moves the output offset by out_strides[d]. */
typedef struct {
    int32_t rank;
    int32_t out_count;
    int32_t in_count;
    int32_t start;
    int32_t in_dims[MCUC_MAX_RANK];
    int32_t out_strides[MCUC_MAX_RANK];
    int32_t fill;
} mcuc_pad_params;

mcuc_status mcuc_pad_s8(const mcuc_pad_params *p, const int8_t *input, int8_t *output);
/* The same for int16 data: counts, offsets and strides in elements, `fill` an int16 value. */
mcuc_status mcuc_pad_s16(const mcuc_pad_params *p, const int16_t *input, int16_t *output);

/* PAD of the spatial axes of an NHWC tensor, for one patch of a patch stage (see
 * MCUC_PATCH_FIELDS in mcuc_common.h), operands input then output: output pixel (y, x) of the
 * rectangle is input pixel (y - pad_top, x - pad_left) of the input rectangle, or `fill` where
 * that lies outside it. */
typedef struct {
    int32_t channels;
    int32_t fill;
} mcuc_pad_patch_params;

mcuc_status mcuc_pad_patch_s8(const mcuc_pad_patch_params *p, const int32_t *rows, const int32_t *cols,
                              const int8_t *input, int8_t *output);

#endif /* MCUC_PAD_H */
