import CodeGen
import Foundation
import IR
import Simulator

/// A planned model and the C sources generated for it.
public struct CompiledModel: Sendable {
    /// The values of the planning stages.
    public var planned: PlannedModel
    /// The emitted library (`sources.arenaBytes == planned.memory.arenaBytes`).
    public var sources: GeneratedSources
}

extension Pipeline {
    /// The last two stages after planning: C sources for a planned model (`CodeGen`).
    ///
    /// In: the result of `Pipeline.plan`. Out: sources whose `arenaBytes` is the plan's arena and
    /// whose constant bytes are the plan's Flash constants. `weightsSection` names the linker
    /// section of the constant tables (`--weights-section`).
    public static func generate(_ planned: PlannedModel, modelPath: String, prefix: String?,
                                weightsSection: String? = nil) throws(CompileError) -> GeneratedSources {
        let name = URL(fileURLWithPath: modelPath).lastPathComponent
        let options = CodeGenOptions(prefix: prefix ?? defaultPrefix(modelPath: modelPath), modelName: name,
                                     target: planned.kernels.options.target, codeBytesEstimate: planned.flash.codeBytes,
                                     weightsSection: weightsSection)
        let sources = try CodeGen.generate(graph: planned.graph, schedule: planned.schedule, kernels: planned.kernels,
                                           memory: planned.memory, options: options)
        check(problems(in: sources, planned: planned), stage: .codegen)
        return sources
    }

    /// Broken invariants of `sources` (empty when valid): the plan's arena and Flash constants,
    /// files sorted by distinct names.
    static func problems(in sources: GeneratedSources, planned: PlannedModel) -> [String] {
        var problems: [String] = []
        if sources.arenaBytes != planned.memory.arenaBytes {
            problems.append("arena \(sources.arenaBytes) bytes, planned \(planned.memory.arenaBytes)")
        }
        if sources.constantBytes != planned.flash.constantBytes {
            problems.append("constants \(sources.constantBytes) bytes, planned \(planned.flash.constantBytes)")
        }
        let names = sources.files.map(\.name)
        if names != names.sorted() || Set(names).count != names.count { problems.append("files not sorted by distinct names") }
        return problems
    }

    /// `plan`, then `generate`: the whole of `mcuc compile` but writing files. Stops after `stop`
    /// (nil: never) with the text of that stage's value; `codegen` prints `GeneratedSourcesText`.
    public static func compile(_ graph: Graph, options: PipelineOptions, modelPath: String, prefix: String?,
                               stoppingAfter stop: PipelineStage?,
                               weightsSection: String? = nil) throws(CompileError) -> StageResult<CompiledModel> {
        let planned: PlannedModel
        switch try plan(graph, options: options, stoppingAfter: stop) {
        case .stopped(let stage, let text): return .stopped(after: stage, text: text)
        case .finished(let value): planned = value
        }
        let sources = try generate(planned, modelPath: modelPath, prefix: prefix, weightsSection: weightsSection)
        if stop == .codegen { return .stopped(after: .codegen, text: GeneratedSourcesText.render(sources)) }
        return .finished(CompiledModel(planned: planned, sources: sources))
    }

    /// The prefix derived from a model's file name (`digits_cnn.tflite` -> `digits_cnn`).
    public static func defaultPrefix(modelPath: String) -> String {
        let url = URL(fileURLWithPath: modelPath)
        return CName.identifier(from: url.deletingPathExtension().lastPathComponent)
    }

    /// A fresh folder for a host build, removed by `cleanup` unless `MCUC_KEEP_BUILD` is set.
    /// Registered with `ScratchDirectories`, so a signal removes it too.
    static func scratchDirectory() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcuc-host-\(UUID().uuidString)")
        if ProcessInfo.processInfo.environment["MCUC_KEEP_BUILD"] == nil { ScratchDirectories.register(folder) }
        return folder
    }

    static func cleanup(_ directory: URL) {
        guard ProcessInfo.processInfo.environment["MCUC_KEEP_BUILD"] == nil else { return }
        ScratchDirectories.remove(directory)
    }

    /// Plans (rewrites included), generates and builds `graph` for the host; the caller removes
    /// `build.directory` and compares against the returned `PlannedModel.graph`.
    static func hostBuild(_ graph: Graph, modelPath: String, options: PipelineOptions,
                          build: HostBuildOptions = HostBuildOptions()) throws(CompileError) -> (PlannedModel, HostBuild) {
        let planned = try plan(graph, options: options)
        let sources = try generate(planned, modelPath: modelPath, prefix: nil)
        let directory = scratchDirectory()
        do {
            return (planned, try HostBuild.make(sources, in: directory, options: build))
        } catch {
            cleanup(directory)
            throw error
        }
    }
}
