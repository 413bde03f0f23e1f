/* mcuc_semihost.c: Arm semihosting calls (see mcuc_semihost.h). */
#include "mcuc_semihost.h"

#include <string.h>

enum {
    SYS_OPEN = 0x01,
    SYS_CLOSE = 0x02,
    SYS_WRITE0 = 0x04,
    SYS_WRITE = 0x05,
    SYS_READ = 0x06,
    SYS_EXIT_EXTENDED = 0x20,
    ADP_STOPPED_APPLICATION_EXIT = 0x20026
};

static int call(int operation, const void *argument)
{
    register int r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = argument;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

int mcuc_semihost_open(const char *path, int mode)
{
    const uintptr_t block[3] = { (uintptr_t)path, (uintptr_t)mode, (uintptr_t)strlen(path) };
    return call(SYS_OPEN, block);
}

int mcuc_semihost_read(int handle, void *data, size_t bytes)
{
    const uintptr_t block[3] = { (uintptr_t)handle, (uintptr_t)data, (uintptr_t)bytes };
    return call(SYS_READ, block) == 0 ? 0 : -1; /* returns the bytes NOT read */
}

int mcuc_semihost_write(int handle, const void *data, size_t bytes)
{
    const uintptr_t block[3] = { (uintptr_t)handle, (uintptr_t)data, (uintptr_t)bytes };
    return call(SYS_WRITE, block) == 0 ? 0 : -1; /* returns the bytes NOT written */
}

void mcuc_semihost_close(int handle)
{
    const uintptr_t block[1] = { (uintptr_t)handle };
    (void)call(SYS_CLOSE, block);
}

void mcuc_semihost_puts(const char *text)
{
    (void)call(SYS_WRITE0, text);
}

void mcuc_semihost_put_number(const char *label, long value)
{
    char digits[24];
    char *p = digits + sizeof digits - 1;
    unsigned long magnitude = value < 0 ? 0UL - (unsigned long)value : (unsigned long)value;
    *p = '\0';
    *--p = '\n';
    do {
        *--p = (char)('0' + magnitude % 10UL);
        magnitude /= 10UL;
    } while (magnitude != 0UL);
    if (value < 0) {
        *--p = '-';
    }
    mcuc_semihost_puts(label);
    mcuc_semihost_puts(p);
}

void mcuc_semihost_put_hex(const char *label, uint32_t value)
{
    static const char hex[] = "0123456789abcdef";
    char text[12];
    int i;
    text[0] = '0';
    text[1] = 'x';
    for (i = 0; i < 8; ++i) {
        text[2 + i] = hex[(value >> (28 - 4 * i)) & 0xfu];
    }
    text[10] = '\n';
    text[11] = '\0';
    mcuc_semihost_puts(label);
    mcuc_semihost_puts(text);
}

void mcuc_semihost_exit(int code)
{
    const uintptr_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, (uintptr_t)code };
    for (;;) {
        (void)call(SYS_EXIT_EXTENDED, block);
    }
}
