/// BATCH_TO_SPACE_ND (TFLM `batch_to_space_nd.cc`): operands (input, block_shape, crops), input
/// rank 3 or 4 (`SpaceBatchGeometry`). Input batch `ib` holds output batch `ib % B` at block
/// offset `ib / B` (`B` the output batch): input `[ib, ih, iw, c]` lands at output row
/// `ih * bh + (ib / B) / bw - crop_top`, column `iw * bw + (ib / B) % bw - crop_left`; elements
/// cropped away are dropped. A raw copy; mcuc needs block_shape and crops constant.
///
/// Each output index's source depends on its own axis alone, so this is an `AxisGather` (run by
/// MIRROR_PAD's and GATHER's kernel).
public struct BatchToSpaceNd: OperatorDefinition {
    public init() {}

    public static let name = "BATCH_TO_SPACE_ND"
    public static let support = OperatorSupport(types: "int8; int32 block_shape and crops",
                                                options: "rank 3 or 4, constant block_shape and crops, any block")
    public static let inputCounts = 3...3
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> {
        role == .input(1) || role == .input(2) ? [.int32] : [.int8]
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let g = try SpaceBatchGeometry.read(op, space: op.output, margins: "crops")
        let input = op.input(0), rank = input.shape.rank
        // The geometry read the output's spatial size; the input must be the output padded back
        // by the crops and folded into the batch.
        guard g.batchedShape(rank: rank) == input.shape,
              (g.top + g.height + g.bottom) % g.blockH == 0, (g.left + g.width + g.right) % g.blockW == 0 else {
            throw op.error(.malformed, "output has shape \(op.output.shape); BATCH_TO_SPACE_ND of \(input.shape) with "
                           + "these block_shape and crops gives another shape", op.output)
        }
        try op.requireCopiedQuant()
    }

    public func prepare(_ op: OpOperands) -> AxisGather {
        .batchToSpace(SpaceBatchGeometry(op, space: op.output), rank: op.input(0).shape.rank)
    }
}
