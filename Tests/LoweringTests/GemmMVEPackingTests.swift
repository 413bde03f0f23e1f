import IR
import Lowering
import Testing

/// The Helium GEMM's compile-time packing (`mcuc_gemm_s8_mve`): its layout on a small case with a
/// partial block of channels and a partial vector of depth, and the exactness proof it shares with
/// the DSP kernels (bit-exactness itself: `QemuGemmMVETests`).
@Suite struct GemmMVEPackingTests {
    static let half = FixedPointMultiplier(multiplier: 1 << 30, shift: -2)

    static func requant(_ m: [FixedPointMultiplier], zp: Int32 = 3) -> OutputRequantization {
        OutputRequantization(multipliers: m, zeroPoint: zp, range: -128...127)
    }

    /// The int8 value of byte `i` of the little-endian words.
    static func byte(_ words: ArraySlice<Int32>, _ i: Int) -> Int32 {
        let word = UInt32(bitPattern: words[words.startIndex + i / 4])
        return Int32(Int8(truncatingIfNeeded: word >> UInt32(8 * (i % 4))))
    }

    @Test func layoutOfFiveChannelsBySeventeenValues() throws {
        let units = 5, depth = 17
        let w = (0..<(units * depth)).map { Int32(($0 * 37) % 256) - 128 }
        let bias: [Int32] = [10, -20, 30, -40, 50]
        let words = try #require(GemmMVEPacking.pack(weights: w, units: units, depth: depth, bias: bias,
                                                     output: Self.requant([Self.half])))
        // Two blocks of four channels, each 16 epilogue words and 2 x 16 weight words.
        #expect(GemmMVEPacking.blocks(units) == 2 && GemmMVEPacking.chunks(depth) == 2)
        #expect(words.count == 2 * (16 + 2 * 16))
        #expect(Array(words[0..<4]) == [10, -20, 30, -40])
        #expect(Array(words[4..<8]) == Array(repeating: Int32(1 << 30), count: 4))
        #expect(Array(words[8..<12]) == Array(repeating: Int32((1 << 1) + (3 << 2)), count: 4))
        #expect(Array(words[12..<16]) == [-2, -2, -2, -2])
        // Vector v of channel j holds values 16v..16v+15 at bytes 64v + 16j; zero past depth.
        let weights = words[16..<48]
        for j in 0..<4 {
            for k in 0..<32 {
                let expected = k < depth ? w[j * depth + k] : 0
                #expect(Self.byte(weights, 64 * (k / 16) + 16 * j + k % 16) == expected, "channel \(j) value \(k)")
            }
        }
        // The second block: channel 4 then three dummies (zero bias and weights, constant 0 out).
        let second = words[48...]
        #expect(Array(second.prefix(4)) == [50, 0, 0, 0])
        #expect(Array(second.dropFirst(4).prefix(12)) == [1 << 30, 0, 0, 0, 6 + 8, 1, 1, 1, -2, -1, -1, -1])
        let last = second.dropFirst(16)
        for i in 0..<128 {
            let (v, j, k) = (i / 64, (i % 64) / 16, 16 * (i / 64) + i % 16)
            let expected = j == 0 && k < depth ? w[4 * depth + k] : 0
            #expect(Self.byte(last, i) == expected, "vector \(v) lane \(j) byte \(i)")
        }
    }

    @Test func unprovableChannelsKeepThePortableKernel() {
        let left = FixedPointMultiplier(multiplier: 1 << 30, shift: 1)
        #expect(GemmMVEPacking.pack(weights: [1, 2], units: 1, depth: 2, bias: [0], output: Self.requant([left])) == nil)
        #expect(GemmMVEPacking.pack(weights: [1, 2], units: 1, depth: 2, bias: [1 << 30],
                                    output: Self.requant([Self.half])) == nil)
        #expect(GemmMVEPacking.pack(weights: [200, 2], units: 1, depth: 2, bias: [0],
                                    output: Self.requant([Self.half])) == nil)
    }
}
