import IR

/// LOG_SOFTMAX (`LogSoftmax`) over the last axis, row by row: gemmlowp fixed point for int8,
/// glibc-exact `expf`/`logf` for float32.
enum ReferenceLogSoftmax {
    /// Integer bits of the scaled difference (Q5.26), of the sum of exponentials (Q12.19), and
    /// the output shift `31 - 5 - 4` of TFLM's int8 kernel.
    static let inputIntegerBits: Int32 = 5, accumulationIntegerBits: Int32 = 12, outputShift: Int32 = 22

    static func run(_ c: OpContext, _ p: LogSoftmaxParams) -> TensorValue {
        let shape = c.inputTensor(0).shape
        guard let q = p.quantization else {
            let x = c.input(0).float32Values
            var out = [Float](repeating: 0, count: x.count)
            for row in 0..<p.rows { floatRow(x, row * p.depth, p.depth, into: &out) }
            return .float32(shape, out)
        }
        let x = c.input(0).int8Values
        var out = [Int8](repeating: 0, count: x.count)
        for row in 0..<p.rows { int8Row(x, row * p.depth, p.depth, q, into: &out) }
        return .int8(shape, out)
    }

    /// `(x - max) - logf(sum)`, the sum of `expf(x - max)` taken in order in float.
    static func floatRow(_ x: [Float], _ base: Int, _ depth: Int, into out: inout [Float]) {
        let row = x[base..<base + depth]
        let maxValue = row.reduce(-Float.greatestFiniteMagnitude) { $0 < $1 ? $1 : $0 }
        var sum: Float = 0
        for v in row { sum += GlibcMath.expf(v - maxValue) }
        let logSum = GlibcMath.logf(sum)
        for (k, v) in row.enumerated() { out[base + k] = (v - maxValue) - logSum }
    }

    /// One int8 row (TFLM `reference_ops::LogSoftmax<int8_t>`).
    static func int8Row(_ x: [Int8], _ base: Int, _ depth: Int, _ q: LogSoftmaxQuantization, into out: inout [Int8]) {
        let row = x[base..<base + depth]
        let maxInRow = Int32(row.reduce(Int8.min, max))
        let multiplier = FixedPointMultiplier(multiplier: q.input.inputMultiplier, shift: q.input.inputLeftShift)
        var sum: Int32 = 0   // Q12.19; the C++ addition wraps
        for v in row where Int32(v) - maxInRow >= q.input.diffMin {
            let scaled = QuantizedMath.multiplyByQuantizedMultiplier(Int32(v) - maxInRow, multiplier)
            let e = GemmlowpFixedPoint.expOnNegativeValues(scaled, integerBits: inputIntegerBits)
            sum = sum &+ GemmlowpFixedPoint.rescale(e, from: 0, to: accumulationIntegerBits)
        }
        let logSum = GemmlowpFixedPoint.logOfAtLeastOne(sum, inputIntegerBits: accumulationIntegerBits,
                                                        outputIntegerBits: inputIntegerBits)
        let adjustedDiffMin = max(q.input.diffMin - 1,
                                  QuantizedMath.multiplyByQuantizedMultiplier(logSum &+ Int32.min, q.reverseScaling))
        for (k, v) in row.enumerated() {
            let d = Int32(v) - maxInRow
            guard d > adjustedDiffMin else {
                out[base + k] = -128
                continue
            }
            let scaled = QuantizedMath.multiplyByQuantizedMultiplier(d, multiplier)
            let unsaturated = QuantizedMath.roundingDivideByPOT(scaled &- logSum, outputShift) &+ 127
            out[base + k] = QuantizedMath.clampToInt8(unsaturated, -128...127)
        }
    }
}
