import IR

/// TANH (`Tanh`): `d = x - zp`; `|d| >= radius` saturates to -128 or 127; otherwise the Q4.27
/// rescale of `d` through gemmlowp's fixed-point tanh, written as `RDBPOT(q0, 24)`.
enum ReferenceTanh {
    static func run(_ c: OpContext, _ p: SigmoidParams) -> TensorValue {
        .int8(c.inputTensor(0).shape, c.input(0).int8Values.map { tanh(Int32($0) - p.inputZeroPoint, p) })
    }

    /// The output for one input difference `d = x - zp`.
    static func tanh(_ d: Int32, _ p: SigmoidParams) -> Int8 {
        if d <= -p.inputRadius { return -128 }
        if d >= p.inputRadius { return 127 }
        let m = FixedPointMultiplier(multiplier: p.inputMultiplier, shift: p.inputLeftShift)
        let inQ4 = QuantizedMath.multiplyByQuantizedMultiplier(d, m)
        let q0 = GemmlowpFixedPoint.tanh(inQ4, integerBits: SigmoidParams.inputIntegerBits)
        let q24 = QuantizedMath.roundingDivideByPOT(q0, 31 - 7)
        return QuantizedMath.clampToInt8(q24, -128...127)
    }
}
