/// The fixed-point input parameters of TFLM's int8 LOGISTIC (`logistic_common.cc`) and TANH
/// (`tanh.cc`): both rescale `x - zp` into Q4.27 with a multiplier taken straight from `frexp`
/// (no `QuantizeMultiplier` fix-up or flush), and saturate inputs beyond a radius.
public struct SigmoidParams: Sendable, Hashable {
    /// Integer bits of the rescaled input (Q4.27).
    public static let inputIntegerBits: Int32 = 4

    /// `round(frexp(scale * 2^27).fraction * 2^31)`, wrapped to int32 as TFLM's cast does.
    public let inputMultiplier: Int32
    /// The `frexp` exponent of `scale * 2^27` (a left shift for `MultiplyByQuantizedMultiplier`).
    public let inputLeftShift: Int32
    /// `|x - zp| >= radius` saturates (`CalculateInputRadius(4, shift, 31)`); 0 saturates every input.
    public let inputRadius: Int32

    /// The parameters, or nil when TFLM's arithmetic is undefined for `inputScale`: its
    /// `CalculateInputRadius` shifts by the exponent, which must be in `0...62`
    /// (input scales from 2^-28 up to 2^35).
    public init?(inputScale: Float) {
        guard inputScale.isFinite, inputScale > 0 else { return nil }
        let real = Double(inputScale) * Double(1 << (31 - Int(Self.inputIntegerBits)))
        let shift = Int32(real.exponent + 1)
        guard shift >= 0, shift <= 62 else { return nil }
        let fraction = real.significand / 2
        let q = Int64((fraction * 2147483648.0).rounded(.toNearestOrAwayFromZero))
        inputMultiplier = Int32(truncatingIfNeeded: q)
        inputLeftShift = shift
        inputRadius = InputRadius.calculate(integerBits: Self.inputIntegerBits, leftShift: shift)
    }
}
