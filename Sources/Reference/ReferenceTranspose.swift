import IR

/// TRANSPOSE (`Transpose`): output dimension `i` is input dimension `perm[i]`.
enum ReferenceTranspose {
    static func run(_ c: OpContext, _ p: TransposeParams) -> TensorValue {
        .int8(c.outputTensor.shape, transpose(c.input(0).int8Values, shape: c.inputTensor(0).shape, perm: p.permutation))
    }

    /// `x` (row-major in `shape`) with its dimensions permuted by `perm`.
    static func transpose(_ x: [Int8], shape: Shape, perm: [Int]) -> [Int8] {
        let rank = shape.rank
        let inStrides = shape.rowMajorStrides
        // Walking the output in row-major order, input offsets step by these strides.
        let outDims = perm.map { shape.dims[$0] }
        let steps = perm.map { inStrides[$0] }
        var result = [Int8]()
        result.reserveCapacity(x.count)
        guard !x.isEmpty else { return result }
        var counter = [Int](repeating: 0, count: rank)
        var offset = 0
        for _ in 0..<x.count {
            result.append(x[offset])
            var d = rank - 1
            while d >= 0 {
                counter[d] += 1
                offset += steps[d]
                if counter[d] < outDims[d] { break }
                offset -= steps[d] * counter[d]
                counter[d] = 0
                d -= 1
            }
        }
        return result
    }
}
