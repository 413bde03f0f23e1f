import IR
import Lowering
import Scheduling
import Testing
import TestSupport

/// int16 calls run the portable `_s16` kernels on every core (never an int8 fast variant), with
/// byte counts of two per element.
@Suite struct Int16KernelTests {
    static func tensor(_ id: Int, _ type: DataType, _ dims: [Int], scale: Float = 0.001) -> Tensor {
        Tensor(id: TensorID(id), name: "t\(id)", type: type, shape: Shape(dims),
               quant: type == .float32 ? nil : .perTensor(scale: scale, zeroPoint: 0))
    }

    /// One node reading tensors `0..<inputs.count` and writing the last tensor.
    static func graph(_ op: Op, _ tensors: [Tensor], inputs: Int) -> Graph {
        var all = tensors
        for i in all.indices { all[i].id = TensorID(i) }
        let out = all[all.count - 1].id
        return Graph(tensors: all, nodes: [Node(id: NodeID(0), op: op, inputs: (0..<inputs).map { TensorID($0) }, outputs: [out])],
                     inputs: (0..<inputs).filter { !all[$0].isConstant }.map { TensorID($0) }, outputs: [out])
    }

    static func call(_ graph: Graph, target: String) -> KernelCall {
        #expect(SupportCheck.problems(in: graph).isEmpty)
        let schedule = Scheduling.schedule(graph)
        let plan = Lowering.lower(graph, schedule: schedule, options: LoweringOptions(target: TestTargets.named(target)))
        #expect(Lowering.problems(in: plan, graph: graph, schedule: schedule).isEmpty)
        return plan.calls[0]
    }

    @Test(arguments: ["rp2040", "nucleo-l4r5zi", "corstone300"])
    func int16CallsRunPortableKernels(_ target: String) {
        let t = Self.tensor(0, .int16, [1, 4, 4, 16])
        let ops: [(Op, String)] = [
            (.add(Add(activation: .none)), "mcuc_add_s16"),
            (.sub(Sub(activation: .none)), "mcuc_sub_s16"),
            (.mul(Mul(activation: .none)), "mcuc_mul_s16"),
        ]
        for (op, symbol) in ops {
            let function = Self.call(Self.graph(op, [t, t, t], inputs: 2), target: target).binding?.function
            #expect(function?.symbol == symbol && function?.variant == .portable, "\(symbol) on \(target)")
        }
        for (op, symbol) in [(Op.averagePool2d(AveragePool2D(padding: .same, strideH: 1, strideW: 1, filterH: 3, filterW: 3,
                                                                activation: .none)), "mcuc_avg_pool_s16"),
                             (.maxPool2d(MaxPool2D(padding: .same, strideH: 1, strideW: 1, filterH: 3, filterW: 3,
                                                   activation: .none)), "mcuc_max_pool_s16")] {
            let function = Self.call(Self.graph(op, [t, t], inputs: 1), target: target).binding?.function
            #expect(function?.symbol == symbol && function?.variant == .portable, "\(symbol) on \(target)")
        }
    }

    @Test func quantizeKernelIsNamedByItsTypes() {
        let pairs: [(DataType, DataType, String)] = [
            (.float32, .int16, "mcuc_quantize_f32_s16"), (.int8, .int16, "mcuc_requantize_s8_s16"),
            (.int16, .int8, "mcuc_requantize_s16_s8"), (.int16, .int16, "mcuc_requantize_s16"),
            (.int8, .int8, "mcuc_requantize_s8"), (.float32, .int8, "mcuc_quantize_f32_s8"),
        ]
        for (from, to, symbol) in pairs {
            let g = Self.graph(.quantize(Quantize()), [Self.tensor(0, from, [8], scale: 0.01), Self.tensor(1, to, [8], scale: 0.02)],
                               inputs: 1)
            #expect(Self.call(g, target: "nucleo-l4r5zi").binding?.function?.symbol == symbol)
        }
        let dq = Self.graph(.dequantize(Dequantize()), [Self.tensor(0, .int16, [8]), Self.tensor(1, .float32, [8])], inputs: 1)
        #expect(Self.call(dq, target: "nucleo-l4r5zi").binding?.function?.symbol == "mcuc_dequantize_s16_f32")
    }

    @Test func concatenationCopiesTwoBytesPerElement() {
        // Two graph inputs: not slices of the output (their producer is the caller), so a copy.
        let g = Self.graph(.concatenation(Concatenation(axis: 1, activation: .none)),
                           [Self.tensor(0, .int16, [2, 3]), Self.tensor(1, .int16, [2, 5]), Self.tensor(2, .int16, [2, 8])],
                           inputs: 2)
        let call = Self.call(g, target: "nucleo-l4r5zi")
        #expect(call.binding?.function?.symbol == "mcuc_concat_s16")
        let slices = call.binding?.tables.first { $0.id == .call(NodeID(0), role: "slices") }
        #expect(slices?.values == .int32([6, 10]))
    }

    @Test func int16ConstantsAreInt16Tables() {
        var constant = Self.tensor(1, .int16, [2])
        constant.data = [0x00, 0x80, 0xFF, 0x7F]
        let g = Self.graph(.add(Add(activation: .none)), [Self.tensor(0, .int16, [2]), constant, Self.tensor(2, .int16, [2])],
                           inputs: 2)
        let table = Self.call(g, target: "nucleo-l4r5zi").binding?.tables.first { $0.id == .tensor(TensorID(1)) }
        #expect(table?.values == .int16([-32768, 32767]))
        #expect(table?.ref.element == .int16 && table?.byteCount == 4)
    }
}
