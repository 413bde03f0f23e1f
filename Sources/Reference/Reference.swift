import IR

/// The reference interpreter: a slow, obviously-correct Swift implementation of every supported
/// op with TensorFlow Lite Micro's reference-kernel semantics, bit for bit. It is the oracle the
/// emitted C is compared against.
public enum Reference {
    /// Runs `graph` on `inputs` (one value per graph input, in order) and returns the value of
    /// every tensor it computed, graph inputs included, and of every variable tensor after the
    /// invoke. The variable tensors start from `state` (the previous invoke's `state(of:in:)`), or
    /// from `resetState(of:)` when nil. Throws if the graph is unsupported or the inputs do not
    /// match the graph's input types and shapes.
    public static func run(_ graph: Graph, inputs: [TensorValue],
                           state: [TensorID: TensorValue]? = nil) throws(CompileError) -> [TensorID: TensorValue] {
        try SupportCheck.verify(graph)
        guard inputs.count == graph.inputs.count else {
            throw CompileError(.badInput, "the model has \(graph.inputs.count) inputs but \(inputs.count) were given")
        }
        var values = state ?? resetState(of: graph)
        for (position, (id, value)) in zip(graph.inputs, inputs).enumerated() {
            let tensor = graph[id]
            guard value.type == tensor.type, value.shape == tensor.shape else {
                throw CompileError(.badInput,
                                   "input \(position) is \(value.type)\(value.shape) but the model expects \(tensor.type)\(tensor.shape)",
                                   at: ErrorLocation(tensor: id, tensorName: tensor.name))
            }
            values[id] = value
        }
        for node in graph.nodes {
            let operands = node.inputs.map { id in id.flatMap { values[$0] ?? TensorValue(constant: graph[$0]) } }
            let context = OpContext(node: node, graph: graph, inputValues: operands)
            let (outputs, written) = try evaluateNode(context)
            values.merge(written) { $1 }
            precondition(outputs.count == node.outputs.count, "\(node.id) \(node.op.name) produced \(outputs.count) outputs")
            for (id, output) in zip(node.outputs, outputs) {
                let tensor = graph[id]
                precondition(output.shape == tensor.shape && output.type == tensor.type,
                             "\(node.id) \(node.op.name) produced \(output.type)\(output.shape), expected \(tensor.type)\(tensor.shape)")
                values[id] = output
            }
        }
        return values
    }

    /// The variable tensors as TFLM's `reset()` leaves them: an int8 tensor holds its zero point,
    /// any other type 0 (a byte fill, as `MicroInterpreter::Reset` does).
    public static func resetState(of graph: Graph) -> [TensorID: TensorValue] {
        var state: [TensorID: TensorValue] = [:]
        for tensor in graph.tensors where tensor.isVariable {
            let fill = tensor.type == .int8 ? UInt8(bitPattern: Int8(truncatingIfNeeded: tensor.quant?.zeroPoint.first ?? 0)) : 0
            guard let bytes = tensor.byteCount, let value = TensorValue(type: tensor.type, shape: tensor.shape,
                                                                        bytes: [UInt8](repeating: fill, count: bytes))
            else { continue }
            state[tensor.id] = value
        }
        return state
    }

    /// The variable tensors' values in `run`'s result: the state the next invoke starts from.
    public static func state(of graph: Graph, in values: [TensorID: TensorValue]) -> [TensorID: TensorValue] {
        values.filter { graph[$0.key].isVariable }
    }

    /// The graph outputs from `run`'s result, in order.
    public static func outputs(of graph: Graph, in values: [TensorID: TensorValue]) -> [TensorValue] {
        graph.outputs.map { id in
            guard let value = values[id] ?? TensorValue(constant: graph[id]) else {
                preconditionFailure("output \(id) was not computed")
            }
            return value
        }
    }
}
