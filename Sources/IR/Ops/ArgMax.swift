/// ARG_MAX, int8 input (TFLM `arg_min_max.cc` → `reference_ops::ArgMinMax` with `std::greater`):
/// operands (input, axis). For every position of the other axes, the index along `axis` of the
/// largest raw value; the first index wins on ties (strict comparison). The output is int32 with
/// the input's shape minus `axis` (TFLM writes int32 only: its Eval rejects an int64 output, and an
/// axis tensor other than int32). mcuc needs the axis constant.
public struct ArgMax: OperatorDefinition {
    public init() {}

    public static let name = "ARG_MAX"
    public static let support = ArgReduction.support
    public static let inputCounts = 2...2
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { ArgReduction.allowedTypes(role) }

    public func check(_ op: OpOperands) throws(CompileError) { try ArgReduction.check(op) }

    public func prepare(_ op: OpOperands) -> ArgReduction { ArgReduction(op, largest: true) }
}

/// ARG_MAX / ARG_MIN over one axis of an `[outer, axis, inner]` view of the input: output element
/// `o * inner + i` is the first `k` in `0..<axis` whose value `input[(o * axis + k) * inner + i]`
/// is the largest (`largest`) or smallest.
public struct ArgReduction: Sendable, Hashable {
    /// Product of the dimensions before the axis.
    public var outer: Int
    /// Length of the reduced axis (at least 1).
    public var axis: Int
    /// Product of the dimensions after the axis.
    public var inner: Int
    /// ARG_MAX (true) or ARG_MIN.
    public var largest: Bool

    public init(outer: Int, axis: Int, inner: Int, largest: Bool) {
        self.outer = outer
        self.axis = axis
        self.inner = inner
        self.largest = largest
    }

    /// The geometry of a checked ARG_MAX / ARG_MIN node.
    init(_ op: OpOperands, largest: Bool) {
        let shape = op.input(0).shape
        let a = Self.resolvedAxis(op)
        outer = shape.dims[..<a].reduce(1, *)
        axis = shape[a]
        inner = shape.dims[(a + 1)...].reduce(1, *)
        self.largest = largest
    }

    /// ARG_MAX's and ARG_MIN's line of the operator table.
    static let support = OperatorSupport(types: "int8 input, int32 output; int32 axis",
                                         options: "constant one-element axis (negative counts from the end), any rank; "
                                         + "first index wins on ties; int64 output refused (TFLM writes int32 only)")

    /// int8 data, int32 axis; int32 output, int64 accepted here so that `check` can say TFLM
    /// rejects it.
    static func allowedTypes(_ role: OperandRole) -> Set<DataType> {
        switch role {
        case .input(1): [.int32]
        case .output: [.int32, .int64]
        default: [.int8]
        }
    }

    /// The axis inside the input's rank (negative counts from the end).
    static func resolvedAxis(_ op: OpOperands) -> Int {
        let raw = Int(op.int32Values(op.input(1))[0]), rank = op.input(0).shape.rank
        return raw < 0 ? raw + rank : raw
    }

    /// An int32 output, a constant one-element axis inside the rank, a non-empty axis, and the
    /// output shape of the input without that axis.
    static func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), axisTensor = op.input(1), output = op.output, name = op.node.op.name
        guard output.type == .int32 else {
            throw op.error(.unsupported, "\(name) with an \(output.type) output: TFLM's \(name) writes int32 only "
                           + "(its Eval rejects other output types)", output)
        }
        try op.requirePerTensor(input, "input")
        try op.requireConstant(axisTensor, "axis")
        guard axisTensor.shape.elementCount == 1 else {
            throw op.error(.malformed, "axis has \(axisTensor.shape.elementCount) elements; \(name) takes one", axisTensor)
        }
        let rank = input.shape.rank, raw = op.int32Values(axisTensor)[0]
        guard rank >= 1, raw >= -rank, raw < rank else {
            throw op.error(.malformed, "axis \(raw) is out of range for an input of rank \(rank)", axisTensor)
        }
        let axis = resolvedAxis(op)
        guard input.shape[axis] > 0 else {
            throw op.error(.unsupported, "\(name) over an empty axis has no index to return", input)
        }
        var dims = input.shape.dims
        dims.remove(at: axis)
        guard output.shape == Shape(dims) else {
            throw op.error(.malformed, "output has shape \(output.shape); \(name) of \(input.shape) over axis \(axis) "
                           + "gives \(Shape(dims))", output)
        }
    }
}
