/// RESHAPE: operands (input, shape?). The elements are copied unchanged into the output shape the
/// graph gives (element counts are checked equal; the shape operand and the `new_shape` option
/// are not consulted). Like TFLM, the bytes are copied without requantization.
public struct Reshape: OperatorDefinition {
    /// The `new_shape` option, when present (the shape input wins when given).
    public var newShape: [Int]?
    public init(newShape: [Int]?) { self.newShape = newShape }

    public static let name = "RESHAPE"
    public static let support = OperatorSupport(types: "int8 or int16; int32 shape", options: "a view: no copy")
    public static let inputCounts = 1...2

    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32] : [.int8, .int16] }
    public var attributeSummary: [(key: String, value: String)] {
        newShape.map { [("new_shape", "\(Shape($0.map { max($0, 0) }))")] } ?? []
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        try op.requireSameType([op.input(0), op.output])
        try Self.checkElementCount(op)
    }
    public func prepare(_ op: OpOperands) -> NoParams { NoParams() }

    /// RESHAPE and SQUEEZE keep every element.
    static func checkElementCount(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), output = op.output
        guard input.shape.elementCount == output.shape.elementCount else {
            throw op.error(.malformed, "input \(input.shape) and output \(output.shape) have different element counts",
                           output)
        }
    }
}
