/// SPACE_TO_DEPTH (TFLM `space_to_depth.cc`): NHWC input `[n, h, w, c]`, `block_size` b > 0
/// dividing h and w; output `[n, h/b, w/b, c*b*b]` with output `[n, y, x, (i*b + j) * c + k]` =
/// input `[n, y*b + i, x*b + j, k]`. Elements are copied unchanged.
public struct SpaceToDepth: OperatorDefinition {
    public var blockSize: Int
    public init(blockSize: Int) { self.blockSize = blockSize }

    public static let name = "SPACE_TO_DEPTH"
    public static let support = OperatorSupport(types: "int8", options: "any block size")
    public static let inputCounts = 1...1
    public var attributeSummary: [(key: String, value: String)] { [("block_size", "\(blockSize)")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), b = blockSize
        try op.requireRank(input, 4, "input")
        guard b > 0 else { throw op.error(.malformed, "block_size \(b) must be positive") }
        guard input.shape[1] % b == 0, input.shape[2] % b == 0 else {
            throw op.error(.malformed, "input height and width \(input.shape[1])x\(input.shape[2]) are not "
                           + "divisible by block_size \(b)", input)
        }
        let expected = Shape([input.shape[0], input.shape[1] / b, input.shape[2] / b, input.shape[3] * b * b])
        try Self.requireOutput(op, expected)
    }

    public func prepare(_ op: OpOperands) -> StridedCopy { .spaceToDepth(input: op.input(0).shape, block: blockSize) }

    /// The output shape and quantization of a rearranging op (shared with DEPTH_TO_SPACE).
    static func requireOutput(_ op: OpOperands, _ expected: Shape) throws(CompileError) {
        guard op.output.shape == expected else {
            throw op.error(.malformed, "output has shape \(op.output.shape); \(op.node.op.name) gives \(expected)",
                           op.output)
        }
        try op.requireCopiedQuant()
    }
}
