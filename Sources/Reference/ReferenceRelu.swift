import IR

/// RELU (`Relu`): `out_zp + MBQM(x - in_zp, M(in / out), s)` clamped to `[max(-128, out_zp), 127]`.
enum ReferenceRelu {
    static func run(_ c: OpContext, _ p: ReluParams) -> TensorValue {
        .int8(c.inputTensor(0).shape, c.input(0).int8Values.map { x in
            let scaled = p.outputZeroPoint &+ QuantizedMath.multiplyByQuantizedMultiplier(Int32(x) - p.inputZeroPoint,
                                                                                          p.multiplier)
            return QuantizedMath.clampToInt8(scaled, p.range)
        })
    }
}
