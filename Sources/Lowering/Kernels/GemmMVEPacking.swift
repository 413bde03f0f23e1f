import IR

/// The compile-time arrangement of a GEMM's constants for `mcuc_gemm_s8_mve` (the layout is
/// documented in `mcuc_conv2d.h`): per block of four output channels, biases, multipliers,
/// rounding words and negated shifts as four-lane vectors, then the weights 16 values per
/// channel at a time.
///
/// The epilogue is the DSP kernels' (`mcuc_dsp_requant2`) lane by lane, so `DSPEpilogue` proves
/// it exact per channel; `pack` returns nil when a channel fails, and the call keeps its
/// portable kernel.
public enum GemmMVEPacking {
    /// Vectors of 16 values per row.
    public static func chunks(_ depth: Int) -> Int { (depth + 15) / 16 }

    /// Blocks of four output channels.
    public static func blocks(_ units: Int) -> Int { (units + 3) / 4 }

    /// The packed words, or nil when the epilogue cannot be proved exact for some channel.
    ///
    /// - `weights`: `[units][depth]`, each value with any filter offset already added (must fit int8).
    /// - `bias`: per unit, the input zero point folded in (inputs then range over [-128, 127]).
    public static func pack(weights: [Int32], units: Int, depth: Int, bias: [Int32],
                            output: OutputRequantization) -> [Int32]? {
        guard units > 0, depth > 0, weights.count == units * depth, bias.count == units,
              weights.allSatisfy({ (-128...127).contains($0) }) else { return nil }
        var words: [Int32] = []
        for c0 in stride(from: 0, to: units, by: 4) {
            let block = Array(c0..<min(c0 + 4, units))
            guard var epilogue = try? block.map({ c in
                try DSPEpilogue.words(output.multiplier(channel: c), zeroPoint: output.zeroPoint, bias: bias[c],
                                      weightMagnitude: weights[(c * depth)..<((c + 1) * depth)].reduce(0) { $0 + UInt64($1.magnitude) },
                                      inputMagnitude: 128)
            }) else { return nil }
            epilogue += Array(repeating: DSPEpilogue.constant(0), count: 4 - block.count)
            words += (0..<4).map { $0 < block.count ? bias[block[$0]] : 0 }
            words += epilogue.map { $0[0] } + epilogue.map { $0[1] } + epilogue.map { -$0[2] }
            words += weightWords(weights, depth: depth, block: block)
        }
        return words
    }

    /// 16 words per 16 values of depth: 16 bytes per channel of the block, zero past depth and
    /// for dummy channels, little-endian.
    static func weightWords(_ weights: [Int32], depth: Int, block: [Int]) -> [Int32] {
        var bytes: [UInt8] = []
        for k0 in stride(from: 0, to: depth, by: 16) {
            for j in 0..<4 {
                for k in k0..<(k0 + 16) {
                    let v = j < block.count && k < depth ? weights[block[j] * depth + k] : 0
                    bytes.append(UInt8(truncatingIfNeeded: v))
                }
            }
        }
        return stride(from: 0, to: bytes.count, by: 4).map { i in
            var word: UInt32 = 0
            for b in 0..<4 { word |= UInt32(bytes[i + b]) << UInt32(8 * b) }
            return Int32(bitPattern: word)
        }
    }
}

extension OpLowering {
    /// The binding of `mcuc_gemm_s8_mve` (`function`) for a GEMM of `rows` x `depth` by the
    /// `[units][depth]` weights (no scratch); nil when the packing cannot be proved exact. The
    /// table's kind counts its bytes like the DSP layout's (two "pairs" of four "groups" per
    /// block of four channels and 16 values hold the same bytes).
    func mveGemm(weights: [Int32], rows: Int, depth: Int, bias: [Int32], output: OutputRequantization,
                 function: KernelFunction, input: TensorID) -> KernelBinding? {
        let units = bias.count
        guard let words = GemmMVEPacking.pack(weights: weights, units: units, depth: depth, bias: bias,
                                              output: output) else { return nil }
        let chunks = GemmMVEPacking.chunks(depth)
        let kind = ConstantTable.Kind.packedGemm(source: operand(1), pairs: 2 * GemmMVEPacking.blocks(units),
                                                 groups: 4 * chunks)
        let packed = ConstantTable(id: .call(node.id, role: "packed"), kind: kind, values: .int32(words))
        let params = GemmDSPKernelParams(
            rows: Int32(rows), depth: Int32(depth), outC: Int32(units), groups: Int32(chunks),
            actMin: output.range.lowerBound, actMax: output.range.upperBound, packed: packed.ref)
        return KernelBinding(callee: .kernel(function), params: params,
                             arguments: [.tensor(input), .tensor(self.output)],
                             tables: [packed] + constantTables([input]))
    }

    /// The binding of `mcuc_conv2d_s8_mve` (`function`, a k x k ungrouped CONV_2D through one
    /// im2col row at a time) with its scratch bytes (one row of `depth` values); nil when the
    /// packing cannot be proved exact. `filter` is OHWI; padding taps read the input zero point,
    /// so `foldedBias` folds it over the whole filter.
    func mveConv(_ c: Conv2DKernelParams, filter: [Int8], foldedBias: [Int32], output requantization: OutputRequantization,
                 inputZeroPoint: Int32, function: KernelFunction,
                 input: TensorID) -> (binding: KernelBinding, scratch: Int)? {
        let units = Int(c.outC), depth = Int(c.filterH * c.filterW * c.inC)
        guard let words = GemmMVEPacking.pack(weights: filter.map(Int32.init), units: units, depth: depth,
                                              bias: foldedBias, output: requantization) else { return nil }
        let chunks = GemmMVEPacking.chunks(depth)
        let kind = ConstantTable.Kind.packedGemm(source: operand(1), pairs: 2 * GemmMVEPacking.blocks(units),
                                                 groups: 4 * chunks)
        let packed = ConstantTable(id: .call(node.id, role: "packed"), kind: kind, values: .int32(words))
        let params = Conv2DDSPKernelParams(
            batches: c.batches, inH: c.inH, inW: c.inW, inC: c.inC, outH: c.outH, outW: c.outW, outC: c.outC,
            filterH: c.filterH, filterW: c.filterW, strideH: c.strideH, strideW: c.strideW, dilationH: c.dilationH,
            dilationW: c.dilationW, padTop: c.padTop, padLeft: c.padLeft, inputZp: inputZeroPoint,
            depth: Int32(depth), groups: Int32(chunks), actMin: c.actMin, actMax: c.actMax, packed: packed.ref)
        let binding = KernelBinding(callee: .kernel(function), params: params,
                                    arguments: [.tensor(input), .tensor(output), .scratch],
                                    tables: [packed] + constantTables([input]))
        return (binding, depth)
    }
}
