/// UNPACK (TFLM `unpack.cc`): one input cut along `axis` (negative counts from the end) into
/// `num` outputs of the input's shape without that dimension; `num` must be the axis' extent and
/// the output count (TFLM loops over `num`). Raw copies: the outputs keep the input's
/// quantization (checked).
public struct Unpack: OperatorDefinition {
    public var num: Int, axis: Int
    public init(num: Int, axis: Int) {
        self.num = num
        self.axis = axis
    }

    public static let name = "UNPACK"
    public static let support = OperatorSupport(types: "int8", options: "any axis")
    public static let inputCounts = 1...1
    public static let outputCounts = 1...Int.max
    public var attributeSummary: [(key: String, value: String)] { [("num", "\(num)"), ("axis", "\(axis)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), rank = input.shape.rank, count = op.node.outputs.count
        guard axis >= -rank, axis < rank else {
            throw op.error(.malformed, "axis \(axis) is out of range for an input of rank \(rank)", input)
        }
        let axis = normalizedAxis(rank)
        guard num == count, input.shape[axis] == count else {
            throw op.error(.malformed, "num is \(num) and the op has \(count) outputs; dimension \(axis) of "
                           + "\(input.shape) needs \(input.shape[axis]) of each", input)
        }
        try op.requireSplit(of: input, axis: axis, sizes: Array(repeating: 1, count: count), dropsAxis: true)
    }

    /// The axis, resolved against the input's rank.
    public func normalizedAxis(_ rank: Int) -> Int { axis < 0 ? axis + rank : axis }

    public func prepare(_ op: OpOperands) -> SplitParams {
        let count = op.node.outputs.count
        return op.splitParams(input: 0, axis: normalizedAxis(op.input(0).shape.rank),
                              sizes: Array(repeating: 1, count: count))
    }
}
