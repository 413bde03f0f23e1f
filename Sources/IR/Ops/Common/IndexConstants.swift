/// Constant index operands (SLICE begin/size, EXPAND_DIMS axis, ...), int32 or int64 as TFLite
/// allows them.
extension OpOperands {
    /// The elements of a constant int32 or int64 operand with `count` elements (any rank when
    /// `count` is given as a 1-D length; scalars count as one element).
    func constantIndices(_ tensor: Tensor, _ role: String, count: Int) throws(CompileError) -> [Int] {
        try requireConstant(tensor, role)
        guard tensor.shape.elementCount == count, tensor.shape.rank <= 1 else {
            throw error(.malformed, "\(role) has shape \(tensor.shape); \(node.op.name) needs \(count) value(s)", tensor)
        }
        return indexValues(tensor)
    }

    /// The elements of a constant int32 or int64 tensor (type and constness checked before).
    func indexValues(_ tensor: Tensor) -> [Int] {
        let width = tensor.type == .int64 ? 8 : 4
        guard let data = tensor.data, data.count % width == 0 else { return [] }
        return stride(from: 0, to: data.count, by: width).map { i in
            var word: UInt64 = 0
            for k in 0..<width { word |= UInt64(data[i + k]) << UInt64(8 * k) }
            return width == 8 ? Int(Int64(bitPattern: word)) : Int(Int32(bitPattern: UInt32(truncatingIfNeeded: word)))
        }
    }
}
