/* mcuc runtime: STRIDED_SLICE of int8 data (TFLM reference_ops::StridedSlice). mcuc resolves
 * begin, end, strides and the masks at compile time (StridedSlicePlan): axis d visits counts[d]
 * indices, stepping the input offset by steps[d] elements (stride * input stride). */
#ifndef MCUC_STRIDED_SLICE_H
#define MCUC_STRIDED_SLICE_H

#include <stdint.h>
#include "mcuc_common.h"

typedef struct {
    int32_t rank;
    int32_t count;                 /* output elements: the product of counts */
    int32_t start;                 /* input offset of the first element */
    int32_t counts[MCUC_MAX_RANK];
    int32_t steps[MCUC_MAX_RANK];
} mcuc_strided_slice_params;

/* Visited elements in row-major order of the visited indices. */
mcuc_status mcuc_strided_slice_s8(const mcuc_strided_slice_params *p, const int8_t *input, int8_t *output);

#endif /* MCUC_STRIDED_SLICE_H */
