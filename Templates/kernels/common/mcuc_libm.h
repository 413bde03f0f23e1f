/*
 * mcuc_libm.h — expf and logf that return exactly what TFLite Micro's float kernels get from the
 * host C library (glibc >= 2.27 on x86-64 with FMA, which selects its FMA variants), on every
 * target: plain C99 integer and double arithmetic, the fused multiply-adds done in integers, no
 * <math.h>, no libm.
 *
 * The algorithms and constants are glibc's (ARM optimized-routines): a 32-entry 2^(i/32) table
 * and a cubic for expf, a 16-entry (1/c, log c) table and a cubic for logf. The constants were
 * read from the oracle host's libm.so.6; the operation order follows its FMA code path.
 * Checked against the host's expf / logf on a stride of float bit patterns and dense ranges
 * (SimulatorTests/LibmTests); the Swift reference has the same functions (GlibcMath).
 */
#ifndef MCUC_LIBM_H
#define MCUC_LIBM_H

#include <stdint.h>

/* fma(a, b, c): a * b + c rounded once (round to nearest even), for finite operands whose
   exact result is zero or a normal double (subnormal results are rounded twice). */
double mcuc_fma(double a, double b, double c);

/* glibc's expf (FMA variant), bit for bit. */
float mcuc_expf(float x);

/* glibc's logf (FMA variant), bit for bit. */
float mcuc_logf(float x);

#endif /* MCUC_LIBM_H */
