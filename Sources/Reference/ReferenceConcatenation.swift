import IR

/// CONCATENATION, int8 (TFLM `reference_ops::Concatenation`): the inputs are joined along `axis`
/// (negative counts from the end). All inputs and the output share one quantization (checked),
/// so the bytes are copied unchanged.
enum ReferenceConcatenation {
    static func run(_ c: OpContext, _ a: ConcatenationAttrs) throws(CompileError) -> TensorValue {
        let outputShape = c.outputTensor.shape
        let axis = a.axis < 0 ? a.axis + outputShape.rank : a.axis
        let outer = outputShape.dims[..<axis].reduce(1, *)
        let inner = outputShape.dims[(axis + 1)...].reduce(1, *)
        let parts = c.node.inputs.indices.map { i in (values: c.input(i).int8Values,
                                                      slice: c.inputTensor(i).shape.dims[axis] * inner) }
        var output: [Int8] = []
        output.reserveCapacity(outputShape.elementCount)
        for o in 0..<outer {
            for part in parts {
                output.append(contentsOf: part.values[(o * part.slice)..<((o + 1) * part.slice)])
            }
        }
        return .int8(outputShape, output)
    }
}
