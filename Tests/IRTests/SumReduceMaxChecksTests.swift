import IR
import Testing
import TestSupport

/// SUM (MEAN without 1/N) and REDUCE_MAX (input quantization on the output): MEAN's axis rules,
/// one-line errors for the rest.
@Suite struct SumReduceMaxChecksTests {
    static func graph(_ op: Op, axes: [Int32], output: [Int], outQ: (Float, Int32)) -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 4, 5, 3], scale: 0.05, zeroPoint: 3, name: "x")
        let a = b.constInt32([axes.count], axes, name: "axes")
        let y = b.activation(output, scale: outQ.0, zeroPoint: outQ.1, name: "y")
        b.node(op, inputs: [x, a], output: y)
        return b.build(outputs: [y])
    }

    static func problem(_ g: Graph) -> CompileError? { SupportCheck.problem(with: g.nodes[0], in: g) }

    @Test func sumIsMeanWithoutTheDivision() throws {
        let op = Op.sum(Sum(keepDims: true))
        #expect(Self.problem(Self.graph(op, axes: [1, 2], output: [1, 1, 1, 3], outQ: (0.5, -6))) == nil)
        #expect(Self.problem(Self.graph(op, axes: [4], output: [1, 4, 5, 1], outQ: (0.5, -6)))?.kind == .malformed)
        #expect(Self.problem(Self.graph(op, axes: [3], output: [1, 4, 5, 2], outQ: (0.5, -6)))?.kind == .malformed)
        let g = Self.graph(op, axes: [1, -2, 1], output: [1, 1, 1, 3], outQ: (0.5, -6))
        guard case .sum(let sum) = g.nodes[0].op else { return }
        let p = sum.prepare(OpOperands(node: g.nodes[0], graph: g))
        #expect(p.axes == [1, 2] && p.count == 20 && p.correction == 60)
        #expect(p.multiplier == FixedPointMultiplier(real: Double(Float(0.05)) / Double(Float(0.5))))
    }

    @Test func reduceMaxKeepsTheQuantization() {
        let op = Op.reduceMax(ReduceMax(keepDims: false))
        #expect(Self.problem(Self.graph(op, axes: [-1], output: [1, 4, 5], outQ: (0.05, 3))) == nil)
        let requant = Self.problem(Self.graph(op, axes: [-1], output: [1, 4, 5], outQ: (0.05, 4)))
        #expect(requant?.kind == .unsupported && requant?.message.contains("TFLM fails the invoke") == true)
    }
}
