import IR

/// A reason text (a `Result` failure needs an `Error`).
struct RefusalText: Error, Hashable {
    var text: String
    init(_ text: String) { self.text = text }
}

/// The per-op rules behind `ReceptiveField.of`: the windows of each patchable op kind.
enum ReceptiveFieldRules {
    typealias Windows = Result<[InputWindow], RefusalText>

    static func windows(_ node: Node, graph: Graph, output: Shape) -> Windows {
        let op = OpOperands(node: node, graph: graph)
        switch node.op {
        case .conv2d(let d): return sliding(node, graph, d.prepare(op).window)
        case .depthwiseConv2d(let d): return sliding(node, graph, d.prepare(op).window)
        case .averagePool2d(let d): return sliding(node, graph, d.prepare(op).window)
        case .maxPool2d(let d): return sliding(node, graph, d.prepare(op).window)
        case .pad(let d): return pad(node, graph, d.prepare(op))
        case .padV2(let d): return pad(node, graph, d.prepare(op))
        case .relu, .relu6, .leakyRelu, .logistic, .tanh, .hardSwish, .quantize, .dequantize, .add, .sub, .mul,
             .maximum, .minimum, .abs:
            return elementwise(node, graph, output)
        case .concatenation(let d):
            return concatenation(node, graph, output, axis: d.axis)
        case .fullyConnected, .mean, .sum, .reduceMax, .argMax, .argMin, .softmax, .logSoftmax, .l2Normalization, .batchMatMul, .reshape, .squeeze, .transpose, .stridedSlice, .resizeNearestNeighbor, .resizeBilinear,
             .expandDims, .slice, .depthToSpace, .spaceToDepth, .pack, .mirrorPad, .gather, .split, .splitV, .unpack, .spaceToBatchNd, .batchToSpaceNd,
             .squaredDifference, .prelu, .elu, .rsqrt, .unidirectionalSequenceLSTM, .svdf, .transposeConv, .unsupported:
            return .failure(RefusalText(unpatchableKind(node.op)!))
        }
    }

    /// Why ops of this kind never run per patch (nil for the kinds that may).
    static func unpatchableKind(_ op: Op) -> String? {
        switch op {
        case .fullyConnected, .mean, .sum, .reduceMax, .argMax, .argMin, .softmax, .logSoftmax, .l2Normalization, .batchMatMul: "it reads every pixel (or every channel) of its input at once"
        case .unidirectionalSequenceLSTM, .svdf: "it carries state from one time step to the next"
        case .reshape, .squeeze, .transpose, .stridedSlice, .resizeNearestNeighbor, .resizeBilinear, .expandDims, .slice, .depthToSpace,
             .spaceToDepth, .pack, .mirrorPad, .gather, .split, .splitV, .unpack, .spaceToBatchNd, .batchToSpaceNd: "it moves elements between pixels"
        case .squaredDifference, .prelu, .elu, .rsqrt, .transposeConv: "mcuc has no patch kernel for it yet (it ends the patch stage)"
        case .unsupported: "mcuc does not support this op"
        default: nil
        }
    }

    /// Why the patch kernels cannot take the op's data types (nil when they can): every operand
    /// int8, but a float32 QUANTIZE input or DEQUANTIZE output; no int4-packed filter.
    static func typeProblem(_ node: Node, graph: Graph) -> String? {
        if let packed = node.inputs.compactMap({ $0 }).first(where: { graph[$0].packedInt4 }) {
            return "its int4-packed filter (\(packed)) is unpacked into a whole-call scratch, which patches do not take"
        }
        let output = graph[node.outputs[0]].type
        let readsConstantsAsData: Bool
        switch node.op {
        case .add, .sub, .mul, .maximum, .minimum: readsConstantsAsData = true
        default: readsConstantsAsData = false
        }
        let inputs = node.inputs.compactMap { $0 }.filter { !graph[$0].isConstant || readsConstantsAsData }
        let allowedIn: Set<DataType>, allowedOut: Set<DataType>
        switch node.op {
        case .quantize: (allowedIn, allowedOut) = ([.int8, .float32], [.int8])
        case .dequantize: (allowedIn, allowedOut) = ([.int8], [.float32])
        default: (allowedIn, allowedOut) = ([.int8], [.int8])
        }
        if let bad = inputs.first(where: { !allowedIn.contains(graph[$0].type) }) {
            return "the patch kernels do not read \(graph[bad].type) data (\(bad))"
        }
        return allowedOut.contains(output) ? nil : "the patch kernels do not write \(output) data (\(node.outputs[0]))"
    }

    /// A conv-like op's window (the op's own `prepare`, TFLM's padding) over input 0.
    static func sliding(_ node: Node, _ graph: Graph, _ w: ConvWindow) -> Windows {
        let input = node.inputs[0]!, shape = graph[input].shape
        return .success([InputWindow(tensor: input,
                                     rows: AxisWindow(filter: w.filterHeight, stride: w.strideH, dilation: w.dilationH,
                                                      padBefore: w.padTop, inputSize: shape[1]),
                                     cols: AxisWindow(filter: w.filterWidth, stride: w.strideW, dilation: w.dilationW,
                                                      padBefore: w.padLeft, inputSize: shape[2]))])
    }

    /// PAD / PADV2 of the spatial axes only: a one-tap window shifted by the leading padding.
    static func pad(_ node: Node, _ graph: Graph, _ p: PadParams) -> Windows {
        let input = node.inputs[0]!, shape = graph[input].shape
        guard p.before.count == 4, p.before[0] == 0, p.after[0] == 0, p.before[3] == 0, p.after[3] == 0 else {
            return .failure(RefusalText("it pads the batch or channel axis"))
        }
        return .success([InputWindow(tensor: input,
                                     rows: AxisWindow(filter: 1, stride: 1, padBefore: p.before[1], inputSize: shape[1]),
                                     cols: AxisWindow(filter: 1, stride: 1, padBefore: p.before[2], inputSize: shape[2]))])
    }

    /// Element-wise ops: activation operands must have the output's spatial size (no spatial
    /// broadcasting); constant operands may vary along channels only.
    static func elementwise(_ node: Node, _ graph: Graph, _ output: Shape) -> Windows {
        var windows: [InputWindow] = []
        for case let input? in node.inputs {
            let shape = graph[input].shape
            if graph[input].isConstant {
                let dims = Array(repeating: 1, count: max(0, 4 - shape.rank)) + shape.dims
                guard dims.count == 4, dims[0] == 1, dims[1] == 1, dims[2] == 1 else {
                    return .failure(RefusalText("its constant operand \(input) varies across pixels"))
                }
                continue
            }
            guard shape[1] == output[1], shape[2] == output[2] else {
                return .failure(RefusalText("it broadcasts \(input) across pixels"))
            }
            windows.append(InputWindow(tensor: input, rows: .identity(size: shape[1]), cols: .identity(size: shape[2])))
        }
        return .success(windows)
    }

    /// CONCATENATION along channels of activations: each input maps pixel to pixel.
    static func concatenation(_ node: Node, _ graph: Graph, _ output: Shape, axis: Int) -> Windows {
        guard axis == 3 || axis == -1 else { return .failure(RefusalText("it concatenates along a spatial axis")) }
        var windows: [InputWindow] = []
        for case let input? in node.inputs {
            guard !graph[input].isConstant else { return .failure(RefusalText("it concatenates a constant")) }
            let shape = graph[input].shape
            windows.append(InputWindow(tensor: input, rows: .identity(size: shape[1]), cols: .identity(size: shape[2])))
        }
        return .success(windows)
    }
}
