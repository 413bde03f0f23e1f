/// Where a user-facing error happened: the file, an operator, a tensor, or both.
public struct ErrorLocation: Sendable, Hashable, CustomStringConvertible {
    public var node: NodeID?
    public var opName: String?
    public var tensor: TensorID?
    public var tensorName: String?

    public init(node: NodeID? = nil, opName: String? = nil, tensor: TensorID? = nil, tensorName: String? = nil) {
        self.node = node
        self.opName = opName
        self.tensor = tensor
        self.tensorName = tensorName
    }

    /// `op 3 (CONV_2D), tensor 7 'conv1/weights'` (names printed escaped, on one line).
    public var description: String {
        var parts: [String] = []
        if let node {
            parts.append("op \(node.index)" + (opName.map { " (\($0))" } ?? ""))
        }
        if let tensor {
            parts.append("tensor \(tensor.index)" + (tensorName.map { " '\(DisplayText.escaped($0))'" } ?? ""))
        }
        return parts.joined(separator: ", ")
    }
}

/// A user-facing error: the model is malformed, unsupported, or does not fit. Printed as one line
/// `error: <where>: <what>` by the CLI, which maps it to exit code 1.
public struct CompileError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The file is not a well-formed TFLite model.
        case malformed
        /// The model is valid TFLite but uses something mcuc does not support.
        case unsupported
        /// The model does not fit the target.
        case doesNotFit
        /// Emitted code or a run disagreed with the reference.
        case mismatch
        /// An input file (e.g. `.npy`) is wrong.
        case badInput
        /// A tool the command needs (the Arm cross compiler, QEMU) is not installed.
        case toolMissing
    }

    public var kind: Kind
    public var location: ErrorLocation
    public var message: String

    public init(_ kind: Kind, _ message: String, at location: ErrorLocation = ErrorLocation()) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `op 3 (CONV_2D), tensor 7 'w': dilation 0 is invalid` (no `error:` prefix; single line).
    public var description: String {
        let place = location.description
        let text = DisplayText.escaped(message)
        return place.isEmpty ? text : "\(place): \(text)"
    }
}
