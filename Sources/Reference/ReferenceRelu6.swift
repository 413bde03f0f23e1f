import IR

/// RELU6 (`Relu6`): a clamp of the raw input values, no requantization.
enum ReferenceRelu6 {
    static func run(_ c: OpContext, _ p: Relu6Params) -> TensorValue {
        .int8(c.inputTensor(0).shape, c.input(0).int8Values.map { QuantizedMath.clampToInt8(Int32($0), p.range) })
    }
}
