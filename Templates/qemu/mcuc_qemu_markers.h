/* mcuc_qemu_markers.h: the empty function whose address the instruction-counting plugin watches
 * between steps. It lives in its own file so that no caller sees its body: a call costs exactly the
 * call and the return, and changes no register allocation the compiler could otherwise tailor to
 * an empty callee. */
#ifndef MCUC_QEMU_MARKERS_H
#define MCUC_QEMU_MARKERS_H

/* Called before the first step and after every step (profiling builds of the model). */
void mcuc_qemu_step(void);

#endif /* MCUC_QEMU_MARKERS_H */
