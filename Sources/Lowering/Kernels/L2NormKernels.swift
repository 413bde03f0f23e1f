import IR

/// `mcuc_l2norm_params` (`Templates/kernels/common/mcuc_l2norm.h`): L2_NORMALIZATION.
struct L2NormKernelParams: KernelParams {
    static let cType = "mcuc_l2norm_params"
    var rows: Int32, depth: Int32
    var inputZeroPoint: Int32
}

extension OpLowering {
    /// L2_NORMALIZATION, row by row like SOFTMAX: a pass only reads the row (its sum of
    /// squares), the second reads element `i` and then writes output element `i`
    /// (`readThenWrite`, gap 0: it may run in place).
    func l2Normalization(_ p: L2NormParams) -> KernelCall {
        let input = operand(0)
        let params = L2NormKernelParams(rows: Int32(p.rows), depth: Int32(p.depth), inputZeroPoint: p.inputZeroPoint)
        let binding = bind(.l2norm, "mcuc_l2norm_s8", params, [.tensor(input), .tensor(output)],
                           tables: constantTables([input]))
        return call(.softmax, binding, contract: streaming(.readThenWrite) { 0 })
    }
}
