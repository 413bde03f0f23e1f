import IR

/// UNIDIRECTIONAL_SEQUENCE_LSTM, int8 activations and int16 cell (TFLM's integer LSTM), step by
/// step as `LSTMParams` describes it. Reads the hidden and cell state and returns their values
/// after the last step with the output.
enum ReferenceLSTM {
    struct Result {
        var output: TensorValue, hidden: TensorValue, cell: TensorValue
    }

    static func run(_ c: OpContext, _ p: LSTMParams) -> Result {
        typealias O = UnidirectionalSequenceLSTM.Operand
        let x = c.input(O.input).int8Values
        var hidden = c.input(O.hiddenState).int8Values, cell = c.input(O.cellState).int16Values
        var output = [Int8](repeating: 0, count: p.batches * p.steps * p.units)
        for b in 0..<p.batches {
            for t in 0..<p.steps {
                let row = p.timeMajor ? t * p.batches + b : b * p.steps + t
                let xt = Array(x[(row * p.inputSize)..<((row + 1) * p.inputSize)])
                var h = Array(hidden[(b * p.units)..<((b + 1) * p.units)])
                var cs = Array(cell[(b * p.units)..<((b + 1) * p.units)])
                step(p, input: xt, hidden: &h, cell: &cs)
                hidden.replaceSubrange((b * p.units)..<((b + 1) * p.units), with: h)
                cell.replaceSubrange((b * p.units)..<((b + 1) * p.units), with: cs)
                output.replaceSubrange((row * p.units)..<((row + 1) * p.units), with: h)
            }
        }
        return Result(output: .int8(c.outputTensor.shape, output),
                      hidden: .int8(c.inputTensor(O.hiddenState).shape, hidden),
                      cell: TensorValue(shape: c.inputTensor(O.cellState).shape, storage: .int16(cell)))
    }

    /// One time step of one batch row: the gates, the cell update, the new hidden state.
    static func step(_ p: LSTMParams, input: [Int8], hidden h: inout [Int8], cell c: inout [Int16]) {
        func gate(_ g: Int) -> [Int16] {
            let w = p.gates[g]
            let fromInput = fullyConnected(input, w.inputWeights, w.bias, p.inputZeroPoint, w.inputMultiplier)
            let fromHidden = fullyConnected(h, w.recurrentWeights, nil, p.hiddenZeroPoint, w.recurrentMultiplier)
            return zip(fromInput, fromHidden).map { saturate16(Int32($0) + Int32($1)) }
        }
        let m = Int16Sigmoid.gateMultiplier
        let forget = gate(LSTMParams.forgetGate).map { Int16Sigmoid.logistic($0, multiplier: m, shift: 0) }
        let inputGate = gate(LSTMParams.inputGate).map { Int16Sigmoid.logistic($0, multiplier: m, shift: 0) }
        let cellGate = gate(LSTMParams.cellGate).map { Int16Sigmoid.tanh($0, multiplier: m, shift: 0) }
        for u in 0..<p.units {
            let kept = saturate16(QuantizedMath.multiplyByQuantizedMultiplier(Int32(forget[u]) * Int32(c[u]), p.forgetTimesCell))
            let added = saturate16(QuantizedMath.multiplyByQuantizedMultiplier(Int32(inputGate[u]) * Int32(cellGate[u]),
                                                                               p.inputTimesCellGate))
            var updated = saturate16(Int32(kept) + Int32(added))
            if let clip = p.cellClip { updated = min(max(updated, -clip), clip) }
            c[u] = updated
        }
        let outputGate = gate(LSTMParams.outputGate).map { Int16Sigmoid.logistic($0, multiplier: m, shift: 0) }
        for u in 0..<p.units {
            let t = Int16Sigmoid.tanh(c[u], multiplier: p.cellTanhMultiplier, shift: p.cellTanhShift)
            let v = QuantizedMath.multiplyByQuantizedMultiplier(Int32(outputGate[u]) * Int32(t), p.outputTimesTanh)
            h[u] = QuantizedMath.clampToInt8(v &+ p.hiddenZeroPoint, -128...127)
        }
    }

    /// One gate FC to int16 on scale 2^-12: `clamp_i16(MBQM(bias + Σ w (v - zp), M))`, int32 wrapping.
    static func fullyConnected(_ v: [Int8], _ w: [Int8], _ bias: [Int32]?, _ zeroPoint: Int32,
                               _ m: FixedPointMultiplier) -> [Int16] {
        let depth = v.count
        return (0..<(w.count / depth)).map { u in
            var acc = bias?[u] ?? 0
            for d in 0..<depth { acc = acc &+ Int32(w[u * depth + d]) &* (Int32(v[d]) &- zeroPoint) }
            return saturate16(QuantizedMath.multiplyByQuantizedMultiplier(acc, m))
        }
    }

    static func saturate16(_ v: Int32) -> Int16 { Int16(min(max(v, -32768), 32767)) }
}
