/// MUL, int8 or int16 (TFLM `reference_integer_ops::Mul` / `BroadcastMul6DSlow`), NumPy
/// broadcasting: `out_zp + MBQM((x1 - zp1) * (x2 - zp2), M, s)` with `M, s` from `s1 * s2 / s_out`
/// (double), clamped to the fused activation's range. int16 needs zero point 0 on every
/// operand (TFLM's `mul_common.cc` checks it).
public struct Mul: OperatorDefinition {
    public var activation: FusedActivation
    public init(activation: FusedActivation) { self.activation = activation }

    public static let name = "MUL"
    public static let support = OperatorSupport(types: "int8 or int16", options: "same shapes at any rank, broadcasting up to rank 6; fused clamps; int16 with zero points 0 (as TFLM)")
    public static let inputCounts = 2...2
    public var fusedActivation: FusedActivation? { activation }
    public var attributeSummary: [(key: String, value: String)] { [("act", "\(activation)")] }
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { [.int8, .int16] }

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameType([op.input(0), op.input(1), op.output])
        try op.requireInt16ZeroPointZero(op.input(0), "input 0")
        try op.requireInt16ZeroPointZero(op.input(1), "input 1")
        try op.requireInt16ZeroPointZero(op.output, "output")
        try op.requireBroadcastOperands()
        let s1 = op.input(0).quant?.scale[0] ?? 0, s2 = op.input(1).quant?.scale[0] ?? 0
        try op.requireRescale(RescaleRecipe.mul(input1: s1, input2: s2, output: op.output.quant?.scale[0] ?? 0),
                              "output", op.output)
    }

    public func prepare(_ op: OpOperands) -> MulParams {
        let q1 = op.quant(op.input(0)), q2 = op.quant(op.input(1)), out = op.quant(op.output)
        let m = FixedPointMultiplier(real: RescaleRecipe.mul(input1: q1.scale[0], input2: q2.scale[0], output: out.scale[0]))
        return MulParams(zeroPoint1: q1.zeroPoint[0], zeroPoint2: q2.zeroPoint[0], multiplier: m,
                         outputZeroPoint: out.zeroPoint[0], range: ActivationRange.fused(activation, output: op.output))
    }
}

/// The constants of one MUL.
public struct MulParams: Sendable, Hashable {
    public var zeroPoint1: Int32, zeroPoint2: Int32
    /// `s1 * s2 / s_out`.
    public var multiplier: FixedPointMultiplier
    public var outputZeroPoint: Int32
    public var range: ClosedRange<Int32>
}
