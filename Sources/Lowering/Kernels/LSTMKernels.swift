import IR

/// `mcuc_lstm_params` (`Templates/kernels/common/mcuc_lstm.h`), field for field.
struct LSTMKernelParams: KernelParams {
    static let cType = "mcuc_lstm_params"
    var batches: Int32, steps: Int32, inputSize: Int32, units: Int32
    var timeMajor: Int32
    var inputZp: Int32, hiddenZp: Int32
    var forgetCellMult: Int32, forgetCellShift: Int32
    var inputCellMult: Int32, inputCellShift: Int32
    var outputHiddenMult: Int32, outputHiddenShift: Int32
    var cellClip: Int32
    var cellTanhMult: Int32, cellTanhShift: Int32
    var weights: TableRef
    var bias: TableRef
    var gateMult: TableRef
}

extension OpLowering {
    /// UNIDIRECTIONAL_SEQUENCE_LSTM (`mcuc_lstm_s8`): reads the input, writes the output, and
    /// reads and rewrites the two variable tensors in the model's state buffer (never in the
    /// arena). Each step's new hidden state is built in the step's output row, so the kernel needs
    /// no scratch. Rows visited in increasing order (batch-major, or one batch) stream like
    /// FULLY_CONNECTED (`interleaved`: output row r written while input row r is read); time-major
    /// with several batches visits rows out of order and keeps the output separate.
    func lstm(_ p: LSTMParams) -> KernelCall {
        typealias O = UnidirectionalSequenceLSTM.Operand
        let weights = ConstantTable(id: .call(node.id, role: "weights"), kind: .weights(source: operand(O.inputWeights)),
                                    values: .int8(p.gates.flatMap { $0.inputWeights + $0.recurrentWeights }))
        let bias = ConstantTable(id: .call(node.id, role: "bias"), kind: .bias(folded: false),
                                 values: .int32(p.gates.flatMap(\.bias)))
        let gateMult = ConstantTable(id: .call(node.id, role: "mult"), kind: .multipliers, values: .int32(p.gates.flatMap {
            [$0.inputMultiplier.multiplier, $0.inputMultiplier.shift, $0.recurrentMultiplier.multiplier,
             $0.recurrentMultiplier.shift]
        }))
        let params = LSTMKernelParams(
            batches: Int32(p.batches), steps: Int32(p.steps), inputSize: Int32(p.inputSize), units: Int32(p.units),
            timeMajor: p.timeMajor ? 1 : 0, inputZp: p.inputZeroPoint, hiddenZp: p.hiddenZeroPoint,
            forgetCellMult: p.forgetTimesCell.multiplier, forgetCellShift: p.forgetTimesCell.shift,
            inputCellMult: p.inputTimesCellGate.multiplier, inputCellShift: p.inputTimesCellGate.shift,
            outputHiddenMult: p.outputTimesTanh.multiplier, outputHiddenShift: p.outputTimesTanh.shift,
            cellClip: p.cellClip.map(Int32.init) ?? -1, cellTanhMult: p.cellTanhMultiplier, cellTanhShift: p.cellTanhShift,
            weights: weights.ref, bias: bias.ref, gateMult: gateMult.ref)
        let input = operand(O.input)
        let binding = bind(.lstm, "mcuc_lstm_s8", params,
                           [.tensor(input), .tensor(output), .tensor(operand(O.hiddenState)), .tensor(operand(O.cellState))],
                           tables: [weights, bias, gateMult] + constantTables([input]))
        let rowsInOrder = !p.timeMajor || p.batches == 1
        let contract = rowsInOrder ? streaming(.interleaved) {
            StreamingGap.interleaved(units: p.batches * p.steps, inputUnitBytes: p.inputSize, outputUnitBytes: p.units)
        } : .separate
        return call(.lstm, binding, detail: "\(p.steps) steps x \(p.units) units", contract: contract)
    }
}
