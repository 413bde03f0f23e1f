/* mcuc runtime: definitions shared by every kernel. Portable C99. */
#ifndef MCUC_COMMON_H
#define MCUC_COMMON_H

#include <stdint.h>

/* Highest tensor rank the generic N-d kernels (transpose, pad, strided slice, mean, broadcasting)
 * accept. mcuc checks every call against it before emitting C. */
#define MCUC_MAX_RANK 8

/* Alignment of constant tables (weights, biases, multipliers) in Flash. */
#if defined(__GNUC__) || defined(__clang__)
#define MCUC_ALIGNED(n) __attribute__((aligned(n)))
#else
#define MCUC_ALIGNED(n)
#endif

/* Status codes returned by <prefix>_invoke. */
#define MCUC_OK 0
#define MCUC_ERROR_SOFTMAX_RANGE 1

#endif /* MCUC_COMMON_H */
