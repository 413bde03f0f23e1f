import IR

/// DEQUANTIZE (`Dequantize`): `scale * (x - zp)`, one float32 multiplication of the exact
/// integer difference.
enum ReferenceDequantize {
    static func run(_ c: OpContext, _ p: DequantizeParams) -> TensorValue {
        .float32(c.inputTensor(0).shape, c.input(0).int8Values.map { p.scale * Float(Int32($0) - p.zeroPoint) })
    }
}
