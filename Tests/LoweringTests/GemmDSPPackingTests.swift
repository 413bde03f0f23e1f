import IR
import Lowering
import Scheduling
import Testing
import TestSupport

/// The DSP GEMM's compile-time packing: its layout on a small case, the exactness proof that keeps
/// the portable kernel when the fused epilogue could differ from TFLM, and the variant table's
/// choice of `mcuc_gemm_s8_dsp` per core (bit-exactness itself: `QemuGemmDSPTests`).
@Suite struct GemmDSPPackingTests {
    static func requant(_ m: [FixedPointMultiplier], zp: Int32 = 3) -> OutputRequantization {
        OutputRequantization(multipliers: m, zeroPoint: zp, range: -128...127)
    }

    static let half = FixedPointMultiplier(multiplier: 1 << 30, shift: -2)

    @Test func layoutOfOneOddChannelCount() throws {
        // 3 channels x 5 values: two pairs, the second with a zero dummy channel.
        let w: [Int32] = [1, 2, 3, 4, 5, -1, -2, -3, -4, -5, 7, 0, 0, 0, -128]
        let words = try #require(GemmDSPPacking.pack(weights: w, units: 3, depth: 5, bias: [10, 20, 30],
                                                     output: Self.requant([Self.half])))
        #expect(words.count == 2 * (2 + 2 * 2 + 6))
        #expect(words[0] == 2 * 10 + 512 * 20 && words[1] == 2 * 20)
        // Group 0, first word: values 0 and 2 of channels 0 and 1: (1+128 | -1<<8), (3+128 | -3<<8).
        let halves = { (a: Int32, b: Int32) -> Int32 in Int32(bitPattern: (UInt32(a + 128) | UInt32(bitPattern: b) << 8) & 0xffff) }
        #expect(words[2] == Int32(bitPattern: UInt32(bitPattern: halves(1, -1)) | UInt32(bitPattern: halves(3, -3)) << 16))
        // Group 1 holds value 4 only; the rest is zero (low byte 128 for channel 0).
        #expect(words[4] == halves(5, -5) | Int32(128 << 16))
        #expect(words[6...8] == [1 << 30, (1 << 1) + (3 << 2), 2])
        // The dummy channel repeats channel 2's epilogue words; its weights are zero.
        #expect(words[12] == 2 * 30 && words[13] == 0)
        #expect(words[18...20] == words[21...23])
    }

    @Test func oneRowOrderInterleavesTwoPairsPerBlockOfFourChannels() throws {
        // 7 channels x 6 values (2 groups): one block of four channels, then a pair and a single.
        let units = 7, depth = 6
        let w = (0..<(units * depth)).map { Int32($0 % 23) - 11 }
        let pairs = try #require(GemmDSPPacking.pack(weights: w, units: units, depth: depth, bias: (0..<units).map { Int32($0) * 5 },
                                                     output: Self.requant(Array(repeating: Self.half, count: units))))
        let words = GemmDSPPacking.oneRowOrder(pairs, units: units, depth: depth)
        let stride = 2 * 2 + 8
        #expect(words.count == pairs.count && words.count == 4 * stride)
        let a = Array(pairs[0..<stride]), b = Array(pairs[stride..<(2 * stride)])
        var block: [Int32] = []
        for (from, to) in [(0, 2), (2, 4), (4, 6), (6, 12)] {
            block += a[from..<to]
            block += b[from..<to]
        }
        #expect(Array(words[0..<(2 * stride)]) == block)
        // The pair and the single keep the pair layout.
        #expect(Array(words[(2 * stride)...]) == Array(pairs[(2 * stride)...]))
        // Fewer than four channels: unchanged.
        let three = try #require(GemmDSPPacking.pack(weights: Array(w[0..<(3 * depth)]), units: 3, depth: depth, bias: [1, 2, 3],
                                                     output: Self.requant([Self.half])))
        #expect(GemmDSPPacking.oneRowOrder(three, units: 3, depth: depth) == three)
    }

    @Test func deadAndZeroMultiplierChannelsAreConstants() throws {
        // Zero weights and a bias near 2^30 (VWW's dead channels): the output is a constant.
        let dead = try #require(GemmDSPPacking.pack(weights: [0, 0], units: 1, depth: 2, bias: [1 << 30],
                                                    output: Self.requant([FixedPointMultiplier(multiplier: 1 << 30, shift: -26)])))
        #expect(dead[4] == 0 && dead[6] == 1)
        #expect(dead[5] == 1 + 2 * (8 + 3))  // MBQM(2^30, 0.5, -26) = 8, plus the zero point 3
        let zero = try #require(GemmDSPPacking.pack(weights: [5, 5], units: 1, depth: 2, bias: [7],
                                                    output: Self.requant([FixedPointMultiplier(multiplier: 0, shift: 0)])))
        #expect(zero[4...6] == [0, 7, 1])
    }

    @Test func unprovableChannelsKeepThePortableKernel() {
        // A left shift (multiplier above 1), an accumulator that may reach 2^30, a weight out of int8.
        let left = FixedPointMultiplier(multiplier: 1 << 30, shift: 1)
        #expect(GemmDSPPacking.pack(weights: [1, 2], units: 1, depth: 2, bias: [0], output: Self.requant([left])) == nil)
        #expect(GemmDSPPacking.pack(weights: [1, 2], units: 1, depth: 2, bias: [1 << 30], output: Self.requant([Self.half])) == nil)
        #expect(GemmDSPPacking.pack(weights: [200, 2], units: 1, depth: 2, bias: [0], output: Self.requant([Self.half])) == nil)
    }

    struct Case: Sendable, CustomStringConvertible {
        var target: String
        var fullyConnected: Bool
        var expected: String
        var description: String { "\(target) \(fullyConnected ? "fc" : "1x1")" }
    }

    static let cases: [Case] = [
        Case(target: "rp2040", fullyConnected: false, expected: "mcuc_conv2d_1x1_s8"),        // M0+: portable
        Case(target: "rp2040", fullyConnected: true, expected: "mcuc_fully_connected_s8"),
        Case(target: "nucleo-l4r5zi", fullyConnected: false, expected: "mcuc_gemm_s8_dsp"),   // M4: DSP
        Case(target: "nucleo-l4r5zi", fullyConnected: true, expected: "mcuc_gemm_s8_dsp"),
        Case(target: "stm32u575", fullyConnected: false, expected: "mcuc_gemm_s8_dsp"),       // M33: DSP
        Case(target: "corstone300", fullyConnected: false, expected: "mcuc_gemm_s8_mve"),     // M55: Helium
        Case(target: "corstone300", fullyConnected: true, expected: "mcuc_gemm_s8_mve"),
    ]

    /// The shipped variant table on a 1x1 conv or FC, per core, with the scratch it declares.
    @Test(arguments: cases)
    func theTableChoosesPerCore(_ c: Case) {
        var b = GraphBuilder()
        let x = b.input([1, 4, 4, 10])
        let y = c.fullyConnected ? b.fullyConnected(x, cout: 6) : b.conv(x, cout: 6, k: 1)
        let graph = b.build(outputs: [y])
        let plan = Lowering.lower(graph, schedule: Scheduling.schedule(graph),
                                  options: LoweringOptions(target: TestTargets.named(c.target)))
        let call = plan.calls.last!
        #expect(call.binding?.function?.symbol == c.expected)
        #expect(call.scratchBytes == (c.expected == "mcuc_gemm_s8_dsp" ? 16 * 3 : 0))
    }
}
