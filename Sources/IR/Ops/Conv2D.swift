/// CONV_2D, int8 (TFLM `reference_integer_ops::ConvPerChannel`): operands (input, filter, bias?).
///
/// For every output pixel and channel `oc`: `acc = bias[oc] + Σ w[oc, ky, kx, ic] *
/// (x[iy, ix, g * FC + ic] - in_zp)` over the in-bounds taps (padding taps are skipped), then
/// `MBQM(acc, M[oc], s[oc]) + out_zp`, clamped to the fused activation's range. Grouped: with
/// input depth `C` and filter depth `FC` there are `C / FC` groups, and output channel `oc` reads
/// the input channels of group `oc / (OC / groups)`. Weight zero points are 0.
public struct Conv2D: OperatorDefinition {
    public var padding: Padding
    public var strideH: Int, strideW: Int
    public var dilationH: Int, dilationW: Int
    public var activation: FusedActivation

    public init(padding: Padding, strideH: Int, strideW: Int, dilationH: Int, dilationW: Int,
                activation: FusedActivation) {
        self.padding = padding
        self.strideH = strideH
        self.strideW = strideW
        self.dilationH = dilationH
        self.dilationW = dilationW
        self.activation = activation
    }

    public static let name = "CONV_2D"
    public static let support = OperatorSupport(types: "int8, int32 bias, int8 or int4-packed weights", options: "any kernel, stride, dilation, padding and groups; per-tensor or per-channel weights; fused clamps")
    public static let inputCounts = 2...3

    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(2) ? [.int32] : [.int8] }
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
    }

    public func prepare(_ op: OpOperands) -> Conv2DParams {
        let input = op.input(0), filter = op.input(1), f = filter.shape
        let window = ConvWindow.make(input: input.shape, output: op.output.shape, filterHeight: f[1], filterWidth: f[2],
                                     strideH: strideH, strideW: strideW, dilationH: dilationH, dilationW: dilationW,
                                     padding: padding)
        return Conv2DParams(window: window, inputDepth: input.shape[3], outputDepth: f[0], filterDepth: f[3],
                            inputZeroPoint: op.zeroPoint(input), filter: op.int8Values(filter),
                            bias: op.biasValues(channels: f[0]),
                            output: .convolution(op, activation: activation))
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
    /// One bias per output channel (zeros when the model has none).
    public var bias: [Int32]
    public var output: OutputRequantization

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
