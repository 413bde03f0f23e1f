import IR

/// ABS (`Abs`): `out_zp + MBQM(|x - in_zp|, M(in / out), s)` clamped to int8.
enum ReferenceAbs {
    static func run(_ c: OpContext, _ p: ReluParams) -> TensorValue {
        .int8(c.inputTensor(0).shape, c.input(0).int8Values.map { x in
            let v = abs(Int32(x) - p.inputZeroPoint)
            let scaled = p.outputZeroPoint &+ QuantizedMath.multiplyByQuantizedMultiplier(v, p.multiplier)
            return QuantizedMath.clampToInt8(scaled, p.range)
        })
    }
}
