import IR
import Lowering
import Scheduling
import Testing
import TestSupport

/// The in-place 3x3 DSP depthwise kernel's compile-time side: its packed words, and the choice as
/// a table, by shape and core (kernel symbol, scratch bytes: four padded planes on small planes,
/// one where four would cost the in-place advantage, the one-channel kernels elsewhere, none where
/// pixel order is exact in place).
/// Bit-exactness itself: `QemuDepthwiseInPlace3x3Tests`.
@Suite struct DepthwiseInPlace3x3Tests {
    @Test func packsWeightPairsFoldedBiasAndEpilogue() throws {
        // Two channels; channel c's weight at tap t is (t + 1) * (c == 0 ? 1 : -2).
        let filter: [Int8] = (0..<9).flatMap { (t: Int) -> [Int8] in [Int8(t + 1), Int8(-2 * (t + 1))] }
        let output = OutputRequantization(multipliers: [FixedPointMultiplier(multiplier: 1 << 30, shift: -8)],
                                          zeroPoint: -5, range: -128...127)
        let words = try #require(Depthwise3x3DSPPacking.pack(filter: filter, channels: 2, foldedBias: [7, -9], output: output))
        #expect(words.count == 2 * Depthwise3x3DSPPacking.wordsPerChannel)
        let halves = { (lo: Int32, hi: Int32) -> Int32 in
            let bits = UInt32(UInt16(truncatingIfNeeded: lo)) | UInt32(UInt16(truncatingIfNeeded: hi)) << 16
            return Int32(bitPattern: bits)
        }
        // Channel 0: rows (1 2 3), (4 5 6), (7 8 9): pairs (w0, w2), then (w1, w1).
        #expect(Array(words[0..<6]) == [halves(1, 3), halves(4, 6), halves(7, 9), halves(2, 2), halves(5, 5), halves(8, 8)])
        #expect(words[6] == 14 && Array(words[7...9]) == [1 << 30, (1 << 7) + (-5 << 8), 8])
        // Channel 1: negative halfwords keep their sign in each half.
        #expect(words[10] == halves(-2, -6) && words[13] == halves(-4, -4) && words[16] == -18)
    }

    @Test func noPackingWithoutAnExactEpilogue() {
        let big = OutputRequantization(multipliers: [FixedPointMultiplier(multiplier: 1 << 30, shift: 2)],
                                       zeroPoint: 0, range: -128...127)
        #expect(Depthwise3x3DSPPacking.pack(filter: [Int8](repeating: 1, count: 9), channels: 1, foldedBias: [0],
                                            output: big) == nil)
        #expect(Depthwise3x3DSPPacking.pack(filter: [Int8](repeating: 1, count: 18), channels: 1, foldedBias: [0],
                                            output: big) == nil)
    }

    struct Case: Sendable, CustomStringConvertible {
        var target: String
        var dims: [Int]
        var k = 3, stride = 1
        var padding: Padding = .same
        var symbol: String
        var scratch: Int
        var description: String { "\(target) \(dims) k\(k) s\(stride) \(padding)" }
    }

    static let padded = "mcuc_depthwise_inplace3x3_s8_dsp"

    static let cases: [Case] = [
        // Cortex-M4: four padded planes (8x8 for a 6x6 SAME input) and 4 bytes when they take at
        // most 1/16 of the input; one plane otherwise (6x6 for 4x4x64, KWS's 27x7 for 25x5x64).
        Case(target: "nucleo-l4r5zi", dims: [1, 6, 6, 128], symbol: padded, scratch: 4 * 64 + 4),
        Case(target: "nucleo-l4r5zi", dims: [1, 4, 4, 64], symbol: padded, scratch: 36 + 4),
        Case(target: "nucleo-l4r5zi", dims: [1, 25, 5, 64], symbol: padded, scratch: 27 * 7 + 4),
        // Stride 2 on 6x6 SAME pads one row after: pixel order is exact in place, the channel-block
        // kernel runs with no scratch; SAME at stride 2 on 7x7 pads one row above, and pixel order
        // still holds.
        Case(target: "nucleo-l4r5zi", dims: [1, 6, 6, 128], stride: 2, symbol: "mcuc_depthwise_s8_dsp", scratch: 0),
        Case(target: "nucleo-l4r5zi", dims: [1, 7, 7, 64], stride: 2, symbol: "mcuc_depthwise_s8_dsp", scratch: 0),
        Case(target: "nucleo-l4r5zi", dims: [1, 24, 24, 32], symbol: padded, scratch: 26 * 26 + 4),
        // Other windows (dilation 1): the k x k kernel through the same planes, 8x8 for 5x5 on 4x4.
        Case(target: "nucleo-l4r5zi", dims: [1, 4, 4, 64], k: 5, symbol: "mcuc_depthwise_inplace_kxk_s8_dsp", scratch: 68),
        // Cortex-M33 (DSP) as the M4; Cortex-M0+ portable; Cortex-M55 Helium's padded plane.
        Case(target: "stm32u575", dims: [1, 6, 6, 128], symbol: padded, scratch: 4 * 64 + 4),
        Case(target: "rp2040", dims: [1, 6, 6, 128], symbol: "mcuc_depthwise_inplace_s8", scratch: 36),
        Case(target: "corstone300", dims: [1, 6, 6, 128], symbol: "mcuc_depthwise_inplace_s8_mve", scratch: 64),
        // Cortex-M55 where no output reads an input pixel below its own (VALID; SAME at stride 2
        // padding only below and right): Helium's channel-vector kernel in pixel order, no scratch
        // (`DepthwiseInPlacePixelOrder`). SWW's 1-wide temporal windows are the VALID case.
        Case(target: "corstone300", dims: [1, 6, 6, 128], stride: 2, symbol: "mcuc_depthwise_s8_mve", scratch: 0),
        Case(target: "corstone300", dims: [1, 7, 7, 40], padding: .valid, symbol: "mcuc_depthwise_s8_mve", scratch: 0),
        Case(target: "corstone300", dims: [1, 28, 1, 128], k: 1, padding: .valid, symbol: "mcuc_depthwise_s8_mve",
             scratch: 0),
        // Stride 2 on 7x7 SAME pads one row above, yet every output's first read stays at or past its
        // own index: pixel order still exact.
        Case(target: "corstone300", dims: [1, 7, 7, 64], stride: 2, symbol: "mcuc_depthwise_s8_mve", scratch: 0),
        // The M4 and M33 (DSP) the same with the DSP channel-block kernel; SWW's 28x1 column.
        Case(target: "nucleo-l4r5zi", dims: [1, 7, 7, 40], padding: .valid, symbol: "mcuc_depthwise_s8_dsp", scratch: 0),
        Case(target: "nucleo-l4r5zi", dims: [1, 28, 1, 128], k: 1, padding: .valid, symbol: "mcuc_depthwise_s8_dsp",
             scratch: 0),
        Case(target: "stm32u575", dims: [1, 7, 7, 40], padding: .valid, symbol: "mcuc_depthwise_s8_dsp", scratch: 0),
    ]

    @Test(arguments: cases)
    func choosesByShapeAndCore(_ c: Case) {
        var b = GraphBuilder()
        let x = b.input(c.dims)
        let y = b.depthwise(x, k: c.k, stride: c.stride, padding: c.padding)
        let node = NodeID(b.nodes.count - 1)
        let z = b.op(.relu(Relu()), [y], b.shape(y).dims)
        let graph = b.build(outputs: [z])
        let schedule = Scheduling.schedule(graph)
        let plan = Lowering.lower(graph, schedule: schedule, options: LoweringOptions(target: TestTargets.named(c.target)))
        let call = plan.calls.first { $0.node == node }!
        #expect(call.binding?.function?.symbol == c.symbol)
        #expect(call.scratchBytes == c.scratch)
        #expect({ if case .inPlace = call.contract { true } else { false } }())
    }
}
