import IR

/// CONCATENATION (`Concatenation`), int8 or int16: for each outer index, each input's slice in operand order.
enum ReferenceConcatenation {
    static func run(_ c: OpContext, _ p: ConcatenationParams) -> TensorValue {
        let outputShape = c.outputTensor.shape
        let parts = c.node.inputs.indices.map { i in (values: c.input(i).integerValues, slice: p.sliceElements[i]) }
        var output: [Int32] = []
        output.reserveCapacity(outputShape.elementCount)
        for o in 0..<p.outer {
            for part in parts {
                output.append(contentsOf: part.values[(o * part.slice)..<((o + 1) * part.slice)])
            }
        }
        return .quantized(c.outputTensor.type, outputShape, output)
    }
}
