extension QuantizedMath {
    /// TFLM's `MultiplyByQuantizedMultiplier(int64_t x, ...)`, used wherever the accumulator is
    /// int64 (the 16x8 kernels): a single rounding with the multiplier reduced to 16 bits,
    /// `m16 = M < 0x7FFF0000 ? (M + 2^15) >> 16 : 0x7FFF`, `t = 15 - shift`,
    /// `(x * m16 + 2^(t-1)) >> t` (arithmetic), truncated to int32. Precondition: `shift < 8`
    /// (TFLM asserts it; the ops check it); `x` within ±2^47 as TFLM assumes, or the product wraps.
    @inlinable
    public static func multiplyByQuantizedMultiplier64(_ x: Int64, _ m: FixedPointMultiplier) -> Int32 {
        precondition(m.shift < 8, "MBQM64 needs shift < 8")
        let reduced: Int64 = m.multiplier < 0x7FFF_0000 ? (Int64(m.multiplier) + (1 << 15)) >> 16 : 0x7FFF
        let totalShift = Int64(15 - m.shift)
        let result = (x &* reduced &+ (Int64(1) << (totalShift - 1))) >> totalShift
        return Int32(truncatingIfNeeded: result)
    }
}
