/* sample_input.c: the 8x8 test image of ../digits_cnn/sample_input.npy (label 0), already
 * quantized to the model's input (int8, scale 1/255, zero point -128), one row per line. */
#include "sample_input.h"

const int8_t sample_input[64] = {
    -128, -128,  -64,   47,  111,   -1, -128, -128,
    -128, -128,   79,  127,   47,   79,  -16, -128,
    -128,  -80,  127,   63, -128,  -64,   -1, -128,
    -128,  -32,  127,  -48, -128,  -64,   -1, -128,
    -128,  -16,   15, -128, -128,   15,  -16, -128,
    -128,  -64,   31, -128,  -96,  111,  -96, -128,
    -128, -112,  127,   63,   95,   31, -128, -128,
    -128, -128,  -64,   95,   95, -112, -128, -128
};
