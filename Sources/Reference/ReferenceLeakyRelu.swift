import IR

/// LEAKY_RELU, int8 (TFLM `reference_ops::QuantizeLeakyRelu`): `d = x - in_zp`;
/// `out_zp + MBQM(d, identity)` for `d >= 0`, `out_zp + MBQM(d, alpha)` for `d < 0`, clamped to
/// [-128, 127]. The multipliers come from `LeakyReluParams` (double ratios).
///
/// A negative alpha gives a negative multiplier. On those, TFLM's result equals
/// `-MBQM(d, |alpha|)`: exact ties round toward zero, where gemmlowp's SRDHM on the (positive)
/// product `d * alpha` would round them up. mcuc reproduces TFLM (measured on the tflite-micro
/// wheel: 60 tie-heavy scale/alpha combinations, every int8 input).
enum ReferenceLeakyRelu {
    static func run(_ c: OpContext, _ a: LeakyReluAttrs) throws(CompileError) -> TensorValue {
        let p = LeakyReluParams(alpha: a.alpha, input: c.inputQuant(0), output: c.outputQuant)
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
