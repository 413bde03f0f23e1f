import IR
import Lowering
import MemoryPlanning
import Scheduling
import Testing
import TestSupport

/// A patch stage in the arena: per-patch buffers at their largest region, the stage output live
/// through the whole stage, held inputs until the stage ends, streamed inputs as patch buffers
/// (even with external I/O); every placement algorithm places them legally.
@Suite struct PatchAccountingTests {
    /// 8x8x2 -> PAD 1 -> conv 3x3 VALID -> 8x8x4 -> depthwise 3x3 s2 -> 4x4x4 -> conv 1x1 -> 4x4x8.
    static func graph() -> (Graph, pad: TensorID, conv: TensorID, dw: TensorID) {
        var b = GraphBuilder()
        let x = b.input([1, 8, 8, 2])
        let pads = b.constInt32([4, 2], [0, 0, 1, 1, 1, 1, 0, 0])
        let p = b.activation([1, 10, 10, 2], scale: 0.5, zeroPoint: -1)
        b.node(.pad(Pad()), inputs: [x, pads], output: p)
        let c = b.conv(p, cout: 4, k: 3, padding: .valid)
        let d = b.depthwise(c, k: 3, stride: 2)
        let e = b.conv(d, cout: 8, k: 1)
        return (b.build(outputs: [e]), p, c, d)
    }

    static func patchPlan(_ graph: Graph, streaming: Bool) throws -> PatchPlan {
        let split = try PatchSplits.analyze(graph).split(count: 3).get()
        return try PatchPlan.make(split: split, grid: PatchGrid.even(height: 4, width: 4, rows: 2, cols: 2)!,
                                  inputStreaming: streaming, graph: graph).get()
    }

    static func plan(_ graph: Graph, patch: PatchPlan, externalIO: Bool = false, planner: Planner?) -> (Schedule, MemoryPlan) {
        let schedule = Scheduling.schedule(graph, patch: patch)
        let kernels = Lowering.lower(graph, schedule: schedule, options: LoweringOptions(target: TestTargets.named("rp2040"), externalIO: externalIO))
        return (schedule, MemoryPlanning.plan(graph, schedule: schedule, kernels: kernels,
                                              options: PlanningOptions(planner: planner)))
    }

    @Test(arguments: Planner.allCases)
    func inputHeld(_ planner: Planner) throws {
        let (graph, pad, conv, dw) = Self.graph()
        let patch = try Self.patchPlan(graph, streaming: false)
        let (_, memory) = Self.plan(graph, patch: patch, planner: planner)
        #expect(memory.verify() == [])
        func placement(_ t: TensorID) -> TensorPlacement? { memory.tensors.first { $0.tensor == t } }
        #expect(placement(pad) == nil, "the PAD folds into the conv inside the stage too")
        #expect(placement(conv)?.bytes == patch.bufferBytes[conv] && patch.bufferBytes[conv] == 5 * 5 * 4)
        #expect(placement(conv)?.firstStep == 1 && placement(conv)?.lastStep == 2)
        #expect(placement(dw)?.bytes == 64 && placement(dw)?.firstStep == 0 && placement(dw)?.lastStep == 3)
        #expect(placement(graph.inputs[0])?.bytes == 128 && placement(graph.inputs[0])?.lastStep == 2)
        // Steps 1 and 2: input 128 + stage output 64 + conv patch 100.
        #expect(memory.lowerBound == 128 + 64 + 100)
        #expect(memory.arenaBytes >= memory.lowerBound)
    }

    @Test(arguments: Planner.allCases)
    func inputStreamedEvenWithExternalIO(_ planner: Planner) throws {
        let (graph, _, _, _) = Self.graph()
        let patch = try Self.patchPlan(graph, streaming: true)
        let input = graph.inputs[0]
        #expect(patch.bufferBytes[input] == 6 * 6 * 2)
        for external in [false, true] {
            let (_, memory) = Self.plan(graph, patch: patch, externalIO: external, planner: planner)
            #expect(memory.verify() == [])
            let placed = memory.tensors.first { $0.tensor == input }
            #expect(placed?.bytes == 72 && placed?.firstStep == 0 && placed?.lastStep == 2)
        }
    }

    @Test func noOverlapContractInsideTheStage() throws {
        let (graph, _, _, _) = Self.graph()
        let (schedule, _) = Self.plan(graph, patch: try Self.patchPlan(graph, streaming: false), planner: nil)
        let kernels = Lowering.lower(graph, schedule: schedule, options: LoweringOptions(target: TestTargets.named("rp2040")))
        for call in kernels.calls where schedule.steps[call.step].isPatch {
            #expect(call.contract.overlappedInput == nil && call.scratchBytes == 0, "step \(call.step): \(call.contract)")
        }
    }
}
