import IR

/// The words of the DSP kernels' fused requantization (`mcuc_dsp_requant2` in
/// `Templates/kernels/common/mcuc_dsp.h`): multiplier, `round = 2^(e-1) + (zp << e)` and `e`,
/// which equal TFLM's double rounding only under conditions proved here from the constants.
public enum DSPEpilogue {
    /// The epilogue cannot be proved exact: the call keeps its portable kernel.
    public struct NotExact: Error {}

    /// (multiplier, round, e) of one channel whose accumulator is `bias` plus products of weights
    /// whose magnitudes sum to `weightMagnitude` with inputs of magnitude at most `inputMagnitude`
    /// (128 when the input zero point is folded, 255 otherwise), or `NotExact`.
    public static func words(_ m: FixedPointMultiplier, zeroPoint: Int32, bias: Int32, weightMagnitude: UInt64,
                             inputMagnitude: UInt64) throws(NotExact) -> [Int32] {
        let zp = Int64(zeroPoint)
        if m.multiplier == 0 { return constant(Int64(zeroPoint)) }
        if weightMagnitude == 0 {
            // A dead channel: acc == bias, whatever the input (biases near 2^30 are common there).
            return constant(Int64(max(-128, min(127, multiplyByQuantizedMultiplier(bias, m) &+ zeroPoint))))
        }
        let bound = Int64(bias).magnitude + inputMagnitude * weightMagnitude
        guard m.multiplier > 0, m.shift < 0 else { throw NotExact() }
        let e = Int64(-m.shift)
        // |SRDHM(acc, m)| <= |acc| + 1; below 2^(e-1) the rounding shift gives 0.
        if e <= 62, bound + 1 < UInt64(1) << UInt64(e - 1) { return constant(zp) }
        guard e <= 31, 2 * bound < UInt64(1) << 31 else { throw NotExact() }
        let round = (Int64(1) << (e - 1)) + zp * (Int64(1) << e)
        guard round.magnitude + bound + 2 < UInt64(1) << 31 else { throw NotExact() }
        return [m.multiplier, Int32(round), Int32(e)]
    }

    /// A channel whose output is `v` (in [-128, 127]) whatever the accumulator: m = 0, e = 1.
    static func constant(_ v: Int64) -> [Int32] { [0, Int32(1 + 2 * v), 1] }

    /// TFLM's MultiplyByQuantizedMultiplier (INT8_SEMANTICS.md), for the constant channels.
    static func multiplyByQuantizedMultiplier(_ x: Int32, _ m: FixedPointMultiplier) -> Int32 {
        let shifted = Int32(truncatingIfNeeded: Int64(x) << Int64(max(m.shift, 0)))
        let ab = Int64(shifted) * Int64(m.multiplier)
        let high = shifted == Int32.min && m.multiplier == Int32.min
            ? Int32.max : Int32(truncatingIfNeeded: (ab + (ab >= 0 ? 1 << 30 : 1 - (1 << 30))) / (1 << 31))
        let exponent = max(-m.shift, 0), mask = Int32(truncatingIfNeeded: (Int64(1) << Int64(exponent)) - 1)
        let threshold = (mask >> 1) + (high < 0 ? 1 : 0)
        return (high >> exponent) + ((high & mask) > threshold ? 1 : 0)
    }
}
