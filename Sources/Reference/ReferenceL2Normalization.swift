import IR

/// L2_NORMALIZATION (`L2NormParams`), row by row over the last axis.
enum ReferenceL2Normalization {
    static func run(_ c: OpContext, _ p: L2NormParams) -> TensorValue {
        let x = c.input(0).int8Values
        var y: [Int8] = []
        y.reserveCapacity(x.count)
        for row in 0..<p.rows {
            y += p.normalize(x[row * p.depth..<(row + 1) * p.depth])
        }
        return .int8(c.outputTensor.shape, y)
    }
}
