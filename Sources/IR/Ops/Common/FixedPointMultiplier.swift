/// A real multiplier as a Q31 fixed-point value and a power-of-two shift:
/// `real ≈ multiplier / 2^31 * 2^shift`.
///
/// This is the one place mcuc turns a real-valued rescale into integers. It follows TensorFlow Lite
/// Micro's `QuantizeMultiplier` exactly (frexp, round half away from zero, the 2^31 fix-up, flush
/// of shifts below -31), so the reference interpreter and the emitted C share the same constants.
public struct FixedPointMultiplier: Hashable, Sendable, CustomStringConvertible {
    /// Q31 mantissa in [2^30, 2^31) for non-zero multipliers, 0 for zero.
    public let multiplier: Int32
    /// Power-of-two exponent: positive shifts left, negative shifts right.
    public let shift: Int32

    /// Quantizes `real` (finite, >= 0 for every use in mcuc) with TFLM's QuantizeMultiplier.
    public init(real: Double) {
        precondition(real.isFinite, "multiplier must be finite")
        if real == 0 {
            self.init(multiplier: 0, shift: 0)
            return
        }
        // frexp: real = fraction * 2^exponent with fraction in [0.5, 1).
        let fraction = real.significand / 2
        var shift = Int32(real.exponent + 1)
        var q = (fraction * 2147483648.0).rounded(.toNearestOrAwayFromZero)
        if q == 2147483648.0 {
            q /= 2
            shift += 1
        }
        if shift < -31 {
            self.init(multiplier: 0, shift: 0)
            return
        }
        self.init(multiplier: Int32(q), shift: shift)
    }

    /// Wraps precomputed values.
    public init(multiplier: Int32, shift: Int32) {
        self.multiplier = multiplier
        self.shift = shift
    }

    /// `M=1518500250 s=-7`.
    public var description: String { "M=\(multiplier) s=\(shift)" }
}
