/// MIRROR_PAD (TFLM `mirror_pad.cc`): operands (input, paddings; a constant int32 or int64
/// `[rank, 2]`), mode REFLECT (the border is not repeated) or SYMMETRIC (it is). TFLM does not
/// check that a padding fits (`before, after <= dim - 1` for REFLECT, `<= dim` for SYMMETRIC)
/// and reads outside the input when it does not: mcuc rejects those. Elements are copied unchanged.
public struct MirrorPad: OperatorDefinition {
    /// REFLECT (schema 0) or SYMMETRIC (1).
    public var reflect: Bool
    public init(reflect: Bool) { self.reflect = reflect }

    public static let name = "MIRROR_PAD"
    public static let support = OperatorSupport(types: "int8; int32/int64 paddings", options: "REFLECT and SYMMETRIC, constant paddings that fit the mode")
    public static let inputCounts = 2...2
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> { role == .input(1) ? [.int32, .int64] : [.int8] }
    public var attributeSummary: [(key: String, value: String)] { [("mode", reflect ? "REFLECT" : "SYMMETRIC")] }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(0), rank = input.shape.rank, paddings = op.input(1)
        guard rank >= 1, rank <= RuntimeLimits.maxRank else {
            throw op.error(.unsupported, "MIRROR_PAD supports ranks 1 to \(RuntimeLimits.maxRank), not \(rank)", input)
        }
        try op.requireConstant(paddings, "paddings")
        guard paddings.shape == Shape([rank, 2]) else {
            throw op.error(.malformed, "paddings have shape \(paddings.shape); MIRROR_PAD needs [\(rank), 2]", paddings)
        }
        let pads = pairs(op), limit = reflect ? 1 : 0
        var dims: [Int] = []
        for (d, pad) in pads.enumerated() {
            let most = input.shape[d] - limit
            guard pad.before >= 0, pad.after >= 0, pad.before <= most, pad.after <= most else {
                throw op.error(.unsupported, "padding \(pad) of dimension \(d) (size \(input.shape[d])) exceeds \(most), "
                               + "the most \(reflect ? "REFLECT" : "SYMMETRIC") can mirror (TFLM reads outside the input)",
                               paddings)
            }
            dims.append(input.shape[d] + pad.before + pad.after)
        }
        guard op.output.shape == Shape(dims) else {
            throw op.error(.malformed, "output has shape \(op.output.shape); the padded input has \(Shape(dims))", op.output)
        }
        try op.requireCopiedQuant()
    }

    func pairs(_ op: OpOperands) -> [(before: Int, after: Int)] {
        let v = op.indexValues(op.input(1))
        return stride(from: 0, to: v.count - 1, by: 2).map { (v[$0], v[$0 + 1]) }
    }

    public func prepare(_ op: OpOperands) -> AxisGather {
        .mirrorPad(input: op.input(0).shape, pads: pairs(op), reflect: reflect)
    }
}
