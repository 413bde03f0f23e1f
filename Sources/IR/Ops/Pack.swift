/// PACK (TFLM `pack.cc`): `values_count` inputs of one shape stacked along a new output axis
/// (`-rank - 1 <= axis <= rank` of the inputs). It is a CONCATENATION of the inputs seen with a
/// 1 inserted at `axis`, and runs as one (including writing the producers' slices in place).
public struct Pack: OperatorDefinition {
    public var valuesCount: Int, axis: Int
    public init(valuesCount: Int, axis: Int) {
        self.valuesCount = valuesCount
        self.axis = axis
    }

    public static let name = "PACK"
    public static let support = OperatorSupport(types: "int8", options: "any axis; producers write their slices in place where the axis allows")
    public static let inputCounts = 1...Int.max
    public var attributeSummary: [(key: String, value: String)] { [("values_count", "\(valuesCount)"), ("axis", "\(axis)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let output = op.output, first = op.input(0), rank = first.shape.rank
        guard valuesCount == op.node.inputs.count else {
            throw op.error(.malformed, "values_count \(valuesCount) but \(op.node.inputs.count) inputs")
        }
        guard axis >= -rank - 1, axis <= rank else {
            throw op.error(.malformed, "axis \(axis) is out of range for inputs of rank \(rank)")
        }
        for i in op.node.inputs.indices {
            guard let input = op.optionalInput(i) else { throw op.error(.malformed, "input \(i) is missing") }
            guard input.shape == first.shape else {
                throw op.error(.malformed, "input \(i) has shape \(input.shape); input 0 has \(first.shape)", input)
            }
            try op.requireSameQuant(input, as: output, "PACK inputs and output must share one quantization")
        }
        var dims = first.shape.dims
        dims.insert(valuesCount, at: normalizedAxis(rank))
        guard output.shape == Shape(dims) else {
            throw op.error(.malformed, "output has shape \(output.shape); PACK gives \(Shape(dims))", output)
        }
    }

    /// The output axis the inputs are stacked along (0 ... rank of the inputs).
    public func normalizedAxis(_ inputRank: Int) -> Int { axis < 0 ? axis + inputRank + 1 : axis }

    public func prepare(_ op: OpOperands) -> ConcatenationParams {
        let shape = op.output.shape, axis = normalizedAxis(op.input(0).shape.rank)
        let slice = shape.dims[(axis + 1)...].reduce(1, *)
        return ConcatenationParams(axis: axis, outer: shape.dims[..<axis].reduce(1, *),
                                   sliceElements: Array(repeating: slice, count: op.node.inputs.count))
    }
}
