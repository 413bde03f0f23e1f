import IR
import Lowering
import Scheduling
import Testing
import TestSupport

/// The DSP CONV_2D kernels' instruction estimates (`ConvDSPCost`, `VariantRule.estimate`) against
/// the instructions measured per call, as a table, and the choice they make: the variant table
/// runs the faster of `mcuc_conv2d_s8_dsp` (im2col) and `mcuc_conv2d_direct_s8_dsp` (in place)
/// whatever `--prefer` says.
@Suite struct ConvDSPCostTests {
    struct Case: Sendable, CustomStringConvertible {
        var h: Int, w: Int, inC: Int, outC: Int, kh: Int, kw: Int, stride: Int, same: Bool
        /// Instructions of the call measured by `mcuc simulate --on qemu --core m4` (single-CONV_2D
        /// models, first input; at 644a458): im2col (`--prefer speed`, the in-place estimate
        /// disabled) and in place (`--prefer memory`).
        var im2col: Int, direct: Int
        var description: String {
            "\(h)x\(w)x\(inC) -> \(outC), \(kh)x\(kw) s\(stride) \(same ? "same" : "valid")"
        }
        /// The measured faster kernel; nil where the two are within 1% (either may run).
        var faster: KernelFunction? {
            let gap = Double(abs(im2col - direct)) / Double(min(im2col, direct))
            if gap < 0.01 { return nil }
            return im2col < direct ? KernelVariants.convDSP : KernelVariants.convDirectDSP
        }
    }

    static let cases: [Case] = [
        // micro_speech's one-channel depthwise (as a CONV_2D) and KWS's first layer.
        Case(h: 49, w: 40, inC: 1, outC: 8, kh: 10, kw: 8, stride: 2, same: true, im2col: 988_844, direct: 882_611),
        Case(h: 49, w: 10, inC: 1, outC: 64, kh: 10, kw: 4, stride: 2, same: true, im2col: 534_275, direct: 1_034_587),
        Case(h: 49, w: 40, inC: 1, outC: 4, kh: 10, kw: 8, stride: 2, same: true, im2col: 819_343, direct: 560_791),
        Case(h: 49, w: 40, inC: 1, outC: 16, kh: 10, kw: 8, stride: 2, same: true, im2col: 1_327_844, direct: 1_526_251),
        Case(h: 49, w: 40, inC: 1, outC: 10, kh: 10, kw: 8, stride: 2, same: true, im2col: 1_073_594, direct: 1_175_271),
        Case(h: 49, w: 10, inC: 1, outC: 8, kh: 10, kw: 4, stride: 2, same: true, im2col: 184_806, direct: 187_866),
        Case(h: 49, w: 10, inC: 1, outC: 16, kh: 10, kw: 4, stride: 2, same: true, im2col: 234_730, direct: 308_826),
        Case(h: 49, w: 10, inC: 1, outC: 12, kh: 10, kw: 4, stride: 1, same: false, im2col: 348_191, direct: 426_029),
        // VWW's and person_detect's first layers, ResNet-8's, other RGB inputs.
        Case(h: 96, w: 96, inC: 3, outC: 8, kh: 3, kw: 3, stride: 2, same: true, im2col: 1_598_403, direct: 2_151_468),
        Case(h: 96, w: 96, inC: 1, outC: 8, kh: 3, kw: 3, stride: 2, same: true, im2col: 1_096_840, direct: 1_608_354),
        Case(h: 32, w: 32, inC: 3, outC: 16, kh: 3, kw: 3, stride: 1, same: true, im2col: 1_041_090, direct: 1_843_737),
        Case(h: 24, w: 24, inC: 3, outC: 4, kh: 3, kw: 3, stride: 1, same: true, im2col: 321_977, direct: 312_857),
        Case(h: 24, w: 24, inC: 3, outC: 32, kh: 3, kw: 3, stride: 1, same: false, im2col: 783_625, direct: 1_675_186),
        Case(h: 20, w: 20, inC: 3, outC: 6, kh: 3, kw: 3, stride: 1, same: true, im2col: 255_757, direct: 369_125),
        Case(h: 40, w: 40, inC: 3, outC: 12, kh: 3, kw: 3, stride: 2, same: false, im2col: 304_410, direct: 485_890),
        Case(h: 24, w: 24, inC: 3, outC: 8, kh: 5, kw: 5, stride: 1, same: true, im2col: 824_320, direct: 894_533),
        // One channel, square windows; two and four channels.
        Case(h: 40, w: 40, inC: 1, outC: 8, kh: 3, kw: 3, stride: 1, same: true, im2col: 771_137, direct: 1_136_818),
        Case(h: 30, w: 30, inC: 1, outC: 4, kh: 3, kw: 3, stride: 1, same: true, im2col: 348_911, direct: 368_613),
        Case(h: 28, w: 28, inC: 1, outC: 8, kh: 5, kw: 5, stride: 1, same: true, im2col: 655_049, direct: 910_210),
        Case(h: 28, w: 28, inC: 1, outC: 32, kh: 5, kw: 5, stride: 1, same: false, im2col: 957_673, direct: 2_265_546),
        Case(h: 30, w: 30, inC: 1, outC: 6, kh: 7, kw: 7, stride: 2, same: true, im2col: 286_664, direct: 332_474),
        Case(h: 40, w: 40, inC: 1, outC: 8, kh: 8, kw: 8, stride: 1, same: false, im2col: 1_366_931, direct: 1_300_968),
        Case(h: 20, w: 40, inC: 1, outC: 8, kh: 1, kw: 20, stride: 1, same: true, im2col: 617_593, direct: 714_842),
        Case(h: 20, w: 20, inC: 2, outC: 6, kh: 3, kw: 3, stride: 1, same: true, im2col: 216_433, direct: 326_581),
        Case(h: 32, w: 32, inC: 2, outC: 12, kh: 5, kw: 5, stride: 2, same: true, im2col: 350_995, direct: 484_655),
        Case(h: 20, w: 20, inC: 4, outC: 8, kh: 4, kw: 4, stride: 1, same: true, im2col: 448_305, direct: 484_649),
        Case(h: 16, w: 16, inC: 4, outC: 24, kh: 3, kw: 3, stride: 1, same: true, im2col: 378_691, direct: 619_953),
        // Small calls: the per-call setup counts.
        Case(h: 8, w: 8, inC: 4, outC: 4, kh: 1, kw: 1, stride: 2, same: false, im2col: 3_607, direct: 4_841),
        Case(h: 8, w: 8, inC: 4, outC: 4, kh: 3, kw: 3, stride: 1, same: true, im2col: 38_235, direct: 36_929),
    ]

    /// `input [1, h, w, inC] -> CONV_2D (kh x kw, outC channels)` with non-zero weights.
    static func graph(_ c: Case) -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, c.h, c.w, c.inC])
        let count = c.outC * c.kh * c.kw * c.inC
        let w = b.constInt8([c.outC, c.kh, c.kw, c.inC], (0..<count).map { Int8(truncatingIfNeeded: $0 * 37 % 255 - 127) },
                            quant: .perTensor(scale: 0.01, zeroPoint: 0))
        let bias = b.constInt32([c.outC], Array(repeating: 0, count: c.outC))
        let padding: Padding = c.same ? .same : .valid
        let oh = GraphBuilder.outSize(c.h, filter: c.kh, stride: c.stride, padding: padding)
        let ow = GraphBuilder.outSize(c.w, filter: c.kw, stride: c.stride, padding: padding)
        let y = b.op(.conv2d(Conv2D(padding: padding, strideH: c.stride, strideW: c.stride, dilationH: 1, dilationW: 1,
                                    activation: .relu)), [x, w, bias], [1, oh, ow, c.outC])
        return b.build(outputs: [y])
    }

    /// The call of the only CONV_2D lowered for `target` (`portable`: limited to memory-lean kernels).
    static func call(_ c: Case, target: String, lean: Bool = false) throws -> KernelCall {
        let graph = graph(c)
        let plan = Lowering.lower(graph, schedule: Scheduling.schedule(graph),
                                  options: LoweringOptions(target: TestTargets.named(target), portableNodes: lean ? [NodeID(0)] : []))
        return try #require(plan.calls.first { $0.binding?.function != nil })
    }

    @Test(arguments: cases)
    func estimatesFollowTheMeasuredInstructions(_ c: Case) throws {
        // The portable call's params are what the variant rows see.
        let portable = try Self.call(c, target: "rp2040")
        let params = try #require(portable.binding?.params)
        let function = try #require(portable.binding?.function)
        let rows = KernelVariants.candidates(function, params: params, features: TestTargets.named("nucleo-l4r5zi").features)
        let estimates = Dictionary(rows.map { ($0.function, $0.estimate) }) { a, _ in a }
        for (kernel, measured) in [(KernelVariants.convDSP, c.im2col), (KernelVariants.convDirectDSP, c.direct)] {
            let estimate = try #require(estimates[kernel] ?? nil, "\(c): \(kernel.symbol) has no estimate")
            let error = Double(estimate - measured) / Double(measured)
            #expect(abs(error) <= 0.10, "\(c): \(kernel.symbol) estimated \(estimate), measured \(measured)")
        }
    }

    @Test(arguments: cases)
    func theFasterKernelRuns(_ c: Case) throws {
        for target in ["nucleo-l4r5zi", "stm32u575"] {   // M4, M33: the same DSP rows
            let chosen = try Self.call(c, target: target).binding?.function
            if let faster = c.faster {
                #expect(chosen == faster, "\(c) on \(target)")
            } else {
                #expect(chosen == KernelVariants.convDSP || chosen == KernelVariants.convDirectDSP, "\(c) on \(target)")
            }
            // Limited to memory-lean kernels: always the scratch-free one.
            #expect(try Self.call(c, target: target, lean: true).binding?.function == KernelVariants.convDirectDSP, "\(c)")
        }
        // Helium's im2col runs on M55 whatever the DSP estimates say (it has none).
        #expect(try Self.call(c, target: "corstone300").binding?.function == KernelVariants.convMVE, "\(c)")
    }

    @Test func moreOutputChannelsFavourIm2col() {
        // The in-place kernel reads the window again for every four channels, im2col once per
        // pixel: as the channels grow the choice moves to im2col and stays there.
        let chosen = [4, 8, 16, 32, 64].map { outC in
            (try? Self.call(Case(h: 49, w: 40, inC: 1, outC: outC, kh: 10, kw: 8, stride: 2, same: true, im2col: 0, direct: 0),
                            target: "nucleo-l4r5zi").binding?.function) ?? nil
        }
        #expect(chosen == [KernelVariants.convDirectDSP, KernelVariants.convDirectDSP, KernelVariants.convDSP,
                           KernelVariants.convDSP, KernelVariants.convDSP])
    }
}
