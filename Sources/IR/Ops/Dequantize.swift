/// DEQUANTIZE int8 or int16 to float32 (TFLM `reference_ops::Dequantize`): `scale * (x - zp)`, one
/// float32 multiplication of the exact integer difference.
public struct Dequantize: OperatorDefinition {
    public init() {}

    public static let name = "DEQUANTIZE"
    public static let support = OperatorSupport(types: "int8 or int16 -> float32", options: "at the graph boundary (`--io int8` removes it)")
    public static let inputCounts = 1...1
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .output(0) ? [.float32] : [.int8, .int16] }

    public func check(_ op: OpOperands) throws(CompileError) { try op.requireSameShape() }

    public func prepare(_ op: OpOperands) -> DequantizeParams {
        DequantizeParams(scale: op.scale(op.input(0)), zeroPoint: op.zeroPoint(op.input(0)))
    }
}

/// The constants of one DEQUANTIZE: the input's quantization.
public struct DequantizeParams: Sendable, Hashable {
    public var scale: Float
    public var zeroPoint: Int32
}
