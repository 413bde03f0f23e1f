/// What AVERAGE_POOL_2D and MAX_POOL_2D share: window options, checks and constants.
protocol Pool2DDefinition: OperatorDefinition where Params == Pool2DParams {
    var padding: Padding { get }
    var strideH: Int { get }
    var strideW: Int { get }
    var filterH: Int { get }
    var filterW: Int { get }
    var activation: FusedActivation { get }
}

extension Pool2DDefinition {
    public static var inputCounts: ClosedRange<Int> { 1...1 }
    public var fusedActivation: FusedActivation? { activation }
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { [.int8, .int16] }
    public var attributeSummary: [(key: String, value: String)] {
        [("padding", "\(padding)"), ("filter", "\(filterH)x\(filterW)"), ("stride", "\(strideH)x\(strideW)"),
         ("act", "\(activation)")]
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), output = op.output
        try op.requireSameType([input, output])
        try op.requireRank(input, 4, "input")
        try op.requireRank(output, 4, "output")
        try op.requirePerTensor(input, "input")
        guard filterH >= 1, filterW >= 1 else {
            throw op.error(.malformed, "filter size \(filterH)x\(filterW) is invalid")
        }
        try op.requireWindow(filterHeight: filterH, filterWidth: filterW, strides: (strideH, strideW),
                             dilations: (1, 1), padding: padding, channels: input.shape[3])
        try op.requireSameQuant(output, as: input,
                                "\(op.node.op.name) works on raw values; input and output quantization must be equal")
    }

    public func prepare(_ op: OpOperands) -> Pool2DParams {
        let window = ConvWindow.make(input: op.input(0).shape, output: op.output.shape, filterHeight: filterH,
                                     filterWidth: filterW, strideH: strideH, strideW: strideW, padding: padding)
        return Pool2DParams(window: window, range: ActivationRange.fused(activation, output: op.output))
    }
}

/// The constants of one AVERAGE_POOL_2D or MAX_POOL_2D.
public struct Pool2DParams: Sendable, Hashable {
    /// The window with TFLite's SAME / VALID padding (dilation 1).
    public var window: ConvWindow
    /// The clamp range of the fused activation.
    public var range: ClosedRange<Int32>
}
