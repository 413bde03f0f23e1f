/* mcuc runtime: int8 ADD, SUB, MUL, MAXIMUM, MINIMUM; int16 ADD, SUB, MUL. Portable C99; see
 * mcuc_elementwise.h. */
#include "mcuc_elementwise.h"
#include "mcuc_fixedpoint.h"

#define MCUC_OP_ADD 0
#define MCUC_OP_SUB 1
#define MCUC_OP_MUL 2
#define MCUC_OP_MAX 3
#define MCUC_OP_MIN 4

/* The value of one output element before narrowing: in [act_min, act_max]. */
static int32_t binary_value(const mcuc_binary_params *p, int op, int32_t x1, int32_t x2)
{
    int32_t raw;
    if (op == MCUC_OP_MAX || op == MCUC_OP_MIN) {
        /* Raw stored values, no quantization (TFLM's MaximumMinimumBroadcastSlow). */
        if (op == MCUC_OP_MAX) {
            raw = x1 > x2 ? x1 : x2;
        } else {
            raw = x1 < x2 ? x1 : x2;
        }
    } else if (op == MCUC_OP_MUL) {
        raw = mcuc_mbqm((x1 - p->zp1) * (x2 - p->zp2), p->mult, p->shift);
    } else {
        const int32_t a = mcuc_mbqm(mcuc_shl_wrap(x1 - p->zp1, p->left_shift), p->mult1, p->shift1);
        const int32_t b = mcuc_mbqm(mcuc_shl_wrap(x2 - p->zp2, p->left_shift), p->mult2, p->shift2);
        raw = mcuc_mbqm(op == MCUC_OP_ADD ? mcuc_wadd(a, b) : mcuc_wsub(a, b), p->mult, p->shift);
    }
    raw = mcuc_wadd(p->output_zp, raw);
    return raw < p->act_min ? p->act_min : (raw > p->act_max ? p->act_max : raw);
}

static int8_t binary_element(const mcuc_binary_params *p, int op, int32_t x1, int32_t x2)
{
    return (int8_t)binary_value(p, op, x1, x2);
}

static void binary_run(const mcuc_binary_params *p, int op, const int8_t *in1, const int8_t *in2, int8_t *out)
{
    int32_t index[MCUC_MAX_RANK];
    int32_t i1 = 0, i2 = 0, i, d, last, n;
    if (p->rank == 0) {
        for (i = 0; i < p->count; ++i) {
            out[i] = binary_element(p, op, in1[i], in2[i]);
        }
        return;
    }
    for (d = 0; d < p->rank; ++d) {
        index[d] = 0;
    }
    last = p->rank - 1;
    n = 0;
    while (n < p->count) {
        /* The innermost dimension as a tight loop, then an odometer step over the outer ones. */
        for (i = 0; i < p->dims[last]; ++i) {
            out[n++] = binary_element(p, op, in1[i1 + i * p->stride1[last]], in2[i2 + i * p->stride2[last]]);
        }
        for (d = last - 1; d >= 0; --d) {
            i1 += p->stride1[d];
            i2 += p->stride2[d];
            if (++index[d] < p->dims[d]) {
                break;
            }
            i1 -= p->stride1[d] * index[d];
            i2 -= p->stride2[d] * index[d];
            index[d] = 0;
        }
    }
}

/* binary_run for int16 data: the same walk. */
static void binary_run_s16(const mcuc_binary_params *p, int op, const int16_t *in1, const int16_t *in2, int16_t *out)
{
    int32_t index[MCUC_MAX_RANK];
    int32_t i1 = 0, i2 = 0, i, d, last, n;
    if (p->rank == 0) {
        for (i = 0; i < p->count; ++i) {
            out[i] = (int16_t)binary_value(p, op, in1[i], in2[i]);
        }
        return;
    }
    for (d = 0; d < p->rank; ++d) {
        index[d] = 0;
    }
    last = p->rank - 1;
    n = 0;
    while (n < p->count) {
        for (i = 0; i < p->dims[last]; ++i) {
            out[n++] = (int16_t)binary_value(p, op, in1[i1 + i * p->stride1[last]], in2[i2 + i * p->stride2[last]]);
        }
        for (d = last - 1; d >= 0; --d) {
            i1 += p->stride1[d];
            i2 += p->stride2[d];
            if (++index[d] < p->dims[d]) {
                break;
            }
            i1 -= p->stride1[d] * index[d];
            i2 -= p->stride2[d] * index[d];
            index[d] = 0;
        }
    }
}

mcuc_status mcuc_add_s16(const mcuc_binary_params *p, const int16_t *input1, const int16_t *input2, int16_t *output)
{
    binary_run_s16(p, MCUC_OP_ADD, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_sub_s16(const mcuc_binary_params *p, const int16_t *input1, const int16_t *input2, int16_t *output)
{
    binary_run_s16(p, MCUC_OP_SUB, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_mul_s16(const mcuc_binary_params *p, const int16_t *input1, const int16_t *input2, int16_t *output)
{
    binary_run_s16(p, MCUC_OP_MUL, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_add_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output)
{
    binary_run(p, MCUC_OP_ADD, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_sub_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output)
{
    binary_run(p, MCUC_OP_SUB, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_mul_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output)
{
    binary_run(p, MCUC_OP_MUL, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_maximum_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output)
{
    binary_run(p, MCUC_OP_MAX, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_minimum_s8(const mcuc_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output)
{
    binary_run(p, MCUC_OP_MIN, input1, input2, output);
    return MCUC_OK;
}

/* Output rows in increasing order, columns, channels. Operand k's element (y, x, c) is at
 * in_k[plane_k.offset + y * plane_k.pitch + x * stride_k[0] + c * stride_k[1]]; a constant
 * operand's plane is all 0. */
static void binary_patch(const mcuc_binary_params *p, int op, const int32_t *rows, const int32_t *cols,
                         const int8_t *in1, const int8_t *in2, int8_t *output)
{
    const int32_t channels = p->dims[1];
    const mcuc_plane a = mcuc_patch_plane(rows, cols, 0, p->stride1[0]);
    const mcuc_plane b = mcuc_patch_plane(rows, cols, 1, p->stride2[0]);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 2, channels);
    int32_t y, x, c;
    for (y = 0; y < out.h; ++y) {
        for (x = 0; x < out.w; ++x) {
            const int8_t *x1 = in1 + a.offset + y * a.pitch + x * p->stride1[0];
            const int8_t *x2 = in2 + b.offset + y * b.pitch + x * p->stride2[0];
            int8_t *o = output + out.offset + y * out.pitch + x * channels;
            for (c = 0; c < channels; ++c) {
                o[c] = binary_element(p, op, x1[c * p->stride1[1]], x2[c * p->stride2[1]]);
            }
        }
    }
}

mcuc_status mcuc_add_patch_s8(const mcuc_binary_params *p, const int32_t *rows, const int32_t *cols,
                              const int8_t *input1, const int8_t *input2, int8_t *output)
{
    binary_patch(p, MCUC_OP_ADD, rows, cols, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_sub_patch_s8(const mcuc_binary_params *p, const int32_t *rows, const int32_t *cols,
                              const int8_t *input1, const int8_t *input2, int8_t *output)
{
    binary_patch(p, MCUC_OP_SUB, rows, cols, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_mul_patch_s8(const mcuc_binary_params *p, const int32_t *rows, const int32_t *cols,
                              const int8_t *input1, const int8_t *input2, int8_t *output)
{
    binary_patch(p, MCUC_OP_MUL, rows, cols, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_maximum_patch_s8(const mcuc_binary_params *p, const int32_t *rows, const int32_t *cols,
                                  const int8_t *input1, const int8_t *input2, int8_t *output)
{
    binary_patch(p, MCUC_OP_MAX, rows, cols, input1, input2, output);
    return MCUC_OK;
}

mcuc_status mcuc_minimum_patch_s8(const mcuc_binary_params *p, const int32_t *rows, const int32_t *cols,
                                  const int8_t *input1, const int8_t *input2, int8_t *output)
{
    binary_patch(p, MCUC_OP_MIN, rows, cols, input1, input2, output);
    return MCUC_OK;
}
