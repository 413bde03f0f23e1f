/// Checks of the int8 ops that copy elements to new positions: RESIZE_NEAREST_NEIGHBOR,
/// TRANSPOSE and STRIDED_SLICE. Their index operands must be constant (TFLM requires it for
/// the resize size and the slice bounds; mcuc plans memory from them), and the output
/// quantization must equal the input's since values are copied unchanged.
enum IndexingOpChecks {
    /// TFLM's TRANSPOSE handles ranks 1 to 5 (`transpose_common.cc`).
    static let maxTransposeRank = 5
    /// TFLM's micro STRIDED_SLICE handles ranks 1 to 4 (`kMaxDim`).
    static let maxStridedSliceRank = 4

    static func resizeNearestNeighbor(_ op: OpCheck, _ a: ResizeAttrs) throws(CompileError) {
        let input = op.input(0), sizeTensor = op.input(1), output = op.output
        try op.requireRank(input, 4, "input")
        let size = try op.constantVector(sizeTensor, "size", count: 2)
        guard size.allSatisfy({ $0 >= 1 }) else {
            throw op.error(.malformed, "size \(size) must be positive", sizeTensor)
        }
        let expected = Shape([input.shape[0], Int(size[0]), Int(size[1]), input.shape[3]])
        guard output.shape == expected else {
            throw op.error(.malformed, "output has shape \(output.shape); resizing \(input.shape) to \(size) gives \(expected)",
                           output)
        }
        try requireCopiedQuant(op)
    }

    static func transpose(_ op: OpCheck) throws(CompileError) {
        let input = op.input(0), permTensor = op.input(1), output = op.output
        let rank = input.shape.rank
        guard rank >= 1, rank <= maxTransposeRank else {
            throw op.error(.unsupported, "TRANSPOSE supports inputs of rank 1 to \(maxTransposeRank), not \(rank)", input)
        }
        let perm = try op.constantVector(permTensor, "perm", count: rank)
        guard Set(perm) == Set((0..<rank).map { Int32($0) }) else {
            throw op.error(.malformed, "perm \(perm) is not a permutation of 0..<\(rank)", permTensor)
        }
        let expected = Shape(perm.map { input.shape[Int($0)] })
        guard output.shape == expected else {
            throw op.error(.malformed, "output has shape \(output.shape); transposing \(input.shape) by \(perm) gives \(expected)",
                           output)
        }
        try requireCopiedQuant(op)
    }

    static func stridedSlice(_ op: OpCheck, _ a: StridedSliceAttrs) throws(CompileError) {
        let input = op.input(0), output = op.output
        let rank = input.shape.rank
        guard rank >= 1, rank <= maxStridedSliceRank else {
            throw op.error(.unsupported, "STRIDED_SLICE supports inputs of rank 1 to \(maxStridedSliceRank), not \(rank)", input)
        }
        try requireTFLMSliceOptions(op, a)
        guard input.shape.elementCount > 0 else {
            throw op.error(.unsupported, "STRIDED_SLICE of an empty tensor", input)
        }
        let begin = try op.constantVector(op.input(1), "begin", count: rank)
        let end = try op.constantVector(op.input(2), "end", count: rank)
        let strides = try op.constantVector(op.input(3), "strides", count: rank)
        guard !strides.contains(0) else {
            throw op.error(.malformed, "strides \(strides) contain 0", op.input(3))
        }
        let plan = StridedSlicePlan(inputDims: input.shape.dims, begin: begin, end: end, strides: strides,
                                    beginMask: a.beginMask, endMask: a.endMask, shrinkAxisMask: a.shrinkAxisMask)
        try requireWellDefined(op, plan)
        guard output.shape == Shape(plan.outputDims) else {
            throw op.error(.malformed, "output has shape \(output.shape); the slice of \(input.shape) has shape "
                           + "\(Shape(plan.outputDims))", output)
        }
        guard output.shape.elementCount > 0 else {
            throw op.error(.unsupported, "the slice is empty (TFLM rejects zero-sized outputs)", output)
        }
        try requireCopiedQuant(op)
    }

    /// TFLM's micro kernel silently drops `ellipsis_mask`, `new_axis_mask` and `offset`, so a
    /// model relying on them would not compute what it says: reject them.
    static func requireTFLMSliceOptions(_ op: OpCheck, _ a: StridedSliceAttrs) throws(CompileError) {
        if a.ellipsisMask != 0 {
            throw op.error(.unsupported, "ellipsis_mask \(a.ellipsisMask) is not supported (TFLM ignores it)")
        }
        if a.newAxisMask != 0 {
            throw op.error(.unsupported, "new_axis_mask \(a.newAxisMask) is not supported (TFLM ignores it)")
        }
        if a.offset {
            throw op.error(.unsupported, "offset = true is not supported (TFLM ignores it)")
        }
    }

    /// Slices on which TFLM's kernel leaves the output unwritten or overflows its indices.
    static func requireWellDefined(_ op: OpCheck, _ plan: StridedSlicePlan) throws(CompileError) {
        if let axis = plan.firstUnwrittenShrinkAxis {
            let a = plan.axes[axis]
            let why = a.stride < 0 ? "its stride is negative" : "begin is past the end of the axis"
            throw op.error(.unsupported, "shrink_axis_mask on axis \(axis) where \(why): TFLM writes no data for it")
        }
        if let axis = plan.firstOverflowingAxis {
            throw op.error(.unsupported, "stride \(plan.axes[axis].stride) on axis \(axis) overflows TFLM's int32 index arithmetic",
                           op.input(3))
        }
    }

    /// Copying ops keep values as they are, so the output must be on the input's grid (TFLM
    /// copies without checking).
    static func requireCopiedQuant(_ op: OpCheck) throws(CompileError) {
        try op.requireSameQuant(op.output, as: op.input(0),
                                "output quantization differs from the input's; \(op.node.op.name) copies int8 "
                                + "values without requantizing")
    }
}
