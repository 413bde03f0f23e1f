import IR
import Testing

@Suite struct GraphVerifierTests {
    @Test func acceptsWellFormedGraph() {
        #expect(GraphVerifier.firstViolation(in: GraphFixtures.reluAdd()) == nil)
    }

    @Test func rejectsReadBeforeWrite() {
        var graph = GraphFixtures.reluAdd()
        graph.nodes.swapAt(0, 1)
        graph.nodes[0].id = NodeID(0)
        graph.nodes[1].id = NodeID(1)
        let error = GraphVerifier.firstViolation(in: graph)
        #expect(error?.location.node == NodeID(0))
        #expect(error?.message.contains("no earlier op writes") == true)
    }

    @Test func rejectsDoubleWrite() {
        var graph = GraphFixtures.reluAdd()
        graph.nodes[1].outputs = [TensorID(1)]
        graph.outputs = [TensorID(1)]
        #expect(GraphVerifier.firstViolation(in: graph)?.message.contains("already written") == true)
    }

    @Test func rejectsConstantWithWrongByteCount() {
        var graph = GraphFixtures.reluAdd()
        graph.tensors.append(Tensor(id: TensorID(3), name: "w", type: .int32, shape: Shape([2]), data: [1, 2, 3]))
        #expect(GraphVerifier.firstViolation(in: graph)?.location.tensor == TensorID(3))
    }

    @Test func rejectsUnwrittenOutput() {
        var graph = GraphFixtures.reluAdd()
        graph.tensors.append(GraphFixtures.int8(3, [1]))
        graph.outputs.append(TensorID(3))
        #expect(GraphVerifier.firstViolation(in: graph)?.message.contains("never written") == true)
    }
}
