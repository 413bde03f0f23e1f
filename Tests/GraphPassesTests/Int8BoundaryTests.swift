import GraphPasses
import IR
import Testing
import TestSupport

/// `--io int8`: boundary QUANTIZE / DEQUANTIZE removal, its refusals, and the graph it leaves.
@Suite struct Int8BoundaryTests {
    /// float32 input -> QUANTIZE -> RELU -> DEQUANTIZE -> float32 output.
    static func floatBoundaryGraph() -> (graph: Graph, quantized: TensorID, relu: TensorID) {
        var b = GraphBuilder()
        let x = b.float32([1, 4, 4, 2])
        b.inputs = [x]
        let q = b.op(.quantize(Quantize()), [x], [1, 4, 4, 2])
        let r = b.op(.relu(Relu()), [q], [1, 4, 4, 2])
        let y = b.float32([1, 4, 4, 2])
        b.node(.dequantize(Dequantize()), inputs: [r], output: y)
        return (b.build(outputs: [y]), q, r)
    }

    @Test func removesBothBoundaryConversions() throws {
        let (graph, quantized, relu) = Self.floatBoundaryGraph()
        let result = try GraphPasses.run(graph, options: GraphPassOptions(io: .int8))
        #expect(result.graph.inputs == [quantized] && result.graph.outputs == [relu])
        #expect(result.graph.nodes.map(\.op) == [.relu(Relu())])
        #expect(result.graph.nodes.map(\.id) == [NodeID(0)])
        #expect(result.graph.tensors == graph.tensors)
        #expect(GraphVerifier.firstViolation(in: result.graph) == nil)
        #expect(result.notes == [
            "removed op 0 QUANTIZE: input 0 is now int8 tensor 1 [1, 4, 4, 2] (scale 0.5, zero point -1)",
            "removed op 2 DEQUANTIZE: output 0 is now int8 tensor 2 [1, 4, 4, 2] (scale 0.5, zero point -1)",
        ])
    }

    @Test func modelModeAndInt8ModelsAreUntouched() throws {
        let (graph, _, _) = Self.floatBoundaryGraph()
        #expect(try GraphPasses.run(graph, options: GraphPassOptions(io: .model)) == RewrittenGraph(graph: graph, notes: []))
        var b = GraphBuilder()
        let x = b.input([1, 4])
        _ = b.op(.relu(Relu()), [x], [1, 4])
        let int8Graph = b.build()
        #expect(try GraphPasses.run(int8Graph, options: GraphPassOptions(io: .int8)).graph == int8Graph)
    }

    @Test func refusesAFloatInputReadByMoreThanOneQuantize() {
        var b = GraphBuilder()
        let x = b.float32([1, 4])
        b.inputs = [x]
        let q1 = b.op(.quantize(Quantize()), [x], [1, 4])
        let q2 = b.op(.quantize(Quantize()), [x], [1, 4])
        let graph = b.build(outputs: [q1, q2])
        #expect(throws: CompileError(.unsupported, "--io int8: float32 graph input 0 is read by 2 ops, not by exactly one QUANTIZE",
                                     at: ErrorLocation(tensor: x, tensorName: "t0"))) {
            try GraphPasses.run(graph, options: GraphPassOptions(io: .int8))
        }
    }

    @Test func refusesAFloatOutputNotWrittenByADequantize() {
        var b = GraphBuilder()
        let x = b.float32([1, 4])
        b.inputs = [x]
        let q = b.op(.quantize(Quantize()), [x], [1, 4])
        let y = b.float32([1, 4])
        b.node(.dequantize(Dequantize()), inputs: [q], output: y)
        let graph = b.build(outputs: [y, x])
        #expect(throws: CompileError.self) { try GraphPasses.run(graph, options: GraphPassOptions(io: .int8)) }
    }

    @Test func refusesAFloatOutputAlsoReadInside() {
        var b = GraphBuilder()
        let x = b.input([1, 4])
        let y = b.float32([1, 4])
        b.node(.dequantize(Dequantize()), inputs: [x], output: y)
        let z = b.op(.quantize(Quantize()), [y], [1, 4])
        let graph = b.build(outputs: [y, z])
        #expect(throws: CompileError(.unsupported, "--io int8: float32 graph output 0 is also read inside the graph",
                                     at: ErrorLocation(tensor: y, tensorName: "t1"))) {
            try GraphPasses.run(graph, options: GraphPassOptions(io: .int8))
        }
    }
}
