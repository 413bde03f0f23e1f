/* mcuc instruction-counting plugin for QEMU's TCG (plugin API version 1, QEMU 4.2-8.1).
 *
 * Counts every guest instruction executed (one inline add per translated block) and, each time
 * the guest reaches one of the marker addresses given as arguments, appends
 * "<marker name> <instructions executed before that instruction>" to the output file.
 *
 * usage: -plugin mcuc_icount.so,out=FILE[,NAME=ADDRESS ...]   (up to 8 markers, ADDRESS in hex)
 *
 * Debian's QEMU ships no qemu-plugin.h: the few declarations used are below, with the types and
 * values of the version-1 API. Host C, built with `cc -shared -fPIC`; never part of firmware. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
typedef struct qemu_info_t qemu_info_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb, enum qemu_plugin_op op, void *ptr,
                                              uint64_t imm);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn, qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);

#define EXPORT __attribute__((visibility("default")))
EXPORT int qemu_plugin_version = 1;

#define MAX_MARKERS 8

typedef struct {
    char name[32];
    uint64_t address;
} marker;

static marker markers[MAX_MARKERS];
static int marker_count;
static uint64_t executed; /* instructions of every block entered so far (whole blocks) */
static FILE *out;

/* userdata of a marker callback: marker index in the low byte, instructions of the block after
 * the marker's own position (already added by the block's inline count) in the rest. */
static void on_marker(unsigned int vcpu, void *userdata)
{
    uintptr_t data = (uintptr_t)userdata;
    const marker *m = &markers[data & 0xff];
    (void)vcpu;
    fprintf(out, "%s %llu\n", m->name, (unsigned long long)(executed - (data >> 8)));
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    size_t n = qemu_plugin_tb_n_insns(tb), i;
    int k;
    (void)id;
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &executed, n);
    for (i = 0; i < n; ++i) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint64_t address = qemu_plugin_insn_vaddr(insn);
        for (k = 0; k < marker_count; ++k) {
            if (markers[k].address == address) {
                uintptr_t data = (uintptr_t)k | ((uintptr_t)(n - i) << 8);
                qemu_plugin_register_vcpu_insn_exec_cb(insn, on_marker, QEMU_PLUGIN_CB_NO_REGS, (void *)data);
            }
        }
    }
}

static void on_qemu_exit(qemu_plugin_id_t id, void *userdata)
{
    (void)id;
    (void)userdata;
    fprintf(out, "total %llu\n", (unsigned long long)executed);
    fclose(out);
}

EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    int i;
    (void)info;
    for (i = 0; i < argc; ++i) {
        const char *eq = strchr(argv[i], '=');
        size_t length = eq == NULL ? 0 : (size_t)(eq - argv[i]);
        if (eq == NULL || length == 0 || length >= sizeof markers[0].name) {
            fprintf(stderr, "mcuc_icount: bad argument '%s'\n", argv[i]);
            return 1;
        }
        if (length == 3 && strncmp(argv[i], "out", 3) == 0) {
            out = fopen(eq + 1, "w");
            if (out == NULL) {
                fprintf(stderr, "mcuc_icount: cannot write '%s'\n", eq + 1);
                return 1;
            }
        } else if (marker_count < MAX_MARKERS) {
            memcpy(markers[marker_count].name, argv[i], length);
            markers[marker_count].name[length] = '\0';
            markers[marker_count].address = strtoull(eq + 1, NULL, 16);
            ++marker_count;
        } else {
            fprintf(stderr, "mcuc_icount: more than %d markers\n", MAX_MARKERS);
            return 1;
        }
    }
    if (out == NULL) {
        fprintf(stderr, "mcuc_icount: no out=FILE argument\n");
        return 1;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, on_qemu_exit, NULL);
    return 0;
}
