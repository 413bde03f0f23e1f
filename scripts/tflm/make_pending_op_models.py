#!/usr/bin/env python3
"""Generate the op fixtures of issue #12 (operators mcuc does not support yet).

    make_pending_op_models.py OUTDIR

Same builder, naming, determinism and index.json format as make_op_models.py (each case draws
from numpy.random.default_rng(crc32(file name))). The cases live in op_cases_*.py, one module per
family; the cases fixture_status.py marks supported are written by make_op_models.py into
Tests/Fixtures/ops instead (same numbers, same bytes).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixture_status  # noqa: E402
import make_op_models as mo  # noqa: E402


def main(argv):
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    # Continue the numbering of make_op_models.py's own cases, so that a file keeps its name (and
    # so its bytes: the seed is the crc32 of the name) when its case moves into that set
    # (fixture_status.py decides which cases are supported).
    mo.define_cases()
    registry = mo.Registry()
    registry.counters = dict(mo.R.counters)
    mo.define_issue12_cases(registry, lambda op, desc: not fixture_status.supported(op, desc))
    return mo.write_fixtures(argv[0], registry, "scripts/tflm/make_pending_op_models.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
