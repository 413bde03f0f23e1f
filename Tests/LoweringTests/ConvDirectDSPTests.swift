import IR
import Lowering
import Scheduling
import Testing
import TestSupport

/// `mcuc_conv2d_direct_s8_dsp`'s choice (a row of the variant table) and its compile-time tables
/// (`ConvDirectDSPPacking`); its arithmetic is checked under QEMU (`QemuConvDirectDSPTests`).
@Suite struct ConvDirectDSPTests {
    struct Case: Sendable, CustomStringConvertible {
        var target: String
        var inC: Int, k: Int, dilation: Int
        /// The call is limited to memory-lean kernels (`--prefer` gave its fast variant up).
        var lean = true
        var expected: String
        var description: String { "\(target): \(inC) channels, \(k)x\(k), dilation \(dilation)\(lean ? ", lean" : "")" }
    }

    static let direct = KernelVariants.convDirectDSP.symbol, im2col = KernelVariants.convDSP.symbol

    static let cases: [Case] = [
        Case(target: "nucleo-l4r5zi", inC: 1, k: 3, dilation: 1, expected: direct),      // M4, first layer
        Case(target: "nucleo-l4r5zi", inC: 3, k: 3, dilation: 1, expected: direct),      // M4, RGB input
        Case(target: "nucleo-l4r5zi", inC: 3, k: 3, dilation: 1, lean: false, expected: im2col),  // faster
        Case(target: "nucleo-l4r5zi", inC: 4, k: 4, dilation: 1, expected: direct),
        Case(target: "nucleo-l4r5zi", inC: 5, k: 3, dilation: 1, expected: "mcuc_conv2d_s8"),  // deeper input
        Case(target: "nucleo-l4r5zi", inC: 3, k: 3, dilation: 2, expected: "mcuc_conv2d_s8"),  // columns dilated
        Case(target: "nucleo-l4r5zi", inC: 1, k: 13, dilation: 1, expected: "mcuc_conv2d_s8"), // window of 208 bytes
        Case(target: "stm32u575", inC: 3, k: 3, dilation: 1, expected: direct),          // M33: DSP
        Case(target: "rp2040", inC: 3, k: 3, dilation: 1, expected: "mcuc_conv2d_s8"),    // M0+: portable
        Case(target: "corstone300", inC: 3, k: 3, dilation: 1, lean: false, expected: KernelVariants.convMVE.symbol),
    ]

    @Test(arguments: cases)
    func theTableChoosesByShapeCoreAndMemory(_ c: Case) {
        var b = GraphBuilder()
        let x = b.input([1, 20, 20, c.inC])
        let y = b.conv(x, cout: 6, k: c.k, dilation: c.dilation)
        let graph = b.build(outputs: [y])
        let plan = Lowering.lower(graph, schedule: Scheduling.schedule(graph),
                                  options: LoweringOptions(target: TestTargets.named(c.target),
                                                           portableNodes: c.lean ? [NodeID(0)] : []))
        let call = plan.calls[0]
        #expect(call.binding?.function?.symbol == c.expected)
        if c.expected == Self.direct {
            #expect(call.scratchBytes == 0)
            #expect(plan.tables.contains { $0.id == .call(call.node, role: "row_fix") })
        }
    }

    @Test func weightsArePackedPerBlockOfFourChannelsInRowOrder() throws {
        // 2 channels (a block with 2 dummies), filter 2 rows x 3 values: each row padded to 4.
        let filter: [Int8] = [1, 2, 3, 4, 5, 6, -1, -2, -3, -4, -5, -6]
        let output = OutputRequantization(multipliers: [FixedPointMultiplier(multiplier: 1 << 30, shift: -8)],
                                          zeroPoint: 3, range: -128...127)
        let words = try #require(ConvDirectDSPPacking.pack(filter: filter, units: 2, filterH: 2, rowBytes: 3,
                                                           foldedBias: [100, -7], output: output))
        func pair(_ lo: Int32, _ hi: Int32) -> Int32 {
            let low = UInt32(bitPattern: lo) & 0xffff, high = UInt32(bitPattern: hi) << 16
            return Int32(bitPattern: low | high)
        }
        #expect(words.count == 4 + 2 * 8 + 12)
        let biases: [Int32] = [200, -14, 0, 0]
        // Row 0: channel 0 (2, 6) (4, 0), channel 1 (-2, -6) (-4, 0), dummies zero; row 1 (8, 12) (10, 0).
        let row0: [Int32] = [pair(2, 6), pair(4, 0), pair(-2, -6), pair(-4, 0), 0, 0, 0, 0]
        let row1: [Int32] = [pair(8, 12), pair(10, 0), pair(-8, -12), pair(-10, 0)]
        let epilogue: [Int32] = [1 << 30, 128 + 3 * 256, 8]
        #expect(Array(words[0..<4]) == biases)
        #expect(Array(words[4..<12]) == row0)
        #expect(Array(words[12..<16]) == row1)
        #expect(Array(words[20..<23]) == epilogue)
    }

    @Test func skippedRowsStandForTheirZeroPointTaps() {
        let filter: [Int8] = [1, 2, 3, 4, 5, 6, -1, -2, -3, -4, -5, -6]
        let expected: [Int32] = [-84, -210, 84, 210]  // 2 * -7 * (6, 15, -6, -15)
        #expect(ConvDirectDSPPacking.rowFix(filter, units: 2, filterH: 2, rowBytes: 3, inputZeroPoint: -7) == expected)
    }

    @Test func appliesOnlyToContiguousRowsAndSmallWindows() {
        #expect(ConvDirectDSPPacking.applies(inC: 1, filterC: 1, filterH: 1, filterW: 96, dilationW: 1))
        #expect(ConvDirectDSPPacking.applies(inC: 3, filterC: 3, filterH: 2, filterW: 15, dilationW: 1))
        #expect(!ConvDirectDSPPacking.applies(inC: 3, filterC: 3, filterH: 3, filterW: 15, dilationW: 1))
        #expect(!ConvDirectDSPPacking.applies(inC: 4, filterC: 2, filterH: 3, filterW: 3, dilationW: 1))
        #expect(!ConvDirectDSPPacking.applies(inC: 2, filterC: 2, filterH: 3, filterW: 3, dilationW: 2))
        #expect(!ConvDirectDSPPacking.applies(inC: 5, filterC: 5, filterH: 3, filterW: 3, dilationW: 1))
    }
}
