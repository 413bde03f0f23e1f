import IR

/// `mcuc_pad_params` (`Templates/kernels/mcuc_pad.h`): PAD and PADV2.
struct PadKernelParams: KernelParams {
    static let cType = "mcuc_pad_params"
    var rank: Int32
    var outCount: Int32
    var inCount: Int32
    var start: Int32
    var inDims: RankArray
    var outStrides: RankArray
    var fill: Int32
}

extension OpLowering {
    /// PAD / PADV2: folded into its only consumer when `ViewDecisions` could (no code, the
    /// consumer's window grows), else a fill then a copy of the input.
    func pad(_ p: PadParams) -> KernelCall {
        if let consumer = views.foldedPadConsumers[node.id] {
            return KernelCall(step: step, node: node.id, kernel: .padFolded, inputs: [], outputs: [],
                              contract: .foldedInto(consumer: consumer),
                              detail: "folded into its consumer's window, no code")
        }
        let input = operand(0), inShape = graph[input].shape, outShape = graph[output].shape
        let outStrides = outShape.rowMajorStrides
        let params = PadKernelParams(
            rank: Int32(inShape.rank), outCount: count(output), inCount: count(input),
            start: Int32((0..<inShape.rank).reduce(0) { $0 + p.before[$1] * outStrides[$1] }),
            inDims: RankArray(inShape.dims), outStrides: RankArray(outStrides), fill: p.fill)
        return call(.pad, bind(.pad, "mcuc_pad_" + typeTag(output), params, [.tensor(input), .tensor(output)],
                               tables: constantTables([input])))
    }
}
