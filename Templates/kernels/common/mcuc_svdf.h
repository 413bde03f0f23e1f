/* mcuc runtime: SVDF with int8 input and output and an int16 or int8 activation state (TFLM's
 * integer SVDF, docs/OPERATOR_SEMANTICS.md). */
#ifndef MCUC_SVDF_H
#define MCUC_SVDF_H

#include <stdint.h>
#include "mcuc_common.h"

/* Per batch row: each filter's memory (state[b][f][0..memory)) shifts left by one, its last value
 * becomes (T)(state_zp + clamp_T(MBQM(sum_i wf[f][i] (x[i] - input_zp), feature_mult, feature_shift)))
 * with T the state type; then unit u is
 * clamp_i8(MBQM(bias[u] + sum over its rank filters f = u * rank + r, sum_j wt[f][j] (state[f][j] - state_zp),
 * output_mult, output_shift) + output_zp), summed in wrapping int32. TFLM's integer SVDF applies
 * no fused activation. */
typedef struct {
    int32_t batches, input_size, filters, rank, memory;
    int32_t input_zp, state_zp, output_zp;
    int32_t feature_mult, feature_shift;
    int32_t output_mult, output_shift;
    const int8_t *weights_feature;  /* [filters][input_size] */
    const int16_t *weights_time;    /* [filters][memory], int16 (int8 weights widened) */
    const int32_t *bias;            /* [filters / rank] */
} mcuc_svdf_params;

/* For each batch row: first every filter's state (the whole input row read), then every output
 * unit (state only). No scratch. `state` ([batches][filters][memory]) is the persistent variable
 * tensor: read and rewritten at each invoke. */
mcuc_status mcuc_svdf_s8_s16(const mcuc_svdf_params *p, const int8_t *input, int8_t *output, int16_t *state);
mcuc_status mcuc_svdf_s8_s8(const mcuc_svdf_params *p, const int8_t *input, int8_t *output, int8_t *state);

#endif /* MCUC_SVDF_H */
