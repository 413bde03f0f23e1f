import IR
import Lowering
import MemoryPlanning
import Scheduling
import Testing
import TestSupport

/// Requests, views, lifetimes and bounds built from small graphs, lowered for an M0+ board: the
/// hand-computed sizes assume the portable kernels (the DSP variants declare GEMM scratch).
@Suite struct PlanFromGraphTests {
    static func plan(_ graph: Graph, options: LoweringOptions = LoweringOptions(target: TestTargets.named("rp2040")), planner: Planner? = nil) -> MemoryPlan {
        let schedule = Scheduling.schedule(graph)
        let kernels = Lowering.lower(graph, schedule: schedule, options: options)
        return MemoryPlanning.plan(graph, schedule: schedule, kernels: kernels, options: PlanningOptions(planner: planner))
    }

    /// input [1,4,4,8] -> 1x1 conv to 16 channels -> relu (in place) -> output.
    static func widening() -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 4, 4, 8])
        let y = b.conv(x, cout: 16, k: 1)
        let z = b.op(.relu(Relu()), [y], [1, 4, 4, 16])
        return b.build(outputs: [z])
    }

    @Test func streamingAndInPlaceContractsReachTheBound() {
        let plan = Self.plan(Self.widening())
        #expect(plan.verify() == [])
        // Step 0: 256 output bytes with the 128 input bytes from byte 16 + 8*15 = 136: 264.
        #expect(plan.lowerBound == 264)
        #expect(plan.arenaBytes == 264)
        #expect(plan.livenessBound == 256 + 256)
        #expect(plan.offset(of: TensorID(0))! - plan.offset(of: TensorID(3))! >= 136)
        #expect(plan.offset(of: TensorID(4)) == plan.offset(of: TensorID(3)))
    }

    @Test func withoutSharingEveryLiveTensorIsDisjoint() {
        let plan = Self.plan(Self.widening(), options: LoweringOptions(target: TestTargets.named("rp2040"), sharing: false))
        #expect(plan.verify() == [])
        #expect(plan.arenaBytes == 128 + 256 + 256 - 128)
        #expect(plan.requests.allSatisfy { $0.mayShareWith == nil })
    }

    @Test func externalIOLeavesGraphInputsAndOutputsOut() {
        let plan = Self.plan(Self.widening(), options: LoweringOptions(target: TestTargets.named("rp2040"), externalIO: true))
        #expect(plan.verify() == [])
        #expect(plan.tensors.map(\.tensor) == [TensorID(3)])
        #expect(plan.arenaBytes == 256)
        #expect(plan.livenessBound == 256)
    }

    @Test func reshapeViewSharesBytesAndExtendsTheLifetime() {
        var b = GraphBuilder()
        let x = b.input([1, 2, 2, 4])
        let y = b.op(.relu(Relu()), [x], [1, 2, 2, 4])
        let r = b.op(.reshape(Reshape(newShape: [1, 16])), [y], [1, 16])
        let z = b.fullyConnected(r, cout: 4)
        let plan = Self.plan(b.build(outputs: [z]))
        #expect(plan.verify() == [])
        #expect(plan.offset(of: r) == plan.offset(of: y))
        let request = plan.requests.first { $0.tensor == y }!
        #expect(request.firstStep == 0 && request.lastStep == 2)
        #expect(plan.tensors.first { $0.tensor == r }?.viewOf == y)
    }

    /// A kernel may overwrite a RESHAPE view of its input: the contract applies to the base bytes.
    @Test func contractsReachThroughReshapeViews() {
        var b = GraphBuilder()
        let x = b.input([1, 2, 2, 4])
        let y = b.op(.relu(Relu()), [x], [1, 2, 2, 4])
        let r = b.op(.reshape(Reshape(newShape: [1, 16])), [y], [1, 16])
        let z = b.op(.relu6(Relu6()), [r], [1, 16])
        let plan = Self.plan(b.build(outputs: [z]))
        #expect(plan.verify() == [])
        #expect(plan.requests.first { $0.tensor == z }?.mayShareWith != nil)
        #expect(plan.arenaBytes == 16)
    }

    @Test func concatenationSlicesLiveInsideTheOutput() {
        var b = GraphBuilder()
        let x = b.input([1, 6])
        let p = b.fullyConnected(x, cout: 4), q = b.fullyConnected(x, cout: 3)
        let z = b.op(.concatenation(Concatenation(axis: 1, activation: .none)), [p, q], [1, 7])
        let plan = Self.plan(b.build(outputs: [z]))
        #expect(plan.verify() == [])
        let base = plan.offset(of: z)!
        #expect(plan.offset(of: p) == base && plan.offset(of: q) == base + 4)
        #expect(plan.requests.count == 2)
    }

    @Test func foldedPadIsNeverMaterialized() {
        var b = GraphBuilder()
        let x = b.input([1, 6, 6, 2])
        let pads = b.constInt32([4, 2], [0, 0, 1, 1, 1, 1, 0, 0])
        let padded = b.op(.pad(Pad()), [x, pads], [1, 8, 8, 2])
        let y = b.conv(padded, cout: 2, k: 3, padding: .valid)
        let plan = Self.plan(b.build(outputs: [y]))
        #expect(plan.verify() == [])
        #expect(plan.offset(of: padded) == nil)
        #expect(plan.requests.first { $0.tensor == x }?.lastStep == 1)
    }

    @Test func chartShowsBuffersAndSharedBytes() {
        let plan = Self.plan(Self.widening(), planner: .greedyBySize)
        let chart = ArenaChart.render(plan, graph: Self.widening(), labels: ["op 0 CONV_2D", "op 1 RELU"], width: 33)
        #expect(chart == """
            arena 264 bytes, one column = 8 bytes
               0 |11111111111111111***************0| op 0 CONV_2D
               1 |********************************.| op 1 RELU

              0 t0 't0' offset 136 bytes 128 steps 0-0
              1 t3 't3' offset 0 bytes 256 steps 0-1
              2 t4 't4' offset 0 bytes 256 steps 1-1

            """)
    }
}
