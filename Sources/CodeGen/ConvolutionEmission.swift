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
    /// The node's operands, for its definition's `prepare`.
    var operands: OpOperands { OpOperands(node: node, graph: graph) }

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

    func weightTable(_ values: [Int8]) -> CTable {
        let filter = graph[operand(1)]
        return CTable(name: tableName("filter"), values: .int8(values),
                      comment: "op \(node.id.index): weights t\(filter.id.index) '\(CName.comment(filter.name))' \(filter.shape)")
    }

    func biasTable(_ values: [Int32], folded: Bool) -> CTable {
        CTable(name: tableName("bias"), values: .int32(values),
               comment: "op \(node.id.index): bias" + (folded ? " with the input zero point folded in" : ""))
    }

    /// The geometry, zero points and clamp fields shared by convolution and depthwise blocks.
    func windowFields(_ block: inout ParameterBlock, input: TensorID, window: ConvWindow, inputOffset: Int32,
                      output stage: OutputRequantization) {
        let inShape = graph[input].shape, outShape = graph[output].shape
        block.set("batches", inShape[0])
        block.set("in_h", inShape[1]); block.set("in_w", inShape[2]); block.set("in_c", inShape[3])
        block.set("out_h", outShape[1]); block.set("out_w", outShape[2]); block.set("out_c", outShape[3])
        block.set("filter_h", window.filterHeight); block.set("filter_w", window.filterWidth)
        block.set("stride_h", window.strideH); block.set("stride_w", window.strideW)
        block.set("dilation_h", window.dilationH); block.set("dilation_w", window.dilationW)
        block.set("pad_top", window.padTop); block.set("pad_left", window.padLeft)
        block.set("input_offset", inputOffset)
        outputFields(&block, zeroPoint: stage.zeroPoint, range: stage.range)
    }

    /// `output_zp`, `act_min`, `act_max`.
    func outputFields(_ block: inout ParameterBlock, zeroPoint: Int32, range: ClosedRange<Int32>) {
        block.set("output_zp", zeroPoint)
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
        guard case .conv2d(let op) = node.op else { preconditionFailure("conv kernel for \(node.op.name)") }
        let p = op.prepare(operands)
        let input = call.inputs[0]
        let window: ConvWindow
        if case .convGeneric(let w) = call.kernel {
            window = w
        } else {
            window = ConvWindow(filterHeight: 1, filterWidth: 1, strideH: 1, strideW: 1)
        }
        let fold = Self.allTapsInBounds(window)
        var block = ParameterBlock(type: "mcuc_conv2d_params", name: parametersName)
        windowFields(&block, input: input, window: window, inputOffset: fold ? 0 : -p.inputZeroPoint, output: p.output)
        block.set("filter_c", p.filterDepth)
        let function = call.kernel == .conv1x1 ? "mcuc_conv2d_1x1_s8" : "mcuc_conv2d_s8"
        return finish(block, filter: p.filter, bias: fold ? p.biasWithInputZeroPointFolded : p.bias, folded: fold,
                      multipliers: p.output.multipliers, kernel: .conv2d, detail: window.isPointwise ? "1x1" : window.text,
                      statement: statement(function, [pointer(input), pointer(output)]))
    }

    func depthwise(_ window: ConvWindow) -> EmittedCall {
        guard case .depthwiseConv2d(let op) = node.op else { preconditionFailure("depthwise kernel for \(node.op.name)") }
        let p = op.prepare(operands)
        let input = call.inputs[0]
        let fold = Self.allTapsInBounds(window)
        var block = ParameterBlock(type: "mcuc_depthwise_params", name: parametersName)
        windowFields(&block, input: input, window: window, inputOffset: fold ? 0 : -p.inputZeroPoint, output: p.output)
        block.set("depth_multiplier", p.depthMultiplier)
        var detail = window.text
        let line: String
        if case .depthwiseInPlace = call.kernel {
            detail += ", in place through a one-channel scratch"
            line = statement("mcuc_depthwise_inplace_s8", [pointer(input), pointer(output), "a + \(scratchOffset())"])
        } else {
            line = statement("mcuc_depthwise_s8", [pointer(input), pointer(output)])
        }
        return finish(block, filter: p.filter, bias: fold ? p.biasWithInputZeroPointFolded : p.bias, folded: fold,
                      multipliers: p.output.multipliers, kernel: .depthwise, detail: detail, statement: line)
    }

    func fullyConnected() -> EmittedCall {
        guard case .fullyConnected(let op) = node.op else { preconditionFailure("fc kernel for \(node.op.name)") }
        let p = op.prepare(operands)
        var block = ParameterBlock(type: "mcuc_fully_connected_params", name: parametersName)
        block.set("batches", p.batches)
        block.set("units", p.units); block.set("depth", p.depth)
        block.set("input_offset", 0)
        block.set("filter_offset", p.filterOffset)
        outputFields(&block, zeroPoint: p.output.zeroPoint, range: p.output.range)
        return finish(block, filter: p.filter, bias: p.biasWithInputZeroPointFolded, folded: true,
                      multipliers: p.output.multipliers, kernel: .fullyConnected, detail: "\(p.units) units x \(p.depth)",
                      statement: statement("mcuc_fully_connected_s8", [pointer(operand(0)), pointer(output)]))
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
