import IR

/// `mcuc_depthwise_params` (`Templates/kernels/mcuc_depthwise.h`), field for field.
struct DepthwiseKernelParams: KernelParams {
    static let cType = "mcuc_depthwise_params"
    var batches: Int32
    var inH: Int32, inW: Int32, inC: Int32
    var outH: Int32, outW: Int32, outC: Int32
    var depthMultiplier: Int32
    var filterH: Int32, filterW: Int32
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
    /// DEPTHWISE_CONV_2D: direct loops streaming by rows, or in place through a one-channel
    /// scratch when that needs fewer bytes for the pair (multiplier 1, output no larger than the
    /// input). The input zero point is folded into the bias when every tap reads the input.
    func depthwise(_ p: DepthwiseConv2DParams) -> KernelCall {
        if let a = p.int16x8 { return depthwiseS16(p, a) }
        let w = window(p.window)
        let input = dataInput, inShape = graph[input].shape, outShape = graph[output].shape
        let fold = w.allTapsInBounds
        let filter = weightTable(p.filter)
        let bias = biasTable(fold ? p.biasWithInputZeroPointFolded : p.bias, folded: fold)
        let (mult, shift) = requantizationTables(p.output)
        let params = DepthwiseKernelParams(
            batches: Int32(inShape[0]), inH: Int32(inShape[1]), inW: Int32(inShape[2]), inC: Int32(inShape[3]),
            outH: Int32(outShape[1]), outW: Int32(outShape[2]), outC: Int32(outShape[3]),
            depthMultiplier: Int32(p.depthMultiplier), filterH: Int32(w.filterHeight), filterW: Int32(w.filterWidth),
            strideH: Int32(w.strideH), strideW: Int32(w.strideW), dilationH: Int32(w.dilationH),
            dilationW: Int32(w.dilationW), padTop: Int32(w.padTop), padLeft: Int32(w.padLeft),
            inputOffset: fold ? 0 : -p.inputZeroPoint, outputZp: p.output.zeroPoint,
            actMin: p.output.range.lowerBound, actMax: p.output.range.upperBound,
            perChannel: p.output.isPerChannel ? 1 : 0, filter: filter.ref, bias: bias.ref, mult: mult.ref, shift: shift.ref)
        let tables = [filter, bias, mult, shift] + constantTables([input])
        let foldedBias = fold ? p.biasWithInputZeroPointFolded : p.bias
        if hasPackedInt4Filter {
            return int4FilterCall(.depthwiseGeneric(w), .depthwise, "mcuc_depthwise_s8", params, input: input,
                                  tables: tables, detail: w.text, contract: streaming(.rows) { rowGap(w) })
        }
        if let scratch = inPlaceScratch(w) {
            return depthwiseInPlace(params, p, w, scratch: scratch, tables: tables, filter: filter)
        }
        if let conv = depthwiseAsConv(params, p, w, input: input) { return conv }
        let binding = bind(.depthwise, "mcuc_depthwise_s8", params, [.tensor(input), .tensor(output)], tables: tables)
        let contract = streaming(.rows) { rowGap(w) }
        if let function = binding.function, function.variant != .portable,
           let dsp = dspDepthwise(params, p, bias: foldedBias, folded: fold, filter: filter, function: function,
                                  arguments: [.tensor(input), .tensor(output)]) {
            return call(.depthwiseGeneric(w), dsp, detail: w.text, contract: contract)
        }
        return call(.depthwiseGeneric(w), bindPortable(binding, .depthwise, "mcuc_depthwise_s8"), detail: w.text,
                    contract: contract)
    }

    /// The in-place call (`inPlace` contract): the variant the table chooses, with its scratch
    /// (one channel, or a padded channel plane; none where the Helium or DSP kernel's pixel order
    /// is exact in place, `DepthwiseInPlacePixelOrder`), falling back to the one-channel DSP kernel where
    /// the padded plane would cost the in-place advantage, and to the portable kernel where the
    /// epilogue cannot be proved exact.
    func depthwiseInPlace(_ params: DepthwiseKernelParams, _ p: DepthwiseConv2DParams, _ w: ConvWindow, scratch: Int,
                          tables: [ConstantTable], filter: ConstantTable) -> KernelCall {
        let input = dataInput, fold = w.allTapsInBounds
        let arguments: [KernelBinding.Argument] = [.tensor(input), .tensor(output), .scratch]
        var binding = bind(.depthwise, "mcuc_depthwise_inplace_s8", params, arguments, tables: tables)
        var scratchBytes = scratch, through = "a one-channel scratch"
        if var function = binding.function, function.variant != .portable {
            if function.variant == .dsp, DepthwiseInPlacePixelOrder.applies(params),
               let direct = dspDepthwise(params, p, bias: fold ? p.biasWithInputZeroPointFolded : p.bias, folded: fold,
                                         filter: filter, function: KernelVariants.depthwiseDSP,
                                         arguments: [.tensor(input), .tensor(output)]) {
                return call(.depthwiseInPlace(w), direct, detail: w.text + ", in place in pixel order",
                            scratch: 0, contract: .inPlace(input: input))
            }
            if function == KernelVariants.depthwiseInPlace3x3DSP || function == KernelVariants.depthwiseInPlaceKxKDSP {
                if let padded = depthwiseInPlacePadded(params, p, w, function, arguments: arguments) { return padded }
                function = KernelVariants.depthwiseInPlaceDSP  // the padded planes would cost SRAM, or no proof
            }
            if function == KernelVariants.depthwiseInPlaceMVE, DepthwiseInPlacePixelOrder.applies(params),
               let direct = dspDepthwise(params, p, bias: fold ? p.biasWithInputZeroPointFolded : p.bias, folded: fold,
                                         filter: filter, function: KernelVariants.depthwiseMVE,
                                         arguments: [.tensor(input), .tensor(output)]) {
                return call(.depthwiseInPlace(w), direct, detail: w.text + ", in place in pixel order",
                            scratch: 0, contract: .inPlace(input: input))
            }
            let padded = Self.paddedPlaneBytes(params)
            if function.variant == .mve, inPlaceScratch(w, planeBytes: padded) == nil {
                function = KernelVariants.depthwiseInPlaceDSP  // the padded plane would cost SRAM
            }
            if function.variant == .mve { (scratchBytes, through) = (padded, "a padded channel plane") }
            binding = dspDepthwise(params, p, bias: fold ? p.biasWithInputZeroPointFolded : p.bias, folded: fold,
                                   filter: filter, function: function, arguments: arguments)
                ?? bindPortable(binding, .depthwise, "mcuc_depthwise_inplace_s8")
            if binding.function?.variant == .portable { (scratchBytes, through) = (scratch, "a one-channel scratch") }
        }
        return call(.depthwiseInPlace(w), binding, detail: w.text + ", in place through " + through,
                    scratch: scratchBytes, contract: .inPlace(input: input))
    }

    /// `function` (`mcuc_depthwise_inplace3x3_s8_dsp` or `..._kxk_s8_dsp`) with the largest
    /// channel block whose padded planes keep the in-place advantage, or nil (none does, or no
    /// exact epilogue).
    func depthwiseInPlacePadded(_ params: DepthwiseKernelParams, _ p: DepthwiseConv2DParams, _ w: ConvWindow,
                                _ function: KernelFunction, arguments: [KernelBinding.Argument]) -> KernelCall? {
        let blocks = Set([Depthwise3x3DSPPacking.blockChannels(params), 1]).sorted(by: >)
        guard let block = blocks.first(where: {
            inPlaceScratch(w, planeBytes: Depthwise3x3DSPPacking.scratchBytes(params, block: $0)) != nil
        }), let binding = function == KernelVariants.depthwiseInPlace3x3DSP
            ? dspDepthwise3x3(params, p, block: block, arguments: arguments)
            : dspDepthwiseKxK(params, p, block: block, arguments: arguments) else { return nil }
        let planes = block == 1 ? "a padded channel plane" : "\(block) padded channel planes"
        return call(.depthwiseInPlace(w), binding, detail: w.text + ", in place through " + planes,
                    scratch: Depthwise3x3DSPPacking.scratchBytes(params, block: block), contract: .inPlace(input: dataInput))
    }

    /// The scratch bytes of the in-place kernel (one input channel, or `planeBytes` when given),
    /// when it may run and its span (input plus scratch) is smaller than row streaming's; nil
    /// otherwise.
    func inPlaceScratch(_ w: ConvWindow, planeBytes: Int? = nil) -> Int? {
        guard let input = inputs.first, mayOverlap(input) else { return nil }
        let inShape = graph[input].shape, outShape = graph[output].shape
        let rowsSpan = max(bytes(output), rowGap(w) + bytes(input))
        let channelScratch = planeBytes ?? inShape[1] * inShape[2] * elementBytes(input)
        let canRunInPlace = inShape[3] == outShape[3] && bytes(output) <= bytes(input)
            && outShape[1] * outShape[2] <= inShape[1] * inShape[2]
        return canRunInPlace && bytes(input) + channelScratch < rowsSpan ? channelScratch : nil
    }

    /// Bytes of the plane `mcuc_depthwise_inplace_s8_mve` copies each channel into: the input
    /// with its padding rows and columns (the zero point), as many as the windows reach.
    static func paddedPlaneBytes(_ p: DepthwiseKernelParams) -> Int {
        let reachH = Int((p.outH - 1) * p.strideH + (p.filterH - 1) * p.dilationH + 1)
        let reachW = Int((p.outW - 1) * p.strideW + (p.filterW - 1) * p.dilationW + 1)
        return max(reachH, Int(p.padTop + p.inH)) * max(reachW, Int(p.padLeft + p.inW))
    }
}
