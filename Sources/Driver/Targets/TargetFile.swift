import Foundation
import IR

/// The JSON form of a target (`targets/*.json`), decoded and checked.
struct TargetFile: Decodable {
    var name: String
    var aliases: [String]?
    var summary: String
    var core: String
    var clock_mhz: Int
    var dsp: Bool
    var fpu: Bool
    var mve: Bool
    var sram_bytes: Int
    var flash_bytes: Int
    var sram_reserve_bytes: Int
    var flash_reserve_bytes: Int
    var largest_sram_block_bytes: Int?
    var notes: String?
    var regions: [RegionFile]?

    /// Decodes and validates one target file; `origin` names it in errors.
    static func decode(_ data: Data, origin: String) throws(UsageError) -> Target {
        let file: TargetFile
        do {
            file = try JSONDecoder().decode(TargetFile.self, from: data)
        } catch {
            throw UsageError("target file '\(DisplayText.escaped(origin))' is not a valid target: \(describe(error))")
        }
        return try file.target(origin: origin)
    }

    func target(origin: String) throws(UsageError) -> Target {
        func fail(_ what: String) -> UsageError { UsageError("target file '\(DisplayText.escaped(origin))': \(what)") }
        guard let core = Target.Core(rawValue: core) else {
            throw fail("unknown core '\(DisplayText.escaped(core))'; expected one of "
                + Target.Core.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard !name.isEmpty, name == name.lowercased(), !name.contains("/"), !name.hasSuffix(".json") else {
            throw fail("name must be non-empty lower case, without '/' or '.json'")
        }
        guard clock_mhz > 0, sram_bytes > 0, flash_bytes > 0 else { throw fail("clock and sizes must be positive") }
        guard (0..<sram_bytes).contains(sram_reserve_bytes), (0..<flash_bytes).contains(flash_reserve_bytes) else {
            throw fail("each reserve must be at least 0 and smaller than its memory")
        }
        if let block = largest_sram_block_bytes, !(1...sram_bytes).contains(block) {
            throw fail("largest_sram_block_bytes must be between 1 and sram_bytes")
        }
        let regions = try RegionFile.regions(self.regions ?? [], sram: sram_bytes, sramReserve: sram_reserve_bytes,
                                             flash: flash_bytes, flashReserve: flash_reserve_bytes,
                                             largestBlock: largest_sram_block_bytes, fail: fail)
        let ram = regions.filter { $0.kind == .ram }
        let largest = largest_sram_block_bytes ?? (ram.count > 1 ? ram.map(\.bytes).max() : nil)
        return Target(name: name, aliases: aliases ?? [], summary: summary, core: core, clockMHz: clock_mhz,
                      features: .init(dsp: dsp, fpu: fpu, mve: mve), sramBytes: sram_bytes, flashBytes: flash_bytes,
                      sramReserveBytes: sram_reserve_bytes, flashReserveBytes: flash_reserve_bytes,
                      largestSRAMBlockBytes: largest, notes: notes ?? "", regions: regions)
    }

    /// One line for a decoding error (which key is missing or mistyped).
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: "malformed JSON"
        default: "unreadable"
        }
    }
}
