import IR
import Simulator

/// Options of `mcuc report`.
public struct ReportCommandOptions: Sendable, Equatable {
    public var model: String
    /// Where to write the HTML page (default `report.html`).
    public var outputPath: String
    public var target: String?
    public var planner: PlannerChoice
    public var externalIO: Bool
    public var sram: String?
    public var flash: String?
    /// `--on qemu`: count each layer's instructions on the target's core (or `core`) under QEMU.
    public var platform: SimulationPlatform
    public var core: CortexMCore?

    public init(model: String, outputPath: String = "report.html", target: String? = nil, planner: PlannerChoice = .best,
                externalIO: Bool = false, sram: String? = nil, flash: String? = nil,
                platform: SimulationPlatform = .host, core: CortexMCore? = nil) {
        self.platform = platform
        self.core = core
        self.model = model
        self.outputPath = outputPath
        self.target = target
        self.planner = planner
        self.externalIO = externalIO
        self.sram = sram
        self.flash = flash
    }
}

extension Commands {
    /// `mcuc report MODEL [-o report.html]`: one self-contained HTML page (summary, memory chart,
    /// layer table, fit on every target). Exit 0 when the page was written, whether or not the
    /// model fits (the verdict is in the page); 1 for a model mcuc cannot plan; 2 for bad options.
    public static func report(_ options: ReportCommandOptions) -> CommandOutput {
        let target: Target, platform: QemuPlatform
        do throws(UsageError) {
            target = try TargetCatalog.overriding(try TargetCatalog.resolve(options.target), sram: options.sram,
                                                  flash: options.flash)
            guard options.platform == .qemu || options.core == nil else { throw UsageError("--core needs --on qemu") }
            platform = try QemuTargeting.platform(core: options.core, target: target, targetGiven: options.target != nil)
        } catch {
            return usageFailure(error)
        }
        return CommandOutput.capturing(file: options.model) { () throws(CompileError) in
            let bytes = try ModelFile.readBytes(path: options.model)
            let graph = try ModelFile.importModel(bytes: bytes)
            func pipeline(_ target: Target) -> PipelineOptions {
                PipelineOptions(target: target, externalIO: options.externalIO, planner: options.planner.planner)
                    .placing(in: target)
            }
            func plan(_ target: Target) throws(CompileError) -> PlannedModel {
                try Pipeline.plan(graph, options: pipeline(target))
            }
            var profile: ReportProfile?
            let planned: PlannedModel
            if options.platform == .qemu {
                (planned, profile) = try profileOnQemu(graph, modelPath: options.model, options: pipeline(target),
                                                       platform: platform)
            } else {
                planned = try plan(target)
            }
            let catalog = TargetCatalog.builtin.map { $0.name == target.name ? target : $0 }
                + (TargetCatalog.builtin.contains { $0.name == target.name } ? [] : [target])
            var fits: [(target: Target, verdict: FitVerdict)] = []
            for other in catalog {
                let model = other == target ? planned : try plan(other)
                fits.append((other, FitVerdict(model: model, target: other, memory: ModelMemory.estimate(model))))
            }
            let report = ModelReport(modelPath: options.model, modelBytes: bytes.count, planned: planned, target: target,
                                     fits: fits, profile: profile)
            let page = ReportPage.render(report)
            try FileOutput.write(page, to: options.outputPath)
            return CommandOutput(stdout: "wrote \(DisplayText.escaped(options.outputPath)) (\(Grouped.text(page.utf8.count)) "
                + "bytes): \(report.plan.verdict.line)\n")
        }
    }
}
