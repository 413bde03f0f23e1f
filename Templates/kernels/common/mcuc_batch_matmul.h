/* mcuc runtime: int8 BATCH_MATMUL (TFLM reference_ops::BatchMatMul as batch_matmul.cc calls it):
 * for every output matrix and element [a, c], acc = sum over k of (lhs[a, k] + lhs_offset) *
 * (rhs[k, c] + rhs_offset) in wrapping int32, then MBQM(acc, mult, shift) + output_zp, clamped to
 * int8. Operands are read through strides, so adj_x / adj_y and broadcast batches need no copy. */
#ifndef MCUC_BATCH_MATMUL_H
#define MCUC_BATCH_MATMUL_H

#include <stdint.h>
#include "mcuc_common.h"

/* Output matrix b (row-major over batch_dims[0..batch_rank)) reads lhs from the sum over its
 * batch indices of i * lhs_batch_strides[d] (elements; 0 where the lhs is broadcast), rhs alike.
 * Element [a, k] of an lhs matrix is at a * lhs_row_stride + k * lhs_depth_stride, element
 * [k, c] of an rhs matrix at k * rhs_depth_stride + c * rhs_col_stride. */
typedef struct {
    int32_t batches;
    int32_t batch_rank;
    int32_t batch_dims[MCUC_MAX_RANK];
    int32_t lhs_batch_strides[MCUC_MAX_RANK];
    int32_t rhs_batch_strides[MCUC_MAX_RANK];
    int32_t rows, cols, depth;
    int32_t lhs_row_stride, lhs_depth_stride;
    int32_t rhs_depth_stride, rhs_col_stride;
    int32_t lhs_offset, rhs_offset;
    int32_t output_zp;
    int32_t mult, shift;
} mcuc_batch_matmul_params;

/* Output elements in row-major order; every output matrix may read any element of its operand
 * matrices, so the output must not overlap the operands. Always MCUC_OK. */
mcuc_status mcuc_batch_matmul_s8(const mcuc_batch_matmul_params *p, const int8_t *lhs, const int8_t *rhs,
                                 int8_t *output);

#endif /* MCUC_BATCH_MATMUL_H */
