/* mcuc runtime: QUANTIZE (float32 -> int8 / int16, int8 / int16 -> int8 / int16) and DEQUANTIZE
 * (int8 / int16 -> float32) as TFLM
 * computes them (quantize_common.cc, reference_ops::Dequantize). Float data is passed as bytes
 * (little-endian IEEE-754 binary32, the target's own float layout) and accessed with memcpy, so
 * arena bytes are never accessed through a float lvalue. */
#ifndef MCUC_QUANTIZE_H
#define MCUC_QUANTIZE_H

#include <stdint.h>
#include "mcuc_common.h"

typedef struct {
    int32_t count;
    float scale;                 /* float32 QUANTIZE: output scale; DEQUANTIZE: input scale */
    int32_t input_zp, output_zp;
    int32_t mult, shift;         /* int8 / int16 requantization */
} mcuc_quantize_params;

/* Every kernel reads element i, then writes output element i, in increasing order (the
 * `readThenWrite` streaming contract relies on it). */

/* round(x / scale) + output_zp (float32 division, rounding half away from zero), clamped to
 * [-128, 127]; NaN gives the zero point, magnitudes beyond the int8 range saturate. */
mcuc_status mcuc_quantize_f32_s8(const mcuc_quantize_params *p, const uint8_t *input, int8_t *output);

/* output_zp + MBQM(x - input_zp, mult, shift), clamped to [-128, 127]. */
mcuc_status mcuc_requantize_s8(const mcuc_quantize_params *p, const int8_t *input, int8_t *output);

/* scale * (x - input_zp) in float32. */
mcuc_status mcuc_dequantize_s8_f32(const mcuc_quantize_params *p, const int8_t *input, uint8_t *output);

/* The same with int16 on either side (TFLM's Requantize and AffineQuantize for int16): results
 * clamped to [-32768, 32767] where the output is int16. */
mcuc_status mcuc_quantize_f32_s16(const mcuc_quantize_params *p, const uint8_t *input, int16_t *output);
mcuc_status mcuc_requantize_s16(const mcuc_quantize_params *p, const int16_t *input, int16_t *output);
mcuc_status mcuc_requantize_s8_s16(const mcuc_quantize_params *p, const int8_t *input, int16_t *output);
mcuc_status mcuc_requantize_s16_s8(const mcuc_quantize_params *p, const int16_t *input, int8_t *output);
mcuc_status mcuc_dequantize_s16_f32(const mcuc_quantize_params *p, const int16_t *input, uint8_t *output);

/* One patch of a patch stage (see MCUC_PATCH_FIELDS in mcuc_common.h), operands input then
 * output: the kernel above applied to each row of the output rectangle (float32 data as bytes,
 * 4 per element). Here `count` of `p` is the elements of one pixel (the channels). */
mcuc_status mcuc_quantize_patch_f32_s8(const mcuc_quantize_params *p, const int32_t *rows, const int32_t *cols,
                                       const uint8_t *input, int8_t *output);
mcuc_status mcuc_requantize_patch_s8(const mcuc_quantize_params *p, const int32_t *rows, const int32_t *cols,
                                     const int8_t *input, int8_t *output);
mcuc_status mcuc_dequantize_patch_s8_f32(const mcuc_quantize_params *p, const int32_t *rows, const int32_t *cols,
                                         const int8_t *input, uint8_t *output);

#endif /* MCUC_QUANTIZE_H */
