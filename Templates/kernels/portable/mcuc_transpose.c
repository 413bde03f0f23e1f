/* mcuc runtime: TRANSPOSE. Portable C99; see mcuc_transpose.h. */
#include "mcuc_transpose.h"

mcuc_status mcuc_transpose_s8(const mcuc_transpose_params *p, const int8_t *input, int8_t *output)
{
    int32_t index[MCUC_MAX_RANK];
    int32_t offset = 0, i, d;
    for (d = 0; d < p->rank; ++d) {
        index[d] = 0;
    }
    for (i = 0; i < p->count; ++i) {
        output[i] = input[offset];
        for (d = p->rank - 1; d >= 0; --d) {
            offset += p->strides[d];
            if (++index[d] < p->dims[d]) {
                break;
            }
            offset -= p->strides[d] * index[d];
            index[d] = 0;
        }
    }
    return MCUC_OK;
}
