/* mcuc runtime: int8 L2_NORMALIZATION over the last axis (TFLM
 * reference_integer_ops::L2Normalization): per row, the sum of squares of x - zp (int32), its
 * inverse square root as a multiplier and shift (GetInvSqrtQuantizedMultiplierExp, Newton steps
 * in gemmlowp Q3.28), then each element scaled to Q0.7 (1/128, zero point 0) and clamped. */
#ifndef MCUC_L2NORM_H
#define MCUC_L2NORM_H

#include <stdint.h>
#include "mcuc_common.h"

typedef struct {
    int32_t rows, depth;
    int32_t input_zero_point;
} mcuc_l2norm_params;

/* Row by row: a pass sums the squares, then element k is read and output element k written, in
 * increasing order (the `readThenWrite` streaming contract relies on it). Always MCUC_OK. */
mcuc_status mcuc_l2norm_s8(const mcuc_l2norm_params *p, const int8_t *input, int8_t *output);

#endif /* MCUC_L2NORM_H */
