import IR

/// DEQUANTIZE (`Dequantize`), int8 or int16: `scale * (x - zp)`, one float32 multiplication of the exact
/// integer difference.
enum ReferenceDequantize {
    static func run(_ c: OpContext, _ p: DequantizeParams) -> TensorValue {
        .float32(c.inputTensor(0).shape, c.input(0).integerValues.map { p.scale * Float($0 - p.zeroPoint) })
    }
}
