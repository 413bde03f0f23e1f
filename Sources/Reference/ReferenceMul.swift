import IR

/// MUL, int8 (TFLM `reference_integer_ops::Mul` / `BroadcastMul6DSlow`), NumPy broadcasting:
/// `out_zp + MBQM((x1 - zp1) * (x2 - zp2), M, s)` with `M, s` from `s1 * s2 / s_out` (double),
/// clamped to the fused activation's range.
enum ReferenceMul {
    static func run(_ c: OpContext, _ a: ElementwiseAttrs) throws(CompileError) -> TensorValue {
        let q1 = c.inputQuant(0), q2 = c.inputQuant(1), out = c.outputQuant
        let m = FixedPointMultiplier(real: RescaleRecipe.mul(input1: q1.scale[0], input2: q2.scale[0],
                                                             output: out.scale[0]))
        let range = ActivationRange.fused(a.activation, output: out)
        let shape = c.outputTensor.shape
        let x1 = c.input(0).int8Values, x2 = c.input(1).int8Values
        let i1 = Broadcast.sourceIndices(of: c.inputTensor(0).shape, into: shape)
        let i2 = Broadcast.sourceIndices(of: c.inputTensor(1).shape, into: shape)
        let zp1 = q1.zeroPoint[0], zp2 = q2.zeroPoint[0], zpOut = out.zeroPoint[0]
        var result = [Int8](repeating: 0, count: shape.elementCount)
        for i in result.indices {
            let product = (Int32(x1[i1[i]]) - zp1) * (Int32(x2[i2[i]]) - zp2)
            let r = zpOut &+ QuantizedMath.multiplyByQuantizedMultiplier(product, m)
            result[i] = QuantizedMath.clampToInt8(r, range)
        }
        return .int8(shape, result)
    }
}
