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

/// The compile-time arrangement of `mcuc_conv2d_direct_s8_dsp`'s constants: the DSP GEMM's packed
/// words (`GemmDSPPacking`) over the filter with each row of `filterW * inC` values zero-padded to
/// whole groups of four (the kernel reads a window row in place, group by group), and per output
/// channel and filter row the term a skipped row (outside the input) stands for.
public enum ConvDirectDSPPacking {
    /// The longest window row (`filterW * inC` bytes) the kernel assembles on its stack at the
    /// input's left and right edges (`MCUC_CONV_DIRECT_MAX_ROW`).
    public static let maxRowBytes = 64

    /// True for the shapes the kernel handles: ungrouped, no column dilation (a window row is
    /// contiguous), rows of at most `maxRowBytes` values, and a small input depth (at most 4
    /// channels: deeper inputs have long im2col rows that the two-pixel GEMM multiplies faster).
    public static func applies(inC: Int32, filterC: Int32, filterW: Int32, dilationW: Int32) -> Bool {
        filterC == inC && inC <= 4 && dilationW == 1 && Int(filterW * inC) <= maxRowBytes
    }

    /// Groups of four values per window row.
    public static func rowGroups(filterW: Int, inC: Int) -> Int { (filterW * inC + 3) / 4 }

    /// The OHWI `filter` of `units` channels with each of its `filterH` rows zero-padded to
    /// `4 * rowGroups` values.
    public static func paddedRows(_ filter: [Int8], units: Int, filterH: Int, rowBytes: Int) -> [Int32] {
        let padded = 4 * ((rowBytes + 3) / 4)
        return (0..<(units * filterH)).flatMap { row in
            (0..<padded).map { i in i < rowBytes ? Int32(filter[row * rowBytes + i]) : 0 }
        }
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
        let weights = ConvDirectDSPPacking.paddedRows(filter, units: units, filterH: filterH, rowBytes: rowBytes)
        guard let words = GemmDSPPacking.pack(weights: weights, units: units, depth: filterH * 4 * rowGroups,
                                              bias: foldedBias, output: requantization) else { return nil }
        let packed = ConstantTable(id: .call(node.id, role: "packed"),
                                   kind: .packedGemm(source: operand(1), pairs: (units + 1) / 2, groups: filterH * rowGroups),
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
