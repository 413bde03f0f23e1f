import Foundation
import IR

/// The functions of a built Arm program as `arm-none-eabi-objdump -d` prints them: enough to find
/// call sites and stack adjustments, not a full disassembler.
struct Disassembly: Sendable {
    struct Instruction: Sendable, Hashable {
        var address: UInt64
        /// `bl`, `push`, `sub.w`, ... (condition and width suffixes kept).
        var mnemonic: String
        var operands: String

        /// The symbol a direct branch or call targets (`<mcuc_conv2d_s8>` -> `mcuc_conv2d_s8`),
        /// nil for targets inside a function (`<f+0x1c>`) and indirect branches.
        var directTarget: String? {
            guard let open = operands.firstIndex(of: "<"), let close = operands.lastIndex(of: ">"), open < close else {
                return nil
            }
            let symbol = operands[operands.index(after: open)..<close]
            return symbol.contains("+") ? nil : String(symbol)
        }
    }

    struct Function: Sendable {
        var name: String
        var address: UInt64
        var instructions: [Instruction]
    }

    /// Functions by name (a later function of the same name, a static one in another file, is
    /// stored under `name@address`).
    var functions: [String: Function]

    /// The code of `elf`.
    static func read(_ elf: URL, toolchain: CrossToolchain) throws(CompileError) -> Disassembly {
        let result = try ProcessRunner.run(toolchain.objdump, ["-d", "--no-show-raw-insn", elf.lastPathComponent],
                                           in: elf.deletingLastPathComponent(), timeout: 120)
        guard result.status == 0 else {
            throw CompileError(.mismatch, "\(toolchain.objdump) cannot read \(elf.lastPathComponent): "
                + result.stderr.split(separator: "\n").prefix(2).joined(separator: " / "))
        }
        return parse(result.stdout)
    }

    /// Parses objdump's text: `00000040 <name>:` headers, then `  40:\tmnemonic\toperands` lines.
    static func parse(_ text: String) -> Disassembly {
        var functions: [String: Function] = [:]
        var current: Function?
        func finish() {
            guard let f = current else { return }
            functions[functions[f.name] == nil ? f.name : "\(f.name)@\(String(f.address, radix: 16))"] = f
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if let header = functionHeader(line) {
                finish()
                current = Function(name: header.name, address: header.address, instructions: [])
            } else if let instruction = instruction(line) {
                current?.instructions.append(instruction)
            }
        }
        finish()
        return Disassembly(functions: functions)
    }

    static func functionHeader(_ line: Substring) -> (name: String, address: UInt64)? {
        guard line.hasSuffix(">:"), let space = line.firstIndex(of: " "),
              let address = UInt64(line[..<space], radix: 16) else { return nil }
        let name = line[line.index(space, offsetBy: 2)..<line.index(line.endIndex, offsetBy: -2)]
        return (String(name), address)
    }

    static func instruction(_ line: Substring) -> Instruction? {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 2, fields[0].hasSuffix(":"),
              let address = UInt64(fields[0].dropLast().trimmingCharacters(in: .whitespaces), radix: 16) else {
            return nil
        }
        let mnemonic = fields[1].trimmingCharacters(in: .whitespaces)
        guard !mnemonic.isEmpty, mnemonic.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }) else { return nil }
        let operands = fields.count > 2 ? fields[2...].joined(separator: "\t") : ""
        return Instruction(address: address, mnemonic: mnemonic, operands: operands)
    }

    /// True for a call with link (`bl`, `blx`), whatever its condition.
    static func isCall(_ mnemonic: String) -> Bool { mnemonic == "bl" || mnemonic.hasPrefix("blx") }

    /// True for an unconditional direct branch (`b`, `b.n`, `b.w`).
    static func isBranch(_ mnemonic: String) -> Bool { mnemonic == "b" || mnemonic == "b.n" || mnemonic == "b.w" }
}
