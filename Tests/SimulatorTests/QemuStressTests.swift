import Foundation
import IR
import Simulator
import Testing
import TestSupport

/// The long sweep behind `make stress-qemu` (MCUC_STRESS_QEMU=1): every supported shared model and
/// every op fixture on every core, bit-exact on five inputs and inside the planned arena. A model
/// that does not fit a machine's memory (the M0's 16 KB) is reported, not failed.
@Suite(.enabled(if: QemuTesting.available && ProcessInfo.processInfo.environment["MCUC_STRESS_QEMU"] != nil,
                "set MCUC_STRESS_QEMU=1 (make stress-qemu) with the qemu toolchain installed"))
struct QemuStressTests {
    static var models: [String] {
        HostTesting.supportedSharedModels.map(SharedModels.path)
            + HostTesting.fixtureNames.map { HostTesting.fixtureDirectory.appendingPathComponent($0).path }
    }

    @Test(arguments: CortexMCore.allCases)
    func everyModelOnEveryCore(_ core: CortexMCore) throws {
        var tooLarge: [String] = []
        for path in Self.models {
            let name = URL(fileURLWithPath: path).lastPathComponent
            let graph = try HostTesting.load(path)
            do {
                let (report, build) = try QemuTesting.simulate(graph, path: path, core: core)
                try? FileManager.default.removeItem(at: build.directory)
                HostTesting.expectExactAndInsideArena(report.simulation, "\(name) on \(core)")
            } catch let error as CompileError where error.kind == .doesNotFit {
                tooLarge.append(name)
            }
        }
        print("stress-qemu \(core): \(Self.models.count - tooLarge.count) models bit-exact, too large for "
              + "\(core.machine): \(tooLarge.joined(separator: ", "))")
    }
}
