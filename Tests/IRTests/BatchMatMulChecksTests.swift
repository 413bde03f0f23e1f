import IR
import Testing
import TestSupport

/// BATCH_MATMUL: ranks 2 to 5 with broadcast batch dimensions and adj_x / adj_y are accepted;
/// what TFLM's Prepare rejects (rank, depth, batch broadcasting, output shape, int16 with this
/// build, hybrid float) and per-channel quantization are one-line errors naming the op.
@Suite struct BatchMatMulChecksTests {
    static func graph(_ lhs: [Int], _ rhs: [Int], output: [Int], adjX: Bool = false, adjY: Bool = false,
                      constantRhs: Bool = false, rhsQuant: QuantParams = .perTensor(scale: 0.02, zeroPoint: 3),
                      lhsType: DataType = .int8) -> Graph {
        var b = GraphBuilder()
        let x: TensorID
        if lhsType == .int8 {
            x = b.input(lhs, scale: 0.05, zeroPoint: -4, name: "lhs")
        } else {
            x = b.add(Tensor(id: TensorID(0), name: "lhs", type: lhsType, shape: Shape(lhs),
                             quant: lhsType == .float32 ? nil : .perTensor(scale: 0.05, zeroPoint: 0)))
        }
        let count = Shape(rhs).elementCount
        let y = constantRhs
            ? b.constInt8(rhs, (0..<count).map { Int8(truncatingIfNeeded: $0 * 7 - 50) }, quant: rhsQuant, name: "rhs")
            : b.add(Tensor(id: TensorID(0), name: "rhs", type: .int8, shape: Shape(rhs), quant: rhsQuant))
        let out = b.activation(output, scale: 0.1, zeroPoint: 2, name: "out")
        b.node(.batchMatMul(BatchMatMul(adjX: adjX, adjY: adjY)), inputs: [x, y], output: out)
        return b.build()
    }

    static func problem(_ g: Graph) -> CompileError? { SupportCheck.problem(with: g.nodes[0], in: g) }

    @Test func acceptedShapes() {
        #expect(Self.problem(Self.graph([3, 5], [5, 4], output: [3, 4])) == nil)
        #expect(Self.problem(Self.graph([2, 1, 3, 2, 4], [1, 2, 1, 4, 3], output: [2, 2, 3, 2, 3])) == nil)
        #expect(Self.problem(Self.graph([3, 5], [2, 2, 5, 4], output: [2, 2, 3, 4])) == nil)
        #expect(Self.problem(Self.graph([2, 5, 3], [2, 4, 5], output: [2, 3, 4], adjX: true, adjY: true)) == nil)
        #expect(Self.problem(Self.graph([2, 3, 5], [5, 4], output: [2, 3, 4], constantRhs: true)) == nil)
    }

    @Test func oneLineErrors() {
        let cases: [(Graph, CompileError.Kind, String)] = [
            (Self.graph([5], [5, 4], output: [4]), .unsupported, "lhs has rank 1; TFLM's BATCH_MATMUL takes rank 2 to 5"),
            (Self.graph([3, 5], [1, 1, 1, 1, 5, 4], output: [1, 1, 1, 1, 3, 4]), .unsupported, "rhs has rank 6"),
            (Self.graph([3, 5], [6, 4], output: [3, 4]), .malformed, "lhs depth 5 differs from rhs depth 6"),
            (Self.graph([2, 3, 5], [3, 5, 4], output: [3, 3, 4]), .malformed, "do not broadcast"),
            (Self.graph([3, 5], [5, 4], output: [1, 3, 4]), .malformed, "output has shape [1, 3, 4]"),
            (Self.graph([3, 5], [5, 4], output: [4, 3]), .malformed, "is [3, 4]"),
            (Self.graph([3, 5], [5, 4], output: [3, 4], constantRhs: true,
                        rhsQuant: QuantParams(scale: [0.1, 0.2, 0.3, 0.4], zeroPoint: [0, 0, 0, 0], axis: 1)),
             .unsupported, "rhs has per-channel quantization"),
            (Self.graph([3, 5], [5, 4], output: [3, 4], lhsType: .int16), .unsupported, "int16"),
            (Self.graph([3, 5], [5, 4], output: [3, 4], lhsType: .float32), .unsupported, "float32"),
        ]
        for (g, kind, text) in cases {
            let e = Self.problem(g)
            #expect(e?.kind == kind, "\(text)")
            #expect(e.map { !$0.description.contains("\n") && $0.description.contains("op 0 (BATCH_MATMUL)")
                            && $0.description.contains(text) } == true, "\(e?.description ?? "accepted"): \(text)")
        }
    }

    @Test func stridesFollowTheAdjointFlagsAndBroadcasting() {
        let g = Self.graph([1, 3, 5, 2], [2, 1, 4, 5], output: [2, 3, 2, 4], adjX: true, adjY: true)
        let p = BatchMatMul(adjX: true, adjY: true).prepare(OpOperands(node: g.nodes[0], graph: g))
        #expect(p.batchDims == [2, 3] && p.rows == 2 && p.depth == 5 && p.cols == 4)
        #expect(p.lhsBatchStrides == [0, 10] && p.rhsBatchStrides == [20, 0])
        #expect(p.lhsRowStride == 1 && p.lhsDepthStride == 2 && p.rhsDepthStride == 1 && p.rhsColStride == 5)
        #expect(p.lhsZeroPoint == -4 && p.rhsZeroPoint == 3 && p.fullyConnected == nil)
    }

    @Test func oneConstantRhsMatrixIsAFullyConnected() {
        let g = Self.graph([2, 3, 5], [1, 5, 4], output: [2, 3, 4], constantRhs: true)
        let p = BatchMatMul(adjX: false, adjY: false).prepare(OpOperands(node: g.nodes[0], graph: g))
        let fc = try? #require(p.fullyConnected)
        #expect(fc?.batches == 6 && fc?.units == 4 && fc?.depth == 5 && fc?.filterOffset == -3 && fc?.inputZeroPoint == -4)
        // filter[c][k] = rhs[k][c] (rhs values 7i - 50 in row-major [5, 4]).
        #expect(fc?.filter[1 * 5 + 2] == Int8(7 * (2 * 4 + 1) - 50))
        #expect(fc?.bias == [0, 0, 0, 0] && fc?.output == p.output)
        let batched = Self.graph([2, 3, 5], [2, 5, 4], output: [2, 3, 4], constantRhs: true)
        #expect(BatchMatMul(adjX: false, adjY: false).prepare(OpOperands(node: batched.nodes[0], graph: batched))
            .fullyConnected == nil)
        let adjX = Self.graph([5, 3], [5, 4], output: [3, 4], adjX: true, constantRhs: true)
        #expect(BatchMatMul(adjX: true, adjY: false).prepare(OpOperands(node: adjX.nodes[0], graph: adjX))
            .fullyConnected == nil)
    }
}
