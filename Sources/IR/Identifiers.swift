/// Identifies a tensor of a `Graph`: its index in the TFLite subgraph's tensor table.
public struct TensorID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The TFLite tensor index.
    public let index: Int
    /// Wraps a TFLite tensor index (>= 0).
    public init(_ index: Int) {
        precondition(index >= 0, "tensor index must be non-negative")
        self.index = index
    }
    public static func < (lhs: TensorID, rhs: TensorID) -> Bool { lhs.index < rhs.index }
    public var description: String { "t\(index)" }
}

/// Identifies an operator (node) of a `Graph`: its index in the TFLite subgraph's operator list.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The TFLite operator index.
    public let index: Int
    /// Wraps a TFLite operator index (>= 0).
    public init(_ index: Int) {
        precondition(index >= 0, "node index must be non-negative")
        self.index = index
    }
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }
    public var description: String { "op\(index)" }
}
