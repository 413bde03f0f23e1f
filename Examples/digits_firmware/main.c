/* digits_firmware: a complete bare-metal program that runs the digits model on one embedded 8x8
 * image and prints the class it sees. The model's C comes from `mcuc compile --prefix digits`
 * (build/model/); startup/ holds the vector table, reset handler, linker script and the
 * semihosting calls that print through the debugger (here QEMU). Replace sample_input.c with
 * your sensor data and mcuc_semihost_* with your UART to make it a real application. */
#include <stdint.h>
#include <string.h>
#include "digits.h"
#include "mcuc_semihost.h"
#include "sample_input.h"

/* The arena: the only RAM the model uses besides a few hundred bytes of stack; the input and
 * the scores live in it too. */
static uint8_t arena[DIGITS_ARENA_SIZE] __attribute__((aligned(DIGITS_ARENA_ALIGNMENT)));

int main(void)
{
    const int8_t *scores;
    int best = 0, k;
    /* Zero-copy: write the input where the model reads it, run, read the scores in the arena. */
    memcpy(digits_input(arena, 0), sample_input, DIGITS_INPUT0_SIZE);
    if (digits_run(arena) != 0) {
        mcuc_semihost_puts("inference failed\n");
        return 1;
    }
    scores = (const int8_t *)digits_output(arena, 0);
    for (k = 1; k < DIGITS_OUTPUT0_ELEMENTS; ++k) {
        if (scores[k] > scores[best]) {
            best = k;
        }
    }
    /* Scores are int8 probabilities: (score - zero point) * scale. */
    mcuc_semihost_put_number("digit: ", best);
    mcuc_semihost_put_number("score (of 256): ", (long)scores[best] - DIGITS_OUTPUT0_ZERO_POINT);
    return 0;
}
