/* mcuc host harness: runs a generated model on inputs read from a file and reports what the
 * simulator measures. Host-only (stdio, stdlib, POSIX clock); never part of firmware.
 *
 * usage: harness RUNS INPUTS OUTPUTS TRACE|- REPEATS guard|exact
 *   INPUTS   RUNS records, each every input's bytes in order
 *   OUTPUTS  written: RUNS records, each every output's bytes in order
 *   TRACE    written unless "-": RUNS records, each every trace point's bytes in order
 *   REPEATS  at most this many extra untraced inferences of the first record, timed (stops
 *            after 0.2 s)
 *   guard    arena inside 64 guard bytes on each side, filled with a pattern before every run
 *   exact    arena in its own allocation of exactly the arena size (for AddressSanitizer)
 * Prints "status N", "arena_touched N", "guard_ok 0|1", "ns_per_inference N" on stdout. */
#define _POSIX_C_SOURCE 200112L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "mcuc_harness.h"

#define GUARD 64

static FILE *trace_file = NULL;

void mcuc_harness_trace(int step, const uint8_t *arena)
{
    int32_t i;
    if (trace_file == NULL) {
        return;
    }
    for (i = 0; i < mcuc_harness_trace_count; ++i) {
        const mcuc_harness_trace_point *t = &mcuc_harness_trace_points[i];
        if (t->step == step && fwrite(arena + t->offset, 1, (size_t)t->bytes, trace_file) != (size_t)t->bytes) {
            fprintf(stderr, "harness: cannot write the trace\n");
            exit(3);
        }
    }
}

static long total(const int32_t *sizes, int32_t count)
{
    long sum = 0;
    int32_t i;
    for (i = 0; i < count; ++i) {
        sum += sizes[i];
    }
    return sum;
}

static void split(uint8_t *record, const int32_t *sizes, int32_t count, uint8_t **parts)
{
    int32_t i;
    for (i = 0; i < count; ++i) {
        parts[i] = record;
        record += sizes[i];
    }
}

/* Highest arena byte (+1) that differs from `pattern`; 0 when none does. */
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

static int guard_intact(const uint8_t *block, long arena_bytes, uint8_t pattern)
{
    long i;
    for (i = 0; i < GUARD; ++i) {
        if (block[i] != pattern || block[GUARD + arena_bytes + i] != pattern) {
            return 0;
        }
    }
    return 1;
}

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    const long in_bytes = total(mcuc_harness_input_bytes, mcuc_harness_input_count);
    const long out_bytes = total(mcuc_harness_output_bytes, mcuc_harness_output_count);
    const long arena_bytes = mcuc_harness_arena_bytes;
    uint8_t **ins, **outs;
    uint8_t *inputs, *outputs, *block, *arena;
    long runs, repeats, r, high = 0;
    int exact, guard_ok = 1, status = 0;
    FILE *f;
    if (argc != 7) {
        fprintf(stderr, "usage: %s RUNS INPUTS OUTPUTS TRACE|- REPEATS guard|exact\n", argv[0]);
        return 2;
    }
    runs = atol(argv[1]);
    repeats = atol(argv[5]);
    exact = strcmp(argv[6], "exact") == 0;
    inputs = malloc((size_t)(in_bytes * runs + 1));
    outputs = malloc((size_t)(out_bytes * runs + 1));
    /* One pointer per graph input and output, however many the model has. */
    ins = malloc(sizeof(uint8_t *) * (size_t)(mcuc_harness_input_count + 1));
    outs = malloc(sizeof(uint8_t *) * (size_t)(mcuc_harness_output_count + 1));
    /* exact: the arena is its own allocation of exactly the arena size. */
    block = malloc(exact ? (size_t)(arena_bytes > 0 ? arena_bytes : 1) : (size_t)arena_bytes + 2 * GUARD);
    if (inputs == NULL || outputs == NULL || block == NULL || ins == NULL || outs == NULL) {
        fprintf(stderr, "harness: out of memory\n");
        return 3;
    }
    arena = exact ? block : block + GUARD;
    f = fopen(argv[2], "rb");
    if (f == NULL || fread(inputs, 1, (size_t)(in_bytes * runs), f) != (size_t)(in_bytes * runs)) {
        fprintf(stderr, "harness: cannot read %s\n", argv[2]);
        return 3;
    }
    fclose(f);
    if (strcmp(argv[4], "-") != 0) {
        trace_file = fopen(argv[4], "wb");
        if (trace_file == NULL) {
            fprintf(stderr, "harness: cannot write %s\n", argv[4]);
            return 3;
        }
    }
    for (r = 0; r < runs && status == 0; ++r) {
        /* Every run starts from a pattern; the first input also runs on the inverted pattern, so
         * a byte written with the pattern's value is still seen as touched. */
        int pass;
        for (pass = (r == 0 ? 0 : 1); pass < 2 && status == 0; ++pass) {
            const uint8_t pattern = pass == 0 ? 0x5A : 0xA5;
            FILE *saved = trace_file;
            memset(block, pattern, exact ? (size_t)arena_bytes : (size_t)arena_bytes + 2 * GUARD);
            split(inputs + r * in_bytes, mcuc_harness_input_bytes, mcuc_harness_input_count, ins);
            split(outputs + r * out_bytes, mcuc_harness_output_bytes, mcuc_harness_output_count, outs);
            if (pass == 0) {
                trace_file = NULL;
            }
            status = mcuc_harness_invoke((const uint8_t *const *)ins, outs, arena);
            trace_file = saved;
            if (touched(arena, arena_bytes, pattern) > high) {
                high = touched(arena, arena_bytes, pattern);
            }
            if (!exact && !guard_intact(block, arena_bytes, pattern)) {
                guard_ok = 0;
            }
        }
    }
    if (trace_file != NULL) {
        fclose(trace_file);
        trace_file = NULL;
    }
    f = fopen(argv[3], "wb");
    if (f == NULL || fwrite(outputs, 1, (size_t)(out_bytes * runs), f) != (size_t)(out_bytes * runs)) {
        fprintf(stderr, "harness: cannot write %s\n", argv[3]);
        return 3;
    }
    fclose(f);
    printf("status %d\narena_touched %ld\nguard_ok %d\n", status, high, guard_ok);
    if (status == 0 && repeats > 0 && runs > 0) {
        double start, elapsed;
        split(inputs, mcuc_harness_input_bytes, mcuc_harness_input_count, ins);
        split(outputs, mcuc_harness_output_bytes, mcuc_harness_output_count, outs);
        start = now_ns();
        elapsed = 0.0;
        for (r = 0; r < repeats && elapsed < 2e8; ++r) {
            status |= mcuc_harness_invoke((const uint8_t *const *)ins, outs, arena);
            elapsed = now_ns() - start;
        }
        printf("ns_per_inference %.0f\n", elapsed / (double)r);
    }
    free(inputs);
    free(outputs);
    free(block);
    free(ins);
    free(outs);
    return 0;
}
