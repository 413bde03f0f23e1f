/* mcuc runtime: QUANTIZE and DEQUANTIZE. Portable C99 (no libm); see mcuc_quantize.h. The build
 * must keep IEEE float semantics (no -ffast-math). */
#include <string.h>
#include "mcuc_quantize.h"
#include "mcuc_fixedpoint.h"

/* v rounded to an integer, halves away from zero (roundf without libm). Floats of magnitude
 * 2^23 or more are integers already; below that, v - trunc(v) is exact. */
static float round_half_away(float v)
{
    float t;
    float fraction;
    if (v >= 8388608.0f || v <= -8388608.0f) {
        return v;
    }
    t = (float)(int32_t)v;
    fraction = v - t;
    if (fraction >= 0.5f) {
        return t + 1.0f;
    }
    if (fraction <= -0.5f) {
        return t - 1.0f;
    }
    return t;
}

static int8_t quantize_element(float x, float scale, int32_t zero_point)
{
    const float steps = x / scale;
    float rounded;
    if (steps != steps) { /* NaN */
        return mcuc_clamp_s8(zero_point, -128, 127);
    }
    if (steps >= 1024.0f) {
        return 127;
    }
    if (steps <= -1024.0f) {
        return -128;
    }
    rounded = round_half_away(steps);
    return mcuc_clamp_s8((int32_t)rounded + zero_point, -128, 127);
}

mcuc_status mcuc_quantize_f32_s8(const mcuc_quantize_params *p, const uint8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        float x;
        memcpy(&x, input + 4 * i, sizeof x);
        output[i] = quantize_element(x, p->scale, p->output_zp);
    }
    return MCUC_OK;
}

mcuc_status mcuc_requantize_s8(const mcuc_quantize_params *p, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        const int32_t scaled = mcuc_wadd(p->output_zp, mcuc_mbqm((int32_t)input[i] - p->input_zp, p->mult, p->shift));
        output[i] = mcuc_clamp_s8(scaled, -128, 127);
    }
    return MCUC_OK;
}

mcuc_status mcuc_dequantize_s8_f32(const mcuc_quantize_params *p, const int8_t *input, uint8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        const float y = p->scale * (float)((int32_t)input[i] - p->input_zp);
        memcpy(output + 4 * i, &y, sizeof y);
    }
    return MCUC_OK;
}

/* round(x / scale) + zero_point clamped to int16; beyond 2^20 steps every zero point saturates. */
static int16_t quantize_element_s16(float x, float scale, int32_t zero_point)
{
    const float steps = x / scale;
    if (steps != steps) { /* NaN */
        return mcuc_clamp_s16(zero_point, -32768, 32767);
    }
    if (steps >= 1048576.0f) {
        return 32767;
    }
    if (steps <= -1048576.0f) {
        return -32768;
    }
    return mcuc_clamp_s16((int32_t)round_half_away(steps) + zero_point, -32768, 32767);
}

mcuc_status mcuc_quantize_f32_s16(const mcuc_quantize_params *p, const uint8_t *input, int16_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        float x;
        memcpy(&x, input + 4 * i, sizeof x);
        output[i] = quantize_element_s16(x, p->scale, p->output_zp);
    }
    return MCUC_OK;
}

/* output_zp + MBQM(x - input_zp, mult, shift), before the clamp. */
static int32_t requantize_value(const mcuc_quantize_params *p, int32_t x)
{
    return mcuc_wadd(p->output_zp, mcuc_mbqm(x - p->input_zp, p->mult, p->shift));
}

mcuc_status mcuc_requantize_s16(const mcuc_quantize_params *p, const int16_t *input, int16_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        output[i] = mcuc_clamp_s16(requantize_value(p, input[i]), -32768, 32767);
    }
    return MCUC_OK;
}

mcuc_status mcuc_requantize_s8_s16(const mcuc_quantize_params *p, const int8_t *input, int16_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        output[i] = mcuc_clamp_s16(requantize_value(p, input[i]), -32768, 32767);
    }
    return MCUC_OK;
}

mcuc_status mcuc_requantize_s16_s8(const mcuc_quantize_params *p, const int16_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        output[i] = mcuc_clamp_s8(requantize_value(p, input[i]), -128, 127);
    }
    return MCUC_OK;
}

mcuc_status mcuc_dequantize_s16_f32(const mcuc_quantize_params *p, const int16_t *input, uint8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        const float y = p->scale * (float)((int32_t)input[i] - p->input_zp);
        memcpy(output + 4 * i, &y, sizeof y);
    }
    return MCUC_OK;
}

mcuc_status mcuc_quantize_patch_f32_s8(const mcuc_quantize_params *p, const int32_t *rows, const int32_t *cols,
                                       const uint8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->count);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->count);
    mcuc_quantize_params row = *p;
    int32_t y;
    row.count = out.w * p->count;
    for (y = 0; y < out.h; ++y) {
        MCUC_PASS(mcuc_quantize_f32_s8(&row, input + 4 * (in.offset + y * in.pitch),
                                       output + out.offset + y * out.pitch));
    }
    return MCUC_OK;
}

mcuc_status mcuc_requantize_patch_s8(const mcuc_quantize_params *p, const int32_t *rows, const int32_t *cols,
                                     const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->count);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->count);
    mcuc_quantize_params row = *p;
    int32_t y;
    row.count = out.w * p->count;
    for (y = 0; y < out.h; ++y) {
        MCUC_PASS(mcuc_requantize_s8(&row, input + in.offset + y * in.pitch, output + out.offset + y * out.pitch));
    }
    return MCUC_OK;
}

mcuc_status mcuc_dequantize_patch_s8_f32(const mcuc_quantize_params *p, const int32_t *rows, const int32_t *cols,
                                         const int8_t *input, uint8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->count);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->count);
    mcuc_quantize_params row = *p;
    int32_t y;
    row.count = out.w * p->count;
    for (y = 0; y < out.h; ++y) {
        MCUC_PASS(mcuc_dequantize_s8_f32(&row, input + in.offset + y * in.pitch,
                                         output + 4 * (out.offset + y * out.pitch)));
    }
    return MCUC_OK;
}
