import Testing
import TestSupport

/// A model whose names try to break out of C comments builds warning-free and stays bit-exact.
@Suite struct HostileNamesSimulationTests {
    @Test(.enabled(if: HostTesting.hasGCC, "gcc not found"))
    func hostileNamesBuildAndMatch() throws {
        let graph = HostileGraph.make()
        let report = try HostTesting.simulate(graph, path: "/tmp/evil */ \"name\"\n#include.tflite",
                                              runtime: try HostTesting.runtime("gcc"))
        HostTesting.expectExactAndInsideArena(report, "hostile names")
    }
}
