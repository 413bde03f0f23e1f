import Foundation
import Simulator
import Testing
import TestSupport

/// Every supported third-party model on the Cortex-M4 (mps2-an386), and the Helium kernels' models
/// on the Cortex-M55 (mps3-an547): the emitted C built with
/// arm-none-eabi-gcc -O2 equals the reference on every traced tensor of five inputs, touches
/// exactly the planned arena, and its instruction profile is complete and consistent.
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuSharedModelTests {
    @Test(.enabled(if: SharedModels.available, "../shared/models not found"), arguments: HostTesting.supportedSharedModels)
    func cortexM4(_ name: String) throws {
        let path = SharedModels.path(name)
        let graph = try HostTesting.load(path)
        let (report, build) = try QemuTesting.simulate(graph, path: path, core: .m4)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(name) on M4")
        #expect(report.profiles.count == report.simulation.inferences)
        for profile in report.profiles {
            #expect(profile.total == profile.prologue + profile.steps.reduce(0, +) + profile.epilogue)
            #expect(profile.steps.allSatisfy { $0 >= 0 } && profile.total > 0)
        }
        let footprint = try build.footprint()
        #expect(footprint.constantBytes >= build.sources.constantBytes, "\(name): ELF constants below the tables")
        #expect(footprint.codeBytes > 0 && footprint.stackComplete)
        // The call-graph bound of the program that ran covers the stack painted on the guest (below
        // the harness's call of its glue, which calls the model's entry).
        #expect(try build.stackBytes(.profile, from: "mcuc_harness_invoke") >= report.measuredStackBytes
            && report.measuredStackBytes > 0)
        print("qemu m4 \(name): \(report.profiles.first?.total ?? 0) instructions, code \(footprint.codeBytes) B, "
              + "constants \(footprint.constantBytes) B, stack \(footprint.stackBytes) B")
    }

    /// The models the Helium kernels cover on the Cortex-M55 (mps3-an547, planned for corstone300):
    /// 1x1 and k x k convolutions, depthwise in place and not, one-column planes, residual ADDs;
    /// `make stress-kernels` (`MCUC_STRESS=1`) runs every supported model.
    static let heliumModels: [String] = ProcessInfo.processInfo.environment["MCUC_STRESS"] == "1"
        ? HostTesting.supportedSharedModels
        : ["mlperf_kws_dscnn.tflite", "mlperf_ic_resnet8.tflite", "mlperf_sww.tflite"]

    @Test(.enabled(if: SharedModels.available, "../shared/models not found"), arguments: heliumModels)
    func cortexM55(_ name: String) throws {
        let path = SharedModels.path(name)
        let graph = try HostTesting.load(path)
        let (report, build) = try QemuTesting.simulate(graph, path: path, core: .m55,
                                                       target: TestTargets.named("corstone300"))
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(name) on M55")
        print("qemu m55 \(name): \(report.profiles.first?.total ?? 0) instructions")
    }
}
