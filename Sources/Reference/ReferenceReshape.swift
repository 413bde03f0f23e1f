import IR

/// RESHAPE and SQUEEZE (`Reshape`, `Squeeze`): the elements unchanged, in the output's shape.
enum ReferenceReshape {
    static func run(_ c: OpContext) -> TensorValue {
        TensorValue(shape: c.outputTensor.shape, storage: c.input(0).storage)
    }
}
