/// SOFTMAX, int8 in and int8 out (scale 1/256, zero point -128), over the last axis: TFLM's
/// `reference_ops::Softmax<int8_t, int8_t>` with gemmlowp's fixed-point exp (not a lookup table).
///
/// Per row: `d = x - max`; row elements with `d < diffMin` give -128; the others are rescaled to
/// Q5.26 (`MultiplyByQuantizedMultiplierGreaterThanOne`), exponentiated, summed in Q12.19 and
/// normalized with `GetReciprocal`: `RDBPOT(SRDHM(1/sum, exp(d)), bitsOverUnit + 23) - 128`.
public struct Softmax: OperatorDefinition {
    public var beta: Float
    public init(beta: Float) { self.beta = beta }

    public static let name = "SOFTMAX"
    public static let support = OperatorSupport(types: "int8", options: "any beta; TFLM's gemmlowp fixed-point arithmetic")
    public static let inputCounts = 1...1
    public var attributeSummary: [(key: String, value: String)] { [("beta", "\(beta)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), output = op.output
        guard input.shape.rank >= 1 else {
            throw op.error(.malformed, "SOFTMAX needs an input of rank 1 or more", input)
        }
        try op.requireSameShape(output, as: input)
        try op.requireOutputGrid(scale: OutputGrid.probabilityScale, zeroPoint: -128, scaleText: "1/256")
        guard beta.isFinite else {
            throw op.error(.unsupported, "beta \(beta) is not finite")
        }
        let inScale = op.scale(input)
        guard SoftmaxParams(beta: beta, inputScale: inScale) != nil else {
            let real = SoftmaxParams.realMultiplier(beta: beta, inputScale: inScale)
            throw op.error(.unsupported, "beta * input scale * 2^26 = \(real) must be greater than 1 "
                           + "(TFLM's QuantizeMultiplierGreaterThanOne aborts otherwise; beta \(beta), "
                           + "input scale \(inScale))", input)
        }
    }

    public func prepare(_ op: OpOperands) -> SoftmaxParams {
        guard let params = SoftmaxParams(beta: beta, inputScale: op.scale(op.input(0))) else {
            preconditionFailure("softmax parameters checked by Softmax.check")
        }
        return params
    }
}

/// The constants of one SOFTMAX: the fixed-point parameters of TFLM's int8 SOFTMAX
/// (`softmax_common.cc`, `CalculateSoftmaxParams`), derived with exactly TFLM's float/double
/// arithmetic.
///
/// The input difference `x - max` is scaled by `inputMultiplier * 2^inputLeftShift / 2^31` into
/// Q5.26 (`PreprocessSoftmaxScaling(beta, scale, 5)`); differences below `diffMin`
/// (`-CalculateInputRadius(5, inputLeftShift, 31)`) contribute nothing and give -128.
public struct SoftmaxParams: Sendable, Hashable {
    /// Integer bits of the scaled input difference (Q5.26).
    public static let scaledDiffIntegerBits: Int32 = 5
    /// Integer bits of the sum of exponentials (Q12.19).
    public static let accumulationIntegerBits: Int32 = 12

    /// Q31 mantissa of `beta * input_scale * 2^26` (capped at `2^31 - 1`).
    public let inputMultiplier: Int32
    /// Left shift paired with `inputMultiplier`, in `0...31`.
    public let inputLeftShift: Int32
    /// The most negative input difference that still contributes (<= 0).
    public let diffMin: Int32

    /// The real multiplier `min(beta * scale * 2^26, 2^31 - 1)` that `QuantizeMultiplierGreaterThanOne`
    /// receives; TFLM aborts unless it is greater than 1.
    public static func realMultiplier(beta: Float, inputScale: Float) -> Double {
        let real = Double(beta) * Double(inputScale) * Double(1 << (31 - Int(scaledDiffIntegerBits)))
        return min(real, Double((Int64(1) << 31) - 1))
    }

    /// The parameters, or nil where TFLM's Prepare aborts (`QuantizeMultiplierGreaterThanOne`
    /// requires `beta * input_scale * 2^26 > 1`; beta must be finite).
    public init?(beta: Float, inputScale: Float) {
        guard beta.isFinite, inputScale.isFinite else { return nil }
        let real = Self.realMultiplier(beta: beta, inputScale: inputScale)
        guard real > 1 else { return nil }
        let m = FixedPointMultiplier(real: real)
        guard m.shift >= 0, m.shift <= 31 else { return nil }
        inputMultiplier = m.multiplier
        inputLeftShift = m.shift
        diffMin = -InputRadius.calculate(integerBits: Self.scaledDiffIntegerBits, leftShift: m.shift)
    }
}
