import IR
import Testing

/// `QuantizedMath.multiplyByQuantizedMultiplier64` (TFLM's int64 MultiplyByQuantizedMultiplier)
/// against values of `scripts/tflm/semantics/qmath.py`'s `mbqm64`.
@Suite struct QuantizedMathInt64Tests {
    static func mbqm64(_ x: Int64, _ m: Int32, _ s: Int32) -> Int32 {
        QuantizedMath.multiplyByQuantizedMultiplier64(x, FixedPointMultiplier(multiplier: m, shift: s))
    }

    @Test func matchesTheModel() {
        #expect(Self.mbqm64(1_000_000, 1_518_500_250, -7) == 5524)
        #expect(Self.mbqm64(-1_000_000, 1_518_500_250, -7) == -5524)
        #expect(Self.mbqm64(123_456_789_012, 1_073_741_824, -20) == 58869)
        #expect(Self.mbqm64(-(Int64(1) << 47), 1_717_986_918, -20) == -107_372_544)
        #expect(Self.mbqm64(5, 2_147_483_647, 7) == 640)
    }

    /// One rounding, half towards +infinity: -1.5 -> -1.
    @Test func roundsHalfUp() {
        #expect(Self.mbqm64(-3, 1 << 30, 0) == -1)
        #expect(Self.mbqm64(3, 1 << 30, 0) == 2)
    }

    /// The multiplier is reduced to 16 bits (0x7FFF from 0x7FFF0000 up), so MBQM64 is not MBQM.
    @Test func sixteenBitMultiplierDiffersFromMBQM() {
        let m = FixedPointMultiplier(multiplier: 1_288_490_189, shift: -1)
        #expect(QuantizedMath.multiplyByQuantizedMultiplier64(Int64(Int32.max), m) == 644_251_648)
        #expect(QuantizedMath.multiplyByQuantizedMultiplier(Int32.max, m) == 644_245_094)
        #expect(Self.mbqm64(12345, 0x7FFF_8000, -3) == 1543)
    }

    @Test func requantizeWrapsOnlyTheInt32Accumulator() {
        let output = OutputRequantization(multipliers: [FixedPointMultiplier(multiplier: 1 << 30, shift: -15)],
                                          zeroPoint: 0, range: -32768...32767)
        let sum = Int64(Int32.max) + 1   // wraps to INT32_MIN in int32
        #expect(Int16x8Accumulation(width: .int32, bias: [0]).requantize(sum, channel: 0, output) == -32768)
        #expect(Int16x8Accumulation(width: .int64, bias: [0]).requantize(sum, channel: 0, output) == 32767)
        #expect(Int16x8Accumulation(width: .int64, bias: [-(Int64(1) << 31)]).requantize(sum, channel: 0, output) == 0)
    }
}
