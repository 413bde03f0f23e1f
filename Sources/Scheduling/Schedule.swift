import IR

/// One unit of work of a `Schedule`.
public enum Step: Sendable, Hashable, CustomStringConvertible {
    /// Run one operator over its whole tensors.
    case run(NodeID)

    /// The operator this step runs.
    public var node: NodeID {
        switch self {
        case .run(let id): id
        }
    }

    /// `run op3`.
    public var description: String {
        switch self {
        case .run(let id): "run \(id)"
        }
    }
}

/// The execution order of a graph: every node exactly once, each after the producers of its
/// inputs. Step indices (0-based) are the time axis of memory planning. Never mutates the graph.
public struct Schedule: Sendable, Hashable, CustomStringConvertible {
    public var steps: [Step]

    public init(steps: [Step]) { self.steps = steps }

    /// For every node, the index of the step that runs it.
    public func stepIndices() -> [NodeID: Int] {
        var result: [NodeID: Int] = [:]
        for (index, step) in steps.enumerated() { result[step.node] = index }
        return result
    }

    /// `[run op0, run op1]`.
    public var description: String { "[" + steps.map(\.description).joined(separator: ", ") + "]" }
}
