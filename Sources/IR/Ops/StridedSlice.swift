/// STRIDED_SLICE, int8 (TFLM `reference_ops::StridedSlice`): operands (input, begin, end,
/// strides; int32 constants). `StridedSlicePlan` applies TFLM's clamping and mask rules; elements
/// are copied unchanged, in row-major order of the visited indices.
public struct StridedSlice: OperatorDefinition {
    public var beginMask: Int32, endMask: Int32
    public var ellipsisMask: Int32, newAxisMask: Int32, shrinkAxisMask: Int32
    /// `offset`: end values are relative to begin.
    public var offset: Bool

    public init(beginMask: Int32, endMask: Int32, ellipsisMask: Int32, newAxisMask: Int32,
                shrinkAxisMask: Int32, offset: Bool) {
        self.beginMask = beginMask
        self.endMask = endMask
        self.ellipsisMask = ellipsisMask
        self.newAxisMask = newAxisMask
        self.shrinkAxisMask = shrinkAxisMask
        self.offset = offset
    }

    public static let name = "STRIDED_SLICE"
    public static let support = OperatorSupport(types: "int8; int32 begin/end/strides", options: "rank 1 to 4, constant begin/end/strides, begin/end/shrink_axis masks (TFLM ignores ellipsis and new-axis masks: refused)")
    public static let inputCounts = 4...4
    /// TFLM's micro STRIDED_SLICE handles ranks 1 to 4 (`kMaxDim`).
    static let maxRank = 4

    public func allowedTypes(_ role: OperandRole) -> Set<DataType> {
        switch role {
        case .input(1), .input(2), .input(3): [.int32]
        default: [.int8]
        }
    }
    public var attributeSummary: [(key: String, value: String)] {
        [("begin_mask", "\(beginMask)"), ("end_mask", "\(endMask)"), ("ellipsis_mask", "\(ellipsisMask)"),
         ("new_axis_mask", "\(newAxisMask)"), ("shrink_axis_mask", "\(shrinkAxisMask)"), ("offset", "\(offset)")]
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), output = op.output
        let rank = input.shape.rank
        guard rank >= 1, rank <= Self.maxRank else {
            throw op.error(.unsupported, "STRIDED_SLICE supports inputs of rank 1 to \(Self.maxRank), not \(rank)", input)
        }
        try requireTFLMOptions(op)
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
                                    beginMask: beginMask, endMask: endMask, shrinkAxisMask: shrinkAxisMask)
        try requireWellDefined(op, plan)
        guard output.shape == Shape(plan.outputDims) else {
            throw op.error(.malformed, "output has shape \(output.shape); the slice of \(input.shape) has shape "
                           + "\(Shape(plan.outputDims))", output)
        }
        guard output.shape.elementCount > 0 else {
            throw op.error(.unsupported, "the slice is empty (TFLM rejects zero-sized outputs)", output)
        }
        try op.requireCopiedQuant()
    }

    public func prepare(_ op: OpOperands) -> StridedSlicePlan {
        StridedSlicePlan(inputDims: op.input(0).shape.dims, begin: op.int32Values(op.input(1)),
                         end: op.int32Values(op.input(2)), strides: op.int32Values(op.input(3)),
                         beginMask: beginMask, endMask: endMask, shrinkAxisMask: shrinkAxisMask)
    }

    /// TFLM's micro kernel silently drops `ellipsis_mask`, `new_axis_mask` and `offset`, so a
    /// model relying on them would not compute what it says: reject them.
    func requireTFLMOptions(_ op: OpOperands) throws(CompileError) {
        if ellipsisMask != 0 {
            throw op.error(.unsupported, "ellipsis_mask \(ellipsisMask) is not supported (TFLM ignores it)")
        }
        if newAxisMask != 0 {
            throw op.error(.unsupported, "new_axis_mask \(newAxisMask) is not supported (TFLM ignores it)")
        }
        if offset {
            throw op.error(.unsupported, "offset = true is not supported (TFLM ignores it)")
        }
    }

    /// Slices on which TFLM's kernel leaves the output unwritten or overflows its indices.
    func requireWellDefined(_ op: OpOperands, _ plan: StridedSlicePlan) throws(CompileError) {
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
}
