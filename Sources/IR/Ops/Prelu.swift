/// PRELU, int8 (TFLM `prelu.cc`, `BroadcastPrelu4DSlow`): operands (input, alpha), alpha
/// broadcast NumPy-style (rank <= 4; one scale: per-channel alpha is rejected). With `v = x - zp`:
/// `v >= 0 ? MBQM(v, M1) : MBQM(v * (a - zp_a), M2)`, `+ out_zp`, clamped to int8, where
/// `M1 = s_in / s_out` and `M2 = s_in * s_alpha / s_out` (double).
public struct Prelu: OperatorDefinition {
    public init() {}

    public static let name = "PRELU"
    public static let support = OperatorSupport(types: "int8", options: "alpha broadcast into the input, rank up to 4")
    public static let inputCounts = 2...2
    /// TFLM's walk has 4 dimensions.
    static let maxRank = 4

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireBroadcastOperands()
        guard op.output.shape.rank <= Self.maxRank else {
            throw op.error(.unsupported, "PRELU supports rank up to \(Self.maxRank) (TFLM's 4-d walk), not "
                           + "\(op.output.shape.rank)", op.output)
        }
        guard op.output.shape == op.input(0).shape else {
            throw op.error(.malformed, "output has shape \(op.output.shape) but the input has \(op.input(0).shape); "
                           + "alpha broadcasts into the input", op.output)
        }
        let (positive, negative) = Self.reals(op)
        try op.requireInt8Rescale(positive, "the input/output scale ratio", op.output)
        guard FixedPointMultiplier(real: negative).shift <= Self.maxProductShift else {
            throw op.error(.unsupported, "the alpha rescale \(negative) is too large: scaling (x - zp) * (alpha - zp) "
                           + "by it overflows TFLM's 32-bit fixed-point requantization", op.output)
        }
    }

    /// `|v * (a - zp_a)| <= 255 * 255 < 2^16`: a left shift up to 15 keeps it inside int32.
    static let maxProductShift: Int32 = 15

    /// `(M1, M2)` as reals, in double.
    static func reals(_ op: OpOperands) -> (Double, Double) {
        let si = Double(op.input(0).quant?.scale[0] ?? 0), sa = Double(op.input(1).quant?.scale[0] ?? 0)
        let so = Double(op.output.quant?.scale[0] ?? 0)
        return (si / so, si * sa / so)
    }

    public func prepare(_ op: OpOperands) -> PreluParams {
        let (positive, negative) = Self.reals(op)
        return PreluParams(inputZeroPoint: op.zeroPoint(op.input(0)), alphaZeroPoint: op.zeroPoint(op.input(1)),
                           positive: FixedPointMultiplier(real: positive), negative: FixedPointMultiplier(real: negative),
                           outputZeroPoint: op.zeroPoint(op.output))
    }
}

/// The constants of one PRELU.
public struct PreluParams: Sendable, Hashable {
    public var inputZeroPoint: Int32, alphaZeroPoint: Int32
    /// Rescales `x - zp` where it is not negative.
    public var positive: FixedPointMultiplier
    /// Rescales `(x - zp) * (alpha - zp_alpha)` where `x - zp` is negative.
    public var negative: FixedPointMultiplier
    public var outputZeroPoint: Int32
}
