/// Checks the structural invariants of a `Graph` that every stage relies on.
///
/// It does not judge whether ops are supported (see `SupportCheck`), only that the graph is a
/// well-formed dataflow graph: ids match positions, operands exist, constants have exactly the
/// bytes their shape needs, every activation read has been written before (so the order is a
/// topological order and the graph is acyclic), and no tensor is written twice.
public enum GraphVerifier {
    /// Returns the first violation as a `CompileError` of kind `.malformed`, or nil.
    public static func firstViolation(in graph: Graph) -> CompileError? {
        for (i, tensor) in graph.tensors.enumerated() {
            if let error = checkTensor(tensor, position: i) { return error }
        }
        var written = Set<TensorID>()
        for (position, id) in graph.inputs.enumerated() {
            guard id.index < graph.tensors.count else {
                return CompileError(.malformed, "graph input \(position) refers to missing tensor \(id.index)")
            }
            written.insert(id)
        }
        for tensor in graph.tensors where tensor.isConstant || tensor.isVariable { written.insert(tensor.id) }
        for (position, node) in graph.nodes.enumerated() {
            if let error = checkNode(node, position: position, graph: graph, written: &written) { return error }
        }
        for (position, id) in graph.outputs.enumerated() {
            guard id.index < graph.tensors.count else {
                return CompileError(.malformed, "graph output \(position) refers to missing tensor \(id.index)")
            }
            guard written.contains(id) else {
                return CompileError(.malformed, "graph output \(position) is never written",
                                    at: ErrorLocation(tensor: id, tensorName: graph[id].name))
            }
        }
        return nil
    }

    /// Throws the first violation.
    public static func verify(_ graph: Graph) throws(CompileError) {
        if let error = firstViolation(in: graph) { throw error }
    }

    private static func checkTensor(_ tensor: Tensor, position: Int) -> CompileError? {
        let place = ErrorLocation(tensor: tensor.id, tensorName: tensor.name)
        guard tensor.id.index == position else {
            return CompileError(.malformed, "tensor id does not match its position \(position)", at: place)
        }
        guard tensor.shape.checkedElementCount != nil else {
            return CompileError(.malformed, "shape \(tensor.shape) has too many elements", at: place)
        }
        if let data = tensor.data {
            guard let bytes = tensor.byteCount else {
                return CompileError(.malformed, "constant of type \(tensor.type) has no fixed size", at: place)
            }
            guard bytes == data.count else {
                return CompileError(.malformed,
                                    "constant holds \(data.count) bytes but shape \(tensor.shape) of \(tensor.type) needs \(bytes)",
                                    at: place)
            }
        }
        if let quant = tensor.quant, let axis = quant.axis {
            guard axis >= 0, axis < tensor.shape.rank, quant.scale.count == tensor.shape[axis] else {
                return CompileError(.malformed,
                                    "per-channel quantization has \(quant.scale.count) scales for axis \(axis) of shape \(tensor.shape)",
                                    at: place)
            }
        }
        return nil
    }

    private static func checkNode(_ node: Node, position: Int, graph: Graph, written: inout Set<TensorID>) -> CompileError? {
        let place = ErrorLocation(node: node.id, opName: node.op.name)
        guard node.id.index == position else {
            return CompileError(.malformed, "node id does not match its position \(position)", at: place)
        }
        for case let input? in node.inputs {
            guard input.index < graph.tensors.count else {
                return CompileError(.malformed, "input refers to missing tensor \(input.index)", at: place)
            }
            guard written.contains(input) else {
                var at = place
                at.tensor = input
                at.tensorName = graph[input].name
                return CompileError(.malformed, "reads a tensor that no earlier op writes (graph cycle or missing producer)", at: at)
            }
        }
        for output in node.outputs {
            guard output.index < graph.tensors.count else {
                return CompileError(.malformed, "output refers to missing tensor \(output.index)", at: place)
            }
            var at = place
            at.tensor = output
            at.tensorName = graph[output].name
            guard !graph[output].isConstant else {
                return CompileError(.malformed, "writes a constant tensor", at: at)
            }
            guard !written.contains(output) || graph[output].isVariable else {
                return CompileError(.malformed, "writes a tensor that is already written", at: at)
            }
            written.insert(output)
        }
        return nil
    }
}
