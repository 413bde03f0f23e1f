/* mcuc host harness: the interface between the generic harness (mcuc_harness.c) and the
 * generated glue for one model (mcuc_harness_model.c). Host-only; never part of firmware. */
#ifndef MCUC_HARNESS_H
#define MCUC_HARNESS_H

#include <stdint.h>

/* One tensor the debug build copies out of the arena after a step. */
typedef struct {
    int32_t step;
    int32_t offset;
    int32_t bytes;
} mcuc_harness_trace_point;

extern const int32_t mcuc_harness_input_count;
extern const int32_t mcuc_harness_input_bytes[];
extern const int32_t mcuc_harness_output_count;
extern const int32_t mcuc_harness_output_bytes[];
extern const int32_t mcuc_harness_arena_bytes;
extern const int32_t mcuc_harness_trace_count;
extern const mcuc_harness_trace_point mcuc_harness_trace_points[];

/* Calls the model's invoke with the inputs and outputs as byte buffers. */
int mcuc_harness_invoke(const uint8_t *const *inputs, uint8_t *const *outputs, uint8_t *arena);

/* Called after every step (the model is compiled with -DMCUC_TRACE=mcuc_harness_trace). */
void mcuc_harness_trace(int step, const uint8_t *arena);

#endif /* MCUC_HARNESS_H */
