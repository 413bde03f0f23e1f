/* mcuc runtime: copies whose source index along each output axis depends on that axis alone
 * (MIRROR_PAD; GATHER with constant coordinates; BATCH_TO_SPACE_ND), and SPACE_TO_BATCH_ND. mcuc precomputes, per output axis, the input
 * element offset of every index along it. GATHER with run-time coordinates reads them itself. */
#ifndef MCUC_GATHER_H
#define MCUC_GATHER_H

#include <stdint.h>
#include "mcuc_common.h"

typedef struct {
    int32_t rank;
    int32_t count;
    int32_t dims[MCUC_MAX_RANK];
    const int32_t *offsets; /* dims[0] offsets of axis 0, then dims[1] of axis 1, ... */
} mcuc_gather_params;

/* Output elements in row-major order; element (o_0, ..., o_r) is input[sum of the offsets of
 * o_d along axis d]. Writes only after all its reads of the input (no overlap allowed). */
mcuc_status mcuc_axis_gather_s8(const mcuc_gather_params *p, const int8_t *input, int8_t *output);

/* GATHER with coordinates read at run time. */
typedef struct {
    int32_t batches;   /* product of the batch_dims leading axes */
    int32_t outer;     /* product of params' axes between batch_dims and axis */
    int32_t axis_size; /* params[axis]: coordinates must lie in [0, axis_size) */
    int32_t per_batch; /* coordinates per batch */
    int32_t inner;     /* product of params' axes after axis: the bytes of one slice */
} mcuc_gather_coords_params;

/* Output element (b, o, c, i) = params[((b * outer + o) * axis_size + coords[b * per_batch + c])
 * * inner + i]; coords are int32 (read byte-wise, any alignment). Checks every coordinate before
 * it writes anything and returns MCUC_ERROR_INPUT_DOMAIN, the output untouched, if one lies
 * outside [0, axis_size). Separate params, coordinates and output (no overlap). */
mcuc_status mcuc_gather_s8(const mcuc_gather_coords_params *p, const int8_t *params, const uint8_t *coords,
                           int8_t *output);

/* SPACE_TO_BATCH_ND on NHWC data (rank 3 runs as width 1). */
typedef struct {
    int32_t batch, height, width, channels; /* the input */
    int32_t block_h, block_w;
    int32_t pad_top, pad_left;
    int32_t out_height, out_width;
    int32_t pad_value;                      /* the output zero point (TFLite's rule) */
} mcuc_space_to_batch_params;

/* Output pixels in row-major order: output batch ob reads input batch ob % batch at
 * (oh * block_h + sh - pad_top, ow * block_w + sw - pad_left), sh = (ob / batch) / block_w,
 * sw = (ob / batch) % block_w; a pixel outside the input is filled with pad_value. Separate
 * input and output (no overlap). */
mcuc_status mcuc_space_to_batch_s8(const mcuc_space_to_batch_params *p, const int8_t *input, int8_t *output);

#endif /* MCUC_GATHER_H */
