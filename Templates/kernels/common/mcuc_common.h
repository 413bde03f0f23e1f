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
    MCUC_ERROR_SOFTMAX_RANGE = 1, /* a SOFTMAX row's sum of exponentials reaches 512 */
    MCUC_ERROR_READ_INPUT = 2,    /* the application's <prefix>_read_input returned non-zero */
    MCUC_ERROR_INPUT_DOMAIN = 3   /* an input outside the op's domain (RSQRT below its zero point, a GATHER coordinate outside params) */
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

/* Runs a kernel from inside another kernel and returns its status unless it is MCUC_OK. */
#define MCUC_PASS(call)                                 \
    do {                                                \
        const mcuc_status mcuc_pass_ = (call);          \
        if (mcuc_pass_ != MCUC_OK) {                    \
            return mcuc_pass_;                          \
        }                                               \
    } while (0)

/* A rectangle of pixels inside an NHWC buffer (batch 1): where a kernel reads or writes.
 *
 * Element (y, x, c) of the rectangle is at buffer[offset + y * pitch + x * channels + c]. For an
 * input, rows y < 0 or y >= h and columns x < 0 or x >= w are padding (the kernel skips them or
 * uses the fill value); a window's first tap is at row -pad_top, column -pad_left. */
typedef struct {
    int32_t offset;            /* elements from the buffer's start to pixel (0, 0) */
    int32_t h, w;              /* rows and columns readable (an input) or written (the output) */
    int32_t pitch;             /* elements from one row to the next */
    int32_t pad_top, pad_left; /* padding taps before row 0 and column 0 */
} mcuc_plane;

/* A whole h x w tensor with `channels` elements per pixel, padded by (pad_top, pad_left). */
static inline mcuc_plane mcuc_plane_dense(int32_t h, int32_t w, int32_t channels, int32_t pad_top, int32_t pad_left)
{
    mcuc_plane plane;
    plane.offset = 0;
    plane.h = h;
    plane.w = w;
    plane.pitch = w * channels;
    plane.pad_top = pad_top;
    plane.pad_left = pad_left;
    return plane;
}

/* Patch-based inference: a call of a patch stage runs once per patch, on regions of its
 * operands. mcuc gives it two int32 tables, one entry per grid row and one per grid column;
 * each entry holds MCUC_PATCH_FIELDS values per operand (the inputs in argument order, then the
 * output): the first row (column) of the operand's buffer the call touches, the rows (columns)
 * it may read or writes from there, the padding taps before them (non-zero only at the real
 * image border, so a patch computes exactly what the whole layer computes), and the rows
 * (columns) of the buffer in this patch. A constant operand's values are all 0. */
#define MCUC_PATCH_FIELDS 4

/* Operand `operand`'s rectangle from its row entry `rows` and column entry `cols`, for
 * `channels` elements per pixel. */
static inline mcuc_plane mcuc_patch_plane(const int32_t *rows, const int32_t *cols, int32_t operand, int32_t channels)
{
    const int32_t *r = rows + operand * MCUC_PATCH_FIELDS;
    const int32_t *c = cols + operand * MCUC_PATCH_FIELDS;
    mcuc_plane plane;
    plane.pitch = c[3] * channels;
    plane.offset = r[0] * plane.pitch + c[0] * channels;
    plane.h = r[1];
    plane.w = c[1];
    plane.pad_top = r[2];
    plane.pad_left = c[2];
    return plane;
}

#endif /* MCUC_COMMON_H */
