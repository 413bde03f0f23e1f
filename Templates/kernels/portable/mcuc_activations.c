/* mcuc runtime: int8 activations. Portable C99; see mcuc_activations.h. */
#include "mcuc_activations.h"
#include "mcuc_gemmlowp.h"

mcuc_status mcuc_relu_s8(const mcuc_relu_params *p, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        const int32_t scaled = mcuc_wadd(p->output_zp, mcuc_mbqm((int32_t)input[i] - p->input_zp, p->mult, p->shift));
        output[i] = mcuc_clamp_s8(scaled, p->act_min, p->act_max);
    }
    return MCUC_OK;
}

mcuc_status mcuc_abs_s8(const mcuc_relu_params *p, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        const int32_t d = (int32_t)input[i] - p->input_zp;
        const int32_t scaled = mcuc_wadd(p->output_zp, mcuc_mbqm(d < 0 ? -d : d, p->mult, p->shift));
        output[i] = mcuc_clamp_s8(scaled, p->act_min, p->act_max);
    }
    return MCUC_OK;
}

mcuc_status mcuc_relu6_s8(const mcuc_relu_params *p, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        output[i] = mcuc_clamp_s8(input[i], p->act_min, p->act_max);
    }
    return MCUC_OK;
}

mcuc_status mcuc_leaky_relu_s8(const mcuc_leaky_relu_params *p, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        const int32_t d = (int32_t)input[i] - p->input_zp;
        const int32_t scaled = d >= 0 ? mcuc_mbqm(d, p->identity_mult, p->identity_shift)
                                      : mcuc_mbqm(d, p->alpha_mult, p->alpha_shift);
        output[i] = mcuc_clamp_s8(mcuc_wadd(p->output_zp, scaled), -128, 127);
    }
    return MCUC_OK;
}

mcuc_status mcuc_logistic_s8(const mcuc_sigmoid_params *p, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        const int32_t d = (int32_t)input[i] - p->input_zp;
        if (d <= -p->input_radius) {
            output[i] = -128;
        } else if (d >= p->input_radius) {
            output[i] = 127;
        } else {
            const int32_t in_q4 = mcuc_mbqm(d, p->input_multiplier, p->input_left_shift);
            const int32_t q23 = mcuc_rdbpot(mcuc_gl_logistic(in_q4, 4), 31 - 8);
            output[i] = mcuc_clamp_s8(mcuc_wsub(q23, 128), -128, 127);
        }
    }
    return MCUC_OK;
}

mcuc_status mcuc_tanh_s8(const mcuc_sigmoid_params *p, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        const int32_t d = (int32_t)input[i] - p->input_zp;
        if (d <= -p->input_radius) {
            output[i] = -128;
        } else if (d >= p->input_radius) {
            output[i] = 127;
        } else {
            const int32_t in_q4 = mcuc_mbqm(d, p->input_multiplier, p->input_left_shift);
            output[i] = mcuc_clamp_s8(mcuc_rdbpot(mcuc_gl_tanh(in_q4, 4), 31 - 7), -128, 127);
        }
    }
    return MCUC_OK;
}

/* int32 -> int16 by two's complement truncation (C's conversion, made portable). */
static int16_t trunc16(int32_t v)
{
    const uint16_t u = (uint16_t)(uint32_t)v;
    return u <= 32767u ? (int16_t)u : (int16_t)((int32_t)u - 65536);
}

/* gemmlowp SaturatingRoundingDoublingHighMul<int16_t>. */
static int16_t srdhm16(int16_t a, int16_t b)
{
    int32_t ab;
    if (a == INT16_MIN && b == INT16_MIN) {
        return INT16_MAX;
    }
    ab = (int32_t)a * (int32_t)b;
    return trunc16((ab + (ab >= 0 ? (1 << 14) : (1 - (1 << 14)))) / (1 << 15));
}

/* TFLM SaturatingDoublingHighMul (rounds toward zero). */
static int16_t sdhm16(int16_t a, int16_t b)
{
    if (a == INT16_MIN && b == INT16_MIN) {
        return INT16_MAX;
    }
    return trunc16(((int32_t)a * (int32_t)b) / (1 << 15));
}

/* TFLM SaturatingLeftShift: value * 2^amount clamped to int16 (0 <= amount <= 30). */
static int16_t saturating_left_shift16(int16_t value, int32_t amount)
{
    const int64_t result = (int64_t)value * ((int64_t)1 << amount);
    return (int16_t)(result < INT16_MIN ? INT16_MIN : (result > INT16_MAX ? INT16_MAX : result));
}

/* gemmlowp RoundingDivideByPOT<int16_t> (0 <= e <= 31; the int16 mask wraps to -1 above 15). */
static int16_t rdbpot16(int16_t x, int32_t e)
{
    const int16_t mask = trunc16((int32_t)(((int64_t)1 << e) - 1));
    const int16_t remainder = (int16_t)(x & mask);
    const int16_t threshold = trunc16((mask >> 1) + (x < 0 ? 1 : 0));
    return trunc16(((int32_t)x >> e) + (remainder > threshold ? 1 : 0));
}

static int8_t hard_swish_element(const mcuc_hard_swish_params *p, int32_t x)
{
    const int16_t input_value = trunc16(x - p->input_zp);
    const int16_t hires = trunc16((int32_t)input_value * 128);
    const int16_t preshift_output = srdhm16(hires, (int16_t)p->output_multiplier);
    int16_t reluish = hires;
    int16_t out;
    if (p->reluish_exponent > 0) {
        reluish = saturating_left_shift16(reluish, p->reluish_exponent - 1);
    }
    reluish = srdhm16(reluish, (int16_t)p->reluish_multiplier);
    if (p->reluish_exponent > 0) {
        reluish = saturating_left_shift16(reluish, 1);
    }
    if (p->reluish_exponent < 0) {
        reluish = rdbpot16(reluish, -p->reluish_exponent);
    }
    reluish = trunc16(((int32_t)reluish + (1 << 15)) >> 1);
    out = rdbpot16(sdhm16(reluish, preshift_output), -p->output_exponent);
    out = trunc16((int32_t)out + p->output_zp);
    return (int8_t)(out < -128 ? -128 : (out > 127 ? 127 : out));
}

mcuc_status mcuc_hard_swish_s8(const mcuc_hard_swish_params *p, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        output[i] = hard_swish_element(p, input[i]);
    }
    return MCUC_OK;
}

mcuc_status mcuc_relu_patch_s8(const mcuc_relu_params *p, const int32_t *rows, const int32_t *cols,
                               const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->count);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->count);
    mcuc_relu_params row = *p;
    int32_t y;
    row.count = out.w * p->count;
    for (y = 0; y < out.h; ++y) {
        MCUC_PASS(mcuc_relu_s8(&row, input + in.offset + y * in.pitch, output + out.offset + y * out.pitch));
    }
    return MCUC_OK;
}

mcuc_status mcuc_abs_patch_s8(const mcuc_relu_params *p, const int32_t *rows, const int32_t *cols,
                              const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->count);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->count);
    mcuc_relu_params row = *p;
    int32_t y;
    row.count = out.w * p->count;
    for (y = 0; y < out.h; ++y) {
        MCUC_PASS(mcuc_abs_s8(&row, input + in.offset + y * in.pitch, output + out.offset + y * out.pitch));
    }
    return MCUC_OK;
}

mcuc_status mcuc_relu6_patch_s8(const mcuc_relu_params *p, const int32_t *rows, const int32_t *cols,
                                const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->count);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->count);
    mcuc_relu_params row = *p;
    int32_t y;
    row.count = out.w * p->count;
    for (y = 0; y < out.h; ++y) {
        MCUC_PASS(mcuc_relu6_s8(&row, input + in.offset + y * in.pitch, output + out.offset + y * out.pitch));
    }
    return MCUC_OK;
}

mcuc_status mcuc_leaky_relu_patch_s8(const mcuc_leaky_relu_params *p, const int32_t *rows, const int32_t *cols,
                                     const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->count);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->count);
    mcuc_leaky_relu_params row = *p;
    int32_t y;
    row.count = out.w * p->count;
    for (y = 0; y < out.h; ++y) {
        MCUC_PASS(mcuc_leaky_relu_s8(&row, input + in.offset + y * in.pitch, output + out.offset + y * out.pitch));
    }
    return MCUC_OK;
}

mcuc_status mcuc_logistic_patch_s8(const mcuc_sigmoid_params *p, const int32_t *rows, const int32_t *cols,
                                   const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->count);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->count);
    mcuc_sigmoid_params row = *p;
    int32_t y;
    row.count = out.w * p->count;
    for (y = 0; y < out.h; ++y) {
        MCUC_PASS(mcuc_logistic_s8(&row, input + in.offset + y * in.pitch, output + out.offset + y * out.pitch));
    }
    return MCUC_OK;
}

mcuc_status mcuc_tanh_patch_s8(const mcuc_sigmoid_params *p, const int32_t *rows, const int32_t *cols,
                               const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->count);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->count);
    mcuc_sigmoid_params row = *p;
    int32_t y;
    row.count = out.w * p->count;
    for (y = 0; y < out.h; ++y) {
        MCUC_PASS(mcuc_tanh_s8(&row, input + in.offset + y * in.pitch, output + out.offset + y * out.pitch));
    }
    return MCUC_OK;
}

mcuc_status mcuc_hard_swish_patch_s8(const mcuc_hard_swish_params *p, const int32_t *rows, const int32_t *cols,
                                     const int8_t *input, int8_t *output)
{
    const mcuc_plane in = mcuc_patch_plane(rows, cols, 0, p->count);
    const mcuc_plane out = mcuc_patch_plane(rows, cols, 1, p->count);
    mcuc_hard_swish_params row = *p;
    int32_t y;
    row.count = out.w * p->count;
    for (y = 0; y < out.h; ++y) {
        MCUC_PASS(mcuc_hard_swish_s8(&row, input + in.offset + y * in.pitch, output + out.offset + y * out.pitch));
    }
    return MCUC_OK;
}

mcuc_status mcuc_lut_s8(const mcuc_lut_params *p, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        if (input[i] < p->lowest) {
            return MCUC_ERROR_INPUT_DOMAIN;
        }
        output[i] = p->table[(uint8_t)input[i]];
    }
    return MCUC_OK;
}
