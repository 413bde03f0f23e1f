/// TFLM's `GetInvSqrtQuantizedMultiplierExp(x, reverse_shift = -1)` (`kernels/internal/common.h`),
/// bit for bit: `1 / sqrt(x)` of a non-negative int32 as a multiplier and a shift, used by
/// L2_NORMALIZATION (x = a row's sum of squares) and RSQRT (x = an input minus its zero point).
///
/// `x <= 1` gives `(Int32.max, 0)`. Otherwise `x` is normalised into `[2^27, 2^29)` by pairs of
/// bits (the shift counts them, starting at 11), and five Newton steps `y = 1.5 y - (x/2) y^3`
/// run in gemmlowp Q3.28 from `y = 1` (products are `SaturatingRoundingDoublingHighMul`, the
/// rescales saturating shifts, the difference wraps); the result is multiplied by `sqrt(2)/2`
/// (Q0.31 1518500250), and a negative shift is folded into the multiplier. The shift returned is
/// the left shift `MultiplyByQuantizedMultiplier` takes (0 or negative).
public enum InverseSqrt {
    /// The multiplier and shift of `1 / sqrt(x)` for `x >= 0`.
    public static func multiplier(_ x: Int32) -> FixedPointMultiplier {
        precondition(x >= 0, "GetInvSqrtQuantizedMultiplierExp of a negative value")
        if x <= 1 { return FixedPointMultiplier(multiplier: Int32.max, shift: 0) }
        var input = x
        var shift: Int32 = 11
        while input >= 1 << 29 {
            input /= 4
            shift += 1
        }
        let pairs = Int32((UInt32(input).leadingZeroBitCount - 1) / 2 - 1)
        shift -= pairs
        input <<= 2 * pairs
        let srdhm = QuantizedMath.saturatingRoundingDoublingHighMul
        let pot = QuantizedMath.saturatingRoundingMultiplyByPOT
        let halfInput = pot(input >> 1, -1)                 // Q3.28
        let threeHalves: Int32 = (1 << 28) + (1 << 27)      // 1.5 in Q3.28
        var y: Int32 = 1 << 28                              // 1.0 in Q3.28
        for _ in 0..<5 {
            let y3 = pot(srdhm(srdhm(y, y), y), 9 - 3)      // Q9 -> Q3
            y = pot(srdhm(threeHalves, y) &- srdhm(halfInput, y3), 6 - 3)  // Q6 -> Q3
        }
        var m = srdhm(y, 1518500250)                        // times sqrt(2)/2 (Q0.31)
        if shift < 0 {
            m = Int32(bitPattern: UInt32(bitPattern: m) << UInt32(-shift))
            shift = 0
        }
        return FixedPointMultiplier(multiplier: m, shift: -shift)
    }
}
