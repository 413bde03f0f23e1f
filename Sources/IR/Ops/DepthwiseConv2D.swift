/// DEPTHWISE_CONV_2D, int8 (TFLM `reference_integer_ops::DepthwiseConvPerChannel`): operands
/// (input, filter `[1, KH, KW, C * multiplier]`, bias?).
///
/// Output channel `oc = ic * depth_multiplier + m` reads only input channel `ic`:
/// `acc = bias[oc] + Σ w[0, ky, kx, oc] * (x[iy, ix, ic] - in_zp)` over the in-bounds taps, then
/// `MBQM(acc, M[oc], s[oc]) + out_zp`, clamped. Weight zero points are 0.
///
/// int16x8 (int16 input and output, `Int16x8Accumulation`): `Σ w * x` without offsets in an
/// int64 accumulator with an int64 bias or none, `MBQM64` (TFLM's int16 `DepthwiseConvPerChannel`
/// reads the bias as int64 whatever its type, so mcuc refuses other bias types).
public struct DepthwiseConv2D: OperatorDefinition {
    public var padding: Padding
    public var strideH: Int, strideW: Int
    public var dilationH: Int, dilationW: Int
    /// Output channels per input channel. Stored as in the file; the weights' channel count
    /// (`inC * depthMultiplier`) is authoritative and checked against it.
    public var depthMultiplier: Int
    public var activation: FusedActivation

    public init(padding: Padding, strideH: Int, strideW: Int, dilationH: Int, dilationW: Int,
                depthMultiplier: Int, activation: FusedActivation) {
        self.padding = padding
        self.strideH = strideH
        self.strideW = strideW
        self.dilationH = dilationH
        self.dilationW = dilationW
        self.depthMultiplier = depthMultiplier
        self.activation = activation
    }

    public static let name = "DEPTHWISE_CONV_2D"
    public static let support = OperatorSupport(
        types: "int8, int32 bias, int8 or int4-packed weights; int16x8: int16 in/out (zero point 0), int8 weights, int64 bias",
        options: "any kernel, stride, dilation, padding and depth multiplier; per-tensor or per-channel weights; fused clamps; "
            + "int16x8: int64 accumulator")
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
         ("multiplier", "\(depthMultiplier)"), ("act", "\(activation)")]
    }

    /// One per filter tap per output element.
    public func macs(_ op: OpOperands) -> Int {
        guard let f = op.optionalInput(1)?.shape, f.rank == 4 else { return 0 }
        return saturatingProduct([op.output.shape.checkedElementCount ?? Int.max, f[1], f[2]])
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireWindowOperands()
        let filter = op.input(1), f = filter.shape
        guard f[0] == 1, f[1] >= 1, f[2] >= 1, f[3] >= 1 else {
            throw op.error(.malformed, "filter has shape \(f); DEPTHWISE_CONV_2D needs [1, KH, KW, C]", filter)
        }
        let depth = op.input(0).shape[3]
        guard depthMultiplier >= 1, f[3] == depth * depthMultiplier else {
            throw op.error(.malformed, "depth_multiplier \(depthMultiplier) does not match \(f[3]) filter channels "
                           + "for \(depth) input channels", filter)
        }
        try op.requireWindow(filterHeight: f[1], filterWidth: f[2], strides: (strideH, strideW),
                             dilations: (dilationH, dilationW), padding: padding, channels: f[3])
        try op.requireWeights(channels: f[3], axis: 3, allowZeroPoint: false)
        try op.requireBias(channels: f[3])
        try op.requireChannelRescales(channels: f[3])
        try op.requireAccumulatingTypes(int16BiasTypes: [.int64], width: .int64)
    }

    public func prepare(_ op: OpOperands) -> DepthwiseConv2DParams {
        let input = op.input(0), filter = op.input(1), f = filter.shape
        let window = ConvWindow.make(input: input.shape, output: op.output.shape, filterHeight: f[1], filterWidth: f[2],
                                     strideH: strideH, strideW: strideW, dilationH: dilationH, dilationW: dilationW,
                                     padding: padding)
        let int16x8 = input.type == .int16 ? op.int16x8Accumulation(width: .int64, channels: f[3]) : nil
        return DepthwiseConv2DParams(window: window, inputDepth: input.shape[3], depthMultiplier: f[3] / input.shape[3],
                                     inputZeroPoint: int16x8 == nil ? op.zeroPoint(input) : 0,
                                     filter: op.int8Values(filter),
                                     bias: int16x8 == nil ? op.biasValues(channels: f[3]) : [Int32](repeating: 0, count: f[3]),
                                     output: .convolution(op, activation: activation), int16x8: int16x8)
    }
}

/// The constants of one DEPTHWISE_CONV_2D.
public struct DepthwiseConv2DParams: Sendable, Hashable {
    /// The window with TFLite's SAME / VALID padding.
    public var window: ConvWindow
    public var inputDepth: Int
    /// Output channels per input channel (from the weights' shape).
    public var depthMultiplier: Int
    /// The input zero point, subtracted from every in-bounds tap.
    public var inputZeroPoint: Int32
    /// The weights `[filterHeight][filterWidth][outputDepth]` as stored.
    public var filter: [Int8]
    /// One bias per output channel (zeros when the model has none, and for int16x8).
    public var bias: [Int32]
    public var output: OutputRequantization
    /// int16 activations: the int64 accumulator and the widened bias (nil for int8).
    public var int16x8: Int16x8Accumulation?

    /// `inputDepth * depthMultiplier`.
    public var outputDepth: Int { inputDepth * depthMultiplier }

    /// `bias[oc] - in_zp * Σ w[oc]` modulo 2^32 (see `Conv2DParams.biasWithInputZeroPointFolded`):
    /// exact when every tap of every window reads the input.
    public var biasWithInputZeroPointFolded: [Int32] {
        let channels = outputDepth, taps = filter.count / max(channels, 1)
        return (0..<channels).map { oc in
            let sum = (0..<taps).reduce(Int32(0)) { $0 &+ Int32(filter[$1 * channels + oc]) }
            return bias[oc] &- inputZeroPoint &* sum
        }
    }
}
