import IR

/// NumPy broadcasting index math: which element of a (smaller) input each output element reads.
///
/// Shapes are aligned at the right; an input dimension of 1 (or a missing leading one) repeats
/// along the output's. Operands are checked broadcast-compatible by `LinearOpChecks`.
enum Broadcast {
    /// For every output element in row-major order, the flat index of the input element it reads.
    static func sourceIndices(of input: Shape, into output: Shape) -> [Int] {
        let rank = output.rank
        let dims = output.dims
        // Input strides, zero along broadcast dimensions.
        let strides = BroadcastStrides.of(input, into: output)
        var indices = [Int](repeating: 0, count: output.elementCount)
        guard !indices.isEmpty else { return indices }
        var counter = [Int](repeating: 0, count: rank)
        var offset = 0
        for i in 0..<indices.count {
            indices[i] = offset
            // Odometer increment, innermost dimension first.
            var d = rank - 1
            while d >= 0 {
                counter[d] += 1
                offset += strides[d]
                if counter[d] < dims[d] { break }
                offset -= strides[d] * counter[d]
                counter[d] = 0
                d -= 1
            }
        }
        return indices
    }
}
