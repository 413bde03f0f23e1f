import IR

/// `mcuc_pool_params` (`Templates/kernels/mcuc_pool.h`): AVERAGE_POOL_2D and MAX_POOL_2D.
struct PoolKernelParams: KernelParams {
    static let cType = "mcuc_pool_params"
    var batches: Int32
    var inH: Int32, inW: Int32, depth: Int32
    var outH: Int32, outW: Int32
    var filterH: Int32, filterW: Int32
    var strideH: Int32, strideW: Int32
    var padTop: Int32, padLeft: Int32
    var actMin: Int32, actMax: Int32
}

extension OpLowering {
    /// AVERAGE_POOL_2D (`mcuc_avg_pool_s8`) and MAX_POOL_2D (`mcuc_max_pool_s8`): output rows in
    /// increasing order (`rows`).
    func pool(_ p: Pool2DParams, symbol: String) -> KernelCall {
        let w = p.window
        let input = operand(0), inShape = graph[input].shape, outShape = graph[output].shape
        let params = PoolKernelParams(
            batches: Int32(inShape[0]), inH: Int32(inShape[1]), inW: Int32(inShape[2]), depth: Int32(inShape[3]),
            outH: Int32(outShape[1]), outW: Int32(outShape[2]), filterH: Int32(w.filterHeight),
            filterW: Int32(w.filterWidth), strideH: Int32(w.strideH), strideW: Int32(w.strideW),
            padTop: Int32(w.padTop), padLeft: Int32(w.padLeft), actMin: p.range.lowerBound, actMax: p.range.upperBound)
        let binding = bind(.pool, symbol, params, [.tensor(input), .tensor(output)], tables: constantTables([input]))
        return call(.pool(w), binding, detail: w.text, contract: streaming(.rows) { rowGap(w) })
    }
}
