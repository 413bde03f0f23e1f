/// EXPAND_DIMS (TFLM `expand_dims.cc`): operands (input, axis; a constant int32 or int64 with one
/// element). The output is the input with a dimension of size 1 inserted at `axis`
/// (`-rank - 1 <= axis <= rank`); the bytes are unchanged, so it is a view like RESHAPE.
public struct ExpandDims: OperatorDefinition {
    public init() {}

    public static let name = "EXPAND_DIMS"
    public static let support = OperatorSupport(types: "int8; int32/int64 axis", options: "a view: no copy")
    public static let inputCounts = 2...2
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32, .int64] : [.int8] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), output = op.output
        let axis = try op.constantIndices(op.input(1), "axis", count: 1)[0]
        let rank = input.shape.rank
        guard axis >= -rank - 1, axis <= rank else {
            throw op.error(.malformed, "axis \(axis) is out of range for an input of rank \(rank)", op.input(1))
        }
        var dims = input.shape.dims
        dims.insert(1, at: axis < 0 ? axis + rank + 1 : axis)
        guard output.shape == Shape(dims) else {
            throw op.error(.malformed, "output has shape \(output.shape); EXPAND_DIMS of \(input.shape) at axis "
                           + "\(axis) has shape \(Shape(dims))", output)
        }
        try op.requireCopiedQuant()
    }

    public func prepare(_ op: OpOperands) -> NoParams { NoParams() }
}
