import IR

/// QUANTIZE to int8 (TFLM `quantize_common.cc`).
///
/// From float32 (`AffineQuantize`): `round(x / scale) + zp` with the division and the rounding
/// (half away from zero) in float32, clamped to [-128, 127]. Where TFLM's float-to-int32 cast is
/// undefined (NaN, or a quotient outside the int32 range) mcuc saturates instead: NaN gives the
/// zero point, large magnitudes give -128 or 127.
///
/// From int8 (`Requantize`): `out_zp + MBQM(x - in_zp, M(in / out), s)`, clamped.
enum ReferenceQuantize {
    static func run(_ c: OpContext) throws(CompileError) -> TensorValue {
        let output = c.outputQuant
        let shape = c.inputTensor(0).shape
        let value = c.input(0)
        if case .float32(let x) = value.storage {
            return .int8(shape, x.map { quantize($0, scale: output.scale[0], zeroPoint: output.zeroPoint[0]) })
        }
        let input = c.inputQuant(0)
        let m = FixedPointMultiplier(real: RescaleRecipe.ratio(input: input.scale[0], output: output.scale[0]))
        let inZp = input.zeroPoint[0], outZp = output.zeroPoint[0]
        return .int8(shape, value.int8Values.map { v in
            let scaled = outZp &+ QuantizedMath.multiplyByQuantizedMultiplier(Int32(v) - inZp, m)
            return QuantizedMath.clampToInt8(scaled, -128...127)
        })
    }

    /// One float32 value on the int8 grid of (`scale`, `zeroPoint`).
    static func quantize(_ x: Float, scale: Float, zeroPoint: Int32) -> Int8 {
        let steps = (x / scale).rounded(.toNearestOrAwayFromZero)
        if steps.isNaN { return QuantizedMath.clampToInt8(zeroPoint, -128...127) }
        let q = Double(steps) + Double(zeroPoint)
        return Int8(min(max(q, -128), 127))
    }
}
