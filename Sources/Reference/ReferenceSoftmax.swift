import IR

/// SOFTMAX, int8 in and int8 out (scale 1/256, zero point -128), over the last axis: TFLM's
/// `reference_ops::Softmax<int8_t, int8_t>` with gemmlowp's fixed-point exp (not a lookup table).
///
/// Per row: `d = x - max`; row elements with `d < diffMin` give -128; the others are rescaled to
/// Q5.26 (`MultiplyByQuantizedMultiplierGreaterThanOne`), exponentiated, summed in Q12.19 and
/// normalized with `GetReciprocal`: `RDBPOT(SRDHM(1/sum, exp(d)), bitsOverUnit + 23) - 128`.
enum ReferenceSoftmax {
    static func run(_ c: OpContext, _ a: SoftmaxAttrs) throws(CompileError) -> TensorValue {
        guard let params = SoftmaxParams(beta: a.beta, inputScale: c.inputQuant(0).scale[0]) else {
            throw c.error(.unsupported, "beta * input scale is too small for TFLM's SOFTMAX multiplier")
        }
        let shape = c.inputTensor(0).shape
        let x = c.input(0).int8Values
        let depth = shape.rank == 0 ? 1 : shape[-1]
        var result = [Int8](repeating: 0, count: x.count)
        guard depth > 0 else { return .int8(shape, result) }
        for row in 0..<(x.count / depth) {
            let range = row * depth..<(row + 1) * depth
            if !softmaxRow(x[range], params, into: &result, at: range.lowerBound) {
                throw c.error(.unsupported, "row \(row): the sum of exponentials reaches 512, where TFLM's int8 "
                              + "SOFTMAX aborts (TFLITE_CHECK on the output shift)")
            }
        }
        return .int8(shape, result)
    }

    /// Q0.31 `exp(d * beta * scale)` of one input difference `d >= diffMin`.
    @inline(__always)
    static func expOfDifference(_ d: Int32, _ p: SoftmaxParams) -> Int32 {
        // MultiplyByQuantizedMultiplierGreaterThanOne: d * 2^shift cannot overflow since d >= diffMin.
        let shifted = Int32(truncatingIfNeeded: Int64(d) << Int64(p.inputLeftShift))
        let scaled = QuantizedMath.saturatingRoundingDoublingHighMul(shifted, p.inputMultiplier)
        return GemmlowpFixedPoint.expOnNegativeValues(scaled, integerBits: SoftmaxParams.scaledDiffIntegerBits)
    }

    /// Writes one row into `out[base...]`; returns false where TFLM would abort.
    static func softmaxRow(_ row: ArraySlice<Int8>, _ p: SoftmaxParams,
                           into out: inout [Int8], at base: Int) -> Bool {
        let maxInRow = Int32(row.reduce(Int8.min, max))
        var sumOfExps: Int32 = 0   // Q12.19; the C++ addition wraps
        for v in row {
            let d = Int32(v) - maxInRow
            if d >= p.diffMin {
                let e = expOfDifference(d, p)
                sumOfExps = sumOfExps &+ GemmlowpFixedPoint.rescale(e, from: 0, to: SoftmaxParams.accumulationIntegerBits)
            }
        }
        let (scale, bitsOverUnit) = GemmlowpFixedPoint.reciprocal(sumOfExps, integerDigits: SoftmaxParams.accumulationIntegerBits)
        let exponent = bitsOverUnit + 31 - 8
        guard exponent >= 0, exponent <= 31 else { return false }
        for (k, v) in row.enumerated() {
            let d = Int32(v) - maxInRow
            guard d >= p.diffMin else {
                out[base + k] = -128
                continue
            }
            let e = expOfDifference(d, p)
            let unsaturated = QuantizedMath.roundingDivideByPOT(GemmlowpFixedPoint.mul(scale, e), exponent)
            out[base + k] = QuantizedMath.clampToInt8(unsaturated &- 128, -128...127)
        }
        return true
    }
}
