import IR

/// FULLY_CONNECTED, int8 (TFLM `reference_integer_ops::FullyConnected` / `FullyConnectedPerChannel`).
///
/// The input is read as `[batches, depth]` with `depth = filter.shape[1]` and `batches =
/// output elements / units` (the output's leading dimensions, whatever `keep_num_dims` says):
/// `acc = bias[u] + Σ (w[u, d] - w_zp) * (x[b, d] - in_zp)`, then `MBQM(acc, M, s) + out_zp`, clamped.
///
/// Per-tensor weights: one multiplier from `float(in_s * w_s) / out_s` (in double), and the
/// weight zero point is applied. Per-channel weights: one multiplier per unit, weight zero
/// points are 0 (checked).
enum ReferenceFullyConnected {
    static func run(_ c: OpContext, _ a: FullyConnectedAttrs) throws(CompileError) -> TensorValue {
        let filterShape = c.inputTensor(1).shape
        let units = filterShape[0], depth = filterShape[1]
        let batches = c.outputTensor.shape.elementCount / units
        let weights = c.inputQuant(1)
        let perTensor = weights.scale.count == 1
        let stage = perTensor ? perTensorStage(c, activation: a.activation)
                              : OutputStage.convolution(c, channels: units, activation: a.activation)
        let output = multiply(input: c.input(0).int8Values, inputOffset: -c.inputQuant(0).zeroPoint[0],
                              filter: c.input(1).int8Values, filterOffset: perTensor ? -weights.zeroPoint[0] : 0,
                              bias: c.optionalInt32Operand(2), batches: batches, units: units, depth: depth,
                              stage: stage)
        return .int8(c.outputTensor.shape, output)
    }

    /// The single multiplier of per-tensor weights (TFLM `GetQuantizedConvolutionMultipler`).
    static func perTensorStage(_ c: OpContext, activation: FusedActivation) -> OutputStage {
        let out = c.outputQuant
        let real = RescaleRecipe.fullyConnectedPerTensor(input: c.inputQuant(0).scale[0],
                                                         weight: c.inputQuant(1).scale[0], output: out.scale[0])
        return OutputStage(multipliers: [FixedPointMultiplier(real: real)], zeroPoint: out.zeroPoint[0],
                           range: ActivationRange.fused(activation, output: out))
    }

    /// The kernel over a flat `[batches, depth]` input and `[units, depth]` filter.
    static func multiply(input: [Int8], inputOffset: Int32, filter: [Int8], filterOffset: Int32, bias: [Int32]?,
                         batches: Int, units: Int, depth: Int, stage: OutputStage) -> [Int8] {
        var output = [Int8](repeating: 0, count: batches * units)
        input.withUnsafeBufferPointer { x in
            filter.withUnsafeBufferPointer { f in
                for b in 0..<batches {
                    for u in 0..<units {
                        var acc: Int32 = 0
                        for d in 0..<depth {
                            acc &+= (Int32(f[u * depth + d]) &+ filterOffset) &* (Int32(x[b * depth + d]) &+ inputOffset)
                        }
                        if let bias { acc &+= bias[u] }
                        output[b * units + u] = stage.apply(acc, channel: u)
                    }
                }
            }
        }
        return output
    }
}
