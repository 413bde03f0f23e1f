import IR

/// `mcuc_binary_params` (`Templates/kernels/mcuc_elementwise.h`): ADD, SUB and MUL. MUL uses
/// `mult` and `shift` only; its `left_shift`, `mult1`, `shift1`, `mult2` and `shift2` are 0.
struct BinaryKernelParams: KernelParams {
    static let cType = "mcuc_binary_params"
    var rank: Int32
    var count: Int32
    var dims: RankArray
    var stride1: RankArray
    var stride2: RankArray
    var zp1: Int32, zp2: Int32, outputZp: Int32
    var actMin: Int32, actMax: Int32
    var leftShift: Int32
    var mult1: Int32, shift1: Int32
    var mult2: Int32, shift2: Int32
    var mult: Int32, shift: Int32
}

/// How the binary kernels walk their operands: with `rank` 0 both inputs have the output's
/// shape; otherwise NumPy broadcasting over `dims` with per-input element strides (0 where an
/// input repeats).
struct BroadcastGeometry {
    var rank: Int32
    var dims: RankArray, stride1: RankArray, stride2: RankArray

    init(_ a: Shape, _ b: Shape, into out: Shape) {
        guard a != out || b != out else {
            (rank, dims, stride1, stride2) = (0, RankArray([]), RankArray([]), RankArray([]))
            return
        }
        rank = Int32(out.rank)
        dims = RankArray(out.dims)
        stride1 = RankArray(BroadcastStrides.of(a, into: out))
        stride2 = RankArray(BroadcastStrides.of(b, into: out))
    }
}

extension OpLowering {
    /// ADD / SUB: output elements in increasing order, each written right after its operands were
    /// read, so the output may overwrite an operand with its shape and type.
    func addSub(_ p: AddSubParams, symbol: String) -> KernelCall {
        let (x1, x2) = (operand(0), operand(1))
        let g = BroadcastGeometry(graph[x1].shape, graph[x2].shape, into: graph[output].shape)
        let params = BinaryKernelParams(
            rank: g.rank, count: count(output), dims: g.dims, stride1: g.stride1, stride2: g.stride2,
            zp1: p.zeroPoint1, zp2: p.zeroPoint2, outputZp: p.outputZeroPoint, actMin: p.range.lowerBound,
            actMax: p.range.upperBound, leftShift: p.leftShift, mult1: p.multiplier1.multiplier,
            shift1: p.multiplier1.shift, mult2: p.multiplier2.multiplier, shift2: p.multiplier2.shift,
            mult: p.outputMultiplier.multiplier, shift: p.outputMultiplier.shift)
        return binary(bind(.elementwise, symbol, params, [.tensor(x1), .tensor(x2), .tensor(output)],
                           tables: constantTables([x1, x2])))
    }

    /// MUL, walked like ADD.
    func mul(_ p: MulParams) -> KernelCall {
        let (x1, x2) = (operand(0), operand(1))
        let g = BroadcastGeometry(graph[x1].shape, graph[x2].shape, into: graph[output].shape)
        let params = BinaryKernelParams(
            rank: g.rank, count: count(output), dims: g.dims, stride1: g.stride1, stride2: g.stride2,
            zp1: p.zeroPoint1, zp2: p.zeroPoint2, outputZp: p.outputZeroPoint, actMin: p.range.lowerBound,
            actMax: p.range.upperBound, leftShift: 0, mult1: 0, shift1: 0, mult2: 0, shift2: 0,
            mult: p.multiplier.multiplier, shift: p.multiplier.shift)
        return binary(bind(.elementwise, "mcuc_mul_" + typeTag(output), params, [.tensor(x1), .tensor(x2), .tensor(output)],
                           tables: constantTables([x1, x2])))
    }

    /// MAXIMUM / MINIMUM: the raw larger (smaller) value, walked like ADD; only the geometry and
    /// the full int8 clamp range are set.
    func rawBinary(symbol: String) -> KernelCall {
        let (x1, x2) = (operand(0), operand(1))
        let g = BroadcastGeometry(graph[x1].shape, graph[x2].shape, into: graph[output].shape)
        let params = BinaryKernelParams(
            rank: g.rank, count: count(output), dims: g.dims, stride1: g.stride1, stride2: g.stride2,
            zp1: 0, zp2: 0, outputZp: 0, actMin: -128, actMax: 127, leftShift: 0, mult1: 0, shift1: 0, mult2: 0,
            shift2: 0, mult: 0, shift: 0)
        return binary(bind(.elementwise, symbol, params, [.tensor(x1), .tensor(x2), .tensor(output)],
                           tables: constantTables([x1, x2])))
    }

    /// The call of a binary kernel: it may overwrite an operand that has the output's shape and
    /// element type (`readThenWrite`, gap 0).
    func binary(_ binding: KernelBinding) -> KernelCall {
        let candidates = inputs.filter {
            graph[$0].shape == graph[output].shape && graph[$0].type == graph[output].type && mayOverlap($0)
        }
        guard let input = candidates.first else { return call(.elementwiseBinary, binding) }
        return call(.elementwiseBinary, binding, contract: .streaming(input: input, minimumGap: 0, order: .readThenWrite))
    }

    /// The call of an element-wise unary kernel: element `i` is read, then output element `i`
    /// written, in increasing order (`readThenWrite`).
    func unary(_ binding: KernelBinding) -> KernelCall {
        call(.elementwiseUnary, binding, contract: streaming(.readThenWrite) {
            StreamingGap.readThenWrite(units: graph[output].shape.elementCount,
                                       inputUnitBytes: elementBytes(dataInput), outputUnitBytes: elementBytes(output))
        })
    }

    /// The operands of a unary kernel: its input (a constant's table when it is one) and output.
    func unaryBinding(_ family: KernelFamily, _ symbol: String, _ params: some KernelParams) -> KernelBinding {
        bind(family, symbol, params, [.tensor(operand(0)), .tensor(output)], tables: constantTables([operand(0)]))
    }
}

extension OpLowering {    /// SQUARED_DIFFERENCE, walked like ADD (`mcuc_squared_difference_s8`): ADD's left shift and
    /// input multipliers, then the squared difference through `mult` / `shift`.
    func squaredDifference(_ p: SquaredDifferenceParams) -> KernelCall {
        let (x1, x2) = (operand(0), operand(1))
        let g = BroadcastGeometry(graph[x1].shape, graph[x2].shape, into: graph[output].shape)
        let params = BinaryKernelParams(
            rank: g.rank, count: count(output), dims: g.dims, stride1: g.stride1, stride2: g.stride2,
            zp1: p.zeroPoint1, zp2: p.zeroPoint2, outputZp: p.outputZeroPoint, actMin: -128, actMax: 127,
            leftShift: p.leftShift, mult1: p.multiplier1.multiplier, shift1: p.multiplier1.shift,
            mult2: p.multiplier2.multiplier, shift2: p.multiplier2.shift,
            mult: p.outputMultiplier.multiplier, shift: p.outputMultiplier.shift)
        return binary(bind(.elementwiseMore, "mcuc_squared_difference_s8", params, [.tensor(x1), .tensor(x2), .tensor(output)],
                           tables: constantTables([x1, x2])))
    }

    /// PRELU, walked like ADD with alpha as input 2 (`mcuc_prelu_s8`): `mult1` / `shift1` rescale
    /// `x - zp` where it is not negative, `mult2` / `shift2` its product with `alpha - zp2`.
    func prelu(_ p: PreluParams) -> KernelCall {
        let (x, alpha) = (operand(0), operand(1))
        let g = BroadcastGeometry(graph[x].shape, graph[alpha].shape, into: graph[output].shape)
        let params = BinaryKernelParams(
            rank: g.rank, count: count(output), dims: g.dims, stride1: g.stride1, stride2: g.stride2,
            zp1: p.inputZeroPoint, zp2: p.alphaZeroPoint, outputZp: p.outputZeroPoint, actMin: -128, actMax: 127,
            leftShift: 0, mult1: p.positive.multiplier, shift1: p.positive.shift,
            mult2: p.negative.multiplier, shift2: p.negative.shift, mult: 0, shift: 0)
        return binary(bind(.elementwiseMore, "mcuc_prelu_s8", params, [.tensor(x), .tensor(alpha), .tensor(output)],
                           tables: constantTables([x, alpha])))
    }
}
