/// SPACE_TO_BATCH_ND (TFLM `space_to_batch_nd.cc`): operands (input, block_shape, paddings),
/// input rank 3 or 4 (`SpaceBatchGeometry`). The input is padded, then each block offset
/// `(sh, sw)` becomes a group of batches: output batch `ob` reads input batch `ob % B` at
/// `(oh * bh + sh - pad_top, ow * bw + sw - pad_left)` with `sh = (ob / B) / bw`,
/// `sw = (ob / B) % bw`. A raw copy; mcuc needs block_shape and paddings constant.
///
/// Padding value: TFLite fills padded positions with the output zero point. TFLM's kernel reads
/// its fill value from a field it never initialises (docs/OPERATOR_SEMANTICS.md: a padded fixture
/// with zero point 0 came back with 112 there); mcuc follows TFLite and pads with the zero point.
public struct SpaceToBatchNd: OperatorDefinition {
    public init() {}

    public static let name = "SPACE_TO_BATCH_ND"
    public static let support = OperatorSupport(types: "int8; int32 block_shape and paddings",
                                                options: "rank 3 or 4, constant block_shape and paddings, any block; "
                                                + "padded positions hold the zero point (TFLite's rule; TFLM leaves them undefined)")
    public static let inputCounts = 3...3
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> {
        role == .input(1) || role == .input(2) ? [.int32] : [.int8]
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let g = try SpaceBatchGeometry.read(op, space: op.input(0), margins: "paddings")
        guard (g.top + g.height + g.bottom) % g.blockH == 0, (g.left + g.width + g.right) % g.blockW == 0 else {
            throw op.error(.malformed, "the padded input \(g.top + g.height + g.bottom)x\(g.left + g.width + g.right) "
                           + "is not divisible by the block \(g.blockH)x\(g.blockW)", op.input(2))
        }
        let expected = g.batchedShape(rank: op.input(0).shape.rank)
        guard op.output.shape == expected else {
            throw op.error(.malformed, "output has shape \(op.output.shape); SPACE_TO_BATCH_ND gives \(expected)", op.output)
        }
        try op.requireCopiedQuant()
    }

    public func prepare(_ op: OpOperands) -> SpaceToBatchParams {
        SpaceToBatchParams(geometry: SpaceBatchGeometry(op, space: op.input(0)), padValue: Int8(op.zeroPoint(op.output)))
    }
}

/// The constants of one SPACE_TO_BATCH_ND.
public struct SpaceToBatchParams: Sendable, Hashable {
    public var geometry: SpaceBatchGeometry
    /// What padded positions hold: the output zero point.
    public var padValue: Int8

    /// The input element (flat index) output element `[ob, oh, ow, c]` copies, nil for padding.
    public func source(batch ob: Int, row oh: Int, column ow: Int) -> Int? {
        let g = geometry
        let block = ob / g.batch, b = ob % g.batch
        let h = oh * g.blockH + block / g.blockW - g.top, w = ow * g.blockW + block % g.blockW - g.left
        guard h >= 0, h < g.height, w >= 0, w < g.width else { return nil }
        return ((b * g.height + h) * g.width + w) * g.channels
    }
}
