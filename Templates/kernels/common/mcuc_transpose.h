/* mcuc runtime: TRANSPOSE of int8 data (TFLM reference_ops::Transpose). */
#ifndef MCUC_TRANSPOSE_H
#define MCUC_TRANSPOSE_H

#include <stdint.h>
#include "mcuc_common.h"

/* Output dimension d has size dims[d]; stepping along it moves the input offset by
 * strides[d] elements (the input stride of dimension perm[d]). */
typedef struct {
    int32_t rank;
    int32_t count;
    int32_t dims[MCUC_MAX_RANK];
    int32_t strides[MCUC_MAX_RANK];
} mcuc_transpose_params;

/* Output elements in increasing order. */
mcuc_status mcuc_transpose_s8(const mcuc_transpose_params *p, const int8_t *input, int8_t *output);

#endif /* MCUC_TRANSPOSE_H */
