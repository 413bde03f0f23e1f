import IR

/// QUANTIZE (`Quantize`) to int8 or int16: float32 `round(x / scale) + zp` in float32 (NaN gives
/// the zero point, out-of-range magnitudes saturate), or int8/int16 `out_zp + MBQM(x - in_zp, M,
/// s)`; clamped to the output type's range.
enum ReferenceQuantize {
    static func run(_ c: OpContext, _ p: QuantizeParams) -> TensorValue {
        let shape = c.inputTensor(0).shape, type = c.outputTensor.type
        guard let range = SupportCheck.quantizedRange(type) else { preconditionFailure("QUANTIZE to \(type) (checked)") }
        switch p {
        case .fromFloat(let scale, let zeroPoint):
            return .quantized(type, shape, c.input(0).float32Values.map {
                quantize($0, scale: scale, zeroPoint: zeroPoint, range: range)
            })
        case .requantize(let inZp, let outZp, let m):
            return .quantized(type, shape, c.input(0).integerValues.map { v in
                let scaled = outZp &+ QuantizedMath.multiplyByQuantizedMultiplier(v - inZp, m)
                return min(max(scaled, range.lowerBound), range.upperBound)
            })
        }
    }

    /// One float32 value on the int8 grid of (`scale`, `zeroPoint`).
    static func quantize(_ x: Float, scale: Float, zeroPoint: Int32) -> Int8 {
        Int8(quantize(x, scale: scale, zeroPoint: zeroPoint, range: -128...127))
    }

    /// One float32 value on the grid of (`scale`, `zeroPoint`), clamped to `range`.
    static func quantize(_ x: Float, scale: Float, zeroPoint: Int32, range: ClosedRange<Int32>) -> Int32 {
        let steps = (x / scale).rounded(.toNearestOrAwayFromZero)
        if steps.isNaN { return min(max(zeroPoint, range.lowerBound), range.upperBound) }
        let q = Double(steps) + Double(zeroPoint)
        return Int32(min(max(q, Double(range.lowerBound)), Double(range.upperBound)))
    }
}
