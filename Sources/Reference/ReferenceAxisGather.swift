import IR

/// MIRROR_PAD / GATHER (`AxisGather`): output elements in row-major order, each the input
/// element at the sum of its per-axis offsets.
enum ReferenceAxisGather {
    static func run(_ c: OpContext, _ p: AxisGather) -> TensorValue {
        let x = c.input(0).int8Values
        var result = [Int8]()
        result.reserveCapacity(p.count)
        func walk(_ d: Int, _ offset: Int) {
            if d == p.dims.count {
                result.append(x[offset])
                return
            }
            for source in p.offsets[d] { walk(d + 1, offset + source) }
        }
        walk(0, 0)
        return .int8(c.outputTensor.shape, result)
    }
}
