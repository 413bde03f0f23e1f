import IR

/// BATCH_MATMUL (`BatchMatMulParams`): every output element `[b, a, c]` in row-major order, the
/// plain definition that TFLM's transposed copies and flattened batches compute.
enum ReferenceBatchMatMul {
    static func run(_ c: OpContext, _ p: BatchMatMulParams) -> TensorValue {
        let lhs = c.input(0).int8Values, rhs = c.input(1).int8Values
        var y: [Int8] = []
        y.reserveCapacity(p.batches * p.rows * p.cols)
        for b in 0..<p.batches {
            for a in 0..<p.rows {
                for col in 0..<p.cols {
                    y.append(p.element(lhs: lhs, rhs: rhs, batch: b, row: a, col: col))
                }
            }
        }
        return .int8(c.outputTensor.shape, y)
    }
}
