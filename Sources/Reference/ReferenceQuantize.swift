import IR

/// QUANTIZE (`Quantize`): float32 `round(x / scale) + zp` in float32 (NaN gives the zero point,
/// out-of-range magnitudes saturate), or int8 `out_zp + MBQM(x - in_zp, M, s)`; clamped.
enum ReferenceQuantize {
    static func run(_ c: OpContext, _ p: QuantizeParams) -> TensorValue {
        let shape = c.inputTensor(0).shape
        switch p {
        case .fromFloat(let scale, let zeroPoint):
            return .int8(shape, c.input(0).float32Values.map { quantize($0, scale: scale, zeroPoint: zeroPoint) })
        case .requantize(let inZp, let outZp, let m):
            return .int8(shape, c.input(0).int8Values.map { v in
                let scaled = outZp &+ QuantizedMath.multiplyByQuantizedMultiplier(Int32(v) - inZp, m)
                return QuantizedMath.clampToInt8(scaled, -128...127)
            })
        }
    }

    /// One float32 value on the int8 grid of (`scale`, `zeroPoint`).
    static func quantize(_ x: Float, scale: Float, zeroPoint: Int32) -> Int8 {
        let steps = (x / scale).rounded(.toNearestOrAwayFromZero)
        if steps.isNaN { return QuantizedMath.clampToInt8(zeroPoint, -128...127) }
        let q = Double(steps) + Double(zeroPoint)
        return Int8(min(max(q, -128), 127))
    }
}
