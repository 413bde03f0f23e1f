import IR
import Testing

/// One-node graphs over given tensors (ids assigned in order: inputs, then the output; the
/// non-constant inputs are the graph's inputs).
enum Int16OpGraph {
    static func single(_ op: Op, inputs: [Tensor?], output: Tensor) -> Graph {
        var tensors: [Tensor] = []
        var operands: [TensorID?] = []
        for input in inputs {
            guard var t = input else {
                operands.append(nil)
                continue
            }
            t.id = TensorID(tensors.count)
            tensors.append(t)
            operands.append(t.id)
        }
        var out = output
        out.id = TensorID(tensors.count)
        tensors.append(out)
        let graphInputs = tensors.dropLast().filter { !$0.isConstant }.map(\.id)
        return Graph(tensors: tensors, nodes: [Node(id: NodeID(0), op: op, inputs: operands, outputs: [out.id])],
                     inputs: graphInputs, outputs: [out.id])
    }

    static func tensor(_ type: DataType, _ dims: [Int], scale: Float = 0.001, zeroPoint: Int32 = 0) -> Tensor {
        Tensor(id: TensorID(0), name: "x", type: type, shape: Shape(dims), quant: .perTensor(scale: scale, zeroPoint: zeroPoint))
    }

    static func problem(_ graph: Graph) -> String? { SupportCheck.problems(in: graph).first?.description }
}

/// The int16 rules of QUANTIZE, ADD, SUB, MUL, pooling, PAD and CONCATENATION: what TFLM accepts
/// compiles, the rest is one line naming op, type and tensor.
@Suite struct Int16OpChecksTests {
    typealias G = Int16OpGraph
    static func i16(_ dims: [Int]) -> Tensor { G.tensor(.int16, dims) }

    @Test func quantizeTakesEveryInt8Int16Pair() {
        for (from, to) in [(DataType.int8, DataType.int16), (.int16, .int8), (.int16, .int16), (.float32, .int16)] {
            var input = G.tensor(from, [4], scale: from == .int16 ? 0.001 : 0.05)
            if from == .float32 { input.quant = nil }
            let graph = G.single(.quantize(Quantize()), inputs: [input], output: G.tensor(to, [4], scale: to == .int16 ? 0.002 : 0.1))
            #expect(G.problem(graph) == nil, "\(from) -> \(to)")
        }
    }

    @Test func int16RequantizationMustNotOverflow() {
        // 65535 * 2^16 does not fit in int32: a left shift of 16 (ratio in [2^15, 2^16)) is refused.
        let graph = G.single(.quantize(Quantize()), inputs: [G.tensor(.int16, [4], scale: 1.0)],
                             output: G.tensor(.int16, [4], scale: 1.0 / 40000))
        #expect(G.problem(graph)?.contains("too large: scaling an int16 difference") == true)
        let ok = G.single(.quantize(Quantize()), inputs: [G.tensor(.int16, [4], scale: 1.0)],
                          output: G.tensor(.int16, [4], scale: 1.0 / 20000))
        #expect(G.problem(ok) == nil)
    }

    @Test func mixedElementTypesAreRefusedInOneLine() {
        let add = G.single(.add(Add(activation: .none)), inputs: [Self.i16([4]), G.tensor(.int8, [4])],
                           output: Self.i16([4]))
        #expect(G.problem(add) == "op 0 (ADD), tensor 1 'x': ADD with int16 and int8 operands: TFLM's kernel takes one element type")
        let pool = G.single(.maxPool2d(MaxPool2D(padding: .valid, strideH: 1, strideW: 1, filterH: 1, filterW: 1,
                                                 activation: .none)),
                            inputs: [Self.i16([1, 2, 2, 1])], output: G.tensor(.int8, [1, 2, 2, 1]))
        #expect(G.problem(pool)?.contains("MAX_POOL_2D with int16 and int8 operands") == true)
    }

    @Test func mulNeedsInt16ZeroPointsZero() {
        let good = G.single(.mul(Mul(activation: .none)), inputs: [Self.i16([4]), Self.i16([4])],
                            output: G.tensor(.int16, [4], scale: 0.0000005))
        #expect(G.problem(good) == nil)
        let bad = G.single(.mul(Mul(activation: .none)), inputs: [Self.i16([4]), G.tensor(.int16, [4], zeroPoint: 3)],
                           output: G.tensor(.int16, [4], scale: 0.0000005))
        #expect(G.problem(bad) == "op 0 (MUL), tensor 1 'x': input 1 is int16 with zero point 3; TFLM's int16 MUL needs zero point 0")
    }

    @Test func addSubUseLeftShift15ForInt16() {
        #expect(RescaleRecipe.addSub(input1: 0.001, input2: 0.002, output: 0.003, type: .int16).leftShift == 15)
        #expect(RescaleRecipe.addSub(input1: 0.001, input2: 0.002, output: 0.003).leftShift == 20)
        let graph = G.single(.sub(Sub(activation: .relu)), inputs: [Self.i16([2, 3]), G.tensor(.int16, [3], zeroPoint: -5)],
                             output: Self.i16([2, 3]))
        #expect(G.problem(graph) == nil)   // TFLM's int16 ADD / SUB take any zero point
    }

    @Test func fusedRangesSpanInt16() {
        let q = QuantParams.perTensor(scale: 0.001, zeroPoint: 0)
        #expect(ActivationRange.fused(.none, output: q, type: .int16) == -32768...32767)
        #expect(ActivationRange.fused(.relu, output: q, type: .int16) == 0...32767)
        #expect(ActivationRange.fused(.relu6, output: q, type: .int16) == 0...6000)
        #expect(ActivationRange.fused(.relu6, output: q) == 0...127)
    }

    @Test func int16PadFillsWithZeroWhateverTheZeroPoint() throws {
        let paddings = Tensor(id: TensorID(0), name: "p", type: .int32, shape: Shape([1, 2]),
                              data: [1, 0, 0, 0, 2, 0, 0, 0])
        let input = G.tensor(.int16, [2], zeroPoint: 7), output = G.tensor(.int16, [5], zeroPoint: 7)
        let graph = G.single(.pad(Pad()), inputs: [input, paddings], output: output)
        #expect(G.problem(graph) == nil)
        let params = Pad().prepare(OpOperands(node: graph.nodes[0], graph: graph))
        #expect(params.fill == 0)
        let int8 = G.single(.pad(Pad()), inputs: [G.tensor(.int8, [2], zeroPoint: 7), paddings],
                            output: G.tensor(.int8, [5], zeroPoint: 7))
        #expect(Pad().prepare(OpOperands(node: int8.nodes[0], graph: int8)).fill == 7)
    }

    @Test func int16PadV2TakesItsConstantRaw() {
        let paddings = Tensor(id: TensorID(0), name: "p", type: .int32, shape: Shape([1, 2]),
                              data: [1, 0, 0, 0, 0, 0, 0, 0])
        var value = G.tensor(.int16, [1], scale: 0.5)   // another quantization: TFLM copies the raw value
        value.data = [0x2E, 0xFB]   // -1234
        let graph = G.single(.padV2(PadV2()), inputs: [Self.i16([2]), paddings, value], output: Self.i16([3]))
        #expect(G.problem(graph) == nil)
        #expect(PadV2().prepare(OpOperands(node: graph.nodes[0], graph: graph)).fill == -1234)
    }

    @Test func concatenationKeepsOneType() {
        let graph = G.single(.concatenation(Concatenation(axis: -1, activation: .none)),
                             inputs: [Self.i16([1, 2]), G.tensor(.int8, [1, 3])], output: Self.i16([1, 5]))
        #expect(G.problem(graph)?.contains("CONCATENATION with int16 and int8 operands") == true)
    }
}
