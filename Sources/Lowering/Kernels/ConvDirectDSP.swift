import IR

/// `mcuc_conv2d_direct_dsp_params` (`Templates/kernels/common/mcuc_conv2d.h`), field for field.
struct Conv2DDirectDSPKernelParams: KernelParams {
    static let cType = "mcuc_conv2d_direct_dsp_params"
    var batches: Int32
    var inH: Int32, inW: Int32, inC: Int32
    var outH: Int32, outW: Int32, outC: Int32
    var filterH: Int32, filterW: Int32
    var strideH: Int32, strideW: Int32
    var dilationH: Int32
    var padTop: Int32, padLeft: Int32
    var inputZp: Int32
    var rowGroups: Int32
    var actMin: Int32, actMax: Int32
    var packed: TableRef
    var rowFix: TableRef
}

/// The compile-time arrangement of `mcuc_conv2d_direct_s8_dsp`'s constants (layout in
/// `mcuc_conv2d.h`): per block of four output channels, doubled biases, the weights as doubled
/// int16 pairs in the order the kernel reads a window row in place (each filter row of
/// `filterW * inC` values zero-padded to whole groups of four), the fused requantization words
/// (`DSPEpilogue`); and per output channel and filter row the term a skipped row stands for.
public enum ConvDirectDSPPacking {
    /// The largest window (`filterH` rows of `4 * rowGroups` bytes) the kernel assembles on its
    /// stack at the input's left and right edges (`MCUC_CONV_DIRECT_MAX_WINDOW`).
    public static let maxWindowBytes = 96

    /// True for the shapes the kernel handles: ungrouped, no column dilation (a window row is
    /// contiguous), a window of at most `maxWindowBytes`, and a small input depth (at most 4
    /// channels: deeper inputs have long im2col rows that the two-pixel GEMM multiplies faster).
    public static func applies(inC: Int32, filterC: Int32, filterH: Int32, filterW: Int32, dilationW: Int32) -> Bool {
        filterC == inC && inC <= 4 && dilationW == 1
            && Int(filterH) * 4 * rowGroups(filterW: Int(filterW), inC: Int(inC)) <= maxWindowBytes
    }

    /// Groups of four values per window row.
    public static func rowGroups(filterW: Int, inC: Int) -> Int { (filterW * inC + 3) / 4 }

    /// The packed words for the OHWI `filter` of `units` channels (`filterH` rows of `rowBytes`
    /// values) and the biases with the input zero point folded over the whole filter, or nil when
    /// the DSP epilogue cannot be proved exact for some channel.
    public static func pack(filter: [Int8], units: Int, filterH: Int, rowBytes: Int, foldedBias: [Int32],
                            output: OutputRequantization) -> [Int32]? {
        let taps = filterH * rowBytes, groups = (rowBytes + 3) / 4
        guard units > 0, taps > 0, filter.count == units * taps, foldedBias.count == units else { return nil }
        func weight(_ c: Int, _ ky: Int, _ k: Int) -> Int32 {
            c < units && k < rowBytes ? 2 * Int32(filter[(c * filterH + ky) * rowBytes + k]) : 0
        }
        var words: [Int32] = []
        for first in stride(from: 0, to: units, by: 4) {
            let block = Array(first..<(first + 4))
            guard let epilogue = try? block.map({ c -> [Int32] in
                guard c < units else { return DSPEpilogue.constant(0) }
                return try DSPEpilogue.words(output.multiplier(channel: c), zeroPoint: output.zeroPoint, bias: foldedBias[c],
                                             weightMagnitude: filter[(c * taps)..<((c + 1) * taps)].reduce(0) { $0 + UInt64($1.magnitude) },
                                             inputMagnitude: 128)
            }) else { return nil }
            words += block.map { $0 < units ? foldedBias[$0] &* 2 : 0 }
            for ky in 0..<filterH {
                for g in 0..<groups {
                    for c in block {
                        for j in 0..<2 {
                            let low = UInt32(bitPattern: weight(c, ky, 4 * g + j)) & 0xffff
                            let high = UInt32(bitPattern: weight(c, ky, 4 * g + j + 2)) & 0xffff
                            words.append(Int32(bitPattern: low | high << 16))
                        }
                    }
                }
            }
            words += epilogue.flatMap { $0 }
        }
        return words
    }

    /// `2 * inputZeroPoint * Σ(filter row ky of channel oc)` at `oc * filterH + ky`: what row ky
    /// adds to the doubled accumulator (folded biases) when its taps all read the zero point.
    public static func rowFix(_ filter: [Int8], units: Int, filterH: Int, rowBytes: Int,
                              inputZeroPoint: Int32) -> [Int32] {
        (0..<(units * filterH)).map { row in
            let sum = filter[(row * rowBytes)..<((row + 1) * rowBytes)].reduce(Int32(0)) { $0 &+ Int32($1) }
            return 2 &* inputZeroPoint &* sum
        }
    }
}

extension OpLowering {
    /// The binding of `mcuc_conv2d_direct_s8_dsp` (`function`) for the portable call `c` with
    /// OHWI `filter` and the biases with the input zero point folded over the whole filter; no
    /// scratch. Nil when the packing cannot be proved exact.
    func directConv(_ c: Conv2DKernelParams, filter: [Int8], foldedBias: [Int32],
                    output requantization: OutputRequantization, inputZeroPoint: Int32, function: KernelFunction,
                    input: TensorID) -> (binding: KernelBinding, scratch: Int)? {
        let units = Int(c.outC), filterH = Int(c.filterH), rowBytes = Int(c.filterW * c.inC)
        let rowGroups = ConvDirectDSPPacking.rowGroups(filterW: Int(c.filterW), inC: Int(c.inC))
        guard let words = ConvDirectDSPPacking.pack(filter: filter, units: units, filterH: filterH, rowBytes: rowBytes,
                                                    foldedBias: foldedBias, output: requantization) else { return nil }
        let blocks = (units + 3) / 4
        let packed = ConstantTable(id: .call(node.id, role: "packed"),
                                   kind: .packedGemm(source: operand(1), pairs: 2 * blocks, groups: 2 * filterH * rowGroups),
                                   values: .int32(words))
        let fix = ConvDirectDSPPacking.rowFix(filter, units: units, filterH: filterH, rowBytes: rowBytes,
                                              inputZeroPoint: inputZeroPoint)
        let rowFix = ConstantTable(id: .call(node.id, role: "row_fix"),
                                   kind: .indices("zero-point term of each filter row outside the input, per channel"),
                                   values: .int32(fix))
        let params = Conv2DDirectDSPKernelParams(
            batches: c.batches, inH: c.inH, inW: c.inW, inC: c.inC, outH: c.outH, outW: c.outW, outC: c.outC,
            filterH: c.filterH, filterW: c.filterW, strideH: c.strideH, strideW: c.strideW, dilationH: c.dilationH,
            padTop: c.padTop, padLeft: c.padLeft, inputZp: inputZeroPoint, rowGroups: Int32(rowGroups),
            actMin: c.actMin, actMax: c.actMax, packed: packed.ref, rowFix: rowFix.ref)
        let binding = KernelBinding(callee: .kernel(function), params: params,
                                    arguments: [.tensor(input), .tensor(output)],
                                    tables: [packed, rowFix] + constantTables([input]))
        return (binding, 0)
    }
}
