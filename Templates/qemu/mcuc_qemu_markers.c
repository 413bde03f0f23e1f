/* mcuc_qemu_markers.c: see mcuc_qemu_markers.h. Compiles to a single return instruction. */
#include "mcuc_qemu_markers.h"

void mcuc_qemu_step(void)
{
}
