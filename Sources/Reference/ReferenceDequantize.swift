import IR

/// DEQUANTIZE int8 to float32 (TFLM `reference_ops::Dequantize`): `scale * (x - zp)`, one
/// float32 multiplication of the exact integer difference.
enum ReferenceDequantize {
    static func run(_ c: OpContext) throws(CompileError) -> TensorValue {
        let q = c.inputQuant(0)
        let scale = q.scale[0], zp = q.zeroPoint[0]
        let x = c.input(0).int8Values
        return .float32(c.inputTensor(0).shape, x.map { scale * Float(Int32($0) - zp) })
    }
}
