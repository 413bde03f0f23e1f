import IR

/// `mcuc_transpose_conv_params` (`Templates/kernels/common/mcuc_transpose_conv.h`), field for field.
struct TransposeConvKernelParams: KernelParams {
    static let cType = "mcuc_transpose_conv_params"
    var batches: Int32
    var inH: Int32, inW: Int32, inC: Int32
    var outH: Int32, outW: Int32, outC: Int32
    var filterH: Int32, filterW: Int32
    var strideH: Int32, strideW: Int32
    var padTop: Int32, padLeft: Int32
    var inputOffset: Int32
    var outputZp: Int32
    var actMin: Int32, actMax: Int32
    var perChannel: Int32
    var filter: TableRef
    var bias: TableRef
    var mult: TableRef
    var shift: TableRef
}

extension OpLowering {
    /// TRANSPOSE_CONV: one portable kernel that gathers, per output element, the products TFLM
    /// scatters (same wrapping int32 sums), so it needs no output-sized accumulator: no scratch.
    /// Any input pixel may feed any output row, so the output gets bytes of its own (`separate`).
    func transposeConv(_ p: TransposeConvParams) -> KernelCall {
        if let a = p.int16x8 { return transposeConvS16(p, a) }
        let input = operand(TransposeConv.inputPosition)
        let inShape = graph[input].shape, outShape = graph[output].shape
        let filter = weightTable(p.filter)
        let bias = biasTable(p.bias, folded: false)
        let (mult, shift) = requantizationTables(p.output)
        let params = TransposeConvKernelParams(
            batches: Int32(inShape[0]), inH: Int32(inShape[1]), inW: Int32(inShape[2]), inC: Int32(inShape[3]),
            outH: Int32(outShape[1]), outW: Int32(outShape[2]), outC: Int32(outShape[3]),
            filterH: Int32(p.filterHeight), filterW: Int32(p.filterWidth),
            strideH: Int32(p.strideH), strideW: Int32(p.strideW), padTop: Int32(p.padTop), padLeft: Int32(p.padLeft),
            inputOffset: -p.inputZeroPoint, outputZp: p.output.zeroPoint,
            actMin: p.output.range.lowerBound, actMax: p.output.range.upperBound,
            perChannel: p.output.isPerChannel ? 1 : 0, filter: filter.ref, bias: bias.ref, mult: mult.ref, shift: shift.ref)
        let binding = bind(.transposeConv, "mcuc_transpose_conv_s8", params, [.tensor(input), .tensor(output)],
                           tables: [filter, bias, mult, shift] + constantTables([input]))
        return call(.transposeConv, binding,
                    detail: "\(p.filterHeight)x\(p.filterWidth) stride \(p.strideH)x\(p.strideW) "
                        + "pad \(p.padTop),\(p.padLeft)")
    }
}
