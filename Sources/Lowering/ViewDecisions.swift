import IR

/// A PAD whose output is never materialized: its only consumer reads `input` through extra padding.
struct FoldedPad: Hashable {
    var padNode: NodeID
    var input: TensorID
    var top: Int, left: Int, bottom: Int, right: Int
}

/// Lowering's first pass: the decisions that change which bytes exist (views and folds), made
/// before any compute kernel so liveness can account for them.
struct ViewDecisions {
    /// RESHAPE / SQUEEZE / EXPAND_DIMS nodes that become views of their input.
    var aliases: [NodeID: TensorID] = [:]
    /// Conv / depthwise nodes reading through a folded PAD, keyed by the consumer.
    var foldedPads: [NodeID: FoldedPad] = [:]
    /// Folded PAD nodes -> their consumer.
    var foldedPadConsumers: [NodeID: NodeID] = [:]
    /// CONCATENATION nodes whose inputs are slices of the output: byte offset per input.
    var slices: [NodeID: [Int]] = [:]

    init(graph: Graph, facts: GraphFacts, options: LoweringOptions) {
        guard options.sharing else { return }
        for node in graph.nodes {
            switch node.op {
            case .reshape, .squeeze, .expandDims:
                if let input = Self.aliasable(node, graph, facts, options) { aliases[node.id] = input }
            case .pad, .padV2:
                if let fold = Self.foldable(node, graph, facts) {
                    foldedPads[fold.consumer] = fold.pad
                    foldedPadConsumers[node.id] = fold.consumer
                }
            default:
                continue
            }
        }
        for node in graph.nodes {
            if let axis = Self.concatenationAxis(node, graph),
               let offsets = sliceOffsets(node, axis: axis, graph, facts, options) {
                slices[node.id] = offsets
            }
        }
    }

    /// The input a RESHAPE / SQUEEZE may view, or nil when it must copy.
    static func aliasable(_ node: Node, _ graph: Graph, _ facts: GraphFacts, _ options: LoweringOptions) -> TensorID? {
        guard let input = node.input(0), let output = node.outputs.first, !graph[input].isConstant,
              graph[input].byteCount == graph[output].byteCount else { return nil }
        if options.externalIO, facts.isGraphIO(input) || facts.isGraphIO(output) { return nil }
        return input
    }

    /// A PAD / PADV2 that can be folded into its only consumer (a CONV_2D or DEPTHWISE_CONV_2D
    /// reading it as operand 0): int8 data, spatial padding only, fill value equal to the zero point.
    static func foldable(_ node: Node, _ graph: Graph, _ facts: GraphFacts) -> (pad: FoldedPad, consumer: NodeID)? {
        guard let input = node.input(0), let output = node.outputs.first, !graph[input].isConstant,
              graph[output].type == .int8,
              !facts.graphOutputs.contains(output), graph[input].shape.rank == 4,
              let readers = facts.consumers[output], readers.count == 1 else { return nil }
        let consumer = graph[readers[0]]
        switch consumer.op {
        case .conv2d, .depthwiseConv2d: break
        default: return nil
        }
        guard facts.patched.contains(node.id) == facts.patched.contains(consumer.id) else { return nil }
        guard consumer.inputs.filter({ $0 == output }).count == 1, consumer.input(0) == output,
              let pads = constantInt32(node.input(1), graph), pads.count == 8,
              pads[0] == 0, pads[1] == 0, pads[6] == 0, pads[7] == 0, pads.allSatisfy({ $0 >= 0 }),
              let zeroPoint = graph[output].quant?.zeroPoint.first else { return nil }
        if case .padV2 = node.op, let fillID = node.input(2) {
            guard let fill = graph[fillID].data?.first, Int32(Int8(bitPattern: fill)) == zeroPoint else { return nil }
        }
        let fold = FoldedPad(padNode: node.id, input: input, top: Int(pads[2]), left: Int(pads[4]),
                             bottom: Int(pads[3]), right: Int(pads[5]))
        return (fold, consumer.id)
    }

    /// The output axis of a CONCATENATION (without activation) or PACK, nil for other ops.
    static func concatenationAxis(_ node: Node, _ graph: Graph) -> Int? {
        guard let output = node.outputs.first else { return nil }
        let rank = graph[output].shape.rank
        switch node.op {
        case .concatenation(let attrs) where attrs.activation == .none: return attrs.axis < 0 ? attrs.axis + rank : attrs.axis
        case .pack(let attrs): return attrs.normalizedAxis(rank - 1)
        default: return nil
        }
    }

    /// Slice offsets for a CONCATENATION / PACK its producers can write into directly, or nil.
    func sliceOffsets(_ node: Node, axis: Int, _ graph: Graph, _ facts: GraphFacts,
                      _ options: LoweringOptions) -> [Int]? {
        guard let output = node.outputs.first, !facts.patched.contains(node.id) else { return nil }
        let shape = graph[output].shape
        guard axis >= 0, axis < shape.rank, shape.dims[..<axis].allSatisfy({ $0 == 1 }) else { return nil }
        if options.externalIO, facts.graphOutputs.contains(output) { return nil }
        let inputs = node.inputs.compactMap { $0 }
        guard inputs.count == node.inputs.count, Set(inputs).count == inputs.count else { return nil }
        var offsets: [Int] = []
        var offset = 0
        for input in inputs {
            guard isSliceCandidate(input, reader: node.id, output: output, graph, facts),
                  let bytes = graph[input].byteCount else { return nil }
            offsets.append(offset)
            offset += bytes
        }
        return offset == graph[output].byteCount ? offsets : nil
    }

    /// An input its producer can write straight into the concatenation's output: a computed
    /// activation (not a view itself), read only by this node, with the output's type and quantization.
    func isSliceCandidate(_ input: TensorID, reader: NodeID, output: TensorID, _ graph: Graph,
                          _ facts: GraphFacts) -> Bool {
        guard let producer = facts.producers[input], facts.consumers[input] == [reader],
              !facts.graphOutputs.contains(input), !graph[input].isConstant,
              graph[input].type == graph[output].type, graph[input].quant == graph[output].quant,
              aliases[producer] == nil, foldedPadConsumers[producer] == nil else { return false }
        if Self.concatenationAxis(graph[producer], graph) != nil { return false }
        return true
    }

    /// The elements of a constant int32 operand.
    static func constantInt32(_ id: TensorID?, _ graph: Graph) -> [Int32]? {
        guard let id, graph[id].type == .int32, let data = graph[id].data, data.count % 4 == 0 else { return nil }
        return stride(from: 0, to: data.count, by: 4).map { i -> Int32 in
            var word: UInt32 = 0
            for k in 0..<4 { word |= UInt32(data[i + k]) << UInt32(8 * k) }
            return Int32(bitPattern: word)
        }
    }
}
