/* A stateful mcuc model (compiled with --prefix net, one int8 input) over a sequence: net_reset(),
 * then INVOKES inferences on the input read once from stdin, each one's outputs to stdout; then
 * net_reset() and one more inference, which starts again from the reset state. IN_SIZES and
 * OUT_SIZES are brace lists of each tensor's bytes. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "net.h"

static uint8_t arena[NET_ARENA_SIZE] __attribute__((aligned(NET_ARENA_ALIGNMENT)));
static const long in_sizes[] = IN_SIZES;
static const long out_sizes[] = OUT_SIZES;
static uint8_t input[IN_TOTAL];

static int infer(void)
{
    long offset = 0;
    int i, status;
    for (i = 0; i < NET_INPUT_COUNT; ++i) {
        memcpy(net_input(arena, i), input + offset, (size_t)in_sizes[i]);
        offset += in_sizes[i];
    }
    status = net_run(arena);
    for (i = 0; i < NET_OUTPUT_COUNT; ++i) fwrite(net_output(arena, i), 1, (size_t)out_sizes[i], stdout);
    return status;
}

int main(void)
{
    int k, status = 0;
    if (fread(input, 1, sizeof input, stdin) != sizeof input) return 3;
    net_reset();
    for (k = 0; k < INVOKES; ++k) status |= infer();
    net_reset();
    status |= infer();
    return status;
}
