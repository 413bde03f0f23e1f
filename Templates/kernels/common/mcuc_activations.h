/* mcuc runtime: int8 element-wise activations as TFLM computes them: RELU (requantizing), RELU6
 * (a clamp in the input's quantization), LEAKY_RELU, LOGISTIC, TANH, HARD_SWISH,
 * ABS and ELU (a table lookup).
 *
 * Every kernel reads element i, then writes output element i, for i in increasing order (the
 * `readThenWrite` streaming contract relies on it: the output may start at the input). */
#ifndef MCUC_ACTIVATIONS_H
#define MCUC_ACTIVATIONS_H

#include <stdint.h>
#include "mcuc_common.h"

/* RELU: out = output_zp + MBQM(x - input_zp, mult, shift), clamped to [act_min, 127].
 * RELU6 uses only count, act_min and act_max: out = clamp(x, act_min, act_max). */
typedef struct {
    int32_t count;
    int32_t input_zp, output_zp;
    int32_t mult, shift;
    int32_t act_min, act_max;
} mcuc_relu_params;

mcuc_status mcuc_relu_s8(const mcuc_relu_params *p, const int8_t *input, int8_t *output);
mcuc_status mcuc_relu6_s8(const mcuc_relu_params *p, const int8_t *input, int8_t *output);
/* ABS: out_zp + MBQM(|x - in_zp|, mult, shift), clamped to [act_min, act_max]. */
mcuc_status mcuc_abs_s8(const mcuc_relu_params *p, const int8_t *input, int8_t *output);

/* LEAKY_RELU: d = x - input_zp; out = output_zp + MBQM(d, d >= 0 ? identity : alpha), clamped to
 * [-128, 127]. The alpha multiplier may be negative. */
typedef struct {
    int32_t count;
    int32_t input_zp, output_zp;
    int32_t identity_mult, identity_shift;
    int32_t alpha_mult, alpha_shift;
} mcuc_leaky_relu_params;

mcuc_status mcuc_leaky_relu_s8(const mcuc_leaky_relu_params *p, const int8_t *input, int8_t *output);

/* LOGISTIC and TANH: d = x - input_zp; |d| >= radius saturates; otherwise d is scaled into Q4.27
 * (input_multiplier, input_left_shift) and passed through gemmlowp's logistic / tanh. */
typedef struct {
    int32_t count;
    int32_t input_zp;
    int32_t input_multiplier, input_left_shift;
    int32_t input_radius;
} mcuc_sigmoid_params;

mcuc_status mcuc_logistic_s8(const mcuc_sigmoid_params *p, const int8_t *input, int8_t *output);
mcuc_status mcuc_tanh_s8(const mcuc_sigmoid_params *p, const int8_t *input, int8_t *output);

/* HARD_SWISH: TFLM's int16 pipeline (reference_ops::HardSwish<int8_t>). */
typedef struct {
    int32_t count;
    int32_t input_zp, output_zp;
    int32_t output_multiplier, output_exponent;   /* Q15 multiplier, exponent <= 0 */
    int32_t reluish_multiplier, reluish_exponent; /* Q15 multiplier */
} mcuc_hard_swish_params;

mcuc_status mcuc_hard_swish_s8(const mcuc_hard_swish_params *p, const int8_t *input, int8_t *output);

/* One patch of a patch stage (see MCUC_PATCH_FIELDS in mcuc_common.h), operands input then
 * output: the kernel above applied to each row of the output rectangle. Here `count` of `p` is
 * the elements of one pixel (the channels), not of the whole tensor. */
mcuc_status mcuc_relu_patch_s8(const mcuc_relu_params *p, const int32_t *rows, const int32_t *cols,
                               const int8_t *input, int8_t *output);
mcuc_status mcuc_abs_patch_s8(const mcuc_relu_params *p, const int32_t *rows, const int32_t *cols,
                              const int8_t *input, int8_t *output);
mcuc_status mcuc_relu6_patch_s8(const mcuc_relu_params *p, const int32_t *rows, const int32_t *cols,
                                const int8_t *input, int8_t *output);
mcuc_status mcuc_leaky_relu_patch_s8(const mcuc_leaky_relu_params *p, const int32_t *rows, const int32_t *cols,
                                     const int8_t *input, int8_t *output);
mcuc_status mcuc_logistic_patch_s8(const mcuc_sigmoid_params *p, const int32_t *rows, const int32_t *cols,
                                   const int8_t *input, int8_t *output);
mcuc_status mcuc_tanh_patch_s8(const mcuc_sigmoid_params *p, const int32_t *rows, const int32_t *cols,
                               const int8_t *input, int8_t *output);
mcuc_status mcuc_hard_swish_patch_s8(const mcuc_hard_swish_params *p, const int32_t *rows, const int32_t *cols,
                                     const int8_t *input, int8_t *output);

/* ELU (any int8 function given by its values): out = table[(uint8_t)x], 256 entries. */
typedef struct {
    int32_t count;
    const int8_t *table;
    int32_t lowest; /* inputs below it stop the kernel with MCUC_ERROR_INPUT_DOMAIN (-128: none) */
} mcuc_lut_params;

mcuc_status mcuc_lut_s8(const mcuc_lut_params *p, const int8_t *input, int8_t *output);

#endif /* MCUC_ACTIVATIONS_H */
