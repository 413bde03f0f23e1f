/// HARD_SWISH, int8 (TFLM `reference_ops::HardSwish<int8_t>`): `x * relu6(x + 3) / 6` computed
/// in 16-bit fixed point. The input is put on a "hires" scale (`(x - zp) * 128`); one copy is
/// scaled to the output scale, another to a "reluish" factor in [0, 1] (3.0 maps to 32768,
/// saturating); their product (rounding toward zero) is shifted right and offset by the output
/// zero point. Every intermediate is an int16, with C's truncating conversions.
public struct HardSwish: OperatorDefinition {
    public init() {}

    public static let name = "HARD_SWISH"
    public static let support = OperatorSupport(types: "int8", options: "TFLM's int16 fixed-point reference arithmetic")
    public static let inputCounts = 1...1

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameShape()
        if let problem = HardSwishParams.problem(inputScale: op.scale(op.input(0)), outputScale: op.scale(op.output)) {
            throw op.error(.unsupported, problem, op.output)
        }
    }

    public func prepare(_ op: OpOperands) -> HardSwishParams {
        HardSwishParams(input: op.quant(op.input(0)), output: op.quant(op.output))
    }
}

/// The constants of one HARD_SWISH: the int16 fixed-point parameters of TFLM's int8 HARD_SWISH (`hard_swish_common.cc`,
/// `HardSwishPrepare`), derived with exactly TFLM's float arithmetic: the ratios are float32
/// quotients widened to double, quantized with `QuantizeMultiplier`, then rounded to 16 bits
/// (`DownScaleInt32ToInt16Multiplier`).
public struct HardSwishParams: Sendable, Hashable {
    /// Zero point of the input.
    public let inputZeroPoint: Int32
    /// Zero point of the output, added after the final shift (in int16, as TFLM does).
    public let outputZeroPoint: Int32
    /// Q15 multiplier of `(in_scale / 128) / out_scale`.
    public let outputMultiplier: Int16
    /// Exponent paired with `outputMultiplier`; TFLM requires it to be <= 0 (>= -31).
    public let outputExponent: Int32
    /// Q15 multiplier of `(in_scale / 128) / (3 / 32768)`.
    public let reluishMultiplier: Int16
    /// Exponent paired with `reluishMultiplier`, in `-31...31`.
    public let reluishExponent: Int32

    /// Why TFLM cannot run HARD_SWISH with these scales, or nil when it can.
    public static func problem(inputScale: Float, outputScale: Float) -> String? {
        let (output, reluish) = ratios(inputScale: inputScale, outputScale: outputScale)
        guard output.isFinite, reluish.isFinite else {
            return "the input/output scale ratio is not a finite float32"
        }
        if FixedPointMultiplier(real: Double(output)).shift > 0 {
            return "the output multiplier (input scale / 128 / output scale = \(output)) must be below 1 "
                + "(TFLM requires a right shift)"
        }
        if FixedPointMultiplier(real: Double(reluish)).shift > 31 {
            return "the input scale \(inputScale) is too large for TFLM's 16-bit hard-swish arithmetic"
        }
        return nil
    }

    /// The parameters; precondition: `problem(inputScale:outputScale:)` is nil.
    public init(input: QuantParams, output: QuantParams) {
        let inScale = input.scale[0], outScale = output.scale[0]
        precondition(Self.problem(inputScale: inScale, outputScale: outScale) == nil, "unsupported hard-swish scales")
        let (outputRatio, reluishRatio) = Self.ratios(inputScale: inScale, outputScale: outScale)
        let out = FixedPointMultiplier(real: Double(outputRatio))
        let reluish = FixedPointMultiplier(real: Double(reluishRatio))
        inputZeroPoint = input.zeroPoint[0]
        outputZeroPoint = output.zeroPoint[0]
        outputMultiplier = Self.downScaleToInt16(out.multiplier)
        outputExponent = out.shift
        reluishMultiplier = Self.downScaleToInt16(reluish.multiplier)
        reluishExponent = reluish.shift
    }

    /// The two float32 ratios TFLM quantizes: `hires / out` and `hires / (3 / 32768)` with
    /// `hires = in / 128`.
    static func ratios(inputScale: Float, outputScale: Float) -> (output: Float, reluish: Float) {
        let hires = (1.0 as Float / 128.0) * inputScale
        let reluishScale: Float = 3.0 / 32768.0
        return (hires / outputScale, hires / reluishScale)
    }

    /// TFLM's `DownScaleInt32ToInt16Multiplier`: round a non-negative Q31 value to Q15.
    static func downScaleToInt16(_ m: Int32) -> Int16 {
        let roundingOffset: Int32 = 1 << 15
        if m >= Int32.max - roundingOffset { return Int16.max }
        return Int16(truncatingIfNeeded: (m + roundingOffset) >> 16)
    }
}
