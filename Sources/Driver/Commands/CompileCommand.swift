import CodeGen
import Foundation
import IR
import MemoryPlanning

/// Options of `mcuc compile`.
public struct CompileCommandOptions: Sendable, Equatable {
    public var model: String
    /// A target name, alias or JSON path (nil: the default target).
    public var target: String?
    /// Output folder (nil: `out/<prefix>`).
    public var outputDirectory: String?
    /// Prefix of the emitted names (nil: derived from the model's file name).
    public var prefix: String?
    public var externalIO: Bool
    /// Print only this stage's value and stop; nothing is written.
    public var dumpAfter: PipelineStage?
    /// `--io`: int8 or the model's own types at the graph boundary.
    public var io: IOMode
    /// `--sram` / `--flash` overrides (`256K`, `1M`).
    public var sram: String?
    public var flash: String?
    /// `--require-fit`: a model that does not fit the target is an error (exit 1, nothing written)
    /// instead of a warning.
    public var requireFit: Bool
    /// `--weights-section NAME`: the linker section of every constant table.
    public var weightsSection: String?
    /// `--patch`, `--input-streaming`, `--max-mac-overhead`.
    public var patching: PatchingOptions
    /// Flash and SRAM from the ELF (when the toolchain is installed) or always estimated.
    public var memory: MemorySource

    public init(model: String, target: String? = nil, outputDirectory: String? = nil, prefix: String? = nil,
                externalIO: Bool = false, dumpAfter: PipelineStage? = nil, io: IOMode = .model,
                sram: String? = nil, flash: String? = nil, requireFit: Bool = false,
                patching: PatchingOptions = PatchingOptions(), weightsSection: String? = nil,
                memory: MemorySource = .measure) {
        self.patching = patching
        self.weightsSection = weightsSection
        self.io = io
        self.sram = sram
        self.flash = flash
        self.requireFit = requireFit
        self.memory = memory
        self.model = model
        self.target = target
        self.outputDirectory = outputDirectory
        self.prefix = prefix
        self.externalIO = externalIO
        self.dumpAfter = dumpAfter
    }
}

extension Commands {
    /// `mcuc compile MODEL [--target NAME] [-o DIR] [--prefix NAME]`: writes the C library and
    /// prints where the files went and the memory summary. A model that does not fit the target
    /// gets a warning on stderr (exit 0), or with `--require-fit` an error (exit 1, nothing
    /// written). The library replaces the folder's previous one only once it is complete
    /// (`LibraryOutput`). With `--dump-after STAGE`, only that stage's text and no files.
    public static func compile(_ options: CompileCommandOptions) -> CommandOutput {
        let target: Target
        do throws(UsageError) {
            target = try TargetCatalog.overriding(try TargetCatalog.resolve(options.target), sram: options.sram,
                                                  flash: options.flash)
            if let prefix = options.prefix, let problem = CName.prefixProblem(prefix) {
                throw UsageError("--prefix '\(DisplayText.escaped(prefix))' \(problem)")
            }
            try validateDumpAfter(options.dumpAfter, allowed: PipelineStage.allCases,
                                  conflicts: [("-o", options.outputDirectory != nil)])
            if let section = options.weightsSection, !Self.isSectionName(section) {
                throw UsageError("--weights-section '\(DisplayText.escaped(section))' is not a linker section name "
                    + "(letters, digits, '.', '_'; at most 64 characters)")
            }
        } catch {
            return usageFailure(error)
        }
        return CommandOutput.capturing(file: options.model) { () throws(CompileError) in
            let graph = try ModelFile.load(path: options.model)
            let compiled: CompiledModel
            let pipeline = PipelineOptions(target: target, externalIO: options.externalIO, io: options.io)
                .with(options.patching, sramBudget: target.sramBudget).placing(in: target)
            switch try Pipeline.compile(graph, options: pipeline, modelPath: options.model, prefix: options.prefix,
                                        stoppingAfter: options.dumpAfter, weightsSection: options.weightsSection) {
            case .stopped(_, let text): return CommandOutput(stdout: text)
            case .finished(let value): compiled = value
            }
            let (planned, sources) = (compiled.planned, compiled.sources)
            let memory = try Pipeline.memory(planned, sources: sources, target: target, source: options.memory)
            let verdict = FitVerdict(model: planned, target: target, memory: memory)
            if !verdict.fits, options.requireFit {
                throw CompileError(.doesNotFit, verdict.line + " (--require-fit; nothing written)")
            }
            let directory = options.outputDirectory ?? "out/\(sources.prefix)"
            try LibraryOutput.write(sources.files, to: directory)
            let warning = verdict.fits ? "" : "warning: \(DisplayText.escaped(options.model)): \(verdict.line)\n"
            return CommandOutput(stdout: compileSummary(sources, planned: planned, target: target, directory: directory,
                                                        memory: memory),
                                 stderr: warning)
        }
    }

    static func compileSummary(_ sources: GeneratedSources, planned: PlannedModel, target: Target,
                               directory: String, memory: ModelMemory) -> String {
        let m = planned.memory
        var text = "wrote \(sources.files.count) files to \(DisplayText.escaped(directory)): "
            + sources.files.map(\.name).joined(separator: " ") + "\n"
        text += apiLines(prefix: sources.prefix, memory: m)
        text += "arena \(Grouped.text(m.arenaArrayBytes)) bytes (lower bound \(Grouped.text(m.lowerBound))); "
            + "constants \(Grouped.text(memory.constantBytes)) bytes; code "
            + (memory.exact ? "\(Grouped.text(memory.codeBytes)) bytes (from the ELF, -mcpu=\(memory.cpu ?? ""))"
                : "about \(Grouped.text(memory.codeBytes)) bytes (estimate)") + "\n"
        text += MemoryText.sram(SRAMBytes(memory)) + "\n"
        text += FitVerdict(model: planned, target: target, memory: memory).line + "\n"
        return text
    }

    /// The API the library offers in its I/O mode and the SRAM the firmware needs with it.
    static func apiLines(prefix p: String, memory m: MemoryPlan) -> String {
        if m.externalIO {
            return "API: int \(p)_invoke(...) reading and writing your buffers, with \(arenaText(m, prefix: p))\n"
                + "SRAM the firmware needs: \(Grouped.text(m.peakSRAMBytes)) bytes = arena \(Grouped.text(m.arenaArrayBytes)) "
                + "+ static \(Grouped.text(m.staticBytes))\(stateText(m, prefix: p)) + your input and output buffers \(Grouped.text(m.ioBufferBytes))\n"
        }
        let arenas = m.arenaRegions.indices.map { $0 == 0 ? "arena" : "arena\($0)" }.joined(separator: ", ")
        return "API (zero-copy): write inputs at \(p)_input(\(arenas), i), call \(p)_run(\(arenas)), read outputs at "
            + "\(p)_output(\(arenas), i), with \(arenaText(m, prefix: p))\n"
            + "SRAM the firmware needs: \(Grouped.text(m.peakSRAMBytes)) bytes = arena \(Grouped.text(m.arenaArrayBytes)) "
            + "+ static \(Grouped.text(m.staticBytes))\(stateText(m, prefix: p)); \(Grouped.text(m.sramWithCallerBuffers)) bytes with "
            + "\(p)_invoke(...) and your own input and output buffers\n"
    }

    /// ` + state 240` for a model with variable tensors (its `<prefix>_state`, kept between
    /// invokes; call `<prefix>_reset()` first), else nothing.
    static func stateText(_ m: MemoryPlan, prefix p: String) -> String {
        m.stateBytes > 0 ? " + state \(Grouped.text(m.stateBytes)) (call \(p)_reset() before the first inference)" : ""
    }

    /// `a 37,256-byte arena (NET_ARENA_SIZE)`, or with memory regions every array, its region and section.
    static func arenaText(_ m: MemoryPlan, prefix p: String) -> String {
        let regions = m.arenaRegions
        guard regions.contains(where: { $0.name != nil }) else {
            return "a \(Grouped.text(m.arenaArrayBytes))-byte arena (\(p.uppercased())_ARENA_SIZE)"
        }
        return regions.enumerated().map { r, region in
            "\(r == 0 ? "arena" : "arena\(r)") \(Grouped.text(region.bytes)) bytes in \(region.name ?? "") "
                + "(section .\(p)_arena_\(region.name ?? ""))"
        }.joined(separator: ", ") + "; \(p)_memory.ld places the sections"
    }

    /// Letters, digits, `.` and `_`, not starting with a digit, 1 to 64 characters.
    static func isSectionName(_ text: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._")
        return (1...64).contains(text.count) && text.allSatisfy { allowed.contains($0) } && !(text.first!.isNumber)
    }
}
