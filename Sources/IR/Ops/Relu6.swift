/// RELU6, int8, as TFLM runs it (`activations_common.cc`, `Relu6Prepare`): it does NOT
/// requantize. The raw input is clamped to `[in_zp, Q_in(6)]` with `Q_in(6) = clamp(round(6 /
/// in_scale) + in_zp)` (`ActivationRange.relu6`) and the output quantization is ignored, so a
/// RELU6 whose output quantization differs from its input's gives TFLM's values, not
/// requantized ones.
public struct Relu6: OperatorDefinition {
    public init() {}

    public static let name = "RELU6"
    public static let support = OperatorSupport(types: "int8", options: "requantized")
    public static let inputCounts = 1...1

    /// The bound `round(6 / scale) + zp` must be a defined int32 conversion.
    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameShape()
        let input = op.input(0), q = op.quant(input)
        let six = Double((6 / q.scale[0]).rounded(.toNearestOrAwayFromZero)) + Double(q.zeroPoint[0])
        guard six.isFinite, six < Double(Int32.max) else {
            throw op.error(.unsupported, "input scale \(q.scale[0]) is too small: TFLM's RELU6 bound "
                           + "round(6 / scale) + zero point overflows int32", input)
        }
    }

    public func prepare(_ op: OpOperands) -> Relu6Params {
        Relu6Params(range: ActivationRange.relu6(input: op.quant(op.input(0))))
    }
}

/// The constants of one RELU6.
public struct Relu6Params: Sendable, Hashable {
    /// The clamp of the raw input values.
    public var range: ClosedRange<Int32>
}
