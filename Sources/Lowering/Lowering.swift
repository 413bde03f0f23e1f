import IR
import Scheduling

/// Decides the kernel, scratch and memory contract of every step (`KernelCall`s). One portable
/// kernel family for every target for now.
public enum Lowering {
    /// The kernel plan for `schedule` over `graph`.
    ///
    /// In: a graph every node of which passes `SupportCheck`, and a valid schedule for it.
    /// Out: one call per step, in step order; every contract naming an input names one that dies
    /// at that step (see `MemoryContract`); `problems(in:graph:)` is empty.
    public static func lower(_ graph: Graph, schedule: Schedule, options: LoweringOptions = LoweringOptions()) -> KernelPlan {
        let facts = GraphFacts(graph: graph, schedule: schedule)
        let views = ViewDecisions(graph: graph, facts: facts, options: options)
        let liveness = ViewLiveness(graph: graph, schedule: schedule, facts: facts, views: views, options: options)
        let sliceOutputs = Set(views.slices.keys.flatMap { graph[$0].inputs.compactMap { $0 } })
        let calls = schedule.steps.enumerated().map { index, step in
            var decider = OpKernels(graph: graph, node: graph[step.node], step: index, views: views,
                                    liveness: liveness, options: options)
            decider.writesSlice = graph[step.node].outputs.contains { sliceOutputs.contains($0) }
            decider.patched = step.isPatch
            return decider.call()
        }
        return KernelPlan(calls: calls, options: options)
    }

    /// Broken invariants of `plan` (empty when valid): one call per step in order, each output is
    /// the node's output, and overlap contracts only name inputs the call reads.
    public static func problems(in plan: KernelPlan, graph: Graph, schedule: Schedule) -> [String] {
        var problems: [String] = []
        if plan.calls.count != schedule.steps.count { problems.append("\(plan.calls.count) calls for \(schedule.steps.count) steps") }
        for (index, (call, step)) in zip(plan.calls, schedule.steps).enumerated() {
            if call.step != index || call.node != step.node { problems.append("call \(index) is for \(call.node), step \(call.step)") }
            if let output = call.output, !graph[call.node].outputs.contains(output) {
                problems.append("call \(index) writes \(output), not an output of \(call.node)")
            }
            if let input = call.contract.overlappedInput, !call.inputs.contains(input) {
                problems.append("call \(index) overlaps \(input), which it does not read")
            }
            if call.scratchBytes < 0 { problems.append("call \(index) has negative scratch") }
        }
        return problems
    }
}
