import IR

/// Decides the execution order of a graph: the graph's own node order (TFLite files store
/// operators in a valid execution order, which `GraphVerifier` checks), optionally with its first
/// ops run patch by patch (`PatchPlan`).
public enum Scheduling {
    /// The schedule running every node of `graph` once, in graph order, layer by layer.
    ///
    /// In: a verified graph. Out: a schedule for which `problems(in:for:)` is empty.
    public static func schedule(_ graph: Graph) -> Schedule {
        Schedule(steps: graph.nodes.map { .run($0.id) })
    }

    /// The schedule running `patch`'s stage per patch, then the other nodes layer by layer.
    ///
    /// In: a plan made by `PatchPlan.make` for `graph`. Out: `problems(in:for:)` is empty.
    public static func schedule(_ graph: Graph, patch: PatchPlan) -> Schedule {
        let stage = Set(patch.split.nodes)
        let steps = patch.split.nodes.map { Step.patch($0) } + graph.nodes.filter { !stage.contains($0.id) }.map { .run($0.id) }
        return Schedule(steps: steps, patchStage: patch)
    }

    /// What is wrong with `schedule` for `graph` (empty when it is valid): every node runs exactly
    /// once, every activation input is a graph input, a variable tensor (state, set before the
    /// first invoke) or was written by an earlier step, and the
    /// `.patch` steps are exactly the patch stage's ops, first.
    public static func problems(in schedule: Schedule, for graph: Graph) -> [String] {
        var problems: [String] = []
        var ran = Set<NodeID>()
        var written = Set(graph.inputs + graph.tensors.filter(\.isVariable).map(\.id))
        for (index, step) in schedule.steps.enumerated() {
            let id = step.node
            guard id.index < graph.nodes.count else {
                problems.append("step \(index) runs \(id), which is not in the graph")
                continue
            }
            if !ran.insert(id).inserted { problems.append("step \(index) runs \(id) a second time") }
            let node = graph[id]
            for case let input? in node.inputs where !graph[input].isConstant && !written.contains(input) {
                problems.append("step \(index) (\(id)) reads \(input) before it is written")
            }
            written.formUnion(node.outputs)
        }
        for node in graph.nodes where !ran.contains(node.id) {
            problems.append("\(node.id) is never run")
        }
        let patched = schedule.steps.filter(\.isPatch).map(\.node)
        if patched != (schedule.patchStage?.split.nodes ?? []) || !schedule.steps.prefix(patched.count).allSatisfy(\.isPatch) {
            problems.append("the patch steps \(patched) are not the patch stage's ops, first")
        }
        return problems
    }
}
