/// Shape, option and quantization checks of every supported int8 op: everything its reference
/// kernel (and the emitted C) relies on, so a graph that passes never reaches a kernel
/// precondition, and everything TFLM's Prepare rejects (or computes with undefined behaviour) is a
/// clean error.
///
/// Runs after the generic element-type checks (`SupportCheck`) and operand counts
/// (`OperandRules`). Problems the TFLite format itself forbids are `.malformed`; valid models
/// that TFLM (or mcuc) cannot run are `.unsupported`.
enum OpChecks {
    /// The first problem with `node`, or nil.
    static func problem(with node: Node, in graph: Graph, place: ErrorLocation) -> CompileError? {
        do {
            try check(OpCheck(node: node, graph: graph, place: place))
            return nil
        } catch {
            return error
        }
    }

    static func check(_ op: OpCheck) throws(CompileError) {
        switch op.node.op {
        case .conv2d(let a): try ConvChecks.conv2d(op, a)
        case .depthwiseConv2d(let a): try ConvChecks.depthwise(op, a)
        case .fullyConnected(let a): try ConvChecks.fullyConnected(op, a)
        case .averagePool2d(let a), .maxPool2d(let a): try ConvChecks.pool(op, a)
        case .add, .sub, .mul: try ElementwiseChecks.binary(op)
        case .mean: try LayoutOpChecks.mean(op)
        case .pad, .padV2: try LayoutOpChecks.pad(op)
        case .reshape, .squeeze: try LayoutOpChecks.reshape(op)
        case .concatenation(let a): try LayoutOpChecks.concatenation(op, a)
        case .softmax(let a): try ActivationChecks.softmax(op, a)
        case .logistic: try ActivationChecks.logistic(op)
        case .tanh: try ActivationChecks.tanh(op)
        case .hardSwish: try ActivationChecks.hardSwish(op)
        case .relu: try ActivationChecks.relu(op)
        case .relu6: try ActivationChecks.relu6(op)
        case .leakyRelu(let a): try ActivationChecks.leakyRelu(op, a)
        case .quantize: try ActivationChecks.quantize(op)
        case .dequantize: try ActivationChecks.dequantize(op)
        case .resizeNearestNeighbor(let a): try IndexingOpChecks.resizeNearestNeighbor(op, a)
        case .transpose: try IndexingOpChecks.transpose(op)
        case .stridedSlice(let a): try IndexingOpChecks.stridedSlice(op, a)
        case .unsupported: return
        }
    }
}
