import IR

/// Options of the canonicalizing rewrites.
public struct GraphPassOptions: Sendable, Hashable {
    public var io: IOMode

    public init(io: IOMode = .model) { self.io = io }
}

/// What the rewrites did: the new graph and one line per change, for reports.
public struct RewrittenGraph: Sendable, Hashable {
    public var graph: Graph
    /// `removed op 0 QUANTIZE: input 0 is now int8 tensor 128 (scale 0.0039, zero point -128)`.
    public var notes: [String]

    public init(graph: Graph, notes: [String]) {
        self.graph = graph
        self.notes = notes
    }
}

/// Graph-to-graph rewrites between the frontend and scheduling, one pass per file.
public enum GraphPasses {
    /// Runs every pass `options` asks for, in a fixed order.
    ///
    /// In: a verified graph. Out: a verified graph computing the same function on the rewritten
    /// interface; tensor ids are unchanged, node ids are renumbered densely when nodes are removed
    /// (the notes name the removed ops by their original index). Throws `.unsupported` when a
    /// requested rewrite cannot apply (e.g. `--io int8` on a float input read by anything other
    /// than one QUANTIZE).
    public static func run(_ graph: Graph, options: GraphPassOptions) throws(CompileError) -> RewrittenGraph {
        var result = RewrittenGraph(graph: graph, notes: [])
        if options.io == .int8 { result = try Int8Boundary.apply(result.graph) }
        precondition(GraphVerifier.firstViolation(in: result.graph) == nil, "a graph pass broke the graph's invariants")
        return result
    }
}
