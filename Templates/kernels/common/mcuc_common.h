/* mcuc runtime: definitions shared by every kernel. Portable C99.
 *
 * The kernel library: kernels/common/ holds this file, the one requantization helper
 * (mcuc_fixedpoint.h), gemmlowp's fixed-point functions (mcuc_gemmlowp.h), and one header per
 * kernel family, mcuc_<family>.h, which is the family's contract: its parameter typedefs (mcuc
 * checks its Swift mirror of each against them), every variant's functions, and the loop order
 * and input/output overlap each function guarantees. kernels/portable/mcuc_<family>.c is the
 * reference implementation for every core and the host; kernels/arm/mcuc_<family>_dsp.c and
 * _mve.c hold the variants for the DSP and Helium extensions, declared in the same header, equal
 * to the portable kernels bit for bit. Every kernel returns mcuc_status. */
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

/* The status every kernel returns, and <prefix>_invoke passes on: MCUC_OK, or the reason a
 * kernel stopped (an input on which TFLite Micro would abort). */
typedef enum {
    MCUC_OK = 0,
    MCUC_ERROR_SOFTMAX_RANGE = 1 /* a SOFTMAX row's sum of exponentials reaches 512 */
} mcuc_status;

/* Runs one kernel call and returns its status from the enclosing function unless it is MCUC_OK
 * (how <prefix>_invoke calls every kernel). */
#define MCUC_TRY(call)                                  \
    do {                                                \
        const mcuc_status mcuc_status_ = (call);        \
        if (mcuc_status_ != MCUC_OK) {                  \
            return (int)mcuc_status_;                   \
        }                                               \
    } while (0)

#endif /* MCUC_COMMON_H */
