import Driver
import Foundation
import IR
import Simulator
import Testing
import TestSupport

/// Patch-based inference on the Cortex-M4 (mps2-an386; the layer-based steps run the DSP
/// kernels, the patch stage the portable patch kernels): the patch loop built with
/// arm-none-eabi-gcc equals the reference on five inputs and touches exactly the planned arena,
/// on random patchable networks (held and streamed) and on the shared models and the example.
/// `make test` runs two networks and `te_mcunet_vww --patch auto --input-streaming --io int8`;
/// `make stress-patch` (`MCUC_PATCH_STRESS=1`) runs 12 networks and every case of
/// `PatchSimulationTests.allSharedCases`.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuPatchTests {
    @Test(arguments: PatchSimulationTests.stress ? Array(0..<12) : [1, 4])
    func randomNetworksOnM4(seed: Int) throws {
        let graph = RandomPatchNetwork.make(seed: UInt64(seed) &* 104_729 &+ 3, layers: 3 + seed % 4)
        let cases = PatchSimulationTests.cases(graph, seed: seed)
        #expect(!cases.isEmpty, "seed \(seed): no patch plan applies; the test would prove nothing")
        for c in cases {
            let (report, build) = try QemuTesting.simulate(graph, path: "random-patch-network-\(seed)", core: .m4,
                                                           pipeline: c.pipeline)
            defer { try? FileManager.default.removeItem(at: build.directory) }
            HostTesting.expectExactAndInsideArena(report.simulation, "seed \(seed) \(c) on M4")
        }
    }

    /// A DEPTHWISE_CONV_2D on one input channel with a multiplier (layer by layer the M4's DSP
    /// CONV_2D) inside the stage, then the DSP kernels: 12x12x1 -> depthwise x4 -> 1x1 conv -> 3x3 conv.
    @Test func oneChannelDepthwiseStageOnM4() throws {
        var b = GraphBuilder()
        let x = b.input([1, 12, 12, 1])
        let d = b.depthwise(x, k: 3, multiplier: 4)
        let p = b.conv(d, cout: 8, k: 1)
        let q = b.conv(p, cout: 8, k: 3)
        let graph = b.build(outputs: [q])
        for c in [PatchSimulationTests.Case(patch: .grid(rows: 3, cols: 2, ops: 2)),
                  PatchSimulationTests.Case(patch: .grid(rows: 2, cols: 2, ops: 1), streaming: true)] {
            let (report, build) = try QemuTesting.simulate(graph, path: "one-channel-depthwise", core: .m4, pipeline: c.pipeline)
            defer { try? FileManager.default.removeItem(at: build.directory) }
            HostTesting.expectExactAndInsideArena(report.simulation, "one-channel depthwise \(c) on M4")
        }
    }

    /// Index 1 is `te_mcunet_vww --patch auto --input-streaming --io int8`.
    @Test(.enabled(if: SharedModels.available, "../shared/models not found"),
          arguments: PatchSimulationTests.stress ? Array(PatchSimulationTests.allSharedCases.indices) : [1])
    func sharedModelsOnM4(_ index: Int) throws {
        let (name, c) = PatchSimulationTests.allSharedCases[index]
        let path = PatchSimulationTests.path(name)
        let graph = try HostTesting.load(path)
        #expect(try Pipeline.plan(graph, options: c.pipeline).schedule.patchStage != nil, "\(name) \(c): no patch stage")
        let (report, build) = try QemuTesting.simulate(graph, path: path, core: .m4, pipeline: c.pipeline)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(name) \(c) on M4")
    }
}
