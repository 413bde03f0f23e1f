import IR

/// Single-op int16x8 graphs (int16 activations, int8 weights) for the checks, reference and
/// lowering tests of CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and TRANSPOSE_CONV.
public enum Int16x8Graphs {
    /// A tensor of integer `type` (int16, int32 or int64) holding `values` little-endian.
    public static func constant(_ type: DataType, _ dims: [Int], _ values: [Int64], quant: QuantParams? = nil) -> Tensor {
        let size = type.byteSize ?? 8
        let bytes = values.flatMap { v in (0..<size).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: v) >> UInt64(8 * $0)) } }
        return Tensor(id: TensorID(0), name: "c", type: type, shape: Shape(dims), quant: quant, data: bytes)
    }

    /// An activation of `type` (int16 unless said) quantized per tensor.
    public static func activation(_ dims: [Int], scale: Float, zeroPoint: Int32 = 0, type: DataType = .int16) -> Tensor {
        Tensor(id: TensorID(0), name: "a", type: type, shape: Shape(dims), quant: .perTensor(scale: scale, zeroPoint: zeroPoint))
    }

    /// The operands every case shares: an int16 input `x` (scale 1e-4) as the graph input, the
    /// int8 filter `filter` (`weights` values, scale 0.01 or `weightScales` per channel along
    /// `axis`), an optional bias of `biasType`, and the output `y` (`outScale`, `outType`).
    public static func graph(_ op: Op, input: [Int], filter: [Int], weights: [Int8], axis: Int = 0,
                             weightScales: [Float] = [0.01], bias: (type: DataType, values: [Int64])?,
                             output: [Int], outScale: Float = 0.001, outZeroPoint: Int32 = 0, inType: DataType = .int16,
                             outType: DataType = .int16, transposeConv: Bool = false) -> Graph {
        var b = GraphBuilder()
        let x = b.add(activation(input, scale: 1e-4, type: inType))
        b.inputs = [x]
        let wq = QuantParams(scale: weightScales, zeroPoint: [Int32](repeating: 0, count: weightScales.count),
                             axis: weightScales.count > 1 ? axis : nil)
        let w = b.constInt8(filter, weights, quant: wq)
        let biasID = bias.map { b.add(constant($0.type, [$0.values.count], $0.values)) }
        let y = b.add(activation(output, scale: outScale, zeroPoint: outZeroPoint, type: outType))
        if transposeConv {
            let shape = b.constInt32([4], output.map(Int32.init))
            b.node(op, inputs: [shape, w, x, biasID], output: y)
        } else {
            b.node(op, inputs: [x, w, biasID], output: y)
        }
        return b.build()
    }

    /// CONV_2D 3x3 SAME, [1, 4, 4, 2] -> [1, 4, 4, 3], weights `(i % 7) - 3`.
    public static func conv(bias: (type: DataType, values: [Int64])? = (.int64, [100, -200, 300_000_000_000]),
                            quantizedBiasType: DataType = .float32, activation: FusedActivation = .none,
                            outScale: Float = 0.001, outZeroPoint: Int32 = 0, inType: DataType = .int16,
                            outType: DataType = .int16) -> Graph {
        let op = Op.conv2d(Conv2D(padding: .same, strideH: 1, strideW: 1, dilationH: 1, dilationW: 1,
                                  activation: activation, quantizedBiasType: quantizedBiasType))
        return graph(op, input: [1, 4, 4, 2], filter: [3, 3, 3, 2], weights: (0..<54).map { Int8($0 % 7 - 3) },
                     bias: bias, output: [1, 4, 4, 3], outScale: outScale, outZeroPoint: outZeroPoint, inType: inType,
                     outType: outType)
    }

    /// DEPTHWISE_CONV_2D 3x3 SAME, multiplier 2, [1, 4, 4, 2] -> [1, 4, 4, 4], per-channel weights.
    public static func depthwise(bias: (type: DataType, values: [Int64])? = (.int64, [1, -2, 3, -4])) -> Graph {
        let op = Op.depthwiseConv2d(DepthwiseConv2D(padding: .same, strideH: 1, strideW: 1, dilationH: 1, dilationW: 1,
                                                    depthMultiplier: 2, activation: .none))
        return graph(op, input: [1, 4, 4, 2], filter: [1, 3, 3, 4], weights: (0..<36).map { Int8($0 % 9 - 4) }, axis: 3,
                     weightScales: [0.01, 0.02, 0.03, 0.04], bias: bias, output: [1, 4, 4, 4])
    }

    /// FULLY_CONNECTED [2, 5] -> [2, 3], weights `(i % 11) - 5`.
    public static func fullyConnected(bias: (type: DataType, values: [Int64])? = (.int32, [7, -7, 70]),
                                      quantizedBiasType: DataType = .float32) -> Graph {
        let op = Op.fullyConnected(FullyConnected(activation: .none, keepNumDims: false,
                                                  quantizedBiasType: quantizedBiasType))
        return graph(op, input: [2, 5], filter: [3, 5], weights: (0..<15).map { Int8($0 % 11 - 5) }, bias: bias,
                     output: [2, 3])
    }

    /// TRANSPOSE_CONV 3x3 stride 2 SAME, [1, 2, 2, 2] -> [1, 4, 4, 3].
    public static func transposeConv(bias: (type: DataType, values: [Int64])? = (.int16, [-5, 0, 5])) -> Graph {
        let op = Op.transposeConv(TransposeConv(padding: .same, strideH: 2, strideW: 2, activation: .none))
        return graph(op, input: [1, 2, 2, 2], filter: [3, 3, 3, 2], weights: (0..<54).map { Int8($0 % 5 - 2) },
                     bias: bias, output: [1, 4, 4, 3], transposeConv: true)
    }

    /// The bias operand of the graph's op decoded independently (little-endian, sign-extended),
    /// zeros when it has none: what the int64 bias table must hold.
    public static func bias(of graph: Graph) -> [Int64] {
        let node = graph.nodes[0]
        let position = node.op.name == "TRANSPOSE_CONV" ? 3 : 2
        let channels = graph[graph.outputs[0]].shape[-1]
        guard let id = node.input(position), let data = graph[id].data, let size = graph[id].type.byteSize else {
            return [Int64](repeating: 0, count: channels)
        }
        return (0..<channels).map { c in
            let bytes = data[(c * size)..<((c + 1) * size)]
            let unsigned = bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let extra = UInt64(64 - 8 * size)
            return Int64(bitPattern: unsigned << extra) >> Int64(extra)
        }
    }
}
