/// Checks of the sliding-window and matrix ops: CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED,
/// AVERAGE_POOL_2D and MAX_POOL_2D.
enum ConvChecks {
    static func conv2d(_ op: OpCheck, _ a: Conv2DAttrs) throws(CompileError) {
        let input = op.input(0), filter = op.input(1)
        try windowOperands(op, input: input, filter: filter)
        let f = filter.shape
        guard f.dims.allSatisfy({ $0 >= 1 }) else {
            throw op.error(.malformed, "filter has shape \(f) with an empty dimension", filter)
        }
        let depth = input.shape[3]
        guard depth >= 1, depth % f[3] == 0 else {
            throw op.error(.malformed, "input has \(depth) channels, not a multiple of the filter's \(f[3])", filter)
        }
        let groups = depth / f[3]
        guard f[0] % groups == 0 else {
            throw op.error(.malformed, "\(f[0]) filters cannot be split into \(groups) groups", filter)
        }
        try window(op, filterHeight: f[1], filterWidth: f[2], strides: (a.strideH, a.strideW),
                   dilations: (a.dilationH, a.dilationW), padding: a.padding, channels: f[0])
        try weights(op, filter, channels: f[0], axis: 0, allowZeroPoint: false)
        try bias(op, channels: f[0])
        try channelRescales(op, channels: f[0])
    }

    static func depthwise(_ op: OpCheck, _ a: DepthwiseConv2DAttrs) throws(CompileError) {
        let input = op.input(0), filter = op.input(1)
        try windowOperands(op, input: input, filter: filter)
        let f = filter.shape
        guard f[0] == 1, f[1] >= 1, f[2] >= 1, f[3] >= 1 else {
            throw op.error(.malformed, "filter has shape \(f); DEPTHWISE_CONV_2D needs [1, KH, KW, C]", filter)
        }
        let depth = input.shape[3]
        guard a.depthMultiplier >= 1, f[3] == depth * a.depthMultiplier else {
            throw op.error(.malformed, "depth_multiplier \(a.depthMultiplier) does not match \(f[3]) filter channels "
                           + "for \(depth) input channels", filter)
        }
        try window(op, filterHeight: f[1], filterWidth: f[2], strides: (a.strideH, a.strideW),
                   dilations: (a.dilationH, a.dilationW), padding: a.padding, channels: f[3])
        try weights(op, filter, channels: f[3], axis: 3, allowZeroPoint: false)
        try bias(op, channels: f[3])
        try channelRescales(op, channels: f[3])
    }

    static func fullyConnected(_ op: OpCheck, _ a: FullyConnectedAttrs) throws(CompileError) {
        let input = op.input(0), filter = op.input(1), output = op.output
        try op.requirePerTensor(input, "input")
        try op.requireConstant(filter, "filter")
        try op.requireRank(filter, 2, "filter")
        let units = filter.shape[0], depth = filter.shape[1]
        guard units >= 1, depth >= 1 else {
            throw op.error(.malformed, "filter has shape \(filter.shape) with an empty dimension", filter)
        }
        let inputCount = input.shape.elementCount
        guard inputCount % depth == 0 else {
            throw op.error(.malformed, "input has \(inputCount) elements, not a multiple of the filter depth \(depth)", input)
        }
        let batches = inputCount / depth
        let outputCount = output.shape.elementCount
        guard output.shape.rank >= 1, output.shape[-1] == units, outputCount / units == batches else {
            throw op.error(.malformed, "output has shape \(output.shape); expected \(batches) rows of \(units) units", output)
        }
        let perTensor = (filter.quant?.scale.count ?? 1) == 1
        try weights(op, filter, channels: units, axis: 0, allowZeroPoint: perTensor)
        try bias(op, channels: units)
        if perTensor {
            try perTensorFullyConnectedRescale(op)
        } else {
            try channelRescales(op, channels: units)
        }
    }

    static func pool(_ op: OpCheck, _ a: Pool2DAttrs) throws(CompileError) {
        let input = op.input(0), output = op.output
        try op.requireRank(input, 4, "input")
        try op.requireRank(output, 4, "output")
        try op.requirePerTensor(input, "input")
        guard a.filterH >= 1, a.filterW >= 1 else {
            throw op.error(.malformed, "filter size \(a.filterH)x\(a.filterW) is invalid")
        }
        try window(op, filterHeight: a.filterH, filterWidth: a.filterW, strides: (a.strideH, a.strideW),
                   dilations: (1, 1), padding: a.padding, channels: input.shape[3])
        try op.requireSameQuant(output, as: input,
                                "\(op.node.op.name) works on raw int8 values; input and output quantization must be equal")
    }

    /// Ranks and constness shared by CONV_2D and DEPTHWISE_CONV_2D.
    static func windowOperands(_ op: OpCheck, input: Tensor, filter: Tensor) throws(CompileError) {
        try op.requireRank(input, 4, "input")
        try op.requireRank(filter, 4, "filter")
        try op.requireRank(op.output, 4, "output")
        try op.requirePerTensor(input, "input")
        try op.requireConstant(filter, "filter")
    }

    /// Strides, dilations and the output shape `[N, outH, outW, channels]` of a sliding window.
    static func window(_ op: OpCheck, filterHeight: Int, filterWidth: Int, strides: (Int, Int), dilations: (Int, Int),
                       padding: Padding, channels: Int) throws(CompileError) {
        guard strides.0 >= 1, strides.1 >= 1 else {
            throw op.error(.malformed, "stride \(strides.0)x\(strides.1) is invalid")
        }
        guard dilations.0 >= 1, dilations.1 >= 1 else {
            throw op.error(.malformed, "dilation \(dilations.0)x\(dilations.1) is invalid")
        }
        let input = op.input(0).shape
        let rows = ConvGeometry(inputSize: input[1], filterSize: filterHeight, stride: strides.0,
                                dilation: dilations.0, padding: padding)
        let cols = ConvGeometry(inputSize: input[2], filterSize: filterWidth, stride: strides.1,
                                dilation: dilations.1, padding: padding)
        guard rows.outputSize >= 1, cols.outputSize >= 1 else {
            throw op.error(.malformed, "the \(filterHeight)x\(filterWidth) window does not fit the \(input[1])x\(input[2]) input")
        }
        let expected = Shape([input[0], rows.outputSize, cols.outputSize, channels])
        guard op.output.shape == expected else {
            throw op.error(.malformed, "output has shape \(op.output.shape); the options give \(expected)", op.output)
        }
    }

    /// Weight quantization: per-tensor, or per-channel along `axis` with one entry per channel;
    /// zero points 0 unless `allowZeroPoint` (per-tensor FULLY_CONNECTED).
    static func weights(_ op: OpCheck, _ filter: Tensor, channels: Int, axis: Int,
                        allowZeroPoint: Bool) throws(CompileError) {
        guard let q = filter.quant else { return }
        if q.scale.count != 1 {
            guard q.axis == axis, q.scale.count == channels else {
                throw op.error(.unsupported, "filter is quantized per channel along axis \(q.axis.map(String.init) ?? "none") "
                               + "with \(q.scale.count) scales; \(op.node.op.name) needs axis \(axis) with \(channels)",
                               filter)
            }
        }
        if !allowZeroPoint, q.zeroPoint.contains(where: { $0 != 0 }) {
            throw op.error(.unsupported, "filter has a non-zero zero point; \(op.node.op.name) needs symmetric weights", filter)
        }
    }

    /// The optional bias: constant, one int32 per output channel.
    static func bias(_ op: OpCheck, channels: Int) throws(CompileError) {
        guard let bias = op.optionalInput(2) else { return }
        try op.requireConstant(bias, "bias")
        guard bias.shape.elementCount == channels else {
            throw op.error(.malformed, "bias has \(bias.shape.elementCount) elements for \(channels) output channels", bias)
        }
    }

    /// Every per-channel rescale `in * w[c] / out` must be representable.
    static func channelRescales(_ op: OpCheck, channels: Int) throws(CompileError) {
        let inScale = op.input(0).quant?.scale[0] ?? 0
        let outScale = op.output.quant?.scale[0] ?? 0
        guard let weights = op.input(1).quant else { return }
        for c in 0..<channels {
            let real = RescaleRecipe.convolution(input: inScale, weight: weights.scale(channel: c), output: outScale)
            try op.requireRescale(real, "channel \(c)", op.output)
        }
    }

    /// Per-tensor FULLY_CONNECTED: the multiplier, and TFLM's bias-scale tolerance
    /// (`|in_s * w_s - bias_s| / out_s <= 0.02`, `GetQuantizedConvolutionMultipler`).
    static func perTensorFullyConnectedRescale(_ op: OpCheck) throws(CompileError) {
        let inScale = op.input(0).quant?.scale[0] ?? 0
        let weightScale = op.input(1).quant?.scale[0] ?? 0
        let outScale = op.output.quant?.scale[0] ?? 0
        if let bias = op.optionalInput(2) {
            let product = Double(inScale) * Double(weightScale)
            let biasScale = Double(bias.quant?.scale.first ?? 0)
            guard abs(product - biasScale) / Double(outScale) <= 0.02 else {
                throw op.error(.unsupported, "bias scale \(biasScale) does not match input scale × weight scale \(product)",
                               bias)
            }
        }
        try op.requireRescale(RescaleRecipe.fullyConnectedPerTensor(input: inScale, weight: weightScale, output: outScale),
                              "output", op.output)
    }
}
