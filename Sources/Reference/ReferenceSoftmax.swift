import IR

/// SOFTMAX (`Softmax`) over the last axis, row by row, with gemmlowp's fixed-point exp.
enum ReferenceSoftmax {
    static func run(_ c: OpContext, _ params: SoftmaxParams) throws(CompileError) -> TensorValue {
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
