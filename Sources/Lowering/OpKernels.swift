import IR

/// The kernel decision for one node (Lowering's second pass). Declares an overlap only when the
/// input dies at this step (`ViewLiveness`) and the output is not a slice of a concatenation.
struct OpKernels {
    let graph: Graph
    let node: Node
    let step: Int
    let views: ViewDecisions
    let liveness: ViewLiveness
    let options: LoweringOptions
    /// The output is a slice of a concatenation's output: no overlap contract for this call.
    var writesSlice = false
    /// The step runs per patch: its operands are patch buffers, never overlapped.
    var patched = false

    init(graph: Graph, node: Node, step: Int, views: ViewDecisions, liveness: ViewLiveness, options: LoweringOptions) {
        self.graph = graph
        self.node = node
        self.step = step
        self.views = views
        self.liveness = liveness
        self.options = options
    }

    var inputs: [TensorID] { ViewLiveness.effectiveInputs(node, graph: graph, views: views) }
    var output: TensorID { node.outputs[0] }

    /// The call for this node. A node whose data operand is a constant (nothing to overlap) gets
    /// its kernel with a `separate` contract.
    func call() -> KernelCall {
        if inputs.isEmpty, views.foldedPadConsumers[node.id] == nil { return plain(kernelWithoutOverlap()) }
        switch node.op {
        case .conv2d(let op): return convolution(window(op.prepare(operands).window))
        case .depthwiseConv2d(let op): return depthwise(window(op.prepare(operands).window))
        case .fullyConnected: return fullyConnected()
        case .add, .sub, .mul: return binary()
        case .averagePool2d(let op): return pool(window(op.prepare(operands).window))
        case .maxPool2d(let op): return pool(window(op.prepare(operands).window))
        case .relu, .relu6, .leakyRelu, .logistic, .tanh, .hardSwish, .quantize, .dequantize: return unary()
        case .softmax: return softmax()
        case .reshape, .squeeze: return reshape()
        case .concatenation: return concatenation()
        case .pad, .padV2: return pad()
        case .mean: return plain(.mean)
        case .transpose: return plain(.transpose)
        case .stridedSlice: return plain(.stridedSlice)
        case .resizeNearestNeighbor: return plain(.resizeNearestNeighbor)
        case .unsupported(let info): preconditionFailure("lowering unsupported operator \(info.name)")
        }
    }

    /// The kernel of this node when its data operand is a constant.
    func kernelWithoutOverlap() -> Kernel {
        switch node.op {
        case .conv2d(let op):
            let w = window(op.prepare(operands).window)
            return w.isPointwise ? .conv1x1 : .convGeneric(w)
        case .depthwiseConv2d(let op): return .depthwiseGeneric(window(op.prepare(operands).window))
        case .averagePool2d(let op): return .pool(window(op.prepare(operands).window))
        case .maxPool2d(let op): return .pool(window(op.prepare(operands).window))
        case .fullyConnected: return .fullyConnected
        case .add, .sub, .mul: return .elementwiseBinary
        case .softmax: return .softmax
        case .reshape, .squeeze: return .copy
        case .concatenation: return .concatenationCopy
        case .pad, .padV2: return .pad
        case .mean: return .mean
        case .transpose: return .transpose
        case .stridedSlice: return .stridedSlice
        case .resizeNearestNeighbor: return .resizeNearestNeighbor
        default: return .elementwiseUnary
        }
    }

    func plain(_ kernel: Kernel, scratch: Int = 0, contract: MemoryContract = .separate) -> KernelCall {
        KernelCall(step: step, node: node.id, kernel: kernel, inputs: inputs, output: output,
                   scratchBytes: scratch, contract: contract)
    }

    /// A streaming contract over `input` if it may be overlapped here, else `separate`.
    func streaming(_ input: TensorID, gap: Int, _ order: StreamOrder) -> MemoryContract {
        mayOverlap(input) ? .streaming(input: input, minimumGap: gap, order: order) : .separate
    }

    func mayOverlap(_ input: TensorID) -> Bool {
        options.sharing && !writesSlice && !patched && liveness.dies(input, at: step)
    }

    func bytes(_ tensor: TensorID) -> Int { graph[tensor].byteCount ?? 0 }

    /// Bytes of one element of `tensor`.
    func elementBytes(_ tensor: TensorID) -> Int { graph[tensor].type.byteSize ?? 1 }

    /// The node's operands, for its definition's `prepare`.
    var operands: OpOperands { OpOperands(node: node, graph: graph) }

    /// The op's window `w` extended by a folded PAD, when one was folded into this node.
    func window(_ w: ConvWindow) -> ConvWindow {
        guard let fold = views.foldedPads[node.id] else { return w }
        return w.adding(top: fold.top, left: fold.left, bottom: fold.bottom, right: fold.right)
    }

    /// The row-streaming gap of a window op from `inputs[0]` to the output.
    func rowGap(_ w: ConvWindow) -> Int {
        let input = graph[inputs[0]].shape, out = graph[output].shape
        return StreamingGap.rows(window: w, batches: out[0], inputHeight: input[1], outputHeight: out[1],
                                 inputRowBytes: input[2] * input[3] * elementBytes(inputs[0]),
                                 outputRowBytes: out[2] * out[3] * elementBytes(output))
    }

    func convolution(_ w: ConvWindow) -> KernelCall {
        let input = inputs[0]
        guard w.isPointwise else { return plain(.convGeneric(w), contract: streaming(input, gap: rowGap(w), .rows)) }
        let channelsOut = graph[output].shape[-1]
        let pixels = graph[output].shape.elementCount / max(channelsOut, 1)
        let gap = StreamingGap.interleaved(units: pixels, inputUnitBytes: graph[input].shape[-1],
                                           outputUnitBytes: channelsOut)
        return plain(.conv1x1, contract: streaming(input, gap: gap, .interleaved))
    }

    /// Depthwise: row streaming, or in place through a one-channel scratch when that needs fewer
    /// bytes for the pair (multiplier 1, output no larger than the input).
    func depthwise(_ w: ConvWindow) -> KernelCall {
        let input = inputs[0]
        guard mayOverlap(input) else { return plain(.depthwiseGeneric(w)) }
        let gap = rowGap(w)
        let inShape = graph[input].shape, outShape = graph[output].shape
        let rowsSpan = max(bytes(output), gap + bytes(input))
        let channelScratch = inShape[1] * inShape[2] * elementBytes(input)
        let inPlaceSpan = bytes(input) + channelScratch
        let canRunInPlace = inShape[3] == outShape[3] && bytes(output) <= bytes(input)
            && outShape[1] * outShape[2] <= inShape[1] * inShape[2]
        if canRunInPlace, inPlaceSpan < rowsSpan {
            return plain(.depthwiseInPlace(w), scratch: channelScratch, contract: .inPlace(input: input))
        }
        return plain(.depthwiseGeneric(w), contract: .streaming(input: input, minimumGap: gap, order: .rows))
    }

    func fullyConnected() -> KernelCall {
        let input = inputs[0]
        let depth = graph[node.inputs[1]!].shape[-1]
        let channelsOut = graph[node.inputs[1]!].shape[0]
        let rows = graph[input].shape.elementCount / max(depth, 1)
        let gap = StreamingGap.interleaved(units: rows, inputUnitBytes: depth * elementBytes(input),
                                           outputUnitBytes: channelsOut * elementBytes(output))
        return plain(.fullyConnected, contract: streaming(input, gap: gap, .interleaved))
    }

    /// ADD / SUB / MUL: may overwrite an operand that has the output's shape and element type.
    func binary() -> KernelCall {
        let candidates = inputs.filter {
            graph[$0].shape == graph[output].shape && graph[$0].type == graph[output].type && mayOverlap($0)
        }
        guard let input = candidates.first else { return plain(.elementwiseBinary) }
        return plain(.elementwiseBinary, contract: .streaming(input: input, minimumGap: 0, order: .readThenWrite))
    }

    func unary() -> KernelCall {
        let input = inputs[0]
        let gap = StreamingGap.readThenWrite(units: graph[output].shape.elementCount,
                                             inputUnitBytes: elementBytes(input), outputUnitBytes: elementBytes(output))
        return plain(.elementwiseUnary, contract: streaming(input, gap: gap, .readThenWrite))
    }

    /// SOFTMAX: the third pass is element-wise read-then-write, the first two only read.
    func softmax() -> KernelCall {
        let input = inputs[0]
        guard graph[input].shape == graph[output].shape else { return plain(.softmax) }
        return plain(.softmax, contract: streaming(input, gap: 0, .readThenWrite))
    }

    func pool(_ w: ConvWindow) -> KernelCall {
        return plain(.pool(w), contract: streaming(inputs[0], gap: rowGap(w), .rows))
    }

    func reshape() -> KernelCall {
        guard let input = views.aliases[node.id] else { return plain(.copy) }
        return plain(.reshapeAlias, contract: .alias(input: input))
    }

    func concatenation() -> KernelCall {
        guard let offsets = views.slices[node.id] else { return plain(.concatenationCopy) }
        return plain(.concatenationBySlices, contract: .producerSlices(sliceOffsets: offsets))
    }

    func pad() -> KernelCall {
        guard let consumer = views.foldedPadConsumers[node.id] else { return plain(.pad) }
        return KernelCall(step: step, node: node.id, kernel: .padFolded, inputs: [], output: nil,
                          contract: .foldedInto(consumer: consumer))
    }
}
