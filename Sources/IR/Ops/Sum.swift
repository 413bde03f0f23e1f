/// SUM, int8 (TFLM `reduce_common.cc` → `reference_ops::QuantizedMeanOrSum` with the sum
/// flag): operands (input, axes) as MEAN. Wrapping int32 sums of the raw values over the
/// (deduplicated, negative-resolved) axes, `N` elements each;
/// `out = MBQM(sum - in_zp * N, M(in_s / out_s)) + out_zp`, clamped to [-128, 127]: MEAN
/// without the `1 / N`, run by MEAN's kernel.
public struct Sum: OperatorDefinition {
    public var keepDims: Bool
    public init(keepDims: Bool) { self.keepDims = keepDims }

    public static let name = "SUM"
    public static let support = OperatorSupport(types: "int8; int32 axes", options: "constant axes, keep_dims or not, rank up to 8")
    public static let inputCounts = 2...2
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32] : [.int8] }
    public var attributeSummary: [(key: String, value: String)] { [("keep_dims", "\(keepDims)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        try Mean.checkReduction(op)
        try op.requireRescale(RescaleRecipe.ratio(input: op.input(0).quant?.scale[0] ?? 0,
                                                  output: op.output.quant?.scale[0] ?? 0), "output", op.output)
    }

    public func prepare(_ op: OpOperands) -> MeanParams {
        let input = op.input(0), shape = input.shape
        let axes = Mean.resolvedAxes(op.int32Values(op.input(1)), rank: shape.rank)
        let count = axes.reduce(1) { $0 * shape.dims[$1] }
        let correction = Int32(truncatingIfNeeded: Int64(op.zeroPoint(input)) * Int64(count))
        return MeanParams(axes: axes, count: count,
                          multiplier: FixedPointMultiplier(real: RescaleRecipe.ratio(input: op.scale(input),
                                                                                     output: op.scale(op.output))),
                          correction: correction, outputZeroPoint: op.zeroPoint(op.output))
    }
}
