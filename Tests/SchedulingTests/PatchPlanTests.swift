import IR
import Scheduling
import Testing
import TestSupport

/// Grids, splits, regions, buffers and MACs of patch plans on hand-checked graphs.
@Suite struct PatchPlanTests {
    @Test func gridsAreEvenWithASmallerLastPatch() throws {
        let grid = try #require(PatchGrid.even(height: 40, width: 20, rows: 3, cols: 4))
        #expect(grid.rows == [Span(0, 14), Span(14, 28), Span(28, 40)])
        #expect(grid.cols == [Span(0, 5), Span(5, 10), Span(10, 15), Span(15, 20)])
        #expect(grid.description == "3x4" && grid.patchCount == 12)
        #expect(PatchGrid.even(height: 10, width: 10, rows: 6, cols: 1) == nil)
        #expect(PatchGrid.even(height: 3, width: 3, rows: 4, cols: 1) == nil)
        #expect(PatchGrid.even(height: 5, width: 5, rows: 5, cols: 5)?.rows.map(\.count) == [1, 1, 1, 1, 1])
    }

    /// 8x8x2 -> conv 3x3 s1 SAME -> 8x8x3 -> conv 3x3 s2 SAME -> 4x4x4 -> FULLY_CONNECTED.
    static func chain() -> (Graph, x: TensorID, a: TensorID, b: TensorID) {
        var b = GraphBuilder()
        let x = b.input([1, 8, 8, 2])
        let a = b.conv(x, cout: 3, k: 3)
        let c = b.conv(a, cout: 4, k: 3, stride: 2)
        let f = b.fullyConnected(c, cout: 2)
        return (b.build(outputs: [f]), x, a, c)
    }

    @Test func regionsHalosBuffersAndMACsOfAChain() throws {
        let (graph, x, a, c) = Self.chain()
        let splits = PatchSplits.analyze(graph)
        #expect(splits.end?.description == "op 2 (FULLY_CONNECTED) cannot run per patch: it reads every pixel (or every "
            + "channel) of its input at once")
        #expect(splits.splits.map(\.count) == [1, 2])
        let split = try #require(try splits.split(count: 2).get())
        #expect(split.output == c && split.inputs == [x])
        let grid = try #require(PatchGrid.even(height: 4, width: 4, rows: 2, cols: 2))
        let plan = try PatchPlan.make(split: split, grid: grid, inputStreaming: false, graph: graph).get()
        // conv s2 SAME on 8 rows: padding 0 before; output rows 0..<2 read 0..<5, rows 2..<4 read 4..<8 (the
        // tap at row 8 is padding). conv s1 SAME pads 1: rows 0..<5 read 0..<6, rows 4..<8 read 3..<8.
        #expect(plan.rowSpans[a] == [Span(0, 5), Span(4, 8)])
        #expect(plan.rowSpans[x] == [Span(0, 6), Span(3, 8)])
        #expect(plan.colSpans[x] == plan.rowSpans[x])
        #expect(plan.region(of: a, row: 1, col: 0) == Region(rows: Span(4, 8), cols: Span(0, 5)))
        #expect(plan.bufferBytes == [a: 5 * 5 * 3])
        let conv1PerPixel = 9 * 2 * 3, conv2PerPixel = 9 * 3 * 4
        #expect(plan.layerMACs == 64 * conv1PerPixel + 16 * conv2PerPixel)
        #expect(plan.patchMACs == 9 * 9 * conv1PerPixel + 16 * conv2PerPixel)
        #expect(plan.extraMACs == 17 * conv1PerPixel)
        let streamed = try PatchPlan.make(split: split, grid: grid, inputStreaming: true, graph: graph).get()
        #expect(streamed.bufferBytes == [a: 75, x: 6 * 6 * 2])
        #expect(split.regions(for: Region(rows: Span(0, 1), cols: Span(3, 4)), graph: graph)[x]
            == Region(rows: Span(0, 4), cols: Span(5, 8)))
    }

    /// x -> conv 3x3 -> y; z = x + y; then a 1x1 conv: the residual needs x with a halo.
    @Test func residualSplitsHandOverOneTensor() throws {
        var b = GraphBuilder()
        let x = b.input([1, 6, 6, 2])
        let y = b.conv(x, cout: 2, k: 3)
        let z = b.op(.add(Add(activation: .none)), [x, y], [1, 6, 6, 2])
        let w = b.conv(z, cout: 2, k: 1)
        let graph = b.build(outputs: [w])
        let splits = PatchSplits.analyze(graph)
        #expect(splits.end == nil)
        #expect(splits.refused.map(\.count) == [1] && splits.refused[0].reason == "graph input t0 is also used after the stage")
        let split = try splits.split(count: 2).get()
        #expect(split.output == z)
        let grid = try #require(PatchGrid.even(height: 6, width: 6, rows: 3, cols: 1))
        let plan = try PatchPlan.make(split: split, grid: grid, inputStreaming: true, graph: graph).get()
        #expect(plan.rowSpans[x] == [Span(0, 3), Span(1, 5), Span(3, 6)])
        #expect(plan.rowSpans[y] == grid.rows)
        #expect(plan.bufferBytes == [y: 2 * 6 * 2, x: 4 * 6 * 2])
        #expect(try splits.split(count: 3).get().output == w)
    }

    @Test func splitsRefuseIdleOpsAndTwoHandOvers() {
        var b = GraphBuilder()
        let x = b.input([1, 4, 4, 1])
        let used = b.op(.relu(Relu()), [x], [1, 4, 4, 1])
        _ = b.op(.relu6(Relu6()), [x], [1, 4, 4, 1])
        let graph = b.build(outputs: [used])
        #expect(PatchSplits.analyze(graph).refused.last?.reason
            == "op1 (RELU6) does not contribute to the stage output t1")
        var c = GraphBuilder()
        let i = c.input([1, 4, 4, 1])
        let p = c.op(.relu(Relu()), [i], [1, 4, 4, 1])
        let q = c.op(.relu6(Relu6()), [i], [1, 4, 4, 1])
        let twoOutputs = c.build(outputs: [p, q])
        #expect(PatchSplits.analyze(twoOutputs).refused.last?.reason
            == "2 tensors (t1, t2) are used after the stage; a split hands over exactly one")
    }

    @Test func streamingAFloatInputIsRefused() throws {
        var b = GraphBuilder()
        let x = b.float32([1, 4, 4, 1])
        b.inputs = [x]
        let q = b.op(.quantize(Quantize()), [x], [1, 4, 4, 1])
        let r = b.conv(q, cout: 1, k: 3)
        let graph = b.build(outputs: [r])
        let split = try PatchSplits.analyze(graph).split(count: 2).get()
        let grid = try #require(PatchGrid.even(height: 4, width: 4, rows: 2, cols: 2))
        guard case .failure(let refusal) = PatchPlan.make(split: split, grid: grid, inputStreaming: true, graph: graph) else {
            Issue.record("a float input was streamed")
            return
        }
        #expect(refusal.reason == "--input-streaming reads int8, but input t0 is float32 (use --io int8)")
        #expect((try? PatchPlan.make(split: split, grid: grid, inputStreaming: false, graph: graph).get()) != nil)
    }

    @Test func scheduleRunsTheStageFirstAndPrintsIt() throws {
        let (graph, _, _, _) = Self.chain()
        let split = try PatchSplits.analyze(graph).split(count: 2).get()
        let plan = try PatchPlan.make(split: split, grid: PatchGrid.even(height: 4, width: 4, rows: 2, cols: 1)!,
                                      inputStreaming: false, graph: graph).get()
        let schedule = Scheduling.schedule(graph, patch: plan)
        #expect(schedule.steps == [.patch(NodeID(0)), .patch(NodeID(1)), .run(NodeID(2))])
        #expect(Scheduling.problems(in: schedule, for: graph).isEmpty)
        var broken = schedule
        broken.steps[0] = .run(NodeID(0))
        #expect(!Scheduling.problems(in: broken, for: graph).isEmpty)
        #expect(ScheduleText.render(schedule, graph: graph) == """
            schedule steps=3
            patch stage ops=2 output=t6 grid=2x1 input=held macs=+432 (layer 5184)
            patch rows=0..<2 2..<4 cols=0..<4
            patch tensor t0 rows=0..<6 3..<8 cols=0..<8 buffer=full
            patch tensor t3 rows=0..<5 4..<8 cols=0..<8 buffer=120
            patch tensor t6 rows=0..<2 2..<4 cols=0..<4 buffer=full
            step 0: patch op0 CONV_2D reads=(t0) writes=(t3)
            step 1: patch op1 CONV_2D reads=(t3) writes=(t6)
            step 2: run op2 FULLY_CONNECTED reads=(t6) writes=(t9)

            """)
    }
}
