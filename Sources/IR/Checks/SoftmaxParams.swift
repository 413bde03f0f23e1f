/// The fixed-point parameters of TFLM's int8 SOFTMAX (`softmax_common.cc`,
/// `CalculateSoftmaxParams`), derived with exactly TFLM's float/double arithmetic.
///
/// The input difference `x - max` is scaled by `inputMultiplier * 2^inputLeftShift / 2^31` into
/// Q5.26 (`PreprocessSoftmaxScaling(beta, scale, 5)`); differences below `diffMin`
/// (`-CalculateInputRadius(5, inputLeftShift, 31)`) contribute nothing and give -128.
public struct SoftmaxParams: Sendable, Hashable {
    /// Integer bits of the scaled input difference (Q5.26).
    public static let scaledDiffIntegerBits: Int32 = 5
    /// Integer bits of the sum of exponentials (Q12.19).
    public static let accumulationIntegerBits: Int32 = 12

    /// Q31 mantissa of `beta * input_scale * 2^26` (capped at `2^31 - 1`).
    public let inputMultiplier: Int32
    /// Left shift paired with `inputMultiplier`, in `0...31`.
    public let inputLeftShift: Int32
    /// The most negative input difference that still contributes (<= 0).
    public let diffMin: Int32

    /// The real multiplier `min(beta * scale * 2^26, 2^31 - 1)` that `QuantizeMultiplierGreaterThanOne`
    /// receives; TFLM aborts unless it is greater than 1.
    public static func realMultiplier(beta: Float, inputScale: Float) -> Double {
        let real = Double(beta) * Double(inputScale) * Double(1 << (31 - Int(scaledDiffIntegerBits)))
        return min(real, Double((Int64(1) << 31) - 1))
    }

    /// The parameters, or nil where TFLM's Prepare aborts (`QuantizeMultiplierGreaterThanOne`
    /// requires `beta * input_scale * 2^26 > 1`; beta must be finite).
    public init?(beta: Float, inputScale: Float) {
        guard beta.isFinite, inputScale.isFinite else { return nil }
        let real = Self.realMultiplier(beta: beta, inputScale: inputScale)
        guard real > 1 else { return nil }
        let m = FixedPointMultiplier(real: real)
        guard m.shift >= 0, m.shift <= 31 else { return nil }
        inputMultiplier = m.multiplier
        inputLeftShift = m.shift
        diffMin = -InputRadius.calculate(integerBits: Self.scaledDiffIntegerBits, leftShift: m.shift)
    }
}

/// TFLM's `CalculateInputRadius(input_integer_bits, input_left_shift, 31)`: the largest input
/// magnitude that, scaled by a multiplier with `leftShift`, stays below the fixed-point range
/// `[-2^integerBits, 2^integerBits)`.
public enum InputRadius {
    /// `floor((2^integerBits - 1) * 2^(31 - integerBits) / 2^leftShift)` (computed in double, as
    /// TFLM does). Precondition: `0 <= leftShift <= 62`.
    public static func calculate(integerBits: Int32, leftShift: Int32) -> Int32 {
        precondition(leftShift >= 0 && leftShift <= 62, "left shift out of range")
        let numerator = Double((1 << Int(integerBits)) - 1) * Double(Int64(1) << Int64(31 - integerBits))
        let radius = (numerator / Double(Int64(1) << Int64(leftShift))).rounded(.down)
        return Int32(radius)
    }
}
