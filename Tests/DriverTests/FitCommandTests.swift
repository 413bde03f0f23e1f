import Driver
import Foundation
import Testing
import TestSupport

@Suite struct FitCommandTests {
    @Test func fitsTheDefaultTarget() {
        let output = Commands.fit(FitCommandOptions(model: PlanCommandTests.fixture))
        #expect(output.exitCode == 0, "\(output.stderr)")
        #expect(output.stdout.contains("nucleo-l4r5zi") && output.stdout.contains("fits"))
    }

    @Test func tooLittleSRAMExitsOne() {
        let output = Commands.fit(FitCommandOptions(model: PlanCommandTests.fixture, target: "stm32f412", sram: "17K"))
        #expect(output.exitCode == 1)
        #expect(output.stdout.contains("SRAM too small"))
        #expect(output.stderr == "error: \(PlanCommandTests.fixture): does not fit stm32f412\n")
    }

    @Test func allTargetsListsEveryDevice() throws {
        let output = Commands.fit(FitCommandOptions(model: PlanCommandTests.fixture, allTargets: true, json: true))
        #expect(output.exitCode == 0)
        let report = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
        let verdicts = report["targets"] as! [[String: Any]]
        #expect(verdicts.map { $0["target"] as! String } == TargetCatalog.builtin.map(\.name))
        #expect(report["fits"] as? Bool == true)
    }

    @Test func allTargetsExcludesTargetOptions() {
        let output = Commands.fit(FitCommandOptions(model: PlanCommandTests.fixture, target: "rp2040", allTargets: true))
        #expect(output.exitCode == 2)
    }

    /// Over on both: the verdict names both, not only SRAM.
    @Test func verdictNamesEveryProblem() {
        let output = Commands.fit(FitCommandOptions(model: PlanCommandTests.fixture, target: "stm32f412", sram: "17K",
                                                    flash: "65K"))
        #expect(output.exitCode == 1)
        #expect(output.stdout.contains("SRAM too small, Flash too small"))
    }

    /// A target whose RAM is split: the arena must fit the largest block, not just the total.
    @Test func largestBlockLimitsTheArena() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-split-\(getpid()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = TargetCatalog.embeddedFiles.first { $0.name == "stm32h743.json" }!.json
        var json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        json["largest_sram_block_bytes"] = 1024
        json["regions"] = nil  // the block size stated alone, without the banks it would contradict
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        let output = Commands.fit(FitCommandOptions(model: PlanCommandTests.fixture, target: path))
        #expect(output.exitCode == 1)
        #expect(output.stdout.contains("largest contiguous RAM block"))
        // The row says why, next to an SRAM % that is within budget.
        #expect(output.stdout.contains("arena over the largest RAM block") && !output.stdout.contains("SRAM too small"))
    }
}
