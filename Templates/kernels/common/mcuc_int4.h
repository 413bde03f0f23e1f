/* mcuc runtime: int4-packed weights (TFLite INT4, TFLM tensor_utils::UnpackDenseInt4IntoInt8).
 * Two signed 4-bit values per byte: element 2i in the low nibble of byte i, element 2i + 1 in its
 * high nibble; an odd count leaves the last high nibble unused. The *_int4 kernels of CONV_2D,
 * DEPTHWISE_CONV_2D and FULLY_CONNECTED unpack their filter into the call's scratch (one byte per
 * value, as TFLM's arena scratch) and run the int8 kernel on it: same loop order, same contract. */
#ifndef MCUC_INT4_H
#define MCUC_INT4_H

#include <stdint.h>

/* out[0..count) = the sign-extended values of packed[0..(count + 1) / 2). */
static inline void mcuc_unpack_int4(const int8_t *packed, int32_t count, int8_t *out)
{
    int32_t i;
    for (i = 0; i < count; ++i) {
        const uint8_t byte = (uint8_t)packed[i >> 1];
        const int32_t nibble = (i & 1) ? (int32_t)(byte >> 4) : (int32_t)(byte & 0x0F);
        out[i] = (int8_t)(nibble >= 8 ? nibble - 16 : nibble);
    }
}

#endif /* MCUC_INT4_H */
