import IR
import Testing
import TestSupport

/// Where `SupportCheck` takes int4-packed constants: the filters of CONV_2D, DEPTHWISE_CONV_2D and
/// FULLY_CONNECTED (FULLY_CONNECTED per tensor only), as TFLM; anywhere else a one-line error.
@Suite struct Int4FilterChecksTests {
    /// CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED with every filter marked int4-packed.
    static func packedGraph() -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 6, 6, 3])
        let c = b.conv(x, cout: 4, k: 3)
        let d = b.depthwise(c, k: 3)
        let y = b.fullyConnected(b.op(.reshape(Reshape(newShape: [1, 144])), [d], [1, 144]), cout: 5)
        var graph = b.build(outputs: [y])
        for node in graph.nodes where node.inputs.count == 3 { graph.tensors[node.inputs[1]!.index].packedInt4 = true }
        return graph
    }

    @Test func acceptsPackedFiltersOfConvDepthwiseAndFullyConnected() {
        let graph = Self.packedGraph()
        #expect(graph.tensors.filter(\.packedInt4).count == 3)
        #expect(SupportCheck.problems(in: graph).isEmpty)
    }

    @Test func rejectsAPackedBias() {
        var graph = Self.packedGraph()
        let bias = graph.nodes[0].inputs[2]!
        graph.tensors[bias.index].packedInt4 = true
        let problem = SupportCheck.problems(in: graph).first
        #expect(problem?.location.tensor == bias)
        #expect(problem?.description.hasPrefix("op 0 (CONV_2D)") == true, "\(problem?.description ?? "")")
        #expect(problem?.description.contains("is int4-packed; TFLM takes int4 only as the filter of") == true)
    }

    @Test func rejectsPerChannelPackedFullyConnectedFilter() {
        var graph = Self.packedGraph()
        let fc = graph.nodes.last!
        let filter = fc.inputs[1]!
        let units = graph.tensors[filter.index].shape[0]
        graph.tensors[filter.index].quant = QuantParams(scale: Array(repeating: 0.01, count: units),
                                                        zeroPoint: Array(repeating: 0, count: units), axis: 0)
        let problem = SupportCheck.problems(in: graph).first
        #expect(problem?.description.contains("FULLY_CONNECTED") == true)
        #expect(problem?.description.contains("int4-packed filter with per-channel quantization") == true)
        // The same filter unpacked (int8) is fine per channel.
        graph.tensors[filter.index].packedInt4 = false
        #expect(SupportCheck.problems(in: graph).isEmpty)
    }
}
