/// PADV2, int8 or int16: PAD with an optional constant fill value (operand 2, one element of the
/// input's type; int8: sharing the output's quantization, as TFLM checks; int16: copied raw, as
/// TFLM does without a check); without it the fill is PAD's (int8: the zero point, int16: 0).
public struct PadV2: OperatorDefinition {
    public init() {}

    public static let name = "PADV2"
    public static let support = OperatorSupport(types: "int8 or int16; int32 paddings", options: "constant paddings and pad value")
    public static let inputCounts = 2...3

    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32] : [.int8, .int16] }

    public func check(_ op: OpOperands) throws(CompileError) {
        try Pad.checkPadding(op)
        if let constant = op.optionalInput(2) {
            try op.requireConstant(constant, "constant value")
            guard constant.shape.elementCount == 1 else {
                throw op.error(.malformed, "constant value has \(constant.shape.elementCount) elements; PADV2 needs 1",
                               constant)
            }
            try op.requireSameType([op.input(0), constant])
            if constant.type == .int8 {
                try op.requireSameQuant(constant, as: op.output, "constant value must share the output's quantization")
            }
        }
    }

    public func prepare(_ op: OpOperands) -> PadParams {
        let fill = op.optionalInput(2).flatMap { TensorValue(constant: $0)?.integerValues.first } ?? Pad.defaultFill(op)
        return PadParams(op, fill: fill)
    }
}
