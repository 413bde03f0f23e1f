/// The axes and the requantization of TFLM's int8 MEAN (`reduce_common.cc` →
/// `reference_ops::QuantizedMeanOrSum`), shared by the checks, the reference kernel and the code
/// generator.
///
/// `M, s` come from `in_s / out_s` (double, `RescaleRecipe.ratio`); `1 / N` is folded in as
/// `k = min(floor(log2 N), 32, 31 + s)`, `M' = (M << k) / N` (int64, truncating), `s' = s - k`.
public enum MeanReduction {
    /// The reduced axes in first-seen order, negative axes resolved, duplicates dropped
    /// (TFLM `ResolveAxis`). Precondition: every raw axis is in `-rank..<rank` (checked by
    /// `LayoutOpChecks`).
    public static func resolvedAxes(_ raw: [Int32], rank: Int) -> [Int] {
        var axes: [Int] = []
        for value in raw {
            let axis = value < 0 ? Int(value) + rank : Int(value)
            precondition(axis >= 0 && axis < rank, "axis checked by LayoutOpChecks")
            if !axes.contains(axis) { axes.append(axis) }
        }
        return axes
    }

    /// The multiplier of the mean of `count` (>= 1) int8 values from `inputScale` to
    /// `outputScale`: `RescaleRecipe.ratio` quantized, with `1 / count` folded in.
    public static func multiplier(inputScale: Float, outputScale: Float, count: Int) -> FixedPointMultiplier {
        folding(FixedPointMultiplier(real: RescaleRecipe.ratio(input: inputScale, output: outputScale)), count: count)
    }

    /// Folds `1 / count` (>= 1) into `m` as TFLM's `QuantizedMeanOrSum` does.
    public static func folding(_ m: FixedPointMultiplier, count: Int) -> FixedPointMultiplier {
        let log2Count = Int32(Int.bitWidth - 1 - count.leadingZeroBitCount)
        let k = min(log2Count, 32, 31 + m.shift)
        let multiplier = (Int64(m.multiplier) << Int64(k)) / Int64(count)
        return FixedPointMultiplier(multiplier: Int32(truncatingIfNeeded: multiplier), shift: m.shift - k)
    }
}
