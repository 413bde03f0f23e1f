/// MEAN, int8 (TFLM `reduce_common.cc` → `reference_ops::QuantizedMeanOrSum`): operands (input,
/// axes). Wrapping int32 sums of the raw values over the (deduplicated, negative-resolved) axes,
/// `N` elements each; `out = MBQM(sum - in_zp * N, M', s') + out_zp`, clamped to [-128, 127],
/// where `M', s'` are `in_s / out_s` with `1 / N` folded in (`MeanParams.folding`). `keep_dims`
/// only changes the output shape. This path is taken even when input and output quantization are
/// equal: current TFLM no longer has the older truncating `sum / N` special case.
///
/// MEAN over any number of distinct axes. (TFLM's `reduce_common.cc` keeps the resolved axes in a
/// 2-element stack array and the index in a 5-element one; more axes or a higher rank overflow
/// them. Observed TFLM builds still compute the mathematical result, which is what mcuc computes.)
public struct Mean: OperatorDefinition {
    public var keepDims: Bool
    public init(keepDims: Bool) { self.keepDims = keepDims }

    public static let name = "MEAN"
    public static let support = OperatorSupport(types: "int8; int32 axes", options: "constant axes, keep_dims or not, rank up to 8")
    public static let inputCounts = 2...2
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32] : [.int8] }
    public var attributeSummary: [(key: String, value: String)] { [("keep_dims", "\(keepDims)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        try Self.checkReduction(op)
        try op.requireRescale(RescaleRecipe.ratio(input: op.input(0).quant?.scale[0] ?? 0,
                                                  output: op.output.quant?.scale[0] ?? 0), "output", op.output)
    }

    /// MEAN, SUM, REDUCE_MAX: a per-tensor input of rank <= the runtime's, not empty, constant
    /// axes inside its rank, and an output with the kept elements.
    static func checkReduction(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), axesTensor = op.input(1), output = op.output, name = op.node.op.name
        try op.requirePerTensor(input, "input")
        try op.requireConstant(axesTensor, "axes")
        let rank = input.shape.rank
        guard rank <= RuntimeLimits.maxRank else {
            throw op.error(.unsupported, "\(name) supports inputs up to rank \(RuntimeLimits.maxRank), not \(rank)", input)
        }
        guard input.shape.elementCount > 0 else {
            throw op.error(.unsupported, "\(name) of an empty tensor", input)
        }
        let rawAxes = op.int32Values(axesTensor)
        for raw in rawAxes {
            guard raw >= -rank && raw < rank else {
                throw op.error(.malformed, "axis \(raw) is out of range for rank \(rank)", axesTensor)
            }
        }
        let axes = resolvedAxes(rawAxes, rank: rank)
        let kept = input.shape.dims.enumerated().filter { !axes.contains($0.offset) }.reduce(1) { $0 * $1.element }
        guard output.shape.elementCount == kept else {
            throw op.error(.malformed, "output has shape \(output.shape); reducing \(input.shape) over \(axes) "
                           + "leaves \(kept) elements", output)
        }
    }

    public func prepare(_ op: OpOperands) -> MeanParams {
        let input = op.input(0), shape = input.shape
        let axes = Self.resolvedAxes(op.int32Values(op.input(1)), rank: shape.rank)
        let count = axes.reduce(1) { $0 * shape.dims[$1] }
        let m = MeanParams.folding(FixedPointMultiplier(real: RescaleRecipe.ratio(input: op.scale(input),
                                                                                  output: op.scale(op.output))),
                                   count: count)
        let correction = Int32(truncatingIfNeeded: Int64(op.zeroPoint(input)) * Int64(count))
        return MeanParams(axes: axes, count: count, multiplier: m, correction: correction,
                          outputZeroPoint: op.zeroPoint(op.output))
    }

    /// The reduced axes in first-seen order, negative axes resolved, duplicates dropped
    /// (TFLM `ResolveAxis`). Precondition: every raw axis is in `-rank..<rank` (checked).
    public static func resolvedAxes(_ raw: [Int32], rank: Int) -> [Int] {
        var axes: [Int] = []
        for value in raw {
            let axis = value < 0 ? Int(value) + rank : Int(value)
            precondition(axis >= 0 && axis < rank, "axis checked by Mean.check")
            if !axes.contains(axis) { axes.append(axis) }
        }
        return axes
    }
}

/// The constants of one MEAN.
public struct MeanParams: Sendable, Hashable {
    /// The reduced input axes, resolved and deduplicated, in first-seen order.
    public var axes: [Int]
    /// Elements in each sum (`N`, the product of the reduced dimensions).
    public var count: Int
    /// `in_s / out_s` with `1 / N` folded in.
    public var multiplier: FixedPointMultiplier
    /// `in_zp * N` modulo 2^32, subtracted from every sum.
    public var correction: Int32
    public var outputZeroPoint: Int32

    /// Folds `1 / count` (>= 1) into `m` as TFLM's `QuantizedMeanOrSum` does:
    /// `k = min(floor(log2 N), 32, 31 + s)`, `M' = (M << k) / N` (int64, truncating), `s' = s - k`.
    public static func folding(_ m: FixedPointMultiplier, count: Int) -> FixedPointMultiplier {
        let log2Count = Int32(Int.bitWidth - 1 - count.leadingZeroBitCount)
        let k = min(log2Count, 32, 31 + m.shift)
        let multiplier = (Int64(m.multiplier) << Int64(k)) / Int64(count)
        return FixedPointMultiplier(multiplier: Int32(truncatingIfNeeded: multiplier), shift: m.shift - k)
    }
}
