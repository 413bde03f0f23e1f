import IR

/// SQUARED_DIFFERENCE (`SquaredDifference`), per element with NumPy broadcasting:
/// `d = MBQM((x1 - zp1) << 7, M1) - MBQM((x2 - zp2) << 7, M2)`, `MBQM(d * d, Mo) + out_zp`, clamped.
enum ReferenceSquaredDifference {
    static func run(_ c: OpContext, _ p: SquaredDifferenceParams) -> TensorValue {
        let shape = c.outputTensor.shape
        let x1 = c.input(0).int8Values, x2 = c.input(1).int8Values
        let i1 = Broadcast.sourceIndices(of: c.inputTensor(0).shape, into: shape)
        let i2 = Broadcast.sourceIndices(of: c.inputTensor(1).shape, into: shape)
        return .int8(shape, (0..<shape.elementCount).map { i in
            let a = QuantizedMath.multiplyByQuantizedMultiplier((Int32(x1[i1[i]]) - p.zeroPoint1) << p.leftShift, p.multiplier1)
            let b = QuantizedMath.multiplyByQuantizedMultiplier((Int32(x2[i2[i]]) - p.zeroPoint2) << p.leftShift, p.multiplier2)
            let d = a - b
            let r = QuantizedMath.multiplyByQuantizedMultiplier(d &* d, p.outputMultiplier) &+ p.outputZeroPoint
            return QuantizedMath.clampToInt8(r, -128...127)
        })
    }
}
