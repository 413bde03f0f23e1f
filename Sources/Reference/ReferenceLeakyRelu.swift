import IR

/// LEAKY_RELU (`LeakyRelu`): `d = x - in_zp`; `out_zp + MBQM(d, identity)` for `d >= 0`,
/// `out_zp + MBQM(d, alpha)` for `d < 0` (with TFLM's rounding for a negative alpha), clamped.
enum ReferenceLeakyRelu {
    static func run(_ c: OpContext, _ p: LeakyReluParams) -> TensorValue {
        let x = c.input(0).int8Values
        var result = [Int8](repeating: 0, count: x.count)
        for i in x.indices {
            let d = Int32(x[i]) - p.inputZeroPoint
            let scaled = d >= 0 ? QuantizedMath.multiplyByQuantizedMultiplier(d, p.identity) : scaleNegative(d, p.alpha)
            result[i] = QuantizedMath.clampToInt8(p.outputZeroPoint &+ scaled, -128...127)
        }
        return .int8(c.inputTensor(0).shape, result)
    }

    /// `d * alpha` for `d < 0` with TFLM's rounding for either sign of the multiplier.
    static func scaleNegative(_ d: Int32, _ m: FixedPointMultiplier) -> Int32 {
        guard m.multiplier < 0 else { return QuantizedMath.multiplyByQuantizedMultiplier(d, m) }
        let magnitude = FixedPointMultiplier(multiplier: 0 &- m.multiplier, shift: m.shift)
        return 0 &- QuantizedMath.multiplyByQuantizedMultiplier(d, magnitude)
    }
}
