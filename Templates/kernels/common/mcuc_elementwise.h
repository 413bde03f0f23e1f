/* mcuc runtime: int8 and int16 ADD, SUB and MUL with NumPy broadcasting (TFLM
 * reference_integer_ops::Add, reference_ops::Add / Sub, reference_integer_ops::Mul and their
 * broadcasting variants). */
#ifndef MCUC_ELEMENTWISE_H
#define MCUC_ELEMENTWISE_H

#include <stdint.h>
#include "mcuc_common.h"

/* One binary call. With rank 0 both inputs have the output's shape and `count` elements are
 * visited flat; otherwise the output's `dims` are walked in row-major order and input k reads
 * element sum(index[d] * stride_k[d]) (stride 0 along broadcast dimensions).
 *
 * ADD / SUB: a = MBQM((x1 - zp1) << left_shift, mult1, shift1), b likewise with input 2;
 * out = MBQM(a +/- b, mult, shift) + output_zp, clamped.
 * MUL: out = MBQM((x1 - zp1) * (x2 - zp2), mult, shift) + output_zp, clamped. */
typedef struct {
    int32_t rank;
    int32_t count;
    int32_t dims[MCUC_MAX_RANK];
    int32_t stride1[MCUC_MAX_RANK];
    int32_t stride2[MCUC_MAX_RANK];
    int32_t zp1, zp2, output_zp;
    int32_t act_min, act_max;
    int32_t left_shift;
    int32_t mult1, shift1;
    int32_t mult2, shift2;
    int32_t mult, shift;
} mcuc_binary_params;

/* Output elements are visited in increasing order and each is written right after its two
 * operand elements are read (the `readThenWrite` streaming contract relies on it: the output may
 * start at the address of an input of the same shape). */
mcuc_status mcuc_add_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output);
mcuc_status mcuc_sub_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output);
mcuc_status mcuc_mul_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output);
/* The same for int16 data (left_shift 15 for ADD / SUB; MUL with zero points 0), same walk and
 * contract. Portable only. */
mcuc_status mcuc_add_s16(const mcuc_binary_params *p, const int16_t *input1, const int16_t *input2, int16_t *output);
mcuc_status mcuc_sub_s16(const mcuc_binary_params *p, const int16_t *input1, const int16_t *input2, int16_t *output);
mcuc_status mcuc_mul_s16(const mcuc_binary_params *p, const int16_t *input1, const int16_t *input2, int16_t *output);
/* MAXIMUM / MINIMUM: the raw larger (smaller) stored value; only the geometry and the clamp
 * range [-128, 127] are used. */
mcuc_status mcuc_maximum_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output);
mcuc_status mcuc_minimum_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output);

/* One patch of a patch stage (see MCUC_PATCH_FIELDS in mcuc_common.h), operands input1, input2,
 * output. `p` has rank 2: dims[1] is the output's channels; stride_k[0] is operand k's elements
 * per pixel (0 for a constant, read the same at every pixel) and stride_k[1] its channel stride
 * (0 when it broadcasts along channels). Output pixels in raster order, channels innermost. */
mcuc_status mcuc_add_patch_s8(const mcuc_binary_params *p, const int32_t *rows, const int32_t *cols,
                              const int8_t *input1, const int8_t *input2, int8_t *output);
mcuc_status mcuc_sub_patch_s8(const mcuc_binary_params *p, const int32_t *rows, const int32_t *cols,
                              const int8_t *input1, const int8_t *input2, int8_t *output);
mcuc_status mcuc_mul_patch_s8(const mcuc_binary_params *p, const int32_t *rows, const int32_t *cols,
                              const int8_t *input1, const int8_t *input2, int8_t *output);
mcuc_status mcuc_maximum_patch_s8(const mcuc_binary_params *p, const int32_t *rows, const int32_t *cols,
                                  const int8_t *input1, const int8_t *input2, int8_t *output);
mcuc_status mcuc_minimum_patch_s8(const mcuc_binary_params *p, const int32_t *rows, const int32_t *cols,
                                  const int8_t *input1, const int8_t *input2, int8_t *output);

/* The Helium ADD and SUB (kernels/arm/mcuc_elementwise_mve.c) for operands of the output's shape
 * (rank 0; mcuc's variant rule ensures it): four elements per vector, equal bit for bit to
 * mcuc_add_s8 / mcuc_sub_s8. Each group of four output elements is written after its operand
 * elements are read, in increasing order (the `readThenWrite` contract holds). */
mcuc_status mcuc_add_s8_mve(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output);
mcuc_status mcuc_sub_s8_mve(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output);

#endif /* MCUC_ELEMENTWISE_H */
