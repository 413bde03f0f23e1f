import Driver
import IR
import Reference
import Simulator
import Testing
import TestSupport

/// `--io int8` on the shared model with float I/O (`te_mcunet_vww`): the rewritten graph computes
/// exactly the original's int8 core, its emitted C is bit-exact, and the float input is no longer
/// held in the arena.
@Suite(.enabled(if: SharedModels.available && HostTesting.hasGCC, "../shared/models or gcc not found"))
struct Int8IOSimulationTests {
    static let name = "te_mcunet_vww.tflite"

    @Test func theRewrittenGraphComputesTheOriginalsInt8Core() throws {
        let original = try HostTesting.load(SharedModels.path(Self.name))
        let rewritten = try Pipeline.rewrite(original, options: PipelineOptions(io: .int8)).graph
        #expect(original.inputs.map { original[$0].type } == [.float32])
        #expect(rewritten.inputs.map { rewritten[$0].type } == [.int8])
        #expect(rewritten.outputs.map { rewritten[$0].type } == [.int8])
        #expect(rewritten.nodes.count == original.nodes.count - 2)
        let floatInputs = RandomInputs.sets(for: original, count: 1, seed: 7)[0]
        let full = try Reference.run(original, inputs: floatInputs)
        let core = try Reference.run(rewritten, inputs: rewritten.inputs.map { full[$0]! })
        for (id, value) in core { #expect(full[id] == value, "tensor \(id) differs") }
        #expect(Reference.outputs(of: rewritten, in: core) == rewritten.outputs.map { full[$0]! })
    }

    @Test func emittedCIsExactAndTheFloatInputIsGone() throws {
        let path = SharedModels.path(Self.name)
        let graph = try HostTesting.load(path)
        let report = try HostTesting.simulate(graph, path: path, runtime: try HostTesting.runtime("gcc"),
                                              pipeline: PipelineOptions(io: .int8))
        HostTesting.expectExactAndInsideArena(report, "\(Self.name) --io int8")
        func inputBytes(_ planned: PlannedModel) -> Int? {
            planned.memory.tensors.first { $0.tensor == planned.graph.inputs[0] }?.bytes
        }
        #expect(inputBytes(try Pipeline.plan(graph)) == 80 * 80 * 3 * 4)
        #expect(inputBytes(try Pipeline.plan(graph, options: PipelineOptions(io: .int8))) == 80 * 80 * 3)
    }
}
