/// The requirements operator checks share: ranks, constness, quantization, representable rescales.
extension OpOperands {
    /// The largest left shift an int8 requantization `MBQM(x - zp, M, shift)` can take:
    /// `|x - zp| <= 255`, and `255 * 2^23` is the largest such product that fits in int32
    /// (TFLM's `x * (1 << shift)` overflows beyond it).
    static let maxInt8LeftShift: Int32 = 23

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

    /// The largest left shift a requantization of an int16 difference can take: `|x - zp| <=
    /// 65535`, and `65535 * 2^15` is the largest such product that fits in int32.
    static let maxInt16LeftShift: Int32 = 15

    /// A rescale of an int8 difference (`x - zp`) that TFLM's fixed-point requantization computes
    /// without overflow: finite, and a left shift of at most 23.
    func requireInt8Rescale(_ real: Double, _ what: String, _ tensor: Tensor? = nil) throws(CompileError) {
        try requireDifferenceRescale(real, of: .int8, what, tensor)
    }

    /// A rescale of a difference `x - zp` of `type` (int8: left shift at most 23, int16: at most 15)
    /// that TFLM's fixed-point requantization computes without overflow.
    func requireDifferenceRescale(_ real: Double, of type: DataType, _ what: String,
                                  _ tensor: Tensor? = nil) throws(CompileError) {
        guard real.isFinite else {
            throw error(.unsupported, "\(what) \(real) is not a finite number", tensor)
        }
        let m = FixedPointMultiplier(real: abs(real))
        let limit = type == .int16 ? Self.maxInt16LeftShift : Self.maxInt8LeftShift
        guard m.shift <= limit else {
            throw error(.unsupported, "\(what) \(real) is too large: scaling an \(type) difference by it overflows "
                        + "TFLM's 32-bit fixed-point requantization", tensor)
        }
    }

    /// Input and output quantization must be identical (ops that copy or compare raw int8 values).
    func requireSameQuant(_ tensor: Tensor, as reference: Tensor, _ why: String) throws(CompileError) {
        let a = tensor.quant, b = reference.quant
        guard a?.scale == b?.scale, a?.zeroPoint == b?.zeroPoint else {
            throw error(.unsupported, why, tensor)
        }
    }

    /// The output has the input's shape (element-wise ops).
    func requireSameShape(_ output: Tensor, as input: Tensor) throws(CompileError) {
        guard output.shape == input.shape else {
            throw error(.malformed, "output has shape \(output.shape) but the input has \(input.shape); "
                        + "\(node.op.name) keeps the shape", output)
        }
    }

    /// Element-wise ops: the output has operand 0's shape.
    func requireSameShape() throws(CompileError) {
        try requireSameShape(output, as: input(0))
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

extension OpOperands {
    /// TFLM's int16 kernels take symmetric activations: an int16 `tensor` must have zero point 0
    /// (int8 tensors pass).
    func requireInt16ZeroPointZero(_ tensor: Tensor, _ role: String) throws(CompileError) {
        guard tensor.type == .int16, let zp = tensor.quant?.zeroPoint.first, zp != 0 else { return }
        throw error(.unsupported, "\(role) is int16 with zero point \(zp); TFLM's int16 \(node.op.name) needs zero point 0",
                    tensor)
    }

    /// Every tensor of `tensors` has the element type of the first (ops that keep the type: int8
    /// in, int8 out; int16 in, int16 out).
    func requireSameType(_ tensors: [Tensor]) throws(CompileError) {
        guard let first = tensors.first else { return }
        if let other = tensors.first(where: { $0.type != first.type }) {
            throw error(.unsupported, "\(node.op.name) with \(first.type) and \(other.type) operands: TFLM's kernel "
                        + "takes one element type", other)
        }
    }

    /// Copying ops keep values as they are, so the output must be on the input's grid (TFLM
    /// copies without checking).
    func requireCopiedQuant() throws(CompileError) {
        try requireSameQuant(output, as: input(0),
                             "output quantization differs from the input's; \(node.op.name) copies int8 "
                             + "values without requantizing")
    }
}
