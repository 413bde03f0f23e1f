import IR
import Testing

/// TFLite's dense INT4 layout (TFLM `UnpackDenseInt4IntoInt8`): low nibble first, sign-extended.
@Suite struct Int4PackingTests {
    @Test func unpacksLowNibbleFirstSignExtended() {
        // 0x8F: low nibble 0xF = -1, high nibble 0x8 = -8; 0x71: 1, 7.
        #expect(Int4Packing.unpack([0x8F, 0x71], count: 4) == [-1, -8, 1, 7])
        // An odd count ignores the last high nibble.
        #expect(Int4Packing.unpack([0x8F, 0xE2], count: 3) == [-1, -8, 2])
    }

    @Test func packRoundTripsEveryValueAndOddCounts() {
        let all: [Int8] = Array(-8...7)
        #expect(Int4Packing.pack(all).count == 8)
        #expect(Int4Packing.unpack(Int4Packing.pack(all), count: all.count) == all)
        let odd: [Int8] = [3, -4, -8, 7, -1]
        #expect(Int4Packing.pack(odd) == [0xC3, 0x78, 0x0F])
        #expect(Int4Packing.unpack(Int4Packing.pack(odd), count: 5) == odd)
        #expect(Int4Packing.packedByteCount(5) == 3 && Int4Packing.packedByteCount(4) == 2)
    }
}
