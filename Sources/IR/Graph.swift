/// One operator application: `outputs = op(inputs)`.
public struct Node: Sendable, Hashable {
    public var id: NodeID
    public var op: Op
    /// Positional operands; nil marks an omitted optional operand (TFLite index -1).
    public var inputs: [TensorID?]
    public var outputs: [TensorID]

    public init(id: NodeID, op: Op, inputs: [TensorID?], outputs: [TensorID]) {
        self.id = id
        self.op = op
        self.inputs = inputs
        self.outputs = outputs
    }

    /// The operand at `position` if present.
    public func input(_ position: Int) -> TensorID? {
        position < inputs.count ? inputs[position] : nil
    }
}

/// A dataflow graph of int8 operators in execution order, as read from one TFLite subgraph.
///
/// Invariants (checked by `GraphVerifier`): `tensors[i].id == TensorID(i)`, `nodes[i].id == NodeID(i)`,
/// every operand exists, every activation is written at most once and before it is read.
public struct Graph: Sendable, Hashable {
    public var tensors: [Tensor]
    public var nodes: [Node]
    public var inputs: [TensorID]
    public var outputs: [TensorID]
    /// The model's description string (sanitized for display only where printed).
    public var description: String

    public init(tensors: [Tensor], nodes: [Node], inputs: [TensorID], outputs: [TensorID],
                description: String = "") {
        self.tensors = tensors
        self.nodes = nodes
        self.inputs = inputs
        self.outputs = outputs
        self.description = description
    }

    /// The tensor with id `id`.
    public subscript(id: TensorID) -> Tensor { tensors[id.index] }

    /// The node with id `id`.
    public subscript(id: NodeID) -> Node { nodes[id.index] }

    /// For every tensor, the node that writes it (nil for graph inputs and constants).
    public func producers() -> [TensorID: NodeID] {
        var result: [TensorID: NodeID] = [:]
        for node in nodes {
            for output in node.outputs { result[output] = node.id }
        }
        return result
    }

    /// For every tensor, the nodes that read it, in execution order.
    public func consumers() -> [TensorID: [NodeID]] {
        var result: [TensorID: [NodeID]] = [:]
        for node in nodes {
            for case let input? in node.inputs where result[input]?.last != node.id {
                result[input, default: []].append(node.id)
            }
        }
        return result
    }

    /// The nodes whose op mcuc does not implement.
    public var unsupportedNodes: [Node] { nodes.filter { !$0.op.isSupported } }
}
