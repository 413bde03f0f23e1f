import IR
import Testing
import TestSupport

/// SPLIT, SPLIT_V and UNPACK: what TFLM accepts passes, the rest is a located one-line error;
/// `prepare` gives the slices the kernel copies.
@Suite struct SplitUnpackChecksTests {
    static let q: (Float, Int32) = (0.05, 3)

    /// `op` on a [2, 6, 3] input with int32 constants placed before (`leading`) and after
    /// (`trailing`) it, and outputs of `outputs` shapes (quantization `outQ`).
    static func graph(_ op: Op, leading: [[Int32]] = [], trailing: [[Int32]] = [], outputs: [[Int]],
                      outQ: (Float, Int32) = q) -> Graph {
        var b = GraphBuilder()
        let lead = leading.map { b.constInt32([$0.count], $0, name: "c") }
        let x = b.input([2, 6, 3], scale: q.0, zeroPoint: q.1, name: "x")
        let trail = trailing.map { b.constInt32([$0.count], $0, name: "c") }
        let ys = outputs.map { b.activation($0, scale: outQ.0, zeroPoint: outQ.1, name: "y") }
        b.node(op, inputs: lead + [x] + trail, outputs: ys)
        return b.build(outputs: ys)
    }

    static func problem(_ g: Graph) -> CompileError? { SupportCheck.problem(with: g.nodes[0], in: g) }

    @Test func split() throws {
        let three = Op.split(Split(numSplits: 3))
        #expect(Self.problem(Self.graph(three, leading: [[1]], outputs: [[2, 2, 3], [2, 2, 3], [2, 2, 3]])) == nil)
        #expect(Self.problem(Self.graph(.split(Split(numSplits: 2)), leading: [[-3]], outputs: [[1, 6, 3], [1, 6, 3]])) == nil)
        let uneven = Self.problem(Self.graph(.split(Split(numSplits: 4)), leading: [[1]],
                                             outputs: [[2, 2, 3], [2, 2, 3], [2, 1, 3], [2, 1, 3]]))
        #expect(uneven?.kind == .malformed && uneven?.message.contains("equal parts") == true)
        #expect(Self.problem(Self.graph(three, leading: [[1]], outputs: [[2, 2, 3], [2, 2, 3]]))?.kind == .malformed)
        #expect(Self.problem(Self.graph(three, leading: [[3]], outputs: [[2, 2, 3], [2, 2, 3], [2, 2, 3]]))?.kind == .malformed)
        let requant = Self.problem(Self.graph(three, leading: [[1]], outputs: [[2, 2, 3], [2, 2, 3], [2, 2, 3]], outQ: (0.1, 3)))
        #expect(requant?.kind == .unsupported && requant?.message.contains("without requantizing") == true)
        let g = Self.graph(three, leading: [[-2]], outputs: [[2, 2, 3], [2, 2, 3], [2, 2, 3]])
        guard case .split(let s) = g.nodes[0].op else { return }
        let p = s.prepare(OpOperands(node: g.nodes[0], graph: g))
        #expect(p.input == 1 && p.axis == 1 && p.outer == 2 && p.sliceElements == [6, 6, 6])
    }

    @Test func splitV() throws {
        let op = Op.splitV(SplitV(numSplits: 3))
        #expect(Self.problem(Self.graph(op, trailing: [[1, -1, 2], [1]], outputs: [[2, 1, 3], [2, 3, 3], [2, 2, 3]])) == nil)
        #expect(Self.problem(Self.graph(op, trailing: [[2, 1, 0], [-1]], outputs: [[2, 6, 2], [2, 6, 1], [2, 6, 0]]))?.kind
                == .unsupported)
        #expect(Self.problem(Self.graph(op, trailing: [[1, 3, 2], [1]], outputs: [[2, 1, 3], [2, 3, 3], [2, 1, 3]]))?.kind
                == .malformed)
        let named = Self.problem(Self.graph(op, trailing: [[2, -1, 2], [1]], outputs: [[2, 1, 3], [2, 3, 3], [2, 2, 3]]))
        #expect(named?.kind == .malformed && named?.message.contains("size_splits") == true)
        let g = Self.graph(op, trailing: [[1, -1, 2], [-2]], outputs: [[2, 1, 3], [2, 3, 3], [2, 2, 3]])
        guard case .splitV(let s) = g.nodes[0].op else { return }
        let p = s.prepare(OpOperands(node: g.nodes[0], graph: g))
        #expect(p.input == 0 && p.axis == 1 && p.outer == 2 && p.sliceElements == [3, 9, 6])
    }

    @Test func unpack() throws {
        #expect(Self.problem(Self.graph(.unpack(Unpack(num: 3, axis: 2)), outputs: [[2, 6], [2, 6], [2, 6]])) == nil)
        #expect(Self.problem(Self.graph(.unpack(Unpack(num: 2, axis: -3)), outputs: [[6, 3], [6, 3]])) == nil)
        #expect(Self.problem(Self.graph(.unpack(Unpack(num: 3, axis: 0)), outputs: [[6, 3], [6, 3], [6, 3]]))?.kind
                == .malformed)
        #expect(Self.problem(Self.graph(.unpack(Unpack(num: 2, axis: 3)), outputs: [[6, 3], [6, 3]]))?.kind == .malformed)
        #expect(Self.problem(Self.graph(.unpack(Unpack(num: 2, axis: 0)), outputs: [[6, 3], [3, 6]]))?.kind == .malformed)
        let g = Self.graph(.unpack(Unpack(num: 6, axis: 1)), outputs: Array(repeating: [2, 3], count: 6))
        guard case .unpack(let u) = g.nodes[0].op else { return }
        let p = u.prepare(OpOperands(node: g.nodes[0], graph: g))
        #expect(p.axis == 1 && p.outer == 2 && p.sliceElements == Array(repeating: 3, count: 6))
    }

    @Test func singleOutputOpsStillHaveOne() {
        var b = GraphBuilder()
        let x = b.input([4], scale: Self.q.0, zeroPoint: Self.q.1, name: "x")
        let y = b.activation([4], scale: Self.q.0, zeroPoint: Self.q.1, name: "y")
        let z = b.activation([4], scale: Self.q.0, zeroPoint: Self.q.1, name: "z")
        b.node(.abs(Abs()), inputs: [x], outputs: [y, z])
        let g = b.build(outputs: [y, z])
        #expect(Self.problem(g)?.message.contains("has 2 outputs; ABS has 1") == true)
    }
}
