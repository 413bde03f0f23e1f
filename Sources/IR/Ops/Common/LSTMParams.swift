/// The constants of one integer UNIDIRECTIONAL_SEQUENCE_LSTM (int8 activations, int16 cell), as
/// TFLM's Prepare derives them (docs/OPERATOR_SEMANTICS.md, "UNIDIRECTIONAL_SEQUENCE_LSTM").
///
/// Per step and batch row: each gate is `sat16(FC(x_t) + FC(h))`, each FC
/// `clamp_i16(MBQM(Σ w (v - zp) + bias, M))` on the gate scale 2^-12; the forget, input and
/// output gates go through the int16 LOGISTIC, the cell gate through the int16 TANH (both Q3.12
/// in, Q0.15 out); then `c = sat16(clamp_i16(MBQM(f c, M_fc)) + clamp_i16(MBQM(i g, M_ig)))`,
/// clipped, and `h = clamp_i8(MBQM(o tanh(c), M_oh) + zp_h)`.
public struct LSTMParams: Sendable, Hashable {
    /// One gate's weights and input rescales (gate FCs output int16 on scale 2^-12).
    public struct Gate: Sendable, Hashable {
        /// `[units][inputSize]` and `[units][units]`, as stored.
        public var inputWeights: [Int8], recurrentWeights: [Int8]
        public var bias: [Int32]
        /// `s_x s_w / 2^-12` and `s_h s_r / 2^-12` (double).
        public var inputMultiplier: FixedPointMultiplier, recurrentMultiplier: FixedPointMultiplier
    }

    /// The gates in operand order: input, forget, cell, output (`Gate.input` ...).
    public var gates: [Gate]
    public static let inputGate = 0, forgetGate = 1, cellGate = 2, outputGate = 3

    public var batches: Int, steps: Int, inputSize: Int, units: Int
    public var timeMajor: Bool
    public var inputZeroPoint: Int32, hiddenZeroPoint: Int32
    /// Forget x cell -> cell, input x cell gate -> cell, output x tanh(cell) -> hidden.
    public var forgetTimesCell: FixedPointMultiplier, inputTimesCellGate: FixedPointMultiplier
    public var outputTimesTanh: FixedPointMultiplier
    /// `±cellClip` bounds the cell state; nil when the model sets no clip.
    public var cellClip: Int16?
    /// The int16 TANH of the cell state: `v = (c * multiplier + round) >> shift` (Q3 input).
    public var cellTanhMultiplier: Int32, cellTanhShift: Int32

    /// TFLM's `15 + CheckedLog2(s_cell) - 3` (the cell state's Q format relative to Q3.12).
    public static func cellTanhLeftShift(cellScale: Float) -> Int {
        let l = GlibcMath.logf(cellScale) * (1 / GlibcMath.logf(2))
        return 12 + Int(l.rounded(.toNearestOrAwayFromZero))
    }

    /// The real rescales, from float32 scales in double as the pinned TFLM computes them.
    struct Scales {
        let input: Double, hidden: Double, cell: Double
        let inputWeights: [Double], recurrentWeights: [Double]
        static let gate = 1.0 / 4096.0, q15 = 1.0 / 32768.0

        init(_ op: OpOperands) {
            input = Double(op.scale(op.input(0)))
            hidden = Double(op.scale(op.input(UnidirectionalSequenceLSTM.Operand.hiddenState)))
            cell = Double(op.input(UnidirectionalSequenceLSTM.Operand.cellState).quant?.scale[0] ?? 0)
            inputWeights = (0..<4).map { Double(op.scale(op.input(UnidirectionalSequenceLSTM.Operand.inputWeights + $0))) }
            recurrentWeights = (0..<4).map {
                Double(op.scale(op.input(UnidirectionalSequenceLSTM.Operand.recurrentWeights + $0)))
            }
        }

        func gateInput(_ g: Int) -> Double { input * inputWeights[g] / Self.gate }
        func gateRecurrent(_ g: Int) -> Double { hidden * recurrentWeights[g] / Self.gate }
        var forgetTimesCell: Double { Self.q15 * cell / cell }
        var inputTimesCellGate: Double { Self.q15 * Self.q15 / cell }
        var outputTimesTanh: Double { Self.q15 * Self.q15 / hidden }
    }

    init(_ op: OpOperands, _ lstm: UnidirectionalSequenceLSTM) {
        typealias O = UnidirectionalSequenceLSTM.Operand
        let input = op.input(O.input), hidden = op.input(O.hiddenState)
        let scales = Scales(op)
        gates = (0..<4).map { g in
            Gate(inputWeights: op.int8Values(op.input(O.inputWeights + g)),
                 recurrentWeights: op.int8Values(op.input(O.recurrentWeights + g)),
                 bias: op.int32Values(op.input(O.biases + g)),
                 inputMultiplier: FixedPointMultiplier(real: scales.gateInput(g)),
                 recurrentMultiplier: FixedPointMultiplier(real: scales.gateRecurrent(g)))
        }
        batches = hidden.shape[0]
        units = hidden.shape[1]
        steps = lstm.timeMajor ? input.shape[0] : input.shape[1]
        inputSize = input.shape[2]
        timeMajor = lstm.timeMajor
        inputZeroPoint = op.zeroPoint(input)
        hiddenZeroPoint = op.zeroPoint(hidden)
        forgetTimesCell = FixedPointMultiplier(real: scales.forgetTimesCell)
        inputTimesCellGate = FixedPointMultiplier(real: scales.inputTimesCellGate)
        outputTimesTanh = FixedPointMultiplier(real: scales.outputTimesTanh)
        if lstm.cellClip > 0 {
            let q = min(max(Double(lstm.cellClip) / scales.cell, -32768), 32767)
            cellClip = Int16(q.rounded(.towardZero))
        } else {
            cellClip = nil
        }
        let shift = Self.cellTanhLeftShift(cellScale: Float(scales.cell))
        if shift >= 0 {
            cellTanhMultiplier = 3 << Int32(shift)
            cellTanhShift = 0
        } else {
            cellTanhMultiplier = 3
            cellTanhShift = Int32(-shift)
        }
    }
}
