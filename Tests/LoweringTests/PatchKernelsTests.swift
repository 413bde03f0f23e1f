import IR
import Lowering
import Scheduling
import Testing
import TestSupport

/// The kernels of a patch stage on a core with the DSP extension: every call of the stage runs
/// the portable patch form (`PatchKernels`; the DSP variants take no region offsets or per-side
/// padding), while the layer-based steps after the stage still pick their DSP variants.
@Suite struct PatchKernelsTests {
    /// input 8x8x4 -> 3x3 conv -> 3x3 depthwise -> 1x1 conv (the stage) -> 1x1 conv -> relu.
    static func network() -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 8, 8, 4])
        let c = b.conv(x, cout: 8, k: 3)
        let d = b.depthwise(c, k: 3)
        let p = b.conv(d, cout: 8, k: 1)
        let q = b.conv(p, cout: 8, k: 1)
        let r = b.op(.relu(Relu()), [q], b.shape(q).dims)
        return b.build(outputs: [r])
    }

    @Test(arguments: [false, true])
    func stageCallsStayPortableOnDSPCores(streaming: Bool) throws {
        let graph = Self.network()
        let split = try PatchSplits.analyze(graph).split(count: 3).get()
        let plan = try PatchPlan.make(split: split, grid: PatchGrid.even(height: 8, width: 8, rows: 3, cols: 2)!,
                                      inputStreaming: streaming, graph: graph).get()
        let schedule = Scheduling.schedule(graph, patch: plan)
        let target = TestTargets.default
        #expect(target.features.dsp)
        let lowered = Lowering.lower(graph, schedule: schedule, options: LoweringOptions(target: target))
        #expect(Lowering.problems(in: lowered, graph: graph, schedule: schedule).isEmpty)
        let functions = lowered.calls.map(\.binding?.function)
        #expect(functions.prefix(3).map { $0?.symbol } == ["mcuc_conv2d_patch_s8", "mcuc_depthwise_patch_s8",
                                                            "mcuc_conv2d_patch_s8"])
        #expect(functions.prefix(3).allSatisfy { $0?.variant == .portable })
        #expect(functions[3]?.variant == .dsp, "the 1x1 conv after the stage runs the DSP GEMM")
        #expect(lowered.calls.prefix(3).allSatisfy { $0.scratchBytes == 0 })
        #expect(lowered.patchLoop?.steps == 0..<3)
        #expect(lowered.patchLoop?.reads.count == (streaming ? 1 : 0))
    }

    /// A DEPTHWISE_CONV_2D on one input channel with a multiplier, which a DSP core runs as the
    /// DSP CONV_2D layer by layer, runs its portable patch form inside a stage (and the DSP
    /// CONV_2D, with its im2col scratch, only outside one).
    @Test func oneChannelDepthwiseWithAMultiplierStaysAPatchKernel() throws {
        func network() -> Graph {
            var b = GraphBuilder()
            let x = b.input([1, 8, 8, 1])
            let d = b.depthwise(x, k: 3, multiplier: 4)
            let p = b.conv(d, cout: 8, k: 1)
            return b.build(outputs: [p])
        }
        let graph = network(), target = TestTargets.default
        let layered = Lowering.lower(graph, schedule: Scheduling.schedule(graph), options: LoweringOptions(target: target))
        #expect(layered.calls[0].binding?.function?.variant == .dsp, "layer by layer it is the DSP CONV_2D")
        let split = try PatchSplits.analyze(graph).split(count: 1).get()
        let plan = try PatchPlan.make(split: split, grid: PatchGrid.even(height: 8, width: 8, rows: 2, cols: 2)!,
                                      inputStreaming: false, graph: graph).get()
        let schedule = Scheduling.schedule(graph, patch: plan)
        let lowered = Lowering.lower(graph, schedule: schedule, options: LoweringOptions(target: target))
        #expect(Lowering.problems(in: lowered, graph: graph, schedule: schedule).isEmpty)
        #expect(lowered.calls[0].binding?.function?.symbol == "mcuc_depthwise_patch_s8")
        #expect(lowered.calls[0].binding?.function?.variant == .portable)
        #expect(lowered.calls[0].scratchBytes == 0)
    }
}
