import IR

/// `mcuc_conv2d_s16_params` (`Templates/kernels/common/mcuc_linear_s16.h`), field for field.
struct Conv2DS16KernelParams: KernelParams {
    static let cType = "mcuc_conv2d_s16_params"
    var batches: Int32
    var inH: Int32, inW: Int32, inC: Int32
    var outH: Int32, outW: Int32, outC: Int32
    var filterH: Int32, filterW: Int32
    var filterC: Int32
    var strideH: Int32, strideW: Int32
    var dilationH: Int32, dilationW: Int32
    var padTop: Int32, padLeft: Int32
    var acc64: Int32
    var actMin: Int32, actMax: Int32
    var perChannel: Int32
    var filter: TableRef, bias: TableRef, mult: TableRef, shift: TableRef
}

/// `mcuc_depthwise_s16_params`, field for field.
struct DepthwiseS16KernelParams: KernelParams {
    static let cType = "mcuc_depthwise_s16_params"
    var batches: Int32
    var inH: Int32, inW: Int32, inC: Int32
    var outH: Int32, outW: Int32, outC: Int32
    var depthMultiplier: Int32
    var filterH: Int32, filterW: Int32
    var strideH: Int32, strideW: Int32
    var dilationH: Int32, dilationW: Int32
    var padTop: Int32, padLeft: Int32
    var acc64: Int32
    var actMin: Int32, actMax: Int32
    var perChannel: Int32
    var filter: TableRef, bias: TableRef, mult: TableRef, shift: TableRef
}

/// `mcuc_fully_connected_s16_params`, field for field.
struct FullyConnectedS16KernelParams: KernelParams {
    static let cType = "mcuc_fully_connected_s16_params"
    var batches: Int32, units: Int32, depth: Int32
    var acc64: Int32
    var actMin: Int32, actMax: Int32
    var perChannel: Int32
    var filter: TableRef, bias: TableRef, mult: TableRef, shift: TableRef
}

/// `mcuc_transpose_conv_s16_params`, field for field.
struct TransposeConvS16KernelParams: KernelParams {
    static let cType = "mcuc_transpose_conv_s16_params"
    var batches: Int32
    var inH: Int32, inW: Int32, inC: Int32
    var outH: Int32, outW: Int32, outC: Int32
    var filterH: Int32, filterW: Int32
    var strideH: Int32, strideW: Int32
    var padTop: Int32, padLeft: Int32
    var acc64: Int32
    var actMin: Int32, actMax: Int32
    var perChannel: Int32
    var filter: TableRef, bias: TableRef, mult: TableRef, shift: TableRef
}

/// The int16x8 calls: the portable `mcuc_linear_s16` kernels on every core (no DSP or Helium
/// variant exists, and the variant table only replaces `_s8` kernels), no scratch, the output in
/// bytes of its own (`separate`: the kernels promise no streaming order over int16 rows).
extension OpLowering {
    /// The bias (widened to int64), multiplier and shift tables of an int16x8 call.
    func int16x8Tables(_ a: Int16x8Accumulation, _ output: OutputRequantization)
        -> (bias: ConstantTable, mult: ConstantTable, shift: ConstantTable) {
        let bias = ConstantTable(id: .call(node.id, role: "bias"), kind: .bias(folded: false), values: .int64(a.bias))
        let (mult, shift) = requantizationTables(output)
        return (bias, mult, shift)
    }

    /// A portable `mcuc_linear_s16` call of `symbol` reading `input` (never per patch: patch
    /// stages take int8 operands only).
    func int16x8Call(_ kernel: Kernel, _ symbol: String, _ params: some KernelParams, input: TensorID,
                     tables: [ConstantTable], detail: String) -> KernelCall {
        precondition(patch == nil, "int16 ops never run per patch (ReceptiveFieldRules.typeProblem)")
        let binding = KernelBinding(callee: .kernel(.portable(.linearS16, symbol)), params: params,
                                    arguments: [.tensor(input), .tensor(output)], tables: tables)
        return call(kernel, binding, detail: detail + ", int16x8")
    }

    func conv2dS16(_ p: Conv2DParams, _ a: Int16x8Accumulation) -> KernelCall {
        let w = window(p.window), input = dataInput
        let inShape = graph[input].shape, outShape = graph[output].shape
        let filter = weightTable(p.filter), t = int16x8Tables(a, p.output)
        let params = Conv2DS16KernelParams(
            batches: Int32(inShape[0]), inH: Int32(inShape[1]), inW: Int32(inShape[2]), inC: Int32(inShape[3]),
            outH: Int32(outShape[1]), outW: Int32(outShape[2]), outC: Int32(outShape[3]),
            filterH: Int32(w.filterHeight), filterW: Int32(w.filterWidth), filterC: Int32(p.filterDepth),
            strideH: Int32(w.strideH), strideW: Int32(w.strideW), dilationH: Int32(w.dilationH),
            dilationW: Int32(w.dilationW), padTop: Int32(w.padTop), padLeft: Int32(w.padLeft),
            acc64: a.width == .int64 ? 1 : 0, actMin: p.output.range.lowerBound, actMax: p.output.range.upperBound,
            perChannel: p.output.isPerChannel ? 1 : 0, filter: filter.ref, bias: t.bias.ref, mult: t.mult.ref,
            shift: t.shift.ref)
        return int16x8Call(.convGeneric(w), "mcuc_conv2d_s16", params, input: input,
                           tables: [filter, t.bias, t.mult, t.shift], detail: w.text + ", \(a.width) accumulator")
    }

    func depthwiseS16(_ p: DepthwiseConv2DParams, _ a: Int16x8Accumulation) -> KernelCall {
        let w = window(p.window), input = dataInput
        let inShape = graph[input].shape, outShape = graph[output].shape
        let filter = weightTable(p.filter), t = int16x8Tables(a, p.output)
        let params = DepthwiseS16KernelParams(
            batches: Int32(inShape[0]), inH: Int32(inShape[1]), inW: Int32(inShape[2]), inC: Int32(inShape[3]),
            outH: Int32(outShape[1]), outW: Int32(outShape[2]), outC: Int32(outShape[3]),
            depthMultiplier: Int32(p.depthMultiplier), filterH: Int32(w.filterHeight), filterW: Int32(w.filterWidth),
            strideH: Int32(w.strideH), strideW: Int32(w.strideW), dilationH: Int32(w.dilationH),
            dilationW: Int32(w.dilationW), padTop: Int32(w.padTop), padLeft: Int32(w.padLeft),
            acc64: a.width == .int64 ? 1 : 0, actMin: p.output.range.lowerBound, actMax: p.output.range.upperBound,
            perChannel: p.output.isPerChannel ? 1 : 0, filter: filter.ref, bias: t.bias.ref, mult: t.mult.ref,
            shift: t.shift.ref)
        return int16x8Call(.depthwiseGeneric(w), "mcuc_depthwise_s16", params, input: input,
                           tables: [filter, t.bias, t.mult, t.shift], detail: w.text + ", \(a.width) accumulator")
    }

    func fullyConnectedS16(_ p: FullyConnectedParams, _ a: Int16x8Accumulation) -> KernelCall {
        let filter = weightTable(p.filter), t = int16x8Tables(a, p.output)
        let params = FullyConnectedS16KernelParams(
            batches: Int32(p.batches), units: Int32(p.units), depth: Int32(p.depth), acc64: a.width == .int64 ? 1 : 0,
            actMin: p.output.range.lowerBound, actMax: p.output.range.upperBound,
            perChannel: p.output.isPerChannel ? 1 : 0, filter: filter.ref, bias: t.bias.ref, mult: t.mult.ref,
            shift: t.shift.ref)
        return int16x8Call(.fullyConnected, "mcuc_fully_connected_s16", params, input: operand(0),
                           tables: [filter, t.bias, t.mult, t.shift], detail: "\(a.width) accumulator")
    }

    func transposeConvS16(_ p: TransposeConvParams, _ a: Int16x8Accumulation) -> KernelCall {
        let input = operand(TransposeConv.inputPosition)
        let inShape = graph[input].shape, outShape = graph[output].shape
        let filter = weightTable(p.filter), t = int16x8Tables(a, p.output)
        let params = TransposeConvS16KernelParams(
            batches: Int32(inShape[0]), inH: Int32(inShape[1]), inW: Int32(inShape[2]), inC: Int32(inShape[3]),
            outH: Int32(outShape[1]), outW: Int32(outShape[2]), outC: Int32(outShape[3]),
            filterH: Int32(p.filterHeight), filterW: Int32(p.filterWidth), strideH: Int32(p.strideH),
            strideW: Int32(p.strideW), padTop: Int32(p.padTop), padLeft: Int32(p.padLeft),
            acc64: a.width == .int64 ? 1 : 0, actMin: p.output.range.lowerBound, actMax: p.output.range.upperBound,
            perChannel: p.output.isPerChannel ? 1 : 0, filter: filter.ref, bias: t.bias.ref, mult: t.mult.ref,
            shift: t.shift.ref)
        return int16x8Call(.transposeConv, "mcuc_transpose_conv_s16", params, input: input,
                           tables: [filter, t.bias, t.mult, t.shift],
                           detail: "\(p.filterHeight)x\(p.filterWidth) stride \(p.strideH)x\(p.strideW) "
                               + "pad \(p.padTop),\(p.padLeft), \(a.width) accumulator")
    }
}
