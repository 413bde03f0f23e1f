/// BATCH_MATMUL, int8 (TFLM `batch_matmul.cc`, `reference_ops::BatchMatMul`): operands (lhs,
/// rhs), either run-time or constant, rank 2 to 5 each. The last two dimensions are matrices
/// (`adj_x` / `adj_y` read them transposed), the leading ones are batch dimensions that broadcast
/// as NumPy's (aligned at the right, 1 repeats). Per output element
/// `acc = Σ_k (lhs[b, a, k] - zp_l) * (rhs[b, k, c] - zp_r)` (wrapping int32, any zero points),
/// then `MBQM(acc, M, s) + zp_out` clamped to int8 (no fused activation), with one multiplier
/// from `in_l * in_r / out` (`GetQuantizedConvolutionMultipler`, as per-tensor FULLY_CONNECTED).
/// TFLM's transposed copies and its batch flattening only reorder the same products.
/// `asymmetric_quantize_inputs` only concerns hybrid (float lhs) models, which TFLM and mcuc
/// refuse by type: TFLM's int8 path never reads it, and mcuc ignores it likewise.
public struct BatchMatMul: OperatorDefinition {
    /// Read the lhs matrices transposed (`[..., depth, rows]`).
    public var adjX: Bool
    /// Read the rhs matrices transposed (`[..., cols, depth]`).
    public var adjY: Bool

    public init(adjX: Bool, adjY: Bool) {
        self.adjX = adjX
        self.adjY = adjY
    }

    public static let name = "BATCH_MATMUL"
    public static let support = OperatorSupport(
        types: "int8",
        options: "adj_x, adj_y; rank 2 to 5, broadcast batch dimensions; run-time or constant operands; "
            + "any zero points; per-tensor quantization")
    public static let inputCounts = 2...2
    /// TFLM's `BatchMatMulPrepare` takes operands of rank 2 to 5.
    static let ranks = 2...5

    public var attributeSummary: [(key: String, value: String)] { [("adj_x", "\(adjX)"), ("adj_y", "\(adjY)")] }

    /// One per depth element per output element.
    public func macs(_ op: OpOperands) -> Int {
        guard let lhs = op.optionalInput(0)?.shape, lhs.rank >= 2 else { return 0 }
        return saturatingProduct([op.output.shape.checkedElementCount ?? Int.max, adjX ? lhs[-2] : lhs[-1]])
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let lhs = op.input(0), rhs = op.input(1), output = op.output
        for (tensor, role) in [(lhs, "lhs"), (rhs, "rhs"), (output, "output")] {
            try op.requirePerTensor(tensor, role)
        }
        for (tensor, role) in [(lhs, "lhs"), (rhs, "rhs")] where !Self.ranks.contains(tensor.shape.rank) {
            throw op.error(.unsupported, "\(role) has rank \(tensor.shape.rank); TFLM's BATCH_MATMUL takes rank 2 to 5",
                           tensor)
        }
        let g = BatchMatMulGeometry(lhs: lhs.shape, rhs: rhs.shape, adjX: adjX, adjY: adjY)
        guard let batch = g.batchShape else {
            throw op.error(.malformed, "batch dimensions of lhs \(lhs.shape) and rhs \(rhs.shape) do not broadcast", rhs)
        }
        guard g.lhsDepth == g.rhsDepth else {
            throw op.error(.malformed, "lhs depth \(g.lhsDepth) differs from rhs depth \(g.rhsDepth) "
                           + "(adj_x \(adjX), adj_y \(adjY))", rhs)
        }
        guard g.rows >= 1, g.cols >= 1, g.lhsDepth >= 1 else {
            throw op.error(.unsupported, "lhs \(lhs.shape) and rhs \(rhs.shape) give an empty product", lhs)
        }
        let expected = Shape(batch + [g.rows, g.cols])
        guard output.shape == expected else {
            throw op.error(.malformed, "output has shape \(output.shape); lhs \(lhs.shape) times rhs \(rhs.shape) "
                           + "(adj_x \(adjX), adj_y \(adjY)) is \(expected)", output)
        }
        try op.requireRescale(Self.real(op), "output", output)
    }

    /// `in_l * in_r / out`, all in double in the pinned wheel (per-tensor FULLY_CONNECTED's
    /// recipe: the same `GetQuantizedConvolutionMultipler`; probe `batch_matmul_scale_product`).
    static func real(_ op: OpOperands) -> Double {
        RescaleRecipe.fullyConnectedPerTensor(input: op.input(0).quant?.scale[0] ?? 0,
                                              weight: op.input(1).quant?.scale[0] ?? 0,
                                              output: op.output.quant?.scale[0] ?? 0)
    }

    public func prepare(_ op: OpOperands) -> BatchMatMulParams {
        let lhs = op.input(0), rhs = op.input(1)
        let g = BatchMatMulGeometry(lhs: lhs.shape, rhs: rhs.shape, adjX: adjX, adjY: adjY)
        guard let batch = g.batchShape else { preconditionFailure("batch dimensions broadcast (checked)") }
        let out = op.quant(op.output)
        let requant = OutputRequantization(multipliers: [FixedPointMultiplier(real: Self.real(op))],
                                           zeroPoint: out.zeroPoint[0], range: -128...127)
        let batchShape = Shape(batch)
        let lhsMatrix = g.rows * g.lhsDepth, rhsMatrix = g.lhsDepth * g.cols
        let lhsBatch = Shape(Array(lhs.shape.dims.dropLast(2))), rhsBatch = Shape(Array(rhs.shape.dims.dropLast(2)))
        var params = BatchMatMulParams(
            batchDims: batch,
            lhsBatchStrides: BroadcastStrides.of(lhsBatch, into: batchShape).map { $0 * lhsMatrix },
            rhsBatchStrides: BroadcastStrides.of(rhsBatch, into: batchShape).map { $0 * rhsMatrix },
            rows: g.rows, cols: g.cols, depth: g.lhsDepth,
            lhsRowStride: adjX ? 1 : g.lhsDepth, lhsDepthStride: adjX ? g.rows : 1,
            rhsDepthStride: adjY ? 1 : g.cols, rhsColStride: adjY ? g.lhsDepth : 1,
            lhsZeroPoint: op.zeroPoint(lhs), rhsZeroPoint: op.zeroPoint(rhs), output: requant)
        if rhs.isConstant, !adjX, rhs.shape.dims.dropLast(2).allSatisfy({ $0 == 1 }) {
            params.fullyConnected = Self.asFullyConnected(params, rhs: op.int8Values(rhs))
        }
        return params
    }

    /// One constant rhs matrix and lhs rows in memory order: FULLY_CONNECTED over the lhs rows
    /// with `filter[c][k] = rhs[k, c]`, filter offset `-zp_r`, no bias and the same multiplier.
    static func asFullyConnected(_ p: BatchMatMulParams, rhs: [Int8]) -> FullyConnectedParams {
        let filter = (0..<p.cols).flatMap { c in (0..<p.depth).map { k in rhs[k * p.rhsDepthStride + c * p.rhsColStride] } }
        return FullyConnectedParams(batches: p.batches * p.rows, units: p.cols, depth: p.depth,
                                    inputZeroPoint: p.lhsZeroPoint, filterOffset: -p.rhsZeroPoint, filter: filter,
                                    bias: [Int32](repeating: 0, count: p.cols), output: p.output)
    }
}

/// The matrix and batch sizes of a BATCH_MATMUL from its operand shapes and adjoint flags.
struct BatchMatMulGeometry {
    var rows: Int, cols: Int, lhsDepth: Int, rhsDepth: Int
    /// The broadcast batch dimensions (`max(rank) - 2` values), nil when they do not broadcast.
    var batchShape: [Int]?

    init(lhs: Shape, rhs: Shape, adjX: Bool, adjY: Bool) {
        rows = adjX ? lhs[-1] : lhs[-2]
        lhsDepth = adjX ? lhs[-2] : lhs[-1]
        rhsDepth = adjY ? rhs[-1] : rhs[-2]
        cols = adjY ? rhs[-2] : rhs[-1]
        let l = Array(lhs.dims.dropLast(2)), r = Array(rhs.dims.dropLast(2))
        let rank = max(l.count, r.count)
        let lp = [Int](repeating: 1, count: rank - l.count) + l, rp = [Int](repeating: 1, count: rank - r.count) + r
        var batch: [Int]? = []
        for (a, b) in zip(lp, rp) {
            guard a == b || a == 1 || b == 1 else {
                batch = nil
                break
            }
            batch?.append(a == 1 ? b : a)
        }
        batchShape = batch
    }
}

/// The constants of one BATCH_MATMUL: output matrices `[rows, cols]` for every index of
/// `batchDims` (row-major), each element reading lhs at `batch offset + a * lhsRowStride + k *
/// lhsDepthStride` and rhs at `batch offset + k * rhsDepthStride + c * rhsColStride` (elements).
public struct BatchMatMulParams: Sendable, Hashable {
    /// The output's batch dimensions (empty for two matrices).
    public var batchDims: [Int]
    /// Element offset of each operand's matrix per step of each batch dimension (0: broadcast).
    public var lhsBatchStrides: [Int], rhsBatchStrides: [Int]
    public var rows: Int, cols: Int, depth: Int
    public var lhsRowStride: Int, lhsDepthStride: Int
    public var rhsDepthStride: Int, rhsColStride: Int
    public var lhsZeroPoint: Int32, rhsZeroPoint: Int32
    /// One multiplier, the output zero point, clamp [-128, 127].
    public var output: OutputRequantization
    /// The same op as a FULLY_CONNECTED when the rhs is one constant matrix (every batch
    /// dimension 1) and `adj_x` is false (lhs rows are contiguous): its kernels then apply.
    public var fullyConnected: FullyConnectedParams?

    /// Number of output matrices.
    public var batches: Int { batchDims.reduce(1, *) }

    /// Element offsets of output matrix `b`'s operands (`b` in row-major order over `batchDims`).
    public func operandOffsets(batch b: Int) -> (lhs: Int, rhs: Int) {
        var rest = b, lhs = 0, rhs = 0
        for d in batchDims.indices.reversed() {
            let i = rest % batchDims[d]
            rest /= batchDims[d]
            lhs += i * lhsBatchStrides[d]
            rhs += i * rhsBatchStrides[d]
        }
        return (lhs, rhs)
    }

    /// The int8 output element `[b, a, c]`: TFLM's wrapping int32 sum, requantized and clamped.
    public func element(lhs: [Int8], rhs: [Int8], batch b: Int, row a: Int, col c: Int) -> Int8 {
        let (lo, ro) = operandOffsets(batch: b)
        var acc: Int32 = 0
        for k in 0..<depth {
            let l = Int32(lhs[lo + a * lhsRowStride + k * lhsDepthStride]) - lhsZeroPoint
            let r = Int32(rhs[ro + k * rhsDepthStride + c * rhsColStride]) - rhsZeroPoint
            acc = acc &+ l &* r
        }
        let m = output.multipliers[0]
        let scaled = QuantizedMath.multiplyByQuantizedMultiplier(acc, m) &+ output.zeroPoint
        return QuantizedMath.clampToInt8(scaled, output.range)
    }
}
