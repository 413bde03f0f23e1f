import IR

/// LOGISTIC, int8 (TFLM `reference_integer_ops::Logistic`): `d = x - zp`; `d <= -radius` gives
/// -128 and `d >= radius` gives 127 (so with a radius of 0, `d == 0` gives -128, as in TFLM);
/// otherwise `d` is rescaled to Q4.27 with the frexp multiplier, passed through gemmlowp's
/// fixed-point logistic and written as `RDBPOT(q0, 23) - 128`, clamped. The output is always
/// on scale 1/256, zero point -128.
enum ReferenceLogistic {
    static func run(_ c: OpContext) throws(CompileError) -> TensorValue {
        let q = c.inputQuant(0)
        guard let p = SigmoidParams(inputScale: q.scale[0]) else {
            throw c.error(.unsupported, "input scale \(q.scale[0]) is outside the range TFLM's LOGISTIC handles")
        }
        let zp = q.zeroPoint[0]
        let x = c.input(0).int8Values
        var result = [Int8](repeating: 0, count: x.count)
        for i in x.indices {
            result[i] = logistic(Int32(x[i]) - zp, p)
        }
        return .int8(c.inputTensor(0).shape, result)
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
