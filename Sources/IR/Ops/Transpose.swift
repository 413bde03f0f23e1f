/// TRANSPOSE (TFLM `reference_ops::Transpose`): operands (input, perm int32 constant). Output
/// dimension `i` is input dimension `perm[i]`; values are copied unchanged.
public struct Transpose: OperatorDefinition {
    public init() {}

    public static let name = "TRANSPOSE"
    public static let support = OperatorSupport(types: "int8; int32 permutation", options: "constant permutation, rank up to 5")
    public static let inputCounts = 2...2
    /// TFLM's TRANSPOSE handles ranks 1 to 5 (`transpose_common.cc`).
    static let maxRank = 5

    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32] : [.int8] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), permTensor = op.input(1), output = op.output
        let rank = input.shape.rank
        guard rank >= 1, rank <= Self.maxRank else {
            throw op.error(.unsupported, "TRANSPOSE supports inputs of rank 1 to \(Self.maxRank), not \(rank)", input)
        }
        let perm = try op.constantVector(permTensor, "perm", count: rank)
        guard Set(perm) == Set((0..<rank).map { Int32($0) }) else {
            throw op.error(.malformed, "perm \(perm) is not a permutation of 0..<\(rank)", permTensor)
        }
        let expected = Shape(perm.map { input.shape[Int($0)] })
        guard output.shape == expected else {
            throw op.error(.malformed, "output has shape \(output.shape); transposing \(input.shape) by \(perm) gives \(expected)",
                           output)
        }
        try op.requireCopiedQuant()
    }

    public func prepare(_ op: OpOperands) -> TransposeParams {
        TransposeParams(permutation: op.int32Values(op.input(1)).map { Int($0) })
    }
}

/// The constants of one TRANSPOSE.
public struct TransposeParams: Sendable, Hashable {
    /// Output dimension `i` is input dimension `permutation[i]`.
    public var permutation: [Int]
}
