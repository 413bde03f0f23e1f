/// Checks of the broadcasting binary ops ADD, SUB and MUL.
enum ElementwiseChecks {
    /// Highest rank TFLM's broadcasting kernels handle (`BroadcastAdd6DSlow` and friends).
    static let maxBroadcastRank = 6

    static func binary(_ op: OpCheck) throws(CompileError) {
        let a = op.input(0), b = op.input(1), output = op.output
        try op.requirePerTensor(a, "input 0")
        try op.requirePerTensor(b, "input 1")
        guard let shape = broadcastShape(a.shape, b.shape) else {
            throw op.error(.malformed, "input shapes \(a.shape) and \(b.shape) do not broadcast", b)
        }
        if a.shape != b.shape, shape.rank > maxBroadcastRank {
            throw op.error(.unsupported, "broadcasting is supported up to rank \(maxBroadcastRank), not \(shape.rank)", output)
        }
        guard output.shape == shape else {
            throw op.error(.malformed, "output has shape \(output.shape); the inputs broadcast to \(shape)", output)
        }
        let s1 = a.quant?.scale[0] ?? 0, s2 = b.quant?.scale[0] ?? 0, so = output.quant?.scale[0] ?? 0
        switch op.node.op {
        case .mul:
            try op.requireRescale(RescaleRecipe.mul(input1: s1, input2: s2, output: so), "output", output)
        default:
            try addSubRescales(op, RescaleRecipe.addSub(input1: s1, input2: s2, output: so))
        }
    }

    /// TFLM's `QuantizeMultiplierSmallerThanOneExp` aborts unless every factor is in (0, 1) with
    /// a non-positive shift; the output factor is `2 * max(s1, s2) / (2^20 * s_out)`.
    static func addSubRescales(_ op: OpCheck, _ r: RescaleRecipe.AddSub) throws(CompileError) {
        for (real, what) in [(r.input1, "input 0"), (r.input2, "input 1"), (r.output, "output")] {
            let m = FixedPointMultiplier(real: real.isFinite ? real : 0)
            guard real.isFinite, real > 0, real < 1, m.shift <= 0 else {
                throw op.error(.unsupported, "\(what) rescale \(real) of \(op.node.op.name) is outside (0, 1): "
                               + "the output scale is too small (or too large) for the input scales", op.output)
            }
        }
    }

    /// The NumPy broadcast of `a` and `b` (aligned at the right), or nil when incompatible.
    static func broadcastShape(_ a: Shape, _ b: Shape) -> Shape? {
        let rank = max(a.rank, b.rank)
        let pa = [Int](repeating: 1, count: rank - a.rank) + a.dims
        let pb = [Int](repeating: 1, count: rank - b.rank) + b.dims
        var dims: [Int] = []
        for (x, y) in zip(pa, pb) {
            guard x == y || x == 1 || y == 1 else { return nil }
            dims.append(x == 1 ? y : x)
        }
        return Shape(dims)
    }
}
