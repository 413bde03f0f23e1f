/// Checks of the element-wise int8 ops: SOFTMAX, LOGISTIC, TANH, HARD_SWISH, RELU, RELU6,
/// LEAKY_RELU, QUANTIZE and DEQUANTIZE.
enum ActivationChecks {
    /// The fixed output grid of SOFTMAX and LOGISTIC: scale 1/256, zero point -128.
    static let probabilityScale: Float = 1.0 / 256.0
    /// The fixed output grid of TANH: scale 1/128, zero point 0.
    static let tanhScale: Float = 1.0 / 128.0

    static func softmax(_ op: OpCheck, _ a: SoftmaxAttrs) throws(CompileError) {
        let input = op.input(0), output = op.output
        guard input.shape.rank >= 1 else {
            throw op.error(.malformed, "SOFTMAX needs an input of rank 1 or more", input)
        }
        try op.requireSameShape(output, as: input)
        try requireOutputGrid(op, scale: probabilityScale, zeroPoint: -128, scaleText: "1/256")
        guard a.beta.isFinite else {
            throw op.error(.unsupported, "beta \(a.beta) is not finite")
        }
        let inScale = op.quant(input).scale[0]
        guard SoftmaxParams(beta: a.beta, inputScale: inScale) != nil else {
            let real = SoftmaxParams.realMultiplier(beta: a.beta, inputScale: inScale)
            throw op.error(.unsupported, "beta * input scale * 2^26 = \(real) must be greater than 1 "
                           + "(TFLM's QuantizeMultiplierGreaterThanOne aborts otherwise; beta \(a.beta), "
                           + "input scale \(inScale))", input)
        }
    }

    static func logistic(_ op: OpCheck) throws(CompileError) {
        try requireSameShape(op)
        try requireOutputGrid(op, scale: probabilityScale, zeroPoint: -128, scaleText: "1/256")
        try requireSigmoidInput(op)
    }

    static func tanh(_ op: OpCheck) throws(CompileError) {
        try requireSameShape(op)
        try requireOutputGrid(op, scale: tanhScale, zeroPoint: 0, scaleText: "1/128")
        try requireSigmoidInput(op)
    }

    static func hardSwish(_ op: OpCheck) throws(CompileError) {
        try requireSameShape(op)
        let inScale = op.quant(op.input(0)).scale[0], outScale = op.quant(op.output).scale[0]
        if let problem = HardSwishParams.problem(inputScale: inScale, outputScale: outScale) {
            throw op.error(.unsupported, problem, op.output)
        }
    }

    static func relu(_ op: OpCheck) throws(CompileError) {
        try requireSameShape(op)
        let inQ = op.quant(op.input(0)), outQ = op.quant(op.output)
        try op.requireInt8Rescale(RescaleRecipe.ratio(input: inQ.scale[0], output: outQ.scale[0]),
                                  "the input/output scale ratio", op.output)
    }

    /// TFLM clamps RELU6 in the input's quantization (`Relu6Prepare`); the bound
    /// `round(6 / scale) + zp` must be a defined int32 conversion.
    static func relu6(_ op: OpCheck) throws(CompileError) {
        try requireSameShape(op)
        let input = op.input(0)
        let q = op.quant(input)
        let six = Double((6 / q.scale[0]).rounded(.toNearestOrAwayFromZero)) + Double(q.zeroPoint[0])
        guard six.isFinite, six < Double(Int32.max) else {
            throw op.error(.unsupported, "input scale \(q.scale[0]) is too small: TFLM's RELU6 bound "
                           + "round(6 / scale) + zero point overflows int32", input)
        }
    }

    static func leakyRelu(_ op: OpCheck, _ a: LeakyReluAttrs) throws(CompileError) {
        try requireSameShape(op)
        guard a.alpha.isFinite else {
            throw op.error(.unsupported, "alpha \(a.alpha) is not finite")
        }
        let inScale = op.quant(op.input(0)).scale[0], outScale = op.quant(op.output).scale[0]
        let (identity, alpha) = LeakyReluParams.ratios(alpha: a.alpha, inputScale: inScale, outputScale: outScale)
        try op.requireInt8Rescale(identity, "the input/output scale ratio", op.output)
        try op.requireInt8Rescale(alpha, "the alpha rescale (input scale * alpha / output scale)", op.output)
    }

    static func quantize(_ op: OpCheck) throws(CompileError) {
        try requireSameShape(op)
        let input = op.input(0), output = op.output
        guard input.type == .int8 else { return }
        let inScale = op.quant(input).scale[0], outScale = op.quant(output).scale[0]
        try op.requireInt8Rescale(RescaleRecipe.ratio(input: inScale, output: outScale),
                                  "the input/output scale ratio", output)
    }

    static func dequantize(_ op: OpCheck) throws(CompileError) {
        try requireSameShape(op)
    }

    // MARK: - Shared rules

    static func requireSameShape(_ op: OpCheck) throws(CompileError) {
        try op.requireSameShape(op.output, as: op.input(0))
    }

    /// The output quantization the kernel hard-codes (TFLM checks the zero point, and for
    /// SOFTMAX the scale; its LOGISTIC and TANH kernels assume the scale without checking, so
    /// mcuc requires it rather than compute values on a different grid).
    static func requireOutputGrid(_ op: OpCheck, scale: Float, zeroPoint: Int32, scaleText: String) throws(CompileError) {
        let q = op.quant(op.output)
        guard q.scale[0] == scale, q.zeroPoint[0] == zeroPoint else {
            throw op.error(.unsupported, "output quantization is scale \(q.scale[0]), zero point \(q.zeroPoint[0]); "
                           + "int8 \(op.node.op.name) writes scale \(scaleText), zero point \(zeroPoint)", op.output)
        }
    }

    /// LOGISTIC and TANH: the input scale must give TFLM a defined radius computation.
    static func requireSigmoidInput(_ op: OpCheck) throws(CompileError) {
        let input = op.input(0)
        let scale = op.quant(input).scale[0]
        guard SigmoidParams(inputScale: scale) != nil else {
            throw op.error(.unsupported, "input scale \(scale) is outside the range TFLM's \(op.node.op.name) "
                           + "handles (2^-28 to 2^35): its input-radius shift would be undefined", input)
        }
    }
}
