import IR

/// `mcuc_depthwise3x3_dsp_params` (`Templates/kernels/common/mcuc_depthwise.h`), field for field.
struct Depthwise3x3DSPKernelParams: KernelParams {
    static let cType = "mcuc_depthwise3x3_dsp_params"
    var batches: Int32
    var inH: Int32, inW: Int32, channels: Int32
    var outH: Int32, outW: Int32
    var strideH: Int32, strideW: Int32
    var padTop: Int32, padLeft: Int32
    var planeH: Int32, planeW: Int32
    var block: Int32
    var inputZp: Int32
    var actMin: Int32, actMax: Int32
    var packed: TableRef
}

/// The per-channel words of `mcuc_depthwise_inplace3x3_s8_dsp`: the 3x3 weights as `SMLAD`
/// halfword pairs, `2 * bias` with the input zero point folded over all nine taps (exact because
/// the kernel's padded plane holds the zero point wherever TFLM skips a tap), then the fused
/// epilogue (`DSPEpilogue`); nil when some channel's epilogue cannot be proved exact.
public enum Depthwise3x3DSPPacking {
    /// Words per channel.
    public static let wordsPerChannel = 10

    /// - `filter`: `[3][3][channels]` as the model stores it (depth multiplier 1).
    /// - `foldedBias`: the bias minus the input zero point times each channel's weight sum.
    public static func pack(filter: [Int8], channels: Int, foldedBias: [Int32],
                            output: OutputRequantization) -> [Int32]? {
        guard channels > 0, filter.count == 9 * channels, foldedBias.count == channels else { return nil }
        var words: [Int32] = []
        words.reserveCapacity(wordsPerChannel * channels)
        for c in 0..<channels {
            let w = (0..<9).map { Int32(filter[$0 * channels + c]) }
            let magnitude = w.reduce(UInt64(0)) { $0 + UInt64($1.magnitude) }
            guard let epilogue = try? DSPEpilogue.words(output.multiplier(channel: c), zeroPoint: output.zeroPoint,
                                                        bias: foldedBias[c], weightMagnitude: magnitude,
                                                        inputMagnitude: 128) else { return nil }
            let pairs = (0..<3).map { r in halves(w[3 * r], w[3 * r + 2]) }
            let mids = (0..<3).map { r in halves(w[3 * r + 1], w[3 * r + 1]) }
            words += pairs + mids + [foldedBias[c] &* 2] + epilogue
        }
        return words
    }

    /// The word whose low halfword is `lo` and high halfword `hi` (both int16).
    static func halves(_ lo: Int32, _ hi: Int32) -> Int32 {
        Int32(bitPattern: UInt32(UInt16(truncatingIfNeeded: lo)) | UInt32(UInt16(truncatingIfNeeded: hi)) << 16)
    }

    /// Rows and columns of the padded plane for `p` (dilation 1): as far as the windows reach,
    /// and at least the padding before plus the input.
    static func plane(_ p: DepthwiseKernelParams) -> (h: Int, w: Int) {
        (max(Int((p.outH - 1) * p.strideH + p.filterH), Int(p.padTop + p.inH)),
         max(Int((p.outW - 1) * p.strideW + p.filterW), Int(p.padLeft + p.inW)))
    }

    /// Four planes are copied at once (one word per input pixel: half the copy's instructions,
    /// about 5% of the layer) only when they take at most this fraction of the input's bytes:
    /// small planes with many channels. Elsewhere the three extra planes are not worth their SRAM
    /// (they can push a plan past `--prefer balanced`'s limit, which then gives up other fast
    /// kernels: KWS's 25x5x64 planes did).
    public static let blockScratchShare = 1.0 / 16

    /// Channels the kernel copies at once for `p`: 4 on small planes with many channels, else 1.
    static func blockChannels(_ p: DepthwiseKernelParams) -> Int {
        let input = Int(p.batches * p.inH * p.inW * p.inC)
        return p.inC >= 4 && Double(scratchBytes(p, block: 4)) <= Double(input) * blockScratchShare ? 4 : 1
    }

    /// Scratch bytes of the kernel for a block of `block` channels: a padded plane per channel,
    /// plus the 4 bytes the last word load of the last plane may reach past it.
    static func scratchBytes(_ p: DepthwiseKernelParams, block: Int) -> Int {
        let (h, w) = plane(p)
        return block * h * w + 4
    }

    /// True for the calls the kernel computes: a 3x3 window, dilation 1, depth multiplier 1.
    static func applies(_ p: DepthwiseKernelParams) -> Bool {
        p.depthMultiplier == 1 && p.filterH == 3 && p.filterW == 3 && p.dilationH == 1 && p.dilationW == 1
    }
}

extension OpLowering {
    /// The binding of `mcuc_depthwise_inplace3x3_s8_dsp` for the in-place call `params`, or nil
    /// when the window is not 3x3 or the epilogue cannot be proved exact.
    func dspDepthwise3x3(_ params: DepthwiseKernelParams, _ p: DepthwiseConv2DParams, block: Int,
                         arguments: [KernelBinding.Argument]) -> KernelBinding? {
        guard Depthwise3x3DSPPacking.applies(params),
              let words = Depthwise3x3DSPPacking.pack(filter: p.filter, channels: Int(params.outC),
                                                      foldedBias: p.biasWithInputZeroPointFolded, output: p.output)
        else { return nil }
        let packed = ConstantTable(id: .call(node.id, role: "packed"), kind: .packedDepthwisePadded(channels: Int(params.outC), weightWords: 6),
                                   values: .int32(words))
        let (h, w) = Depthwise3x3DSPPacking.plane(params)
        let dsp = Depthwise3x3DSPKernelParams(
            batches: params.batches, inH: params.inH, inW: params.inW, channels: params.inC, outH: params.outH,
            outW: params.outW, strideH: params.strideH, strideW: params.strideW, padTop: params.padTop,
            padLeft: params.padLeft, planeH: Int32(h), planeW: Int32(w), block: Int32(block), inputZp: p.inputZeroPoint,
            actMin: params.actMin, actMax: params.actMax, packed: packed.ref)
        return KernelBinding(callee: .kernel(KernelVariants.depthwiseInPlace3x3DSP), params: dsp, arguments: arguments,
                             tables: [packed] + constantTables([dataInput]))
    }
}
