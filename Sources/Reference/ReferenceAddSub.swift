import IR

/// ADD and SUB, int8 (TFLM `reference_integer_ops::Add` / `reference_ops::Sub` and their
/// broadcasting variants; the broadcast path computes the same function per element).
///
/// Per element: `a = (x1 - zp1) << 20`, `b = (x2 - zp2) << 20`; `a' = MBQM(a, M1, s1)`,
/// `b' = MBQM(b, M2, s2)`; `r = MBQM(a' ± b', Mo, so) + out_zp`, clamped. SUB subtracts the scaled
/// values (it does not negate the second input's multiplier: with double rounding `MBQM(-b)` and
/// `-MBQM(b)` can differ). Both ops derive their multipliers in double (`RescaleRecipe.addSub`).
enum ReferenceAddSub {
    static func run(_ c: OpContext, _ a: ElementwiseAttrs, subtract: Bool) throws(CompileError) -> TensorValue {
        let q1 = c.inputQuant(0), q2 = c.inputQuant(1), out = c.outputQuant
        let recipe = RescaleRecipe.addSub(input1: q1.scale[0], input2: q2.scale[0], output: out.scale[0])
        let m1 = FixedPointMultiplier(real: recipe.input1)
        let m2 = FixedPointMultiplier(real: recipe.input2)
        let mOut = FixedPointMultiplier(real: recipe.output)
        let range = ActivationRange.fused(a.activation, output: out)
        let shape = c.outputTensor.shape
        let x1 = c.input(0).int8Values, x2 = c.input(1).int8Values
        let i1 = Broadcast.sourceIndices(of: c.inputTensor(0).shape, into: shape)
        let i2 = Broadcast.sourceIndices(of: c.inputTensor(1).shape, into: shape)
        let zp1 = q1.zeroPoint[0], zp2 = q2.zeroPoint[0], zpOut = out.zeroPoint[0]
        let shift = recipe.leftShift
        var result = [Int8](repeating: 0, count: shape.elementCount)
        for i in result.indices {
            let a = (Int32(x1[i1[i]]) - zp1) << shift
            let b = (Int32(x2[i2[i]]) - zp2) << shift
            let sa = QuantizedMath.multiplyByQuantizedMultiplier(a, m1)
            let sb = QuantizedMath.multiplyByQuantizedMultiplier(b, m2)
            let raw = subtract ? sa &- sb : sa &+ sb
            let r = QuantizedMath.multiplyByQuantizedMultiplier(raw, mOut) &+ zpOut
            result[i] = QuantizedMath.clampToInt8(r, range)
        }
        return .int8(shape, result)
    }
}
