import IR

/// PRELU (`Prelu`), per element with alpha broadcast: `v = x - zp`;
/// `v >= 0 ? MBQM(v, M1) : MBQM(v * (a - zp_a), M2)`, `+ out_zp`, clamped.
enum ReferencePrelu {
    static func run(_ c: OpContext, _ p: PreluParams) -> TensorValue {
        let shape = c.outputTensor.shape
        let x = c.input(0).int8Values, alpha = c.input(1).int8Values
        let ia = Broadcast.sourceIndices(of: c.inputTensor(1).shape, into: shape)
        return .int8(shape, (0..<shape.elementCount).map { i in
            let v = Int32(x[i]) - p.inputZeroPoint
            let r = v >= 0 ? QuantizedMath.multiplyByQuantizedMultiplier(v, p.positive)
                : QuantizedMath.multiplyByQuantizedMultiplier(v &* (Int32(alpha[ia[i]]) - p.alphaZeroPoint), p.negative)
            return QuantizedMath.clampToInt8(r &+ p.outputZeroPoint, -128...127)
        })
    }
}
