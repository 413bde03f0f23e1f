/// REDUCE_MAX, int8 (TFLM `reduce_common.cc`, `EvalMaxHelper`): operands (input, axes) as MEAN;
/// the largest raw value over the (deduplicated, negative-resolved) axes, starting from -128.
/// TFLM requires input and output to share one quantization (it fails `invoke` otherwise), so
/// mcuc rejects the model at compile time.
public struct ReduceMax: OperatorDefinition {
    public var keepDims: Bool
    public init(keepDims: Bool) { self.keepDims = keepDims }

    public static let name = "REDUCE_MAX"
    public static let support = OperatorSupport(types: "int8; int32 axes", options: "constant axes, keep_dims or not, rank up to 8; input quantization on the output (as TFLM requires)")
    public static let inputCounts = 2...2
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32] : [.int8] }
    public var attributeSummary: [(key: String, value: String)] { [("keep_dims", "\(keepDims)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        try Mean.checkReduction(op)
        try op.requireSameQuant(op.output, as: op.input(0), "REDUCE_MAX needs the input's quantization on its output "
                                + "(TFLM fails the invoke otherwise)")
    }

    /// MEAN's geometry; the multiplier, correction and zero point are unused (identity, 0).
    public func prepare(_ op: OpOperands) -> MeanParams {
        let shape = op.input(0).shape
        let axes = Mean.resolvedAxes(op.int32Values(op.input(1)), rank: shape.rank)
        return MeanParams(axes: axes, count: axes.reduce(1) { $0 * shape.dims[$1] },
                          multiplier: FixedPointMultiplier(real: 1), correction: 0, outputZeroPoint: 0)
    }
}
