import Foundation
import IR

/// The model's memory as the linker placed it in the plain program (the model as a user builds
/// it): the model's own objects (its file, its constant tables, its kernels), never the harness,
/// the startup code or the C library, which are counted apart.
public struct MemoryFootprint: Sendable, Hashable, Codable {
    /// Machine code (and read-only data such as jump tables) of the model file and its kernels.
    public var codeBytes: Int
    /// The constant tables and parameter blocks of `<prefix>_weights.c`.
    public var constantBytes: Int
    /// `.data` and `.bss` of the model's objects (zero for kernels that keep everything in the arena).
    public var staticBytes: Int
    /// C library and libgcc code the model's entry functions reach (memcpy, memset, division helpers).
    public var libraryCodeBytes: Int
    /// The caller-owned arena.
    public var arenaBytes: Int
    /// The deepest stack the model's entry functions can use, from the program's call graph.
    public var stackBytes: Int
    /// False when the call graph has an indirect call or a recursion (then the stack is a lower bound).
    public var stackComplete: Bool
    /// The deepest call chain, outermost first.
    public var stackPath: [String]

    /// Flash of the model: code and constants.
    public var flashBytes: Int { codeBytes + constantBytes }
    /// SRAM of the model: arena, static data and stack.
    public var sramBytes: Int { arenaBytes + staticBytes + stackBytes }
}

extension QemuBuild {
    /// Reads the plain program's map, code and `.su` files. Throws `.mismatch` when they cannot be read.
    public func footprint() throws(CompileError) -> MemoryFootprint {
        precondition(programs.contains(.plain), "the plain program was not built")
        let prefix = sources.prefix
        let mapText = (try? String(contentsOf: map(.plain), encoding: .utf8)) ?? ""
        let linked = LinkerMap.parse(mapText)
        guard !linked.sections.isEmpty else { throw CompileError(.mismatch, "cannot read the linker map of \(prefix)") }
        let weights = "\(sources.fileStem)_weights.o"
        let own = Set(["\(sources.fileStem)_plain.o"] + sources.librarySources.map { String($0.dropLast(2)) + ".o" })
        let (analysis, stack) = try stackBound(.plain)
        let ownFunctions = Set(linked.sections.filter { $0.kind == .code && own.contains($0.object) }
            .map { String($0.name.dropFirst(".text.".count)) })
        let symbols = try ElfSymbols.read(elf(.plain), toolchain: toolchain)
        let reached = entryFunctions.reduce(into: Set<String>()) { $0.formUnion(analysis.reachable(from: $1)) }
        let library = reached.subtracting(ownFunctions).reduce(0) { total, name in
            total + Int(symbols.symbols.first { $0.name == name && "Tt".contains($0.type) }?.size ?? 0)
        }
        return MemoryFootprint(
            codeBytes: linked.bytes(.code) { own.contains($0) && $0 != weights }
                + linked.bytes(.constant) { own.contains($0) && $0 != weights },
            constantBytes: linked.bytes(.constant) { $0 == weights } + linked.bytes(.code) { $0 == weights },
            staticBytes: linked.bytes(.data) { own.contains($0) } + linked.bytes(.bss) { own.contains($0) },
            libraryCodeBytes: library, arenaBytes: sources.arenaBytes, stackBytes: stack.bytes,
            stackComplete: stack.complete, stackPath: stack.path)
    }

    /// The model functions a program may enter: `<prefix>_run` (zero-copy) and `<prefix>_invoke`;
    /// the linker keeps those the harness calls.
    var entryFunctions: [String] { ["\(sources.prefix)_run", "\(sources.prefix)_invoke"] }

    /// The call-graph analysis of `program` and the deepest stack of `roots` (default: the model's
    /// entry functions) in it.
    func stackBound(_ program: QemuProgram, roots: [String]? = nil) throws(CompileError) -> (StackAnalysis, StackAnalysis.Bound) {
        let code = try Disassembly.read(elf(program), toolchain: toolchain)
        let analysis = StackAnalysis(code: code, declared: StackAnalysis.stackUsage(stackUsageTexts(program)))
        let names = roots ?? entryFunctions
        guard let bound = names.compactMap({ analysis.bound(from: $0) }).max(by: { $0.bytes < $1.bytes }) else {
            throw CompileError(.mismatch, "the \(program.rawValue) program of \(sources.prefix) has neither "
                + names.joined(separator: " nor "))
        }
        return (analysis, bound)
    }

    /// The deepest stack of `root` (default: the model's entry functions) in `program` by its call
    /// graph, in bytes.
    public func stackBytes(_ program: QemuProgram, from root: String? = nil) throws(CompileError) -> Int {
        try stackBound(program, roots: root.map { [$0] }).1.bytes
    }

    /// The `.su` files of `program`'s objects (the build folder's and the prebuilt runtime's; not
    /// those of the model file's other variants).
    func stackUsageTexts(_ program: QemuProgram) -> [String] {
        let variants = Set(QemuProgram.allCases.filter { $0 != program }.map { "\(sources.fileStem)_\($0.rawValue).su" })
        return ([directory] + (runtimeDirectory.map { [$0] } ?? [])).flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasSuffix(".su") && !variants.contains($0) }.compactMap {
                try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
            }
        }
    }
}
