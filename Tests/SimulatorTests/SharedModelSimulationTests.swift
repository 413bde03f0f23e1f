import Driver
import Foundation
import Simulator
import Testing
import TestSupport

/// Every supported third-party model: the emitted C, built with gcc (the whole library, as a user
/// builds it) and with clang (against the clang-built runtime) at -Wall -Wextra -Werror -pedantic,
/// equals the reference layer by layer on five inputs, and its measured peak arena use equals the
/// planned arena. With graph I/O outside the arena too.
@Suite struct SharedModelSimulationTests {
    static let models = HostTesting.supportedSharedModels

    @Test(.enabled(if: SharedModels.available && HostTesting.hasGCC, "../shared/models or gcc not found"),
          arguments: models)
    func gcc(_ name: String) throws {
        let graph = try HostTesting.load(SharedModels.path(name))
        let report = try HostTesting.simulate(graph, path: SharedModels.path(name), runtime: nil,
                                              options: HostBuildOptions(compiler: "gcc"))
        HostTesting.expectExactAndInsideArena(report, name)
        print("simulate \(name): gcc bit-exact \(report.bitExact) on \(report.inferences) inputs, "
              + "arena measured \(report.peakArenaBytesMeasured) planned \(report.arenaBytesPlanned)")
    }

    @Test(.enabled(if: SharedModels.available && HostTesting.hasClang, "../shared/models or clang not found"),
          arguments: models)
    func clang(_ name: String) throws {
        let graph = try HostTesting.load(SharedModels.path(name))
        let report = try HostTesting.simulate(graph, path: SharedModels.path(name), runtime: try HostTesting.runtime("clang"))
        HostTesting.expectExactAndInsideArena(report, name)
    }

    @Test(.enabled(if: SharedModels.available && HostTesting.hasGCC, "../shared/models or gcc not found"),
          arguments: models)
    func externalIO(_ name: String) throws {
        let graph = try HostTesting.load(SharedModels.path(name))
        let report = try HostTesting.simulate(graph, path: SharedModels.path(name), runtime: try HostTesting.runtime("gcc"),
                                              externalIO: true)
        HostTesting.expectExactAndInsideArena(report, name + " (external I/O)")
    }

    @Test(.enabled(if: SharedModels.available, "../shared/models not found"))
    func theSupportedModelsAreTheExpectedOnes() {
        #expect(Self.models.count >= 11, "\(Self.models)")
    }
}
