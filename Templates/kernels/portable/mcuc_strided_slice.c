/* mcuc runtime: STRIDED_SLICE. Portable C99; see mcuc_strided_slice.h. */
#include "mcuc_strided_slice.h"

mcuc_status mcuc_strided_slice_s8(const mcuc_strided_slice_params *p, const int8_t *input, int8_t *output)
{
    int32_t index[MCUC_MAX_RANK];
    int32_t offset = p->start, i, d;
    for (d = 0; d < p->rank; ++d) {
        index[d] = 0;
    }
    for (i = 0; i < p->count; ++i) {
        output[i] = input[offset];
        for (d = p->rank - 1; d >= 0; --d) {
            offset += p->steps[d];
            if (++index[d] < p->counts[d]) {
                break;
            }
            offset -= p->steps[d] * index[d];
            index[d] = 0;
        }
    }
    return MCUC_OK;
}
