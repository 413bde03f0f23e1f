/// SQUEEZE: RESHAPE that drops dimensions of size 1; the elements are copied unchanged into the
/// output shape the graph gives.
public struct Squeeze: OperatorDefinition {
    /// The dimensions to drop (empty = every dimension of size 1).
    public var squeezeDims: [Int]
    public init(squeezeDims: [Int]) { self.squeezeDims = squeezeDims }

    public static let name = "SQUEEZE"
    public static let support = OperatorSupport(types: "int8", options: "a view: no copy")
    public static let inputCounts = 1...1
    public var attributeSummary: [(key: String, value: String)] { [("squeeze_dims", "\(squeezeDims)")] }

    public func check(_ op: OpOperands) throws(CompileError) { try Reshape.checkElementCount(op) }
    public func prepare(_ op: OpOperands) -> NoParams { NoParams() }
}
