/* mcuc runtime: int8 FULLY_CONNECTED (TFLM reference_integer_ops::FullyConnected and
 * FullyConnectedPerChannel). */
#ifndef MCUC_FULLY_CONNECTED_H
#define MCUC_FULLY_CONNECTED_H

#include <stdint.h>
#include "mcuc_common.h"

/* One FULLY_CONNECTED call over a [batches][depth] input and a [units][depth] filter:
 * acc = bias[u] + sum_d (w[u][d] + filter_offset) * (x[b][d] + input_offset), then
 * MBQM(acc, mult, shift) + output_zp, clamped. input_offset is -(input zero point), or 0 when
 * mcuc folded it into the bias (bias'[u] = bias[u] - zp * sum_d(w[u][d] + filter_offset)). */
typedef struct {
    int32_t batches, units, depth;
    int32_t input_offset;
    int32_t filter_offset;  /* -(weight zero point); 0 for per-channel weights */
    int32_t output_zp;
    int32_t act_min, act_max;
    int32_t per_channel;
    const int8_t *filter;   /* [units][depth] */
    const int32_t *bias;    /* [units] */
    const int32_t *mult;
    const int32_t *shift;
} mcuc_fully_connected_params;

/* Loop order (the `interleaved` streaming contract relies on it): for each input row in
 * increasing order, for each unit, accumulate over that row, then write output (row, unit). */
mcuc_status mcuc_fully_connected_s8(const mcuc_fully_connected_params *p, const int8_t *input, int8_t *output);

/* int4-packed filter (mcuc_int4.h): p->filter holds (units * depth + 1) / 2 bytes; they are
 * unpacked into `scratch` (one byte per value), then mcuc_fully_connected_s8 runs on them with the
 * same loop order and contract. */
mcuc_status mcuc_fully_connected_s8_int4(const mcuc_fully_connected_params *p, const int8_t *input, int8_t *output,
                                         void *scratch);

#endif /* MCUC_FULLY_CONNECTED_H */
