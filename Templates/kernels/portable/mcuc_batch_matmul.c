/* mcuc runtime: int8 BATCH_MATMUL. Portable C99; see mcuc_batch_matmul.h. */
#include "mcuc_batch_matmul.h"
#include "mcuc_fixedpoint.h"

/* Element offsets of output matrix b's lhs and rhs matrices. */
static void batch_matmul_offsets(const mcuc_batch_matmul_params *p, int32_t b, int32_t *lhs, int32_t *rhs)
{
    int32_t d, rest = b;
    *lhs = 0;
    *rhs = 0;
    for (d = p->batch_rank - 1; d >= 0; --d) {
        const int32_t i = rest % p->batch_dims[d];
        rest /= p->batch_dims[d];
        *lhs += i * p->lhs_batch_strides[d];
        *rhs += i * p->rhs_batch_strides[d];
    }
}

mcuc_status mcuc_batch_matmul_s8(const mcuc_batch_matmul_params *p, const int8_t *lhs, const int8_t *rhs,
                                 int8_t *output)
{
    int32_t b, a, c, k;
    int8_t *out = output;
    for (b = 0; b < p->batches; ++b) {
        int32_t lhs_at, rhs_at;
        batch_matmul_offsets(p, b, &lhs_at, &rhs_at);
        for (a = 0; a < p->rows; ++a) {
            const int8_t *l = lhs + lhs_at + a * p->lhs_row_stride;
            for (c = 0; c < p->cols; ++c) {
                const int8_t *r = rhs + rhs_at + c * p->rhs_col_stride;
                uint32_t acc = 0;
                for (k = 0; k < p->depth; ++k) {
                    acc += (uint32_t)(((int32_t)l[k * p->lhs_depth_stride] + p->lhs_offset) *
                                      ((int32_t)r[k * p->rhs_depth_stride] + p->rhs_offset));
                }
                *out++ = mcuc_clamp_s8(mcuc_wadd(mcuc_mbqm(mcuc_u2i(acc), p->mult, p->shift), p->output_zp), -128, 127);
            }
        }
    }
    return MCUC_OK;
}
