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

    @Test func sourcesAreNamedByVariant() {
        #expect(KernelFamily.conv2d.source(.portable) == "mcuc_conv2d.c")
        #expect(KernelFamily.conv2d.source(.dsp) == "mcuc_conv2d_dsp.c")
        #expect(KernelFamily.depthwise.source(.mve) == "mcuc_depthwise_mve.c")
    }
}
