/// SVDF with int8 input and output (TFLM `svdf.cc` / `svdf_common.cc`, integer path;
/// docs/OPERATOR_SEMANTICS.md, "SVDF").
///
/// Operands: input int8 `[B, I]`, weights_feature int8 `[F, I]`, weights_time `[F, M]` (int16 or
/// int8), bias int32 `[U]` with `U = F / rank`, and the activation state, a variable tensor
/// `[B, F * M]` of the weights_time type that persists between invokes. Each invoke shifts every
/// filter's memory left by one, stores the new feature products in the last slot, and reduces the
/// memory against weights_time over the rank of each unit (`SvdfParams`).
public struct Svdf: OperatorDefinition {
    /// `rank`: filters per unit.
    public var rank: Int
    /// `fused_activation_function`: TFLM's integer SVDF never applies it (NONE and RELU accepted).
    public var activation: FusedActivation

    public init(rank: Int, activation: FusedActivation) {
        self.rank = rank
        self.activation = activation
    }

    public static let name = "SVDF"
    public static let support = OperatorSupport(
        types: "int8 input/output, int8 weights_feature, int16 or int8 weights_time and state, int32 bias",
        options: "any rank, batch and memory size; state kept between invokes (`<prefix>_reset()`); fused NONE or "
            + "RELU, which TFLM's integer SVDF ignores (so does mcuc); bias required (TFLM reads its scale)")
    public static let inputCounts = 5...5

    /// Operand positions.
    public enum Operand {
        public static let input = 0, weightsFeature = 1, weightsTime = 2, bias = 3, state = 4
    }

    public func allowedTypes(_ role: OperandRole) -> Set<DataType> {
        switch role {
        case .input(Operand.weightsTime), .input(Operand.state): [.int8, .int16]
        case .input(Operand.bias): [.int32]
        default: [.int8]
        }
    }

    public var attributeSummary: [(key: String, value: String)] { [("rank", "\(rank)"), ("act", "\(activation)")] }

    /// The feature products and the time products of one invoke.
    public func macs(_ op: OpOperands) -> Int {
        guard let x = op.optionalInput(0)?.shape, x.rank == 2,
              let wf = op.optionalInput(Operand.weightsFeature)?.shape, wf.rank == 2,
              let wt = op.optionalInput(Operand.weightsTime)?.shape, wt.rank == 2 else { return 0 }
        return saturatingProduct([x[0], wf[0], x[1] + wt[1]])
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(Operand.input), wf = op.input(Operand.weightsFeature), wt = op.input(Operand.weightsTime)
        let state = op.input(Operand.state), output = op.output
        guard activation == .none || activation == .relu else {
            throw op.error(.unsupported, "fused activation \(activation) not supported (NONE or RELU)")
        }
        try op.requireRank(input, 2, "input")
        try op.requireRank(wf, 2, "weights_feature")
        try op.requireRank(wt, 2, "weights_time")
        try op.requireRank(state, 2, "activation state")
        let batches = input.shape[0], inputSize = input.shape[1], filters = wf.shape[0], memory = wt.shape[1]
        guard rank >= 1, filters >= 1, filters % rank == 0 else {
            throw op.error(.malformed, "rank \(rank) does not divide the \(filters) filters of weights_feature", wf)
        }
        let units = filters / rank
        guard batches >= 1, inputSize >= 1, memory >= 1 else {
            throw op.error(.malformed, "input \(input.shape) and weights_time \(wt.shape) need non-empty dimensions", input)
        }
        guard wf.shape[1] == inputSize else {
            throw op.error(.malformed, "weights_feature has shape \(wf.shape); expected [\(filters), \(inputSize)]", wf)
        }
        guard wt.shape[0] == filters else {
            throw op.error(.malformed, "weights_time has shape \(wt.shape); expected [\(filters), \(memory)]", wt)
        }
        guard output.shape == Shape([batches, units]) else {
            throw op.error(.malformed, "output has shape \(output.shape); expected [\(batches), \(units)]", output)
        }
        guard state.shape == Shape([batches, filters * memory]) else {
            throw op.error(.malformed, "activation state has shape \(state.shape); expected [\(batches), \(filters * memory)]", state)
        }
        guard state.isVariable, !state.isConstant else {
            throw op.error(.unsupported, "activation state must be a variable tensor (state kept between invokes)", state)
        }
        guard state.type == wt.type else {
            throw op.error(.unsupported, "activation state is \(state.type) but weights_time is \(wt.type); "
                           + "TFLM reads both with the weights_time type", state)
        }
        try checkConstants(op, units: units)
        try checkQuantization(op)
    }

    /// Constant weights with one scale and zero point 0 (TFLM applies no weight offset), a constant bias.
    func checkConstants(_ op: OpOperands, units: Int) throws(CompileError) {
        for (position, role) in [(Operand.weightsFeature, "weights_feature"), (Operand.weightsTime, "weights_time")] {
            let w = op.input(position)
            try op.requireConstant(w, role)
            try op.requirePerTensor(w, role)
            guard op.zeroPoint(w) == 0 else {
                throw op.error(.unsupported, "\(role) has a non-zero zero point; TFLM's SVDF applies none", w)
            }
        }
        let bias = op.input(Operand.bias)
        try op.requireConstant(bias, "bias")
        guard bias.shape == Shape([units]) else {
            throw op.error(.malformed, "bias has shape \(bias.shape); expected [\(units)]", bias)
        }
    }

    /// Per-tensor activations, TFLM's bias-scale check and two representable rescales.
    func checkQuantization(_ op: OpOperands) throws(CompileError) {
        let state = op.input(Operand.state)
        for (t, role) in [(op.input(Operand.input), "input"), (state, "activation state"), (op.output, "output"),
                          (op.input(Operand.bias), "bias")] {
            try op.requirePerTensor(t, role)
        }
        if state.type == .int16, op.zeroPoint(state) != 0 {
            throw op.error(.unsupported, "an int16 activation state needs zero point 0", state)
        }
        let scales = SvdfParams.Scales(op)
        guard abs(scales.bias - scales.stateTimesWeights) < 1e-5 else {
            throw op.error(.unsupported, "bias scale \(scales.bias) differs from state x weights_time scale "
                           + "\(scales.stateTimesWeights) by 1e-5 or more (TFLM refuses it)", op.input(Operand.bias))
        }
        try op.requireRescale(scales.feature, "input x weights_feature -> state", state)
        try op.requireRescale(scales.output, "state x weights_time -> output", op.output)
    }

    public func prepare(_ op: OpOperands) -> SvdfParams { SvdfParams(op, self) }
}
