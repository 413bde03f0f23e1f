/* A firmware-style application of an mcuc model compiled with --prefix net: the arena is its only
 * RAM, the inputs are written and the outputs read in place through net_input / net_output. It
 * owns no input or output buffer.
 *
 * Host build (-DHOST): inputs come from stdin straight into the arena, outputs go from the arena
 * to stdout; -DUSE_INVOKE instead exercises net_invoke with buffers of the application's own.
 * Cortex-M build: a "sensor" fills the inputs in place; the linked ELF's .data + .bss is what the
 * application needs in SRAM. IN_SIZES and OUT_SIZES are brace lists of each tensor's bytes. A
 * model with state (NET_STATE_SIZE) is reset before its first inference, as its header asks. */
#include <stdint.h>
#include "net.h"

#if defined(NET_ARENA_COUNT)
/* The target lists memory regions: one array per region, each in the section net_memory.ld places. */
static uint8_t arena[NET_ARENA_SIZE] __attribute__((section(NET_ARENA_SECTION), aligned(NET_ARENA_ALIGNMENT)));
#if NET_ARENA_COUNT == 2
static uint8_t arena1[NET_ARENA1_SIZE] __attribute__((section(NET_ARENA1_SECTION), aligned(NET_ARENA_ALIGNMENT)));
#define ARENAS arena, arena1
#elif NET_ARENA_COUNT == 1
#define ARENAS arena
#else
#error "this test program declares at most two arena arrays"
#endif
#else
static uint8_t arena[NET_ARENA_SIZE] __attribute__((aligned(NET_ARENA_ALIGNMENT)));
#define ARENAS arena
#endif
static const long in_sizes[] = IN_SIZES;
static const long out_sizes[] = OUT_SIZES;

#ifdef HOST
#include <stdio.h>
#include <stdlib.h>

#ifdef USE_INVOKE
/* The copying path: the application's own buffers, passed to net_invoke. */
static int run_with_buffers(void)
{
    uint8_t *ins[NET_INPUT_COUNT + 1], *outs[NET_OUTPUT_COUNT + 1];
    int i, status;
#ifdef NET_STATE_SIZE
    net_reset();
#endif
    for (i = 0; i < NET_INPUT_COUNT; ++i) {
        ins[i] = malloc((size_t)in_sizes[i] + 1);
        if (fread(ins[i], 1, (size_t)in_sizes[i], stdin) != (size_t)in_sizes[i]) return 3;
    }
    for (i = 0; i < NET_OUTPUT_COUNT; ++i) outs[i] = malloc((size_t)out_sizes[i] + 1);
    status = NET_INVOKE_CALL;
    for (i = 0; i < NET_OUTPUT_COUNT; ++i) fwrite(outs[i], 1, (size_t)out_sizes[i], stdout);
    return status;
}
#endif

int main(void)
{
    int i, status;
    (void)in_sizes;
    (void)out_sizes;
#ifdef USE_INVOKE
    return run_with_buffers();
#endif
    if (net_input(ARENAS, NET_INPUT_COUNT) != 0 || net_input(ARENAS, -1) != 0 || net_output(ARENAS, NET_OUTPUT_COUNT) != 0) {
        return 5; /* an index out of range must give NULL */
    }
#ifdef NET_STATE_SIZE
    net_reset();
#endif
    for (i = 0; i < NET_INPUT_COUNT; ++i) {
        if (fread(net_input(ARENAS, i), 1, (size_t)in_sizes[i], stdin) != (size_t)in_sizes[i]) return 3;
    }
    status = net_run(ARENAS);
    for (i = 0; i < NET_OUTPUT_COUNT; ++i) fwrite(net_output(ARENAS, i), 1, (size_t)out_sizes[i], stdout);
    return status;
}
#else
/* What a sensor driver would do: fill the input where the model wants it. */
static void sensor_read(uint8_t *into, long bytes)
{
    long k;
    for (k = 0; k < bytes; ++k) into[k] = (uint8_t)(k * 7u + 3u);
}

int main(void)
{
    int i, status;
    int32_t sum = 0;
#ifdef NET_STATE_SIZE
    net_reset();
#endif
    for (i = 0; i < NET_INPUT_COUNT; ++i) sensor_read(net_input(ARENAS, i), in_sizes[i]);
    status = net_run(ARENAS);
    for (i = 0; i < NET_OUTPUT_COUNT; ++i) {
        const uint8_t *out = net_output(ARENAS, i);
        sum += out[0] + out[out_sizes[i] - 1];
    }
    return status == 0 ? (int)sum : -1;
}

/* Entry point of the bare-metal image (no C library start-up code). */
void _start(void)
{
    volatile int result = main();
    (void)result;
    for (;;) {
    }
}
#endif
