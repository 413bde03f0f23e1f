/// TANH, int8 (TFLM `reference_integer_ops::Tanh`): `d = x - zp`; `d <= -radius` gives -128 and
/// `d >= radius` gives 127; otherwise `d` is rescaled to Q4.27 with the frexp multiplier
/// (`SigmoidParams`, as LOGISTIC), passed through gemmlowp's fixed-point tanh and written as
/// `RDBPOT(q0, 24)`, clamped. The output is always on scale 1/128, zero point 0.
public struct Tanh: OperatorDefinition {
    public init() {}

    public static let name = "TANH"
    public static let support = OperatorSupport(types: "int8", options: "TFLM's int8 reference arithmetic")
    public static let inputCounts = 1...1

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameShape()
        try op.requireOutputGrid(scale: OutputGrid.tanhScale, zeroPoint: 0, scaleText: "1/128")
        try op.requireSigmoidInput()
    }

    public func prepare(_ op: OpOperands) -> SigmoidParams { SigmoidParams.prepare(op) }
}
