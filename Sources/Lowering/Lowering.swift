import IR
import Scheduling

/// Decides every step's kernel for the target: the C function and its variant, typed params,
/// constant tables and arguments (`KernelBinding`), scratch and memory contract (`KernelCall`s).
public enum Lowering {
    /// The kernel plan for `schedule` over `graph` on `options.target`.
    ///
    /// In: a graph every node of which passes `SupportCheck`, and a valid schedule for it.
    /// Out: one call per step, in step order; every contract naming an input names one that dies
    /// at that step (see `MemoryContract`); `problems(in:graph:)` is empty.
    public static func lower(_ graph: Graph, schedule: Schedule, options: LoweringOptions) -> KernelPlan {
        let facts = GraphFacts(graph: graph, schedule: schedule)
        let views = ViewDecisions(graph: graph, facts: facts, options: options)
        let liveness = ViewLiveness(graph: graph, schedule: schedule, facts: facts, views: views, options: options)
        let sliceOutputs = Set(views.slices.keys.flatMap { graph[$0].inputs.compactMap { $0 } })
        let calls = schedule.steps.enumerated().map { index, step in
            var lowering = OpLowering(graph: graph, node: graph[step.node], step: index, views: views,
                                      liveness: liveness, options: options)
            lowering.writesSlice = graph[step.node].outputs.contains { sliceOutputs.contains($0) }
            if step.isPatch, let plan = schedule.patchStage {
                precondition(plan.split.fields[index].node == step.node, "patch steps follow the stage order")
                lowering.patch = PatchContext(plan: plan, field: plan.split.fields[index])
            }
            return lowering.call()
        }
        let constantOutputs = graph.outputs.filter { graph[$0].isConstant && (graph[$0].byteCount ?? 0) > 0 }
        return KernelPlan(calls: calls, outputTables: constantOutputs.map { ConstantTable.tensor($0, in: graph) },
                          patchLoop: schedule.patchStage.map { PatchLoop(plan: $0, graph: graph) }, options: options)
    }

    /// Broken invariants of `plan` (empty when valid): one call per step in order, each output is
    /// the node's output, overlap contracts only name inputs the call reads, and the patch stage
    /// runs patch kernels (`patchProblems`).
    public static func problems(in plan: KernelPlan, graph: Graph, schedule: Schedule) -> [String] {
        var problems: [String] = []
        if plan.calls.count != schedule.steps.count { problems.append("\(plan.calls.count) calls for \(schedule.steps.count) steps") }
        for (index, (call, step)) in zip(plan.calls, schedule.steps).enumerated() {
            if call.step != index || call.node != step.node { problems.append("call \(index) is for \(call.node), step \(call.step)") }
            for output in call.outputs where !graph[call.node].outputs.contains(output) {
                problems.append("call \(index) writes \(output), not an output of \(call.node)")
            }
            if let input = call.contract.overlappedInput, !call.inputs.contains(input) {
                problems.append("call \(index) overlaps \(input), which it does not read")
            }
            if call.scratchBytes < 0 { problems.append("call \(index) has negative scratch") }
        }
        return problems + patchProblems(in: plan, schedule: schedule)
    }

    /// Broken invariants of the patch stage's calls: each one that runs a kernel runs a patch
    /// form (it takes the patch tables) and needs no scratch, since the loop calls it per patch.
    static func patchProblems(in plan: KernelPlan, schedule: Schedule) -> [String] {
        zip(plan.calls, schedule.steps).enumerated().compactMap { index, pair in
            let (call, step) = pair
            guard step.isPatch, let binding = call.binding else { return nil }
            let takesTables = binding.arguments.contains { if case .patchRows = $0 { true } else { false } }
            guard !takesTables || call.scratchBytes != 0 else { return nil }
            return "call \(index) of the patch stage runs \(binding.function?.symbol ?? "?"), not a patch kernel without scratch"
        }
    }
}
