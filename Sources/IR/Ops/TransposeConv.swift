/// TRANSPOSE_CONV, int8 (TFLM `reference_integer_ops::TransposeConv`): operands (output shape
/// `[4]` int32, filter `[O, KH, KW, I]`, input, bias?).
///
/// Every input pixel scatters into the output: input pixel `(iy, ix)` and tap `(ky, kx)` add
/// `(x[iy, ix, ic] - in_zp) * w[oc, ky, kx, ic]` to output pixel `(iy * sH - padTop + ky, ix * sW -
/// padLeft + kx)` when it lies inside the output (wrapping int32 sums). Then `acc + bias[oc]`,
/// `MBQM(acc, M[oc], s[oc]) + out_zp`, clamped to the fused activation's range. The padding is
/// TFLM's: computed as if the output were the input of a convolution with the same filter,
/// strides and padding mode (`ConvGeometry` over the output size, dilation 1). mcuc requires
/// that convolution to map the output size back to the input size (TFLM does not check; every
/// converter-made model satisfies it).
/// Weight zero points are 0; per-channel multipliers as CONV_2D.
///
/// int16x8 (int16 input and output, `Int16x8Accumulation`): the same scatter of `x * w` (no
/// offsets) into an int64 accumulator, an int64 or int16 bias (TFLM widens an int16 one) or
/// none, `MBQM64`.
public struct TransposeConv: OperatorDefinition {
    public var padding: Padding
    public var strideH: Int, strideW: Int
    public var activation: FusedActivation

    public init(padding: Padding, strideH: Int, strideW: Int, activation: FusedActivation) {
        self.padding = padding
        self.strideH = strideH
        self.strideW = strideW
        self.activation = activation
    }

    public static let name = "TRANSPOSE_CONV"
    public static let support = OperatorSupport(
        types: "int8, int32 bias; int16x8: int16 in/out (zero point 0), int8 weights, int64 or int16 bias; int32 output shape",
        options: "any kernel and stride, SAME or VALID, with or without bias; per-tensor or per-channel weights; fused clamps; "
            + "no scratch; int16x8: int64 accumulator")
    public static let inputCounts = 3...4
    /// Operand positions: TFLite puts the output shape first and the data input third.
    public static let inputPosition = 2, biasPosition = 3

    public func allowedTypes(_ role: OperandRole) -> Set<DataType> {
        switch role {
        case .input(0): [.int32]
        case .input(1): [.int8]
        case .input(Self.biasPosition): [.int32, .int16, .int64]
        default: [.int8, .int16]
        }
    }
    public var fusedActivation: FusedActivation? { activation }
    public var attributeSummary: [(key: String, value: String)] {
        [("padding", "\(padding)"), ("stride", "\(strideH)x\(strideW)"), ("act", "\(activation)")]
    }

    /// One per weight tap per input element (the scatter TFLM runs, taps outside the output included).
    public func macs(_ op: OpOperands) -> Int {
        guard let f = op.optionalInput(1)?.shape, f.rank == 4, let x = op.optionalInput(Self.inputPosition) else { return 0 }
        return saturatingProduct([x.shape.checkedElementCount ?? Int.max, f[0], f[1], f[2]])
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(Self.inputPosition), filter = op.input(1), output = op.output
        try op.requireRank(input, 4, "input")
        try op.requireRank(filter, 4, "filter")
        try op.requireRank(output, 4, "output")
        try op.requirePerTensor(input, "input")
        try op.requireConstant(filter, "filter")
        let f = filter.shape, x = input.shape, y = output.shape
        guard strideH >= 1, strideW >= 1 else {
            throw op.error(.malformed, "stride \(strideH)x\(strideW) is invalid")
        }
        guard f.dims.allSatisfy({ $0 >= 1 }) else {
            throw op.error(.malformed, "filter has shape \(f) with an empty dimension", filter)
        }
        guard f[3] == x[3] else {
            throw op.error(.malformed, "filter reads \(f[3]) input channels but the input has \(x[3])", filter)
        }
        guard y[0] == x[0], y[3] == f[0], y[1] >= 1, y[2] >= 1 else {
            throw op.error(.malformed, "output has shape \(y); \(f[0]) filters over \(x) give [\(x[0]), H, W, \(f[0])]",
                           output)
        }
        for (axis, k, s) in [(1, f[1], strideH), (2, f[2], strideW)] {
            let size = ConvGeometry(inputSize: y[axis], filterSize: k, stride: s, padding: padding).outputSize
            guard size == x[axis] else {
                throw op.error(.unsupported, "input has \(x[axis]) \(axis == 1 ? "rows" : "columns"); a \(padding) "
                               + "convolution with this filter and stride maps the output's \(y[axis]) to \(size), "
                               + "so this is not its transpose", input)
            }
        }
        let shape = try op.constantVector(op.input(0), "output shape", count: 4)
        guard shape.map(Int.init) == y.dims else {
            throw op.error(.malformed, "output shape operand \(shape) differs from the output tensor's \(y)", op.input(0))
        }
        try op.requireWeights(channels: f[0], axis: 0, allowZeroPoint: false)
        try op.requireBias(channels: f[0], position: Self.biasPosition)
        try op.requireChannelRescales(channels: f[0], inputPosition: Self.inputPosition)
        try op.requireAccumulatingTypes(inputPosition: Self.inputPosition, biasPosition: Self.biasPosition,
                                        int16BiasTypes: [.int16, .int64], width: .int64)
    }

    public func prepare(_ op: OpOperands) -> TransposeConvParams {
        let input = op.input(Self.inputPosition), filter = op.input(1), f = filter.shape, y = op.output.shape
        func padBefore(_ outSize: Int, _ k: Int, _ s: Int) -> Int {
            ConvGeometry(inputSize: outSize, filterSize: k, stride: s, padding: padding).paddingBefore
        }
        let int16x8 = input.type == .int16
            ? op.int16x8Accumulation(width: .int64, channels: f[0], biasPosition: Self.biasPosition) : nil
        return TransposeConvParams(
            filterHeight: f[1], filterWidth: f[2], strideH: strideH, strideW: strideW,
            padTop: padBefore(y[1], f[1], strideH), padLeft: padBefore(y[2], f[2], strideW),
            inputZeroPoint: int16x8 == nil ? op.zeroPoint(input) : 0, filter: op.int8Values(filter),
            bias: int16x8 == nil ? op.biasValues(channels: f[0], position: Self.biasPosition)
                : [Int32](repeating: 0, count: f[0]),
            output: .convolution(op, activation: activation, inputPosition: Self.inputPosition), int16x8: int16x8)
    }
}

/// The constants of one TRANSPOSE_CONV.
public struct TransposeConvParams: Sendable, Hashable {
    public var filterHeight: Int, filterWidth: Int
    public var strideH: Int, strideW: Int
    /// TFLM's padding: input pixel `(iy, ix)`, tap `(ky, kx)` lands on output pixel
    /// `(iy * strideH - padTop + ky, ix * strideW - padLeft + kx)`.
    public var padTop: Int, padLeft: Int
    /// The input zero point, subtracted from every input value.
    public var inputZeroPoint: Int32
    /// The weights `[O][KH][KW][I]` as stored.
    public var filter: [Int8]
    /// One bias per output channel (zeros when the model has none, and for int16x8).
    public var bias: [Int32]
    public var output: OutputRequantization
    /// int16 activations: the int64 accumulator and the widened bias (nil for int8).
    public var int16x8: Int16x8Accumulation?
}
