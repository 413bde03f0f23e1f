import IR

/// `--io int8`: removes graph-boundary conversions so the application exchanges int8.
///
/// A float32 graph input read by exactly one node, a QUANTIZE to int8, is replaced by that
/// QUANTIZE's output; a float32 graph output written by a DEQUANTIZE from int8 and read by no node
/// is replaced by the DEQUANTIZE's input. Both removals are exact: the application quantizes
/// (dequantizes) with the scale and zero point the header gives, just as the removed op did.
/// A float32 boundary tensor that does not match these shapes is an error, never left silently.
enum Int8Boundary {
    static func apply(_ graph: Graph) throws(CompileError) -> RewrittenGraph {
        var graph = graph
        var removed = Set<NodeID>(), notes: [String] = []
        let consumers = graph.consumers(), producers = graph.producers()
        for (position, input) in graph.inputs.enumerated() where graph[input].type == .float32 {
            let quantize = try inputQuantize(graph, position: position, input: input, consumers: consumers)
            let replacement = graph[quantize].outputs[0]
            graph.inputs[position] = replacement
            removed.insert(quantize)
            notes.append("removed op \(quantize.index) QUANTIZE: input \(position) is now int8 "
                + "\(Self.describe(graph[replacement]))")
        }
        for (position, output) in graph.outputs.enumerated() where graph[output].type == .float32 {
            let dequantize = try outputDequantize(graph, position: position, output: output, producers: producers,
                                                  consumers: consumers)
            let replacement = graph[dequantize].inputs[0]!
            guard !graph.outputs.contains(replacement) else {
                throw CompileError(.unsupported, "--io int8: graph output \(position) dequantizes tensor "
                    + "\(replacement.index), which is already a graph output", at: location(graph, output))
            }
            graph.outputs[position] = replacement
            removed.insert(dequantize)
            notes.append("removed op \(dequantize.index) DEQUANTIZE: output \(position) is now int8 "
                + "\(Self.describe(graph[replacement]))")
        }
        return RewrittenGraph(graph: graph.removingNodes(removed), notes: notes)
    }

    /// The QUANTIZE (float32 -> int8) that is the only reader of graph input `input`.
    static func inputQuantize(_ graph: Graph, position: Int, input: TensorID,
                              consumers: [TensorID: [NodeID]]) throws(CompileError) -> NodeID {
        let readers = consumers[input] ?? []
        let what = "--io int8: float32 graph input \(position)"
        guard readers.count == 1, case .quantize = graph[readers[0]].op else {
            throw CompileError(.unsupported, "\(what) is read by \(readers.count) ops, not by exactly one QUANTIZE",
                               at: location(graph, input))
        }
        let node = graph[readers[0]]
        guard node.inputs.count == 1, let out = node.outputs.first, graph[out].type == .int8,
              !graph.outputs.contains(input), !graph.inputs.contains(out) else {
            throw CompileError(.unsupported, "\(what) is quantized to \(graph[node.outputs[0]].type), not to int8, "
                + "or is also a graph output", at: location(graph, input))
        }
        return node.id
    }

    /// The DEQUANTIZE (int8 -> float32) writing graph output `output`, read by no node.
    static func outputDequantize(_ graph: Graph, position: Int, output: TensorID, producers: [TensorID: NodeID],
                                 consumers: [TensorID: [NodeID]]) throws(CompileError) -> NodeID {
        let what = "--io int8: float32 graph output \(position)"
        guard let producer = producers[output], case .dequantize = graph[producer].op,
              let source = graph[producer].input(0), graph[source].type == .int8 else {
            throw CompileError(.unsupported, "\(what) is not written by a DEQUANTIZE from int8", at: location(graph, output))
        }
        guard (consumers[output] ?? []).isEmpty, graph.outputs.filter({ $0 == output }).count == 1 else {
            throw CompileError(.unsupported, "\(what) is also read inside the graph", at: location(graph, output))
        }
        return producer
    }

    static func location(_ graph: Graph, _ tensor: TensorID) -> ErrorLocation {
        ErrorLocation(tensor: tensor, tensorName: graph[tensor].name)
    }

    /// `tensor 128 [1, 80, 80, 3] (scale 0.0039215689, zero point -128)`.
    static func describe(_ tensor: Tensor) -> String {
        let quant = tensor.quant.map { " (scale \($0.scale[0]), zero point \($0.zeroPoint[0]))" } ?? ""
        return "tensor \(tensor.id.index) \(tensor.shape)" + quant
    }
}
