import IR

/// `mcuc_fully_connected_params` (`Templates/kernels/mcuc_fully_connected.h`), field for field.
struct FullyConnectedKernelParams: KernelParams {
    static let cType = "mcuc_fully_connected_params"
    var batches: Int32, units: Int32, depth: Int32
    var inputOffset: Int32
    var filterOffset: Int32
    var outputZp: Int32
    var actMin: Int32, actMax: Int32
    var perChannel: Int32
    var filter: TableRef
    var bias: TableRef
    var mult: TableRef
    var shift: TableRef
}

extension OpLowering {
    /// FULLY_CONNECTED: row by row, streaming (`interleaved`); every input element is read, so the
    /// input zero point is always folded into the bias.
    func fullyConnected(_ p: FullyConnectedParams) -> KernelCall {
        if let a = p.int16x8 { return fullyConnectedS16(p, a) }
        let input = operand(0)
        let filter = weightTable(p.filter)
        let bias = biasTable(p.biasWithInputZeroPointFolded, folded: true)
        let (mult, shift) = requantizationTables(p.output)
        let params = FullyConnectedKernelParams(
            batches: Int32(p.batches), units: Int32(p.units), depth: Int32(p.depth), inputOffset: 0,
            filterOffset: p.filterOffset, outputZp: p.output.zeroPoint, actMin: p.output.range.lowerBound,
            actMax: p.output.range.upperBound, perChannel: p.output.isPerChannel ? 1 : 0,
            filter: filter.ref, bias: bias.ref, mult: mult.ref, shift: shift.ref)
        let binding = bind(.fullyConnected, "mcuc_fully_connected_s8", params, [.tensor(input), .tensor(output)],
                           tables: [filter, bias, mult, shift] + constantTables([input]))
        let rows = graph[input].shape.elementCount / max(p.depth, 1)
        let contract = streaming(.interleaved) {
            StreamingGap.interleaved(units: rows, inputUnitBytes: p.depth * elementBytes(input),
                                     outputUnitBytes: p.units * elementBytes(output))
        }
        let detail = "\(p.units) units x \(p.depth)"
        if hasPackedInt4Filter {
            return int4FilterCall(.fullyConnected, .fullyConnected, "mcuc_fully_connected_s8", params, input: input,
                                  tables: [filter, bias, mult, shift] + constantTables([input]), detail: detail,
                                  contract: contract)
        }
        if binding.function?.variant == .mve,
           let gemm = mveGemm(weights: p.filter.map { Int32($0) + p.filterOffset }, rows: rows, depth: p.depth,
                              bias: p.biasWithInputZeroPointFolded, output: p.output, function: binding.function!,
                              input: input) {
            return call(.fullyConnected, gemm, detail: detail, contract: contract)
        }
        if binding.function?.variant == .dsp,
           let gemm = dspGemm(weights: p.filter.map { Int32($0) + p.filterOffset }, rows: rows, depth: p.depth,
                              bias: p.biasWithInputZeroPointFolded, output: p.output, function: binding.function!,
                              input: input) {
            return call(.fullyConnected, gemm.binding, detail: detail, scratch: gemm.scratch, contract: contract)
        }
        return call(.fullyConnected, bindPortable(binding, .fullyConnected, "mcuc_fully_connected_s8"), detail: detail,
                    contract: contract)
    }
}
