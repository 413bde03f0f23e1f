import IR

/// HARD_SWISH (`HardSwish`): `x * relu6(x + 3) / 6` in TFLM's 16-bit fixed point, every
/// intermediate an int16 with C's truncating conversions.
enum ReferenceHardSwish {
    static func run(_ c: OpContext, _ p: HardSwishParams) -> TensorValue {
        let x = c.input(0).int8Values
        var result = [Int8](repeating: 0, count: x.count)
        for i in x.indices {
            result[i] = hardSwish(x[i], p)
        }
        return .int8(c.inputTensor(0).shape, result)
    }

    /// The output for one input element.
    static func hardSwish(_ x: Int8, _ p: HardSwishParams) -> Int8 {
        let inputValue = Int16(truncatingIfNeeded: Int32(x) - p.inputZeroPoint)
        let hires = Int16(truncatingIfNeeded: Int32(inputValue) * 128)
        let preshiftOutput = Int16Math.saturatingRoundingDoublingHighMul(hires, p.outputMultiplier)
        var reluish = hires
        if p.reluishExponent > 0 {
            reluish = Int16Math.saturatingLeftShift(reluish, p.reluishExponent - 1)
        }
        reluish = Int16Math.saturatingRoundingDoublingHighMul(reluish, p.reluishMultiplier)
        if p.reluishExponent > 0 {
            reluish = Int16Math.saturatingLeftShift(reluish, 1)
        }
        if p.reluishExponent < 0 {
            reluish = Int16Math.roundingDivideByPOT(reluish, -p.reluishExponent)
        }
        reluish = Int16(truncatingIfNeeded: (Int32(reluish) + (1 << 15)) >> 1)
        let preshift = Int16Math.saturatingDoublingHighMul(reluish, preshiftOutput)
        var out = Int16Math.roundingDivideByPOT(preshift, -p.outputExponent)
        out = Int16(truncatingIfNeeded: Int32(out) + p.outputZeroPoint)
        return Int8(min(max(out, -128), 127))
    }
}

/// The int16 fixed-point primitives of TFLM's hard-swish kernel, with C's integer promotions and
/// truncating conversions back to int16.
enum Int16Math {
    /// gemmlowp `SaturatingRoundingDoublingHighMul<int16_t>`.
    static func saturatingRoundingDoublingHighMul(_ a: Int16, _ b: Int16) -> Int16 {
        if a == Int16.min && b == Int16.min { return Int16.max }
        let ab = Int32(a) * Int32(b)
        let nudge: Int32 = ab >= 0 ? (1 << 14) : (1 - (1 << 14))
        return Int16(truncatingIfNeeded: (ab + nudge) / (1 << 15))
    }

    /// TFLM `SaturatingDoublingHighMul` (like ARM SQDMULH): rounds toward zero.
    static func saturatingDoublingHighMul(_ a: Int16, _ b: Int16) -> Int16 {
        if a == Int16.min && b == Int16.min { return Int16.max }
        return Int16(truncatingIfNeeded: (Int32(a) * Int32(b)) / (1 << 15))
    }

    /// TFLM `SaturatingLeftShift`: `value * 2^amount` clamped to int16 (amount in 0...30).
    static func saturatingLeftShift(_ value: Int16, _ amount: Int32) -> Int16 {
        precondition(amount >= 0 && amount <= 30, "shift out of range")
        let result = Int64(value) * (Int64(1) << Int64(amount))
        return Int16(min(max(result, Int64(Int16.min)), Int64(Int16.max)))
    }

    /// gemmlowp `RoundingDivideByPOT<int16_t>` (exponent in 0...31). For exponents above 15 the
    /// int16 mask wraps to -1, so the result is 1 for `x >= 0` and -1 for `x < 0`, as in TFLM.
    static func roundingDivideByPOT(_ x: Int16, _ exponent: Int32) -> Int16 {
        precondition(exponent >= 0 && exponent <= 31, "exponent out of range")
        let mask = Int16(truncatingIfNeeded: (Int64(1) << Int64(exponent)) - 1)
        let remainder = x & mask
        let threshold = Int16(truncatingIfNeeded: Int32(mask >> 1) + (x < 0 ? 1 : 0))
        let shifted = Int32(x) >> exponent
        return Int16(truncatingIfNeeded: shifted + (remainder > threshold ? 1 : 0))
    }
}
