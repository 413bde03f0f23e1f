import IR
import Testing
import TestSupport

/// TRANSPOSE_CONV: operands (output shape, filter OHWI, input, bias?), TFLM's padding computed over
/// the output, one-line errors for what mcuc or TFLM does not run.
@Suite struct TransposeConvChecksTests {
    struct Case {
        var input = [1, 3, 3, 2], output = [1, 6, 6, 4], filter = [4, 4, 4, 2]
        var shapeOperand: [Int32]? = nil
        var padding = Padding.same, stride = 2
        var activation = FusedActivation.none
        var weightQ = QuantParams(scale: [0.01, 0.02, 0.03, 0.04], zeroPoint: [0, 0, 0, 0], axis: 0)
        var bias: [Int32]? = [1, 2, 3, 4]
        var filterIsConstant = true

        func graph() -> Graph {
            var b = GraphBuilder()
            let shape = b.constInt32([4], shapeOperand ?? output.map(Int32.init), name: "output_shape")
            let count = filter.reduce(1, *)
            let w = filterIsConstant
                ? b.constInt8(filter, (0..<count).map { Int8(truncatingIfNeeded: $0 * 7) }, quant: weightQ, name: "w")
                : b.input(filter, scale: 0.01, zeroPoint: 0, name: "w")
            let x = b.input(input, scale: 0.05, zeroPoint: 3, name: "x")
            let bi = bias.map { b.constInt32([$0.count], $0, name: "bias") }
            let y = b.activation(output, scale: 0.1, zeroPoint: -5, name: "y")
            let op = Op.transposeConv(TransposeConv(padding: padding, strideH: stride, strideW: stride,
                                                    activation: activation))
            b.node(op, inputs: bias == nil ? [shape, w, x] : [shape, w, x, bi], output: y)
            return b.build(outputs: [y])
        }

        var problem: CompileError? { let g = graph(); return SupportCheck.problem(with: g.nodes[0], in: g) }
        var params: TransposeConvParams? {
            let g = graph()
            guard case .transposeConv(let d) = g.nodes[0].op else { return nil }
            return d.prepare(OpOperands(node: g.nodes[0], graph: g))
        }
    }

    @Test func paddingIsComputedOverTheOutput() {
        // k4 s2 SAME, 6 output rows: a convolution of 6 gives 3, total padding 2 * 2 + 4 - 6 = 2.
        #expect(Case().problem == nil)
        #expect(Case().params?.padTop == 1 && Case().params?.padLeft == 1)
        // k3 s2 SAME to 8: total 3 * 2 + 3 - 8 = 1, the smaller half (0) before.
        let odd = Case(input: [1, 4, 4, 2], output: [1, 8, 8, 4], filter: [4, 3, 3, 2])
        #expect(odd.problem == nil && odd.params?.padTop == 0)
        // VALID: (3 - 1) * 2 + 3 = 7, no padding; no bias gives zeros.
        let valid = Case(output: [1, 7, 7, 4], filter: [4, 3, 3, 2], padding: .valid, bias: nil)
        #expect(valid.problem == nil && valid.params?.padTop == 0 && valid.params?.bias == [0, 0, 0, 0])
        // Per-tensor weights: one multiplier.
        let perTensor = Case(weightQ: QuantParams(scale: [0.02], zeroPoint: [0]))
        #expect(perTensor.problem == nil && perTensor.params?.output.isPerChannel == false)
        #expect(Case(activation: .relu6).problem == nil)
    }

    @Test func refusesWhatItCannotRun() {
        func message(_ c: Case) -> String? { c.problem.map { "\($0)" } }
        #expect(Case(filter: [4, 4, 4, 3]).problem?.kind == .malformed)
        #expect(Case(output: [1, 6, 6, 5]).problem?.kind == .malformed)
        #expect(Case(shapeOperand: [1, 6, 6, 3]).problem?.kind == .malformed)
        let notTranspose = Case(output: [1, 8, 8, 4])
        #expect(notTranspose.problem?.kind == .unsupported)
        #expect(message(notTranspose)?.contains("not its transpose") == true)
        #expect(Case(filterIsConstant: false).problem?.kind == .unsupported)
        #expect(Case(bias: [1, 2, 3]).problem?.kind == .malformed)
        let axis3 = Case(weightQ: QuantParams(scale: [0.01, 0.02], zeroPoint: [0, 0], axis: 3))
        #expect(axis3.problem?.kind == .unsupported)
        let zp = Case(weightQ: QuantParams(scale: [0.01, 0.02, 0.03, 0.04], zeroPoint: [0, 1, 0, 0], axis: 0))
        #expect(zp.problem?.kind == .unsupported)
        let tanh = Case(activation: .tanh)
        #expect(tanh.problem?.kind == .unsupported)
        #expect(Case(stride: 0).problem?.kind == .malformed)
        // Every refusal is one line naming the op.
        for c in [notTranspose, axis3, zp, tanh] {
            let text = message(c) ?? ""
            #expect(!text.contains("\n") && text.contains("TRANSPOSE_CONV"))
        }
    }

    /// int16x8 (TFLM's 16x8 kernel) is supported; an int32 bias, which TFLM would read as int64,
    /// is refused in one line.
    @Test func int16ActivationsRunAndAnInt32BiasIsRefusedInOneLine() {
        func graph(bias: Bool) -> Graph {
            var b = GraphBuilder()
            let shape = b.constInt32([4], [1, 4, 4, 1], name: "output_shape")
            let w = b.constInt8([1, 2, 2, 1], [1, 2, 3, 4], quant: QuantParams(scale: [0.01], zeroPoint: [0]), name: "w")
            let x = b.add(Tensor(id: TensorID(0), name: "x", type: .int16, shape: Shape([1, 2, 2, 1]),
                                 quant: .perTensor(scale: 0.01, zeroPoint: 0)))
            let bias = bias ? b.constInt32([1], [5], name: "bias") : nil
            let y = b.add(Tensor(id: TensorID(0), name: "y", type: .int16, shape: Shape([1, 4, 4, 1]),
                                 quant: .perTensor(scale: 0.01, zeroPoint: 0)))
            b.node(.transposeConv(TransposeConv(padding: .valid, strideH: 2, strideW: 2, activation: .none)),
                   inputs: [shape, w, x, bias], output: y)
            return b.build(outputs: [y])
        }
        let plain = graph(bias: false)
        #expect(SupportCheck.problem(with: plain.nodes[0], in: plain) == nil)
        let withInt32 = graph(bias: true)
        let problem = SupportCheck.problem(with: withInt32.nodes[0], in: withInt32)
        #expect(problem?.kind == .unsupported)
        let text = problem.map { "\($0)" } ?? ""
        #expect(text.contains("TRANSPOSE_CONV") && text.contains("int16 or int64") && !text.contains("\n"), "\(text)")
    }
}
