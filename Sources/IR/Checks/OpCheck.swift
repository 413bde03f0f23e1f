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
