import IR

/// STRIDED_SLICE (`StridedSlice`): the elements `StridedSlicePlan` visits, in row-major order
/// of the visited indices.
enum ReferenceStridedSlice {
    static func run(_ c: OpContext, _ plan: StridedSlicePlan) -> TensorValue {
        .int8(Shape(plan.outputDims), slice(c.input(0).int8Values, shape: c.inputTensor(0).shape, plan: plan))
    }

    /// The elements of `x` (row-major in `shape`) that `plan` visits.
    static func slice(_ x: [Int8], shape: Shape, plan: StridedSlicePlan) -> [Int8] {
        let rank = shape.rank
        let strides = shape.rowMajorStrides
        let axes = plan.axes
        let total = axes.reduce(1) { $0 * $1.count }
        var result = [Int8]()
        result.reserveCapacity(total)
        guard total > 0 else { return result }
        var counter = [Int](repeating: 0, count: rank)
        var offset = zip(axes, strides).reduce(0) { $0 + $1.0.start * $1.1 }
        for _ in 0..<total {
            result.append(x[offset])
            var d = rank - 1
            while d >= 0 {
                counter[d] += 1
                offset += axes[d].stride * strides[d]
                if counter[d] < axes[d].count { break }
                offset -= axes[d].stride * strides[d] * counter[d]
                counter[d] = 0
                d -= 1
            }
        }
        return result
    }
}
