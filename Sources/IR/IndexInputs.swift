/// Tensors a graph reads as indices at run time (GATHER's coordinates): the only int32 tensors
/// that may be graph inputs, and the range their values must lie in.
extension Graph {
    /// The exclusive upper bound `0..<bound` of the values of `tensor` when every node that reads
    /// it reads it as indices (`OperatorDefinition.indexBound`), the smallest over the readers;
    /// nil when some node reads it otherwise or nothing reads it.
    public func indexBound(of tensor: TensorID) -> Int? {
        var bound: Int?
        for node in nodes {
            for (position, input) in node.inputs.enumerated() where input == tensor {
                guard let definition = node.op.definition,
                      let b = definition.indexBound(.input(position), OpOperands(node: node, graph: self)) else { return nil }
                bound = min(bound ?? b, b)
            }
        }
        return bound
    }
}
