import IR

/// LOGISTIC (`Logistic`): `d = x - zp`; `|d| >= radius` saturates to -128 or 127; otherwise the
/// Q4.27 rescale of `d` through gemmlowp's fixed-point logistic, written as `RDBPOT(q0, 23) - 128`.
enum ReferenceLogistic {
    static func run(_ c: OpContext, _ p: SigmoidParams) -> TensorValue {
        .int8(c.inputTensor(0).shape, c.input(0).int8Values.map { logistic(Int32($0) - p.inputZeroPoint, p) })
    }

    /// The output for one input difference `d = x - zp`.
    static func logistic(_ d: Int32, _ p: SigmoidParams) -> Int8 {
        if d <= -p.inputRadius { return -128 }
        if d >= p.inputRadius { return 127 }
        let m = FixedPointMultiplier(multiplier: p.inputMultiplier, shift: p.inputLeftShift)
        let inQ4 = QuantizedMath.multiplyByQuantizedMultiplier(d, m)
        let q0 = GemmlowpFixedPoint.logistic(inQ4, integerBits: SigmoidParams.inputIntegerBits)
        let q23 = QuantizedMath.roundingDivideByPOT(q0, 31 - 8)
        return QuantizedMath.clampToInt8(q23 &- 128, -128...127)
    }
}
