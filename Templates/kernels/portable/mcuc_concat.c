/* mcuc runtime: CONCATENATION by copying. Portable C99; see mcuc_concat.h. */
#include <string.h>
#include "mcuc_concat.h"

mcuc_status mcuc_concat_s8(const mcuc_concat_params *p, const int8_t *const *inputs, int8_t *output)
{
    int32_t o, k;
    int8_t *out = output;
    for (o = 0; o < p->outer; ++o) {
        for (k = 0; k < p->inputs; ++k) {
            const int32_t n = p->slice_bytes[k];
            memcpy(out, inputs[k] + o * n, (size_t)n);
            out += n;
        }
    }
    return MCUC_OK;
}
