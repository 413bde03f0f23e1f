/// CONV_2D, int8 (TFLM `reference_integer_ops::ConvPerChannel`): operands (input, filter, bias?).
///
/// For every output pixel and channel `oc`: `acc = bias[oc] + Σ w[oc, ky, kx, ic] *
/// (x[iy, ix, g * FC + ic] - in_zp)` over the in-bounds taps (padding taps are skipped), then
/// `MBQM(acc, M[oc], s[oc]) + out_zp`, clamped to the fused activation's range. Grouped: with
/// input depth `C` and filter depth `FC` there are `C / FC` groups, and output channel `oc` reads
/// the input channels of group `oc / (OC / groups)`. Weight zero points are 0.
///
/// int16x8 (int16 input and output, `Int16x8Accumulation`): `Σ w * x` without offsets, an int32
/// bias with an int32 accumulator, an int64 bias (or none, unless `quantizedBiasType` is int32)
/// with an int64 one (TFLM's `ConvPerChannel<AccumScalar>` for int16).
public struct Conv2D: OperatorDefinition {
    public var padding: Padding
    public var strideH: Int, strideW: Int
    public var dilationH: Int, dilationW: Int
    public var activation: FusedActivation
    /// The option `quantized_bias_type` (TFLite `TensorType`; float32 = not set): for int16
    /// activations without a bias, int32 selects the int32 accumulator.
    public var quantizedBiasType: DataType

    public init(padding: Padding, strideH: Int, strideW: Int, dilationH: Int, dilationW: Int,
                activation: FusedActivation, quantizedBiasType: DataType = .float32) {
        self.padding = padding
        self.strideH = strideH
        self.strideW = strideW
        self.dilationH = dilationH
        self.dilationW = dilationW
        self.activation = activation
        self.quantizedBiasType = quantizedBiasType
    }

    public static let name = "CONV_2D"
    public static let support = OperatorSupport(
        types: "int8, int32 bias, int8 or int4-packed weights; int16x8: int16 in/out (zero point 0), int8 weights, int64 or int32 bias",
        options: "any kernel, stride, dilation, padding and groups; per-tensor or per-channel weights; fused clamps; "
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
        [("padding", "\(padding)"), ("stride", "\(strideH)x\(strideW)"), ("dilation", "\(dilationH)x\(dilationW)"),
         ("act", "\(activation)")]
    }

    /// One per weight tap per output element.
    public func macs(_ op: OpOperands) -> Int {
        guard let f = op.optionalInput(1)?.shape, f.rank == 4 else { return 0 }
        return saturatingProduct([op.output.shape.checkedElementCount ?? Int.max, f[1], f[2], f[3]])
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireWindowOperands()
        let filter = op.input(1), f = filter.shape
        guard f.dims.allSatisfy({ $0 >= 1 }) else {
            throw op.error(.malformed, "filter has shape \(f) with an empty dimension", filter)
        }
        let depth = op.input(0).shape[3]
        guard depth >= 1, depth % f[3] == 0 else {
            throw op.error(.malformed, "input has \(depth) channels, not a multiple of the filter's \(f[3])", filter)
        }
        let groups = depth / f[3]
        guard f[0] % groups == 0 else {
            throw op.error(.malformed, "\(f[0]) filters cannot be split into \(groups) groups", filter)
        }
        try op.requireWindow(filterHeight: f[1], filterWidth: f[2], strides: (strideH, strideW),
                             dilations: (dilationH, dilationW), padding: padding, channels: f[0])
        try op.requireWeights(channels: f[0], axis: 0, allowZeroPoint: false)
        try op.requireBias(channels: f[0])
        try op.requireChannelRescales(channels: f[0])
        try op.requireAccumulatingTypes(int16BiasTypes: [.int32, .int64],
                                        width: op.int16x8Width(quantizedBiasType: quantizedBiasType))
    }

    public func prepare(_ op: OpOperands) -> Conv2DParams {
        let input = op.input(0), filter = op.input(1), f = filter.shape
        let window = ConvWindow.make(input: input.shape, output: op.output.shape, filterHeight: f[1], filterWidth: f[2],
                                     strideH: strideH, strideW: strideW, dilationH: dilationH, dilationW: dilationW,
                                     padding: padding)
        let int16x8 = input.type == .int16
            ? op.int16x8Accumulation(width: op.int16x8Width(quantizedBiasType: quantizedBiasType), channels: f[0]) : nil
        return Conv2DParams(window: window, inputDepth: input.shape[3], outputDepth: f[0], filterDepth: f[3],
                            inputZeroPoint: int16x8 == nil ? op.zeroPoint(input) : 0, filter: op.int8Values(filter),
                            bias: int16x8 == nil ? op.biasValues(channels: f[0]) : [Int32](repeating: 0, count: f[0]),
                            output: .convolution(op, activation: activation), int16x8: int16x8)
    }
}

/// The constants of one CONV_2D.
public struct Conv2DParams: Sendable, Hashable {
    /// The window with TFLite's SAME / VALID padding.
    public var window: ConvWindow
    /// Input channels, output channels, and input channels each filter reads (`inputDepth / groups`).
    public var inputDepth: Int, outputDepth: Int, filterDepth: Int
    /// The input zero point, subtracted from every in-bounds tap.
    public var inputZeroPoint: Int32
    /// The weights `[outputDepth][filterHeight][filterWidth][filterDepth]` (OHWI) as stored.
    public var filter: [Int8]
    /// One bias per output channel (zeros when the model has none, and for int16x8).
    public var bias: [Int32]
    public var output: OutputRequantization
    /// int16 activations: the accumulator and the widened bias (nil for int8).
    public var int16x8: Int16x8Accumulation?

    /// Output channels per group.
    public var filtersPerGroup: Int { outputDepth / (inputDepth / filterDepth) }

    /// `bias[oc] - in_zp * Σ w[oc]` modulo 2^32: the bias with the input zero point folded in.
    /// `Σ w * (x - zp) + bias == Σ w * x + (bias - zp * Σ w)` in the wrapping arithmetic of TFLM and
    /// the kernels, so a kernel may use it in place of `bias` and skip `- zp`, exactly when every
    /// tap of every window reads the input (no padding).
    public var biasWithInputZeroPointFolded: [Int32] {
        let taps = filter.count / max(outputDepth, 1)
        return (0..<outputDepth).map { oc in
            let sum = filter[(oc * taps)..<((oc + 1) * taps)].reduce(Int32(0)) { $0 &+ Int32($1) }
            return bias[oc] &- inputZeroPoint &* sum
        }
    }
}
