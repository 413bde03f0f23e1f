import IR

/// `mcuc_log_softmax_params` (`Templates/kernels/common/mcuc_log_softmax.h`): LOG_SOFTMAX; the
/// fixed-point fields are 0 for float32.
struct LogSoftmaxKernelParams: KernelParams {
    static let cType = "mcuc_log_softmax_params"
    var rows: Int32, depth: Int32
    var inputMultiplier: Int32
    var inputLeftShift: Int32
    var reverseScalingDivisor: Int32
    var reverseScalingRightShift: Int32
    var diffMin: Int32
}

extension OpLowering {
    /// LOG_SOFTMAX, row by row like SOFTMAX: two passes only read the row, the third reads
    /// element `i` and then writes output element `i` (`readThenWrite`, gap 0).
    func logSoftmax(_ p: LogSoftmaxParams) -> KernelCall {
        let input = operand(0)
        let q = p.quantization
        let params = LogSoftmaxKernelParams(
            rows: Int32(p.rows), depth: Int32(p.depth), inputMultiplier: q?.input.inputMultiplier ?? 0,
            inputLeftShift: q?.input.inputLeftShift ?? 0, reverseScalingDivisor: q?.reverseScaling.multiplier ?? 0,
            reverseScalingRightShift: -(q?.reverseScaling.shift ?? 0), diffMin: q?.input.diffMin ?? 0)
        let symbol = q == nil ? "mcuc_log_softmax_f32" : "mcuc_log_softmax_s8"
        let binding = bind(.logSoftmax, symbol, params, [.tensor(input), .tensor(output)],
                           tables: constantTables([input]))
        return call(.softmax, binding, contract: streaming(.readThenWrite) { 0 })
    }
}
