import IR

/// What a reference kernel sees: its node, the graph (for tensor metadata and quantization) and
/// the values of its operands (constants included; nil for omitted optional operands).
public struct OpContext: Sendable {
    public let node: Node
    public let graph: Graph
    public let inputValues: [TensorValue?]

    /// Metadata of operand `i` (precondition: present).
    public func inputTensor(_ i: Int) -> Tensor {
        guard let id = node.input(i) else { preconditionFailure("operand \(i) of \(node.id) is absent") }
        return graph[id]
    }

    /// Value of operand `i` (precondition: present).
    public func input(_ i: Int) -> TensorValue {
        guard i < inputValues.count, let value = inputValues[i] else {
            preconditionFailure("operand \(i) of \(node.id) has no value")
        }
        return value
    }

    /// Metadata of the (first) output.
    public var outputTensor: Tensor { graph[node.outputs[0]] }

    /// An error located at this node.
    public func error(_ kind: CompileError.Kind, _ message: String) -> CompileError {
        CompileError(kind, message, at: ErrorLocation(node: node.id, opName: node.op.name))
    }
}
