/* mcuc_semihost.h: the few Arm semihosting calls the mcuc QEMU harness and the firmware examples
 * use (host files, console text, exit code), without the C library's I/O layer. Runs under
 * qemu-system-arm -semihosting-config enable=on,target=native; on a real board it needs a debugger
 * attached (a BKPT 0xAB halts the core otherwise). */
#ifndef MCUC_SEMIHOST_H
#define MCUC_SEMIHOST_H

#include <stddef.h>
#include <stdint.h>

/* Opens a host file ("rb" = 1, "wb" = 5); returns a handle, or -1. */
int mcuc_semihost_open(const char *path, int mode);
#define MCUC_SEMIHOST_READ 1
#define MCUC_SEMIHOST_WRITE 5
/* Reads or writes exactly `bytes` bytes; returns 0 on success. */
int mcuc_semihost_read(int handle, void *data, size_t bytes);
int mcuc_semihost_write(int handle, const void *data, size_t bytes);
void mcuc_semihost_close(int handle);
/* Writes a NUL-terminated string to the host's console (QEMU's standard output). */
void mcuc_semihost_puts(const char *text);
/* Writes `label`, the decimal `value` and a newline to the console. */
void mcuc_semihost_put_number(const char *label, long value);
/* Writes `label`, `value` as 0x%08x and a newline to the console. */
void mcuc_semihost_put_hex(const char *label, uint32_t value);
/* Ends the program with `code` as QEMU's exit status. */
void mcuc_semihost_exit(int code) __attribute__((noreturn));

#endif /* MCUC_SEMIHOST_H */
