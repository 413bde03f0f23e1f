/// The integer primitives of TFLite Micro's reference kernels, bit for bit
/// (INT8_SEMANTICS.md, "Multipliers").
public enum QuantizedMath {
    /// gemmlowp SaturatingRoundingDoublingHighMul: `round(a * b / 2^31)` with TFLM's nudge and
    /// the single overflow case saturated.
    @inlinable
    public static func saturatingRoundingDoublingHighMul(_ a: Int32, _ b: Int32) -> Int32 {
        if a == Int32.min && b == Int32.min { return Int32.max }
        let ab = Int64(a) * Int64(b)
        let nudge: Int64 = ab >= 0 ? (1 << 30) : (1 - (1 << 30))
        return Int32(truncatingIfNeeded: (ab + nudge) / (1 << 31))
    }

    /// gemmlowp RoundingDivideByPOT: `x / 2^exponent` rounded half away from zero (0 <= exponent <= 31).
    @inlinable
    public static func roundingDivideByPOT(_ x: Int32, _ exponent: Int32) -> Int32 {
        precondition(exponent >= 0 && exponent <= 31, "exponent out of range")
        let mask = Int32(truncatingIfNeeded: (Int64(1) << Int64(exponent)) - 1)
        let remainder = x & mask
        let threshold = (mask >> 1) + (x < 0 ? 1 : 0)
        return (x >> exponent) + (remainder > threshold ? 1 : 0)
    }

    /// gemmlowp `SaturatingRoundingMultiplyByPOT`: a saturating left shift for a positive
    /// exponent, a rounding right shift (`roundingDivideByPOT`) for a negative one.
    @inlinable
    public static func saturatingRoundingMultiplyByPOT(_ x: Int32, _ exponent: Int32) -> Int32 {
        if exponent == 0 { return x }
        if exponent < 0 { return roundingDivideByPOT(x, -exponent) }
        let threshold = Int32((Int64(1) << Int64(31 - exponent)) - 1)
        if x > threshold { return Int32.max }
        if x < -threshold { return Int32.min }
        return x << exponent
    }

    /// TFLM MultiplyByQuantizedMultiplier (double rounding): scales `x` by `m`.
    @inlinable
    public static func multiplyByQuantizedMultiplier(_ x: Int32, _ m: FixedPointMultiplier) -> Int32 {
        let leftShift = max(m.shift, 0)
        let rightShift = max(-m.shift, 0)
        let shifted = Int32(truncatingIfNeeded: Int64(x) << Int64(leftShift))
        return roundingDivideByPOT(saturatingRoundingDoublingHighMul(shifted, m.multiplier), rightShift)
    }

    /// Clamps to `range` and narrows to int8.
    @inlinable
    public static func clampToInt8(_ x: Int32, _ range: ClosedRange<Int32>) -> Int8 {
        Int8(truncatingIfNeeded: min(max(x, range.lowerBound), range.upperBound))
    }
}
