/* mcuc_lut_s8's domain bound (RSQRT below its zero point): an input below `lowest` stops the
 * kernel with MCUC_ERROR_INPUT_DOMAIN, -128 lets every input through. Prints "ok" or the failure. */
#include <stdio.h>
#include "mcuc_activations.h"

int main(void)
{
    int8_t table[256], in[4] = {5, 6, 4, 9}, out[4] = {0, 0, 0, 0};
    int32_t i;
    mcuc_lut_params p;
    for (i = 0; i < 256; ++i) {
        table[i] = (int8_t)(i ^ 0x5a);
    }
    p.count = 4;
    p.table = table;
    p.lowest = 5;
    if (mcuc_lut_s8(&p, in, out) != MCUC_ERROR_INPUT_DOMAIN) {
        printf("input 4 below lowest 5 was not refused\n");
        return 1;
    }
    in[2] = 7;
    if (mcuc_lut_s8(&p, in, out) != MCUC_OK || out[0] != table[5] || out[2] != table[7] || out[3] != table[9]) {
        printf("inputs at or above lowest were not looked up\n");
        return 1;
    }
    p.lowest = -128;
    in[0] = -128;
    if (mcuc_lut_s8(&p, in, out) != MCUC_OK || out[0] != table[128]) {
        printf("lowest -128 refused an input\n");
        return 1;
    }
    printf("ok\n");
    return 0;
}
