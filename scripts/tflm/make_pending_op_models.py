#!/usr/bin/env python3
"""Generate the op fixtures of issue #12 (operators mcuc does not support yet).

    make_pending_op_models.py OUTDIR

Same builder, naming, determinism and index.json format as make_op_models.py (each case draws
from numpy.random.default_rng(crc32(file name))). The cases live in op_cases_*.py, one module per
family; when a family is supported its module moves into make_op_models.py's set and its
fixtures into Tests/Fixtures/ops.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_op_models as mo  # noqa: E402
import op_cases_layout  # noqa: E402
import op_cases_math  # noqa: E402
import op_cases_conv  # noqa: E402
import op_cases_int16  # noqa: E402
import op_cases_sequence  # noqa: E402

FAMILIES = [op_cases_layout, op_cases_math, op_cases_conv, op_cases_int16, op_cases_sequence]


def main(argv):
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    # Continue the numbering of make_op_models.py's set, so that a file keeps its name (and so
    # its bytes: the seed is the crc32 of the name) when its family moves into that set.
    mo.define_cases()
    registry = mo.Registry()
    registry.counters = dict(mo.R.counters)
    for family in FAMILIES:
        family.define(registry)
    return mo.write_fixtures(argv[0], registry, "scripts/tflm/make_pending_op_models.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
