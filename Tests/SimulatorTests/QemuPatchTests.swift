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
