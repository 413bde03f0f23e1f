import Foundation
import IR
import Testing

@Suite struct FixedPointMultiplierTests {
    @Test func zeroGivesZero() {
        #expect(FixedPointMultiplier(real: 0) == FixedPointMultiplier(multiplier: 0, shift: 0))
    }

    @Test func powersOfTwo() {
        #expect(FixedPointMultiplier(real: 0.5) == FixedPointMultiplier(multiplier: 1 << 30, shift: 0))
        #expect(FixedPointMultiplier(real: 1.0) == FixedPointMultiplier(multiplier: 1 << 30, shift: 1))
        #expect(FixedPointMultiplier(real: 0.25) == FixedPointMultiplier(multiplier: 1 << 30, shift: -1))
    }

    @Test func roundsHalfAwayFromZeroAndFixesUpTwoToThe31() {
        // 1 - 2^-33 has mantissa just below 1: q rounds to 2^31, so the fix-up halves it.
        let m = FixedPointMultiplier(real: 1.0 - pow(2.0, -33))
        #expect(m == FixedPointMultiplier(multiplier: 1 << 30, shift: 1))
    }

    @Test func flushesTinyMultipliersToZero() {
        #expect(FixedPointMultiplier(real: 1e-12) == FixedPointMultiplier(multiplier: 0, shift: 0))
        // 2^-32 has exponent -31 after frexp: still representable.
        #expect(FixedPointMultiplier(real: pow(2.0, -32)) == FixedPointMultiplier(multiplier: 1 << 30, shift: -31))
    }

    @Test func typicalConvMultiplier() {
        // A value checked by hand: 0.0123 = 0.7872 * 2^-6; 0.7872 * 2^31 = 1690499400.9... -> 1690499401.
        let m = FixedPointMultiplier(real: 0.0123)
        #expect(m.shift == -6)
        #expect(m.multiplier == Int32((0.0123 * pow(2.0, 37)).rounded(.toNearestOrAwayFromZero)))
    }
}
