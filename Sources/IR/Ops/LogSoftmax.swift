/// LOG_SOFTMAX over the last axis (TFLM `log_softmax.cc`, `reference_ops::LogSoftmax`), int8 or
/// float32 in and out (the same type).
///
/// int8: output scale exactly 16/256 and zero point 127 (TFLM checks both). Per row, with
/// `d = x - max`: the sum of `exp(d)` over `d >= diffMin` in Q12.19 (gemmlowp's exp on the Q5.26
/// rescaled difference), `L = ln(sum)` in Q5.26, and each element
/// `d > adjustedDiffMin ? clamp(RDBPOT(MBQM(d) - L, 22) + 127) : -128`.
///
/// float32: `(x - max) - logf(Σ expf(x - max))` with the sum taken in order in float, exactly as
/// TFLM's float kernel on the oracle host (glibc's expf/logf, reproduced bit for bit).
public struct LogSoftmax: OperatorDefinition {
    public init() {}

    public static let name = "LOG_SOFTMAX"
    public static let support = OperatorSupport(types: "int8; float32 after DEQUANTIZE", options: "int8 as TFLM; float32 with glibc's `expf`/`logf` reproduced bit for bit in integer C")
    public static let inputCounts = 1...1
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { [.int8, .float32] }

    /// TFLM's fixed output grid of the int8 kernel.
    public static let outputScale: Float = 16.0 / 256.0
    public static let outputZeroPoint: Int32 = 127

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), output = op.output
        guard input.shape.rank >= 1 else {
            throw op.error(.malformed, "LOG_SOFTMAX needs an input of rank 1 or more", input)
        }
        try op.requireSameShape(output, as: input)
        guard output.type == input.type else {
            throw op.error(.unsupported, "output has type \(output.type) but the input has \(input.type); "
                           + "LOG_SOFTMAX keeps the type", output)
        }
        guard input.type == .int8 else { return }
        try op.requireOutputGrid(scale: Self.outputScale, zeroPoint: Self.outputZeroPoint, scaleText: "16/256")
        guard LogSoftmaxQuantization(inputScale: op.scale(input)) != nil else {
            throw op.error(.unsupported, "input scale \(op.scale(input)) * 2^26 must be greater than 1 (TFLM's "
                           + "QuantizeMultiplierGreaterThanOne aborts otherwise)", input)
        }
    }

    public func prepare(_ op: OpOperands) -> LogSoftmaxParams {
        let input = op.input(0)
        let depth = input.shape[-1]
        let rows = depth == 0 ? 0 : input.shape.elementCount / depth
        guard input.type == .int8 else { return LogSoftmaxParams(rows: rows, depth: depth, quantization: nil) }
        guard let q = LogSoftmaxQuantization(inputScale: op.scale(input)) else {
            preconditionFailure("log softmax parameters checked by LogSoftmax.check")
        }
        return LogSoftmaxParams(rows: rows, depth: depth, quantization: q)
    }
}

/// The constants of one LOG_SOFTMAX: its rows and, for int8, the fixed-point parameters.
public struct LogSoftmaxParams: Sendable, Hashable {
    /// Rows (the product of every dimension but the last) and the row length.
    public var rows: Int, depth: Int
    /// The int8 parameters; nil for float32.
    public var quantization: LogSoftmaxQuantization?
}

/// TFLM's int8 LOG_SOFTMAX parameters (`PreprocessLogSoftmaxScalingExp` with beta 1 and 5 input
/// integer bits), derived with TFLM's double arithmetic.
public struct LogSoftmaxQuantization: Sendable, Hashable {
    /// `input_scale * 2^26` as Q31 mantissa and left shift (`QuantizeMultiplierGreaterThanOne`),
    /// and the smallest contributing difference: SOFTMAX's parameters with beta 1.
    public let input: SoftmaxParams
    /// `2^(31 - leftShift) / multiplier` (`QuantizeMultiplierSmallerThanOneExp`): maps the Q5.26
    /// log-sum back to input units. Its shift is <= 0.
    public let reverseScaling: FixedPointMultiplier

    /// Nil where TFLM's Prepare aborts (`input_scale * 2^26 <= 1`).
    public init?(inputScale: Float) {
        guard let input = SoftmaxParams(beta: 1, inputScale: inputScale) else { return nil }
        let real = Double(Int64(1) << Int64(31 - input.inputLeftShift)) / Double(input.inputMultiplier)
        guard real > 0, real < 1 else { return nil }
        let reverse = FixedPointMultiplier(real: real)
        guard reverse.shift <= 0, reverse.shift >= -31 else { return nil }
        self.input = input
        reverseScaling = reverse
    }
}
