import IR

/// `mcuc_gemm_dsp_params` (`Templates/kernels/common/mcuc_conv2d.h`), field for field.
struct GemmDSPKernelParams: KernelParams {
    static let cType = "mcuc_gemm_dsp_params"
    var rows: Int32
    var depth: Int32
    var outC: Int32
    var groups: Int32
    var actMin: Int32, actMax: Int32
    var packed: TableRef
}

/// The compile-time arrangement of a GEMM's constants for `mcuc_gemm_s8_dsp` (the layout is
/// documented in `mcuc_conv2d.h`): per pair of output channels, the initial accumulators, the
/// weights as `(w0 + 128) | (w1 << 8)` halfwords, then the fused requantization words.
///
/// The DSP epilogue (`mcuc_dsp_requant2`) equals TFLM's double rounding only under conditions
/// proved here per channel from the constants; `pack` returns nil when any channel fails them,
/// and the call keeps its portable kernel.
public enum GemmDSPPacking {
    /// Bytes of scratch the kernel writes for `rows` rows of `depth` values: up to two packed
    /// rows of 8 bytes per group.
    public static func scratchBytes(rows: Int, depth: Int) -> Int { 8 * min(rows, 2) * groups(depth) }

    /// Groups of four values per row.
    public static func groups(_ depth: Int) -> Int { (depth + 3) / 4 }

    /// The packed words, or nil when the DSP epilogue cannot be proved exact for some channel.
    ///
    /// - `weights`: `[units][depth]`, each value with any filter offset already added (must fit int8).
    /// - `bias`: per unit, the input zero point folded in (inputs then range over [-128, 127]).
    public static func pack(weights: [Int32], units: Int, depth: Int, bias: [Int32],
                            output: OutputRequantization) -> [Int32]? {
        guard units > 0, depth > 0, weights.count == units * depth, bias.count == units,
              weights.allSatisfy({ (-128...127).contains($0) }) else { return nil }
        var words: [Int32] = []
        for c0 in stride(from: 0, to: units, by: 2) {
            let pair = c0 + 1 < units ? [c0, c0 + 1] : [c0]
            guard let epilogue = try? pair.map({ c in
                try DSPEpilogue.words(output.multiplier(channel: c), zeroPoint: output.zeroPoint, bias: bias[c],
                                      weightMagnitude: weights[(c * depth)..<((c + 1) * depth)].reduce(0) { $0 + UInt64($1.magnitude) },
                                      inputMagnitude: 128)
            }) else { return nil }
            let b0 = bias[c0], b1 = pair.count == 2 ? bias[c0 + 1] : 0
            words.append(b0 &* 2 &+ b1 &* 512)
            words.append(b1 &* 2)
            words += weightWords(weights, depth: depth, c0: c0, c1: pair.count == 2 ? c0 + 1 : nil)
            words += epilogue.flatMap { $0 } + (pair.count == 1 ? epilogue[0] : [])
        }
        return words
    }

    /// `pack`'s words in the order the one-row kernel (`mcuc_gemm1_s8_dsp`) reads them: per block
    /// of four channels (two whole pairs A and B), A's 2 initial words, B's 2, then per group A's
    /// 2 weight words and B's 2, then A's 6 requantization words and B's 6; the last 1-3 channels
    /// keep the pair layout. Same words, so the same bytes.
    public static func oneRowOrder(_ words: [Int32], units: Int, depth: Int) -> [Int32] {
        let g = groups(depth), stride = 2 * g + 8
        precondition(words.count == stride * ((units + 1) / 2), "pack's words for units x depth")
        var result: [Int32] = []
        result.reserveCapacity(words.count)
        let quads = units / 4
        for q in 0..<quads {
            let a = 2 * q * stride, b = a + stride
            func both(_ from: Int, _ count: Int) {
                result.append(contentsOf: words[(a + from)..<(a + from + count)])
                result.append(contentsOf: words[(b + from)..<(b + from + count)])
            }
            both(0, 2)
            for k in 0..<g { both(2 + 2 * k, 2) }
            both(2 + 2 * g, 6)
        }
        result.append(contentsOf: words[(2 * quads * stride)...])
        return result
    }

    /// 2 words per group of four values: values (4g, 4g+2) then (4g+1, 4g+3), each halfword
    /// `(w0 + 128) | (w1 << 8)`.
    static func weightWords(_ weights: [Int32], depth: Int, c0: Int, c1: Int?) -> [Int32] {
        func value(_ channel: Int?, _ k: Int) -> Int32 {
            guard let channel, k < depth else { return 0 }
            return weights[channel * depth + k]
        }
        return (0..<groups(depth)).flatMap { g in
            [0, 1].map { j in
                var word: UInt32 = 0
                for h in 0..<2 {
                    let k = 4 * g + j + 2 * h
                    let low = UInt32(value(c0, k) + 128) & 0xff, high = UInt32(bitPattern: value(c1, k)) & 0xff
                    word |= (low | high << 8) << (16 * h)
                }
                return Int32(bitPattern: word)
            }
        }
    }
}

extension OpLowering {
    /// The binding of `mcuc_gemm_s8_dsp` (`function`) for a GEMM of `rows` x `depth` by the
    /// `[units][depth]` weights, with its scratch bytes; nil when the packing cannot be proved exact.
    func dspGemm(weights: [Int32], rows: Int, depth: Int, bias: [Int32], output: OutputRequantization,
                 function: KernelFunction, input: TensorID) -> (binding: KernelBinding, scratch: Int)? {
        let units = bias.count
        guard let pairWords = GemmDSPPacking.pack(weights: weights, units: units, depth: depth, bias: bias,
                                                  output: output) else { return nil }
        // One row (an FC on one vector): the direct kernel, no scratch, four channels per block.
        let direct = rows == 1
        let words = direct ? GemmDSPPacking.oneRowOrder(pairWords, units: units, depth: depth) : pairWords
        let kind = ConstantTable.Kind.packedGemm(source: operand(1), pairs: (units + 1) / 2,
                                                 groups: GemmDSPPacking.groups(depth))
        let packed = ConstantTable(id: .call(node.id, role: "packed"), kind: kind, values: .int32(words))
        let params = GemmDSPKernelParams(
            rows: Int32(rows), depth: Int32(depth), outC: Int32(units), groups: Int32(GemmDSPPacking.groups(depth)),
            actMin: output.range.lowerBound, actMax: output.range.upperBound, packed: packed.ref)
        let callee = direct ? KernelFunction(family: function.family, variant: function.variant, symbol: "mcuc_gemm1_s8_dsp")
            : function
        let binding = KernelBinding(callee: .kernel(callee), params: params,
                                    arguments: [.tensor(input), .tensor(self.output)] + (direct ? [] : [.scratch]),
                                    tables: [packed] + constantTables([input]))
        return (binding, direct ? 0 : GemmDSPPacking.scratchBytes(rows: rows, depth: depth))
    }

    /// `binding` with its portable kernel: the variant row matched the shape, but the constants
    /// rule the variant out (its exactness conditions fail). A binding that already runs a
    /// portable kernel keeps it (a patch-stage call's patch form, `PatchKernels`).
    func bindPortable(_ binding: KernelBinding, _ family: KernelFamily, _ symbol: String) -> KernelBinding {
        if binding.function?.variant == .portable { return binding }
        var result = binding
        result.callee = .kernel(.portable(family, symbol))
        return result
    }
}

/// `mcuc_conv2d_dsp_params` (`Templates/kernels/common/mcuc_conv2d.h`), field for field.
struct Conv2DDSPKernelParams: KernelParams {
    static let cType = "mcuc_conv2d_dsp_params"
    var batches: Int32
    var inH: Int32, inW: Int32, inC: Int32
    var outH: Int32, outW: Int32, outC: Int32
    var filterH: Int32, filterW: Int32
    var strideH: Int32, strideW: Int32
    var dilationH: Int32, dilationW: Int32
    var padTop: Int32, padLeft: Int32
    var inputZp: Int32
    var depth: Int32
    var groups: Int32
    var actMin: Int32, actMax: Int32
    var packed: TableRef
}

extension OpLowering {
    /// The binding of `mcuc_conv2d_s8_dsp` (`function`, a k x k ungrouped CONV_2D through im2col
    /// rows) for the portable call `c`, with its scratch bytes; nil when the packing cannot be
    /// proved exact. Padding taps read the input zero point, so the bias folds it over the whole
    /// filter.
    func dspConv(_ c: Conv2DKernelParams, _ p: Conv2DParams, function: KernelFunction,
                 input: TensorID) -> (binding: KernelBinding, scratch: Int)? {
        dspConv(c, filter: p.filter, foldedBias: p.biasWithInputZeroPointFolded, output: p.output,
                inputZeroPoint: p.inputZeroPoint, function: function, input: input)
    }

    /// `dspConv` from the pieces of a convolution: `filter` OHWI, `foldedBias` with the input zero
    /// point folded over the whole filter. A Helium `function` (`mcuc_conv2d_s8_mve`) gets its own
    /// packing (`mveConv`), the in-place DSP convolution of small input depths its own (`directConv`).
    func dspConv(_ c: Conv2DKernelParams, filter: [Int8], foldedBias: [Int32], output requantization: OutputRequantization,
                 inputZeroPoint: Int32, function: KernelFunction,
                 input: TensorID) -> (binding: KernelBinding, scratch: Int)? {
        if function == KernelVariants.convDirectDSP {
            return directConv(c, filter: filter, foldedBias: foldedBias, output: requantization,
                              inputZeroPoint: inputZeroPoint, function: function, input: input)
        }
        if function.variant == .mve {
            return mveConv(c, filter: filter, foldedBias: foldedBias, output: requantization,
                           inputZeroPoint: inputZeroPoint, function: function, input: input)
        }
        let units = Int(c.outC), depth = Int(c.filterH * c.filterW * c.inC)
        guard let words = GemmDSPPacking.pack(weights: filter.map(Int32.init), units: units, depth: depth,
                                              bias: foldedBias, output: requantization) else { return nil }
        let groups = GemmDSPPacking.groups(depth)
        let packed = ConstantTable(id: .call(node.id, role: "packed"),
                                   kind: .packedGemm(source: operand(1), pairs: (units + 1) / 2, groups: groups),
                                   values: .int32(words))
        let params = Conv2DDSPKernelParams(
            batches: c.batches, inH: c.inH, inW: c.inW, inC: c.inC, outH: c.outH, outW: c.outW, outC: c.outC,
            filterH: c.filterH, filterW: c.filterW, strideH: c.strideH, strideW: c.strideW, dilationH: c.dilationH,
            dilationW: c.dilationW, padTop: c.padTop, padLeft: c.padLeft, inputZp: inputZeroPoint,
            depth: Int32(depth), groups: Int32(groups), actMin: c.actMin, actMax: c.actMax, packed: packed.ref)
        let binding = KernelBinding(callee: .kernel(function), params: params,
                                    arguments: [.tensor(input), .tensor(output), .scratch],
                                    tables: [packed] + constantTables([input]))
        let rows = min(2, Int(c.outH * c.outW))
        return (binding, rows * ((depth + 3) & ~3) + 8 * rows * groups)
    }
}
