import IR

/// SVDF, int8 input and output with an int16 or int8 state (TFLM's integer SVDF), as `SvdfParams`
/// describes it: shift the state, store the feature products, reduce against weights_time.
/// Returns the output and the state after the invoke.
enum ReferenceSvdf {
    struct Result {
        var output: TensorValue, state: TensorValue
    }

    static func run(_ c: OpContext, _ p: SvdfParams) -> Result {
        let x = c.input(Svdf.Operand.input).int8Values
        let stateTensor = c.inputTensor(Svdf.Operand.state)
        var state: [Int32] = p.stateIsInt16 ? c.input(Svdf.Operand.state).int16Values.map(Int32.init)
                                            : c.input(Svdf.Operand.state).int8Values.map(Int32.init)
        var output = [Int8](repeating: 0, count: p.batches * p.units)
        for b in 0..<p.batches {
            for f in 0..<p.filters {
                let base = (b * p.filters + f) * p.memory
                for j in 0..<(p.memory - 1) { state[base + j] = state[base + j + 1] }
                var dot: Int32 = 0
                for i in 0..<p.inputSize {
                    dot = dot &+ Int32(p.weightsFeature[f * p.inputSize + i]) &* (Int32(x[b * p.inputSize + i]) &- p.inputZeroPoint)
                }
                state[base + p.memory - 1] = p.stateValue(dot)
            }
            for u in 0..<p.units {
                var acc = p.bias[u]
                for f in (u * p.rank)..<((u + 1) * p.rank) {
                    let base = (b * p.filters + f) * p.memory
                    for j in 0..<p.memory {
                        acc = acc &+ p.weightsTime[f * p.memory + j] &* (state[base + j] &- p.stateZeroPoint)
                    }
                }
                let v = QuantizedMath.multiplyByQuantizedMultiplier(acc, p.outputMultiplier)
                output[b * p.units + u] = QuantizedMath.clampToInt8(v &+ p.outputZeroPoint, -128...127)
            }
        }
        let newState: TensorValue = p.stateIsInt16
            ? TensorValue(shape: stateTensor.shape, storage: .int16(state.map { Int16(truncatingIfNeeded: $0) }))
            : .int8(stateTensor.shape, state.map { Int8(truncatingIfNeeded: $0) })
        return Result(output: .int8(c.outputTensor.shape, output), state: newState)
    }
}
