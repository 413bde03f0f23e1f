import IR
import Lowering
import Testing
import TestSupport

/// The k x k padded-plane DSP depthwise kernel's packed words (its choice: `DepthwiseInPlace3x3Tests`;
/// bit-exactness: `QemuDepthwiseInPlacePaddedTests`).
@Suite struct DepthwiseInPlaceKxKTests {
    static func halves(_ lo: Int32, _ hi: Int32) -> Int32 {
        Int32(bitPattern: UInt32(UInt16(truncatingIfNeeded: lo)) | UInt32(UInt16(truncatingIfNeeded: hi)) << 16)
    }

    @Test func packsGroupsOfFourTapsPerRowWithZerosPastTheWidth() throws {
        // One channel, a 2x5 window: taps 1...10 row by row; two groups per row, the second holding
        // tap 4 of the row and three zeros.
        let filter = (1...10).map { Int8($0) }
        let output = OutputRequantization(multipliers: [FixedPointMultiplier(multiplier: 1 << 30, shift: -9)],
                                          zeroPoint: 2, range: -128...127)
        let words = try #require(DepthwiseKxKDSPPacking.pack(filter: filter, filterH: 2, filterW: 5, channels: 1,
                                                             foldedBias: [-11], output: output))
        #expect(DepthwiseKxKDSPPacking.groups(filterW: 5) == 2)
        #expect(words.count == 2 * 2 * 2 + 4)
        let row0: [Int32] = [Self.halves(1, 3), Self.halves(2, 4), Self.halves(5, 0), Self.halves(0, 0)]
        let row1: [Int32] = [Self.halves(6, 8), Self.halves(7, 9), Self.halves(10, 0), Self.halves(0, 0)]
        let tail: [Int32] = [-22, 1 << 30, 256 + 1024, 9]
        #expect(Array(words[0..<4]) == row0)
        #expect(Array(words[4..<8]) == row1)
        #expect(Array(words[8...]) == tail)
    }

    @Test func noPackingWithoutAnExactEpilogue() {
        let up = OutputRequantization(multipliers: [FixedPointMultiplier(multiplier: 1 << 30, shift: 1)],
                                      zeroPoint: 0, range: -128...127)
        #expect(DepthwiseKxKDSPPacking.pack(filter: [Int8](repeating: 3, count: 25), filterH: 5, filterW: 5, channels: 1,
                                            foldedBias: [0], output: up) == nil)
    }
}
