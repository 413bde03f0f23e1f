import IR

/// One entry of a target file's `regions` list.
struct RegionFile: Decodable {
    var name: String
    /// `ram` or `flash`.
    var kind: String
    var bytes: Int
    /// `"0x20000000"` or decimal digits.
    var base: String?
    var speed_rank: Int?
    var reserve_bytes: Int?

    /// The checked region; `fail` makes the error naming the file.
    func region(_ fail: (String) -> UsageError) throws(UsageError) -> MemoryRegion {
        guard let kind = MemoryRegion.Kind(rawValue: kind) else {
            throw fail("region '\(DisplayText.escaped(name))' has kind '\(DisplayText.escaped(kind))'; expected ram or flash")
        }
        guard Self.isIdentifier(name) else {
            throw fail("region name '\(DisplayText.escaped(name))' must be a C identifier (letters, digits, _), as in a linker script")
        }
        let reserve = reserve_bytes ?? 0, rank = speed_rank ?? 0
        guard bytes > 0, (0..<bytes).contains(reserve), rank >= 0 else {
            throw fail("region \(name): bytes must be positive, reserve_bytes at least 0 and smaller, speed_rank at least 0")
        }
        var address: Int?
        if let base {
            let digits = base.lowercased().hasPrefix("0x") ? String(base.dropFirst(2)) : base
            guard let value = Int(digits, radix: base.lowercased().hasPrefix("0x") ? 16 : 10), value >= 0 else {
                throw fail("region \(name): base '\(DisplayText.escaped(base))' is not an address (0x20000000 or decimal)")
            }
            address = value
        }
        return MemoryRegion(name: name, kind: kind, bytes: bytes, base: address, speedRank: rank, reserveBytes: reserve)
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.count <= 40 else { return false }
        let letters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_".unicodeScalars)
        let digits = Set("0123456789".unicodeScalars)
        return letters.contains(first) && text.unicodeScalars.allSatisfy { letters.contains($0) || digits.contains($0) }
    }

    /// The regions of a file, checked against its totals: RAM regions add up to `sram` with
    /// reserves adding up to `sramReserve` (the same for Flash when it lists any), names distinct,
    /// and `largestBlock`, when given, is the largest RAM region.
    static func regions(_ files: [RegionFile], sram: Int, sramReserve: Int, flash: Int, flashReserve: Int,
                        largestBlock: Int?, fail: (String) -> UsageError) throws(UsageError) -> [MemoryRegion] {
        var regions: [MemoryRegion] = []
        for file in files { regions.append(try file.region(fail)) }
        guard Set(regions.map(\.name)).count == regions.count else { throw fail("region names must be distinct") }
        for (kind, total, reserve) in [(MemoryRegion.Kind.ram, sram, sramReserve), (.flash, flash, flashReserve)] {
            let listed = regions.filter { $0.kind == kind }
            guard !listed.isEmpty else { continue }
            let sum = listed.reduce(0) { $0 + $1.bytes }, reserves = listed.reduce(0) { $0 + $1.reserveBytes }
            let key = kind == .ram ? "sram" : "flash"
            guard sum == total, reserves == reserve else {
                throw fail("\(kind.rawValue) regions add up to \(sum) bytes with \(reserves) reserved; \(key)_bytes is "
                    + "\(total) and \(key)_reserve_bytes \(reserve)")
            }
        }
        let ram = regions.filter { $0.kind == .ram }
        if let largestBlock, !ram.isEmpty, largestBlock != ram.map(\.bytes).max() {
            throw fail("largest_sram_block_bytes must be the largest RAM region (\(ram.map(\.bytes).max()!) bytes)")
        }
        return regions
    }
}
