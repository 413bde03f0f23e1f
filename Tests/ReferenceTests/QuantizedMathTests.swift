import IR
import Reference
import Testing

@Suite struct QuantizedMathTests {
    @Test func doublingHighMulSaturatesOnlyMinTimesMin() {
        #expect(QuantizedMath.saturatingRoundingDoublingHighMul(Int32.min, Int32.min) == Int32.max)
        #expect(QuantizedMath.saturatingRoundingDoublingHighMul(1 << 30, 1 << 30) == 1 << 29)
        // gemmlowp's nudge: positive ties round up, negative ties round toward zero.
        #expect(QuantizedMath.saturatingRoundingDoublingHighMul(1, 1 << 30) == 1)
        #expect(QuantizedMath.saturatingRoundingDoublingHighMul(-1, 1 << 30) == 0)
        #expect(QuantizedMath.saturatingRoundingDoublingHighMul(-3, 1 << 30) == -1)
    }

    @Test func roundingDivideByPOTRoundsHalfAwayFromZero() {
        #expect(QuantizedMath.roundingDivideByPOT(5, 1) == 3)
        #expect(QuantizedMath.roundingDivideByPOT(-5, 1) == -3)
        #expect(QuantizedMath.roundingDivideByPOT(4, 1) == 2)
        #expect(QuantizedMath.roundingDivideByPOT(-6, 2) == -2)
        #expect(QuantizedMath.roundingDivideByPOT(7, 0) == 7)
    }

    @Test func multiplyByQuantizedMultiplierUsesDoubleRounding() {
        let half = FixedPointMultiplier(real: 0.5)
        #expect(QuantizedMath.multiplyByQuantizedMultiplier(3, half) == 2)
        #expect(QuantizedMath.multiplyByQuantizedMultiplier(-3, half) == -1)
        #expect(QuantizedMath.multiplyByQuantizedMultiplier(-5, FixedPointMultiplier(real: 0.25)) == -1)
        let two = FixedPointMultiplier(real: 2.0)
        #expect(QuantizedMath.multiplyByQuantizedMultiplier(100, two) == 200)
    }
}
