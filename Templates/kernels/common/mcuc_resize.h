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

/* RESIZE_BILINEAR on raw int8 values (TFLM reference_ops::ResizeBilinearInteger). Every output
 * row and column has a tap of four int32 values, precomputed by mcuc with TFLM's 10-bit
 * fixed-point positions: low index, high index, low weight, high weight (the weights sum to
 * 1024; one is negative only when low == high). Output element:
 * acc = sum of x[row][col] * w_row * w_col over the four (row, col) pairs,
 * out = (acc + (acc > 0 ? 2^19 : -2^19)) / 2^20 (C division). |acc| <= 128 * 2048 * 2048 < 2^31,
 * so int32 holds TFLM's int64 sum exactly. Output pixels in row-major order; any input pixel may
 * be read for an earlier output pixel, so the output never overlaps the input. */
typedef struct {
    int32_t batches;
    int32_t in_h, in_w, depth;
    int32_t out_h, out_w;
    const int32_t *rows; /* [out_h][4] */
    const int32_t *cols; /* [out_w][4] */
} mcuc_resize_bilinear_params;

mcuc_status mcuc_resize_bilinear_s8(const mcuc_resize_bilinear_params *p, const int8_t *input, int8_t *output);

#endif /* MCUC_RESIZE_H */
