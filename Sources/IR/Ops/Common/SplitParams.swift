/// SPLIT, SPLIT_V and UNPACK: one input cut along an axis into the node's outputs, in order.
/// For each outer index (the dimensions before the axis, row-major), output `k` takes the next
/// `sliceElements[k]` elements of the input: the inverse of CONCATENATION's copy.
public struct SplitParams: Sendable, Hashable {
    /// The operand position of the data input (SPLIT: 1; SPLIT_V, UNPACK: 0).
    public var input: Int
    /// The axis, resolved (`0..<rank` of the input).
    public var axis: Int
    /// The product of the input dimensions before the axis.
    public var outer: Int
    /// Elements of output `k` per outer index (its extent along the axis times the inner size).
    public var sliceElements: [Int]
}

/// The checks SPLIT, SPLIT_V and UNPACK share.
extension OpOperands {
    /// Every output, in order.
    var outputs: [Tensor] { node.outputs.map { graph[$0] } }

    /// A constant int32 axis with one element (scalar or `[1]`), resolved against `rank`.
    func splitAxis(_ tensor: Tensor, rank: Int) throws(CompileError) -> Int {
        let axis = try constantIndices(tensor, "axis", count: 1)[0]
        guard axis >= -rank, axis < rank else {
            throw error(.malformed, "axis \(axis) is out of range for an input of rank \(rank)", tensor)
        }
        return axis < 0 ? axis + rank : axis
    }

    /// Output `k` is `input` with extent `sizes[k]` along `axis` (or, when `dropsAxis`, without
    /// that dimension; every size is then 1), not empty, on the input's quantization grid.
    func requireSplit(of input: Tensor, axis: Int, sizes: [Int], dropsAxis: Bool) throws(CompileError) {
        for (k, (output, size)) in zip(outputs, sizes).enumerated() {
            var dims = input.shape.dims
            if dropsAxis { dims.remove(at: axis) } else { dims[axis] = size }
            guard output.shape == Shape(dims) else {
                throw error(.malformed, "output \(k) has shape \(output.shape); \(node.op.name) of \(input.shape) "
                            + "along axis \(axis) gives \(Shape(dims))", output)
            }
            guard size > 0, output.shape.elementCount > 0 else {
                throw error(.unsupported, "output \(k) is empty; mcuc does not plan empty tensors", output)
            }
            try requireSameQuant(output, as: input, "output \(k) quantization differs from the input's; "
                                 + "\(node.op.name) copies int8 values without requantizing")
        }
    }

    /// The params of cutting operand `position` along `axis` into parts of `sizes`.
    func splitParams(input position: Int, axis: Int, sizes: [Int]) -> SplitParams {
        let dims = input(position).shape.dims
        let inner = dims[(axis + 1)...].reduce(1, *)
        return SplitParams(input: position, axis: axis, outer: dims[..<axis].reduce(1, *),
                           sliceElements: sizes.map { $0 * inner })
    }
}
