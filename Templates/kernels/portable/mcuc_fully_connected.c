/* mcuc runtime: int8 FULLY_CONNECTED. Portable C99; see mcuc_fully_connected.h. */
#include "mcuc_fully_connected.h"
#include "mcuc_fixedpoint.h"
#include "mcuc_int4.h"

mcuc_status mcuc_fully_connected_s8(const mcuc_fully_connected_params *p, const int8_t *input, int8_t *output)
{
    int32_t b, u, d;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *x = input + b * p->depth;
        int8_t *out = output + b * p->units;
        for (u = 0; u < p->units; ++u) {
            const int8_t *w = p->filter + u * p->depth;
            const int32_t c = p->per_channel ? u : 0;
            uint32_t acc = 0;
            int32_t biased;
            int32_t scaled;
            for (d = 0; d < p->depth; ++d) {
                acc += (uint32_t)(((int32_t)w[d] + p->filter_offset) * ((int32_t)x[d] + p->input_offset));
            }
            biased = mcuc_wadd(mcuc_u2i(acc), p->bias[u]);
            scaled = mcuc_wadd(mcuc_mbqm(biased, p->mult[c], p->shift[c]), p->output_zp);
            out[u] = mcuc_clamp_s8(scaled, p->act_min, p->act_max);
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_fully_connected_s8_int4(const mcuc_fully_connected_params *p, const int8_t *input, int8_t *output, void *scratch)
{
    mcuc_fully_connected_params unpacked = *p;
    int8_t *filter = (int8_t *)scratch;
    mcuc_unpack_int4(p->filter, p->units * p->depth, filter);
    unpacked.filter = filter;
    return mcuc_fully_connected_s8(&unpacked, input, output);
}
