import Driver
import Foundation
import IR
import Simulator
import Testing
import TestSupport

/// MAXIMUM, MINIMUM (one operand a constant broadcast over the pixels) and ABS run per patch:
/// their patch kernels on the host equal the reference bit for bit with the arena as planned,
/// input held and streamed.
@Suite(.enabled(if: HostTesting.hasGCC, "gcc not found"))
struct PatchElementwiseOpsTests {
    /// x 10x10x3 -> ABS -> 3x3 conv; x -> 3x3 conv; MAXIMUM of the two; MINIMUM with a constant
    /// 1x1x1x6; 3x3 conv.
    static func network() -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 10, 10, 3])
        let a = b.op(.abs(Abs()), [x], [1, 10, 10, 3])
        let c1 = b.conv(a, cout: 6, k: 3)
        let c2 = b.conv(x, cout: 6, k: 3)
        let m = b.op(.maximum(Maximum()), [c1, c2], [1, 10, 10, 6])
        let limit = b.constInt8([1, 1, 1, 6], [3, 40, -2, 90, 7, 12], quant: QuantParams(scale: [0.5], zeroPoint: [-1]))
        let n = b.op(.minimum(Minimum()), [m, limit], [1, 10, 10, 6])
        let y = b.conv(n, cout: 4, k: 3)
        return b.build(outputs: [y])
    }

    @Test(arguments: [PatchSimulationTests.Case(patch: .grid(rows: 3, cols: 2, ops: 6)),
                      PatchSimulationTests.Case(patch: .grid(rows: 2, cols: 2, ops: 5), streaming: true)])
    func maximumMinimumAndAbsRunPatchByPatchExactly(_ c: PatchSimulationTests.Case) throws {
        let graph = Self.network()
        let planned = try Pipeline.plan(graph, options: c.pipeline)
        let stage = try #require(planned.schedule.patchStage, "\(c): no patch stage")
        let stageOps = Set(stage.split.fields.map { graph[$0.node].op.name })
        #expect(stageOps.isSuperset(of: ["ABS", "MAXIMUM", "MINIMUM"]), "\(c): the stage runs \(stageOps)")
        let report = try HostTesting.simulate(graph, path: "patch-elementwise-ops",
                                              runtime: try HostTesting.runtime("gcc"), pipeline: c.pipeline)
        HostTesting.expectExactAndInsideArena(report, "\(c)")
    }
}
