/// What the broadcasting binary ops (ADD, SUB, MUL) share: operand checks and NumPy broadcasting.
extension OpOperands {
    /// Highest rank TFLM's broadcasting kernels handle (`BroadcastAdd6DSlow` and friends).
    static let maxBroadcastRank = 6

    /// Both inputs per-tensor, their shapes broadcast to the output's (up to rank 6 when they differ).
    func requireBroadcastOperands() throws(CompileError) {
        let a = input(0), b = input(1)
        try requirePerTensor(a, "input 0")
        try requirePerTensor(b, "input 1")
        guard let shape = Self.broadcastShape(a.shape, b.shape) else {
            throw error(.malformed, "input shapes \(a.shape) and \(b.shape) do not broadcast", b)
        }
        if a.shape != b.shape, shape.rank > Self.maxBroadcastRank {
            throw error(.unsupported, "broadcasting is supported up to rank \(Self.maxBroadcastRank), not \(shape.rank)",
                        output)
        }
        guard output.shape == shape else {
            throw error(.malformed, "output has shape \(output.shape); the inputs broadcast to \(shape)", output)
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
