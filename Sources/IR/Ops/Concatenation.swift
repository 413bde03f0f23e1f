/// CONCATENATION, int8 or int16 (TFLM `reference_ops::Concatenation`): the inputs are joined along `axis`
/// (negative counts from the end). All inputs and the output share one quantization (checked),
/// so the bytes are copied unchanged: for each outer index, each input's slice in operand order.
public struct Concatenation: OperatorDefinition {
    /// The axis as stored (may be negative).
    public var axis: Int
    public var activation: FusedActivation

    public init(axis: Int, activation: FusedActivation) {
        self.axis = axis
        self.activation = activation
    }

    public static let name = "CONCATENATION"
    public static let support = OperatorSupport(types: "int8 or int16", options: "any axis and number of inputs, no fused activation (as TFLM); producers write their slices in place where the axis allows")
    public static let inputCounts = 1...Int.max
    public var fusedActivation: FusedActivation? { activation }
    public var attributeSummary: [(key: String, value: String)] { [("axis", "\(axis)"), ("act", "\(activation)")] }
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { [.int8, .int16] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let output = op.output
        try op.requireSameType([output] + op.node.inputs.compactMap { $0 }.map { op.graph[$0] })
        guard activation == .none else {
            throw op.error(.unsupported, "CONCATENATION with fused activation \(activation) is not supported by TFLM")
        }
        let rank = output.shape.rank
        guard axis >= -rank && axis < rank else {
            throw op.error(.malformed, "axis \(axis) is out of range for rank \(rank)")
        }
        let axis = self.axis < 0 ? self.axis + rank : self.axis
        var total = 0
        for i in op.node.inputs.indices {
            guard let input = op.optionalInput(i) else {
                throw op.error(.malformed, "input \(i) is missing")
            }
            try op.requireSameQuant(input, as: output, "CONCATENATION inputs and output must share one quantization")
            var dims = input.shape.dims
            guard dims.count == rank else {
                throw op.error(.malformed, "input \(i) has shape \(input.shape); the output has rank \(rank)", input)
            }
            total += dims[axis]
            dims[axis] = output.shape[axis]
            guard dims == output.shape.dims else {
                throw op.error(.malformed, "input \(i) has shape \(input.shape), which does not match output "
                               + "\(output.shape) outside axis \(axis)", input)
            }
        }
        guard total == output.shape[axis] else {
            throw op.error(.malformed, "inputs add up to \(total) along axis \(axis); the output has \(output.shape[axis])",
                           output)
        }
    }

    public func prepare(_ op: OpOperands) -> ConcatenationParams {
        let shape = op.output.shape
        let axis = self.axis < 0 ? self.axis + shape.rank : self.axis
        let inner = shape.dims[(axis + 1)...].reduce(1, *)
        return ConcatenationParams(axis: axis, outer: shape.dims[..<axis].reduce(1, *),
                                   sliceElements: op.node.inputs.indices.map { op.input($0).shape[axis] * inner })
    }
}

/// The constants of one CONCATENATION.
public struct ConcatenationParams: Sendable, Hashable {
    /// The axis, resolved (`0..<rank`).
    public var axis: Int
    /// The product of the output dimensions before the axis.
    public var outer: Int
    /// Elements of input `i` per outer index (its dimension along the axis times the inner size).
    public var sliceElements: [Int]
}
