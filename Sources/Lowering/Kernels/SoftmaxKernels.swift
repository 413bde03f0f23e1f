import IR

/// `mcuc_softmax_params` (`Templates/kernels/mcuc_softmax.h`): SOFTMAX.
struct SoftmaxKernelParams: KernelParams {
    static let cType = "mcuc_softmax_params"
    var rows: Int32, depth: Int32
    var inputMultiplier: Int32
    var inputLeftShift: Int32
    var diffMin: Int32
}

extension OpLowering {
    /// SOFTMAX, row by row: two passes only read the row, the third reads element `i` and then
    /// writes output element `i` (`readThenWrite`, gap 0). The kernel returns
    /// `MCUC_ERROR_SOFTMAX_RANGE` for rows whose sum of exponentials TFLM rejects.
    func softmax(_ p: SoftmaxParams) -> KernelCall {
        let input = operand(0), shape = graph[input].shape
        let depth = shape.rank == 0 ? 1 : shape[-1]
        let params = SoftmaxKernelParams(rows: Int32(depth == 0 ? 0 : shape.elementCount / depth), depth: Int32(depth),
                                         inputMultiplier: p.inputMultiplier, inputLeftShift: p.inputLeftShift,
                                         diffMin: p.diffMin)
        let binding = bind(.softmax, "mcuc_softmax_s8", params, [.tensor(input), .tensor(output)],
                           tables: constantTables([input]))
        let sameShape = graph[input].shape == graph[output].shape
        return call(.softmax, binding, contract: sameShape ? streaming(.readThenWrite) { 0 } : .separate)
    }
}
