/// SQUARED_DIFFERENCE, int8 (TFLM `squared_difference.cc`), NumPy broadcasting (TFLM broadcasts
/// in 4-d: higher ranks only when both inputs have the output's shape). With
/// `twice = 2 max(s1, s2)`, `M1 = s1 / twice`, `M2 = s2 / twice`, `Mo = twice^2 / (2^14 s_out)`
/// (double): `a = MBQM((x1 - zp1) << 7, M1)`, `b = MBQM((x2 - zp2) << 7, M2)`, `d = a - b`,
/// `out = MBQM(d * d, Mo) + out_zp`, clamped to int8 (`|d| <= 2^15`, so `d * d` fits).
public struct SquaredDifference: OperatorDefinition {
    public init() {}

    public static let name = "SQUARED_DIFFERENCE"
    public static let support = OperatorSupport(types: "int8", options: "broadcasting up to rank 4")
    public static let inputCounts = 2...2
    /// TFLM's broadcasting walk (`BroadcastBinaryFunction4DSlow`) has 4 dimensions.
    static let maxBroadcastRank = 4

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireBroadcastOperands()
        let out = op.output.shape
        if out.rank > Self.maxBroadcastRank, op.input(0).shape != out || op.input(1).shape != out {
            throw op.error(.unsupported, "SQUARED_DIFFERENCE broadcasts up to rank \(Self.maxBroadcastRank) (TFLM's "
                           + "4-d walk), not \(out.rank)", op.output)
        }
        let (_, _, output) = Self.reals(op)
        try op.requireRescale(output, "the output", op.output)
    }

    /// `(M1, M2, Mo)` as reals, in double.
    static func reals(_ op: OpOperands) -> (Double, Double, Double) {
        let s1 = Double(op.input(0).quant?.scale[0] ?? 0), s2 = Double(op.input(1).quant?.scale[0] ?? 0)
        let so = Double(op.output.quant?.scale[0] ?? 0), twice = 2 * max(s1, s2)
        return (s1 / twice, s2 / twice, twice * twice / (Double(1 << 14) * so))
    }

    public func prepare(_ op: OpOperands) -> SquaredDifferenceParams {
        let (m1, m2, mo) = Self.reals(op)
        return SquaredDifferenceParams(zeroPoint1: op.zeroPoint(op.input(0)), zeroPoint2: op.zeroPoint(op.input(1)),
                                       multiplier1: FixedPointMultiplier(real: m1),
                                       multiplier2: FixedPointMultiplier(real: m2),
                                       outputMultiplier: FixedPointMultiplier(real: mo),
                                       outputZeroPoint: op.zeroPoint(op.output))
    }
}

/// The constants of one SQUARED_DIFFERENCE.
public struct SquaredDifferenceParams: Sendable, Hashable {
    public var zeroPoint1: Int32, zeroPoint2: Int32
    /// Left shift of `x - zp` before the input multipliers (7).
    public var leftShift: Int32 { 7 }
    public var multiplier1: FixedPointMultiplier, multiplier2: FixedPointMultiplier
    public var outputMultiplier: FixedPointMultiplier
    public var outputZeroPoint: Int32
}
