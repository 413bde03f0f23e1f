/* mcuc runtime: SVDF with int8 input and output. Portable C99; see mcuc_svdf.h. */
#include "mcuc_svdf.h"
#include "mcuc_fixedpoint.h"

/* Inlined into both entry points so that the state type is a constant in each. */
#if defined(__GNUC__)
#define MCUC_SVDF_INLINE static inline __attribute__((always_inline))
#else
#define MCUC_SVDF_INLINE static inline
#endif

/* The state is int16_t (is16) or int8_t; values are read and written widened to int32. */
MCUC_SVDF_INLINE int32_t mcuc_svdf_load(const void *state, int32_t is16, int32_t i)
{
    return is16 ? (int32_t)((const int16_t *)state)[i] : (int32_t)((const int8_t *)state)[i];
}

/* Stores state_zp + v wrapped to the state type, as TFLM's assignment to T does. */
MCUC_SVDF_INLINE void mcuc_svdf_store(void *state, int32_t is16, int32_t i, int32_t v)
{
    if (is16) {
        const int32_t u = (int32_t)((uint32_t)v & 0xFFFFu);
        ((int16_t *)state)[i] = (int16_t)(u >= 0x8000 ? u - 0x10000 : u);
    } else {
        const int32_t u = (int32_t)((uint32_t)v & 0xFFu);
        ((int8_t *)state)[i] = (int8_t)(u >= 0x80 ? u - 0x100 : u);
    }
}

/* Shifts every filter's memory of batch row b left by one and stores the new feature products. */
MCUC_SVDF_INLINE void mcuc_svdf_feature(const mcuc_svdf_params *p, const int8_t *x, void *state, int32_t is16, int32_t b)
{
    const int32_t lo = is16 ? -32768 : -128, hi = is16 ? 32767 : 127;
    for (int32_t f = 0; f < p->filters; ++f) {
        const int32_t base = (b * p->filters + f) * p->memory;
        const int8_t *w = p->weights_feature + f * p->input_size;
        uint32_t dot = 0;
        for (int32_t j = 0; j + 1 < p->memory; ++j) {
            mcuc_svdf_store(state, is16, base + j, mcuc_svdf_load(state, is16, base + j + 1));
        }
        for (int32_t i = 0; i < p->input_size; ++i) {
            dot += (uint32_t)((int32_t)w[i] * ((int32_t)x[i] - p->input_zp));
        }
        int32_t v = mcuc_mbqm(mcuc_u2i(dot), p->feature_mult, p->feature_shift);
        v = v < lo ? lo : (v > hi ? hi : v);
        mcuc_svdf_store(state, is16, base + p->memory - 1, mcuc_wadd(p->state_zp, v));
    }
}

/* The output row of batch row b from its state. */
MCUC_SVDF_INLINE void mcuc_svdf_time(const mcuc_svdf_params *p, const void *state, int32_t is16, int32_t b, int8_t *out)
{
    const int32_t units = p->filters / p->rank;
    for (int32_t u = 0; u < units; ++u) {
        uint32_t acc = (uint32_t)p->bias[u];
        for (int32_t f = u * p->rank; f < (u + 1) * p->rank; ++f) {
            const int32_t base = (b * p->filters + f) * p->memory;
            const int16_t *w = p->weights_time + f * p->memory;
            for (int32_t j = 0; j < p->memory; ++j) {
                acc += (uint32_t)(int32_t)w[j] * (uint32_t)(mcuc_svdf_load(state, is16, base + j) - p->state_zp);
            }
        }
        out[u] = mcuc_clamp_s8(mcuc_wadd(mcuc_mbqm(mcuc_u2i(acc), p->output_mult, p->output_shift), p->output_zp),
                               -128, 127);
    }
}

MCUC_SVDF_INLINE void mcuc_svdf_run(const mcuc_svdf_params *p, const int8_t *input, int8_t *output, void *state, int32_t is16)
{
    const int32_t units = p->filters / p->rank;
    for (int32_t b = 0; b < p->batches; ++b) {
        mcuc_svdf_feature(p, input + b * p->input_size, state, is16, b);
    }
    for (int32_t b = 0; b < p->batches; ++b) {
        mcuc_svdf_time(p, state, is16, b, output + b * units);
    }
}

mcuc_status mcuc_svdf_s8_s16(const mcuc_svdf_params *p, const int8_t *input, int8_t *output, int16_t *state)
{
    mcuc_svdf_run(p, input, output, state, 1);
    return MCUC_OK;
}

mcuc_status mcuc_svdf_s8_s8(const mcuc_svdf_params *p, const int8_t *input, int8_t *output, int8_t *state)
{
    mcuc_svdf_run(p, input, output, state, 0);
    return MCUC_OK;
}
