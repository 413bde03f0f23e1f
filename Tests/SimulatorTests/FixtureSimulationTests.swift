import Simulator
import Testing
import TestSupport

/// Every per-op fixture of the reference issue: emitted C built warning-free (-Wall -Wextra
/// -Werror -pedantic) with gcc and with clang equals the reference on every traced tensor for five
/// inputs, and touches exactly the planned arena.
@Suite struct FixtureSimulationTests {
    @Test(.enabled(if: HostTesting.hasGCC, "gcc not found"), arguments: HostTesting.fixtureNames)
    func gcc(_ name: String) throws {
        let path = HostTesting.fixtureDirectory.appendingPathComponent(name).path
        let graph = try HostTesting.load(path)
        let report = try HostTesting.simulate(graph, path: path, runtime: try HostTesting.runtime("gcc"))
        HostTesting.expectExactAndInsideArena(report, name)
    }

    @Test(.enabled(if: HostTesting.hasClang, "clang not found"), arguments: HostTesting.fixtureNames)
    func clang(_ name: String) throws {
        let path = HostTesting.fixtureDirectory.appendingPathComponent(name).path
        let graph = try HostTesting.load(path)
        let report = try HostTesting.simulate(graph, path: path, runtime: try HostTesting.runtime("clang"))
        HostTesting.expectExactAndInsideArena(report, name)
    }

    @Test func everyFixtureIsHere() {
        #expect(HostTesting.fixtureNames.count >= 200, "op fixtures missing from Tests/Fixtures/ops")
    }
}
