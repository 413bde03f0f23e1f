/* mcuc runtime: int8 MEAN and SUM (TFLM reduce_common.cc, QuantizedMeanOrSum), REDUCE_MAX,
 * ARG_MAX and ARG_MIN (TFLM arg_min_max.cc). */
#ifndef MCUC_MEAN_H
#define MCUC_MEAN_H

#include <stdint.h>
#include "mcuc_common.h"

/* The input's dimensions split into kept ones (walked in row-major order: one output element
 * each) and reduced ones (summed), each with its element stride in the input.
 * out = MBQM(sum - correction, mult, shift) + output_zp, clamped to [-128, 127], where
 * correction = input_zp * count (mod 2^32) and mult/shift already include 1/count. */
typedef struct {
    int32_t kept_rank;
    int32_t kept_dims[MCUC_MAX_RANK];
    int32_t kept_strides[MCUC_MAX_RANK];
    int32_t reduced_rank;
    int32_t reduced_dims[MCUC_MAX_RANK];
    int32_t reduced_strides[MCUC_MAX_RANK];
    int32_t output_count;
    int32_t correction;
    int32_t mult, shift;
    int32_t output_zp;
} mcuc_mean_params;

/* For each output element in increasing order, accumulate its reduced elements in a register,
 * then write it (int32 sums wrap, as in TFLM; the summation order does not change the result). */
mcuc_status mcuc_mean_s8(const mcuc_mean_params *p, const int8_t *input, int8_t *output);

/* REDUCE_MAX: for each output element in increasing order, the largest raw value of its reduced
 * elements (from -128); only the geometry of `p` is read. */
mcuc_status mcuc_reduce_max_s8(const mcuc_mean_params *p, const int8_t *input, int8_t *output);

/* ARG_MAX / ARG_MIN over the middle axis of an [outer][axis][inner] view of the input. */
typedef struct {
    int32_t outer;
    int32_t axis;    /* >= 1 */
    int32_t inner;
    int32_t largest; /* 1: ARG_MAX, 0: ARG_MIN */
} mcuc_arg_params;

/* For each (outer, inner) position in row-major order, the first index k along the axis whose
 * raw value is the largest (smallest): strict comparisons, so the first index wins on ties.
 * Writes int32 indices (native byte order) to `output`, which needs no alignment; the output is
 * a separate buffer (four bytes per element, it cannot overlap the input). */
mcuc_status mcuc_arg_min_max_s8(const mcuc_arg_params *p, const int8_t *input, uint8_t *output);

#endif /* MCUC_MEAN_H */
