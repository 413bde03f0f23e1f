/// The operands of SPACE_TO_BATCH_ND / BATCH_TO_SPACE_ND as a 4-d problem: input rank 3 or 4
/// (rank 3 is `[b, h, 1, c]` with block 1 and no padding or cropping along the missing width),
/// constant int32 `block_shape` `[m]` and paddings / crops `[m, 2]` with `m = rank - 2`.
public struct SpaceBatchGeometry: Sendable, Hashable {
    /// The spatial side's batch (SPACE_TO_BATCH's input, BATCH_TO_SPACE's output).
    public var batch: Int
    /// The spatial side's height and width (before padding / after cropping).
    public var height: Int, width: Int
    public var channels: Int
    public var blockH: Int, blockW: Int
    /// Padding (SPACE_TO_BATCH) or cropping (BATCH_TO_SPACE) before and after each spatial axis.
    public var top: Int, bottom: Int, left: Int, right: Int

    public init(batch: Int, height: Int, width: Int, channels: Int, blockH: Int, blockW: Int,
                top: Int, bottom: Int, left: Int, right: Int) {
        (self.batch, self.height, self.width, self.channels) = (batch, height, width, channels)
        (self.blockH, self.blockW) = (blockH, blockW)
        (self.top, self.bottom, self.left, self.right) = (top, bottom, left, right)
    }

    /// The reads and checks shared by both ops; `space` is the tensor on the spatial side (the
    /// input of SPACE_TO_BATCH, the output of BATCH_TO_SPACE), `margins` names operand 2.
    static func read(_ op: OpOperands, space: Tensor, margins: String) throws(CompileError) -> SpaceBatchGeometry {
        let input = op.input(0), blockTensor = op.input(1), marginTensor = op.input(2), name = op.node.op.name
        let rank = input.shape.rank
        guard rank == 3 || rank == 4 else {
            throw op.error(.unsupported, "\(name) takes inputs of rank 3 or 4 (as TFLM), not \(rank)", input)
        }
        guard op.output.shape.rank == rank else {
            throw op.error(.malformed, "output has rank \(op.output.shape.rank); \(name) keeps the rank \(rank)", op.output)
        }
        let m = rank - 2
        let block = try op.constantVector(blockTensor, "block_shape", count: m)
        try op.requireConstant(marginTensor, margins)
        guard marginTensor.shape == Shape([m, 2]) else {
            throw op.error(.malformed, "\(margins) has shape \(marginTensor.shape); \(name) needs [\(m), 2]", marginTensor)
        }
        if let bad = block.first(where: { $0 < 1 }) {
            throw op.error(.malformed, "block_shape \(bad) must be positive", blockTensor)
        }
        if let bad = op.int32Values(marginTensor).first(where: { $0 < 0 }) {
            throw op.error(.malformed, "\(margins) \(bad) must not be negative", marginTensor)
        }
        return SpaceBatchGeometry(op, space: space)
    }

    /// The geometry of a node whose operands passed `read`.
    init(_ op: OpOperands, space: Tensor) {
        let s = space.shape, rank = s.rank, wide = rank == 4
        let block = op.int32Values(op.input(1)).map(Int.init), pads = op.int32Values(op.input(2)).map(Int.init)
        self.init(batch: s[0], height: s[1], width: wide ? s[2] : 1, channels: s[rank - 1],
                  blockH: block[0], blockW: wide ? block[1] : 1,
                  top: pads[0], bottom: pads[1], left: wide ? pads[2] : 0, right: wide ? pads[3] : 0)
    }

    /// The batched side's height and width: the padded spatial size divided by the block.
    public var batchedHeight: Int { (top + height + bottom) / blockH }
    public var batchedWidth: Int { (left + width + right) / blockW }

    /// The batched side's shape in `rank` dimensions.
    func batchedShape(rank: Int) -> Shape {
        let b = batch * blockH * blockW
        return rank == 4 ? Shape([b, batchedHeight, batchedWidth, channels]) : Shape([b, batchedHeight, channels])
    }
}
