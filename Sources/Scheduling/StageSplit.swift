import IR

/// One way to cut a graph into a patch stage and the rest: the first `nodes.count` ops of the
/// graph's order run patch by patch and assemble `output` in full; the rest run layer by layer.
///
/// Invariants (`PatchSplits.analyze` only makes such splits): every stage op can run per patch
/// (`fields`, parallel to `nodes`), `output` is the only stage tensor read after the stage (or a
/// graph output), every stage op contributes to it, and the graph inputs the stage reads are read
/// by no later op.
public struct StageSplit: Sendable, Hashable {
    public var nodes: [NodeID]
    /// The receptive field of each stage op, in `nodes` order.
    public var fields: [ReceptiveField]
    /// The tensor the stage hands to the rest of the graph, assembled in its full-size buffer.
    public var output: TensorID
    /// Graph inputs the stage reads.
    public var inputs: [TensorID]

    /// The number of stage ops (the `K` of `--patch RxC@K`).
    public var count: Int { nodes.count }

    /// The region of every stage tensor that computing `region` of the stage output needs (the
    /// receptive field of `region`, clipped to each tensor): what one patch holds.
    public func regions(for region: Region, graph: Graph) -> [TensorID: Region] {
        let rows = PatchPlan.propagate(self, [region.rows], graph: graph, axis: \.rows)
        let cols = PatchPlan.propagate(self, [region.cols], graph: graph, axis: \.cols)
        return rows.reduce(into: [:]) { result, entry in
            result[entry.key] = Region(rows: entry.value[0], cols: cols[entry.key]![0])
        }
    }

    /// Tensors written inside the stage other than its output: they exist one patch at a time.
    public func internalTensors(in graph: Graph) -> [TensorID] {
        nodes.flatMap { graph[$0].outputs }.filter { $0 != output }
    }
}

/// A prefix length that cannot be a split, and why.
public struct SplitRefusal: Error, Sendable, Hashable {
    public var count: Int
    public var reason: String
}

/// Where a patch stage can end in a graph: the longest prefix of the graph's order that can run
/// patch by patch, why it stops there, and which prefix lengths are valid splits.
public struct PatchSplits: Sendable, Hashable {
    /// Receptive fields of the longest patchable prefix, in order.
    public var fields: [ReceptiveField]
    /// The op that ends the prefix and why (nil when every op of the graph could run per patch).
    public var end: PatchRefusal?
    /// Every valid split, shortest first.
    public var splits: [StageSplit]
    /// Prefix lengths that are not valid splits, with the reason.
    public var refused: [SplitRefusal]

    /// The split running the first `count` ops per patch, or why there is none.
    public func split(count: Int) -> Result<StageSplit, SplitRefusal> {
        if let split = splits.first(where: { $0.count == count }) { return .success(split) }
        if let refusal = refused.first(where: { $0.count == count }) { return .failure(refusal) }
        let reason = end.map { "only the first \(fields.count) ops can run per patch (\($0))" }
            ?? "the graph has \(fields.count) ops"
        return .failure(SplitRefusal(count: count, reason: reason))
    }

    /// Analyzes `graph` (verified, in execution order).
    public static func analyze(_ graph: Graph) -> PatchSplits {
        var fields: [ReceptiveField] = [], end: PatchRefusal?
        for node in graph.nodes {
            switch ReceptiveField.of(node, in: graph) {
            case .success(let field): fields.append(field)
            case .failure(let refusal): end = refusal
            }
            if end != nil { break }
        }
        var result = PatchSplits(fields: fields, end: end, splits: [], refused: [])
        guard !fields.isEmpty else { return result }
        let consumers = graph.consumers()
        for count in 1...fields.count {
            switch SplitRules.split(graph, fields: Array(fields[..<count]), consumers: consumers) {
            case .success(let split): result.splits.append(split)
            case .failure(let reason): result.refused.append(SplitRefusal(count: count, reason: reason.text))
            }
        }
        return result
    }
}

/// The validity rules of a split.
enum SplitRules {
    static func split(_ graph: Graph, fields: [ReceptiveField],
                      consumers: [TensorID: [NodeID]]) -> Result<StageSplit, RefusalText> {
        let nodes = fields.map(\.node), inStage = Set(nodes)
        let graphOutputs = Set(graph.outputs)
        let produced = nodes.flatMap { graph[$0].outputs }
        let crossing = produced.filter { t in
            graphOutputs.contains(t) || (consumers[t] ?? []).contains { !inStage.contains($0) }
        }
        guard crossing.count == 1, let output = crossing.first else {
            let names = crossing.map(\.description).joined(separator: ", ")
            return .failure(RefusalText(crossing.isEmpty ? "no stage tensor is used after the stage"
                : "\(crossing.count) tensors (\(names)) are used after the stage; a split hands over exactly one"))
        }
        let shape = graph[output].shape
        guard shape[1] * shape[2] >= 2 else { return .failure(RefusalText("the stage output \(output) has one pixel")) }
        let readInStage = Set(fields.flatMap { $0.inputs.map(\.tensor) })
        let inputs = graph.inputs.filter { readInStage.contains($0) }
        for input in inputs where graphOutputs.contains(input) || (consumers[input] ?? []).contains(where: { !inStage.contains($0) }) {
            return .failure(RefusalText("graph input \(input) is also used after the stage"))
        }
        if let idle = idleNode(graph, fields: fields, output: output) {
            return .failure(RefusalText("\(idle) (\(graph[idle].op.name)) does not contribute to the stage output \(output)"))
        }
        return .success(StageSplit(nodes: nodes, fields: fields, output: output, inputs: inputs))
    }

    /// A stage op whose output the stage output does not depend on, if any.
    static func idleNode(_ graph: Graph, fields: [ReceptiveField], output: TensorID) -> NodeID? {
        var needed: Set<TensorID> = [output]
        var contributing = Set<NodeID>()
        for field in fields.reversed() where graph[field.node].outputs.contains(where: needed.contains) {
            contributing.insert(field.node)
            needed.formUnion(field.inputs.map(\.tensor))
        }
        return fields.map(\.node).first { !contributing.contains($0) }
    }
}
