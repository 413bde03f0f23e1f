import IR

/// `mcuc_conv2d_params` (`Templates/kernels/mcuc_conv2d.h`), field for field.
struct Conv2DKernelParams: KernelParams {
    static let cType = "mcuc_conv2d_params"
    var batches: Int32
    var inH: Int32, inW: Int32, inC: Int32
    var outH: Int32, outW: Int32, outC: Int32
    var filterH: Int32, filterW: Int32
    var filterC: Int32
    var strideH: Int32, strideW: Int32
    var dilationH: Int32, dilationW: Int32
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
    /// CONV_2D: `conv1x1` (1x1, stride 1, no padding: streams pixel by pixel, `interleaved`) or
    /// `convGeneric` (direct loops, `rows`). The input zero point is folded into the bias when
    /// every tap reads the input (no padding, a folded PAD included).
    func conv2d(_ p: Conv2DParams) -> KernelCall {
        if let a = p.int16x8 { return conv2dS16(p, a) }
        let w = window(p.window)
        let input = dataInput, inShape = graph[input].shape, outShape = graph[output].shape
        let fold = w.allTapsInBounds
        let filter = weightTable(p.filter)
        let bias = biasTable(fold ? p.biasWithInputZeroPointFolded : p.bias, folded: fold)
        let (mult, shift) = requantizationTables(p.output)
        let params = Conv2DKernelParams(
            batches: Int32(inShape[0]), inH: Int32(inShape[1]), inW: Int32(inShape[2]), inC: Int32(inShape[3]),
            outH: Int32(outShape[1]), outW: Int32(outShape[2]), outC: Int32(outShape[3]),
            filterH: Int32(w.filterHeight), filterW: Int32(w.filterWidth), filterC: Int32(p.filterDepth),
            strideH: Int32(w.strideH), strideW: Int32(w.strideW), dilationH: Int32(w.dilationH),
            dilationW: Int32(w.dilationW), padTop: Int32(w.padTop), padLeft: Int32(w.padLeft),
            inputOffset: fold ? 0 : -p.inputZeroPoint, outputZp: p.output.zeroPoint,
            actMin: p.output.range.lowerBound, actMax: p.output.range.upperBound,
            perChannel: p.output.isPerChannel ? 1 : 0, filter: filter.ref, bias: bias.ref, mult: mult.ref, shift: shift.ref)
        let tables = [filter, bias, mult, shift] + constantTables([input])
        guard w.isPointwise else {
            let contract = streaming(.rows) { rowGap(w) }
            if hasPackedInt4Filter {
                return int4FilterCall(.convGeneric(w), .conv2d, "mcuc_conv2d_s8", params, input: input, tables: tables,
                                      detail: w.text, contract: contract)
            }
            let binding = bind(.conv2d, "mcuc_conv2d_s8", params, [.tensor(input), .tensor(output)], tables: tables)
            if let function = binding.function, function.variant != .portable,
               let dsp = dspConv(params, p, function: function, input: input) {
                return call(.convGeneric(w), dsp.binding, detail: w.text + (dsp.scratch > 0 ? ", im2col" : ", rows in place"),
                            scratch: dsp.scratch,
                            contract: contract)
            }
            return call(.convGeneric(w), bindPortable(binding, .conv2d, "mcuc_conv2d_s8"), detail: w.text,
                        contract: contract)
        }
        let contract = streaming(.interleaved) {
            let pixels = outShape.elementCount / max(outShape[-1], 1)
            return StreamingGap.interleaved(units: pixels, inputUnitBytes: inShape[-1], outputUnitBytes: outShape[-1])
        }
        if hasPackedInt4Filter {
            return int4FilterCall(.conv1x1, .conv2d, "mcuc_conv2d_1x1_s8", params, input: input, tables: tables,
                                  detail: "1x1", contract: contract)
        }
        let binding = bind(.conv2d, "mcuc_conv2d_1x1_s8", params, [.tensor(input), .tensor(output)], tables: tables)
        let pixels = outShape.elementCount / max(outShape[-1], 1)
        if binding.function?.variant == .mve,
           let gemm = mveGemm(weights: p.filter.map(Int32.init), rows: pixels, depth: inShape[-1],
                              bias: p.biasWithInputZeroPointFolded, output: p.output, function: binding.function!,
                              input: input) {
            return call(.conv1x1, gemm, detail: "1x1", contract: contract)
        }
        if binding.function?.variant == .dsp,
           let gemm = dspGemm(weights: p.filter.map(Int32.init), rows: outShape.elementCount / max(outShape[-1], 1),
                              depth: inShape[-1], bias: p.biasWithInputZeroPointFolded, output: p.output,
                              function: binding.function!, input: input) {
            return call(.conv1x1, gemm.binding, detail: "1x1", scratch: gemm.scratch, contract: contract)
        }
        return call(.conv1x1, bindPortable(binding, .conv2d, "mcuc_conv2d_1x1_s8"), detail: "1x1", contract: contract)
    }
}
