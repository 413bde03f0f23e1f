/// The checks CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and the pools share: window geometry,
/// weight quantization, bias, representable per-channel rescales.
extension OpOperands {
    /// Ranks and constness shared by CONV_2D and DEPTHWISE_CONV_2D.
    func requireWindowOperands() throws(CompileError) {
        try requireRank(input(0), 4, "input")
        try requireRank(input(1), 4, "filter")
        try requireRank(output, 4, "output")
        try requirePerTensor(input(0), "input")
        try requireConstant(input(1), "filter")
    }

    /// Strides, dilations and the output shape `[N, outH, outW, channels]` of a sliding window.
    func requireWindow(filterHeight: Int, filterWidth: Int, strides: (Int, Int), dilations: (Int, Int),
                       padding: Padding, channels: Int) throws(CompileError) {
        guard strides.0 >= 1, strides.1 >= 1 else {
            throw error(.malformed, "stride \(strides.0)x\(strides.1) is invalid")
        }
        guard dilations.0 >= 1, dilations.1 >= 1 else {
            throw error(.malformed, "dilation \(dilations.0)x\(dilations.1) is invalid")
        }
        let shape = input(0).shape
        let rows = ConvGeometry(inputSize: shape[1], filterSize: filterHeight, stride: strides.0,
                                dilation: dilations.0, padding: padding)
        let cols = ConvGeometry(inputSize: shape[2], filterSize: filterWidth, stride: strides.1,
                                dilation: dilations.1, padding: padding)
        guard rows.outputSize >= 1, cols.outputSize >= 1 else {
            throw error(.malformed, "the \(filterHeight)x\(filterWidth) window does not fit the \(shape[1])x\(shape[2]) input")
        }
        let expected = Shape([shape[0], rows.outputSize, cols.outputSize, channels])
        guard output.shape == expected else {
            throw error(.malformed, "output has shape \(output.shape); the options give \(expected)", output)
        }
    }

    /// Weight quantization: per-tensor, or per-channel along `axis` with one entry per channel;
    /// zero points 0 unless `allowZeroPoint` (per-tensor FULLY_CONNECTED).
    func requireWeights(channels: Int, axis: Int, allowZeroPoint: Bool) throws(CompileError) {
        let filter = input(1)
        guard let q = filter.quant else { return }
        if q.scale.count != 1 {
            guard q.axis == axis, q.scale.count == channels else {
                throw error(.unsupported, "filter is quantized per channel along axis \(q.axis.map(String.init) ?? "none") "
                            + "with \(q.scale.count) scales; \(node.op.name) needs axis \(axis) with \(channels)", filter)
            }
        }
        if !allowZeroPoint, q.zeroPoint.contains(where: { $0 != 0 }) {
            throw error(.unsupported, "filter has a non-zero zero point; \(node.op.name) needs symmetric weights", filter)
        }
    }

    /// The optional bias (operand `position`, 2 unless said): constant, one int32 per output channel.
    func requireBias(channels: Int, position: Int = 2) throws(CompileError) {
        guard let bias = optionalInput(position) else { return }
        try requireConstant(bias, "bias")
        guard bias.shape.elementCount == channels else {
            throw error(.malformed, "bias has \(bias.shape.elementCount) elements for \(channels) output channels", bias)
        }
    }

    /// Every per-channel rescale `in * w[c] / out` must be representable (the data input is
    /// operand `inputPosition`, 0 unless said; the weights operand 1).
    func requireChannelRescales(channels: Int, inputPosition: Int = 0) throws(CompileError) {
        let inScale = input(inputPosition).quant?.scale[0] ?? 0
        let outScale = output.quant?.scale[0] ?? 0
        guard let weights = input(1).quant else { return }
        for c in 0..<channels {
            let real = RescaleRecipe.convolution(input: inScale, weight: weights.scale(channel: c), output: outScale)
            try requireRescale(real, "channel \(c)", output)
        }
    }

    /// The bias operand's values (operand `position`, 2 unless said; zeros when the model has
    /// none), `channels` of them.
    func biasValues(channels: Int, position: Int = 2) -> [Int32] {
        optionalInput(position).map(int32Values) ?? [Int32](repeating: 0, count: channels)
    }
}
