/// QUANTIZE to int8 or int16 (TFLM `quantize_common.cc`).
///
/// From float32 (`AffineQuantize`): `round(x / scale) + zp` with the division and the rounding
/// (half away from zero) in float32, clamped to the output type's range. Where TFLM's
/// float-to-int32 cast is undefined (NaN, or a quotient outside the int32 range) mcuc saturates
/// instead: NaN gives the zero point, large magnitudes the type's bounds.
///
/// From int8 or int16 (`Requantize`, any of int8/int16 -> int8/int16):
/// `out_zp + MBQM(x - in_zp, M(in / out), s)`, clamped to the output type's range. TFLM requires
/// no zero point of 0 here.
public struct Quantize: OperatorDefinition {
    public init() {}

    public static let name = "QUANTIZE"
    public static let support = OperatorSupport(types: "float32, int8 or int16 -> int8 or int16",
                                                options: "float32 at the graph boundary (`--io int8` removes it); "
                                                    + "int8/int16 requantization in any direction")
    public static let inputCounts = 1...1
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> {
        role == .input(0) ? [.float32, .int8, .int16] : [.int8, .int16]
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameShape()
        let input = op.input(0), output = op.output
        guard input.type != .float32 else { return }
        try op.requireDifferenceRescale(RescaleRecipe.ratio(input: op.scale(input), output: op.scale(output)),
                                        of: input.type, "the input/output scale ratio", output)
    }

    public func prepare(_ op: OpOperands) -> QuantizeParams {
        let input = op.input(0), out = op.quant(op.output)
        guard input.type != .float32 else { return .fromFloat(scale: out.scale[0], zeroPoint: out.zeroPoint[0]) }
        let inQ = op.quant(input)
        let m = FixedPointMultiplier(real: RescaleRecipe.ratio(input: inQ.scale[0], output: out.scale[0]))
        return .requantize(inputZeroPoint: inQ.zeroPoint[0], outputZeroPoint: out.zeroPoint[0], multiplier: m)
    }
}

/// The constants of one QUANTIZE.
public enum QuantizeParams: Sendable, Hashable {
    /// float32 in: the output's scale and zero point.
    case fromFloat(scale: Float, zeroPoint: Int32)
    /// int8 or int16 in: `in / out` and both zero points.
    case requantize(inputZeroPoint: Int32, outputZeroPoint: Int32, multiplier: FixedPointMultiplier)
}
