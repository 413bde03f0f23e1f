import IR
import Reference
import Testing

/// The reference's int16 paths on values worked out by hand (TFLM agreement on every fixture is
/// `TFLMDifferentialTests`).
@Suite struct Int16ReferenceTests {
    static func tensor(_ id: Int, _ type: DataType, _ dims: [Int], scale: Float = 0.001, zeroPoint: Int32 = 0) -> Tensor {
        Tensor(id: TensorID(id), name: "t\(id)", type: type, shape: Shape(dims),
               quant: type == .float32 ? nil : .perTensor(scale: scale, zeroPoint: zeroPoint))
    }

    static func int16(_ dims: [Int], _ values: [Int16]) -> TensorValue {
        TensorValue(shape: Shape(dims), storage: .int16(values))
    }

    /// Runs `op` on graph inputs `inputs` (their tensors `tensors`, then `output`) plus constants.
    static func run(_ op: Op, _ tensors: [Tensor], _ output: Tensor, _ inputs: [TensorValue],
                    constants: [Tensor] = []) throws -> TensorValue {
        var all = tensors + constants
        for i in all.indices { all[i].id = TensorID(i) }
        var out = output
        out.id = TensorID(all.count)
        let graph = Graph(tensors: all + [out],
                          nodes: [Node(id: NodeID(0), op: op, inputs: all.map(\.id), outputs: [out.id])],
                          inputs: tensors.indices.map { TensorID($0) }, outputs: [out.id])
        return try Reference.outputs(of: graph, in: Reference.run(graph, inputs: inputs))[0]
    }

    @Test func addOfEqualScalesIsTheSaturatedSum() throws {
        // m1 = m2 = 1/2 after << 15, output factor 2^-14: the exact sum, clamped to int16.
        let t = Self.tensor(0, .int16, [3])
        let r = try Self.run(.add(Add(activation: .none)), [t, t], t,
                             [Self.int16([3], [30000, -100, 5]), Self.int16([3], [5000, -200, 7])])
        #expect(r.int16Values == [32767, -300, 12])
    }

    @Test func maxPoolStartsBelowTheInt8Range() throws {
        let x = Self.tensor(0, .int16, [1, 2, 2, 1]), y = Self.tensor(1, .int16, [1, 1, 1, 1])
        let r = try Self.run(.maxPool2d(MaxPool2D(padding: .valid, strideH: 2, strideW: 2, filterH: 2, filterW: 2,
                                                  activation: .none)),
                             [x], y, [Self.int16([1, 2, 2, 1], [-1000, -3000, -999, -32768])])
        #expect(r.int16Values == [-999])
    }

    @Test func averagePoolRoundsHalfAwayFromZero() throws {
        let x = Self.tensor(0, .int16, [1, 1, 2, 1]), y = Self.tensor(1, .int16, [1, 1, 1, 1])
        let op = Op.averagePool2d(AveragePool2D(padding: .valid, strideH: 1, strideW: 2, filterH: 1, filterW: 2,
                                                activation: .none))
        #expect(try Self.run(op, [x], y, [Self.int16([1, 1, 2, 1], [-20001, -20000])]).int16Values == [-20001])
        #expect(try Self.run(op, [x], y, [Self.int16([1, 1, 2, 1], [20001, 20000])]).int16Values == [20001])
    }

    @Test func quantizeFloatToInt16Saturates() throws {
        let x = Self.tensor(0, .float32, [6]), y = Self.tensor(1, .int16, [6], scale: 0.5, zeroPoint: 0)
        let r = try Self.run(.quantize(Quantize()), [x], y,
                             [.float32(Shape([6]), [1.0, -1e9, .nan, 0.25, -0.25, 20000])])
        // Halves round away from zero; -1e9 and 40000 steps saturate; NaN gives the zero point.
        #expect(r.int16Values == [2, -32768, 0, 1, -1, 32767])
    }

    @Test func requantizeBetweenInt8AndInt16() throws {
        let x8 = Self.tensor(0, .int8, [3], scale: 0.5, zeroPoint: 3)
        let y16 = Self.tensor(1, .int16, [3], scale: 0.5 / 256, zeroPoint: 0)
        let up = try Self.run(.quantize(Quantize()), [x8], y16, [.int8(Shape([3]), [-128, 3, 127])])
        #expect(up.int16Values == [-32768, 0, 124 * 256])   // -131 * 256 clamps
        let x16 = Self.tensor(0, .int16, [4], scale: 1.0 / 256), y8 = Self.tensor(1, .int8, [4], scale: 1, zeroPoint: -2)
        let down = try Self.run(.quantize(Quantize()), [x16], y8, [Self.int16([4], [-32768, 382, 383, 384])])
        // -128 - 2 clamps; 382/256 -> 1; 383/256 = 1.496 -> 2 (TFLM's double rounding: 191.5 -> 192,
        // then 192/128 = 1.5 -> 2); 384/256 = 1.5 -> 2.
        #expect(down.int8Values == [-128, -1, 0, 0])
    }

    @Test func dequantizeInt16() throws {
        let x = Self.tensor(0, .int16, [2], scale: 0.25, zeroPoint: -4), y = Self.tensor(1, .float32, [2])
        let r = try Self.run(.dequantize(Dequantize()), [x], y, [Self.int16([2], [-32768, 32767])])
        #expect(r.float32Values == [-8191, 8192.75])
    }

    @Test func concatenationAndPadKeepInt16Values() throws {
        let a = Self.tensor(0, .int16, [1, 1]), b = Self.tensor(1, .int16, [1, 2]), y = Self.tensor(2, .int16, [1, 3])
        let joined = try Self.run(.concatenation(Concatenation(axis: 1, activation: .none)), [a, b], y,
                                  [Self.int16([1, 1], [-32768]), Self.int16([1, 2], [32767, 300])])
        #expect(joined.int16Values == [-32768, 32767, 300])
        let paddings = Tensor(id: TensorID(0), name: "p", type: .int32, shape: Shape([1, 2]), data: [1, 0, 0, 0, 1, 0, 0, 0])
        let x = Self.tensor(0, .int16, [1], zeroPoint: 9), padded = Self.tensor(1, .int16, [3], zeroPoint: 9)
        let r = try Self.run(.pad(Pad()), [x], padded, [Self.int16([1], [-500])], constants: [paddings])
        #expect(r.int16Values == [0, -500, 0])
    }
}
