/* mcuc runtime: int8 MEAN, SUM, REDUCE_MAX, ARG_MAX and ARG_MIN. Portable C99; see mcuc_mean.h. */
#include <string.h>
#include "mcuc_mean.h"
#include "mcuc_fixedpoint.h"

/* Advances an odometer over `dims`; returns the change of the flat offset. */
static int32_t odometer_step(int32_t rank, const int32_t *dims, const int32_t *strides, int32_t *index)
{
    int32_t delta = 0, d;
    for (d = rank - 1; d >= 0; --d) {
        delta += strides[d];
        if (++index[d] < dims[d]) {
            return delta;
        }
        delta -= strides[d] * index[d];
        index[d] = 0;
    }
    return delta;
}

mcuc_status mcuc_mean_s8(const mcuc_mean_params *p, const int8_t *input, int8_t *output)
{
    int32_t kept_index[MCUC_MAX_RANK];
    int32_t reduced_index[MCUC_MAX_RANK];
    int32_t reduced_count = 1, base = 0, o, r, d;
    for (d = 0; d < p->kept_rank; ++d) {
        kept_index[d] = 0;
    }
    for (d = 0; d < p->reduced_rank; ++d) {
        reduced_index[d] = 0;
        reduced_count *= p->reduced_dims[d];
    }
    for (o = 0; o < p->output_count; ++o) {
        uint32_t sum = 0;
        int32_t offset = base;
        int32_t scaled;
        for (r = 0; r < reduced_count; ++r) {
            const int32_t value = input[offset];
            sum += (uint32_t)value;
            offset += odometer_step(p->reduced_rank, p->reduced_dims, p->reduced_strides, reduced_index);
        }
        scaled = mcuc_mbqm(mcuc_wsub(mcuc_u2i(sum), p->correction), p->mult, p->shift);
        output[o] = mcuc_clamp_s8(mcuc_wadd(scaled, p->output_zp), -128, 127);
        base += odometer_step(p->kept_rank, p->kept_dims, p->kept_strides, kept_index);
    }
    return MCUC_OK;
}

mcuc_status mcuc_reduce_max_s8(const mcuc_mean_params *p, const int8_t *input, int8_t *output)
{
    int32_t kept_index[MCUC_MAX_RANK];
    int32_t reduced_index[MCUC_MAX_RANK];
    int32_t reduced_count = 1, base = 0, o, r, d;
    for (d = 0; d < p->kept_rank; ++d) {
        kept_index[d] = 0;
    }
    for (d = 0; d < p->reduced_rank; ++d) {
        reduced_index[d] = 0;
        reduced_count *= p->reduced_dims[d];
    }
    for (o = 0; o < p->output_count; ++o) {
        int8_t largest = -128;
        int32_t offset = base;
        for (r = 0; r < reduced_count; ++r) {
            if (input[offset] > largest) {
                largest = input[offset];
            }
            offset += odometer_step(p->reduced_rank, p->reduced_dims, p->reduced_strides, reduced_index);
        }
        output[o] = largest;
        base += odometer_step(p->kept_rank, p->kept_dims, p->kept_strides, kept_index);
    }
    return MCUC_OK;
}

mcuc_status mcuc_arg_min_max_s8(const mcuc_arg_params *p, const int8_t *input, uint8_t *output)
{
    const int32_t axis = p->axis, inner = p->inner;
    int32_t o, i, k;
    for (o = 0; o < p->outer; ++o) {
        const int8_t *block = input + o * axis * inner;
        for (i = 0; i < inner; ++i) {
            int8_t best = block[i];
            int32_t at = 0;
            for (k = 1; k < axis; ++k) {
                const int8_t v = block[k * inner + i];
                if (p->largest ? v > best : v < best) {
                    best = v;
                    at = k;
                }
            }
            memcpy(output, &at, sizeof at);
            output += sizeof at;
        }
    }
    return MCUC_OK;
}
