import IR

/// MAXIMUM / MINIMUM (`Maximum`, `Minimum`): the larger (smaller) stored value per element, with
/// NumPy broadcasting.
enum ReferenceMaximumMinimum {
    static func run(_ c: OpContext, maximum: Bool) -> TensorValue {
        let shape = c.outputTensor.shape
        let x1 = c.input(0).int8Values, x2 = c.input(1).int8Values
        let i1 = Broadcast.sourceIndices(of: c.inputTensor(0).shape, into: shape)
        let i2 = Broadcast.sourceIndices(of: c.inputTensor(1).shape, into: shape)
        return .int8(shape, (0..<shape.elementCount).map { i in
            maximum ? max(x1[i1[i]], x2[i2[i]]) : min(x1[i1[i]], x2[i2[i]])
        })
    }
}
