import IR

/// TRANSPOSE (TFLM `reference_ops::Transpose`): output dimension `i` is input dimension
/// `perm[i]`, perm being the constant int32 operand 1 (a permutation, checked). Values are
/// copied unchanged.
enum ReferenceTranspose {
    static func run(_ c: OpContext) throws(CompileError) -> TensorValue {
        let inShape = c.inputTensor(0).shape
        let perm = c.int32Operand(1).map { Int($0) }
        let x = c.input(0).int8Values
        let outShape = Shape(perm.map { inShape.dims[$0] })
        return .int8(outShape, transpose(x, shape: inShape, perm: perm))
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
