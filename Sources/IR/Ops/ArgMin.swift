/// ARG_MIN, int8 input (TFLM `arg_min_max.cc` → `reference_ops::ArgMinMax` with `std::less`):
/// ARG_MAX's operands, checks and int32 output (`ArgReduction`), with the smallest raw value; the
/// first index wins on ties.
public struct ArgMin: OperatorDefinition {
    public init() {}

    public static let name = "ARG_MIN"
    public static let support = ArgReduction.support
    public static let inputCounts = 2...2
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { ArgReduction.allowedTypes(role) }

    public func check(_ op: OpOperands) throws(CompileError) { try ArgReduction.check(op) }

    public func prepare(_ op: OpOperands) -> ArgReduction { ArgReduction(op, largest: false) }
}
