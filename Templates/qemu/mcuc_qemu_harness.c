/* mcuc QEMU harness: runs a generated model on an emulated Cortex-M core, on inputs read from a
 * host file through semihosting, and reports what the simulator measures. Never part of firmware.
 *
 * Files in QEMU's working directory:
 *   mcuc_in.bin     read: "MCUQ", runs (u32 LE), flags (u32 LE), then `runs` records of every
 *                   input's bytes in order. Flags: 1 = trace (write every traced tensor after its
 *                   step), 2 = measure the arena (pattern fill, first record on two patterns).
 *   mcuc_out.bin    written: `runs` records of every output's bytes in order
 *   mcuc_trace.bin  written when tracing: every trace point's bytes, in order, per record
 * Prints "status N", "arena_touched N", "guard_ok 0|1", "stack_bytes N" on the console.
 *
 * Build defines: MCUC_QEMU_ARENA_BYTES, MCUC_QEMU_INPUT_BYTES, MCUC_QEMU_OUTPUT_BYTES (sums over
 * the model's inputs and outputs). Profiling builds compile the model with
 * -DMCUC_STEP_MARKER=mcuc_qemu_step; the instruction-counting plugin watches mcuc_qemu_step,
 * the model's invoke function and the instruction its call returns to. */
#include <stdint.h>
#include <string.h>
#include "mcuc_harness.h"
#include "mcuc_semihost.h"

#define GUARD 64
#define FLAG_TRACE 1u
#define FLAG_ARENA 2u
#define PAINT 0xC5C5C5C5u
#define EXIT_HARNESS 3

static uint8_t block[MCUC_QEMU_ARENA_BYTES + 2 * GUARD] __attribute__((aligned(16)));
static uint8_t input[MCUC_QEMU_INPUT_BYTES + 1] __attribute__((aligned(16)));
static uint8_t output[MCUC_QEMU_OUTPUT_BYTES + 1] __attribute__((aligned(16)));
static int trace_file = -1;

extern uint32_t __stack_limit[];

static void fail(const char *message)
{
    mcuc_semihost_puts("mcuc harness: ");
    mcuc_semihost_puts(message);
    mcuc_semihost_puts("\n");
    mcuc_semihost_exit(EXIT_HARNESS);
}

void mcuc_harness_trace(int step, const uint8_t *arena)
{
    int32_t i;
    if (trace_file < 0) {
        return;
    }
    for (i = 0; i < mcuc_harness_trace_count; ++i) {
        const mcuc_harness_trace_point *t = &mcuc_harness_trace_points[i];
        if (t->step == step && mcuc_semihost_write(trace_file, arena + t->offset, (size_t)t->bytes) != 0) {
            fail("cannot write the trace");
        }
    }
}

static void split(uint8_t *record, const int32_t *sizes, int32_t count, uint8_t **parts)
{
    int32_t i;
    for (i = 0; i < count; ++i) {
        parts[i] = record;
        record += sizes[i];
    }
}

static long touched(const uint8_t *arena, long bytes, uint8_t pattern)
{
    long i;
    for (i = bytes; i > 0; --i) {
        if (arena[i - 1] != pattern) {
            return i;
        }
    }
    return 0;
}

static int guard_intact(uint8_t pattern)
{
    long i;
    for (i = 0; i < GUARD; ++i) {
        if (block[i] != pattern || block[GUARD + MCUC_QEMU_ARENA_BYTES + i] != pattern) {
            return 0;
        }
    }
    return 1;
}

/* Bytes of stack used below `sp` since paint_stack. */
static long stack_used(uintptr_t sp)
{
    const uint32_t *p = __stack_limit;
    while ((uintptr_t)p < sp && *p == PAINT) {
        ++p;
    }
    return (long)(sp - (uintptr_t)p);
}

/* One inference: returns the model's status; `*stack` gets the bytes of stack it used. */
static __attribute__((noinline)) int run_once(uint8_t *const *ins, uint8_t *const *outs, uint8_t *arena,
                                               long *stack)
{
    uintptr_t sp;
    volatile uint32_t *p = __stack_limit;
    int status;
    /* Paint the free stack below this frame (no call in between: nothing below sp is live). */
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    while ((uintptr_t)p < sp) {
        *p++ = PAINT;
    }
    status = mcuc_harness_invoke((const uint8_t *const *)ins, outs, arena);
    *stack = stack_used(sp);
    return status;
}

int main(void)
{
    uint8_t *ins[64], *outs[64];
    uint8_t *const arena = block + GUARD;
    uint32_t header[3];
    long high = 0, stack = 0, used;
    int in, out, status = 0, guard_ok = 1;
    uint32_t runs, flags, r;
    if (mcuc_harness_input_count > 64 || mcuc_harness_output_count > 64) {
        fail("more than 64 inputs or outputs");
    }
    in = mcuc_semihost_open("mcuc_in.bin", MCUC_SEMIHOST_READ);
    out = mcuc_semihost_open("mcuc_out.bin", MCUC_SEMIHOST_WRITE);
    if (in < 0 || out < 0 || mcuc_semihost_read(in, header, sizeof header) != 0 || header[0] != 0x5155434Du) {
        fail("cannot read mcuc_in.bin or write mcuc_out.bin");
    }
    runs = header[1];
    flags = header[2];
    if ((flags & FLAG_TRACE) != 0) {
        trace_file = mcuc_semihost_open("mcuc_trace.bin", MCUC_SEMIHOST_WRITE);
        if (trace_file < 0) {
            fail("cannot write mcuc_trace.bin");
        }
    }
    split(input, mcuc_harness_input_bytes, mcuc_harness_input_count, ins);
    split(output, mcuc_harness_output_bytes, mcuc_harness_output_count, outs);
    for (r = 0; r < runs && status == 0; ++r) {
        int pass = ((flags & FLAG_ARENA) != 0 && r == 0) ? 0 : 1;
        if (mcuc_semihost_read(in, input, MCUC_QEMU_INPUT_BYTES) != 0) {
            fail("mcuc_in.bin is too short");
        }
        for (; pass < 2 && status == 0; ++pass) {
            /* The first record also runs on the inverted pattern (untraced), so a byte written
             * with the pattern's value is still seen as touched. */
            const uint8_t pattern = pass == 0 ? 0xA5 : 0x5A;
            const int saved = trace_file;
            memset(block, pattern, sizeof block);
            if (pass == 0) {
                trace_file = -1;
            }
            status = run_once(ins, outs, arena, &used);
            trace_file = saved;
            stack = used > stack ? used : stack;
            if (touched(arena, MCUC_QEMU_ARENA_BYTES, pattern) > high) {
                high = touched(arena, MCUC_QEMU_ARENA_BYTES, pattern);
            }
            guard_ok &= guard_intact(pattern);
        }
        if (status == 0 && mcuc_semihost_write(out, output, MCUC_QEMU_OUTPUT_BYTES) != 0) {
            fail("cannot write mcuc_out.bin");
        }
    }
    mcuc_semihost_close(in);
    mcuc_semihost_close(out);
    if (trace_file >= 0) {
        mcuc_semihost_close(trace_file);
    }
    mcuc_semihost_put_number("status ", status);
    mcuc_semihost_put_number("arena_touched ", high);
    mcuc_semihost_put_number("guard_ok ", guard_ok);
    mcuc_semihost_put_number("stack_bytes ", stack);
    return 0;
}
