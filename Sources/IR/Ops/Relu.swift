/// RELU, int8, as TFLM runs it (`activations_common.cc`, `ReluQuantized`): it requantizes,
/// `out_zp + MBQM(x - in_zp, M(in / out), s)` clamped to `[max(-128, out_zp), 127]`.
public struct Relu: OperatorDefinition {
    public init() {}

    public static let name = "RELU"
    public static let support = OperatorSupport(types: "int8", options: "requantized")
    public static let inputCounts = 1...1

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameShape()
        try op.requireInt8Rescale(RescaleRecipe.ratio(input: op.scale(op.input(0)), output: op.scale(op.output)),
                                  "the input/output scale ratio", op.output)
    }

    public func prepare(_ op: OpOperands) -> ReluParams {
        let inQ = op.quant(op.input(0)), outQ = op.quant(op.output)
        let m = FixedPointMultiplier(real: RescaleRecipe.ratio(input: inQ.scale[0], output: outQ.scale[0]))
        return ReluParams(inputZeroPoint: inQ.zeroPoint[0], outputZeroPoint: outQ.zeroPoint[0], multiplier: m,
                          range: max(-128, outQ.zeroPoint[0])...127)
    }
}

/// The constants of one RELU.
public struct ReluParams: Sendable, Hashable {
    public var inputZeroPoint: Int32
    public var outputZeroPoint: Int32
    /// `in / out`.
    public var multiplier: FixedPointMultiplier
    /// `[max(-128, out_zp), 127]`.
    public var range: ClosedRange<Int32>
}
