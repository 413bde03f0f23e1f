import IR

/// DEPTH_TO_SPACE / SPACE_TO_DEPTH (`StridedCopy`): output elements in row-major order of the
/// walk's dimensions, each read at the walk's input offset.
enum ReferenceStridedCopy {
    static func run(_ c: OpContext, _ p: StridedCopy) -> TensorValue {
        .int8(c.outputTensor.shape, copy(c.input(0).int8Values, p))
    }

    /// The elements of `x` that walk `p` visits, in order.
    static func copy(_ x: [Int8], _ p: StridedCopy) -> [Int8] {
        var result = [Int8]()
        result.reserveCapacity(p.count)
        let rank = p.dims.count
        var counter = [Int](repeating: 0, count: rank)
        var offset = p.start
        for _ in 0..<p.count {
            result.append(x[offset])
            var d = rank - 1
            while d >= 0 {
                counter[d] += 1
                offset += p.steps[d]
                if counter[d] < p.dims[d] { break }
                offset -= p.steps[d] * counter[d]
                counter[d] = 0
                d -= 1
            }
        }
        return result
    }
}
