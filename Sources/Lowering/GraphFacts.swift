import IR
import Scheduling

/// Facts about a graph and schedule that kernel decisions need: producers, readers, graph I/O.
struct GraphFacts {
    var producers: [TensorID: NodeID]
    var consumers: [TensorID: [NodeID]]
    var graphInputs: Set<TensorID>
    var graphOutputs: Set<TensorID>
    var stepOf: [NodeID: Int]
    /// Nodes the schedule runs per patch: their tensors exist one patch region at a time, so no
    /// view or overlap proved on whole tensors applies to them.
    var patched: Set<NodeID>

    init(graph: Graph, schedule: Schedule) {
        producers = graph.producers()
        consumers = graph.consumers()
        graphInputs = Set(graph.inputs)
        graphOutputs = Set(graph.outputs)
        stepOf = schedule.stepIndices()
        patched = Set(schedule.steps.filter(\.isPatch).map(\.node))
    }

    /// True for graph inputs and outputs.
    func isGraphIO(_ tensor: TensorID) -> Bool { graphInputs.contains(tensor) || graphOutputs.contains(tensor) }
}

/// Which tensors share bytes through views, and when each group of shared bytes is read last:
/// what "this input dies at this step" means once aliases and slices exist.
struct ViewLiveness {
    /// Group representative per tensor (union-find over aliases and slices).
    private var parent: [TensorID: TensorID] = [:]
    private var lastRead: [TensorID: Int] = [:]
    private var pinned = Set<TensorID>()

    init(graph: Graph, schedule: Schedule, facts: GraphFacts, views: ViewDecisions, options: LoweringOptions) {
        for (node, input) in views.aliases { union(graph[node].outputs[0], input) }
        for (node, _) in views.slices {
            for case let input? in graph[node].inputs { union(input, graph[node].outputs[0]) }
        }
        for (index, step) in schedule.steps.enumerated() {
            for input in Self.effectiveInputs(graph[step.node], graph: graph, views: views) {
                let root = find(input)
                lastRead[root] = max(lastRead[root] ?? -1, index)
            }
        }
        for output in graph.outputs { pinned.insert(find(output)) }
        if options.externalIO {
            for input in graph.inputs { pinned.insert(find(input)) }
        }
    }

    /// True when `tensor`'s bytes (with every view of them) are read for the last time at `step`,
    /// belong to no graph output, and are not caller-owned.
    func dies(_ tensor: TensorID, at step: Int) -> Bool {
        let root = find(tensor)
        return !pinned.contains(root) && lastRead[root] == step
    }

    /// The activation tensors `node` reads once PADs are folded (a folded PAD reads nothing; its
    /// consumer reads the PAD's input).
    static func effectiveInputs(_ node: Node, graph: Graph, views: ViewDecisions) -> [TensorID] {
        if views.foldedPadConsumers[node.id] != nil { return [] }
        var inputs = node.inputs.compactMap { $0 }.filter { !graph[$0].isConstant && !graph[$0].isVariable }
        if let fold = views.foldedPads[node.id], !inputs.isEmpty { inputs[0] = fold.input }
        return inputs
    }

    private func find(_ tensor: TensorID) -> TensorID {
        var current = tensor
        while let next = parent[current], next != current { current = next }
        return current
    }

    private mutating func union(_ a: TensorID, _ b: TensorID) {
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
