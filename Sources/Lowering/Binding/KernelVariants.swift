import IR

/// One row of the variant table: `function` may replace the portable kernel `replaces` on cores
/// that run its variant, for the shapes `applies` accepts (it sees the call's typed params).
///
/// A variant computes exactly what the portable kernel computes (bit for bit, tested under QEMU)
/// and keeps its loop-order and overlap contract. One whose tables or scratch differ (weights
/// pre-arranged for `SMLAD`, an im2col buffer) sets them in its op's lowering file, keyed on the
/// chosen `KernelFunction.variant`.
public struct VariantRule: Sendable {
    /// The portable symbol this row replaces (`mcuc_conv2d_1x1_s8`).
    public var replaces: String
    /// The variant's function.
    public var function: KernelFunction
    /// True for the parameter values (shapes) the variant handles.
    public var applies: @Sendable (any KernelParams) -> Bool
    /// The variant needs no scratch beyond the portable kernel's (none, or the same bytes under
    /// the same contract): a call limited to memory-lean kernels (`--prefer` gave up its fast
    /// variant for memory) may still take it.
    public var scratchFree: Bool
    /// Estimated instructions of the call on the cores that run the variant (nil: no estimate):
    /// where two rows apply and both estimate, the cheaper one runs (`KernelVariants.choose`).
    public var estimate: @Sendable (any KernelParams) -> Int?

    /// A row for kernels whose params are `P`; `when` and `estimate` see them typed.
    public init<P: KernelParams>(replacing portable: String, with function: KernelFunction, scratchFree: Bool = false,
                                 estimate: (@Sendable (P) -> Int)? = nil, when: @escaping @Sendable (P) -> Bool) {
        replaces = portable
        self.function = function
        self.scratchFree = scratchFree
        applies = { params in (params as? P).map(when) ?? false }
        self.estimate = { params in estimate.flatMap { cost in (params as? P).map(cost) } }
    }
}

/// The kernel variant table: which implementation runs each call on the target's core.
///
/// Rows are tried in order; the first whose variant the core runs (`KernelVariant.runs(on:)`)
/// and whose shape rule accepts the call wins, unless a later such row estimates fewer
/// instructions for the call than the winner so far (both must estimate: rows of one kernel
/// family whose speed depends on the shape, the DSP CONV_2D's im2col and in-place kernels);
/// without one the portable kernel runs. Put the fastest variants first (Helium before DSP).
/// `KernelVariantsTests` checks the selection rules and the shipped rows as a table;
/// `CBindingTests` every row's symbol and source.
public enum KernelVariants {
    /// `mcuc_gemm_s8_dsp`: 1x1 CONV_2D and FULLY_CONNECTED as one packed int8 GEMM (its op's
    /// lowering keeps the portable kernel when the constants fail the exact-epilogue proof).
    public static let gemmDSP = KernelFunction(family: .conv2d, variant: .dsp, symbol: "mcuc_gemm_s8_dsp")

    /// `mcuc_conv2d_s8_dsp`: any ungrouped CONV_2D through im2col rows into the same GEMM.
    public static let convDSP = KernelFunction(family: .conv2d, variant: .dsp, symbol: "mcuc_conv2d_s8_dsp")

    /// `mcuc_conv2d_direct_s8_dsp`: CONV_2D of a small input depth without scratch, window rows
    /// read in place (`ConvDirectDSPPacking.applies`). Slower than im2col on most first layers
    /// (M4: KWS, VWW, ResNet-8), so it comes after it; it runs where its estimate is the lower
    /// (few output channels over a large window: micro_speech's one-channel depthwise,
    /// `ConvDSPCost`), and as the memory-lean choice where `--prefer` gives im2col's scratch up.
    public static let convDirectDSP = KernelFunction(family: .conv2d, variant: .dsp, symbol: "mcuc_conv2d_direct_s8_dsp")

    /// `mcuc_depthwise_s8_dsp`: DEPTHWISE_CONV_2D with depth multiplier 1, four channels at a time.
    public static let depthwiseDSP = KernelFunction(family: .depthwise, variant: .dsp, symbol: "mcuc_depthwise_s8_dsp")

    /// `mcuc_depthwise_inplace_s8_dsp`: the in-place DEPTHWISE_CONV_2D (one channel plane through
    /// the scratch), inner windows without bounds checks, 3x3 weights in registers.
    public static let depthwiseInPlaceDSP = KernelFunction(family: .depthwise, variant: .dsp,
                                                           symbol: "mcuc_depthwise_inplace_s8_dsp")

    /// `mcuc_depthwise_inplace3x3_s8_dsp`: the in-place 3x3 DEPTHWISE_CONV_2D (dilation 1)
    /// through one channel plane padded with the input zero point: no edge windows, weights in
    /// registers, two outputs per pass at stride 1. Its lowering chooses it by shape (see
    /// `DepthwiseInPlace3x3.swift`) and falls back to `depthwiseInPlaceDSP`.
    public static let depthwiseInPlace3x3DSP = KernelFunction(family: .depthwise, variant: .dsp,
                                                              symbol: "mcuc_depthwise_inplace3x3_s8_dsp")

    /// `mcuc_depthwise_inplace_kxk_s8_dsp`: the same for the other windows (dilation 1), four taps
    /// of a filter row per input word.
    public static let depthwiseInPlaceKxKDSP = KernelFunction(family: .depthwise, variant: .dsp,
                                                              symbol: "mcuc_depthwise_inplace_kxk_s8_dsp")

    /// `mcuc_gemm_s8_mve`: 1x1 CONV_2D and FULLY_CONNECTED as one Helium GEMM, four channels per
    /// pass (its op's lowering keeps the portable kernel when the constants fail the epilogue proof).
    public static let gemmMVE = KernelFunction(family: .conv2d, variant: .mve, symbol: "mcuc_gemm_s8_mve")

    /// `mcuc_depthwise_s8_mve`: DEPTHWISE_CONV_2D with depth multiplier 1, four channels per
    /// Helium vector (the DSP variant's params and packed words).
    public static let depthwiseMVE = KernelFunction(family: .depthwise, variant: .mve, symbol: "mcuc_depthwise_s8_mve")

    /// `mcuc_depthwise_inplace_s8_mve`: the in-place DEPTHWISE_CONV_2D through a channel plane
    /// padded with the input zero point, four output pixels per Helium vector.
    public static let depthwiseInPlaceMVE = KernelFunction(family: .depthwise, variant: .mve,
                                                           symbol: "mcuc_depthwise_inplace_s8_mve")

    /// `mcuc_conv2d_s8_mve`: any ungrouped CONV_2D through one im2col row at a time into the
    /// Helium GEMM.
    public static let convMVE = KernelFunction(family: .conv2d, variant: .mve, symbol: "mcuc_conv2d_s8_mve")

    /// `mcuc_add_s8_mve` / `mcuc_sub_s8_mve`: ADD and SUB of two operands of the output's shape,
    /// four elements per Helium vector (the portable kernel's params).
    public static let addMVE = KernelFunction(family: .elementwise, variant: .mve, symbol: "mcuc_add_s8_mve")
    public static let subMVE = KernelFunction(family: .elementwise, variant: .mve, symbol: "mcuc_sub_s8_mve")

    /// `mcuc_avg_pool_s8_mve` / `mcuc_max_pool_s8_mve`: AVERAGE_POOL_2D and MAX_POOL_2D, 16
    /// channels of a pixel per Helium pass, windows clipped once per pixel (the portable kernels'
    /// params, row order and overlap contract, no scratch).
    public static let avgPoolMVE = KernelFunction(family: .pool, variant: .mve, symbol: "mcuc_avg_pool_s8_mve")
    public static let maxPoolMVE = KernelFunction(family: .pool, variant: .mve, symbol: "mcuc_max_pool_s8_mve")

    /// The rows, fastest first.
    public static let rules: [VariantRule] = [
        VariantRule(replacing: "mcuc_conv2d_1x1_s8", with: gemmMVE) { (p: Conv2DKernelParams) in p.filterC == p.inC },
        VariantRule(replacing: "mcuc_fully_connected_s8", with: gemmMVE) { (_: FullyConnectedKernelParams) in true },
        VariantRule(replacing: "mcuc_conv2d_s8", with: convMVE) { (p: Conv2DKernelParams) in p.filterC == p.inC },
        VariantRule(replacing: "mcuc_add_s8", with: addMVE) { (p: BinaryKernelParams) in p.rank == 0 },
        VariantRule(replacing: "mcuc_sub_s8", with: subMVE) { (p: BinaryKernelParams) in p.rank == 0 },
        VariantRule(replacing: "mcuc_avg_pool_s8", with: avgPoolMVE, scratchFree: true) { (_: PoolKernelParams) in true },
        VariantRule(replacing: "mcuc_max_pool_s8", with: maxPoolMVE, scratchFree: true) { (_: PoolKernelParams) in true },
        VariantRule(replacing: "mcuc_depthwise_s8", with: depthwiseMVE) { (p: DepthwiseKernelParams) in
            p.depthMultiplier == 1
        },
        VariantRule(replacing: "mcuc_depthwise_inplace_s8", with: depthwiseInPlaceMVE) { (p: DepthwiseKernelParams) in
            p.depthMultiplier == 1
        },
        VariantRule(replacing: "mcuc_depthwise_s8", with: depthwiseDSP) { (p: DepthwiseKernelParams) in
            p.depthMultiplier == 1
        },
        VariantRule(replacing: "mcuc_depthwise_inplace_s8", with: depthwiseInPlace3x3DSP) { (p: DepthwiseKernelParams) in
            Depthwise3x3DSPPacking.applies(p)
        },
        VariantRule(replacing: "mcuc_depthwise_inplace_s8", with: depthwiseInPlaceKxKDSP) { (p: DepthwiseKernelParams) in
            DepthwiseKxKDSPPacking.applies(p)
        },
        VariantRule(replacing: "mcuc_depthwise_inplace_s8", with: depthwiseInPlaceDSP, scratchFree: true) { (p: DepthwiseKernelParams) in
            p.depthMultiplier == 1
        },
        VariantRule(replacing: "mcuc_conv2d_1x1_s8", with: gemmDSP) { (p: Conv2DKernelParams) in p.filterC == p.inC },
        VariantRule(replacing: "mcuc_conv2d_s8", with: convDSP, estimate: ConvDSPCost.im2col) { (p: Conv2DKernelParams) in
            p.filterC == p.inC
        },
        VariantRule(replacing: "mcuc_conv2d_s8", with: convDirectDSP, scratchFree: true,
                    estimate: ConvDSPCost.direct) { (p: Conv2DKernelParams) in
            ConvDirectDSPPacking.applies(inC: p.inC, filterC: p.filterC, filterH: p.filterH, filterW: p.filterW,
                                         dilationW: p.dilationW)
        },
        VariantRule(replacing: "mcuc_fully_connected_s8", with: gemmDSP) { (_: FullyConnectedKernelParams) in true },
    ]

    /// The function that runs `portable`'s call with `params` on a core with `features`; with
    /// `leanOnly` (the call must not raise the memory-lean peak) only scratch-free rows compete.
    public static func choose(_ portable: KernelFunction, params: any KernelParams, features: Target.Features,
                              leanOnly: Bool = false, rules: [VariantRule] = rules) -> KernelFunction {
        candidates(portable, params: params, features: features, leanOnly: leanOnly, rules: rules).first?.function
            ?? portable
    }

    /// The rows that may run `portable`'s call, the one `choose` takes first, then the others in
    /// table order with their estimates (nil where a row has none).
    public static func candidates(_ portable: KernelFunction, params: any KernelParams, features: Target.Features,
                                  leanOnly: Bool = false,
                                  rules: [VariantRule] = rules) -> [(function: KernelFunction, estimate: Int?)] {
        precondition(portable.variant == .portable, "variants replace portable kernels")
        let rows = rules.filter {
            $0.replaces == portable.symbol && $0.function.variant.runs(on: features) && (!leanOnly || $0.scratchFree)
                && $0.applies(params)
        }.map { (function: $0.function, estimate: $0.estimate(params)) }
        guard var best = rows.indices.first else { return [] }
        for i in rows.indices.dropFirst() {
            if let cost = rows[i].estimate, let current = rows[best].estimate, cost < current { best = i }
        }
        return [rows[best]] + rows.indices.filter { $0 != best }.map { rows[$0] }
    }
}
