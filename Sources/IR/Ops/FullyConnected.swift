/// FULLY_CONNECTED, int8 (TFLM `reference_integer_ops::FullyConnected` /
/// `FullyConnectedPerChannel`): operands (input, filter `[units, depth]`, bias?).
///
/// The input is read as `[batches, depth]` with `batches = output elements / units` (the
/// output's leading dimensions, whatever `keep_num_dims` says): `acc = bias[u] + Σ (w[u, d] -
/// w_zp) * (x[b, d] - in_zp)`, then `MBQM(acc, M, s) + out_zp`, clamped. Per-tensor weights: one
/// multiplier from `float(in_s * w_s) / out_s` (in double) and the weight zero point applies;
/// per-channel weights: one multiplier per unit, weight zero points 0.
///
/// int16x8 (int16 input and output, `Int16x8Accumulation`): the same sums with every zero point
/// 0 (mcuc requires it of the int16 tensors and, here, of the weights), an int32 bias with an
/// int32 accumulator, an int64 bias (or none, unless `quantizedBiasType` is int32) with an int64
/// one, as TFLM's int16 FULLY_CONNECTED picks them.
public struct FullyConnected: OperatorDefinition {
    public var activation: FusedActivation
    /// Keep the input's leading dimensions instead of flattening them into a batch dimension.
    public var keepNumDims: Bool
    /// The option `quantized_bias_type` (float32 = not set): for int16 activations without a
    /// bias, int32 selects the int32 accumulator.
    public var quantizedBiasType: DataType

    public init(activation: FusedActivation, keepNumDims: Bool, quantizedBiasType: DataType = .float32) {
        self.activation = activation
        self.keepNumDims = keepNumDims
        self.quantizedBiasType = quantizedBiasType
    }

    public static let name = "FULLY_CONNECTED"
    public static let support = OperatorSupport(
        types: "int8, int32 bias, int8 or int4-packed weights; int16x8: int16 in/out (zero point 0), int8 weights (zero point 0), int64 or int32 bias",
        options: "per-tensor or per-channel weights (int4: per tensor, as TFLM), keep_num_dims; fused clamps; "
            + "int16x8: int64 or int32 accumulator as TFLM picks it (bias type, else quantized_bias_type)")
    public static let inputCounts = 2...3

    public func allowedTypes(_ role: OperandRole) -> Set<DataType> {
        switch role {
        case .input(1): [.int8]
        case .input(2): [.int32, .int64]
        default: [.int8, .int16]
        }
    }
    /// The filter may be int4-packed (TFLM unpacks it for int8 inputs).
    public func acceptsPackedInt4(_ role: OperandRole) -> Bool { role == .input(1) }
    public var fusedActivation: FusedActivation? { activation }
    public var attributeSummary: [(key: String, value: String)] {
        [("keep_num_dims", "\(keepNumDims)"), ("act", "\(activation)")]
    }

    /// One per filter column per output element.
    public func macs(_ op: OpOperands) -> Int {
        guard let f = op.optionalInput(1)?.shape, f.rank >= 1 else { return 0 }
        return saturatingProduct([op.output.shape.checkedElementCount ?? Int.max, f[-1]])
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), filter = op.input(1), output = op.output
        try op.requirePerTensor(input, "input")
        try op.requireConstant(filter, "filter")
        try op.requireRank(filter, 2, "filter")
        let units = filter.shape[0], depth = filter.shape[1]
        guard units >= 1, depth >= 1 else {
            throw op.error(.malformed, "filter has shape \(filter.shape) with an empty dimension", filter)
        }
        let inputCount = input.shape.elementCount
        guard inputCount % depth == 0 else {
            throw op.error(.malformed, "input has \(inputCount) elements, not a multiple of the filter depth \(depth)", input)
        }
        let batches = inputCount / depth
        guard output.shape.rank >= 1, output.shape[-1] == units, output.shape.elementCount / units == batches else {
            throw op.error(.malformed, "output has shape \(output.shape); expected \(batches) rows of \(units) units", output)
        }
        let perTensor = (filter.quant?.scale.count ?? 1) == 1
        guard perTensor || !filter.packedInt4 else {
            throw op.error(.unsupported,
                           "int4-packed filter with per-channel quantization (TFLM takes int4 weights per tensor only)", filter)
        }
        try op.requireWeights(channels: units, axis: 0, allowZeroPoint: perTensor && input.type == .int8)
        try op.requireBias(channels: units)
        if perTensor {
            try requirePerTensorRescale(op)
        } else {
            try op.requireChannelRescales(channels: units)
        }
        try op.requireAccumulatingTypes(int16BiasTypes: [.int32, .int64],
                                        width: op.int16x8Width(quantizedBiasType: quantizedBiasType))
    }

    /// Per-tensor weights: the multiplier, and TFLM's bias-scale tolerance
    /// (`|in_s * w_s - bias_s| / out_s <= 0.02`, `GetQuantizedConvolutionMultipler`).
    func requirePerTensorRescale(_ op: OpOperands) throws(CompileError) {
        let inScale = op.input(0).quant?.scale[0] ?? 0
        let weightScale = op.input(1).quant?.scale[0] ?? 0
        let outScale = op.output.quant?.scale[0] ?? 0
        if let bias = op.optionalInput(2) {
            let product = Double(inScale) * Double(weightScale)
            let biasScale = Double(bias.quant?.scale.first ?? 0)
            guard abs(product - biasScale) / Double(outScale) <= 0.02 else {
                throw op.error(.unsupported, "bias scale \(biasScale) does not match input scale × weight scale \(product)",
                               bias)
            }
        }
        try op.requireRescale(RescaleRecipe.fullyConnectedPerTensor(input: inScale, weight: weightScale, output: outScale),
                              "output", op.output)
    }

    public func prepare(_ op: OpOperands) -> FullyConnectedParams {
        let input = op.input(0), filter = op.input(1)
        let units = filter.shape[0], depth = filter.shape[1]
        let weights = op.quant(filter)
        let perTensor = weights.scale.count == 1
        let output: OutputRequantization
        if perTensor {
            let outQ = op.quant(op.output)
            let real = RescaleRecipe.fullyConnectedPerTensor(input: op.scale(input), weight: weights.scale[0],
                                                             output: outQ.scale[0])
            output = OutputRequantization(multipliers: [FixedPointMultiplier(real: real)], zeroPoint: outQ.zeroPoint[0],
                                          range: ActivationRange.fused(activation, output: outQ, type: op.output.type))
        } else {
            output = .convolution(op, activation: activation)
        }
        let int16x8 = input.type == .int16
            ? op.int16x8Accumulation(width: op.int16x8Width(quantizedBiasType: quantizedBiasType), channels: units) : nil
        return FullyConnectedParams(batches: op.output.shape.elementCount / units, units: units, depth: depth,
                                    inputZeroPoint: int16x8 == nil ? op.zeroPoint(input) : 0,
                                    filterOffset: perTensor && int16x8 == nil ? -weights.zeroPoint[0] : 0,
                                    filter: op.int8Values(filter),
                                    bias: int16x8 == nil ? op.biasValues(channels: units) : [Int32](repeating: 0, count: units),
                                    output: output, int16x8: int16x8)
    }
}

/// The constants of one FULLY_CONNECTED.
public struct FullyConnectedParams: Sendable, Hashable {
    /// Rows of the input matrix, output units, and the depth every unit reads.
    public var batches: Int, units: Int, depth: Int
    public var inputZeroPoint: Int32
    /// `-(weight zero point)` for per-tensor weights, 0 for per-channel weights.
    public var filterOffset: Int32
    /// The weights `[units][depth]` as stored.
    public var filter: [Int8]
    /// One bias per unit (zeros when the model has none, and for int16x8).
    public var bias: [Int32]
    public var output: OutputRequantization
    /// int16 activations: the accumulator and the widened bias (nil for int8).
    public var int16x8: Int16x8Accumulation?

    /// `bias[u] - in_zp * Σ (w[u] + filterOffset)` modulo 2^32: exact for every FULLY_CONNECTED
    /// (every input element is read), so the kernels never subtract the input zero point.
    public var biasWithInputZeroPointFolded: [Int32] {
        (0..<units).map { u in
            let row = filter[(u * depth)..<((u + 1) * depth)]
            let sum = row.reduce(Int32(0)) { $0 &+ (Int32($1) &+ filterOffset) }
            return bias[u] &- inputZeroPoint &* sum
        }
    }
}
