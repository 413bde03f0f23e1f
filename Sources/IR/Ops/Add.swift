/// ADD, int8 or int16 (TFLM `reference_integer_ops::Add`, its broadcasting variant, and for
/// int16 `reference_ops::Add` with `pot_scale = false`: TFLM's general path, not the
/// power-of-two one), NumPy broadcasting. Per element: `a = (x1 - zp1) << L`, `b = (x2 - zp2) << L`
/// (`L` = 20 for int8, 15 for int16); `r = MBQM(MBQM(a, M1, s1) + MBQM(b, M2, s2), Mo, so) + out_zp`,
/// clamped. TFLM's int16 ADD takes any zero points.
public struct Add: OperatorDefinition {
    public var activation: FusedActivation
    public init(activation: FusedActivation) { self.activation = activation }

    public static let name = "ADD"
    public static let support = OperatorSupport(types: "int8 or int16", options: "same shapes at any rank, broadcasting up to rank 6; fused clamps")
    public static let inputCounts = 2...2
    public var fusedActivation: FusedActivation? { activation }
    public var attributeSummary: [(key: String, value: String)] { [("act", "\(activation)")] }
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { [.int8, .int16] }

    public func check(_ op: OpOperands) throws(CompileError) { try AddSubParams.check(op) }
    public func prepare(_ op: OpOperands) -> AddSubParams { AddSubParams(op, activation: activation) }
}

/// The constants of one ADD or SUB (`add_common.cc`, `sub_common.cc`; `RescaleRecipe.addSub`).
public struct AddSubParams: Sendable, Hashable {
    public var zeroPoint1: Int32, zeroPoint2: Int32
    /// Left shift of `x - zp` before scaling (20 for int8, 15 for int16).
    public var leftShift: Int32
    /// The input multipliers (after the left shift) and the output multiplier.
    public var multiplier1: FixedPointMultiplier, multiplier2: FixedPointMultiplier
    public var outputMultiplier: FixedPointMultiplier
    public var outputZeroPoint: Int32
    public var range: ClosedRange<Int32>

    init(_ op: OpOperands, activation: FusedActivation) {
        let q1 = op.quant(op.input(0)), q2 = op.quant(op.input(1)), out = op.quant(op.output)
        let recipe = RescaleRecipe.addSub(input1: q1.scale[0], input2: q2.scale[0], output: out.scale[0],
                                          type: op.output.type)
        zeroPoint1 = q1.zeroPoint[0]
        zeroPoint2 = q2.zeroPoint[0]
        leftShift = recipe.leftShift
        multiplier1 = FixedPointMultiplier(real: recipe.input1)
        multiplier2 = FixedPointMultiplier(real: recipe.input2)
        outputMultiplier = FixedPointMultiplier(real: recipe.output)
        outputZeroPoint = out.zeroPoint[0]
        range = ActivationRange.fused(activation, output: op.output)
    }

    /// ADD and SUB: one element type (int8 or int16), broadcasting operands, and TFLM's
    /// `QuantizeMultiplierSmallerThanOneExp` aborts unless every factor is in (0, 1) with a
    /// non-positive shift (the output factor is `2 * max(s1, s2) / (2^L * s_out)`).
    static func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameType([op.input(0), op.input(1), op.output])
        try op.requireBroadcastOperands()
        let s1 = op.input(0).quant?.scale[0] ?? 0, s2 = op.input(1).quant?.scale[0] ?? 0
        let r = RescaleRecipe.addSub(input1: s1, input2: s2, output: op.output.quant?.scale[0] ?? 0,
                                     type: op.output.type)
        for (real, what) in [(r.input1, "input 0"), (r.input2, "input 1"), (r.output, "output")] {
            let m = FixedPointMultiplier(real: real.isFinite ? real : 0)
            guard real.isFinite, real > 0, real < 1, m.shift <= 0 else {
                throw op.error(.unsupported, "\(what) rescale \(real) of \(op.node.op.name) is outside (0, 1): "
                               + "the output scale is too small (or too large) for the input scales", op.output)
            }
        }
    }
}
