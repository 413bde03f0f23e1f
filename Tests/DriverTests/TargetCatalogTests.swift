import Driver
import Foundation
import IR
import Testing
import TestSupport

@Suite struct TargetCatalogTests {
    static var targetsDirectory: URL { SharedModels.repositoryRoot.appendingPathComponent("targets") }

    /// The compiled-in copy is byte for byte the folder (the EmbedFolders plugin generates it at build time).
    @Test func embeddedTargetsMatchTheFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.targetsDirectory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(TargetCatalog.embeddedFiles.map(\.name) == names)
        for file in TargetCatalog.embeddedFiles {
            let text = try String(contentsOf: Self.targetsDirectory.appendingPathComponent(file.name), encoding: .utf8)
            #expect(text == file.json, "targets/\(file.name) differs from the copy the EmbedFolders plugin compiled in")
        }
    }

    @Test func everyRequiredDeviceIsThere() throws {
        let required = ["stm32f746", "stm32h743", "stm32f412", "nucleo-l4r5zi", "nrf52840", "rp2040", "stm32u575",
                        "nrf5340", "cortex-m55"]
        for name in required { #expect((try? TargetCatalog.resolve(name)) != nil, "\(name)") }
        #expect(try TargetCatalog.resolve(nil).name == TargetCatalog.defaultTargetName)
        #expect(try TargetCatalog.resolve("RP2040").core == .cortexM0Plus)
        #expect(try TargetCatalog.resolve("corstone300").features.mve)
        #expect(Set(TargetCatalog.builtin.map(\.name)).count == TargetCatalog.builtin.count)
        for t in TargetCatalog.builtin { #expect(t.sramBudget > 0 && t.flashBudget > 0 && !t.notes.isEmpty) }
    }

    @Test func unknownNameListsTheKnownOnes() {
        #expect(throws: UsageError.self) { try TargetCatalog.resolve("esp32") }
        do {
            _ = try TargetCatalog.resolve("esp32")
        } catch {
            #expect(error.message.contains("nucleo-l4r5zi"))
        }
    }

    @Test func readsATargetFileAndRejectsBadOnes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-targets-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("board.json")
        try Data(TargetCatalog.embeddedFiles[0].json.replacingOccurrences(of: "\"corstone300\"", with: "\"myboard\"").utf8)
            .write(to: good)
        #expect(try TargetCatalog.resolve(good.path).name == "myboard")
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"name": "x", "core": "cortex-a53"}"#.utf8).write(to: bad)
        #expect(throws: UsageError.self) { try TargetCatalog.resolve(bad.path) }
        #expect(throws: UsageError.self) { try TargetCatalog.resolve(dir.appendingPathComponent("none.json").path) }
    }

    @Test func sizeOverrides() throws {
        let target = try TargetCatalog.overriding(try TargetCatalog.resolve("stm32h743"), sram: "256K", flash: "1.5M")
        #expect(target.sramBytes == 262_144 && target.flashBytes == 1_572_864)
        #expect(target.largestSRAMBlockBytes == nil)
        #expect(try ByteSize.parse("262144", option: "--sram") == 262_144)
        #expect(try ByteSize.parse("64KiB", option: "--sram") == 65_536)
        #expect(try ByteSize.parse("2mb", option: "--flash") == 2_097_152)
        #expect(throws: UsageError.self) { try ByteSize.parse("lots", option: "--sram") }
        #expect(throws: UsageError.self) { try ByteSize.parse("-1K", option: "--sram") }
        #expect(throws: UsageError.self) { try TargetCatalog.overriding(try TargetCatalog.resolve("rp2040"), sram: "8K", flash: nil) }
    }

    @Test func targetsCommandListsEveryDevice() throws {
        let text = Commands.targets(json: false)
        #expect(text.exitCode == 0)
        for t in TargetCatalog.builtin { #expect(text.stdout.contains(t.name)) }
        let json = try JSONSerialization.jsonObject(with: Data(Commands.targets(json: true).stdout.utf8)) as! [String: Any]
        #expect(json["version"] as? Int == 1)
        #expect((json["targets"] as? [[String: Any]])?.count == TargetCatalog.builtin.count)
    }
}
