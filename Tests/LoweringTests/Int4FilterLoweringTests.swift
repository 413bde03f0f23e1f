import IR
import Lowering
import Scheduling
import Testing
import TestSupport

/// int4-packed filters: on every core the `*_int4` portable kernel, its filter table packed two per
/// byte (half the bytes of the int8 table), the whole filter unpacked into the call's scratch.
@Suite struct Int4FilterLoweringTests {
    /// CONV_2D 3x3 (4x3x3x3 = 108 weights), 1x1 CONV_2D (5x4 = 20), DEPTHWISE_CONV_2D 3x3 (3x3x5 = 45,
    /// odd) and FULLY_CONNECTED (7x180 = 1,260), filters in [-8, 7], `packed` marks them int4.
    static func graph(packed: Bool) -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 6, 6, 3])
        let c = b.conv(x, cout: 4, k: 3)
        let p = b.conv(c, cout: 5, k: 1)
        let d = b.depthwise(p, k: 3)
        let y = b.fullyConnected(b.op(.reshape(Reshape(newShape: [1, 180])), [d], [1, 180]), cout: 7)
        var graph = b.build(outputs: [y])
        for node in graph.nodes where node.inputs.count == 3 {
            let filter = node.inputs[1]!.index
            let count = graph.tensors[filter].shape.elementCount
            graph.tensors[filter].data = (0..<count).map { UInt8(bitPattern: Int8($0 * 5 % 16 - 8)) }
            graph.tensors[filter].packedInt4 = packed
        }
        return graph
    }

    static let filterCounts = [108, 20, 45, 1_260]

    static func lower(_ graph: Graph, _ target: String) -> KernelPlan {
        Lowering.lower(graph, schedule: Scheduling.schedule(graph), options: LoweringOptions(target: TestTargets.named(target)))
    }

    @Test(arguments: ["nucleo-l4r5zi", "corstone300", "rp2040"])
    func int4KernelsOnEveryCore(target: String) throws {
        let graph = Self.graph(packed: true)
        let plan = Self.lower(graph, target)
        #expect(Lowering.problems(in: plan, graph: graph, schedule: Scheduling.schedule(graph)).isEmpty)
        let calls = plan.calls.filter { $0.binding?.function?.symbol.hasSuffix("_int4") == true }
        #expect(calls.map { $0.binding!.function!.symbol } == ["mcuc_conv2d_s8_int4", "mcuc_conv2d_1x1_s8_int4",
                                                               "mcuc_depthwise_s8_int4", "mcuc_fully_connected_s8_int4"])
        #expect(calls.allSatisfy { $0.binding!.function!.variant == .portable })
        #expect(calls.map(\.scratchBytes) == Self.filterCounts)
        #expect(calls.allSatisfy { $0.binding!.arguments.last == .scratch })
        for (call, count) in zip(calls, Self.filterCounts) {
            let filter = try #require(call.binding!.tables.first { $0.id == .call(call.node, role: "filter") })
            #expect(filter.byteCount == (count + 1) / 2)
            guard case .int8(let bytes) = filter.values else { Issue.record("filter table is not int8"); continue }
            let source = graph[graph[call.node].inputs[1]!]
            let values = (source.data ?? []).map { Int8(bitPattern: $0) }
            // Each kernel reads these filters in the model's order: the table is the model's values, packed.
            #expect(bytes.map { UInt8(bitPattern: $0) } == Int4Packing.pack(values))
        }
    }

    /// The Flash of the weights halves: every int4 filter costs (n + 1) / 2 bytes where the same
    /// int8 filter on the same (portable) core costs n; biases and requantization are unchanged.
    @Test func flashWeightsHalve() {
        let int8 = Self.graph(packed: false), int4 = Self.graph(packed: true)
        let before = FlashEstimate.estimate(Self.lower(int8, "rp2040"), graph: int8)
        let after = FlashEstimate.estimate(Self.lower(int4, "rp2040"), graph: int4)
        let saved = Self.filterCounts.reduce(0) { $0 + $1 - ($1 + 1) / 2 }
        #expect(saved == 716)
        #expect(before.weightBytes - after.weightBytes == saved)
        #expect(before.biasBytes == after.biasBytes && before.requantizationBytes == after.requantizationBytes)
    }
}
