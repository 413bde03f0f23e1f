import IR

/// CONCATENATION (`Concatenation`): for each outer index, each input's slice in operand order.
enum ReferenceConcatenation {
    static func run(_ c: OpContext, _ p: ConcatenationParams) -> TensorValue {
        let outputShape = c.outputTensor.shape
        let parts = c.node.inputs.indices.map { i in (values: c.input(i).int8Values, slice: p.sliceElements[i]) }
        var output: [Int8] = []
        output.reserveCapacity(outputShape.elementCount)
        for o in 0..<p.outer {
            for part in parts {
                output.append(contentsOf: part.values[(o * part.slice)..<((o + 1) * part.slice)])
            }
        }
        return .int8(outputShape, output)
    }
}
