import GraphPasses
import IR
import Lowering
import MemoryPlanning
import Scheduling

/// Options of the planning pipeline.
public struct PipelineOptions: Sendable, Hashable {
    /// The device: `Lowering` chooses each kernel's variant for its core, `CodeGen` names it.
    public var target: Target
    /// Graph inputs and outputs are caller-owned (not in the arena).
    public var externalIO: Bool
    /// Kernel contracts may share bytes (off for the plan handed to TFLM).
    public var sharing: Bool
    /// One placement algorithm, or nil for the best of all.
    public var planner: Planner?
    /// Offset alignment in bytes.
    public var alignment: Int
    /// int8 or the model's own types at the graph boundary (`--io`).
    public var io: IOMode
    /// The RAM regions activations may go to, fastest first (`placing(in:)`); empty for one arena.
    public var regions: [RegionSpec]
    /// `--patch`: layer by layer, searched, or a forced patch stage.
    public var patch: PatchChoice
    /// `--input-streaming`: the patch stage reads the graph inputs through a callback, patch by
    /// patch, so they are not held.
    public var inputStreaming: Bool
    /// `--max-mac-overhead` as a fraction (0.2 = 20% more MACs than layer-based).
    public var maxMACOverhead: Double
    /// The target's SRAM budget (`--patch fit` looks for the least overhead that fits it).
    public var sramBudget: Int?
    /// `--prefer`: fast kernel variants against the SRAM their scratch costs.
    public var prefer: KernelPreference

    public init(target: Target = TargetCatalog.defaultTarget, externalIO: Bool = false, sharing: Bool = true,
                planner: Planner? = nil, alignment: Int = 4, io: IOMode = .model, patch: PatchChoice = .none,
                inputStreaming: Bool = false, maxMACOverhead: Double = 0.2, sramBudget: Int? = nil,
                regions: [RegionSpec] = [], prefer: KernelPreference = .balanced) {
        self.target = target
        self.prefer = prefer
        self.patch = patch
        self.inputStreaming = inputStreaming
        self.maxMACOverhead = maxMACOverhead
        self.sramBudget = sramBudget
        self.externalIO = externalIO
        self.sharing = sharing
        self.planner = planner
        self.alignment = alignment
        self.io = io
        self.regions = regions
    }

    /// These options for `target`, with its RAM regions (none when its file lists none).
    public func placing(in target: Target) -> PipelineOptions {
        var options = self
        options.target = target
        options.regions = target.ramRegions.map { RegionSpec(name: $0.name, capacity: $0.budget) }
        return options
    }
}

/// `--io`: how the emitted code exchanges graph inputs and outputs (`IR.IOMode`, re-exported for
/// the command line).
public typealias IOMode = IR.IOMode

/// Everything the planning stages produced for one model.
public struct PlannedModel: Sendable {
    /// The graph after `GraphPasses` (the one every later stage and the reference see).
    public var graph: Graph
    /// One line per rewrite `GraphPasses` made (empty when none applied).
    public var rewrites: [String]
    public var schedule: Schedule
    /// How the patch stage was decided (nil with `--patch none`).
    public var patch: PatchOutcome?
    public var kernels: KernelPlan
    /// What `--prefer` chose among the kernel variants, and what the alternatives cost.
    public var kernelChoice: KernelChoice
    public var memory: MemoryPlan
    public var flash: FlashEstimate
}

/// The only place that knows the stage order: Graph -> Schedule -> KernelPlan -> MemoryPlan (and,
/// in `compile`, -> GeneratedSources). It checks the value after every stage and can stop after
/// any of them with that value's stable text (`--dump-after`).
public enum Pipeline {
    /// Schedules, lowers and plans `graph`. Throws the first `SupportCheck` problem of a model mcuc
    /// cannot compile (its kernels, hence its memory, are unknown).
    public static func plan(_ graph: Graph, options: PipelineOptions = PipelineOptions()) throws(CompileError) -> PlannedModel {
        switch try plan(graph, options: options, stoppingAfter: nil) {
        case .finished(let planned): return planned
        case .stopped(let stage, _): preconditionFailure("the pipeline stopped after \(stage) unasked")
        }
    }

    /// `plan`, stopping after `stop` (nil: never) with the text of that stage's value.
    ///
    /// In: a graph from `TFLiteFrontend` (which verified it). `frontend` stops before the support
    /// check, so an unsupported model can still be printed; `codegen` is not a planning stage
    /// (`compile` runs it) and runs to the end here. Every later stage's value is checked before it
    /// is printed or used.
    public static func plan(_ graph: Graph, options: PipelineOptions,
                            stoppingAfter stop: PipelineStage?) throws(CompileError) -> StageResult<PlannedModel> {
        if stop == .frontend { return .stopped(after: .frontend, text: GraphText.render(graph)) }
        let rewritten = try rewrite(graph, options: options)
        if stop == .passes { return .stopped(after: .passes, text: GraphText.render(rewritten.graph)) }
        let graph = rewritten.graph
        try SupportCheck.verify(graph)
        let (schedule, patch) = try PatchDecision.decide(graph, options: options)
        check(Scheduling.problems(in: schedule, for: graph), stage: .schedule)
        if stop == .schedule { return .stopped(after: .schedule, text: ScheduleText.render(schedule, graph: graph)) }
        let (lowered, choice) = KernelPreferenceSearch.lowerAndPlace(graph, schedule: schedule, options: options)
        let kernels = lowered.kernels, memory = lowered.memory
        if stop == .lowering { return .stopped(after: .lowering, text: KernelPlanText.render(kernels, graph: graph)) }
        if stop == .memory { return .stopped(after: .memory, text: MemoryPlanText.render(memory, graph: graph)) }
        return .finished(PlannedModel(graph: graph, rewrites: rewritten.notes, schedule: schedule, patch: patch, kernels: kernels,
                                      kernelChoice: choice, memory: memory,
                                      flash: FlashEstimate.estimate(kernels, graph: graph)))
    }

    /// The graph-to-graph rewrites `options` ask for (`GraphPasses`): what `plan` schedules, and
    /// what the reference interpreter must run to compare with the emitted code.
    public static func rewrite(_ graph: Graph, options: PipelineOptions) throws(CompileError) -> RewrittenGraph {
        try GraphPasses.run(graph, options: GraphPassOptions(io: options.io))
    }

    /// A stage broke its own invariants: a bug in mcuc, never the user's fault.
    static func check(_ problems: [String], stage: PipelineStage) {
        precondition(problems.isEmpty, "the \(stage) stage's value is invalid: " + problems.prefix(3).joined(separator: "; "))
    }
}
