import Lowering
import Testing

/// `DepthwiseInPlaceMVEPacking`: the rows-per-gather rule `mcuc_depthwise_inplace_s8_mve` shares
/// with mcuc, and the per-channel words (folded bias, then 16-byte weight vectors per group of
/// filter rows, zero past the group's taps).
@Suite struct DepthwiseInPlaceMVEPackingTests {
    @Test func rowsPerGather() {
        typealias P = DepthwiseInPlaceMVEPacking
        // 3x3 on a small plane: one gather of all nine taps; past 100 outputs the 3x3 loop runs.
        #expect(P.rows(filterH: 3, filterW: 3, dilationH: 1, dilationW: 1, planeWidth: 7, outputs: 25) == 3)
        #expect(P.rows(filterH: 3, filterW: 3, dilationH: 1, dilationW: 1, planeWidth: 7, outputs: 125) == nil)
        // 5x5: three rows then two; 7x7: two rows per gather, four groups.
        #expect(P.rows(filterH: 5, filterW: 5, dilationH: 1, dilationW: 1, planeWidth: 9, outputs: 25) == 3)
        #expect(P.rows(filterH: 7, filterW: 7, dilationH: 1, dilationW: 1, planeWidth: 11, outputs: 25) == 2)
        // A wide plane: three 5x5 rows would reach byte 2 * 134 + 4 > 255, two fit.
        #expect(P.rows(filterH: 5, filterW: 5, dilationH: 1, dilationW: 1, planeWidth: 134, outputs: 650) == 2)
        // Dilation 2 doubles the row offsets: 300-byte rows take one row per gather.
        #expect(P.rows(filterH: 3, filterW: 5, dilationH: 2, dilationW: 2, planeWidth: 150, outputs: 10) == 1)
        // Too wide a row, too many groups.
        #expect(P.rows(filterH: 1, filterW: 17, dilationH: 1, dilationW: 1, planeWidth: 20, outputs: 4) == nil)
        #expect(P.rows(filterH: 9, filterW: 9, dilationH: 1, dilationW: 1, planeWidth: 300, outputs: 4) == nil)
    }

    @Test func wordsPerChannel() {
        // 3x2 window (filterH 3, filterW 2), 2 channels, two rows per group: two groups.
        let channels = 2
        var filter: [Int8] = []
        for tap in 0..<6 { for c in 0..<channels { filter.append(Int8(c == 0 ? tap + 1 : -(tap + 1))) } }
        let words = DepthwiseInPlaceMVEPacking.words(filter: filter, channels: channels, filterH: 3, filterW: 2,
                                                     rows: 2, foldedBias: [100, -7])
        #expect(words.count == channels * (1 + 4 * 2))
        func bytes(_ w: ArraySlice<Int32>) -> [Int8] {
            w.flatMap { word in (0..<4).map { Int8(truncatingIfNeeded: UInt32(bitPattern: word) >> UInt32(8 * $0)) } }
        }
        #expect(words[0] == 100)
        #expect(bytes(words[1...4]) == [1, 2, 3, 4] + [Int8](repeating: 0, count: 12))
        #expect(bytes(words[5...8]) == [5, 6] + [Int8](repeating: 0, count: 14))
        #expect(words[9] == -7)
        #expect(bytes(words[10...13]) == [-1, -2, -3, -4] + [Int8](repeating: 0, count: 12))
        #expect(bytes(words[14...17]) == [-5, -6] + [Int8](repeating: 0, count: 14))
    }
}
