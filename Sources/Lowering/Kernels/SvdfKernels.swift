import IR

/// `mcuc_svdf_params` (`Templates/kernels/common/mcuc_svdf.h`), field for field.
struct SvdfKernelParams: KernelParams {
    static let cType = "mcuc_svdf_params"
    var batches: Int32, inputSize: Int32, filters: Int32, rank: Int32, memory: Int32
    var inputZp: Int32, stateZp: Int32, outputZp: Int32
    var featureMult: Int32, featureShift: Int32
    var outputMult: Int32, outputShift: Int32
    var weightsFeature: TableRef
    var weightsTime: TableRef
    var bias: TableRef
}

extension OpLowering {
    /// SVDF (`mcuc_svdf_s8_s16` for an int16 state and weights_time, `mcuc_svdf_s8_s8` for int8):
    /// reads the input, rewrites the activation state in the model's state buffer (never in the
    /// arena) and writes the output. The kernel reduces each unit's filters straight from the state
    /// (TFLM's two int32 scratch buffers hold the same sums; int32 wrapping addition gives the same
    /// bits in any order), so it needs no scratch. The output is kept separate from the input.
    func svdf(_ p: SvdfParams) -> KernelCall {
        typealias O = Svdf.Operand
        let weightsFeature = ConstantTable(id: .call(node.id, role: "weights"), kind: .weights(source: operand(O.weightsFeature)),
                                           values: .int8(p.weightsFeature))
        let weightsTime = ConstantTable(id: .call(node.id, role: "time"), kind: .weights(source: operand(O.weightsTime)),
                                        values: .int16(p.weightsTime.map { Int16($0) }))
        let bias = ConstantTable(id: .call(node.id, role: "bias"), kind: .bias(folded: false), values: .int32(p.bias))
        let params = SvdfKernelParams(
            batches: Int32(p.batches), inputSize: Int32(p.inputSize), filters: Int32(p.filters), rank: Int32(p.rank),
            memory: Int32(p.memory), inputZp: p.inputZeroPoint, stateZp: p.stateZeroPoint, outputZp: p.outputZeroPoint,
            featureMult: p.featureMultiplier.multiplier, featureShift: p.featureMultiplier.shift,
            outputMult: p.outputMultiplier.multiplier, outputShift: p.outputMultiplier.shift,
            weightsFeature: weightsFeature.ref, weightsTime: weightsTime.ref, bias: bias.ref)
        let input = operand(O.input)
        let symbol = p.stateIsInt16 ? "mcuc_svdf_s8_s16" : "mcuc_svdf_s8_s8"
        let binding = bind(.svdf, symbol, params, [.tensor(input), .tensor(output), .tensor(operand(O.state))],
                           tables: [weightsFeature, weightsTime, bias] + constantTables([input]))
        return call(.svdf, binding, detail: "rank \(p.rank) x \(p.units) units, memory \(p.memory)")
    }
}
