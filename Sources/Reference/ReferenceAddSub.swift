import IR

/// ADD and SUB (`Add`, `Sub`), per element with NumPy broadcasting: `a = (x1 - zp1) << 20`,
/// `b = (x2 - zp2) << 20`; `r = MBQM(MBQM(a, M1, s1) ± MBQM(b, M2, s2), Mo, so) + out_zp`, clamped.
enum ReferenceAddSub {
    static func run(_ c: OpContext, _ p: AddSubParams, subtract: Bool) -> TensorValue {
        let shape = c.outputTensor.shape
        let x1 = c.input(0).int8Values, x2 = c.input(1).int8Values
        let i1 = Broadcast.sourceIndices(of: c.inputTensor(0).shape, into: shape)
        let i2 = Broadcast.sourceIndices(of: c.inputTensor(1).shape, into: shape)
        var result = [Int8](repeating: 0, count: shape.elementCount)
        for i in result.indices {
            let a = (Int32(x1[i1[i]]) - p.zeroPoint1) << p.leftShift
            let b = (Int32(x2[i2[i]]) - p.zeroPoint2) << p.leftShift
            let sa = QuantizedMath.multiplyByQuantizedMultiplier(a, p.multiplier1)
            let sb = QuantizedMath.multiplyByQuantizedMultiplier(b, p.multiplier2)
            let raw = subtract ? sa &- sb : sa &+ sb
            let r = QuantizedMath.multiplyByQuantizedMultiplier(raw, p.outputMultiplier) &+ p.outputZeroPoint
            result[i] = QuantizedMath.clampToInt8(r, p.range)
        }
        return .int8(shape, result)
    }
}
