/* mcuc runtime: int8 SOFTMAX over the last axis, output scale 1/256 and zero point -128 (TFLM
 * reference_ops::Softmax<int8_t, int8_t> with gemmlowp's fixed-point exp, no lookup table). */
#ifndef MCUC_SOFTMAX_H
#define MCUC_SOFTMAX_H

#include <stdint.h>
#include "mcuc_common.h"

typedef struct {
    int32_t rows, depth;
    int32_t input_multiplier;  /* Q31 mantissa of beta * input_scale * 2^26 */
    int32_t input_left_shift;
    int32_t diff_min;          /* differences below it give -128 */
} mcuc_softmax_params;

/* Row by row: a pass for the maximum, a pass for the sum of exponentials (Q12.19), then element
 * k is read and output element k written, in increasing order (the `readThenWrite` streaming
 * contract relies on it). Returns MCUC_OK, or MCUC_ERROR_SOFTMAX_RANGE where TFLM aborts (the
 * sum of exponentials of a row reaches 512). */
mcuc_status mcuc_softmax_s8(const mcuc_softmax_params *p, const int8_t *input, int8_t *output);

#endif /* MCUC_SOFTMAX_H */
