/* mcuc runtime: LOG_SOFTMAX over the last axis (TFLM reference_ops::LogSoftmax): int8 in and out
 * (output scale 16/256, zero point 127) with gemmlowp fixed point, or float32 in and out with
 * glibc-exact expf / logf (mcuc_libm.h). */
#ifndef MCUC_LOG_SOFTMAX_H
#define MCUC_LOG_SOFTMAX_H

#include <stdint.h>
#include "mcuc_common.h"

typedef struct {
    int32_t rows, depth;
    int32_t input_multiplier;            /* Q31 mantissa of input_scale * 2^26 (int8; 0 for float) */
    int32_t input_left_shift;
    int32_t reverse_scaling_divisor;     /* Q31 mantissa of 2^(31 - input_left_shift) / input_multiplier */
    int32_t reverse_scaling_right_shift; /* >= 0 */
    int32_t diff_min;                    /* differences below it contribute nothing */
} mcuc_log_softmax_params;

/* Row by row: a pass for the maximum, a pass for the sum of exponentials, then element k is read
 * and output element k written, in increasing order (the `readThenWrite` streaming contract
 * relies on it). Return MCUC_OK. Float data is little-endian binary32 accessed with memcpy. */
mcuc_status mcuc_log_softmax_s8(const mcuc_log_softmax_params *p, const int8_t *input, int8_t *output);
mcuc_status mcuc_log_softmax_f32(const mcuc_log_softmax_params *p, const uint8_t *input, uint8_t *output);

#endif /* MCUC_LOG_SOFTMAX_H */
