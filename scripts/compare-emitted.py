#!/usr/bin/env python3
"""Compares two scripts/emit-all.sh folders and explains every difference it can.

Byte-identical files are fine. Explained differences:
- `*_weights.c`: a parameter struct may differ only in the order of its designated initializers
  and in fields one side leaves out that the other sets to zero (C zero-initializes omitted
  fields, so both mean the same struct);
- with `--status`: in `<prefix>.c` a kernel call `MCUC_TRY(f(...));` equals the plain call
  `f(...);` and the old softmax form `if (f(...) != MCUC_OK) { return MCUC_ERROR_SOFTMAX_RANGE; }`
  (every kernel returns mcuc_status now, so invoke checks each);
- with `--runtime TEMPLATES`: a runtime file (`mcuc_*.c`, `mcuc_*.h`) that is byte for byte the
  file of that name in TEMPLATES (the library changed, the copy is faithful).
Any other difference is listed, and the script exits 1.

    scripts/compare-emitted.py BEFORE AFTER [--status] [--runtime TEMPLATES_DIR]
"""
import os
import re
import sys

ZERO = re.compile(r'^(0|0\.0f|-0\.0f|\{ (0, )*0 \})$')


def blocks(text):
    """Parameter blocks `const T name = { .f = v, ... };` as {name: (type, {field: value})}, and the
    text with every block removed."""
    result = {}
    pattern = re.compile(r'const (\w+) (\w+) = \{\n((?:    \.\w+ = [^\n]*,\n)*)\};', re.M)
    for m in pattern.finditer(text):
        fields = dict(re.findall(r'    \.(\w+) = ([^\n]*),\n', m.group(3)))
        result[m.group(2)] = (m.group(1), fields)
    return result, pattern.sub('', text)


def same_values(a, b):
    (ta, fa), (tb, fb) = a, b
    if ta != tb:
        return False
    for key in set(fa) | set(fb):
        va, vb = fa.get(key, '0'), fb.get(key, '0')
        if va != vb and not (ZERO.match(va) and ZERO.match(vb)):
            return False
    return True


def compare_weights(a, b):
    ba, rest_a = blocks(a)
    bb, rest_b = blocks(b)
    if rest_a != rest_b or set(ba) != set(bb):
        return False
    return all(same_values(ba[k], bb[k]) for k in ba)


def normalize_calls(text):
    """Kernel calls without their status handling."""
    text = re.sub(r'^(    )MCUC_TRY\((.*)\);$', r'\1\2;', text, flags=re.M)
    return re.sub(r'^(    )if \((.*) != MCUC_OK\) \{ return MCUC_ERROR_SOFTMAX_RANGE; \}$', r'\1\2;', text, flags=re.M)


def runtime_files(folder):
    """name -> text of every file under a Templates folder."""
    result = {}
    for root, _, files in os.walk(folder):
        for name in files:
            result[name] = open(os.path.join(root, name)).read()
    return result


def explained(name, ta, tb, status, runtime):
    if name.endswith('_weights.c') and compare_weights(ta, tb):
        return True
    if status and name.endswith('.c') and not name.startswith('mcuc_') and normalize_calls(ta) == normalize_calls(tb):
        return True
    return name.startswith('mcuc_') and runtime.get(name) == tb


def main():
    before, after = sys.argv[1], sys.argv[2]
    status = '--status' in sys.argv
    runtime = runtime_files(sys.argv[sys.argv.index('--runtime') + 1]) if '--runtime' in sys.argv else {}
    real, explained_count, identical = [], 0, 0
    for root, _, files in os.walk(before):
        for name in files:
            pa = os.path.join(root, name)
            pb = os.path.join(after, os.path.relpath(pa, before))
            if not os.path.exists(pb):
                real.append(f'only before: {pa}')
                continue
            ta, tb = open(pa).read(), open(pb).read()
            if ta == tb:
                identical += 1
            elif explained(name, ta, tb, status, runtime):
                explained_count += 1
            else:
                real.append(f'differs: {pb}')
    for root, _, files in os.walk(after):
        for name in files:
            pb = os.path.join(root, name)
            if not os.path.exists(os.path.join(before, os.path.relpath(pb, after))):
                real.append(f'only after: {pb}')
    print(f'{identical} identical, {explained_count} explained, {len(real)} other differences')
    for line in real[:40]:
        print(line)
    sys.exit(1 if real else 0)


if __name__ == '__main__':
    main()
