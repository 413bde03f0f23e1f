import IR

/// `mcuc_depthwise_dsp_params` (`Templates/kernels/common/mcuc_depthwise.h`), field for field.
struct DepthwiseDSPKernelParams: KernelParams {
    static let cType = "mcuc_depthwise_dsp_params"
    var batches: Int32
    var inH: Int32, inW: Int32, channels: Int32
    var outH: Int32, outW: Int32
    var filterH: Int32, filterW: Int32
    var strideH: Int32, strideW: Int32
    var dilationH: Int32, dilationW: Int32
    var padTop: Int32, padLeft: Int32
    var inputOffset: Int32
    var actMin: Int32, actMax: Int32
    var filter: TableRef
    var packed: TableRef
}

/// The per-channel words of `mcuc_depthwise_s8_dsp`: `2 * bias`, then the fused epilogue
/// (`DSPEpilogue`); nil when some channel's epilogue cannot be proved exact. The DSP kernel also
/// reads `blockWeights` after them.
public enum DepthwiseDSPPacking {
    /// - `filter`: `[taps][channels]` as the model stores it (depth multiplier 1).
    /// - `folded`: the input zero point is folded into `bias` (inputs range over [-128, 127]);
    ///   otherwise the kernel adds the input offset and inputs range over [-255, 255].
    public static func pack(filter: [Int8], channels: Int, bias: [Int32], folded: Bool,
                            output: OutputRequantization) -> [Int32]? {
        guard channels > 0, filter.count % channels == 0, bias.count == channels else { return nil }
        var magnitude = [UInt64](repeating: 0, count: channels)
        for (i, w) in filter.enumerated() { magnitude[i % channels] += UInt64(w.magnitude) }
        var words: [Int32] = []
        for c in 0..<channels {
            guard let epilogue = try? DSPEpilogue.words(output.multiplier(channel: c), zeroPoint: output.zeroPoint,
                                                        bias: bias[c], weightMagnitude: magnitude[c],
                                                        inputMagnitude: folded ? 128 : 255) else { return nil }
            words += [bias[c] &* 2] + epilogue
        }
        return words
    }

    /// The weights of every full block of four channels in the order `mcuc_depthwise_s8_dsp`
    /// reads them: per block, per tap (row-major), the words `(w0, w2)` and `(w1, w3)` of the
    /// block's channels as sign-extended halfwords (low halfword first). The last `channels % 4`
    /// channels are read from the model's weights.
    /// - `filter`: `[taps][channels]` as the model stores it (depth multiplier 1).
    public static func blockWeights(filter: [Int8], channels: Int) -> [Int32] {
        guard channels > 0, filter.count % channels == 0 else { return [] }
        let taps = filter.count / channels
        func pair(_ lo: Int8, _ hi: Int8) -> Int32 {
            Int32(bitPattern: UInt32(UInt16(bitPattern: Int16(lo))) | UInt32(UInt16(bitPattern: Int16(hi))) << 16)
        }
        var words: [Int32] = []
        words.reserveCapacity(2 * taps * (channels / 4) * 2)
        for block in stride(from: 0, to: channels - 3, by: 4) {
            for tap in 0..<taps {
                let w = filter[(tap * channels + block)..<(tap * channels + block + 4)].map { $0 }
                words += [pair(w[0], w[2]), pair(w[1], w[3])]
            }
        }
        return words
    }
}

extension OpLowering {
    /// The binding of `function` (`mcuc_depthwise_s8_dsp` or its in-place sibling, same params)
    /// for the portable call `params` with `arguments`, or nil when the epilogue cannot be proved
    /// exact.
    func dspDepthwise(_ params: DepthwiseKernelParams, _ p: DepthwiseConv2DParams, bias: [Int32], folded: Bool,
                      filter: ConstantTable, function: KernelFunction,
                      arguments: [KernelBinding.Argument]) -> KernelBinding? {
        guard let epilogue = DepthwiseDSPPacking.pack(filter: p.filter, channels: Int(params.outC), bias: bias,
                                                      folded: folded, output: p.output) else { return nil }
        let weights = function == KernelVariants.depthwiseDSP
            ? DepthwiseDSPPacking.blockWeights(filter: p.filter, channels: Int(params.outC))
            : function == KernelVariants.depthwiseInPlaceMVE
            ? DepthwiseInPlaceMVEPacking.words(params, filter: p.filter, foldedBias: p.biasWithInputZeroPointFolded)
            : []
        let packed = ConstantTable(id: .call(node.id, role: "packed"),
                                   kind: .packedDepthwise(channels: epilogue.count / 4, weightWords: weights.count),
                                   values: .int32(epilogue + weights))
        let dsp = DepthwiseDSPKernelParams(
            batches: params.batches, inH: params.inH, inW: params.inW, channels: params.inC, outH: params.outH,
            outW: params.outW, filterH: params.filterH, filterW: params.filterW, strideH: params.strideH,
            strideW: params.strideW, dilationH: params.dilationH, dilationW: params.dilationW, padTop: params.padTop,
            padLeft: params.padLeft, inputOffset: params.inputOffset, actMin: params.actMin, actMax: params.actMax,
            filter: filter.ref, packed: packed.ref)
        return KernelBinding(callee: .kernel(function), params: dsp, arguments: arguments,
                             tables: [filter, packed] + constantTables([dataInput]))
    }
}
