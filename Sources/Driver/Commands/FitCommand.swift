import IR
import MemoryPlanning

/// Options of `mcuc fit`.
public struct FitCommandOptions: Sendable, Equatable {
    public var model: String
    public var target: String?
    public var allTargets: Bool
    public var externalIO: Bool
    public var sram: String?
    public var flash: String?
    public var json: Bool
    /// `--io`: int8 or the model's own types at the graph boundary.
    public var io: IOMode
    /// `--patch`, `--input-streaming`, `--max-mac-overhead`.
    public var patching: PatchingOptions
    /// Flash and SRAM from the ELF (when the toolchain is installed) or always estimated.
    public var memory: MemorySource

    public init(model: String, target: String? = nil, allTargets: Bool = false, externalIO: Bool = false,
                sram: String? = nil, flash: String? = nil, json: Bool = false, io: IOMode = .model,
                patching: PatchingOptions = PatchingOptions(), memory: MemorySource = .measure) {
        self.patching = patching
        self.io = io
        self.memory = memory
        self.model = model
        self.target = target
        self.allTargets = allTargets
        self.externalIO = externalIO
        self.sram = sram
        self.flash = flash
        self.json = json
    }
}

/// What `mcuc fit --json` prints.
public struct FitReport: Sendable, Encodable {
    public var version = 1
    public var model: String
    public var fits: Bool
    /// True with `--external-io`: every `sram_used_bytes` includes the caller's input and output
    /// buffers. False: inputs and outputs live in the arena (zero-copy accessors).
    public var external_io: Bool
    /// Bytes of the input and output buffers an application passes to `<prefix>_invoke`.
    public var io_buffer_bytes: Int
    public var targets: [FitVerdict]
}

extension Commands {
    /// `mcuc fit MODEL [--target NAME | --all-targets]`: SRAM and Flash per device. Exit 0 only if
    /// the model fits the target (with `--all-targets`: at least one), else 1; 2 for bad options.
    public static func fit(_ options: FitCommandOptions) -> CommandOutput {
        let targets: [Target]
        do {
            targets = try fitTargets(options)
        } catch {
            return usageFailure(error)
        }
        return CommandOutput.capturing(file: options.model) { () throws(CompileError) in
            let graph = try ModelFile.load(path: options.model)
            var planned: [PlannedModel] = []
            for target in targets {
                let pipeline = PipelineOptions(target: target, externalIO: options.externalIO, io: options.io)
                    .with(options.patching, sramBudget: options.patching.patch == .fit ? target.sramBudget : nil)
                    .placing(in: target)
                planned.append(try Pipeline.plan(graph, options: pipeline))
            }
            let verdicts = try verdicts(planned, targets: targets, options: options)
            let memory = planned.first?.memory
            let report = FitReport(model: options.model, fits: verdicts.contains { $0.fits },
                                   external_io: memory?.externalIO ?? options.externalIO,
                                   io_buffer_bytes: memory?.ioBufferBytes ?? 0, targets: verdicts)
            let text = options.json ? JSONOutput.encode(report) : fitText(report, targets: targets)
            guard report.fits else {
                let what = targets.count == 1 ? "does not fit \(targets[0].name)" : "fits none of the \(targets.count) targets"
                return CommandOutput(stdout: text, stderr: "error: \(DisplayText.escaped(options.model)): \(what)\n",
                                     exitCode: 1)
            }
            return CommandOutput(stdout: text)
        }
    }

    /// One verdict per target, with the memory of its planned model on the target's core (built
    /// and measured once per core when every target shares one plan).
    static func verdicts(_ planned: [PlannedModel], targets: [Target],
                         options: FitCommandOptions) throws(CompileError) -> [FitVerdict] {
        let shared = options.patching.patch != .fit
        var byCore: [Target.Core: ModelMemory] = [:]
        var verdicts: [FitVerdict] = []
        for (model, target) in zip(planned, targets) {
            let memory: ModelMemory
            if shared, var known = byCore[target.core] {
                known.arenaBytes = model.memory.arenaArrayBytes  // the code is the core's; the arena is this target's plan
                memory = known
            } else {
                memory = try Pipeline.memory(model, modelPath: options.model, target: target, source: options.memory)
                byCore[target.core] = memory
            }
            verdicts.append(FitVerdict(model: model, target: target, memory: memory))
        }
        return verdicts
    }

    static func fitTargets(_ options: FitCommandOptions) throws(UsageError) -> [Target] {
        guard options.allTargets else {
            return [try TargetCatalog.overriding(try TargetCatalog.resolve(options.target), sram: options.sram,
                                                 flash: options.flash)]
        }
        guard options.target == nil, options.sram == nil, options.flash == nil else {
            throw UsageError("--all-targets cannot be combined with --target, --sram or --flash")
        }
        return TargetCatalog.builtin
    }

    /// The device table and one verdict line per device.
    static func fitText(_ report: FitReport, targets: [Target]) -> String {
        var table = TextTable(headers: ["target", "core", "MHz", "SRAM used", "SRAM budget", "SRAM %", "Flash used",
                                        "Flash budget", "Flash %", "verdict"], rightAligned: [2, 3, 4, 5, 6, 7, 8])
        for (verdict, target) in zip(report.targets, targets) {
            table.add([verdict.target, verdict.core, String(target.clockMHz), Grouped.text(verdict.sram_used_bytes),
                       Grouped.text(verdict.sram_budget_bytes),
                       FitVerdict.percent(verdict.sram_used_bytes, of: verdict.sram_budget_bytes),
                       Grouped.text(verdict.flash_used_bytes), Grouped.text(verdict.flash_budget_bytes),
                       FitVerdict.percent(verdict.flash_used_bytes, of: verdict.flash_budget_bytes),
                       verdict.verdictCell])
        }
        let lines = ["model: \(DisplayText.escaped(report.model))", "", table.render(), "", ioNote(report)]
            + report.targets.flatMap { [$0.line] + ($0.regionsLine.map { [$0] } ?? []) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What "SRAM used" counts for the inputs and outputs.
    static func ioNote(_ report: FitReport) -> String {
        let buffers = Grouped.text(report.io_buffer_bytes)
        if report.external_io {
            return "SRAM used = arena + static + stack + the application's input and output buffers (\(buffers) bytes, --external-io)"
        }
        return "SRAM used = arena + static + stack: inputs and outputs live in the arena (<prefix>_input/_output, zero-copy); "
            + "passing the application's own buffers to <prefix>_invoke needs \(buffers) bytes more"
    }
}
