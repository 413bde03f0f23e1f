import IR

/// `mcuc_batch_matmul_params` (`Templates/kernels/common/mcuc_batch_matmul.h`), field for field.
struct BatchMatMulKernelParams: KernelParams {
    static let cType = "mcuc_batch_matmul_params"
    var batches: Int32
    var batchRank: Int32
    var batchDims: RankArray
    var lhsBatchStrides: RankArray
    var rhsBatchStrides: RankArray
    var rows: Int32, cols: Int32, depth: Int32
    var lhsRowStride: Int32, lhsDepthStride: Int32
    var rhsDepthStride: Int32, rhsColStride: Int32
    var lhsOffset: Int32, rhsOffset: Int32
    var outputZp: Int32
    var mult: Int32, shift: Int32
}

extension OpLowering {
    /// BATCH_MATMUL. With one constant rhs matrix and `adj_x` false it is a FULLY_CONNECTED over
    /// the lhs rows (its kernels, DSP and Helium GEMMs included, and its streaming contract).
    /// Otherwise `mcuc_batch_matmul_s8` reads both operands through strides (transposed and
    /// broadcast operands need no copy, so no scratch); any output element may read any element
    /// of its operand matrices, so the output gets bytes of its own (`separate`).
    func batchMatMul(_ p: BatchMatMulParams) -> KernelCall {
        if let fc = p.fullyConnected { return fullyConnected(fc) }
        let (lhs, rhs) = (operand(0), operand(1))
        let m = p.output.multipliers[0]
        let params = BatchMatMulKernelParams(
            batches: Int32(p.batches), batchRank: Int32(p.batchDims.count), batchDims: RankArray(p.batchDims),
            lhsBatchStrides: RankArray(p.lhsBatchStrides), rhsBatchStrides: RankArray(p.rhsBatchStrides),
            rows: Int32(p.rows), cols: Int32(p.cols), depth: Int32(p.depth),
            lhsRowStride: Int32(p.lhsRowStride), lhsDepthStride: Int32(p.lhsDepthStride),
            rhsDepthStride: Int32(p.rhsDepthStride), rhsColStride: Int32(p.rhsColStride),
            lhsOffset: -p.lhsZeroPoint, rhsOffset: -p.rhsZeroPoint, outputZp: p.output.zeroPoint,
            mult: m.multiplier, shift: m.shift)
        let binding = bind(.batchMatMul, "mcuc_batch_matmul_s8", params, [.tensor(lhs), .tensor(rhs), .tensor(output)],
                           tables: constantTables([lhs, rhs]))
        return call(.batchMatMul, binding, detail: "\(p.batches) x \(p.rows)x\(p.depth) by \(p.depth)x\(p.cols)")
    }
}
