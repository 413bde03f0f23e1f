import IR

/// What `mcuc inspect` reports about a model: a pure function of the `Graph`.
public struct InspectReport: Sendable, Encodable {
    /// One graph input or output.
    public struct IOTensor: Sendable, Encodable {
        public var tensor: Int
        public var name: String
        public var dtype: String
        public var shape: [Int]
        public var scale: Float?
        public var zero_point: Int32?
    }

    /// One operator row.
    public struct OpRow: Sendable, Encodable {
        public var index: Int
        public var type: String
        public var inputs: [Int]
        public var outputs: [Int]
        public var options: [String: String]
        public var macs: Int
        public var weight_bytes: Int
    }

    /// An op mcuc cannot compile, with the reason.
    public struct Unsupported: Sendable, Encodable {
        public var index: Int
        public var type: String
        public var reason: String
    }

    public var version = 1
    public var model: String
    public var inputs: [IOTensor]
    public var outputs: [IOTensor]
    public var ops: [OpRow]
    public var op_counts: [String: Int]
    public var macs: Int
    public var weight_bytes: Int
    public var largest_activation: LargestActivation?
    public var unsupported: [Unsupported]

    /// The largest non-constant tensor.
    public struct LargestActivation: Sendable, Encodable {
        public var tensor: Int
        public var name: String
        public var bytes: Int
    }

    /// Builds the report for `graph` loaded from `model` (a display path).
    public init(graph: Graph, model: String) {
        self.model = model
        inputs = graph.inputs.map { Self.io(graph[$0]) }
        outputs = graph.outputs.map { Self.io(graph[$0]) }
        ops = graph.nodes.map { node in
            OpRow(index: node.id.index, type: node.op.name,
                  inputs: node.inputs.map { $0?.index ?? -1 }, outputs: node.outputs.map(\.index),
                  options: Dictionary(node.op.attributeSummary, uniquingKeysWith: { a, _ in a }),
                  macs: graph.macs(of: node), weight_bytes: Self.constantBytes(of: node, in: graph))
        }
        op_counts = graph.nodes.reduce(into: [:]) { $0[$1.op.name, default: 0] += 1 }
        macs = graph.totalMACs
        weight_bytes = graph.tensors.filter(\.isConstant).reduce(0) { $0 + ($1.data?.count ?? 0) }
        largest_activation = graph.tensors.filter { !$0.isConstant }
            .max { ($0.byteCount ?? 0, -$0.id.index) < ($1.byteCount ?? 0, -$1.id.index) }
            .map { LargestActivation(tensor: $0.id.index, name: $0.name, bytes: $0.byteCount ?? 0) }
        unsupported = SupportCheck.problems(in: graph).map {
            Unsupported(index: $0.location.node?.index ?? -1, type: $0.location.opName ?? "", reason: $0.description)
        }
    }

    static func io(_ t: Tensor) -> IOTensor {
        IOTensor(tensor: t.id.index, name: t.name, dtype: t.type.description, shape: t.shape.dims,
                 scale: t.quant.map { $0.scale[0] }, zero_point: t.quant.map { $0.zeroPoint[0] })
    }

    /// Bytes of the constant operands of `node` (weights, biases, shape operands).
    static func constantBytes(of node: Node, in graph: Graph) -> Int {
        node.inputs.compactMap { $0 }.reduce(0) { $0 + (graph[$1].data?.count ?? 0) }
    }
}
