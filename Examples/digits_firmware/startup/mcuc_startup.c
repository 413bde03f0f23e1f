/* mcuc_startup.c: vector table, reset handler and fault handler of a bare-metal Cortex-M program
 * (M0/M0+, M3, M4, M7, M33, M55). The linker script provides the symbols below. The reset handler
 * enables the FPU and Helium when the build uses them, copies .data from Flash, zeroes .bss, runs
 * the C++/constructor tables and calls main(); a fault prints where it happened and ends the
 * program with exit status 70, so a crash is never silent. */
#include <stdint.h>
#include <string.h>
#include "mcuc_semihost.h"

extern uint32_t __stack_top[];
extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start[], __bss_end[];
extern void (*__init_array_start[])(void);
extern void (*__init_array_end[])(void);

int main(void);
void mcuc_reset_handler(void);
void mcuc_fault_handler(void);
void mcuc_fault_report(const uint32_t *frame, uint32_t exc_return);

#define MCUC_FAULT_EXIT 70

/* Initial stack pointer, then the 15 system exceptions (no device interrupt is enabled). */
__attribute__((section(".vectors"), used)) static void (*const vectors[16])(void) = {
    (void (*)(void))(uintptr_t)__stack_top,
    mcuc_reset_handler,
    mcuc_fault_handler, /* NMI */
    mcuc_fault_handler, /* HardFault */
    mcuc_fault_handler, /* MemManage */
    mcuc_fault_handler, /* BusFault */
    mcuc_fault_handler, /* UsageFault */
    mcuc_fault_handler, /* SecureFault (ARMv8-M Mainline) */
    0, 0, 0,
    mcuc_fault_handler, /* SVCall */
    mcuc_fault_handler, /* DebugMonitor */
    0,
    mcuc_fault_handler, /* PendSV */
    mcuc_fault_handler, /* SysTick */
};

static __attribute__((noinline, noreturn)) void start_c(void)
{
    const uint32_t *from = __data_load;
    uint32_t *to;
    void (**init)(void);
    for (to = __data_start; to < __data_end; ++to, ++from) {
        *to = *from;
    }
    for (to = __bss_start; to < __bss_end; ++to) {
        *to = 0;
    }
    for (init = __init_array_start; init < __init_array_end; ++init) {
        (*init)();
    }
    mcuc_semihost_exit(main());
}

void mcuc_reset_handler(void)
{
#if defined(__ARM_FP) || defined(__ARM_FEATURE_MVE)
    /* CPACR: full access to coprocessors 10 and 11 (FPU, and Helium on Armv8.1-M). */
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
    start_c();
}

/* The exception frame's stack: MSP or PSP by EXC_RETURN bit 2. */
__attribute__((naked)) void mcuc_fault_handler(void)
{
    __asm__ volatile(
        "mov r1, lr\n\t"
        "movs r0, #4\n\t"
        "tst r0, r1\n\t"
        "beq 1f\n\t"
        "mrs r0, psp\n\t"
        "b mcuc_fault_report\n"
        "1:\n\t"
        "mrs r0, msp\n\t"
        "b mcuc_fault_report\n");
}

void mcuc_fault_report(const uint32_t *frame, uint32_t exc_return)
{
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    mcuc_semihost_put_number("mcuc: guest fault: exception ", (long)(ipsr & 0x1ffu));
    mcuc_semihost_put_hex("mcuc: fault pc ", frame[6]);
    mcuc_semihost_put_hex("mcuc: fault lr ", frame[5]);
    mcuc_semihost_put_hex("mcuc: fault exc_return ", exc_return);
#if !defined(__ARM_ARCH_6M__)
    mcuc_semihost_put_hex("mcuc: fault cfsr ", *(volatile uint32_t *)0xE000ED28u);
#endif
    mcuc_semihost_exit(MCUC_FAULT_EXIT);
}

/* newlib's __libc_init_array is not used; -nostartfiles also drops crti.o's _init/_fini. */
void _init(void) {}
void _fini(void) {}
