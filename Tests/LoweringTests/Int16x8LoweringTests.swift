import IR
import Lowering
import Scheduling
import Testing
import TestSupport

/// The int16x8 calls (`Int16x8Kernels.swift`): the portable `mcuc_linear_s16` kernel on every
/// core (never an int8 DSP or Helium kernel), an int64 bias table, no scratch, `separate`.
@Suite struct Int16x8LoweringTests {
    static let cases: [(Graph, String, Int32)] = [
        (Int16x8Graphs.conv(), "mcuc_conv2d_s16", 1),
        (Int16x8Graphs.conv(bias: (.int32, [1, 2, 3])), "mcuc_conv2d_s16", 0),
        (Int16x8Graphs.depthwise(), "mcuc_depthwise_s16", 1),
        (Int16x8Graphs.fullyConnected(), "mcuc_fully_connected_s16", 0),
        (Int16x8Graphs.fullyConnected(bias: nil), "mcuc_fully_connected_s16", 1),
        (Int16x8Graphs.transposeConv(), "mcuc_transpose_conv_s16", 1),
    ]

    @Test(arguments: ["rp2040", "nucleo-l4r5zi", "corstone300"])
    func portableKernelOnEveryCore(target: String) throws {
        for (graph, symbol, acc64) in Self.cases {
            let schedule = Scheduling.schedule(graph)
            let plan = Lowering.lower(graph, schedule: schedule, options: LoweringOptions(target: TestTargets.named(target)))
            #expect(Lowering.problems(in: plan, graph: graph, schedule: schedule).isEmpty)
            let call = try #require(plan.calls.first)
            let function = try #require(call.binding?.function)
            #expect(function == .portable(.linearS16, symbol), "\(target): \(function)")
            #expect(call.scratchBytes == 0)
            #expect(call.contract == .separate)
            let bias = try #require(call.binding?.tables.first { $0.id == .call(call.node, role: "bias") })
            let channels = graph[graph.outputs[0]].shape[-1]
            #expect(bias.values == .int64(Int16x8Graphs.bias(of: graph)))
            #expect(bias.byteCount == 8 * channels)
            let field = call.binding?.params?.cFields.first { $0.name == "acc64" }?.value
            #expect(field == .int32(acc64), "\(symbol) acc64")
        }
    }
}
