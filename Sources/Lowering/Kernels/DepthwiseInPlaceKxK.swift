import IR

/// `mcuc_depthwise_kxk_dsp_params` (`Templates/kernels/common/mcuc_depthwise.h`), field for field.
struct DepthwiseKxKDSPKernelParams: KernelParams {
    static let cType = "mcuc_depthwise_kxk_dsp_params"
    var batches: Int32
    var inH: Int32, inW: Int32, channels: Int32
    var outH: Int32, outW: Int32
    var filterH: Int32, groups: Int32
    var strideH: Int32, strideW: Int32
    var padTop: Int32, padLeft: Int32
    var planeH: Int32, planeW: Int32
    var block: Int32
    var inputZp: Int32
    var actMin: Int32, actMax: Int32
    var packed: TableRef
}

/// The per-channel words of `mcuc_depthwise_inplace_kxk_s8_dsp`: per filter row, per group of four
/// taps, the `SMLAD` halfword pairs (w0, w2) and (w1, w3) (zero past the filter's width), then
/// `2 * bias` with the input zero point folded over every tap (exact: the padded planes hold the
/// zero point wherever TFLM skips a tap) and the fused epilogue (`DSPEpilogue`); nil when some
/// channel's epilogue cannot be proved exact.
public enum DepthwiseKxKDSPPacking {
    /// Groups of four taps per filter row of width `filterW`.
    public static func groups(filterW: Int) -> Int { (filterW + 3) / 4 }

    /// - `filter`: `[filterH][filterW][channels]` as the model stores it (depth multiplier 1).
    public static func pack(filter: [Int8], filterH: Int, filterW: Int, channels: Int, foldedBias: [Int32],
                            output: OutputRequantization) -> [Int32]? {
        let taps = filterH * filterW
        guard channels > 0, taps > 0, filter.count == taps * channels, foldedBias.count == channels else { return nil }
        var words: [Int32] = []
        for c in 0..<channels {
            let w = (0..<taps).map { Int32(filter[$0 * channels + c]) }
            let magnitude = w.reduce(UInt64(0)) { $0 + UInt64($1.magnitude) }
            guard let epilogue = try? DSPEpilogue.words(output.multiplier(channel: c), zeroPoint: output.zeroPoint,
                                                        bias: foldedBias[c], weightMagnitude: magnitude,
                                                        inputMagnitude: 128) else { return nil }
            for ky in 0..<filterH {
                let tap = { (kx: Int) -> Int32 in kx < filterW ? w[ky * filterW + kx] : 0 }
                for g in 0..<groups(filterW: filterW) {
                    words += [Depthwise3x3DSPPacking.halves(tap(4 * g), tap(4 * g + 2)),
                              Depthwise3x3DSPPacking.halves(tap(4 * g + 1), tap(4 * g + 3))]
                }
            }
            words += [foldedBias[c] &* 2] + epilogue
        }
        return words
    }

    /// True for the calls the kernel computes: dilation 1, depth multiplier 1, not 3x3 (which
    /// `mcuc_depthwise_inplace3x3_s8_dsp` computes faster).
    static func applies(_ p: DepthwiseKernelParams) -> Bool {
        p.depthMultiplier == 1 && p.dilationH == 1 && p.dilationW == 1 && !(p.filterH == 3 && p.filterW == 3)
    }
}

extension OpLowering {
    /// The binding of `mcuc_depthwise_inplace_kxk_s8_dsp` for the in-place call `params` with
    /// `block` planes, or nil when the epilogue cannot be proved exact.
    func dspDepthwiseKxK(_ params: DepthwiseKernelParams, _ p: DepthwiseConv2DParams, block: Int,
                         arguments: [KernelBinding.Argument]) -> KernelBinding? {
        let (kh, kw) = (Int(params.filterH), Int(params.filterW))
        guard DepthwiseKxKDSPPacking.applies(params),
              let words = DepthwiseKxKDSPPacking.pack(filter: p.filter, filterH: kh, filterW: kw, channels: Int(params.outC),
                                                      foldedBias: p.biasWithInputZeroPointFolded, output: p.output)
        else { return nil }
        let groups = DepthwiseKxKDSPPacking.groups(filterW: kw)
        let packed = ConstantTable(id: .call(node.id, role: "packed"),
                                   kind: .packedDepthwisePadded(channels: Int(params.outC), weightWords: 2 * kh * groups),
                                   values: .int32(words))
        let (h, w) = Depthwise3x3DSPPacking.plane(params)
        let dsp = DepthwiseKxKDSPKernelParams(
            batches: params.batches, inH: params.inH, inW: params.inW, channels: params.inC, outH: params.outH,
            outW: params.outW, filterH: params.filterH, groups: Int32(groups), strideH: params.strideH,
            strideW: params.strideW, padTop: params.padTop, padLeft: params.padLeft, planeH: Int32(h), planeW: Int32(w),
            block: Int32(block), inputZp: p.inputZeroPoint, actMin: params.actMin, actMax: params.actMax, packed: packed.ref)
        return KernelBinding(callee: .kernel(KernelVariants.depthwiseInPlaceKxKDSP), params: dsp, arguments: arguments,
                             tables: [packed] + constantTables([dataInput]))
    }
}
