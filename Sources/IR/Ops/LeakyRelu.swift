/// LEAKY_RELU, int8 (TFLM `reference_ops::QuantizeLeakyRelu`): `d = x - in_zp`;
/// `out_zp + MBQM(d, identity)` for `d >= 0`, `out_zp + MBQM(d, alpha)` for `d < 0`, clamped to
/// [-128, 127]. A negative alpha gives a negative multiplier; on those TFLM's result equals
/// `-MBQM(d, |alpha|)`: exact ties round toward zero, where gemmlowp's SRDHM on the (positive)
/// product `d * alpha` would round them up (measured on the tflite-micro wheel: 60 tie-heavy
/// scale/alpha combinations, every int8 input).
public struct LeakyRelu: OperatorDefinition {
    public var alpha: Float
    public init(alpha: Float) { self.alpha = alpha }

    public static let name = "LEAKY_RELU"
    public static let support = OperatorSupport(types: "int8", options: "any alpha")
    public static let inputCounts = 1...1
    public var attributeSummary: [(key: String, value: String)] { [("alpha", "\(alpha)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameShape()
        guard alpha.isFinite else {
            throw op.error(.unsupported, "alpha \(alpha) is not finite")
        }
        let (identity, scaled) = LeakyReluParams.ratios(alpha: alpha, inputScale: op.scale(op.input(0)),
                                                        outputScale: op.scale(op.output))
        try op.requireInt8Rescale(identity, "the input/output scale ratio", op.output)
        try op.requireInt8Rescale(scaled, "the alpha rescale (input scale * alpha / output scale)", op.output)
    }

    public func prepare(_ op: OpOperands) -> LeakyReluParams {
        LeakyReluParams(alpha: alpha, input: op.quant(op.input(0)), output: op.quant(op.output))
    }
}

/// The constants of one LEAKY_RELU: the two requantization multipliers of TFLM's int8 LEAKY_RELU (`leaky_relu_common.cc`):
/// `x - zp >= 0` is scaled by `in / out`, negative values by `in * alpha / out`. Both ratios are
/// computed in double from the float32 values, as current TFLM does (older releases used float32
/// arithmetic, which differs in the last bit of the multiplier); a negative alpha gives a
/// negative multiplier (see `ReferenceLeakyRelu` for how TFLM rounds with it).
public struct LeakyReluParams: Sendable, Hashable {
    /// Zero point of the input.
    public let inputZeroPoint: Int32
    /// Zero point of the output.
    public let outputZeroPoint: Int32
    /// Multiplier for `x - zp >= 0`: `double(in) / double(out)`.
    public let identity: FixedPointMultiplier
    /// Multiplier for `x - zp < 0`: `double(in) * double(alpha) / double(out)` (may be negative).
    public let alpha: FixedPointMultiplier

    /// The real ratios before quantization (identity, alpha), in TFLM's double arithmetic.
    public static func ratios(alpha: Float, inputScale: Float, outputScale: Float) -> (identity: Double, alpha: Double) {
        (Double(inputScale) / Double(outputScale), Double(inputScale) * Double(alpha) / Double(outputScale))
    }

    /// The parameters; the ratios must be finite (checked by `LeakyRelu.check`).
    public init(alpha: Float, input: QuantParams, output: QuantParams) {
        let (identityRatio, alphaRatio) = Self.ratios(alpha: alpha, inputScale: input.scale[0], outputScale: output.scale[0])
        precondition(identityRatio.isFinite && alphaRatio.isFinite, "leaky relu ratios must be finite")
        inputZeroPoint = input.zeroPoint[0]
        outputZeroPoint = output.zeroPoint[0]
        identity = FixedPointMultiplier(real: identityRatio)
        self.alpha = Self.signedMultiplier(real: alphaRatio)
    }

    /// TFLM's `QuantizeMultiplier` for any sign: `frexp` keeps the sign in the fraction, the
    /// rounding is symmetric, and the `2^31` fix-up only ever applies to positive values.
    public static func signedMultiplier(real: Double) -> FixedPointMultiplier {
        guard real < 0 else { return FixedPointMultiplier(real: real) }
        let magnitude = -real
        let fraction = magnitude.significand / 2
        let shift = Int32(magnitude.exponent + 1)
        let q = (fraction * 2147483648.0).rounded(.toNearestOrAwayFromZero)
        if shift < -31 { return FixedPointMultiplier(multiplier: 0, shift: 0) }
        return FixedPointMultiplier(multiplier: Int32(-Int64(q)), shift: shift)
    }
}
