import IR

/// Options of `mcuc plan`.
public struct PlanCommandOptions: Sendable, Equatable {
    public var model: String
    /// A target name, alias or JSON path (nil: the default target).
    public var target: String?
    /// One placement algorithm, or `best` of all.
    public var planner: PlannerChoice
    public var json: Bool
    /// Where to write the SVG drawing, if anywhere.
    public var svgPath: String?
    public var externalIO: Bool
    /// `--sram` / `--flash` overrides (`256K`, `1M`).
    public var sram: String?
    public var flash: String?
    /// Where to write a copy of the model carrying our plan as TFLM `OfflineMemoryAllocation`.
    public var tflmPlanPath: String?
    /// Print only this stage's value and stop (one of `PipelineStage.planning`).
    public var dumpAfter: PipelineStage?
    /// `--io`: int8 or the model's own types at the graph boundary.
    public var io: IOMode
    /// `--patch`, `--input-streaming`, `--max-mac-overhead`.
    public var patching: PatchingOptions
    /// `--verbose`: list the candidates the patch search considered.
    public var verbose: Bool
    /// Flash and SRAM from the ELF (when the toolchain is installed) or always estimated.
    public var memory: MemorySource

    public init(model: String, target: String? = nil, planner: PlannerChoice = .best, json: Bool = false,
                svgPath: String? = nil, externalIO: Bool = false, sram: String? = nil, flash: String? = nil,
                tflmPlanPath: String? = nil, dumpAfter: PipelineStage? = nil, io: IOMode = .model,
                patching: PatchingOptions = PatchingOptions(), verbose: Bool = false, memory: MemorySource = .measure) {
        self.patching = patching
        self.verbose = verbose
        self.io = io
        self.memory = memory
        self.model = model
        self.target = target
        self.planner = planner
        self.json = json
        self.svgPath = svgPath
        self.externalIO = externalIO
        self.sram = sram
        self.flash = flash
        self.tflmPlanPath = tflmPlanPath
        self.dumpAfter = dumpAfter
    }
}

extension Commands {
    /// `mcuc plan MODEL ...`: the memory plan, its bounds and the verdict against the target.
    /// Exit 0 whenever a plan was made (the verdict is in the output; `mcuc fit` turns it into the
    /// exit code); 1 for a model mcuc cannot plan; 2 for a bad option. With `--dump-after STAGE`,
    /// only that stage's text (see `validateDumpAfter`).
    public static func plan(_ options: PlanCommandOptions) -> CommandOutput {
        let target: Target
        do {
            target = try TargetCatalog.overriding(try TargetCatalog.resolve(options.target), sram: options.sram,
                                                  flash: options.flash)
            try validateDumpAfter(options.dumpAfter, allowed: PipelineStage.planning,
                                  conflicts: [("--json", options.json), ("--svg", options.svgPath != nil),
                                              ("--emit-tflm-plan", options.tflmPlanPath != nil)])
        } catch {
            return usageFailure(error)
        }
        return CommandOutput.capturing(file: options.model) { () throws(CompileError) in
            let graph = try ModelFile.load(path: options.model)
            let planned: PlannedModel
            let pipeline = PipelineOptions(target: target, externalIO: options.externalIO,
                                           planner: options.planner.planner, io: options.io)
                .with(options.patching, sramBudget: target.sramBudget).placing(in: target)
            switch try Pipeline.plan(graph, options: pipeline, stoppingAfter: options.dumpAfter) {
            case .stopped(_, let text): return CommandOutput(stdout: text)
            case .finished(let value): planned = value
            }
            let memory = try Pipeline.memory(planned, modelPath: options.model, target: target, source: options.memory)
            let report = PlanReport(model: options.model, planned: planned, target: target, memory: memory,
                                    verbose: options.verbose)
            if let path = options.svgPath {
                try FileOutput.write(PlanSVG.render(report, budget: target.sramBudget,
                                                          patch: planned.schedule.patchStage, graph: planned.graph), to: path)
            }
            var notes = ""
            if let path = options.tflmPlanPath {
                let export = try TFLMPlanExport.write(graph: graph, modelPath: options.model, to: path)
                notes = "wrote \(DisplayText.escaped(path)): TFLM offline plan, arena head \(export.arenaBytes) bytes "
                    + "(no kernel-contract sharing, 16-byte aligned)\n"
            }
            let text = options.json ? JSONOutput.encode(report) : report.renderText(planned: planned, target: target)
            return CommandOutput(stdout: text, stderr: notes)
        }
    }

    /// `mcuc targets [--json]`: the built-in devices.
    public static func targets(json: Bool) -> CommandOutput {
        let report = TargetsReport(targets: TargetCatalog.builtin, defaultName: TargetCatalog.defaultTargetName)
        return CommandOutput(stdout: json ? JSONOutput.encode(report) : report.renderText())
    }

    /// `mcuc operators`: every supported operator with its types and options (text, markdown or JSON).
    public static func operators(json: Bool, markdown: Bool) -> CommandOutput {
        let report = OperatorsReport()
        return CommandOutput(stdout: json ? JSONOutput.encode(report) : markdown ? report.renderMarkdown() : report.renderText())
    }

    /// `error: <message>` and exit code 2.
    static func usageFailure(_ error: UsageError) -> CommandOutput {
        CommandOutput(stderr: "error: \(error.message)\n", exitCode: 2)
    }
}
