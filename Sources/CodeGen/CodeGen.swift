import IR
import Lowering
import MemoryPlanning
import Scheduling

/// Options of the code generator.
public struct CodeGenOptions: Sendable, Hashable {
    /// Prefix of every emitted name and file (`CName.isValidPrefix`).
    public var prefix: String
    /// The model's file name, for comments (escaped).
    public var modelName: String
    /// The device, for comments and the README (`Lowering` chose the kernel variants for it).
    public var target: Target?
    /// Estimated code bytes for the README (from `FlashEstimate`).
    public var codeBytesEstimate: Int
    /// The linker section of the constant tables (`--weights-section`), if any; `<stem>_memory.ld`
    /// maps it to the target's fastest Flash region (or `FLASH`).
    public var weightsSection: String?

    public init(prefix: String, modelName: String, target: Target? = nil, codeBytesEstimate: Int = 0,
                weightsSection: String? = nil) {
        self.prefix = prefix
        self.modelName = modelName
        self.target = target
        self.codeBytesEstimate = codeBytesEstimate
        self.weightsSection = weightsSection
    }
}

/// Emits C99 for a planned model: renders the `KernelPlan`'s calls (functions, typed params,
/// constant tables) at the `MemoryPlan`'s offsets through the skeletons and runtime kernels of
/// `Templates/`. Makes no decisions.
public enum CodeGen {
    /// Version written into the emitted files.
    public static let version = "0.1.0"
    /// Arena alignment the header asks callers for (covers every planner alignment up to 16).
    public static let arenaAlignment = 16

    /// Every runtime file (all kernel families, shared headers, the host harness), for tools
    /// that build the runtime once and link many models against it.
    public static var runtimeFiles: [GeneratedFile] {
        let variants = KernelVariant.allCases.filter { $0 != .portable }
        let variantSources = KernelFamily.allCases.flatMap { family in
            variants.flatMap { family.sources($0) }.filter { TemplateLibrary.files["kernels/arm/" + $0] != nil }
        }
        let names = TemplateLibrary.sharedHeaders + variants.flatMap(\.headers)
            + KernelFamily.allCases.flatMap { [$0.header] + $0.sources(.portable) } + variantSources
            + Set(KernelFamily.allCases.flatMap(\.helperFiles)).sorted() + ["mcuc_harness.h", "mcuc_harness.c"]
        return names.map { GeneratedFile(name: $0, text: TemplateLibrary.runtimeFile($0)) }
    }

    /// The C sources for `graph` scheduled, lowered and planned as given.
    ///
    /// In: a supported graph, its schedule, kernel plan and verified memory plan; a valid prefix.
    /// Out: files that compile warning-free as C99 and compute what `Reference` computes.
    /// Throws `.badInput` for an invalid prefix (every model limit was checked before lowering).
    public static func generate(graph: Graph, schedule: Schedule, kernels: KernelPlan, memory: MemoryPlan,
                                options: CodeGenOptions) throws(CompileError) -> GeneratedSources {
        if let problem = CName.prefixProblem(options.prefix) {
            throw CompileError(.badInput, "prefix '\(CName.comment(options.prefix))' \(problem)")
        }
        let locations = TensorLocations(graph: graph, memory: memory, prefix: options.prefix)
        let renderer = CallRenderer(graph: graph, locations: locations, memory: memory, prefix: options.prefix)
        let rendered = kernels.calls.map { ($0, renderer.render($0)) }
        let streamed = schedule.patchStage.map { $0.inputStreaming ? Set($0.split.inputs) : [] } ?? []
        let interface = ModelInterface(graph: graph, locations: locations, streamed: streamed)
        let assembly = SourceAssembly(graph: graph, options: options, memory: memory, interface: interface,
                                      patchLoop: kernels.patchLoop)
        return assembly.assemble(rendered, outputTables: kernels.outputTables)
    }
}
