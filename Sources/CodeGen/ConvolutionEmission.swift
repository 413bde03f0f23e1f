import IR
import Lowering

/// CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED: weights, biases (input zero point folded in
/// where exact), per-channel multipliers and the call.
///
/// Folding: `sum w * (x - zp) + bias == sum w * x + (bias - zp * sum w)` modulo 2^32, which is the
/// arithmetic both TFLM and the kernels use. It is exact when every tap of every window reads the
/// input (no padding, so no tap is skipped): 1x1 convolutions, windows whose padding is zero on
/// all sides, and every FULLY_CONNECTED. Padded windows keep the raw bias and `input_offset`.
extension CallEmitter {
    /// The requantization tables of a convolution-like op: one multiplier per channel for
    /// per-channel weights, one shared otherwise.
    func multiplierTables(_ multipliers: [FixedPointMultiplier], into result: inout EmittedCall,
                          block: inout ParameterBlock) {
        let mult = CTable(name: tableName("mult"), values: .int32(multipliers.map(\.multiplier)),
                          comment: "op \(node.id.index): Q31 requantization multipliers")
        let shift = CTable(name: tableName("shift"), values: .int32(multipliers.map(\.shift)),
                           comment: "op \(node.id.index): requantization shifts")
        result.tables += [mult, shift]
        block.set("per_channel", multipliers.count > 1 ? 1 : 0)
        block.set("mult", literal: mult.name)
        block.set("shift", literal: shift.name)
    }

    /// Per-channel (or shared) multipliers `in * w[c] / out` (`RescaleRecipe.convolution`).
    func convolutionMultipliers(channels: Int) -> [FixedPointMultiplier] {
        let inScale = quant(operand(0)).scale[0], outScale = quant(output).scale[0]
        let weights = quant(operand(1))
        let count = weights.scale.count > 1 ? channels : 1
        return (0..<count).map { c in
            FixedPointMultiplier(real: RescaleRecipe.convolution(input: inScale, weight: weights.scale(channel: c),
                                                                 output: outScale))
        }
    }

    /// The model's bias (zeros when absent), `channels` values.
    func biasValues(channels: Int) -> [Int32] {
        guard let id = node.input(2) else { return [Int32](repeating: 0, count: channels) }
        return int32Values(id)
    }

    func weightTable(_ values: [Int8]) -> CTable {
        let filter = graph[operand(1)]
        return CTable(name: tableName("filter"), values: .int8(values),
                      comment: "op \(node.id.index): weights t\(filter.id.index) '\(CName.comment(filter.name))' \(filter.shape)")
    }

    func biasTable(_ values: [Int32], folded: Bool) -> CTable {
        CTable(name: tableName("bias"), values: .int32(values),
               comment: "op \(node.id.index): bias" + (folded ? " with the input zero point folded in" : ""))
    }

    func filterValues() -> [Int8] { (graph[operand(1)].data ?? []).map { Int8(bitPattern: $0) } }

    /// The geometry, zero points and clamp fields shared by convolution and depthwise blocks.
    func windowFields(_ block: inout ParameterBlock, input: TensorID, window: ConvWindow, fold: Bool,
                      activation: FusedActivation) {
        let inShape = graph[input].shape, outShape = graph[output].shape
        block.set("batches", inShape[0])
        block.set("in_h", inShape[1]); block.set("in_w", inShape[2]); block.set("in_c", inShape[3])
        block.set("out_h", outShape[1]); block.set("out_w", outShape[2]); block.set("out_c", outShape[3])
        block.set("filter_h", window.filterHeight); block.set("filter_w", window.filterWidth)
        block.set("stride_h", window.strideH); block.set("stride_w", window.strideW)
        block.set("dilation_h", window.dilationH); block.set("dilation_w", window.dilationW)
        block.set("pad_top", window.padTop); block.set("pad_left", window.padLeft)
        block.set("input_offset", fold ? 0 : -quant(operand(0)).zeroPoint[0])
        outputFields(&block, activation: activation)
    }

    /// `output_zp`, `act_min`, `act_max`.
    func outputFields(_ block: inout ParameterBlock, activation: FusedActivation) {
        let range = ActivationRange.fused(activation, output: quant(output))
        block.set("output_zp", quant(output).zeroPoint[0])
        block.set("act_min", range.lowerBound); block.set("act_max", range.upperBound)
    }

    /// Attaches the weight, bias and multiplier tables to `block` and finishes the call.
    func finish(_ block: ParameterBlock, filter: [Int8], bias: [Int32], folded: Bool, multipliers: [FixedPointMultiplier],
                kernel: RuntimeKernel, detail: String, statement line: String) -> EmittedCall {
        var block = block
        var result = EmittedCall(statements: [line], detail: detail, kernels: [kernel])
        let weights = weightTable(filter), biasTable = biasTable(bias, folded: folded)
        result.tables = [weights, biasTable]
        block.set("filter", literal: weights.name)
        block.set("bias", literal: biasTable.name)
        multiplierTables(multipliers, into: &result, block: &block)
        result.parameters = block
        return result
    }

    func convolution() -> EmittedCall {
        guard case .conv2d(let a) = node.op else { preconditionFailure("conv kernel for \(node.op.name)") }
        let input = call.inputs[0]
        let filterShape = graph[operand(1)].shape
        let window: ConvWindow
        if case .convGeneric(let w) = call.kernel {
            window = w
        } else {
            window = ConvWindow(filterHeight: 1, filterWidth: 1, strideH: 1, strideW: 1)
        }
        let channels = filterShape[0], taps = filterShape[1] * filterShape[2] * filterShape[3]
        let zp = quant(operand(0)).zeroPoint[0]
        let filter = filterValues()
        let fold = Self.allTapsInBounds(window)
        var bias = biasValues(channels: channels)
        if fold {
            for oc in 0..<channels {
                let sum = filter[(oc * taps)..<((oc + 1) * taps)].reduce(Int32(0)) { $0 &+ Int32($1) }
                bias[oc] = bias[oc] &- zp &* sum
            }
        }
        var block = ParameterBlock(type: "mcuc_conv2d_params", name: parametersName)
        windowFields(&block, input: input, window: window, fold: fold, activation: a.activation)
        block.set("filter_c", filterShape[3])
        let function = call.kernel == .conv1x1 ? "mcuc_conv2d_1x1_s8" : "mcuc_conv2d_s8"
        return finish(block, filter: filter, bias: bias, folded: fold, multipliers: convolutionMultipliers(channels: channels),
                      kernel: .conv2d, detail: window.isPointwise ? "1x1" : window.text,
                      statement: statement(function, [pointer(input), pointer(output)]))
    }

    func depthwise(_ window: ConvWindow) -> EmittedCall {
        guard case .depthwiseConv2d(let a) = node.op else { preconditionFailure("depthwise kernel for \(node.op.name)") }
        let input = call.inputs[0]
        let filterShape = graph[operand(1)].shape
        let channels = filterShape[3], taps = filterShape[1] * filterShape[2]
        let zp = quant(operand(0)).zeroPoint[0]
        let filter = filterValues()
        let fold = Self.allTapsInBounds(window)
        var bias = biasValues(channels: channels)
        if fold {
            for oc in 0..<channels {
                let sum = (0..<taps).reduce(Int32(0)) { $0 &+ Int32(filter[$1 * channels + oc]) }
                bias[oc] = bias[oc] &- zp &* sum
            }
        }
        var block = ParameterBlock(type: "mcuc_depthwise_params", name: parametersName)
        windowFields(&block, input: input, window: window, fold: fold, activation: a.activation)
        block.set("depth_multiplier", channels / max(graph[input].shape[3], 1))
        var detail = window.text
        let line: String
        if case .depthwiseInPlace = call.kernel {
            detail += ", in place through a one-channel scratch"
            line = statement("mcuc_depthwise_inplace_s8", [pointer(input), pointer(output), "a + \(scratchOffset())"])
        } else {
            line = statement("mcuc_depthwise_s8", [pointer(input), pointer(output)])
        }
        return finish(block, filter: filter, bias: bias, folded: fold, multipliers: convolutionMultipliers(channels: channels),
                      kernel: .depthwise, detail: detail, statement: line)
    }

    func fullyConnected() -> EmittedCall {
        guard case .fullyConnected(let a) = node.op else { preconditionFailure("fc kernel for \(node.op.name)") }
        let input = operand(0)
        let filterShape = graph[operand(1)].shape
        let units = filterShape[0], depth = filterShape[1]
        let weights = quant(operand(1))
        let perTensor = weights.scale.count == 1
        let filterOffset = perTensor ? -weights.zeroPoint[0] : 0
        let zp = quant(input).zeroPoint[0]
        let filter = filterValues()
        var bias = biasValues(channels: units)
        for u in 0..<units {
            let sum = filter[(u * depth)..<((u + 1) * depth)].reduce(Int32(0)) { $0 &+ (Int32($1) &+ filterOffset) }
            bias[u] = bias[u] &- zp &* sum
        }
        let multipliers = perTensor
            ? [FixedPointMultiplier(real: RescaleRecipe.fullyConnectedPerTensor(
                input: quant(input).scale[0], weight: weights.scale[0], output: quant(output).scale[0]))]
            : convolutionMultipliers(channels: units)
        var block = ParameterBlock(type: "mcuc_fully_connected_params", name: parametersName)
        block.set("batches", graph[output].shape.elementCount / max(units, 1))
        block.set("units", units); block.set("depth", depth)
        block.set("input_offset", 0)
        block.set("filter_offset", filterOffset)
        outputFields(&block, activation: a.activation)
        return finish(block, filter: filter, bias: bias, folded: true, multipliers: multipliers, kernel: .fullyConnected,
                      detail: "\(units) units x \(depth)",
                      statement: statement("mcuc_fully_connected_s8", [pointer(input), pointer(output)]))
    }

    /// True when no window tap can fall outside the input: the window has no padding.
    static func allTapsInBounds(_ w: ConvWindow) -> Bool {
        w.padTop == 0 && w.padLeft == 0 && w.padBottom == 0 && w.padRight == 0
    }

    /// The arena offset of this call's scratch.
    func scratchOffset() -> Int {
        guard let request = memory.requests.first(where: { $0.scratchOf == call.node }) else {
            preconditionFailure("no scratch planned for \(call.node)")
        }
        return memory.offsets[request.id]
    }
}
