/// MINIMUM: MAXIMUM's rules (`Maximum`) with the smaller stored value.
public struct Minimum: OperatorDefinition {
    public init() {}

    public static let name = "MINIMUM"
    public static let support = OperatorSupport(types: "int8", options: "raw values, broadcasting up to rank 5")
    public static let inputCounts = 2...2

    public func check(_ op: OpOperands) throws(CompileError) { try Maximum.checkRawBinary(op) }
    public func prepare(_ op: OpOperands) -> NoParams { NoParams() }
}
