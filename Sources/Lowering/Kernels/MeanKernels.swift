import IR

/// `mcuc_mean_params` (`Templates/kernels/mcuc_mean.h`): MEAN.
struct MeanKernelParams: KernelParams {
    static let cType = "mcuc_mean_params"
    var keptRank: Int32
    var keptDims: RankArray
    var keptStrides: RankArray
    var reducedRank: Int32
    var reducedDims: RankArray
    var reducedStrides: RankArray
    var outputCount: Int32
    var correction: Int32
    var mult: Int32, shift: Int32
    var outputZp: Int32
}

/// `mcuc_arg_params` (`Templates/kernels/mcuc_mean.h`): ARG_MAX, ARG_MIN.
struct ArgKernelParams: KernelParams {
    static let cType = "mcuc_arg_params"
    var outer: Int32, axis: Int32, inner: Int32
    var largest: Int32
}

extension OpLowering {
    /// MEAN and SUM (`mcuc_mean_s8`), REDUCE_MAX (`mcuc_reduce_max_s8`, the geometry only): the
    /// input's dimensions split into kept ones (one output element each, row-major) and reduced
    /// ones (summed, or maxed, in a register), with their input element strides.
    func mean(_ p: MeanParams, symbol: String = "mcuc_mean_s8") -> KernelCall {
        let input = operand(0), shape = graph[input].shape
        let strides = shape.rowMajorStrides
        let kept = (0..<shape.rank).filter { !p.axes.contains($0) }
        let reduced = (0..<shape.rank).filter { p.axes.contains($0) }
        let params = MeanKernelParams(
            keptRank: Int32(kept.count), keptDims: RankArray(kept.map { shape.dims[$0] }),
            keptStrides: RankArray(kept.map { strides[$0] }), reducedRank: Int32(reduced.count),
            reducedDims: RankArray(reduced.map { shape.dims[$0] }), reducedStrides: RankArray(reduced.map { strides[$0] }),
            outputCount: Int32(kept.reduce(1) { $0 * shape.dims[$1] }), correction: p.correction,
            mult: p.multiplier.multiplier, shift: p.multiplier.shift, outputZp: p.outputZeroPoint)
        let binding = bind(.mean, symbol, params, [.tensor(input), .tensor(output)], tables: constantTables([input]))
        return call(.mean, binding, detail: "over axes \(reduced.map(String.init).joined(separator: ","))")
    }
}

extension OpLowering {
    /// ARG_MAX / ARG_MIN (`mcuc_arg_min_max_s8`): one int32 index per (outer, inner) position,
    /// found in a register. The int32 output is four times the bytes of what it reduces per
    /// element: always a separate buffer.
    func argMinMax(_ p: ArgReduction) -> KernelCall {
        let input = operand(0)
        let params = ArgKernelParams(outer: Int32(p.outer), axis: Int32(p.axis), inner: Int32(p.inner),
                                     largest: p.largest ? 1 : 0)
        let binding = bind(.mean, "mcuc_arg_min_max_s8", params, [.tensor(input), .tensor(output)],
                           tables: constantTables([input]))
        return call(.mean, binding, detail: "\(p.largest ? "arg max" : "arg min") over \(p.axis)")
    }
}
