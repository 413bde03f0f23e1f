import IR
import Testing
import TestSupport

/// MAXIMUM / MINIMUM (raw values, broadcasting up to rank 5) and ABS (requantized like RELU).
@Suite struct MaximumMinimumAbsChecksTests {
    static func binary(_ op: Op, _ a: [Int], _ b: [Int], _ out: [Int]) -> CompileError? {
        var g = GraphBuilder()
        let x = g.input(a, scale: 0.05, zeroPoint: 3, name: "a"), y = g.input(b, scale: 0.05, zeroPoint: 3, name: "b")
        let z = g.activation(out, scale: 0.05, zeroPoint: 3, name: "z")
        g.node(op, inputs: [x, y], output: z)
        let graph = g.build(outputs: [z])
        return SupportCheck.problem(with: graph.nodes[0], in: graph)
    }

    @Test func maximumAndMinimumBroadcastUpToRank5() {
        for op in [Op.maximum(Maximum()), Op.minimum(Minimum())] {
            #expect(Self.binary(op, [1, 3, 5, 4], [1, 1, 1, 4], [1, 3, 5, 4]) == nil)
            #expect(Self.binary(op, [2, 1, 3, 1, 2], [1, 2, 1, 4, 1], [2, 2, 3, 4, 2]) == nil)
            #expect(Self.binary(op, [1, 3, 5, 4], [1, 1, 1, 3], [1, 3, 5, 4])?.kind == .malformed)
            let deep = Self.binary(op, [1, 1, 2, 1, 1, 2], [1, 1, 2, 1, 1, 2], [1, 1, 2, 1, 1, 2])
            #expect(deep?.kind == .unsupported && deep?.message.contains("rank up to 5") == true)
        }
    }

    @Test func absRequantizesLikeRelu() throws {
        let op = Op.abs(Abs())
        #expect(PointwiseOpChecksTests.unary(op, (0.05, -20), (0.03, -128)) == nil)
        #expect(PointwiseOpChecksTests.unary(op, (0.05, -20), (0.05, -20), outShape: [1, 7])?.kind == .malformed)
        #expect(PointwiseOpChecksTests.unary(op, (1000, 0), (1e-6, 0))?.kind == .unsupported)
        let g = PointwiseOpChecksTests.graph(op, input: [1, 8], (0.04, 10), output: [1, 8], (0.04, 10))
        guard case .abs(let abs) = g.nodes[0].op else { Issue.record("not ABS"); return }
        // Equal scales: M(1.0) = (2^30, 1), which MBQM applies as the identity.
        #expect(abs.prepare(OpOperands(node: g.nodes[0], graph: g)).multiplier == FixedPointMultiplier(multiplier: 1 << 30, shift: 1))
    }
}
