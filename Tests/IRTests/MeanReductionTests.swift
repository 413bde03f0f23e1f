import IR
import Testing

/// MEAN's axis resolution and multiplier (TFLM `ResolveAxis`, `QuantizedMeanOrSum`).
@Suite struct MeanReductionTests {
    @Test func axesResolveNegativesAndDropDuplicatesInFirstSeenOrder() {
        #expect(MeanReduction.resolvedAxes([-1, 1, 2, -2], rank: 4) == [3, 1, 2])
        #expect(MeanReduction.resolvedAxes([], rank: 2) == [])
    }

    @Test func countIsFoldedIntoTheMultiplier() {
        let one = FixedPointMultiplier(real: 1)
        // A power of two only moves the shift.
        #expect(MeanReduction.folding(one, count: 4)
                == FixedPointMultiplier(multiplier: one.multiplier, shift: one.shift - 2))
        // Otherwise M' = (M << floor(log2 N)) / N, truncated.
        let m49 = MeanReduction.folding(one, count: 49)
        #expect(m49 == FixedPointMultiplier(multiplier: Int32((Int64(one.multiplier) << 5) / 49), shift: one.shift - 5))
        #expect(MeanReduction.multiplier(inputScale: 0.5, outputScale: 0.5, count: 49) == m49)
    }
}
