import Driver
import Foundation
import IR
import Testing

/// Memory regions in target files: parsed, ordered fastest first, checked against the totals.
@Suite struct TargetRegionTests {
    static let base = """
        "name": "t", "summary": "s", "core": "cortex-m7", "clock_mhz": 100, "dsp": true, "fpu": true, "mve": false,
        "flash_bytes": 1048576, "flash_reserve_bytes": 0
        """

    static func decode(sram: Int, reserve: Int, regions: String) throws(UsageError) -> Target {
        let json = "{\(base), \"sram_bytes\": \(sram), \"sram_reserve_bytes\": \(reserve), \"regions\": [\(regions)]}"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-target-\(UUID().uuidString).json").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(json.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try TargetCatalog.load(path: path)
    }

    @Test func stm32h743ListsItsBanksFastestFirst() throws {
        let h7 = try TargetCatalog.resolve("stm32h743")
        #expect(h7.ramRegions.map(\.name) == ["DTCMRAM", "RAM_D1", "RAM_D2", "RAM_D3"])
        #expect(h7.ramRegions.reduce(0) { $0 + $1.budget } == h7.sramBudget)
        #expect(h7.ramRegions[0].base == 0x2000_0000 && h7.largestSRAMBlockBytes == 524_288)
        let stated = try TargetCatalog.overriding(h7, sram: "256K", flash: nil)
        #expect(stated.ramRegions.isEmpty, "--sram states one block of memory")
    }

    @Test func regionsParseWithBasesRanksAndReserves() throws {
        let t = try Self.decode(sram: 3072, reserve: 512, regions: """
            {"name": "SLOW", "kind": "ram", "bytes": 2048, "speed_rank": 2, "reserve_bytes": 512},
            {"name": "FAST", "kind": "ram", "bytes": 1024, "base": "0x20000000", "speed_rank": 0}
            """)
        #expect(t.ramRegions.map(\.name) == ["FAST", "SLOW"])
        #expect(t.ramRegions[0].base == 0x2000_0000 && t.ramRegions[1].budget == 1536)
        #expect(t.largestSRAMBlockBytes == 2048)
    }

    @Test(arguments: [
        (#"{"name": "A", "kind": "ram", "bytes": 1000}"#, "add up to"),
        (#"{"name": "A B", "kind": "ram", "bytes": 2048}"#, "C identifier"),
        (#"{"name": "A", "kind": "rom", "bytes": 2048}"#, "ram or flash"),
        (#"{"name": "A", "kind": "ram", "bytes": 1024}, {"name": "A", "kind": "ram", "bytes": 1024}"#, "distinct"),
        (#"{"name": "A", "kind": "ram", "bytes": 2048, "base": "0xZZ"}"#, "not an address"),
        (#"{"name": "A", "kind": "ram", "bytes": 2048, "reserve_bytes": 4096}"#, "reserve_bytes"),
    ])
    func badRegionsAreOneLineErrors(_ regions: String, _ expected: String) {
        do {
            _ = try Self.decode(sram: 2048, reserve: 0, regions: regions)
            Issue.record("accepted \(regions)")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }
}
