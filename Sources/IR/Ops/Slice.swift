/// SLICE (TFLM `slice.cc`, `reference_ops::Slice`): operands (input, begin, size; constant int32
/// or int64 vectors with one entry per input dimension, rank 1 to 5). Output dimension `d` holds
/// input indices `begin[d] ..< begin[d] + size[d]`, `size[d] == -1` meaning "to the end".
/// The elements are copied unchanged; it runs as a STRIDED_SLICE with unit strides.
public struct Slice: OperatorDefinition {
    public init() {}

    public static let name = "SLICE"
    public static let support = OperatorSupport(types: "int8; int32/int64 begin and size", options: "rank 1 to 5, constant begin/size")
    public static let inputCounts = 3...3
    /// TFLM's `kMaxDim`.
    static let maxRank = 5

    public func allowedTypes(_ role: OperandRole) -> Set<DataType> {
        role == .input(1) || role == .input(2) ? [.int32, .int64] : [.int8]
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), output = op.output, rank = input.shape.rank
        guard rank >= 1, rank <= Self.maxRank else {
            throw op.error(.unsupported, "SLICE supports inputs of rank 1 to \(Self.maxRank), not \(rank)", input)
        }
        let begin = try op.constantIndices(op.input(1), "begin", count: rank)
        let size = try op.constantIndices(op.input(2), "size", count: rank)
        var dims: [Int] = []
        for d in 0..<rank {
            let extent = input.shape[d], b = begin[d]
            let s = size[d] == -1 ? extent - b : size[d]
            guard b >= 0, b <= extent, s >= 0, b + s <= extent else {
                throw op.error(.malformed, "begin \(begin) and size \(size) leave the input \(input.shape) "
                               + "along dimension \(d)", op.input(1))
            }
            dims.append(s)
        }
        guard output.shape == Shape(dims) else {
            throw op.error(.malformed, "output has shape \(output.shape); the slice has shape \(Shape(dims))", output)
        }
        guard output.shape.elementCount > 0 else {
            throw op.error(.unsupported, "the slice is empty", output)
        }
        try op.requireCopiedQuant()
    }

    /// The slice as a STRIDED_SLICE plan (unit strides, no masks).
    public func prepare(_ op: OpOperands) -> StridedSlicePlan {
        let input = op.input(0), rank = input.shape.rank
        let begin = op.indexValues(op.input(1)), size = op.indexValues(op.input(2))
        let end = (0..<rank).map { size[$0] == -1 ? input.shape[$0] : begin[$0] + size[$0] }
        return StridedSlicePlan(inputDims: input.shape.dims, begin: begin.map { Int32($0) }, end: end.map { Int32($0) },
                                strides: Array(repeating: 1, count: rank), beginMask: 0, endMask: 0, shrinkAxisMask: 0)
    }
}
