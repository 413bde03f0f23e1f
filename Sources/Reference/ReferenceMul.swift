import IR

/// MUL (`Mul`), int8 or int16, per element with NumPy broadcasting:
/// `out_zp + MBQM((x1 - zp1) * (x2 - zp2), M, s)`, clamped.
enum ReferenceMul {
    static func run(_ c: OpContext, _ p: MulParams) -> TensorValue {
        let shape = c.outputTensor.shape
        let x1 = c.input(0).integerValues, x2 = c.input(1).integerValues
        let i1 = Broadcast.sourceIndices(of: c.inputTensor(0).shape, into: shape)
        let i2 = Broadcast.sourceIndices(of: c.inputTensor(1).shape, into: shape)
        var result = [Int32](repeating: 0, count: shape.elementCount)
        for i in result.indices {
            let product = (x1[i1[i]] - p.zeroPoint1) &* (x2[i2[i]] - p.zeroPoint2)
            let r = p.outputZeroPoint &+ QuantizedMath.multiplyByQuantizedMultiplier(product, p.multiplier)
            result[i] = min(max(r, p.range.lowerBound), p.range.upperBound)
        }
        return .quantized(c.outputTensor.type, shape, result)
    }
}
