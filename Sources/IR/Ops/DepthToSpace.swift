/// DEPTH_TO_SPACE (TFLM `depth_to_space.cc`): NHWC input `[n, h, w, c]`, `block_size` b > 0,
/// `c` divisible by b*b; output `[n, h*b, w*b, c/(b*b)]` with output `[n, h*b + i, w*b + j, k]`
/// = input `[n, h, w, (i*b + j) * c/(b*b) + k]`. Elements are copied unchanged.
public struct DepthToSpace: OperatorDefinition {
    public var blockSize: Int
    public init(blockSize: Int) { self.blockSize = blockSize }

    public static let name = "DEPTH_TO_SPACE"
    public static let support = OperatorSupport(types: "int8", options: "any block size")
    public static let inputCounts = 1...1
    public var attributeSummary: [(key: String, value: String)] { [("block_size", "\(blockSize)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), b = blockSize
        try op.requireRank(input, 4, "input")
        guard b > 0 else { throw op.error(.malformed, "block_size \(b) must be positive") }
        guard input.shape[3] % (b * b) == 0 else {
            throw op.error(.malformed, "input depth \(input.shape[3]) is not divisible by block_size^2 = \(b * b)", input)
        }
        let expected = Shape([input.shape[0], input.shape[1] * b, input.shape[2] * b, input.shape[3] / (b * b)])
        try SpaceToDepth.requireOutput(op, expected)
    }

    public func prepare(_ op: OpOperands) -> StridedCopy { .depthToSpace(input: op.input(0).shape, block: blockSize) }
}
