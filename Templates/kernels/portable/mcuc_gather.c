/* mcuc runtime: MIRROR_PAD and constant-coordinate GATHER. Portable C99; see mcuc_gather.h. */
#include "mcuc_gather.h"

mcuc_status mcuc_axis_gather_s8(const mcuc_gather_params *p, const int8_t *input, int8_t *output)
{
    const int32_t *table[MCUC_MAX_RANK];
    int32_t index[MCUC_MAX_RANK];
    int32_t d, i, n = 0, base;
    const int32_t last = p->rank - 1;
    const int32_t *offsets = p->offsets;
    for (d = 0; d < p->rank; ++d) {
        table[d] = offsets;
        offsets += p->dims[d];
        index[d] = 0;
    }
    while (n < p->count) {
        /* The innermost axis as a tight loop over its table, then an odometer step. */
        base = 0;
        for (d = 0; d < last; ++d) {
            base += table[d][index[d]];
        }
        for (i = 0; i < p->dims[last]; ++i) {
            output[n++] = input[base + table[last][i]];
        }
        for (d = last - 1; d >= 0; --d) {
            if (++index[d] < p->dims[d]) {
                break;
            }
            index[d] = 0;
        }
    }
    return MCUC_OK;
}
