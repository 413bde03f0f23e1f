/// PAD, int8 or int16 (TFLM `reference_ops::Pad`): operands (input, paddings `[rank, 2]` int32
/// constant). The input is copied into the output at offset `paddings[d][0]` along every
/// dimension `d`; everything else is the output zero point for int8, and 0 for int16 whatever the
/// zero point (TFLM's `pad.cc` pads int16 with a literal 0).
public struct Pad: OperatorDefinition {
    public init() {}

    public static let name = "PAD"
    public static let support = OperatorSupport(types: "int8 or int16; int32 paddings", options: "constant paddings, rank up to 5, pads with the zero point (int16: with 0, as TFLM)")
    public static let inputCounts = 2...2
    /// TFLM's `PadKernelMaxDimensionCount()`.
    static let maxRank = 5

    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32] : [.int8, .int16] }
    public func check(_ op: OpOperands) throws(CompileError) { try Self.checkPadding(op) }
    public func prepare(_ op: OpOperands) -> PadParams { PadParams(op, fill: Self.defaultFill(op)) }

    /// The fill without a constant value: the output zero point for int8, 0 for int16 (TFLM).
    static func defaultFill(_ op: OpOperands) -> Int32 {
        op.output.type == .int8 ? op.zeroPoint(op.output) : 0
    }

    /// The paddings operand of PAD and PADV2, and the output shape it gives.
    static func checkPadding(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), paddings = op.input(1), output = op.output
        try op.requireSameType([input, output])
        let rank = input.shape.rank
        guard rank <= maxRank else {
            throw op.error(.unsupported, "\(op.node.op.name) supports inputs up to rank \(maxRank), not \(rank)", input)
        }
        try op.requireConstant(paddings, "paddings")
        guard paddings.shape == Shape([rank, 2]) else {
            throw op.error(.malformed, "paddings have shape \(paddings.shape); expected [\(rank), 2]", paddings)
        }
        let values = op.int32Values(paddings)
        guard values.allSatisfy({ $0 >= 0 }) else {
            throw op.error(.malformed, "paddings must not be negative", paddings)
        }
        let expected = Shape((0..<rank).map { input.shape[$0] + Int(values[2 * $0]) + Int(values[2 * $0 + 1]) })
        guard output.shape == expected else {
            throw op.error(.malformed, "output has shape \(output.shape); padding \(input.shape) gives \(expected)", output)
        }
    }
}

/// The constants of one PAD or PADV2.
public struct PadParams: Sendable, Hashable {
    /// Elements added before and after each dimension, outermost first.
    public var before: [Int], after: [Int]
    /// The value of every padding element (in the output type's range).
    public var fill: Int32

    init(_ op: OpOperands, fill: Int32) {
        let paddings = op.int32Values(op.input(1)).map(Int.init)
        before = stride(from: 0, to: paddings.count, by: 2).map { paddings[$0] }
        after = stride(from: 1, to: paddings.count, by: 2).map { paddings[$0] }
        self.fill = fill
    }
}
