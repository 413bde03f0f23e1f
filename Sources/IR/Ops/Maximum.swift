/// MAXIMUM (TFLM `maximum_minimum.cc`, `MaximumMinimumBroadcastSlow`): the larger stored int8
/// value per element, NumPy broadcasting up to rank 5. TFLM compares the raw values and neither
/// checks nor applies quantization, so neither does mcuc.
public struct Maximum: OperatorDefinition {
    public init() {}

    public static let name = "MAXIMUM"
    public static let support = OperatorSupport(types: "int8", options: "raw values, broadcasting up to rank 5")
    public static let inputCounts = 2...2

    public func check(_ op: OpOperands) throws(CompileError) { try Self.checkRawBinary(op) }
    public func prepare(_ op: OpOperands) -> NoParams { NoParams() }

    /// TFLM's kernel walks at most 5 dimensions (`NdArrayDesc<5>`), broadcast or not.
    static let maxRank = 5

    /// MAXIMUM / MINIMUM: shapes that broadcast to the output's, rank <= 5.
    static func checkRawBinary(_ op: OpOperands) throws(CompileError) {
        try op.requireBroadcastOperands()
        guard op.output.shape.rank <= maxRank else {
            throw op.error(.unsupported, "\(op.node.op.name) supports rank up to \(maxRank), not \(op.output.shape.rank)",
                           op.output)
        }
    }
}
