"""Which issue-12 fixture cases (op_cases_*.py) belong to the supported set.

make_op_models.py writes the cases for which `supported(op, desc)` is true into
Tests/Fixtures/ops (where every test runs them); make_pending_op_models.py writes the others into
Tests/Fixtures/ops-pending. Both number the cases the same way, so a case keeps its file name
(and its bytes: the seed is the crc32 of the name) when its operator becomes supported: moving a
family is one line here plus `git mv` of its files.
"""

# operator -> predicate on the case's description (None: every case of the operator)
SUPPORTED = {
    "LOG_SOFTMAX": None,
    "EXPAND_DIMS": None,
    "SLICE": None,
    "DEPTH_TO_SPACE": None,
    "SPACE_TO_DEPTH": None,
    "PACK": None,
    "MAXIMUM": None,
    "MINIMUM": None,
    "ABS": None,
    "MIRROR_PAD": None,
    "GATHER": None,
    "SPLIT": None,
    "SPLIT_V": None,
    "UNPACK": None,
    "SQUARED_DIFFERENCE": None,
    "PRELU": None,
    "SUM": None,
    "REDUCE_MAX": None,
    "ELU": None,
    # int8 activations (int16 cell state); the int16-activation cases stay pending
    "UNIDIRECTIONAL_SEQUENCE_LSTM": lambda desc: desc.startswith("i8_"),
    "ARG_MAX": None,
    "ARG_MIN": None,
    # int8 and int16x8
    "TRANSPOSE_CONV": None,
    "RESIZE_BILINEAR": None,
    "SPACE_TO_BATCH_ND": None,
    "BATCH_TO_SPACE_ND": None,
    "RSQRT": None,
    "L2_NORMALIZATION": None,
    "BATCH_MATMUL": None,
    # int8 input/output, int16 or int8 state
    "SVDF": None,
    # int4-packed filters (int8 activations) and int16x8 (i16_*)
    "CONV_2D": lambda desc: desc.startswith(("int4_", "i16_")),
    "DEPTHWISE_CONV_2D": lambda desc: desc.startswith(("int4_", "i16_")),
    "FULLY_CONNECTED": lambda desc: desc.startswith(("int4_", "i16_")),
    # int16 activations (issue 12's int16x8; the int8 cases of these operators are
    # make_op_models.py's own)
    "QUANTIZE": None,
    "DEQUANTIZE": None,
    "RESHAPE": None,
    "CONCATENATION": None,
    "PAD": None,
    "PADV2": None,
    "ADD": None,
    "SUB": None,
    "MUL": None,
    "AVERAGE_POOL_2D": None,
    "MAX_POOL_2D": None,
}


def supported(op, desc):
    """True when mcuc supports fixture case `op`/`desc` of op_cases_*.py."""
    if op not in SUPPORTED:
        return False
    rule = SUPPORTED[op]
    return rule is None or rule(desc)
