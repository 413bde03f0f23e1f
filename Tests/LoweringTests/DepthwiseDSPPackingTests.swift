import Lowering
import Testing

/// `DepthwiseDSPPacking.blockWeights`: the weight words `mcuc_depthwise_s8_dsp` reads after the
/// per-channel epilogue words, per block of four channels and per tap; the tail channels are not
/// packed (the kernel reads them from the model's weights).
@Suite struct DepthwiseDSPPackingTests {
    static func halves(_ lo: Int32, _ hi: Int32) -> Int32 {
        Int32(bitPattern: UInt32(UInt16(truncatingIfNeeded: lo)) | UInt32(UInt16(truncatingIfNeeded: hi)) << 16)
    }

    @Test func blocksOfFourChannelsPerTapAsHalfwordPairs() {
        // 3 taps x 9 channels: weight (tap t, channel c) = 10 * t + c, negated on odd channels.
        let channels = 9, taps = 3
        func weight(_ t: Int, _ c: Int) -> Int {
            let magnitude: Int = 10 * t + c
            return c % 2 == 0 ? magnitude : -magnitude
        }
        var filter: [Int8] = []
        for t in 0..<taps {
            for c in 0..<channels { filter.append(Int8(weight(t, c))) }
        }
        let words = DepthwiseDSPPacking.blockWeights(filter: filter, channels: channels)
        #expect(words.count == 2 * taps * 2)  // two full blocks, channel 8 left to the model's weights
        var expected: [Int32] = []
        for block in [0, 4] {
            for t in 0..<taps {
                let w = { (c: Int) -> Int32 in Int32(weight(t, block + c)) }
                expected += [Self.halves(w(0), w(2)), Self.halves(w(1), w(3))]
            }
        }
        #expect(words == expected)
        // Sign extension: -1 and -128 fill their halfwords.
        let negative = DepthwiseDSPPacking.blockWeights(filter: [-1, -128, 127, 0], channels: 4)
        #expect(negative == [Int32(bitPattern: 0x007f_ffff), Int32(bitPattern: 0x0000_ff80)])
        #expect(DepthwiseDSPPacking.blockWeights(filter: [1, 2, 3], channels: 3).isEmpty)
    }
}
