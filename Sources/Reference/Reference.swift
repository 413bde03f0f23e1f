import IR

/// The reference interpreter: a slow, obviously-correct Swift implementation of every supported
/// op with TensorFlow Lite Micro's reference-kernel semantics, bit for bit. It is the oracle the
/// emitted C is compared against.
public enum Reference {
    /// Runs `graph` on `inputs` (one value per graph input, in order) and returns the value of
    /// every tensor it computed, graph inputs included. Throws if the graph is unsupported or the
    /// inputs do not match the graph's input types and shapes.
    public static func run(_ graph: Graph, inputs: [TensorValue]) throws(CompileError) -> [TensorID: TensorValue] {
        try SupportCheck.verify(graph)
        guard inputs.count == graph.inputs.count else {
            throw CompileError(.badInput, "the model has \(graph.inputs.count) inputs but \(inputs.count) were given")
        }
        var values: [TensorID: TensorValue] = [:]
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
            let outputs = try evaluateAll(context)
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
