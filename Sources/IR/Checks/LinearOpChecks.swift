/// Shape, option and quantization checks of the "linear" int8 ops (CONV_2D, DEPTHWISE_CONV_2D,
/// FULLY_CONNECTED, ADD, SUB, MUL, AVERAGE_POOL_2D, MAX_POOL_2D, MEAN, PAD, PADV2, RESHAPE,
/// SQUEEZE, CONCATENATION): everything their reference kernels rely on, so a graph that passes
/// never reaches a kernel precondition.
///
/// Runs after the generic element-type checks (`SupportCheck`) and operand counts
/// (`OperandRules`). Problems the TFLite format itself forbids are `.malformed`; valid models
/// that TFLM (or mcuc) cannot run are `.unsupported`.
enum LinearOpChecks {
    /// The first problem with `node`, or nil.
    static func problem(with node: Node, in graph: Graph, place: ErrorLocation) -> CompileError? {
        let op = OpCheck(node: node, graph: graph, place: place)
        do {
            try check(op)
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
        default: return
        }
    }
}

/// One node under check: operand access and error construction with the tensor at fault.
struct OpCheck {
    let node: Node
    let graph: Graph
    let place: ErrorLocation

    /// Operand `i` (present: required operands were checked by `OperandRules`).
    func input(_ i: Int) -> Tensor {
        guard let id = node.input(i) else { preconditionFailure("operand \(i) is absent") }
        return graph[id]
    }

    /// Operand `i`, or nil when omitted.
    func optionalInput(_ i: Int) -> Tensor? { node.input(i).map { graph[$0] } }

    /// The single output.
    var output: Tensor { graph[node.outputs[0]] }

    /// An error located at this node and, when given, at `tensor`.
    func error(_ kind: CompileError.Kind, _ message: String, _ tensor: Tensor? = nil) -> CompileError {
        var at = place
        if let tensor {
            at.tensor = tensor.id
            at.tensorName = tensor.name
        }
        return CompileError(kind, message, at: at)
    }

    /// `tensor` has rank `rank`.
    func requireRank(_ tensor: Tensor, _ rank: Int, _ role: String) throws(CompileError) {
        guard tensor.shape.rank == rank else {
            throw error(.malformed, "\(role) has shape \(tensor.shape); \(node.op.name) needs rank \(rank)", tensor)
        }
    }

    /// `tensor` holds constant data.
    func requireConstant(_ tensor: Tensor, _ role: String) throws(CompileError) {
        guard tensor.isConstant else {
            throw error(.unsupported, "\(role) must be a constant tensor", tensor)
        }
    }

    /// `tensor` has one scale and one zero point.
    func requirePerTensor(_ tensor: Tensor, _ role: String) throws(CompileError) {
        if let q = tensor.quant, q.scale.count != 1 {
            throw error(.unsupported, "\(role) has per-channel quantization; \(node.op.name) needs one scale", tensor)
        }
    }

    /// The int32 elements of a constant (type and constness checked before).
    func int32Values(_ tensor: Tensor) -> [Int32] {
        guard let value = TensorValue(constant: tensor), case .int32(let v) = value.storage else { return [] }
        return v
    }

    /// A rescale the fixed-point kernels can apply: positive, finite, and a shift of at most 30
    /// (TFLM's `MultiplyByQuantizedMultiplier` range). Tiny factors flush to 0 as in TFLM.
    func requireRescale(_ real: Double, _ what: String, _ tensor: Tensor? = nil) throws(CompileError) {
        guard real.isFinite, real > 0 else {
            throw error(.unsupported, "\(what) rescale \(real) is not a positive finite number", tensor)
        }
        let m = FixedPointMultiplier(real: real)
        guard m.shift <= 30 else {
            throw error(.unsupported, "\(what) rescale \(real) is too large for a fixed-point multiplier", tensor)
        }
    }

    /// Input and output quantization must be identical (ops that copy or compare raw int8 values).
    func requireSameQuant(_ tensor: Tensor, as reference: Tensor, _ why: String) throws(CompileError) {
        let a = tensor.quant, b = reference.quant
        guard a?.scale == b?.scale, a?.zeroPoint == b?.zeroPoint else {
            throw error(.unsupported, why, tensor)
        }
    }
}
