/// SUB, int8 or int16 (TFLM `reference_ops::Sub` and its broadcasting variant; int16 with left shift 15), NumPy broadcasting: ADD's
/// arithmetic (`AddSubParams`, the same multipliers) with the scaled inputs subtracted,
/// `r = MBQM(MBQM(a, M1, s1) - MBQM(b, M2, s2), Mo, so) + out_zp`. It does not negate the second
/// input's multiplier: with double rounding `MBQM(-b)` and `-MBQM(b)` can differ.
public struct Sub: OperatorDefinition {
    public var activation: FusedActivation
    public init(activation: FusedActivation) { self.activation = activation }

    public static let name = "SUB"
    public static let support = OperatorSupport(types: "int8 or int16", options: "same shapes at any rank, broadcasting up to rank 6; fused clamps")
    public static let inputCounts = 2...2
    public var fusedActivation: FusedActivation? { activation }
    public var attributeSummary: [(key: String, value: String)] { [("act", "\(activation)")] }
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { [.int8, .int16] }

    public func check(_ op: OpOperands) throws(CompileError) { try AddSubParams.check(op) }
    public func prepare(_ op: OpOperands) -> AddSubParams { AddSubParams(op, activation: activation) }
}
