/// Shape, option and quantization checks of the element-wise and index-mapping int8 ops
/// (SOFTMAX, LOGISTIC, TANH, HARD_SWISH, RELU, RELU6, LEAKY_RELU, QUANTIZE, DEQUANTIZE,
/// RESIZE_NEAREST_NEIGHBOR, TRANSPOSE, STRIDED_SLICE): everything their reference kernels rely
/// on, so a graph that passes never reaches a kernel precondition, and everything TFLM's
/// Prepare rejects (or computes with undefined behaviour) is a clean error.
///
/// Runs after the generic element-type checks (`SupportCheck`) and operand counts
/// (`OperandRules`). Problems the TFLite format itself forbids are `.malformed`; valid models
/// that TFLM (or mcuc) cannot run are `.unsupported`.
enum PointwiseOpChecks {
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
        default: return
        }
    }
}

extension OpCheck {
    /// The largest left shift an int8 requantization `MBQM(x - zp, M, shift)` can take:
    /// `|x - zp| <= 255`, and `255 * 2^23` is the largest such product that fits in int32
    /// (TFLM's `x * (1 << shift)` overflows beyond it).
    static let maxInt8LeftShift: Int32 = 23

    /// The output has the input's shape (element-wise ops).
    func requireSameShape(_ output: Tensor, as input: Tensor) throws(CompileError) {
        guard output.shape == input.shape else {
            throw error(.malformed, "output has shape \(output.shape) but the input has \(input.shape); "
                        + "\(node.op.name) keeps the shape", output)
        }
    }

    /// A rescale of an int8 difference (`x - zp`) that TFLM's fixed-point requantization computes
    /// without overflow: finite, and a left shift of at most 23.
    func requireInt8Rescale(_ real: Double, _ what: String, _ tensor: Tensor? = nil) throws(CompileError) {
        guard real.isFinite else {
            throw error(.unsupported, "\(what) \(real) is not a finite number", tensor)
        }
        let m = FixedPointMultiplier(real: abs(real))
        guard m.shift <= Self.maxInt8LeftShift else {
            throw error(.unsupported, "\(what) \(real) is too large: scaling an int8 difference by it overflows "
                        + "TFLM's 32-bit fixed-point requantization", tensor)
        }
    }

    /// Per-tensor quantization of an int8 tensor (checked present by `SupportCheck`).
    func quant(_ tensor: Tensor) -> QuantParams {
        guard let q = tensor.quant else { preconditionFailure("\(tensor.id) is not quantized") }
        return q
    }

    /// The elements of a constant int32 operand that must be a 1-D vector of `count` values.
    func constantVector(_ tensor: Tensor, _ role: String, count: Int) throws(CompileError) -> [Int32] {
        try requireConstant(tensor, role)
        guard tensor.shape.rank == 1, tensor.shape[0] == count else {
            throw error(.malformed, "\(role) has shape \(tensor.shape); \(node.op.name) needs [\(count)]", tensor)
        }
        return int32Values(tensor)
    }
}
