/// LOGISTIC, int8 (TFLM `reference_integer_ops::Logistic`): `d = x - zp`; `d <= -radius` gives
/// -128 and `d >= radius` gives 127 (so with a radius of 0, `d == 0` gives -128, as in TFLM);
/// otherwise `d` is rescaled to Q4.27 with the frexp multiplier, passed through gemmlowp's
/// fixed-point logistic and written as `RDBPOT(q0, 23) - 128`, clamped. The output is always on
/// scale 1/256, zero point -128.
public struct Logistic: OperatorDefinition {
    public init() {}

    public static let name = "LOGISTIC"
    public static let support = OperatorSupport(types: "int8", options: "TFLM's int8 reference arithmetic")
    public static let inputCounts = 1...1

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameShape()
        try op.requireOutputGrid(scale: OutputGrid.probabilityScale, zeroPoint: -128, scaleText: "1/256")
        try op.requireSigmoidInput()
    }

    public func prepare(_ op: OpOperands) -> SigmoidParams { SigmoidParams.prepare(op) }
}

/// The constants of one LOGISTIC or TANH: the fixed-point input parameters of TFLM's int8
/// LOGISTIC (`logistic_common.cc`) and TANH (`tanh.cc`). Both rescale `x - zp` into Q4.27 with a
/// multiplier taken straight from `frexp` (no `QuantizeMultiplier` fix-up or flush), and saturate
/// inputs beyond a radius.
public struct SigmoidParams: Sendable, Hashable {
    /// Integer bits of the rescaled input (Q4.27).
    public static let inputIntegerBits: Int32 = 4

    /// The input zero point.
    public let inputZeroPoint: Int32
    /// `round(frexp(scale * 2^27).fraction * 2^31)`, wrapped to int32 as TFLM's cast does.
    public let inputMultiplier: Int32
    /// The `frexp` exponent of `scale * 2^27` (a left shift for `MultiplyByQuantizedMultiplier`).
    public let inputLeftShift: Int32
    /// `|x - zp| >= radius` saturates (`CalculateInputRadius(4, shift, 31)`); 0 saturates every input.
    public let inputRadius: Int32

    /// The parameters, or nil when TFLM's arithmetic is undefined for the input scale: its
    /// `CalculateInputRadius` shifts by the exponent, which must be in `0...62`
    /// (input scales from 2^-28 up to 2^35).
    public init?(input: QuantParams) {
        let inputScale = input.scale[0]
        guard inputScale.isFinite, inputScale > 0 else { return nil }
        let real = Double(inputScale) * Double(1 << (31 - Int(Self.inputIntegerBits)))
        let shift = Int32(real.exponent + 1)
        guard shift >= 0, shift <= 62 else { return nil }
        let fraction = real.significand / 2
        let q = Int64((fraction * 2147483648.0).rounded(.toNearestOrAwayFromZero))
        inputZeroPoint = input.zeroPoint[0]
        inputMultiplier = Int32(truncatingIfNeeded: q)
        inputLeftShift = shift
        inputRadius = InputRadius.calculate(integerBits: Self.inputIntegerBits, leftShift: shift)
    }
}

extension SigmoidParams {
    /// The parameters of a checked LOGISTIC or TANH.
    static func prepare(_ op: OpOperands) -> SigmoidParams {
        guard let p = SigmoidParams(input: op.quant(op.input(0))) else {
            preconditionFailure("sigmoid input scale checked by requireSigmoidInput")
        }
        return p
    }
}
