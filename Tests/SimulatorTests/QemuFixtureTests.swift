import Foundation
import Simulator
import Testing
import TestSupport

/// A representative subset of the op fixtures on the Cortex-M4 (mps2-an386): the first and the
/// last fixture of every operator and every few-op fixture, built with arm-none-eabi-gcc against
/// the M4 runtime, equal the reference on every traced tensor of five inputs and touch exactly the
/// planned arena. (`make stress-qemu` runs every fixture on every core.)
@Suite(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"))
struct QemuFixtureTests {
    /// The first and last fixture of each operator (`conv_2d_000_...`), and every `multi_` one.
    static var representative: [String] {
        let names = HostTesting.fixtureNames
        let families = Dictionary(grouping: names) { name -> String in
            let parts = name.split(separator: "_")
            let index = parts.firstIndex { $0.count == 3 && $0.allSatisfy(\.isNumber) } ?? parts.endIndex
            return parts[..<index].joined(separator: "_")
        }
        return families.flatMap { family, members in
            family == "multi" ? members : [members.min()!, members.max()!]
        }.sorted()
    }

    @Test(arguments: representative)
    func cortexM4(_ name: String) throws {
        let path = HostTesting.fixtureDirectory.appendingPathComponent(name).path
        let graph = try HostTesting.load(path)
        let (report, build) = try QemuTesting.simulate(graph, path: path, core: .m4)
        defer { try? FileManager.default.removeItem(at: build.directory) }
        HostTesting.expectExactAndInsideArena(report.simulation, "\(name) on M4")
        #expect(report.profiles.count == report.simulation.inferences)
    }

    @Test func theSubsetCoversEveryOperator() {
        #expect(Self.representative.count >= 50, "\(Self.representative.count)")
    }
}
