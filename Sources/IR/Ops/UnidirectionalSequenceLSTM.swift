/// UNIDIRECTIONAL_SEQUENCE_LSTM with int8 activations and an int16 cell state (TFLM
/// `unidirectional_sequence_lstm.cc`, integer path; docs/OPERATOR_SEMANTICS.md).
///
/// Operands as in TFLite (24): input `[B, T, I]` (`[T, B, I]` when time major), the input weights
/// of the input, forget, cell and output gates (1-4, `[S, I]`), their recurrent weights (5-8,
/// `[S, S]`), their biases (12-15, `[S]`), the hidden state (18, int8 variable `[B, S]`) and the
/// cell state (19, int16 variable `[B, S]`). Peephole (9-11), projection (16-17) and layer
/// normalization (20-23) must be absent, as TFLM requires. The op reads and rewrites both state
/// tensors (they persist between invokes) and writes the hidden state of every step to its
/// output. The model's `intermediates` are not operands (TFLM never reads them).
public struct UnidirectionalSequenceLSTM: OperatorDefinition {
    /// The cell-gate activation (`fused_activation_function`): TFLM's integer LSTM runs TANH only.
    public var cellActivation: FusedActivation
    /// `cell_clip`: a positive value clamps the cell state to `±cell_clip` (real units).
    public var cellClip: Float
    /// The input and output are `[T, B, *]` instead of `[B, T, *]`.
    public var timeMajor: Bool

    public init(cellActivation: FusedActivation, cellClip: Float, timeMajor: Bool) {
        self.cellActivation = cellActivation
        self.cellClip = cellClip
        self.timeMajor = timeMajor
    }

    public static let name = "UNIDIRECTIONAL_SEQUENCE_LSTM"
    public static let support = OperatorSupport(
        types: "int8, int16 cell state, int32 bias",
        options: "batch- or time-major, cell clip, TANH cell gate; TFLM's int16 sigmoid/tanh gates; state kept between "
            + "invokes (`<prefix>_reset()`); no peephole, projection or layer norm (as TFLM); int16 activations refused")
    public static let inputCounts = 24...24
    /// The input and the eight gate weights; the other required operands are checked by `check`.
    public static let requiredInputs = 9

    /// Operand positions.
    public enum Operand {
        public static let input = 0
        /// Input weights of the input, forget, cell and output gates (then +4: recurrent weights).
        public static let inputWeights = 1, recurrentWeights = 5
        /// Biases of the input, forget, cell and output gates.
        public static let biases = 12
        public static let hiddenState = 18, cellState = 19
        /// Operands TFLM's integer LSTM rejects when present.
        static let absent: [(Int, String)] = [(9, "peephole"), (10, "peephole"), (11, "peephole"),
                                              (16, "projection"), (17, "projection"), (20, "layer norm"),
                                              (21, "layer norm"), (22, "layer norm"), (23, "layer norm")]
    }

    /// int16 activations are recognised here so that `check` can name them as the reason.
    public func allowedTypes(_ role: OperandRole) -> Set<DataType> {
        switch role {
        case .input(Operand.input), .input(Operand.hiddenState), .output: [.int8, .int16]
        case .input(Operand.cellState): [.int16]
        case .input(let i) where (Operand.biases..<Operand.biases + 4).contains(i): [.int32, .int64]
        default: [.int8]
        }
    }

    public var attributeSummary: [(key: String, value: String)] {
        [("cell_clip", "\(cellClip)"), ("time_major", "\(timeMajor)"), ("act", "\(cellActivation)")]
    }

    /// Eight gate products per step and state unit: four over the input, four over the hidden state.
    public func macs(_ op: OpOperands) -> Int {
        guard let x = op.optionalInput(0)?.shape, x.rank == 3,
              let w = op.optionalInput(Operand.inputWeights)?.shape, w.rank == 2 else { return 0 }
        let units = w[0], steps = x[0] * x[1]
        return saturatingProduct([steps, 4, units, w[1] + units])
    }

    public func check(_ op: OpOperands) throws(CompileError) {
        let input = op.input(Operand.input)
        guard input.type == .int8 else {
            throw op.error(.unsupported, "int16 activations not supported", input)
        }
        for (position, what) in Operand.absent {
            if let t = op.optionalInput(position) {
                throw op.error(.unsupported, "\(what) operand \(position) is present; TFLM's integer LSTM has none", t)
            }
        }
        for position in [Operand.biases, Operand.biases + 1, Operand.biases + 2, Operand.biases + 3,
                         Operand.hiddenState, Operand.cellState] where op.node.input(position) == nil {
            throw op.error(.malformed, "required input \(position) is missing")
        }
        guard cellActivation == .tanh else {
            throw op.error(.unsupported, "cell activation \(cellActivation): TFLM's integer LSTM runs TANH only")
        }
        try op.requireRank(input, 3, "input")
        let batches = timeMajor ? input.shape[1] : input.shape[0], steps = timeMajor ? input.shape[0] : input.shape[1]
        let depth = input.shape[2]
        let hidden = op.input(Operand.hiddenState), cell = op.input(Operand.cellState)
        try op.requireRank(hidden, 2, "hidden state")
        let units = hidden.shape[1]
        guard batches >= 1, steps >= 1, depth >= 1, units >= 1 else {
            throw op.error(.malformed, "input has shape \(input.shape) and hidden state \(hidden.shape) with an empty dimension", input)
        }
        for (state, role) in [(hidden, "hidden state"), (cell, "cell state")] {
            guard state.shape == Shape([batches, units]) else {
                throw op.error(.malformed, "\(role) has shape \(state.shape); expected [\(batches), \(units)]", state)
            }
            guard state.isVariable, !state.isConstant else {
                throw op.error(.unsupported, "\(role) must be a variable tensor (state kept between invokes)", state)
            }
        }
        for gate in 0..<4 {
            try requireWeights(op, position: Operand.inputWeights + gate, shape: [units, depth])
            try requireWeights(op, position: Operand.recurrentWeights + gate, shape: [units, units])
            let bias = op.input(Operand.biases + gate)
            try op.requireConstant(bias, "bias")
            guard bias.type == .int32, bias.shape == Shape([units]) else {
                throw op.error(.malformed, "bias has \(bias.type)\(bias.shape); expected int32[\(units)]", bias)
            }
        }
        let expected = timeMajor ? Shape([steps, batches, units]) : Shape([batches, steps, units])
        guard op.output.shape == expected else {
            throw op.error(.malformed, "output has shape \(op.output.shape); expected \(expected)", op.output)
        }
        try op.requirePerTensor(input, "input")
        try op.requirePerTensor(hidden, "hidden state")
        try op.requireSameQuant(op.output, as: hidden, "output quantization differs from the hidden state's; "
                                + "the LSTM copies the hidden state into its output")
        guard let cq = cell.quant, cq.scale.count == 1, cq.scale[0] > 0, cq.scale[0].isFinite, cq.zeroPoint == [0] else {
            throw op.error(.unsupported, "cell state needs one positive scale and zero point 0", cell)
        }
        let tanhShift = LSTMParams.cellTanhLeftShift(cellScale: cq.scale[0])
        guard tanhShift <= 14, tanhShift >= -31 else {
            throw op.error(.unsupported, "cell scale \(cq.scale[0]) is outside the int16 TANH's range", cell)
        }
        let scales = LSTMParams.Scales(op)
        for gate in 0..<4 {
            try op.requireRescale(scales.gateInput(gate), "gate input", op.input(Operand.inputWeights + gate))
            try op.requireRescale(scales.gateRecurrent(gate), "gate recurrent", op.input(Operand.recurrentWeights + gate))
        }
        for (real, what) in [(scales.forgetTimesCell, "forget x cell"), (scales.inputTimesCellGate, "input x cell gate"),
                             (scales.outputTimesTanh, "output x tanh(cell)")] {
            try op.requireRescale(real, what)
        }
    }

    /// Constant int8 weights of `shape`, one scale, zero point 0 (TFLM applies no weight offset).
    func requireWeights(_ op: OpOperands, position: Int, shape: [Int]) throws(CompileError) {
        let w = op.input(position)
        try op.requireConstant(w, "weights")
        guard w.shape == Shape(shape) else {
            throw op.error(.malformed, "weights have shape \(w.shape); expected \(Shape(shape))", w)
        }
        try op.requirePerTensor(w, "weights")
        guard op.zeroPoint(w) == 0 else {
            throw op.error(.unsupported, "weights have a non-zero zero point; TFLM's LSTM applies none", w)
        }
    }

    public func prepare(_ op: OpOperands) -> LSTMParams { LSTMParams(op, self) }
}
