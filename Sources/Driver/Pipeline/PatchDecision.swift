import IR
import Lowering
import MemoryPlanning
import Scheduling

/// How the patch stage was decided, for the reports.
public struct PatchOutcome: Sendable {
    /// What `--patch` asked for.
    public var choice: PatchChoice
    /// Where a stage could end in this graph.
    public var splits: PatchSplits
    /// The search, for `auto` and `fit`.
    public var search: PatchSearchResult?
    /// What was chosen and why (`forced` for `RxC@K`).
    public var verdict: PatchVerdict?
    /// Placed arena of the layer-based schedule (known when a search ran or a plan was forced).
    public var layerPeak: Int?
    /// Placed arena of the chosen split and grid with the input held, and with it streamed
    /// (nil when not applicable, e.g. a float input cannot be streamed).
    public var heldPeak: Int?
    public var streamedPeak: Int?
}

/// Decides the schedule: layer by layer, a forced `RxC@K` patch stage, or the search's choice.
enum PatchDecision {
    static func decide(_ graph: Graph, options: PipelineOptions) throws(CompileError) -> (Schedule, PatchOutcome?) {
        if options.inputStreaming, options.patch == .none {
            throw CompileError(.badInput, "--input-streaming needs a patch stage (--patch auto, fit or RxC@K)")
        }
        guard options.patch != .none else { return (Scheduling.schedule(graph), nil) }
        let splits = PatchSplits.analyze(graph)
        let costs = PatchCosts(graph: graph, options: options)
        var outcome = PatchOutcome(choice: options.patch, splits: splits)
        let chosen: PatchPlan?
        switch options.patch {
        case .none:
            preconditionFailure("handled above")
        case .grid(let rows, let cols, let ops):
            chosen = try forced(graph, splits: splits, rows: rows, cols: cols, ops: ops, streaming: options.inputStreaming)
            outcome.layerPeak = costs.place(Scheduling.schedule(graph))
        case .auto, .fit:
            let goal: PatchGoal = options.patch == .fit ? .fit(budget: options.sramBudget ?? Int.max) : .smallestPeak
            let search = PatchSearch.search(graph, splits: splits,
                                            options: PatchSearchOptions(goal: goal, maxMACOverhead: options.maxMACOverhead,
                                                                        inputStreaming: options.inputStreaming),
                                            estimate: costs.estimate, place: costs.place)
            chosen = search.chosen
            outcome.search = search
            outcome.layerPeak = search.layerPeak
            outcome.verdict = search.verdict
        }
        guard let plan = chosen else { return (Scheduling.schedule(graph), outcome) }
        for streaming in [false, true] {
            guard case .success(let variant) = PatchPlan.make(split: plan.split, grid: plan.grid, inputStreaming: streaming,
                                                              graph: graph) else { continue }
            let peak = costs.place(Scheduling.schedule(graph, patch: variant))
            if streaming { outcome.streamedPeak = peak } else { outcome.heldPeak = peak }
        }
        return (Scheduling.schedule(graph, patch: plan), outcome)
    }

    /// The plan `--patch RxC@K` asks for, or a one-line error saying why it cannot run.
    static func forced(_ graph: Graph, splits: PatchSplits, rows: Int, cols: Int, ops: Int,
                       streaming: Bool) throws(CompileError) -> PatchPlan {
        let what = "--patch \(rows)x\(cols)@\(ops)"
        let split: StageSplit
        switch splits.split(count: ops) {
        case .success(let value): split = value
        case .failure(let refusal):
            throw CompileError(.unsupported, "\(what): the first \(ops) ops cannot be a patch stage: \(refusal.reason)")
        }
        let shape = graph[split.output].shape
        guard let grid = PatchGrid.even(height: shape[1], width: shape[2], rows: rows, cols: cols) else {
            throw CompileError(.unsupported, "\(what): the stage output \(split.output) is \(shape[1])x\(shape[2]); "
                + "a \(rows)x\(cols) grid would leave a patch empty")
        }
        switch PatchPlan.make(split: split, grid: grid, inputStreaming: streaming, graph: graph) {
        case .success(let plan): return plan
        case .failure(let refusal): throw CompileError(.unsupported, "\(what): \(refusal.reason)")
        }
    }
}

/// The two costs the search needs, with the kernel plan of each split lowered once (kernel
/// choices depend on the split, not on the grid).
final class PatchCosts {
    let graph: Graph
    let options: PipelineOptions
    private var kernels: [Int: KernelPlan] = [:]

    init(graph: Graph, options: PipelineOptions) {
        self.graph = graph
        self.options = options
    }

    func lowered(_ schedule: Schedule) -> KernelPlan {
        let key = schedule.patchSteps.count
        if let cached = kernels[key] { return cached }
        let plan = Lowering.lower(graph, schedule: schedule,
                                  options: LoweringOptions(target: options.target, externalIO: options.externalIO,
                                                           sharing: options.sharing))
        kernels[key] = plan
        return plan
    }

    /// The arena's lower bound under the sharing rules.
    func estimate(_ schedule: Schedule) -> Int {
        MemoryPlanning.lowerBound(graph, schedule: schedule, kernels: lowered(schedule), alignment: options.alignment)
    }

    /// The peak SRAM the placement algorithms reach.
    func place(_ schedule: Schedule) -> Int {
        MemoryPlanning.plan(graph, schedule: schedule, kernels: lowered(schedule),
                            options: PlanningOptions(planner: options.planner, alignment: options.alignment)).peakSRAMBytes
    }
}
