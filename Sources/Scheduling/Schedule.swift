import IR

/// One unit of work of a `Schedule`.
public enum Step: Sendable, Hashable, CustomStringConvertible {
    /// Run one operator over its whole tensors.
    case run(NodeID)
    /// Run one operator of the patch stage on the current patch (`Schedule.patchStage`): the
    /// stage's steps form one loop body executed once per patch.
    case patch(NodeID)

    /// The operator this step runs.
    public var node: NodeID {
        switch self {
        case .run(let id), .patch(let id): id
        }
    }

    /// True for a step of the patch stage.
    public var isPatch: Bool {
        if case .patch = self { return true }
        return false
    }

    /// `run op3`, `patch op0`.
    public var description: String {
        switch self {
        case .run(let id): "run \(id)"
        case .patch(let id): "patch \(id)"
        }
    }
}

/// The execution order of a graph: every node exactly once, each after the producers of its
/// inputs. Step indices (0-based) are the time axis of memory planning. Never mutates the graph.
///
/// With a patch stage, the first `patchStage.split.count` steps are `.patch` steps (the loop body,
/// run once per patch; on the memory time axis they stand for any one patch, since every patch
/// reuses the same buffers in the same order) and the rest are `.run` steps.
public struct Schedule: Sendable, Hashable, CustomStringConvertible {
    public var steps: [Step]
    /// The patch stage the `.patch` steps run, if any.
    public var patchStage: PatchPlan?

    public init(steps: [Step], patchStage: PatchPlan? = nil) {
        self.steps = steps
        self.patchStage = patchStage
    }

    /// For every node, the index of the step that runs it.
    public func stepIndices() -> [NodeID: Int] {
        var result: [NodeID: Int] = [:]
        for (index, step) in steps.enumerated() { result[step.node] = index }
        return result
    }

    /// The steps of the patch stage (empty without one).
    public var patchSteps: Range<Int> { 0..<(patchStage?.split.count ?? 0) }

    /// `[run op0, run op1]`.
    public var description: String { "[" + steps.map(\.description).joined(separator: ", ") + "]" }
}
