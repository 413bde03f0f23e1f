import IR
import Testing
import TestSupport

/// ARG_MAX / ARG_MIN: a constant one-element axis, an int32 output of the input's shape without
/// that axis (TFLM's Eval writes int32 only); one-line errors for the rest; int32 graph outputs
/// pass the interface check, int32 graph inputs do not.
@Suite struct ArgMinMaxChecksTests {
    static func graph(_ op: Op, axis: [Int32], output: [Int], type: DataType = .int32,
                      constantAxis: Bool = true) -> Graph {
        var b = GraphBuilder()
        let x = b.input([2, 5, 3], scale: 0.05, zeroPoint: 3, name: "x")
        let a = constantAxis ? b.constInt32([axis.count], axis, name: "axis")
            : b.add(Tensor(id: TensorID(0), name: "axis", type: .int32, shape: Shape([1])))
        let y = b.add(Tensor(id: TensorID(0), name: "y", type: type, shape: Shape(output)))
        b.node(op, inputs: [x, a], output: y)
        return b.build()
    }

    static func problem(_ g: Graph) -> CompileError? { SupportCheck.problem(with: g.nodes[0], in: g) }

    @Test func geometryOfTheResolvedAxis() throws {
        for (op, largest) in [(Op.argMax(ArgMax()), true), (Op.argMin(ArgMin()), false)] {
            let g = Self.graph(op, axis: [-2], output: [2, 3])
            #expect(SupportCheck.problems(in: g).isEmpty)
            let operands = OpOperands(node: g.nodes[0], graph: g)
            let p: ArgReduction
            switch op {
            case .argMax(let d): p = d.prepare(operands)
            case .argMin(let d): p = d.prepare(operands)
            default: Issue.record("not an arg op"); return
            }
            #expect(p == ArgReduction(outer: 2, axis: 5, inner: 3, largest: largest))
        }
    }

    @Test func int64OutputIsRefusedWithTFLMsReason() throws {
        let e = try #require(Self.problem(Self.graph(.argMax(ArgMax()), axis: [1], output: [2, 3], type: .int64)))
        #expect(e.kind == .unsupported)
        #expect(e.message.contains("TFLM's ARG_MAX writes int32 only"))
        let line = e.description
        #expect(!line.contains("\n") && line.contains("ARG_MAX") && line.contains("0"))
        let float = try #require(Self.problem(Self.graph(.argMin(ArgMin()), axis: [1], output: [2, 3], type: .float32)))
        #expect(float.kind == .unsupported && float.description.contains("ARG_MIN"))
    }

    @Test func axisRules() {
        let op = Op.argMin(ArgMin())
        #expect(Self.problem(Self.graph(op, axis: [1], output: [2, 3], constantAxis: false))?.kind == .unsupported)
        #expect(Self.problem(Self.graph(op, axis: [1, 2], output: [2, 3]))?.kind == .malformed)
        #expect(Self.problem(Self.graph(op, axis: [3], output: [2, 5]))?.kind == .malformed)
        #expect(Self.problem(Self.graph(op, axis: [-4], output: [5, 3]))?.kind == .malformed)
        #expect(Self.problem(Self.graph(op, axis: [0], output: [5, 3])) == nil)
        #expect(Self.problem(Self.graph(op, axis: [0], output: [3, 5]))?.kind == .malformed)
        #expect(Self.problem(Self.graph(op, axis: [2], output: [2, 5, 1]))?.kind == .malformed)
    }

    @Test func int32GraphInputsStayRefused() {
        var b = GraphBuilder()
        let x = b.add(Tensor(id: TensorID(0), name: "x", type: .int32, shape: Shape([4])))
        let y = b.activation([4], scale: 0.1, zeroPoint: 0, name: "y")
        b.node(.relu(Relu()), inputs: [x], output: y)
        var g = b.build()
        g.inputs = [x]
        let messages = SupportCheck.problems(in: g).map(\.message)
        #expect(messages.contains { $0.contains("graph input 0 has type int32") })
    }
}
