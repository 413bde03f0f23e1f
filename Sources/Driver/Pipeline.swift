import IR
import Lowering
import MemoryPlanning
import Scheduling

/// Options of the planning pipeline.
public struct PipelineOptions: Sendable, Hashable {
    /// Graph inputs and outputs are caller-owned (not in the arena).
    public var externalIO: Bool
    /// Kernel contracts may share bytes (off for the plan handed to TFLM).
    public var sharing: Bool
    /// One placement algorithm by its `Planner` name, or nil for the best of all.
    public var planner: String?
    /// Offset alignment in bytes.
    public var alignment: Int

    public init(externalIO: Bool = false, sharing: Bool = true, planner: String? = nil, alignment: Int = 4) {
        self.externalIO = externalIO
        self.sharing = sharing
        self.planner = planner
        self.alignment = alignment
    }

    /// The names `--planner` accepts.
    public static var plannerNames: [String] { Planner.allCases.map(\.rawValue) }
}

/// Everything the planning stages produced for one model.
public struct PlannedModel: Sendable {
    public var graph: Graph
    public var schedule: Schedule
    public var kernels: KernelPlan
    public var memory: MemoryPlan
    public var flash: FlashEstimate
}

/// The only place that knows the stage order: Graph -> Schedule -> KernelPlan -> MemoryPlan. It
/// checks the value after every stage.
public enum Pipeline {
    /// Schedules, lowers and plans `graph`. Throws the first `SupportCheck` problem of a model mcuc
    /// cannot compile (its kernels, hence its memory, are unknown).
    public static func plan(_ graph: Graph, options: PipelineOptions = PipelineOptions()) throws(CompileError) -> PlannedModel {
        try SupportCheck.verify(graph)
        let planner = try parsePlanner(options.planner)
        let schedule = Scheduling.schedule(graph)
        check(Scheduling.problems(in: schedule, for: graph), stage: "schedule")
        let kernels = Lowering.lower(graph, schedule: schedule,
                                     options: LoweringOptions(externalIO: options.externalIO, sharing: options.sharing))
        check(Lowering.problems(in: kernels, graph: graph, schedule: schedule), stage: "lowering")
        let memory = MemoryPlanning.plan(graph, schedule: schedule, kernels: kernels,
                                         options: PlanningOptions(planner: planner, alignment: options.alignment))
        check(memory.verify(), stage: "memory plan")
        return PlannedModel(graph: graph, schedule: schedule, kernels: kernels, memory: memory,
                            flash: FlashEstimate.estimate(kernels, graph: graph))
    }

    /// The planner named `name` (nil: all).
    static func parsePlanner(_ name: String?) throws(CompileError) -> Planner? {
        guard let name else { return nil }
        guard let planner = Planner(rawValue: name) else {
            throw CompileError(.badInput, "unknown planner '\(name)'; expected one of "
                + PipelineOptions.plannerNames.joined(separator: ", "))
        }
        return planner
    }

    /// A stage broke its own invariants: a bug in mcuc, never the user's fault.
    static func check(_ problems: [String], stage: String) {
        precondition(problems.isEmpty, "\(stage) is invalid: " + problems.prefix(3).joined(separator: "; "))
    }
}
