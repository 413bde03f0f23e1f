/* mcuc runtime: copies whose source index along each output axis depends on that axis alone
 * (MIRROR_PAD; GATHER with constant coordinates). mcuc precomputes, per output axis, the input
 * element offset of every index along it. */
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

#endif /* MCUC_GATHER_H */
