import IR
import Testing
import TestSupport

/// The int16x8 rules of CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and TRANSPOSE_CONV
/// (`Int16x8Accumulation.swift`): what TFLM runs passes with the accumulator TFLM picks, the rest
/// is a one-line error naming the op and the tensor.
@Suite struct Int16x8ChecksTests {
    static func problem(_ graph: Graph) -> CompileError? { SupportCheck.problems(in: graph).first }

    static func accumulation(_ graph: Graph) -> Int16x8Accumulation? {
        let node = graph.nodes[0], op = OpOperands(node: node, graph: graph)
        switch node.op {
        case .conv2d(let d): return d.prepare(op).int16x8
        case .depthwiseConv2d(let d): return d.prepare(op).int16x8
        case .fullyConnected(let d): return d.prepare(op).int16x8
        case .transposeConv(let d): return d.prepare(op).int16x8
        default: return nil
        }
    }

    @Test func tflmRunnableGraphsPass() {
        for graph in [Int16x8Graphs.conv(), Int16x8Graphs.conv(bias: (.int32, [1, 2, 3])), Int16x8Graphs.conv(bias: nil),
                      Int16x8Graphs.depthwise(), Int16x8Graphs.depthwise(bias: nil), Int16x8Graphs.fullyConnected(),
                      Int16x8Graphs.fullyConnected(bias: (.int64, [1, 2, 3])), Int16x8Graphs.transposeConv(),
                      Int16x8Graphs.transposeConv(bias: (.int64, [1, 2, 3])), Int16x8Graphs.transposeConv(bias: nil)] {
            #expect(Self.problem(graph) == nil, "\(Self.problem(graph)?.description ?? "")")
        }
    }

    /// TFLM: the bias type decides; without a bias `quantized_bias_type` int32 picks int32, anything
    /// else int64. DEPTHWISE_CONV_2D and TRANSPOSE_CONV always accumulate in int64.
    @Test func accumulatorAsTFLMPicksIt() {
        #expect(Self.accumulation(Int16x8Graphs.conv())?.width == .int64)
        #expect(Self.accumulation(Int16x8Graphs.conv(bias: (.int32, [1, 2, 3])))?.width == .int32)
        #expect(Self.accumulation(Int16x8Graphs.conv(bias: nil))?.width == .int64)
        #expect(Self.accumulation(Int16x8Graphs.conv(bias: nil, quantizedBiasType: .int32))?.width == .int32)
        #expect(Self.accumulation(Int16x8Graphs.conv(bias: nil, quantizedBiasType: .int64))?.width == .int64)
        #expect(Self.accumulation(Int16x8Graphs.fullyConnected())?.width == .int32)
        #expect(Self.accumulation(Int16x8Graphs.fullyConnected(bias: nil, quantizedBiasType: .int32))?.width == .int32)
        #expect(Self.accumulation(Int16x8Graphs.fullyConnected(bias: nil))?.width == .int64)
        #expect(Self.accumulation(Int16x8Graphs.depthwise())?.width == .int64)
        #expect(Self.accumulation(Int16x8Graphs.transposeConv())?.width == .int64)
        #expect(Self.accumulation(LinearOpChecksTests.conv()) == nil, "int8 keeps its own path")
    }

    @Test func biasesAreWidenedWithTheirSign() {
        #expect(Self.accumulation(Int16x8Graphs.conv())?.bias == [100, -200, 300_000_000_000])
        #expect(Self.accumulation(Int16x8Graphs.conv(bias: (.int32, [-2_147_483_648, -1, 5])))?.bias
                == [-2_147_483_648, -1, 5])
        #expect(Self.accumulation(Int16x8Graphs.transposeConv())?.bias == [-5, 0, 5])
        #expect(Self.accumulation(Int16x8Graphs.depthwise(bias: nil))?.bias == [0, 0, 0, 0])
    }

    @Test func biasTypesTFLMWouldMisreadAreRefused() {
        let cases: [(Graph, String)] = [
            (Int16x8Graphs.depthwise(bias: (.int32, [1, 2, 3, 4])), "bias has type int32; TFLM's 16x8 DEPTHWISE_CONV_2D takes int64"),
            (Int16x8Graphs.transposeConv(bias: (.int32, [1, 2, 3])), "bias has type int32; TFLM's 16x8 TRANSPOSE_CONV takes int16 or int64"),
            (Int16x8Graphs.conv(bias: (.int64, [1, 2, 3]), inType: .int8, outType: .int8), "int8 CONV_2D takes an int32 bias"),
        ]
        for (graph, text) in cases {
            let p = Self.problem(graph)
            #expect(p?.kind == .unsupported)
            #expect(p?.message.contains(text) == true, "\(p?.description ?? "no problem") should say \(text)")
            #expect(p?.location.tensor == TensorID(2), "the bias is named")
        }
        // FULLY_CONNECTED and CONV_2D never take an int16 bias: the operand type check names it.
        let fc = Self.problem(Int16x8Graphs.fullyConnected(bias: (.int16, [1, 2, 3])))
        #expect(fc?.message.contains("input 2 has type int16") == true, "\(fc?.description ?? "")")
    }

    @Test func mixedOrAsymmetricActivationsAreRefused() {
        let mixed = Self.problem(Int16x8Graphs.conv(outType: .int8))
        #expect(mixed?.message.contains("output is int8 but the input is int16") == true, "\(mixed?.description ?? "")")
        let mixed8 = Self.problem(Int16x8Graphs.conv(bias: (.int32, [1, 2, 3]), inType: .int8))
        #expect(mixed8?.message.contains("output is int16 but the input is int8") == true, "\(mixed8?.description ?? "")")
        let zp = Self.problem(Int16x8Graphs.conv(outZeroPoint: 3))
        #expect(zp?.message.contains("zero point 3") == true, "\(zp?.description ?? "")")
        #expect(zp?.location.tensor == TensorID(3))
    }

    /// MBQM64 takes shifts below 8 (TFLM asserts it): 1e-4 * 0.01 / 1e-9 = 1000 needs shift 10.
    @Test func int64RescaleBeyondShift7IsRefused() {
        let p = Self.problem(Int16x8Graphs.conv(outScale: 1e-9))
        #expect(p?.message.contains("takes shifts below 8") == true, "\(p?.description ?? "")")
        #expect(Self.problem(Int16x8Graphs.conv(bias: (.int32, [1, 2, 3]), outScale: 1e-9)) == nil,
                "the int32 accumulator's MBQM takes it")
    }

    @Test func clampRangesAreInt16() {
        let relu = Int16x8Graphs.conv(activation: .relu6)
        guard case .conv2d(let d) = relu.nodes[0].op else { Issue.record("not a conv"); return }
        let p = d.prepare(OpOperands(node: relu.nodes[0], graph: relu))
        #expect(p.output.range == 0...6000)
        #expect(ActivationRange.fused(.none, output: .perTensor(scale: 1, zeroPoint: 0), type: .int16) == -32768...32767)
        #expect(ActivationRange.fused(.none, output: .perTensor(scale: 1, zeroPoint: 0)) == -128...127)
    }
}
