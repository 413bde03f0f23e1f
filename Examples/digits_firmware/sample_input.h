/* sample_input.h: one quantized 8x8 image for the digits model. */
#ifndef SAMPLE_INPUT_H
#define SAMPLE_INPUT_H

#include <stdint.h>

extern const int8_t sample_input[64];

#endif /* SAMPLE_INPUT_H */
