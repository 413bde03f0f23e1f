import Driver
import Foundation
import IR
import Simulator
import Testing
import TestSupport

/// Patch-based inference on the Cortex-M4 (mps2-an386): the patch loop built with
/// arm-none-eabi-gcc equals the reference on five inputs and touches exactly the planned arena,
/// on random patchable networks (held and streamed) and on a shared model with `--patch auto`.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuPatchTests {
    @Test(arguments: [1, 4])
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

    @Test(.enabled(if: SharedModels.available, "../shared/models not found"))
    func sharedModelAutoStreamedOnM4() throws {
        let path = SharedModels.path("te_mcunet_vww.tflite")
        let c = PatchSimulationTests.Case(patch: .auto, streaming: true, io: .int8)
        let (report, build) = try QemuTesting.simulate(try HostTesting.load(path), path: path, core: .m4,
                                                       pipeline: c.pipeline)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "te_mcunet_vww \(c) on M4")
    }
}
