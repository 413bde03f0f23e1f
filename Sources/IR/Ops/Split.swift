/// SPLIT (TFLM `split.cc`): operands (axis, input); the axis a constant int32 with one element
/// (negative counts from the end); `num_splits` outputs, equal parts of the input along the axis
/// (TFLM takes every part's extent from output 0 and only DCHECKs the rest: mcuc checks all).
/// Raw copies: the outputs keep the input's quantization (checked).
public struct Split: OperatorDefinition {
    public var numSplits: Int
    public init(numSplits: Int) { self.numSplits = numSplits }

    public static let name = "SPLIT"
    public static let support = OperatorSupport(types: "int8; int32 axis", options: "constant axis, any number of outputs")
    public static let inputCounts = 2...2
    public static let outputCounts = 1...Int.max
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(0) ? [.int32] : [.int8] }
    public var attributeSummary: [(key: String, value: String)] { [("num_splits", "\(numSplits)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(1), count = op.node.outputs.count
        let axis = try op.splitAxis(op.input(0), rank: input.shape.rank)
        guard numSplits == count else {
            throw op.error(.malformed, "num_splits is \(numSplits) but the op has \(count) outputs")
        }
        guard input.shape[axis] % count == 0 else {
            throw op.error(.malformed, "dimension \(axis) of \(input.shape) does not split into \(count) equal parts", input)
        }
        try op.requireSplit(of: input, axis: axis, sizes: sizes(input.shape[axis], count), dropsAxis: false)
    }

    func sizes(_ extent: Int, _ count: Int) -> [Int] { Array(repeating: extent / count, count: count) }

    public func prepare(_ op: OpOperands) -> SplitParams {
        let input = op.input(1), count = op.node.outputs.count
        let rank = input.shape.rank, raw = op.indexValues(op.input(0))[0]
        let axis = raw < 0 ? raw + rank : raw
        return op.splitParams(input: 1, axis: axis, sizes: sizes(input.shape[axis], count))
    }
}
