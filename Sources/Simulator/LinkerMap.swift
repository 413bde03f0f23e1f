import Foundation

/// The input sections a GNU ld map file (`-Wl,-Map=`) says were linked, with their sizes and the
/// object each came from: what `MemoryFootprint` attributes to the model.
struct LinkerMap: Sendable {
    struct Section: Sendable, Hashable {
        /// `.text.mcuc_conv2d_s8`, `.rodata.op0_filter`, `.bss`, `COMMON`.
        var name: String
        var size: Int
        /// The object's file name (`mcuc_conv2d.o`), or `libc.a(lib_a-memcpy.o)` for an archive member.
        var object: String

        /// The kind of memory the section occupies, nil for sections not loaded (debug, attributes).
        var kind: Kind? {
            if name.hasPrefix(".text") { return .code }
            if name.hasPrefix(".rodata") { return .constant }
            if name.hasPrefix(".data") { return .data }
            if name.hasPrefix(".bss") || name == "COMMON" { return .bss }
            return nil
        }
    }

    enum Kind: Sendable, Hashable { case code, constant, data, bss }

    var sections: [Section]

    /// Parses the "Linker script and memory map" part of `text` (discarded sections come before
    /// it and are ignored). Input section lines start with one space and the section name; the
    /// address, size and object follow on the same line or, for long names, on the next.
    static func parse(_ text: String) -> LinkerMap {
        guard let start = text.range(of: "Linker script and memory map") else { return LinkerMap(sections: []) }
        var sections: [Section] = []
        var pending: String?
        for line in text[start.upperBound...].split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if line.hasPrefix(" "), !line.hasPrefix("  "), let first = fields.first,
               first.hasPrefix(".") || first == "COMMON" {
                pending = fields.count >= 4 ? nil : String(first)
                if fields.count >= 4, let section = section(String(first), fields[1...]) { sections.append(section) }
            } else if let name = pending {
                pending = nil
                if fields.count >= 3, let section = section(name, fields[...]) { sections.append(section) }
            }
        }
        return LinkerMap(sections: sections)
    }

    /// `0xADDRESS 0xSIZE path` after the name.
    static func section(_ name: String, _ fields: ArraySlice<Substring>) -> Section? {
        guard fields.count >= 3, fields[fields.startIndex].hasPrefix("0x"),
              let size = Int(fields[fields.startIndex + 1].dropFirst(2), radix: 16) else { return nil }
        let path = fields[(fields.startIndex + 2)...].joined(separator: " ")
        return Section(name: name, size: size, object: URL(fileURLWithPath: path).lastPathComponent)
    }

    /// Total bytes of `kind` sections from objects accepted by `owns`.
    func bytes(_ kind: Kind, from owns: (String) -> Bool) -> Int {
        sections.filter { $0.kind == kind && owns($0.object) }.reduce(0) { $0 + $1.size }
    }
}
