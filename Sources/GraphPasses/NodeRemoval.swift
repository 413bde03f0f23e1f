import IR

extension Graph {
    /// The graph without the nodes `removed`, the others renumbered densely in their order.
    ///
    /// In: no remaining node reads an output of a removed node (the caller rewired them first).
    func removingNodes(_ removed: Set<NodeID>) -> Graph {
        var result = self
        result.nodes = nodes.filter { !removed.contains($0.id) }.enumerated().map { position, node in
            var node = node
            node.id = NodeID(position)
            return node
        }
        return result
    }
}
