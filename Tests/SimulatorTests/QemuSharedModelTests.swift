import Foundation
import Simulator
import Testing
import TestSupport

/// Every supported third-party model on the Cortex-M4 (mps2-an386): the emitted C built with
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
}
