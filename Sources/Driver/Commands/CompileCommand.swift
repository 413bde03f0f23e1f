import CodeGen
import Foundation
import IR

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

    public init(model: String, target: String? = nil, outputDirectory: String? = nil, prefix: String? = nil,
                externalIO: Bool = false, dumpAfter: PipelineStage? = nil, io: IOMode = .model) {
        self.io = io
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
    /// prints where the files went and the memory summary. With `--dump-after STAGE`, only that
    /// stage's text and no files (see `validateDumpAfter`).
    public static func compile(_ options: CompileCommandOptions) -> CommandOutput {
        let target: Target
        do throws(UsageError) {
            target = try TargetCatalog.resolve(options.target)
            if let prefix = options.prefix, !CName.isValidPrefix(prefix) {
                throw UsageError("--prefix '\(DisplayText.escaped(prefix))' is not a C identifier (letters, digits and _, "
                    + "starting with a letter, at most 40 characters, not a C keyword, not mcuc_...)")
            }
            try validateDumpAfter(options.dumpAfter, allowed: PipelineStage.allCases,
                                  conflicts: [("-o", options.outputDirectory != nil)])
        } catch {
            return usageFailure(error)
        }
        return CommandOutput.capturing(file: options.model) { () throws(CompileError) in
            let graph = try ModelFile.load(path: options.model)
            let compiled: CompiledModel
            switch try Pipeline.compile(graph, options: PipelineOptions(externalIO: options.externalIO, io: options.io),
                                        modelPath: options.model, prefix: options.prefix, target: target,
                                        stoppingAfter: options.dumpAfter) {
            case .stopped(_, let text): return CommandOutput(stdout: text)
            case .finished(let value): compiled = value
            }
            let (planned, sources) = (compiled.planned, compiled.sources)
            let directory = options.outputDirectory ?? "out/\(sources.prefix)"
            try FileOutput.makeDirectory(directory)
            for file in sources.files {
                try FileOutput.write(file.text, to: (directory as NSString).appendingPathComponent(file.name))
            }
            return CommandOutput(stdout: compileSummary(sources, planned: planned, target: target, directory: directory))
        }
    }

    static func compileSummary(_ sources: GeneratedSources, planned: PlannedModel, target: Target,
                               directory: String) -> String {
        let m = planned.memory
        var text = "wrote \(sources.files.count) files to \(DisplayText.escaped(directory)): "
            + sources.files.map(\.name).joined(separator: " ") + "\n"
        text += "API: int \(sources.prefix)_invoke(...) with a \(Grouped.text(m.arenaBytes))-byte arena "
            + "(\(sources.prefix.uppercased())_ARENA_SIZE)\n"
        text += "arena \(Grouped.text(m.arenaBytes)) bytes (lower bound \(Grouped.text(m.lowerBound)), "
            + "\(m.externalIO ? "inputs and outputs outside" : "inputs and outputs inside")); "
            + "constants \(Grouped.text(sources.constantBytes)) bytes; code about \(Grouped.text(planned.flash.codeBytes)) bytes\n"
        text += FitVerdict(model: planned, target: target).line + "\n"
        return text
    }
}
