/// A TFLite fused activation function (`ActivationFunctionType`).
public enum FusedActivation: Sendable, Hashable, CustomStringConvertible {
    case none, relu, reluN1To1, relu6, tanh, signBit
    /// An ordinal TFLite does not define; rejected by every supported op.
    case other(Int32)

    /// Maps the schema ordinal.
    public init(tfliteOrdinal: Int32) {
        switch tfliteOrdinal {
        case 0: self = .none
        case 1: self = .relu
        case 2: self = .reluN1To1
        case 3: self = .relu6
        case 4: self = .tanh
        case 5: self = .signBit
        default: self = .other(tfliteOrdinal)
        }
    }

    /// True for the activations an int8 kernel can apply as a clamp (NONE, RELU, RELU_N1_TO_1, RELU6).
    public var isClamp: Bool {
        switch self {
        case .none, .relu, .reluN1To1, .relu6: true
        default: false
        }
    }

    /// Schema name (`RELU6`).
    public var description: String {
        switch self {
        case .none: "NONE"
        case .relu: "RELU"
        case .reluN1To1: "RELU_N1_TO_1"
        case .relu6: "RELU6"
        case .tanh: "TANH"
        case .signBit: "SIGN_BIT"
        case .other(let v): "ACTIVATION_\(v)"
        }
    }
}

/// Convolution and pooling padding mode.
public enum Padding: Sendable, Hashable, CustomStringConvertible {
    case same, valid

    /// Maps the schema ordinal (0 SAME, 1 VALID); nil for anything else.
    public init?(tfliteOrdinal: Int32) {
        switch tfliteOrdinal {
        case 0: self = .same
        case 1: self = .valid
        default: return nil
        }
    }

    public var description: String { self == .same ? "SAME" : "VALID" }
}
