/// One node in its graph, as an operator definition sees it: operand metadata, quantization and
/// constant values, and errors located at the node and the tensor at fault.
public struct OpOperands: Sendable {
    public let node: Node
    public let graph: Graph
    let place: ErrorLocation

    /// The operands of `node` in `graph`.
    public init(node: Node, graph: Graph) {
        self.node = node
        self.graph = graph
        place = ErrorLocation(node: node.id, opName: node.op.name)
    }

    /// Operand `i` (present: required operands were checked by `SupportCheck`).
    func input(_ i: Int) -> Tensor {
        guard let id = node.input(i) else { preconditionFailure("operand \(i) is absent") }
        return graph[id]
    }

    /// Operand `i`, or nil when omitted.
    func optionalInput(_ i: Int) -> Tensor? { node.input(i).map { graph[$0] } }

    /// The (first) output.
    var output: Tensor { graph[node.outputs[0]] }

    /// Per-tensor quantization of an int8 tensor (checked present by `SupportCheck`).
    func quant(_ tensor: Tensor) -> QuantParams {
        guard let q = tensor.quant else { preconditionFailure("\(tensor.id) is not quantized") }
        return q
    }

    /// The single scale of an int8 tensor.
    func scale(_ tensor: Tensor) -> Float { quant(tensor).scale[0] }

    /// The single zero point of an int8 tensor.
    func zeroPoint(_ tensor: Tensor) -> Int32 { quant(tensor).zeroPoint[0] }

    /// The int32 elements of a constant (type and constness checked before; empty otherwise).
    func int32Values(_ tensor: Tensor) -> [Int32] {
        guard let value = TensorValue(constant: tensor), case .int32(let v) = value.storage else { return [] }
        return v
    }

    /// The int8 elements of a constant (type and constness checked before; empty otherwise).
    func int8Values(_ tensor: Tensor) -> [Int8] {
        (tensor.data ?? []).map { Int8(bitPattern: $0) }
    }

    /// An error located at this node and, when given, at `tensor`.
    func error(_ kind: CompileError.Kind, _ message: String, _ tensor: Tensor? = nil) -> CompileError {
        var at = place
        if let tensor {
            at.tensor = tensor.id
            at.tensorName = tensor.name
        }
        return CompileError(kind, message, at: at)
    }
}
