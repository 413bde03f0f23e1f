import IR

/// RELU and RELU6, int8, as TFLM runs them (`activations_common.cc`).
///
/// RELU requantizes (`ReluQuantized`): `out_zp + MBQM(x - in_zp, M(in / out), s)` clamped to
/// `[max(-128, out_zp), 127]`.
///
/// RELU6 does NOT requantize: TFLM clamps the raw input to `[in_zp, Q_in(6)]` with
/// `Q_in(6) = clamp(round(6 / in_scale) + in_zp)` (`FloatToQuantizedType`; `ActivationRange.relu6`)
/// and ignores the output quantization entirely. mcuc reproduces that, so a RELU6 whose output
/// quantization differs from its input's gives TFLM's values, not requantized ones.
enum ReferenceRelu {
    static func run(_ c: OpContext) throws(CompileError) -> TensorValue {
        let x = c.input(0).int8Values
        let shape = c.inputTensor(0).shape
        if case .relu6 = c.node.op {
            let range = ActivationRange.relu6(input: c.inputQuant(0))
            return .int8(shape, x.map { QuantizedMath.clampToInt8(Int32($0), range) })
        }
        let input = c.inputQuant(0), output = c.outputQuant
        let m = FixedPointMultiplier(real: RescaleRecipe.ratio(input: input.scale[0], output: output.scale[0]))
        let inZp = input.zeroPoint[0], outZp = output.zeroPoint[0]
        let range = max(-128, outZp)...127
        var result = [Int8](repeating: 0, count: x.count)
        for i in x.indices {
            let scaled = outZp &+ QuantizedMath.multiplyByQuantizedMultiplier(Int32(x[i]) - inZp, m)
            result[i] = QuantizedMath.clampToInt8(scaled, range)
        }
        return .int8(shape, result)
    }
}
