import IR
import Testing
import TestSupport

/// SQUARED_DIFFERENCE (broadcasting up to rank 4) and PRELU (alpha broadcast into the input,
/// rank <= 4, bounded rescales): what TFLM accepts passes, the rest is a located one-line error.
@Suite struct SquaredDifferencePreluChecksTests {
    static func binary(_ op: Op, _ a: [Int], _ b: [Int], _ out: [Int], bScale: Float = 0.05,
                       outScale: Float = 0.05) -> CompileError? {
        var g = GraphBuilder()
        let x = g.input(a, scale: 0.05, zeroPoint: 3, name: "a"), y = g.input(b, scale: bScale, zeroPoint: -2, name: "b")
        let z = g.activation(out, scale: outScale, zeroPoint: -128, name: "z")
        g.node(op, inputs: [x, y], output: z)
        let graph = g.build(outputs: [z])
        return SupportCheck.problem(with: graph.nodes[0], in: graph)
    }

    @Test func squaredDifferenceBroadcastsUpToRank4() {
        let op = Op.squaredDifference(SquaredDifference())
        #expect(Self.binary(op, [1, 3, 4, 5], [1, 1, 1, 5], [1, 3, 4, 5]) == nil)
        #expect(Self.binary(op, [2, 1, 2, 1, 2], [2, 1, 2, 1, 2], [2, 1, 2, 1, 2]) == nil)
        let deep = Self.binary(op, [2, 1, 2, 1, 2], [1, 1, 1, 1, 2], [2, 1, 2, 1, 2])
        #expect(deep?.kind == .unsupported && deep?.message.contains("rank 4") == true)
        #expect(Self.binary(op, [1, 3, 4, 5], [1, 1, 1, 3], [1, 3, 4, 5])?.kind == .malformed)
        #expect(Self.binary(op, [4], [4], [4], outScale: 1e-17)?.kind == .unsupported)
    }

    @Test func preluAlphaBroadcastsIntoTheInput() {
        let op = Op.prelu(Prelu())
        #expect(Self.binary(op, [1, 4, 4, 5], [1, 1, 5], [1, 4, 4, 5], bScale: 0.004) == nil)
        #expect(Self.binary(op, [3, 7], [1], [3, 7], bScale: 0.004) == nil)
        #expect(Self.binary(op, [1, 1, 5], [1, 4, 4, 5], [1, 4, 4, 5])?.kind == .malformed)
        let deep = Self.binary(op, [1, 2, 2, 2, 5], [5], [1, 2, 2, 2, 5])
        #expect(deep?.kind == .unsupported && deep?.message.contains("rank up to 4") == true)
        #expect(Self.binary(op, [3, 7], [1], [3, 7], outScale: 1e-9)?.kind == .unsupported)
        let alpha = Self.binary(op, [3, 7], [1], [3, 7], bScale: 40000, outScale: 0.01)
        #expect(alpha?.kind == .unsupported && alpha?.message.contains("alpha rescale") == true)
    }
}
