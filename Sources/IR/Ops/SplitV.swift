/// SPLIT_V (TFLM `split_v.cc`): operands (input, size_splits, axis); the axis a constant int32
/// with one element (negative counts from the end). TFLM takes each part's extent from its output
/// tensor and does not read size_splits: mcuc checks that the extents add up to the input's and,
/// when size_splits is constant, that it names them (one entry may be -1, "the rest"). Raw
/// copies: the outputs keep the input's quantization (checked).
public struct SplitV: OperatorDefinition {
    public var numSplits: Int
    public init(numSplits: Int) { self.numSplits = numSplits }

    public static let name = "SPLIT_V"
    public static let support = OperatorSupport(types: "int8; int32 sizes and axis", options: "constant sizes (one may be -1) and axis")
    public static let inputCounts = 3...3
    public static let outputCounts = 1...Int.max
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> {
        switch role {
        case .input(1): [.int32, .int64]
        case .input(2): [.int32]
        default: [.int8]
        }
    }
    public var attributeSummary: [(key: String, value: String)] { [("num_splits", "\(numSplits)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), count = op.node.outputs.count, rank = input.shape.rank
        let axis = try op.splitAxis(op.input(2), rank: rank)
        guard numSplits == count else {
            throw op.error(.malformed, "num_splits is \(numSplits) but the op has \(count) outputs")
        }
        let outputs = op.outputs
        if let bad = outputs.firstIndex(where: { $0.shape.rank != rank }) {
            throw op.error(.malformed, "output \(bad) has rank \(outputs[bad].shape.rank); the input has \(rank)", outputs[bad])
        }
        let sizes = outputs.map { $0.shape[axis] }
        guard sizes.reduce(0, +) == input.shape[axis] else {
            throw op.error(.malformed, "the outputs add up to \(sizes.reduce(0, +)) along axis \(axis); "
                           + "the input has \(input.shape[axis])", input)
        }
        let splits = op.input(1)
        if splits.isConstant {
            let values = op.indexValues(splits)
            guard values.count == count, values.filter({ $0 == -1 }).count <= 1,
                  zip(values, sizes).allSatisfy({ $0 == $1 || $0 == -1 }) else {
                throw op.error(.malformed, "size_splits \(values) does not match the outputs' extents \(sizes)", splits)
            }
        }
        try op.requireSplit(of: input, axis: axis, sizes: sizes, dropsAxis: false)
    }

    public func prepare(_ op: OpOperands) -> SplitParams {
        let rank = op.input(0).shape.rank, raw = op.indexValues(op.input(2))[0]
        let axis = raw < 0 ? raw + rank : raw
        return op.splitParams(input: 0, axis: axis, sizes: op.outputs.map { $0.shape[axis] })
    }
}
