import CodeGen
import Driver
import Foundation
import IR
import Testing
import TestSupport

/// A target with two SRAM regions whose fast one is too small for the arena: the plan splits the
/// buffers over both, the emitted C (one arena array per region) equals the reference bit for bit
/// and stays inside its arrays, `fit` shows both regions, and a Cortex-M link that places the
/// arrays with the emitted `net_memory.ld` puts exactly the bytes `fit` reports in each region;
/// under QEMU the split C is bit-exact on the target's core too.
@Suite struct MemoryRegionTests {
    static func fixture(_ name: String) -> String {
        SharedModels.repositoryRoot.appendingPathComponent("Tests/Fixtures/targets/\(name)").path
    }

    /// (model, target file): the example on a 512-byte + 8 KB board, and with the shared models
    /// MobileNet VWW (37,256-byte arena) on a 16 KB + 64 KB board.
    static var cases: [(String, String)] {
        var result = [(SharedModels.repositoryRoot.appendingPathComponent("Examples/digits_cnn/digits_cnn.tflite").path,
                       fixture("tiny_banks.json"))]
        if SharedModels.available { result.append((SharedModels.path("mlperf_vww_mbv1_96.tflite"), fixture("two_banks.json"))) }
        return result
    }

    static func json(_ output: CommandOutput) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.stderr)")
    }

    @Test(arguments: cases)
    func planSplitsAndTheEmittedCIsBitExact(_ model: String, _ targetFile: String) throws {
        let target = try TargetCatalog.load(path: targetFile)
        let fast = target.ramRegions[0]
        let whole = try Self.json(Commands.plan(PlanCommandOptions(model: model, json: true)))
        #expect((whole["arena_bytes"] as! Int) > fast.budget, "the fast region must be too small for the one arena")

        let plan = try Self.json(Commands.plan(PlanCommandOptions(model: model, target: targetFile, json: true)))
        let regions = try #require(plan["regions"] as? [[String: Any]])
        #expect(regions.map { $0["name"] as? String } == ["DTCM", "SRAM"])
        for region in regions { #expect((region["bytes"] as! Int) <= (region["capacity_bytes"] as! Int)) }
        #expect(plan["arena_bytes"] as? Int == regions.reduce(0) { $0 + ($1["bytes"] as! Int) })

        let simulated = try Self.json(Commands.simulate(SimulateCommandOptions(model: model, target: targetFile, inputs: 3,
                                                                               json: true)))
        #expect(simulated["bit_exact"] as? Bool == true)
        #expect(simulated["arena_guard_intact"] as? Bool == true)
        #expect(simulated["peak_arena_bytes_measured"] as? Int == simulated["arena_bytes_planned"] as? Int)

        let fit = Commands.fit(FitCommandOptions(model: model, target: targetFile))
        #expect(fit.exitCode == 0, "\(fit.stderr)")
        for region in regions {
            #expect(fit.stdout.contains("\(region["name"] as! String) \(Grouped.text(region["bytes"] as! Int)) of "
                + "\(Grouped.text(region["capacity_bytes"] as! Int)) bytes"), "\(fit.stdout)")
        }
        try ZeroCopyFirmwareTests.expectReferenceResults(model, target: target)
    }

    @Test(.enabled(if: HostTesting.onPath("arm-none-eabi-gcc"), "arm-none-eabi-gcc is not installed"), arguments: cases)
    func linkedArraysSitInTheirRegions(_ model: String, _ targetFile: String) throws {
        let target = try TargetCatalog.load(path: targetFile)
        let (_, sources, directory) = try ZeroCopyFirmwareTests.compile(model, target: target)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(sources.files.contains { $0.name == "net_memory.ld" })
        let fit = try Self.json(Commands.fit(FitCommandOptions(model: model, target: targetFile, json: true)))
        let verdict = try #require((fit["targets"] as? [[String: Any]])?.first)
        let uses = try #require(verdict["regions"] as? [[String: Any]])

        let script = SharedModels.repositoryRoot.appendingPathComponent("Tests/SimulatorTests/Firmware/two_banks.ld").path
        let flags = ["-mcpu=cortex-m7", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv5-d16", "-std=c99", "-O2", "-Wall",
                     "-Wextra", "-Werror", "-ffunction-sections", "-fdata-sections", "-nostartfiles", "-Wl,--gc-sections",
                     "-L", ".", "-T", script, "-specs=nano.specs", "-I", "."] + ZeroCopyFirmwareTests.sizeDefines(sources)
        let link = try ZeroCopyFirmwareTests.run("arm-none-eabi-gcc", flags + ZeroCopyFirmwareTests.cFiles(sources)
            + ["-o", "fw.elf", "-lm"], in: directory)
        try #require(link.status == 0, "\(link.stderr)")
        let listing = String(decoding: try ZeroCopyFirmwareTests.run("arm-none-eabi-size", ["-A", "fw.elf"], in: directory).stdout,
                             as: UTF8.self)
        let sections = Self.sections(listing)
        var total = 0
        for use in uses {
            let name = use["name"] as! String, used = use["used_bytes"] as! Int
            #expect(sections[".net_arena_\(name)"]?.size ?? 0 == used, "\(name): \(listing)")
            total += used
        }
        let ram = sections.values.filter { $0.address >= 0x2000_0000 }.reduce(0) { $0 + $1.size }
        let parts = try #require(verdict["sram_bytes"] as? [String: Any])
        #expect(ram == total && total == parts["arena"] as? Int && parts["static"] as? Int == 0, "\(listing)")
    }

    /// The same split C built for the target's core and run under QEMU: bit-exact, the harness's
    /// guard intact, and the bytes the run touched equal to the planned regions' sum.
    @Test(.enabled(if: QemuTesting.available, "arm-none-eabi-gcc, newlib or qemu-system-arm not installed"), arguments: cases)
    func theSplitRunsBitExactOnTheCore(_ model: String, _ targetFile: String) throws {
        let plan = try Self.json(Commands.plan(PlanCommandOptions(model: model, target: targetFile, json: true)))
        let regions = try #require(plan["regions"] as? [[String: Any]])
        #expect(regions.count == 2 && regions.allSatisfy { ($0["bytes"] as! Int) > 0 }, "both regions hold buffers")
        let simulated = try Self.json(Commands.simulate(SimulateCommandOptions(model: model, target: targetFile, inputs: 1,
                                                                               json: true, platform: .qemu)))
        #expect(simulated["engine"] as? String == "qemu" && simulated["bit_exact"] as? Bool == true)
        #expect(simulated["arena_guard_intact"] as? Bool == true)
        #expect(simulated["arena_bytes_planned"] as? Int == plan["arena_bytes"] as? Int)
        #expect(simulated["peak_arena_bytes_measured"] as? Int == simulated["arena_bytes_planned"] as? Int)
    }

    /// Name, size and address of every section `arm-none-eabi-size -A` lists.
    static func sections(_ listing: String) -> [String: (size: Int, address: Int)] {
        var result: [String: (size: Int, address: Int)] = [:]
        for line in listing.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 3, let size = Int(fields[1]), let address = Int(fields[2]) else { continue }
            result[String(fields[0])] = (size, address)
        }
        return result
    }
}
