/* mcuc runtime: RESIZE_NEAREST_NEIGHBOR on NHWC int8 data (TFLM
 * reference_ops::ResizeNearestNeighbor). The source row and column of every output row and column
 * are precomputed by mcuc with TFLM's float32 GetNearestNeighbor arithmetic. */
#ifndef MCUC_RESIZE_H
#define MCUC_RESIZE_H

#include <stdint.h>
#include "mcuc_common.h"

typedef struct {
    int32_t batches;
    int32_t in_h, in_w, depth;
    int32_t out_h, out_w;
    const int32_t *source_rows; /* [out_h] */
    const int32_t *source_cols; /* [out_w] */
} mcuc_resize_params;

/* Output pixels in row-major order, each a copy of `depth` bytes of its source pixel. */
mcuc_status mcuc_resize_nearest_s8(const mcuc_resize_params *p, const int8_t *input, int8_t *output);

#endif /* MCUC_RESIZE_H */
