/* mcuc runtime: int8 UNIDIRECTIONAL_SEQUENCE_LSTM with an int16 cell state (TFLM's integer LSTM,
 * docs/OPERATOR_SEMANTICS.md). */
#ifndef MCUC_LSTM_H
#define MCUC_LSTM_H

#include <stdint.h>
#include "mcuc_common.h"

/* Gates in operand order: 0 input, 1 forget, 2 cell, 3 output. Each gate of unit u is
 * sat16(FC(x_t) + FC(h)), each FC clamp_i16(MBQM(sum w (v - zp) [+ bias], mult, shift)) on scale
 * 2^-12; forget, input and output go through TFLM's int16 logistic, the cell gate through its
 * int16 tanh (multiplier 3, shift 0). Then c = sat16(clamp_i16(MBQM(f c)) + clamp_i16(MBQM(i g))),
 * clipped when cell_clip >= 0, and h = clamp_i8(MBQM(o tanh(c)) + hidden_zp) with the cell's tanh
 * taking (c * cell_tanh_mult + round) >> cell_tanh_shift. */
typedef struct {
    int32_t batches, steps, input_size, units;
    int32_t time_major;          /* input [steps][batches][input_size], else [batches][steps][...] */
    int32_t input_zp, hidden_zp;
    int32_t forget_cell_mult, forget_cell_shift;
    int32_t input_cell_mult, input_cell_shift;
    int32_t output_hidden_mult, output_hidden_shift;
    int32_t cell_clip;           /* >= 0: the cell state is clamped to [-cell_clip, cell_clip]; -1: none */
    int32_t cell_tanh_mult, cell_tanh_shift;
    const int8_t *weights;       /* per gate: [units][input_size] input weights, then [units][units] recurrent */
    const int32_t *bias;         /* per gate: [units] */
    const int32_t *gate_mult;    /* per gate: input mult, input shift, recurrent mult, recurrent shift */
} mcuc_lstm_params;

/* For each batch row, for each step in increasing order: every gate reads the step's input row
 * and the row's hidden state, the new hidden state is written into the step's output row and
 * then copied into `hidden`; `cell` is updated unit by unit. No scratch. `hidden` and `cell` are
 * the persistent state (the model's variable tensors): read at the first step, rewritten at each. */
mcuc_status mcuc_lstm_s8(const mcuc_lstm_params *p, const int8_t *input, int8_t *output, int8_t *hidden,
                         int16_t *cell);

#endif /* MCUC_LSTM_H */
