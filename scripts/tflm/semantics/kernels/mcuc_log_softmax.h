/* mcuc runtime: LOG_SOFTMAX over the last axis (TFLM reference_ops::LogSoftmax): int8 in and
 * out (scale 16/256, zero point 127) with gemmlowp fixed point, or float32 with glibc-exact
 * expf / logf. */
#ifndef MCUC_LOG_SOFTMAX_H
#define MCUC_LOG_SOFTMAX_H

#include <stdint.h>
#include "mcuc_common.h"

typedef struct {
    int32_t rows, depth;
    int32_t input_multiplier;            /* Q31 mantissa of input_scale * 2^26 (int8 only) */
    int32_t input_left_shift;
    int32_t reverse_scaling_divisor;     /* Q31 mantissa of 2^(31 - left shift) / multiplier */
    int32_t reverse_scaling_right_shift; /* >= 0 */
    int32_t diff_min;                    /* differences below it give -128 */
} mcuc_log_softmax_params;

/* Row by row: a pass for the maximum, one for the sum of exponentials, then element k is read
 * and output element k written, in increasing order. Return MCUC_OK. */
int mcuc_log_softmax_s8(const mcuc_log_softmax_params *p, const int8_t *input, int8_t *output);
int mcuc_log_softmax_f32(const mcuc_log_softmax_params *p, const float *input, float *output);

#endif /* MCUC_LOG_SOFTMAX_H */
