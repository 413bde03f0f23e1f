import IR
import Testing

/// MEAN's axis resolution and multiplier (TFLM `ResolveAxis`, `QuantizedMeanOrSum`).
@Suite struct MeanParamsTests {
    @Test func axesResolveNegativesAndDropDuplicatesInFirstSeenOrder() {
        #expect(Mean.resolvedAxes([-1, 1, 2, -2], rank: 4) == [3, 1, 2])
        #expect(Mean.resolvedAxes([], rank: 2) == [])
    }

    @Test func countIsFoldedIntoTheMultiplier() {
        let one = FixedPointMultiplier(real: 1)
        // A power of two only moves the shift.
        #expect(MeanParams.folding(one, count: 4)
                == FixedPointMultiplier(multiplier: one.multiplier, shift: one.shift - 2))
        // Otherwise M' = (M << floor(log2 N)) / N, truncated.
        let m49 = MeanParams.folding(one, count: 49)
        #expect(m49 == FixedPointMultiplier(multiplier: Int32((Int64(one.multiplier) << 5) / 49), shift: one.shift - 5))
    }
}
