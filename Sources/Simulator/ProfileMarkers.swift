import Foundation
import IR

/// The addresses the counting plugin watches in a profile program: the entry of the model's
/// function the harness calls (`<prefix>_run` in zero-copy mode, `<prefix>_invoke` with
/// `--external-io`), the step marker, and the instructions that function returns to (found in the
/// code: after the harness glue's calls of it, or after the harness's calls of the glue when the
/// glue tail-calls it; the compiler may duplicate a call site).
struct ProfileMarkers: Sendable, Hashable {
    /// The counted function's name.
    var entryName: String
    var invoke: UInt64
    var step: UInt64
    var returnSites: [UInt64]

    /// `,invoke=0x..,step=0x..,return=0x..` for the plugin's `-plugin` option.
    var pluginArguments: String {
        ([("invoke", invoke), ("step", step)] + returnSites.map { ("return", $0) })
            .map { ",\($0)=0x\(String($1, radix: 16))" }.joined()
    }

    /// Finds the markers in the build's profile program.
    static func find(in build: QemuBuild) throws(CompileError) -> ProfileMarkers {
        let elf = build.elf(.profile)
        let symbols = try ElfSymbols.read(elf, toolchain: build.toolchain)
        let code = try Disassembly.read(elf, toolchain: build.toolchain)
        let prefix = build.sources.prefix
        guard let step = symbols.address(of: "mcuc_qemu_step") else {
            throw CompileError(.mismatch, "the profile program lacks its step marker mcuc_qemu_step")
        }
        for name in ["\(prefix)_run", "\(prefix)_invoke"] {
            let sites = returnSites(of: name, glue: "mcuc_harness_invoke", in: code)
            guard let entry = symbols.address(of: name), !sites.isEmpty, sites.count <= 6 else { continue }
            return ProfileMarkers(entryName: name, invoke: entry, step: step, returnSites: sites)
        }
        throw CompileError(.mismatch, "the profile program's harness calls neither \(prefix)_run nor \(prefix)_invoke")
    }

    /// The addresses after the calls that reach `invoke`: the glue's own `bl invoke`, or, when the
    /// glue branches to it (a tail call), every `bl glue` of the program.
    static func returnSites(of invoke: String, glue: String, in code: Disassembly) -> [UInt64] {
        guard let glueCode = code.functions[glue] else { return [] }
        let own = after(call: invoke, in: [glueCode])
        if !own.isEmpty { return own }
        guard glueCode.instructions.contains(where: { Disassembly.isBranch($0.mnemonic) && $0.directTarget == invoke }) else {
            return []
        }
        return after(call: glue, in: Array(code.functions.values))
    }

    /// The addresses following every `bl target` in `functions`.
    static func after(call target: String, in functions: [Disassembly.Function]) -> [UInt64] {
        var sites: [UInt64] = []
        for function in functions {
            for (k, instruction) in function.instructions.enumerated()
            where Disassembly.isCall(instruction.mnemonic) && instruction.directTarget == target
                && k + 1 < function.instructions.count {
                sites.append(function.instructions[k + 1].address)
            }
        }
        return sites.sorted()
    }

    /// The plugin's output as (marker, count) events in order.
    static func events(_ text: String) -> [(name: String, count: Int)] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let count = Int(parts[1]) else { return nil }
            return (String(parts[0]), count)
        }
    }
}
