/// An operator with its typed attributes. The exhaustive `switch` over this enum is the op
/// registry: adding an op touches one file per stage.
///
/// Operands are positional, as in TFLite: e.g. CONV_2D takes (input, filter, bias?).
public enum Op: Sendable, Hashable {
    case conv2d(Conv2DAttrs)
    case depthwiseConv2d(DepthwiseConv2DAttrs)
    case fullyConnected(FullyConnectedAttrs)
    case add(ElementwiseAttrs)
    case sub(ElementwiseAttrs)
    case mul(ElementwiseAttrs)
    case averagePool2d(Pool2DAttrs)
    case maxPool2d(Pool2DAttrs)
    case mean(ReducerAttrs)
    case pad
    case padV2
    case reshape(ReshapeAttrs)
    case squeeze(SqueezeAttrs)
    case softmax(SoftmaxAttrs)
    case concatenation(ConcatenationAttrs)
    case logistic
    case tanh
    case hardSwish
    case relu
    case relu6
    case leakyRelu(LeakyReluAttrs)
    case quantize
    case dequantize
    case resizeNearestNeighbor(ResizeAttrs)
    case transpose
    case stridedSlice(StridedSliceAttrs)
    /// Any other operator: imported so it can be shown, rejected before planning.
    case unsupported(UnsupportedOpInfo)

    /// The TFLite builtin name (`CONV_2D`), as `op_counts` and error messages print it.
    public var name: String {
        switch self {
        case .conv2d: "CONV_2D"
        case .depthwiseConv2d: "DEPTHWISE_CONV_2D"
        case .fullyConnected: "FULLY_CONNECTED"
        case .add: "ADD"
        case .sub: "SUB"
        case .mul: "MUL"
        case .averagePool2d: "AVERAGE_POOL_2D"
        case .maxPool2d: "MAX_POOL_2D"
        case .mean: "MEAN"
        case .pad: "PAD"
        case .padV2: "PADV2"
        case .reshape: "RESHAPE"
        case .squeeze: "SQUEEZE"
        case .softmax: "SOFTMAX"
        case .concatenation: "CONCATENATION"
        case .logistic: "LOGISTIC"
        case .tanh: "TANH"
        case .hardSwish: "HARD_SWISH"
        case .relu: "RELU"
        case .relu6: "RELU6"
        case .leakyRelu: "LEAKY_RELU"
        case .quantize: "QUANTIZE"
        case .dequantize: "DEQUANTIZE"
        case .resizeNearestNeighbor: "RESIZE_NEAREST_NEIGHBOR"
        case .transpose: "TRANSPOSE"
        case .stridedSlice: "STRIDED_SLICE"
        case .unsupported(let info): info.name
        }
    }

    /// True for every op except `.unsupported`.
    public var isSupported: Bool {
        if case .unsupported = self { return false }
        return true
    }

    /// The fused activation, for ops that carry one.
    public var fusedActivation: FusedActivation? {
        switch self {
        case .conv2d(let a): a.activation
        case .depthwiseConv2d(let a): a.activation
        case .fullyConnected(let a): a.activation
        case .add(let a), .sub(let a), .mul(let a): a.activation
        case .averagePool2d(let a), .maxPool2d(let a): a.activation
        case .concatenation(let a): a.activation
        default: nil
        }
    }
}
