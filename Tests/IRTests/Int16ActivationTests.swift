import IR
import Testing

/// The int16-activation plumbing shared by every op: graph I/O, quantization rules, typed values.
@Suite struct Int16ActivationTests {
    static func int16(_ id: Int, _ dims: [Int], zeroPoint: Int32 = 0, scales: [Float] = [0.001]) -> Tensor {
        let quant = scales.count == 1 ? QuantParams.perTensor(scale: scales[0], zeroPoint: zeroPoint)
            : QuantParams(scale: scales, zeroPoint: [Int32](repeating: zeroPoint, count: scales.count), axis: 1)
        return Tensor(id: TensorID(id), name: "t\(id)", type: .int16, shape: Shape(dims), quant: quant)
    }

    /// input t0 (int16) -> RELU -> t1 (int16): RELU has no int16 kernel, so only the op is refused.
    static func reluGraph(_ input: Tensor) -> Graph {
        Graph(tensors: [input, int16(1, [1, 4])],
              nodes: [Node(id: NodeID(0), op: .relu(Relu()), inputs: [TensorID(0)], outputs: [TensorID(1)])],
              inputs: [TensorID(0)], outputs: [TensorID(1)])
    }

    @Test func int16GraphInputsAndOutputsAreInterfaceTypes() {
        #expect(SupportCheck.interfaceInputTypes.contains(.int16))
        #expect(SupportCheck.interfaceOutputTypes.contains(.int16))
        let problems = SupportCheck.problems(in: Self.reluGraph(Self.int16(0, [1, 4])))
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("emitted API") == false)
        #expect(problems.first?.description.contains("mcuc supports int8 here") == true)
    }

    @Test func int16ActivationsNeedValidPerTensorQuantization() {
        let perChannel = Self.int16(0, [1, 4], scales: [0.1, 0.1, 0.1, 0.1])
        let reshape = Int16OpGraph.single(.reshape(Reshape(newShape: nil)), inputs: [perChannel], output: Self.int16(0, [4]))
        #expect(SupportCheck.problems(in: reshape).first?.description.contains("per-channel") == true)
        var unquantized = Self.int16(0, [1, 4])
        unquantized.quant = nil
        let bare = Int16OpGraph.single(.reshape(Reshape(newShape: nil)), inputs: [unquantized], output: Self.int16(0, [4]))
        #expect(SupportCheck.problems(in: bare).first?.description.contains("no valid quantization") == true)
        let fine = Int16OpGraph.single(.reshape(Reshape(newShape: nil)), inputs: [Self.int16(0, [1, 4])], output: Self.int16(0, [4]))
        #expect(SupportCheck.problems(in: fine).isEmpty)
    }

    @Test func quantizedRanges() {
        #expect(SupportCheck.quantizedRange(.int8) == -128...127)
        #expect(SupportCheck.quantizedRange(.int16) == -32768...32767)
        #expect(SupportCheck.quantizedRange(.float32) == nil)
    }

    @Test func integerValuesRoundTripThroughQuantized() {
        let v = TensorValue.quantized(.int16, Shape([3]), [-32768, 0, 32767])
        #expect(v.type == .int16)
        #expect(v.integerValues == [-32768, 0, 32767])
        #expect(v.bytes == [0x00, 0x80, 0x00, 0x00, 0xFF, 0x7F])
        #expect(TensorValue.quantized(.int8, Shape([2]), [-128, 127]).integerValues == [-128, 127])
    }
}
