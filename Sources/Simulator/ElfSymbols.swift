import Foundation
import IR

/// The defined symbols of a built Arm program (`arm-none-eabi-nm -S`): addresses (Thumb bit
/// cleared) and sizes.
struct ElfSymbols: Sendable {
    struct Symbol: Sendable, Hashable {
        var name: String
        var address: UInt64
        var size: UInt64
        /// nm's type letter (`T` global code, `t` local code, `R` constant data, ...).
        var type: Character
    }

    var symbols: [Symbol]

    static func read(_ elf: URL, toolchain: CrossToolchain) throws(CompileError) -> ElfSymbols {
        let result = try ProcessRunner.run(toolchain.nm, ["-S", "--defined-only", elf.lastPathComponent],
                                           in: elf.deletingLastPathComponent(), timeout: 120)
        guard result.status == 0 else {
            throw CompileError(.mismatch, "\(toolchain.nm) cannot read \(elf.lastPathComponent)")
        }
        return parse(result.stdout)
    }

    /// `address [size] type name` lines.
    static func parse(_ text: String) -> ElfSymbols {
        var symbols: [Symbol] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 3 || fields.count == 4, let address = UInt64(fields[0], radix: 16),
                  let type = fields[fields.count - 2].first else { continue }
            let size = fields.count == 4 ? UInt64(fields[1], radix: 16) ?? 0 : 0
            symbols.append(Symbol(name: String(fields[fields.count - 1]), address: address & ~1, size: size, type: type))
        }
        return ElfSymbols(symbols: symbols)
    }

    /// The address of the code symbol `name`.
    func address(of name: String) -> UInt64? {
        symbols.first { $0.name == name && "Tt".contains($0.type) }?.address
    }

    /// `function+0x1c` for an address inside a code symbol, else nil.
    func describe(_ address: UInt64) -> String? {
        guard let s = symbols.first(where: { "Tt".contains($0.type) && $0.address <= address && address < $0.address + $0.size })
        else { return nil }
        let offset = address - s.address
        return offset == 0 ? s.name : "\(s.name)+0x\(String(offset, radix: 16))"
    }
}
