import IR

/// ADD and SUB (`Add`, `Sub`), int8 or int16, per element with NumPy broadcasting:
/// `a = (x1 - zp1) << L`, `b = (x2 - zp2) << L` (L = 20 for int8, 15 for int16);
/// `r = MBQM(MBQM(a, M1, s1) ± MBQM(b, M2, s2), Mo, so) + out_zp`, clamped.
enum ReferenceAddSub {
    static func run(_ c: OpContext, _ p: AddSubParams, subtract: Bool) -> TensorValue {
        let shape = c.outputTensor.shape
        let x1 = c.input(0).integerValues, x2 = c.input(1).integerValues
        let i1 = Broadcast.sourceIndices(of: c.inputTensor(0).shape, into: shape)
        let i2 = Broadcast.sourceIndices(of: c.inputTensor(1).shape, into: shape)
        var result = [Int32](repeating: 0, count: shape.elementCount)
        for i in result.indices {
            let a = (x1[i1[i]] - p.zeroPoint1) << p.leftShift
            let b = (x2[i2[i]] - p.zeroPoint2) << p.leftShift
            let sa = QuantizedMath.multiplyByQuantizedMultiplier(a, p.multiplier1)
            let sb = QuantizedMath.multiplyByQuantizedMultiplier(b, p.multiplier2)
            let raw = subtract ? sa &- sb : sa &+ sb
            let r = QuantizedMath.multiplyByQuantizedMultiplier(raw, p.outputMultiplier) &+ p.outputZeroPoint
            result[i] = min(max(r, p.range.lowerBound), p.range.upperBound)
        }
        return .quantized(c.outputTensor.type, shape, result)
    }
}
