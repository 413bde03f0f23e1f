import IR
import Lowering
import Scheduling

/// Options of the memory planner.
public struct PlanningOptions: Sendable, Hashable {
    /// The one algorithm to run, or nil to run every `Planner` and keep the smallest arena.
    public var planner: Planner?
    /// Alignment of every buffer offset (a power of two). 4 suits every portable kernel (word
    /// access to int32/float32 data); 16 matches TFLM's `MicroArenaBufferAlignment`.
    public var alignment: Int
    /// The memory regions activations may go to, fastest first; empty for one arena anywhere.
    /// When the whole arena does not fit the first, buffers spread over them (`RegionSplit`).
    public var regions: [RegionSpec]

    public init(planner: Planner? = nil, alignment: Int = 4, regions: [RegionSpec] = []) {
        self.planner = planner
        self.alignment = alignment
        self.regions = regions
    }
}

/// Lays out every activation and scratch buffer of a schedule in one arena.
public enum MemoryPlanning {
    /// The plan for `kernels` (lowered from `schedule` over `graph`).
    ///
    /// In: a valid schedule and kernel plan for it. Out: a plan whose `verify()` is empty, with the
    /// smallest arena among the algorithms run (ties: the first in `Planner.allCases`).
    public static func plan(_ graph: Graph, schedule: Schedule, kernels: KernelPlan,
                            options: PlanningOptions = PlanningOptions()) -> MemoryPlan {
        let set = BufferRequests.make(graph: graph, schedule: schedule, kernels: kernels, alignment: options.alignment)
        var plan = place(set.requests, steps: schedule.steps.count, planner: options.planner)
        plan.tensors = set.tensors
        plan.staticBytes = set.staticBytes
        plan.state = StateLayout.of(graph)
        plan.externalIO = kernels.options.externalIO
        let streamed = PatchAccounting(schedule).streamedInputs
        plan.ioBufferBytes = (graph.inputs + graph.outputs).filter { !streamed.contains($0) }
            .reduce(0) { $0 + (graph[$1].byteCount ?? 0) }
        plan.livenessBound = Bounds.plainLiveBytes(graph: graph, schedule: schedule,
                                                   externalIO: kernels.options.externalIO).max() ?? 0
        guard !options.regions.isEmpty else { return plan }
        return RegionSplit.split(plan, regions: options.regions, heat: BufferHeat.of(set, graph: graph, kernels: kernels),
                                 steps: schedule.steps.count, planner: options.planner)
    }

    /// Places hand-made `requests` (ids `0..<count` in order) over `steps` steps with `planner`
    /// (nil: every algorithm, keep the smallest). The plan has no tensor placements and its
    /// liveness bound is the sum-of-live-bytes bound of the requests ignoring their sharing rules.
    public static func place(_ requests: [BufferRequest], steps: Int, planner: Planner? = nil) -> MemoryPlan {
        precondition(requests.indices.allSatisfy { requests[$0].id == $0 }, "request ids must be their indices")
        let live = Bounds.sharedLiveBytes(requests: requests, steps: steps)
        let unshared = Bounds.sharedLiveBytes(requests: requests.map { var r = $0; r.mayShareWith = nil; return r },
                                              steps: steps)
        let lowerBound = live.max() ?? 0
        let problem = PlacementProblem(requests: requests)
        let planners = planner.map { [$0] } ?? Planner.allCases
        let results = planners.map { ($0, $0.place(problem, lowerBound: lowerBound)) }
        let (best, result) = results.min { $0.1.arena < $1.1.arena }!
        return MemoryPlan(requests: requests, offsets: result.offsets, tensors: [], arenaBytes: result.arena,
                          lowerBound: lowerBound, livenessBound: unshared.max() ?? 0, liveBytesPerStep: live,
                          staticBytes: 0, externalIO: false, planner: best,
                          candidates: results.map { ($0.0, $0.1.arena) },
                          provenOptimal: results.contains { $0.1.provenOptimal })
    }
}

extension MemoryPlanning {
    /// The largest bytes live at one step under the kernels' sharing rules (the `lowerBound` the
    /// full `plan` reports), without placing anything: what the patch search ranks candidates by.
    public static func lowerBound(_ graph: Graph, schedule: Schedule, kernels: KernelPlan, alignment: Int = 4) -> Int {
        let set = BufferRequests.make(graph: graph, schedule: schedule, kernels: kernels, alignment: alignment)
        return Bounds.sharedLiveBytes(requests: set.requests, steps: schedule.steps.count).max() ?? 0
    }
}
