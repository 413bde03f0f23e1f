/// ABS, int8 (TFLM `elementwise.cc`, `AbsEvalQuantized`): `v = |x - in_zp|`, then `v + out_zp`
/// when the scales are equal, else `MBQM(v, M(in / out)) + out_zp` (the ratio in double),
/// clamped to int8. `M(1.0)` is `(2^30, 1)` and MBQM by it is the identity, so one formula covers
/// both cases.
public struct Abs: OperatorDefinition {
    public init() {}

    public static let name = "ABS"
    public static let support = OperatorSupport(types: "int8", options: "requantized to the output scale")
    public static let inputCounts = 1...1

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameShape()
        try op.requirePerTensor(op.input(0), "input")
        try op.requireInt8Rescale(RescaleRecipe.ratio(input: op.scale(op.input(0)), output: op.scale(op.output)),
                                  "the input/output scale ratio", op.output)
    }

    /// RELU's constants with the full int8 range.
    public func prepare(_ op: OpOperands) -> ReluParams {
        let inQ = op.quant(op.input(0)), outQ = op.quant(op.output)
        let m = FixedPointMultiplier(real: RescaleRecipe.ratio(input: inQ.scale[0], output: outQ.scale[0]))
        return ReluParams(inputZeroPoint: inQ.zeroPoint[0], outputZeroPoint: outQ.zeroPoint[0], multiplier: m,
                          range: -128...127)
    }
}
