/// PADV2, int8: PAD with an optional constant fill value (operand 2, one int8 element sharing the
/// output's quantization); without it the fill is the output zero point.
public struct PadV2: OperatorDefinition {
    public init() {}

    public static let name = "PADV2"
    public static let support = OperatorSupport(types: "int8; int32 paddings", options: "constant paddings and pad value")
    public static let inputCounts = 2...3

    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32] : [.int8] }

    public func check(_ op: OpOperands) throws(CompileError) {
        try Pad.checkPadding(op)
        if let constant = op.optionalInput(2) {
            try op.requireConstant(constant, "constant value")
            guard constant.shape.elementCount == 1 else {
                throw op.error(.malformed, "constant value has \(constant.shape.elementCount) elements; PADV2 needs 1",
                               constant)
            }
            try op.requireSameQuant(constant, as: op.output, "constant value must share the output's quantization")
        }
    }

    public func prepare(_ op: OpOperands) -> PadParams {
        let fill = op.optionalInput(2).flatMap { op.int8Values($0).first } ?? Int8(truncatingIfNeeded: op.zeroPoint(op.output))
        return PadParams(op, fill: fill)
    }
}
