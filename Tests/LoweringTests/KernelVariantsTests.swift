import IR
import Lowering
import Testing
import TestSupport

/// The variant table's selection rule, as a table: which function runs a call on which core.
/// The rows here are test rows (the shipped table has only portable kernels); a kernel engineer
/// adds a row to `KernelVariants.rules` and a case here.
@Suite struct KernelVariantsTests {
    /// A parameter struct with one shape field, standing in for a kernel's.
    struct ProbeParams: KernelParams {
        static let cType = "mcuc_probe_params"
        var channels: Int32
    }

    static let portable = KernelFunction.portable(.conv2d, "mcuc_probe_s8")
    static let dsp = KernelFunction(family: .conv2d, variant: .dsp, symbol: "mcuc_probe_s8_dsp")
    static let mve = KernelFunction(family: .conv2d, variant: .mve, symbol: "mcuc_probe_s8_mve")

    /// Helium first (any shape), then DSP for channel counts that are a multiple of 4.
    static let rules: [VariantRule] = [
        VariantRule(replacing: "mcuc_probe_s8", with: mve) { (_: ProbeParams) in true },
        VariantRule(replacing: "mcuc_probe_s8", with: dsp) { (p: ProbeParams) in p.channels % 4 == 0 },
    ]

    struct Case: Sendable, CustomStringConvertible {
        var target: String
        var channels: Int32
        var expected: KernelFunction
        var description: String { "\(target), \(channels) channels" }
    }

    static let cases: [Case] = [
        Case(target: "rp2040", channels: 8, expected: portable),          // Cortex-M0+: no DSP, no MVE
        Case(target: "nucleo-l4r5zi", channels: 8, expected: dsp),        // Cortex-M4: DSP
        Case(target: "nucleo-l4r5zi", channels: 6, expected: portable),   // the DSP row's shape rule fails
        Case(target: "stm32u575", channels: 8, expected: dsp),            // Cortex-M33: DSP
        Case(target: "corstone300", channels: 6, expected: mve),          // Cortex-M55: Helium first
    ]

    @Test(arguments: cases)
    func choosesTheFirstRowTheCoreRuns(_ c: Case) {
        let chosen = KernelVariants.choose(Self.portable, params: ProbeParams(channels: c.channels),
                                           features: TestTargets.named(c.target).features, rules: Self.rules)
        #expect(chosen == c.expected)
    }

    /// Rows that estimate their instructions: the cheaper of two applicable estimating rows wins,
    /// a row without an estimate keeps its place, memory-lean calls see only scratch-free rows.
    static let dspB = KernelFunction(family: .conv2d, variant: .dsp, symbol: "mcuc_probe_b_s8_dsp")
    static let dspC = KernelFunction(family: .conv2d, variant: .dsp, symbol: "mcuc_probe_c_s8_dsp")
    static let estimatingRules: [VariantRule] = [
        VariantRule(replacing: "mcuc_probe_s8", with: mve) { (p: ProbeParams) in p.channels > 100 },   // no estimate
        VariantRule(replacing: "mcuc_probe_s8", with: dsp, estimate: { (p: ProbeParams) in 10 * Int(p.channels) }) {
            (_: ProbeParams) in true
        },
        VariantRule(replacing: "mcuc_probe_s8", with: dspB, scratchFree: true, estimate: { (_: ProbeParams) in 200 }) {
            (p: ProbeParams) in p.channels % 2 == 0
        },
        VariantRule(replacing: "mcuc_probe_s8", with: dspC) { (_: ProbeParams) in true },   // no estimate: never preferred
    ]

    struct EstimateCase: Sendable, CustomStringConvertible {
        var target: String
        var channels: Int32
        var leanOnly = false
        var expected: KernelFunction
        var description: String { "\(target), \(channels) channels\(leanOnly ? ", lean" : "")" }
    }

    static let estimateCases: [EstimateCase] = [
        EstimateCase(target: "nucleo-l4r5zi", channels: 8, expected: dsp),        // 80 < 200
        EstimateCase(target: "nucleo-l4r5zi", channels: 20, expected: dsp),       // a tie keeps table order
        EstimateCase(target: "nucleo-l4r5zi", channels: 22, expected: dspB),      // 220 > 200
        EstimateCase(target: "nucleo-l4r5zi", channels: 21, expected: dsp),       // dspB's shape rule fails
        EstimateCase(target: "nucleo-l4r5zi", channels: 8, leanOnly: true, expected: dspB),
        EstimateCase(target: "nucleo-l4r5zi", channels: 7, leanOnly: true, expected: portable),
        EstimateCase(target: "corstone300", channels: 102, expected: mve),        // first row has no estimate
        EstimateCase(target: "corstone300", channels: 22, expected: dspB),        // M55 runs the DSP rows too
        EstimateCase(target: "rp2040", channels: 22, expected: portable),
    ]

    @Test(arguments: estimateCases)
    func cheaperEstimateWins(_ c: EstimateCase) {
        let features = TestTargets.named(c.target).features
        let chosen = KernelVariants.choose(Self.portable, params: ProbeParams(channels: c.channels), features: features,
                                           leanOnly: c.leanOnly, rules: Self.estimatingRules)
        #expect(chosen == c.expected)
        let rows = KernelVariants.candidates(Self.portable, params: ProbeParams(channels: c.channels), features: features,
                                             leanOnly: c.leanOnly, rules: Self.estimatingRules)
        #expect(rows.first?.function ?? Self.portable == chosen)
    }

    @Test func rowsOnlyReplaceTheirKernelAndParams() {
        let other = KernelFunction.portable(.conv2d, "mcuc_other_s8")
        let features = TestTargets.named("corstone300").features
        #expect(KernelVariants.choose(other, params: ProbeParams(channels: 8), features: features, rules: Self.rules) == other)
        struct OtherParams: KernelParams { static let cType = "other"; var x: Int32 }
        #expect(KernelVariants.choose(Self.portable, params: OtherParams(x: 1), features: features, rules: Self.rules)
                == Self.portable)
    }

    @Test func variantsRunOnlyWhereTheCoreHasTheExtension() {
        for target in ["rp2040", "nucleo-l4r5zi", "corstone300"] {
            let f = TestTargets.named(target).features
            #expect(KernelVariant.portable.runs(on: f))
            #expect(KernelVariant.dsp.runs(on: f) == f.dsp)
            #expect(KernelVariant.mve.runs(on: f) == f.mve)
        }
    }

    /// The fast variants are int8 kernels: every row replaces an `_s8` kernel, so a 16-bit
    /// activation kernel (`_s16`) always runs portable.
    @Test func everyRowReplacesAnInt8Kernel() {
        for rule in KernelVariants.rules {
            #expect(rule.replaces.hasSuffix("_s8"), "\(rule.replaces)")
            #expect(!rule.replaces.contains("s16") && !rule.function.symbol.contains("s16"), "\(rule.replaces)")
        }
    }

    @Test func sourcesAreNamedByVariant() {
        #expect(KernelFamily.conv2d.sources(.portable) == ["mcuc_conv2d.c"])
        #expect(KernelFamily.conv2d.sources(.dsp) == ["mcuc_conv2d_dsp.c", "mcuc_conv2d_direct_dsp.c"])
        #expect(KernelFamily.depthwise.sources(.mve) == ["mcuc_depthwise_mve.c"])
    }
}
