/* mcuc runtime: int8 SQUARED_DIFFERENCE and PRELU (TFLM squared_difference.cc, prelu.cc) with
 * NumPy broadcasting, on mcuc_elementwise.h's parameters and walk. They live apart from ADD's
 * family so that models without them do not carry their code. */
#ifndef MCUC_ELEMENTWISE_MORE_H
#define MCUC_ELEMENTWISE_MORE_H

#include <stdint.h>
#include "mcuc_common.h"
#include "mcuc_elementwise.h"

/* Output elements in increasing order, each written right after its two operand elements are
 * read (the `readThenWrite` contract of mcuc_add_s8 holds).
 * SQUARED_DIFFERENCE: a, b as ADD's (left_shift 7); out = MBQM((a - b)^2, mult, shift) + output_zp,
 * clamped (|a - b| <= 2^15, so the square fits). */
mcuc_status mcuc_squared_difference_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2,
                                       int8_t *output);
/* PRELU, input2 = alpha: v = x - zp1; v >= 0 ? MBQM(v, mult1, shift1)
 * : MBQM(v * (alpha - zp2), mult2, shift2); + output_zp, clamped. */
mcuc_status mcuc_prelu_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output);

#endif /* MCUC_ELEMENTWISE_MORE_H */
